import Foundation
import IR
import Importers
import Runtime
import Testing

/// Transaction Control in the native run (reference §2.15): the run commits each target once, so a
/// condition that only continues or commits passes every row on; one that can roll back would
/// write rows PowerCenter discards, so the run refuses it before reading a row.
@Suite struct TransactionControlExecutionTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/powercenter/transaction_control/input.xml").path

    func run(condition: String?) throws -> (PipelineRunResult, ExecutorHarness) {
        let harness = try ExecutorHarness()
        try harness.table(
            "EMP", ["ID*:n10", "NAME:s20", "DEPT:n4", "SAL:n8.2"],
            [["1", "a", "10", "1"], ["2", "b", "20", "2"], ["3", "c", "30", "3"]])
        var pipeline = try #require(PowerCenterImporter().importFile(atPath: Self.fixture).pipelines.first)
        for index in pipeline.nodes.indices {
            if case .transactionControl(var spec) = pipeline.nodes[index].op, let condition {
                spec.condition = ScalarExpression(condition)
                pipeline.nodes[index].op = .transactionControl(spec)
            }
        }
        return (harness.execute(pipeline), harness)
    }

    @Test("commit before DEPT 20: every row is written, with RT0409 saying the boundaries are not kept")
    func commitKeepsRows() throws {
        let (result, harness) = try run(condition: nil)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        #expect(try harness.rows("SELECT ID FROM T_OUT ORDER BY ID", columns: 1) == ["1", "2", "3"])
        #expect(result.diagnostics.map(\.code.rawValue).contains("RT0409"))
    }

    @Test("a condition that can roll back fails the run before any row is written")
    func rollbackRefused() throws {
        let (result, _) = try run(condition: "IIF(DEPT = 20, TC_ROLLBACK_AFTER, TC_CONTINUE_TRANSACTION)")
        #expect(!result.succeeded)
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(
            error.message
                == "transaction control 'TC_DEPT' can roll back rows (TC_ROLLBACK_AFTER), which the runtime does not "
                + "reproduce: it commits each target once, at the end of the run")
        #expect(result.counters.values.allSatisfy { $0.rowsIn == 0 })
    }
}
