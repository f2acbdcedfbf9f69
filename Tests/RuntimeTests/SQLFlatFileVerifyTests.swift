import Codegen
import Foundation
import IR
import Testing

@testable import Runtime

/// `migrate verify` on a mapping with flat files at both edges: the source's file is read by the
/// runtime's flat-file reader for the native run and for the SQL's staging table, and the file
/// target's query rows are compared with the rows the native run gave the target.
@Suite struct SQLFlatFileVerifyTests {
    /// Flat file `CALLS (ID number(10,0), NAME string(20), AMT number(8,2))`, comma-delimited with
    /// double quotes and one header row → FIL (`AMT > 100`) → EXP (`NAME_OUT = NAME || '!'`) → flat
    /// file `BIG_CALLS (ID, NAME_OUT, AMT)`.
    static var export: ExportBuilder { export(target: ["ID:n10", "NAME_OUT:s30", "AMT:n8.2"]) }

    /// The same, the file target's columns written as `target`.
    static func export(target: [String]) -> ExportBuilder {
        var export = ExportBuilder()
        let columns = ["ID:n10", "NAME:s20", "AMT:n8.2"]
        export.source("CALLS", columns, flatFile: ExportBuilder.csv)
        export.transformation(
            "FIL", type: "Filter", ports: columns.map { ExportBuilder.port($0) },
            attributes: [("Filter Condition", "AMT > 100")])
        export.transformation(
            "EXP", type: "Expression",
            ports: [
                ExportBuilder.port("ID:n10"), ExportBuilder.port("NAME:s20", "INPUT"), ExportBuilder.port("AMT:n8.2"),
                ExportBuilder.port("NAME_OUT:s30", "OUTPUT", expression: "NAME || '!'"),
            ])
        export.target("BIG_CALLS", target, flatFile: ExportBuilder.csv)
        export.connect("SQ_CALLS", "FIL", ["ID", "NAME", "AMT"])
        export.connect("FIL", "EXP", ["ID", "NAME", "AMT"])
        export.connect("EXP", "BIG_CALLS", ["ID", "NAME_OUT", "AMT"])
        return export
    }

    @Test("native and SQLite agree on generated data written to the source's file and read back")
    func agreesOnGeneratedFiles() throws {
        let pipeline = try ExecutorHarness().pipeline(Self.export)
        let report = PushdownVerifier(engines: [.native, .sqlite], rowsPerSource: 40, seed: 3).verify(pipeline)
        #expect(report.verdict == .agree, "\(report.text)")
        #expect(report.notPushedDown.isEmpty)
        let source = try #require(report.fileSources.first)
        #expect(source.source == "CALLS" && source.file.hasSuffix("/files/CALLS"))
        #expect(source.rows > 0 && source.rows <= 40)
        let target = try #require(report.targets.first)
        #expect(target.target == "BIG_CALLS" && target.file == "$PMTargetFileDir/big_calls.out")
        #expect(target.rows["native"] == target.rows["sqlite"])
        #expect((target.rows["native"] ?? 0) > 0, "some generated amounts are above 100")
        #expect((target.rows["native"] ?? 40) < source.rows, "and some are not (0, -1, the smallest)")
        #expect(report.text.contains("BIG_CALLS (flat file '$PMTargetFileDir/big_calls.out', rows before the writer)"))
    }

    @Test("--data DIR: the source's own file, read with PowerCenter's rules (a bad number rejects its row)")
    func readsTheSourceFileFromTheDataFolder() throws {
        let folder = NSTemporaryDirectory() + "sqlfiles-data-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Rows 1 and 4 pass the filter; row 2 does not; row 3's AMT is not a number: rejected.
        let file = "ID,NAME,AMT\n1,\"Smith, J\",150.50\n2,Lee,99.99\n3,Kim,12x\n4,,200\n"
        try file.write(toFile: folder + "/CALLS", atomically: true, encoding: .utf8)
        let pipeline = try ExecutorHarness().pipeline(Self.export)
        var verifier = PushdownVerifier(engines: [.native, .sqlite])
        verifier.dataFolder = folder
        let report = verifier.verify(pipeline)
        #expect(report.verdict == .agree, "\(report.text)")
        let source = try #require(report.fileSources.first)
        #expect(source.file == folder + "/CALLS")
        #expect(source.rows == 3 && source.rejected == 1)
        #expect(source.firstRejection?.hasPrefix("line 4:") == true, "\(source.firstRejection ?? "")")
        #expect(report.targets.first?.rows == ["native": 2, "sqlite": 2])
    }

    @Test("a NOT NULL column of a file target takes NULL (written as an empty field), natively as in SQL")
    func fileTargetTakesNullInNotNullColumn() throws {
        let folder = NSTemporaryDirectory() + "sqlfiles-notnull-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // All three rows pass the filter; the second has no ID.
        let file = "ID,NAME,AMT\n1,\"Smith, J\",150.50\n,Lee,199.99\n4,,200\n"
        try file.write(toFile: folder + "/CALLS", atomically: true, encoding: .utf8)
        let pipeline = try ExecutorHarness().pipeline(Self.export(target: ["ID!:n10", "NAME_OUT:s30", "AMT!:n8.2"]))
        let target = try #require(pipeline.nodes.first { $0.id == "BIG_CALLS" })
        #expect(target.ports.first { $0.name == "ID" }?.nullable == false, "the export declares ID NOT NULL")
        var verifier = PushdownVerifier(engines: [.native, .sqlite])
        verifier.dataFolder = folder
        let report = verifier.verify(pipeline)
        // The native run's scratch table once declared ID NOT NULL and refused the row the file
        // takes: native 2 rows, SQLite 3, DIFFER (found with mutated corpus export 74977).
        #expect(report.verdict == .agree, "\(report.text)")
        #expect(report.targets.first?.rows == ["native": 3, "sqlite": 3], "\(report.text)")
    }

