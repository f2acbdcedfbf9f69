import Codegen
import Foundation
import IR
import Runtime
import Testing

/// Decimals of more than 15 digits without high precision (reference §3.3, §4.4): the runtime
/// keeps such a decimal exact while transformations only pass it on, and holds it as a double in
/// an Expression or Aggregator port. Pass-through paths are pushed down and must write the native
/// rows; the paths that convert or compare stay in the runtime, each with its reason (CG2008).
enum SQLWideDecimalCases {
    /// W_IN (ID, D decimal(20,2)) → Filter `ID <> 4` → Router G1 `ID < 3` (T_G1) and default (T_DEF).
    /// Rows 1 and 2 hold 19 and 20 significant digits, row 5 has a 15-digit tie at its 16th digit.
    static var passedThrough: SQLPipelineCases.Case {
        var export = ExportBuilder()
        export.source("W_IN", ["ID:i", "D:n20.2"])
        export.transformation(
            "FIL", type: "Filter", ports: [ExportBuilder.port("ID:i"), ExportBuilder.port("D:n20.2")],
            attributes: [("Filter Condition", "ID <> 4")])
        let groups = """
            <GROUP NAME ="INPUT" ORDER ="1" TYPE ="INPUT"/>
            <GROUP EXPRESSION ="ID &lt; 3" NAME ="G1" ORDER ="2" TYPE ="OUTPUT"/>
            <GROUP NAME ="DEFAULT1" ORDER ="3" TYPE ="OUTPUT/DEFAULT"/>
            """
        var ports = [
            ExportBuilder.port("ID:i", "INPUT", extra: "GROUP =\"INPUT\""),
            ExportBuilder.port("D:n20.2", "INPUT", extra: "GROUP =\"INPUT\""),
        ]
        for (suffix, group) in [("1", "G1"), ("2", "DEFAULT1")] {
            ports.append(ExportBuilder.port("ID\(suffix):i", "OUTPUT", extra: "GROUP =\"\(group)\" REF_FIELD =\"ID\""))
            ports.append(
                ExportBuilder.port("D\(suffix):n20.2", "OUTPUT", extra: "GROUP =\"\(group)\" REF_FIELD =\"D\""))
        }
        export.transformation("RTR", type: "Router", ports: ports, body: groups)
        export.connect("SQ_W_IN", "FIL", ["ID", "D"])
        export.connect("FIL", "RTR", ["ID", "D"])
        for (suffix, target) in [("1", "T_G1"), ("2", "T_DEF")] {
            export.target(target, ["ID:i", "D:n20.2"])
            export.connect("RTR", target, ["ID\(suffix)>ID", "D\(suffix)>D"])
        }
        // Every digit survives: no port on the way converts the decimal (row 4 is filtered out).
        return SQLPipelineCases.Case(
            name: "decimal(20,2) passed through a filter and a router", export: export,
            tables: [wideSource],
            expected: [
                "T_G1": ["1|12345678901234567.89", "2|-999999999999999999.99"],
                "T_DEF": ["3|NULL", "5|12345678901234450.5"],
            ],
            columns: ["T_G1": ["ID", "D"], "T_DEF": ["ID", "D"]])
    }

    static let wideSource = SQLPipelineCases.Table(
        name: "W_IN", columns: ["ID:i", "D:n20.2"],
        rows: [
            ["1", "12345678901234567.89"], ["2", "-999999999999999999.99"], ["3", "NULL"], ["4", "0.01"],
            ["5", "12345678901234450.50"],
        ])

    /// W_IN → Expression passing D through an input/output port → T_X. The runtime holds D as the
    /// nearest double there (12345678901234567.89 → 12345678901234568), which SQLite stores in
    /// the text column with 15 significant digits.
    static var expressionExport: ExportBuilder {
        var export = ExportBuilder()
        export.source("W_IN", ["ID:i", "D:n20.2"])
        export.transformation(
            "EXP", type: "Expression", ports: [ExportBuilder.port("ID:i"), ExportBuilder.port("D:n20.2")])
        export.target("T_X", ["ID:i", "D:n20.2"])
        export.connect("SQ_W_IN", "EXP", ["ID", "D"])
        export.connect("EXP", "T_X", ["ID", "D"])
        return export
    }

