import Codegen
import Foundation
import IR
import Testing

@testable import Runtime

/// A flat-file source's rows arrive in file order, which PowerCenter defines: the staging table's
/// ordinal column gives pushed-down SQL that order, so a Sequence Generator and an Aggregator's
/// last-row port over a file are lowered and number or pick the rows the native run does.
@Suite("flat-file sources give pushed-down SQL their line order")
struct SQLFlatFileOrderTests {
    /// Flat file `LINES (NAME string(4), DEPT number(2,0))`, comma-delimited with a header row,
    /// read by `SQ_LINES`.
    static var lines: ExportBuilder {
        var export = ExportBuilder()
        export.source("LINES", ["NAME:s4", "DEPT:n2"], flatFile: ExportBuilder.csv)
        return export
    }

    /// `LINES` → target `T_SEQ (NAME, DEPT, NV)`, NV the NEXTVAL of sequence `SEQ` (Current Value 1,
    /// Increment 1, End Value 1000000, no Cycle).
    static var sequence: ExportBuilder {
        var export = lines
        export.transformation(
            "SEQ", type: "Sequence",
            ports: [
                "<TRANSFORMFIELD DATATYPE =\"bigint\" NAME =\"NEXTVAL\" PORTTYPE =\"OUTPUT\" PRECISION =\"19\" SCALE =\"0\"/>"
            ],
            attributes: [
                ("Start Value", "1"), ("Increment By", "1"), ("End Value", "1000000"), ("Current Value", "1"),
                ("Cycle", "NO"), ("Number of Cached Values", "0"), ("Reset", "NO"),
            ])
        export.target("T_SEQ", ["NAME:s4", "DEPT:n2", "NV:i"])
        export.connect("SQ_LINES", "T_SEQ", ["NAME", "DEPT"])
        export.connect("SEQ", "T_SEQ", ["NEXTVAL>NV"])
        return export
    }

    /// `LINES` → unsorted Aggregator `AGG` grouping by DEPT, NAME (input/output, neither key nor
    /// aggregate: the last row's value) and `N = COUNT(DEPT)` → target `T_LAST (DEPT, NAME, N)`.
    static var lastRow: ExportBuilder { lastRow(sortedPorts: 0) }

