import Codegen
import Foundation
import IR
import Testing

@testable import Runtime

/// The operator cases 38–51 of /work/shared/reference/powercenter-cases.md through SQL. Each one
/// runs as SQL against hand-worked rows in SQLPipelineExecutionTests (named in ``executed``). The
/// cases that depend on the order rows arrive in (38, 45, 46, 47) run there with a source sorted by
/// its primary key; over a table read in the database's order (``refused``) they must be refused on
/// SQLite and PostgreSQL, naming the node and the reason: SQL cannot pick a last row, number rows or
/// carry a value from row to row in an order it does not know.
enum SQLReferenceOperatorCases {
    /// Cases that run as SQL, by the pipeline case (SQLPipelineCases.all) that holds them.
    static let executed: [(number: Int, caseName: String)] = [
        (39, "conditional aggregates (case 39)"), (41, "Master Outer Join"), (42, "Detail Outer Join"),
        (40, "nested aggregate (case 40)"), (43, "lookup Use All Values"), (44, "rank with ties (case 44)"),
        (49, "router with a default group"), (38, "aggregator last row (case 38)"),
        (45, "sequence counting (case 45)"), (45, "sequence with cycle (case 45)"),
        (46, "previous row's value (case 46)"), (47, "counter (case 47)"),
    ]

    /// A case SQL must refuse: its mapping, the node and the code of the refusal.
    struct Refused: CustomTestStringConvertible, Sendable {
        var number: Int
        var export: ExportBuilder
        var node: String
        var code: String
        var testDescription: String { "case \(number)" }
    }

    static func aggregator(_ ports: [String]) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("A_IN", ["DEPT:i", "NAME:s10", "ITEM:i"])
        export.transformation(
            "AGG", type: "Aggregator",
            ports: [ExportBuilder.port("DEPT:i", expression: "DEPT", expressionType: "GROUPBY")] + ports,
            attributes: [("Sorted Input", "NO"), ("Transformation Scope", "All Input")])
        export.target("T_A", ["DEPT:i", "OUT:s10"])
        export.connect("SQ_A_IN", "AGG", ["DEPT", "NAME", "ITEM"])
        export.connect("AGG", "T_A", ["DEPT", "OUT"])
        return export
    }

    static func expression(_ variables: [String], output: String) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("V_IN", ["COL:i"])
        export.transformation(
            "EXP", type: "Expression",
            ports: [ExportBuilder.port("COL:i", "INPUT")] + variables
                + [ExportBuilder.port("O:i", "OUTPUT", expression: output)])
        export.target("T_V", ["O:i"])
        export.connect("SQ_V_IN", "EXP", ["COL"])
        export.connect("EXP", "T_V", ["O"])
        return export
    }

    static let refused: [Refused] = [
        // 38: NAME is neither a key nor an aggregate: the last row's value.
        Refused(
            number: 38,
            export: aggregator([
                ExportBuilder.port("NAME:s10"), ExportBuilder.port("ITEM:i", "INPUT"),
                ExportBuilder.port("OUT:s10", "OUTPUT", expression: "NAME"),
            ]), node: "AGG", code: "CG2007"),
        // 45: NEXTVAL numbers rows in an order SQL does not define.
        Refused(
            number: 45, export: ExecutorRowLocalTests.sequence(end: 100, cycle: false), node: "SEQ", code: "CG2015"),
        // 46: v_prev reads v_cur before it is computed in the row.
        Refused(
            number: 46,
            export: expression(
                [
                    ExportBuilder.port("v_prev:i", "LOCAL VARIABLE", expression: "v_cur"),
                    ExportBuilder.port("v_cur:i", "LOCAL VARIABLE", expression: "COL"),
                ], output: "v_prev"), node: "EXP", code: "CG2004"),
        // 47: v_cnt reads itself.
        Refused(
            number: 47,
            export: expression(
                [ExportBuilder.port("v_cnt:i", "LOCAL VARIABLE", expression: "v_cnt + 1")], output: "v_cnt"),
            node: "EXP", code: "CG2004"),
    ]
}

@Suite struct SQLReferenceOperatorCaseTests {
    @Test("the operator cases that run as SQL are in the executed pipeline cases")
    func executedCasesExist() {
        let names = Set(SQLPipelineCases.all.map(\.name))
        for (number, name) in SQLReferenceOperatorCases.executed {
            #expect(names.contains(name), "case \(number): no pipeline case '\(name)'")
        }
    }

    @Test(
        "the other operator cases are refused on SQLite and PostgreSQL, naming the node and the reason",
        arguments: SQLReferenceOperatorCases.refused)
    func refused(_ c: SQLReferenceOperatorCases.Refused) throws {
        let harness = try ExecutorHarness()
        let pipeline = try harness.pipeline(c.export)
        for dialect in [SQLiteDialect(), PostgreSQLDialect()] as [any SQLDialect] {
            let sql = SQLPipelineLowering(dialect).lower(pipeline)
            #expect(sql.loads.isEmpty, "case \(c.number) was emitted as \(dialect.name) SQL")
            let refusal = try #require(sql.report.notPushedDown.first)
            #expect(refusal.node == c.node, "case \(c.number): \(refusal.diagnostic.message)")
            #expect(refusal.diagnostic.code.description == c.code, "case \(c.number): \(refusal.diagnostic.message)")
        }
    }
}
