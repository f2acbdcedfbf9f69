import Foundation
import IR
import Runtime
import Testing

/// An Aggregator grouping by an output port whose expression computes the key from the row (a
/// public export groups by `TRUNC(LAST_DAY(ADD_TO_DATE(SYSDATE, 'DD', -7)), 'DD')` and
/// `$PMWorkflowName` this way): each row's key is the expression's value, and the port outputs it.
@Suite struct AggregateComputedKeyTests {
    /// `S (ID, DEPT, AMT)` → `AGG` grouped by `DEPT_U = UPPER(DEPT)` (an output port), `TOTAL =
    /// SUM(AMT)`, `N = COUNT(*)` → `T_AGG (DEPT_U, TOTAL, N)`.
    static func export(key: String, keyType: String = "s10") -> ExportBuilder {
        var export = ExportBuilder()
        export.source("S", ["ID*:n10", "DEPT:s10", "AMT:n10"])
        export.transformation(
            "AGG", type: "Aggregator",
            ports: [
                ExportBuilder.port("DEPT:s10", "INPUT"), ExportBuilder.port("AMT:n10", "INPUT"),
                ExportBuilder.port("DEPT_U:\(keyType)", "OUTPUT", expression: key, expressionType: "GROUPBY"),
                ExportBuilder.port("TOTAL:n15", "OUTPUT", expression: "SUM(AMT)"),
                ExportBuilder.port("N:n10", "OUTPUT", expression: "COUNT(*)"),
            ],
            attributes: [("Sorted Input", "NO"), ("Transformation Scope", "All Input")])
        export.target("T_AGG", ["DEPT_U:s10", "TOTAL:n15", "N:n10"])
        export.connect("SQ_S", "AGG", ["DEPT", "AMT"])
        export.connect("AGG", "T_AGG", ["DEPT_U", "TOTAL", "N"])
        return export
    }

    static let rows = [["1", "a", "1"], ["2", "A", "2"], ["3", "b", "5"], ["4", "NULL", "7"], ["5", "NULL", "1"]]

    static func run(_ export: ExportBuilder) throws -> (result: PipelineRunResult, rows: [String]) {
        let harness = try ExecutorHarness()
        try harness.table("S", ["ID*:n10", "DEPT:s10", "AMT:n10"], rows)
        let result = harness.execute(try harness.pipeline(export))
        guard result.succeeded else { return (result, []) }
        let query = "SELECT COALESCE(DEPT_U, '<null>'), TOTAL, N FROM T_AGG ORDER BY DEPT_U"
        return (result, try harness.rows(query, columns: 3))
    }

    @Test("rows group by the computed key; NULL keys form one group; the port outputs the key")
    func groupsByTheComputedValue() throws {
        let run = try Self.run(Self.export(key: "UPPER(DEPT)"))
        #expect(run.result.succeeded, "\(ExecutorHarness.describe(run.result))")
        // 'a' and 'A' are one group: the key is UPPER(DEPT), not DEPT.
        #expect(run.rows == ["<null>|8|2", "A|3|2", "B|5|1"])
    }

    @Test("the key is converted to its port's type before rows are grouped by it")
    func keyConvertedToItsPort() throws {
        // In a string(1) port, 'AXYZ' and 'BXYZ' are 'A' and 'B'; NULL || 'XYZ' is 'XYZ', so 'X'.
        let run = try Self.run(Self.export(key: "UPPER(DEPT) || 'XYZ'", keyType: "s1"))
        #expect(run.result.succeeded, "\(ExecutorHarness.describe(run.result))")
        #expect(run.rows == ["A|3|2", "B|5|1", "X|8|2"])
    }

    @Test("a constant key puts every row in one group")
    func constantKey() throws {
        let run = try Self.run(Self.export(key: "'ALL'"))
        #expect(run.result.succeeded, "\(ExecutorHarness.describe(run.result))")
        #expect(run.rows == ["ALL|16|5"])
    }

    @Test("a key that fails on a row rejects that row; the others are grouped")
    func failingKeyRejectsTheRow() throws {
        let key = "IIF(ISNULL(DEPT), ERROR('no department'), UPPER(DEPT))"
        let run = try Self.run(Self.export(key: key))
        #expect(run.result.succeeded, "\(ExecutorHarness.describe(run.result))")
        #expect(run.rows == ["A|3|2", "B|5|1"])
        #expect(run.result.rejected == 2)
    }

    @Test("a group-by output port that computes an aggregate is refused by name")
    func aggregateKeyIsRefused() throws {
        let run = try Self.run(Self.export(key: "MAX(DEPT)"))
        #expect(!run.result.succeeded)
        let error = try #require(run.result.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains("group-by port 'DEPT_U' of aggregator 'AGG' computes an aggregate"))
    }
}