    /// ``lastRow`` with the source qualifier's "Number Of Sorted Ports" set to `sortedPorts`.
    static func lastRow(sortedPorts: Int) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("LINES", ["NAME:s4", "DEPT:n2"], flatFile: ExportBuilder.csv, sortedPorts: sortedPorts)
        export.transformation(
            "AGG", type: "Aggregator",
            ports: [
                ExportBuilder.port("NAME:s4"),
                ExportBuilder.port("DEPT:n2", expression: "DEPT", expressionType: "GROUPBY"),
                ExportBuilder.port("N:i", "OUTPUT", expression: "COUNT(DEPT)"),
            ],
            attributes: [("Sorted Input", "NO"), ("Transformation Scope", "All Input")])
        export.target("T_LAST", ["DEPT:n2", "NAME:s4", "N:i"])
        export.connect("SQ_LINES", "AGG", ["NAME", "DEPT"])
        export.connect("AGG", "T_LAST", ["DEPT", "NAME", "N"])
        return export
    }

    /// The file of the hand-worked case: sorted by no column (NAME d f b a c e, DEPT 20 10 10 20
    /// 30 10); line 5 (`g,1x`) does not convert and is rejected, so it takes no number.
    static let file = "NAME,DEPT\nd,20\nf,10\nb,10\ng,1x\na,20\nc,30\ne,10\n"

    /// Runs `export` on ``file`` natively, then its SQLite SQL (the file staged by the verifier's
    /// machinery) on the same database; the rows of `query` after each run.
    static func nativeAndSQLite(_ export: ExportBuilder, _ query: String, columns: Int) throws -> (
        native: [String], sqlite: [String], status: SQLPushdownReport.Status
    ) {
        let harness = try ExecutorHarness()
        try harness.file("LINES", file)
        let pipeline = try harness.pipeline(export)
        let result = harness.execute(pipeline)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        let native = try harness.rows(query, columns: columns)
        // The rows the runtime's reader keeps from the file, as `migrate verify --data` stages them.
        var dataset = SyntheticData.generate(for: pipeline, rowsPerSource: 1, seed: 1)
        let read = try VerificationFlatFiles.read(
            &dataset, pipeline, session: nil, settings: PushdownVerifier.settings(nil), folder: harness.directory,
            dataFolder: harness.directory)
        #expect(read.map(\.rows) == [6] && read.map(\.rejected) == [1])
        let dialect = SQLiteDialect()
        let sql = SQLPipelineLowering(dialect).lower(pipeline)
        let connection = try SQLiteRelationalConnection(path: harness.databasePath)
        try PushdownVerifier().stage(sql, dataset, into: connection, dialect)
        for target in sql.loads.map(\.target) { try connection.execute("DELETE FROM \(target)") }
        for statement in SQLPipelineExecution.statements(sql, dialect) { try connection.execute(statement) }
        return (native, try harness.rows(query, columns: columns), sql.report.status)
    }

    @Test("by hand: NEXTVAL follows the file's lines, natively and on SQLite")
    func sequenceByHand() throws {
        let run = try Self.nativeAndSQLite(Self.sequence, "SELECT NAME, DEPT, NV FROM T_SEQ ORDER BY NV", columns: 3)
        // The kept lines in file order: d, f, b, a, c, e get 1 to 6 (the rejected line none).
        let expected = ["d|20|1", "f|10|2", "b|10|3", "a|20|4", "c|30|5", "e|10|6"]
        #expect(run.native == expected)
        #expect(run.sqlite == expected)
        #expect(run.status == .partial, "pushed down whole; the staging is the runtime's step")
    }

    @Test("by hand: each group's last line gives NAME, natively and on SQLite")
    func lastRowByHand() throws {
        let run = try Self.nativeAndSQLite(
            Self.lastRow, "SELECT DEPT, NAME, N FROM T_LAST ORDER BY DEPT", columns: 3)
        // DEPT 10: f, b, e → e (the first line, or the greatest name, would give f); 20: d, a → a
        // (d first or greatest); 30: c.
        let expected = ["10|e|3", "20|a|2", "30|c|1"]
        #expect(run.native == expected)
        #expect(run.sqlite == expected)
    }

    /// Verifies `export` on generated files natively and on SQLite (and PostgreSQL when `postgres`
    /// opens it) and checks the report: AGREE, nothing left in the runtime, every engine compared.
    static func verify(
        _ export: ExportBuilder, seed: UInt64,
        postgres: (() -> Result<any RelationalConnection, ConnectorError>)? = nil
    ) throws -> VerificationReport {
        let pipeline = try ExecutorHarness().pipeline(export)
        let engines: [VerificationEngine] = postgres == nil ? [.native, .sqlite] : [.native, .sqlite, .postgres]
        let report = PushdownVerifier(engines: engines, rowsPerSource: 60, seed: seed, postgres: postgres)
            .verify(pipeline)
        #expect(report.verdict == .agree, "\(report.text)")
        #expect(report.notPushedDown.isEmpty, "fully pushed down: \(report.text)")
        #expect(report.text.hasPrefix("m_test: AGREE ("), "\(report.text)")
        let target = try #require(report.targets.first)
        for engine in engines.dropFirst() {
            #expect(target.comparisons[engine.rawValue]?.isEqual == true, "\(engine): \(report.text)")
            #expect(target.rows[engine.rawValue] == target.rows["native"], "\(engine): \(report.text)")
        }
        #expect(report.fileSources.map(\.rows).first ?? 0 > 20, "\(report.text)")
        return report
    }

    @Test("verify agrees on generated files: a sequence over a file", arguments: [1, 2, 3] as [UInt64])
    func sequenceAgrees(_ seed: UInt64) throws {
        let report = try Self.verify(Self.sequence, seed: seed)
        #expect(report.targets.first?.rows["native"] == report.fileSources.first?.rows)
    }

    @Test(
        "a file's source qualifier with sorted ports sorts its rows (ties in no defined order): the last row is refused"
    )
    func sortedPortsOverAFile() throws {
        let pipeline = try ExecutorHarness().pipeline(Self.lastRow(sortedPorts: 1))
        let report = PushdownVerifier(engines: [.native, .sqlite], rowsPerSource: 60, seed: 1).verify(pipeline)
        #expect(report.verdict == .notPushedDown, "\(report.text)")
        #expect(
            report.text.contains(
                "source qualifier 'SQ_LINES' sorts the rows of flat file 'LINES' by its first 1 ports"),
            "\(report.text)")
        #expect(!report.text.contains("DIFFER"), "\(report.text)")
    }

    @Test("verify agrees on generated files: an aggregator's last row over a file", arguments: [1, 2, 3] as [UInt64])
    func lastRowAgrees(_ seed: UInt64) throws {
        let report = try Self.verify(Self.lastRow, seed: seed)
        let groups = try #require(report.targets.first?.rows["native"])
        let lines = try #require(report.fileSources.first?.rows)
        #expect(groups < lines, "some DEPT repeats, so some group has several lines: \(report.text)")
    }
}

extension PostgresTests {
    @Suite("flat-file line order in pushed-down SQL on PostgreSQL")
    struct FlatFileOrderOnPostgres {
        /// Opens the test server's `public` schema (the verifier makes and drops its own schema).
        static func opener() throws -> () -> Result<any RelationalConnection, ConnectorError> {
            let file = try PostgresRunFixture.connections(schema: "public")
            let entry = try #require(file.connections["PG"])
            return {
                let (connection, problems) = ConnectorRegistry.standard.open(entry, environment: [:])
                guard let connection else { return .failure(ConnectorError(code: "RT0457", message: "\(problems)")) }
                return .success(connection)
            }
        }

        @Test(
            "a sequence and a last row over a file agree natively, on SQLite and on PostgreSQL",
            arguments: [1, 2, 3] as [UInt64])
        func agree(_ seed: UInt64) throws {
            let opener = try Self.opener()
            let sequence = try SQLFlatFileOrderTests.verify(
                SQLFlatFileOrderTests.sequence, seed: seed, postgres: opener)
            #expect(sequence.engines == ["native", "sqlite", "postgres"])
            let last = try SQLFlatFileOrderTests.verify(SQLFlatFileOrderTests.lastRow, seed: seed, postgres: opener)
            #expect(last.engines == ["native", "sqlite", "postgres"])
        }
    }
}