    @Test("a SQL query that differs from the native run is detected (the filter dropped from the file's query)")
    func detectsADifference() throws {
        let verifier = PushdownVerifier(engines: [.native, .sqlite], rowsPerSource: 40, seed: 3)
        let pipeline = PushdownVerifier.unqualified(try ExecutorHarness().pipeline(Self.export))
        let folder = NSTemporaryDirectory() + "sqlfiles-differ-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/files", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let settings = PushdownVerifier.settings(nil)
        var dataset = SyntheticData.generate(for: pipeline, rowsPerSource: 40, seed: 3)
        var report = VerificationReport(pipeline: "m_test", engines: ["native", "sqlite"], rowsPerSource: 40, seed: 3)
        report.fileSources = try VerificationFlatFiles.read(
            &dataset, pipeline, session: nil, settings: settings, folder: folder, dataFolder: nil)
        let native = try #require(try verifier.runNative(pipeline, dataset, folder, nil, settings, &report))
        let sql = SQLPipelineLowering(SQLiteDialect()).lower(pipeline)
        var load = try #require(sql.fileLoads.first)
        guard case .select(var select) = load.query, let index = select.with.firstIndex(where: { $0.name == "FIL" }),
            case .select(var filter) = select.with[index].query
        else {
            Issue.record("the file's query has no common table FIL")
            return
        }
        #expect(filter.filter != nil)
        filter.filter = nil
        select.with[index].query = .select(filter)
        load.query = .select(select)
        for (name, candidate) in [("sql-right", sql.fileLoads[0]), ("sql-wrong", load)] {
            let connection = try SQLiteRelationalConnection(path: folder + "/\(name).sqlite")
            try verifier.stage(sql, dataset, into: connection, SQLiteDialect())
            var checked = report
            verifier.recordFile(
                .sqlite, candidate, pipeline, folder: folder, native: native, connection, SQLiteDialect(), settings,
                &checked)
            checked.decide()
            let comparison = try #require(checked.targets.first?.comparisons["sqlite"])
            if name == "sql-right" {
                #expect(checked.verdict == .agree, "\(checked.text)")
            } else {
                #expect(checked.verdict == .differ)
                #expect(comparison.missing == 0 && comparison.extra > 0, "\(checked.text)")
                #expect(checked.text.contains("DIFFERENT") && checked.text.contains("extra:"))
            }
        }
    }

    /// Source `CALLS (ID, NAME)` → flat-file lookup `LKP_F` (lookup port `\u{EF}\u{BB}\u{BF}ID`, a
    /// byte order mark read as Latin-1 before the header's first name, as a public export has it;
    /// its condition names that port) → target `T_F (ID, NAME, LABEL)`.
    static var flatFileLookup: ExportBuilder {
        var export = ExportBuilder()
        export.source("CALLS", ["ID:n10", "NAME:s20"])
        export.transformation(
            "LKP_F", type: "Lookup Procedure",
            ports: [
                ExportBuilder.port("ID:n10"), ExportBuilder.port("NAME:s20"),
                ExportBuilder.port("\u{EF}\u{BB}\u{BF}ID:n10", "LOOKUP/OUTPUT"),
                ExportBuilder.port("LABEL:s10", "LOOKUP/OUTPUT"),
            ],
            attributes: [
                ("Lookup condition", "\u{EF}\u{BB}\u{BF}ID = ID"), ("Lookup table name", ""),
                ("Lookup caching enabled", "YES"), ("Lookup policy on multiple match", "Use Any Value"),
                ("Source Type", "Flat File"),
            ])
        export.target("T_F", ["ID:n10", "NAME:s20", "LABEL:s10"])
        export.connect("SQ_CALLS", "LKP_F", ["ID", "NAME"])
        export.connect("LKP_F", "T_F", ["ID", "NAME", "LABEL"])
        return export
    }

    @Test("a flat-file lookup gets generated rows and runs natively; SQL names it (CG2012)")
    func flatFileLookupRunsNatively() throws {
        let pipeline = try ExecutorHarness().pipeline(Self.flatFileLookup)
        let report = PushdownVerifier(engines: [.native, .sqlite], rowsPerSource: 30, seed: 2).verify(pipeline)
        // Before: the native run failed reading the lookup ("no such table: LKP_F"), and before
        // that the condition did not parse.
        #expect(report.verdict == .notPushedDown, "\(report.text)")
        #expect(report.problems.isEmpty, "\(report.text)")
        #expect(report.notPushedDown.map { "\($0.node) \($0.code)" } == ["LKP_F CG2012"], "\(report.text)")
    }
}
