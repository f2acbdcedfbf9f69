import Foundation
import IR
import Testing

@testable import Runtime

/// `migrate verify --data DIR`: CSV records, typed values, located problems, and a run on them.
@Suite struct VerificationDataTests {
    @Test("CSV records: quotes, doubled quotes, commas and line breaks inside quotes, CRLF, blank lines")
    func records() {
        let records = CSVRecords.parse("A,B,C\r\n1,\"x, \"\"y\"\"\",\n\n2,\"two\nlines\",\"\"\n")
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(
            records.map { $0.fields.map(\.text) } == [
                ["A", "B", "C"], ["1", "x, \"y\"", ""], ["2", "two\nlines", ""],
            ])
        #expect(records[1].fields[2].quoted == false && records[2].fields[2].quoted == true)
    }

    func pipeline(_ harness: ExecutorHarness) throws -> Pipeline {
        try harness.pipeline(
            PushdownVerifierTests.export(condition: "V > 0 OR ISNULL(V)", expression: "NAME || '!'"))
    }

    func folder(_ files: [String: String]) throws -> String {
        let folder = NSTemporaryDirectory() + "verify-data-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        return folder
    }

    @Test("a run on CSV files: an empty unquoted field and NULL are NULL, a quoted empty field is ''")
    func runsOnFiles() throws {
        let harness = try ExecutorHarness()
        let folder = try folder(["F_IN.csv": "ID,NAME,V\n1,a,5\n2,,-1\n3,\"\",NULL\n4,NULL,0\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var verifier = PushdownVerifier(engines: [.sqlite])
        verifier.dataFolder = folder
        let report = verifier.verify(try pipeline(harness))
        #expect(report.verdict == .agree, "\(report.text)")
        // V > 0 OR ISNULL(V) keeps rows 1 (5) and 3 (NULL); -1 and 0 are dropped.
        #expect(report.targets.first?.rows == ["native": 2, "sqlite": 2])
        #expect(report.text.hasPrefix("m_test: AGREE (native, sqlite; data from \(folder))"))
        let (dataset, _) = VerificationData.load(
            folder: folder, for: try pipeline(harness), settings: PushdownVerifier.settings(nil))
        let rows = try #require(dataset?.tables.values.first?.rows.rows)
        #expect(rows[1][1] == .null && rows[2][1] == .string("") && rows[3][1] == .null && rows[2][2] == .null)
    }

    @Test("a missing file, a missing column and a value that does not convert are located diagnostics")
    func problems() throws {
        let harness = try ExecutorHarness()
        let pipeline = try pipeline(harness)
        let settings = PushdownVerifier.settings(nil)
        let empty = try folder([:])
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let missing = VerificationData.load(folder: empty, for: pipeline, settings: settings)
        #expect(missing.dataset == nil)
        #expect(missing.diagnostics.map(\.code) == [VerifyDiagnostics.dataFileMissing.code])
        let bad = try folder(["F_IN.csv": "ID,NAME\n1,a\n", "SQ_F_IN.csv": "unused"])
        defer { try? FileManager.default.removeItem(atPath: bad) }
        let noColumn = VerificationData.load(folder: bad, for: pipeline, settings: settings)
        #expect(noColumn.diagnostics.first?.message == "the header has no column 'V'")
        let wrong = try folder(["F_IN.csv": "ID,NAME,V\n1,a,5\n2,b,99999999999\n"])
        defer { try? FileManager.default.removeItem(atPath: wrong) }
        let value = VerificationData.load(folder: wrong, for: pipeline, settings: settings)
        #expect(value.diagnostics.first?.location.line == 3)
        #expect(value.diagnostics.first?.message.hasPrefix("'99999999999' is not a integer for 'V'") == true)
    }
}
