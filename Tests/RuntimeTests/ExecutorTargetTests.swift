import Foundation
import IR
import Runtime
import Testing

/// Flat-file sources and targets, and all-or-nothing target writes (reference §2.1, §2.20, §2.22).
@Suite("Executor files and targets")
struct ExecutorTargetTests {
    static let columns = ["ID:n10", "NAME:s20", "AMT:n10"]

    /// Source `source` (flat or relational) feeding relational targets `tables` and the flat-file
    /// target T_FILE.
    static func export(source: String, flat: Bool, tables: [String]) -> ExportBuilder {
        var export = ExportBuilder()
        export.source(source, columns, flatFile: flat ? ExportBuilder.csv : nil)
        for table in tables {
            export.target(table, columns)
            export.connect("SQ_\(source)", table, ["ID", "NAME", "AMT"])
        }
        export.target("T_FILE", columns, flatFile: ExportBuilder.csv)
        export.connect("SQ_\(source)", "T_FILE", ["ID", "NAME", "AMT"])
        return export
    }

    @Test("flat-file source rejects a bad numeric field with its line; flat-file target written on success")
    func flatFiles() throws {
        let harness = try ExecutorHarness()
        try harness.file("ff_in.csv", "ID,NAME,AMT\n1,a,10\n2,b,xx\n3,c,30\n")
        let result = try harness.run(
            Self.export(source: "FF_IN", flat: true, tables: ["T_FF"]),
            attributes: ["SQ_FF_IN": [("Source filename", "ff_in.csv")]])
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // The header is skipped (SKIPROWS 1); 'xx' is not a number, so the record on line 3 is a
        // row error: rejected with its line, the other rows go on (§2.22).
        #expect(try harness.rows("SELECT ID, NAME, AMT FROM T_FF", columns: 3).sorted() == ["1|a|10", "3|c|30"])
        #expect(result.counters["SQ_FF_IN"]?.rowsRejected == 1)
        let lines = harness.rejectLines()
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("SQ_FF_IN\t") == true)
        #expect(lines.first?.contains("line 3") == true, "\(lines)")
        // The flat-file target ($PMTargetFileDir/t_file.out) holds the same two rows, and only the
        // final file exists after the run.
        let output = harness.directory + "/out/t_file.out"
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        #expect(text.split(separator: "\n").map(String.init) == ["1,a,10", "3,c,30"])
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: harness.directory + "/out")) ?? []
        #expect(leftovers == ["t_file.out"])
    }

    /// Target columns, and the rows the target keeps of (1, a, 10), (NULL, b, 20), (3, NULL, 30).
    static let refusingTargets: [([String], [String])] = [
        (["ID*:i", "NAME:s20", "AMT:n10"], ["1|a|10", "3|NULL|30"]),
        (["ID*:n10", "NAME:s20", "AMT:n10"], ["1|a|10", "3|NULL|30"]),
        (["ID:i", "NAME!:s20", "AMT:n10"], ["1|a|10", "NULL|b|20"]),
    ]

    @Test(
        "a table created for a target refuses NULL in a key or NOT NULL column: the row is rejected, never given a made-up key",
        arguments: refusingTargets)
    func createdTableRefusesNull(_ target: [String], _ kept: [String]) throws {
        let harness = try ExecutorHarness()
        try harness.table("M_IN", Self.columns, [["1", "a", "10"], ["NULL", "b", "20"], ["3", "NULL", "30"]])
        var export = ExportBuilder()
        export.source("M_IN", Self.columns)
        export.target("T_KEYS", target)
        export.connect("SQ_M_IN", "T_KEYS", ["ID", "NAME", "AMT"])
        let result = try harness.run(export)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // SQLite alone would keep the row: with a new rowid for the key where the column is declared
        // exactly INTEGER, with NULL otherwise. The databases a target definition describes refuse
        // it, and PowerCenter writes it to the reject file.
        #expect(try harness.rows("SELECT ID, NAME, AMT FROM T_KEYS", columns: 3).sorted() == kept)
        #expect(result.counters["T_KEYS"]?.rowsRejected == 1, "\(ExecutorHarness.describe(result))")
        let lines = harness.rejectLines()
        #expect(lines.count == 1 && lines[0].contains("NOT NULL"), "\(lines)")
    }

    @Test("a missing target table without create_tables fails with RT0405 and writes nothing anywhere")
    func missingTable() throws {
        let harness = try ExecutorHarness(createTables: false)
        try harness.table("M_IN", Self.columns, [["1", "a", "10"], ["2", "b", "20"], ["3", "c", "30"]])
        try harness.table("T_OK", Self.columns, [])
        let result = try harness.run(Self.export(source: "M_IN", flat: false, tables: ["T_OK", "T_MISSING"]))
        #expect(!result.succeeded)
        let failure = result.diagnostics.first { "\($0.code)" == "RT0405" }
        #expect(failure != nil, "\(ExecutorHarness.describe(result))")
        #expect(failure?.message.contains("'T_MISSING'") == true)
        // All or nothing: T_OK's rows are rolled back, no run marker is committed, the flat-file
        // target is neither published nor left behind as a temporary file.
        #expect(try harness.rows("SELECT ID FROM T_OK", columns: 1) == [])
        #expect(try harness.tables() == ["M_IN", "T_OK"])
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: harness.directory + "/out")) ?? []
        #expect(leftovers == [])
    }
}