    /// W_IN → Filter `D > 0` → T_F: the comparison of a wide decimal is not lowered.
    static var comparedExport: ExportBuilder {
        var export = ExportBuilder()
        export.source("W_IN", ["ID:i", "D:n20.2"])
        export.transformation(
            "FIL", type: "Filter", ports: [ExportBuilder.port("ID:i"), ExportBuilder.port("D:n20.2")],
            attributes: [("Filter Condition", "D > 0")])
        export.target("T_F", ["ID:i", "D:n20.2"])
        export.connect("SQ_W_IN", "FIL", ["ID", "D"])
        export.connect("FIL", "T_F", ["ID", "D"])
        return export
    }
}

@Suite("Wide decimals without high precision")
struct SQLWideDecimalTests {
    @Test("a decimal(20,2) passed through a filter and a router is pushed down to SQLite with every digit")
    func passedThroughOnSQLite() throws {
        let c = SQLWideDecimalCases.passedThrough
        for optimized in [false, true] {
            let run = try SQLPipelineExecution(sqlite: c, optimized: optimized)
            #expect(run.report.status == .full, "\(run.report.diagnostics)")
            #expect(run.native == c.expected)
            #expect(run.pushedDown == run.native, "\(run.script)")
        }
    }

    @Test("an Expression holds the decimal(20,2) as a double: natively 15 digits reach SQLite; not pushed down")
    func expressionIsRefused() throws {
        let harness = try ExecutorHarness()
        try harness.table("W_IN", SQLWideDecimalCases.wideSource.columns, [["1", "12345678901234567.89"]])
        let pipeline = try harness.pipeline(SQLWideDecimalCases.expressionExport)
        #expect(harness.execute(pipeline).succeeded)
        // Nearest double 12345678901234568, printed by SQLite with 15 significant digits.
        #expect(try harness.rows("SELECT ID, D FROM T_X", columns: 2) == ["1|1.23456789012346e+16"])
        for dialect in [SQLiteDialect(), PostgreSQLDialect()] as [any SQLDialect] {
            let sql = SQLPipelineLowering(dialect).lower(pipeline)
            #expect(sql.loads.isEmpty)
            #expect(sql.report.nodesNotPushedDown == ["EXP"])
            #expect(sql.report.diagnostics.map(\.code) == ["CG2008"])
            let message = sql.report.diagnostics.first?.message ?? ""
            #expect(message.contains("port 'D' of 'EXP' is decimal(20,2)"), "\(message)")
            #expect(message.contains(dialect is SQLiteDialect ? "CAST of text to REAL" : "no SQL cast"), "\(message)")
            #expect(sql.report.diagnostics.first?.path.description.hasSuffix("PORT[D]") == true)
        }
    }

    @Test("with high precision the same Expression is pushed down to PostgreSQL (unchanged rule)")
    func highPrecisionStillLowers() throws {
        let harness = try ExecutorHarness()
        let pipeline = try harness.pipeline(SQLWideDecimalCases.expressionExport)
        let sql = SQLPipelineLowering(PostgreSQLDialect(), options: SQLLoweringOptions(highPrecision: true))
            .lower(pipeline)
        #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
    }

    @Test("a filter comparing a decimal(20,2) is not pushed down, on any dialect")
    func comparisonIsRefused() throws {
        let harness = try ExecutorHarness()
        let pipeline = try harness.pipeline(SQLWideDecimalCases.comparedExport)
        for dialect in [SQLiteDialect(), PostgreSQLDialect()] as [any SQLDialect] {
            let sql = SQLPipelineLowering(dialect).lower(pipeline)
            #expect(sql.report.nodesNotPushedDown == ["FIL"])
            #expect(sql.report.diagnostics.map(\.code) == ["CG2008"])
            #expect(sql.report.diagnostics.first?.message.contains("compares it") == true)
        }
    }
}

extension PostgresTests {
    @Suite("wide decimals pushed down to PostgreSQL")
    struct WideDecimals {
        @Test("a decimal(20,2) passed through a filter and a router keeps every digit on PostgreSQL")
        func passedThroughOnPostgres() throws {
            try PostgresTests.withSchema { connection in
                let c = SQLWideDecimalCases.passedThrough
                let run = try SQLPipelineExecution(postgres: c, connection)
                #expect(run.native == c.expected)
                #expect(run.report.status == .full, "\(run.report.diagnostics)")
                #expect(run.pushedDown == run.native, "\(run.script)")
            }
        }
    }
}
