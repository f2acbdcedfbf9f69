import Codegen
import Foundation
import IR
import Testing

/// Transaction Control (reference §2.15) in push-down SQL: a condition that only continues or
/// commits leaves every row in the targets, so its rows pass on; one that may roll back is refused.
@Suite struct SQLTransactionControlTests {
    @Test(
        "the TC_* constants a condition yields",
        arguments: [
            (
                "IIF(DEPT = 20, TC_COMMIT_BEFORE, TC_CONTINUE_TRANSACTION)",
                ["TC_COMMIT_BEFORE", "TC_CONTINUE_TRANSACTION"]
            ),
            ("iif(x=20,tc_commit_before,tc_continue_transaction)", ["TC_COMMIT_BEFORE", "TC_CONTINUE_TRANSACTION"]),
            ("IIF(X > 0, TC_COMMIT_AFTER)", ["TC_COMMIT_AFTER", "TC_CONTINUE_TRANSACTION"]),
            (
                "DECODE(X, 1, TC_COMMIT_AFTER, 2, TC_ROLLBACK_BEFORE, TC_CONTINUE_TRANSACTION)",
                ["TC_COMMIT_AFTER", "TC_ROLLBACK_BEFORE", "TC_CONTINUE_TRANSACTION"]
            ),
            ("TC_ROLLBACK_AFTER", ["TC_ROLLBACK_AFTER"]),
        ])
    func outcomes(text: String, expected: [String]) {
        #expect(TransactionControlOutcomes.possible(text) == Set(expected))
    }

    @Test(
        "values that are not TC_* constants are unknown",
        arguments: ["X", "IIF(X > 0, 1, 0)", "DECODE(X, 1, TC_COMMIT_AFTER)", "IIF("])
    func unknown(text: String) {
        #expect(TransactionControlOutcomes.possible(text) == nil)
        #expect(!TransactionControlOutcomes.keepsEveryRow(text))
    }

    static func pipeline(condition: String?) throws -> Pipeline {
        var pipeline = try SQLPipelineLoweringTests.pipeline("transaction_control")
        for index in pipeline.nodes.indices {
            if case .transactionControl(var spec) = pipeline.nodes[index].op, let condition {
                spec.condition = ScalarExpression(condition)
                pipeline.nodes[index].op = .transactionControl(spec)
            }
        }
        return pipeline
    }

    @Test("commit or continue: the rows pass through a common table named after the node")
    func commitPassesRows() throws {
        let sql = SQLPipelineLowering(PostgreSQLDialect()).lower(try Self.pipeline(condition: nil))
        #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
        let text = SQLPipelineScript.text(sql, dialect: PostgreSQLDialect())
        #expect(text.contains("  TC_DEPT AS (\n    SELECT\n"), "\(text)")
        #expect(!text.contains("WHERE"), "no row is dropped: \(text)")
    }

    @Test("a condition that may roll back is refused at the node")
    func rollbackRefused() throws {
        let condition = "IIF(DEPT = 20, TC_ROLLBACK_BEFORE, TC_CONTINUE_TRANSACTION)"
        let sql = SQLPipelineLowering(PostgreSQLDialect()).lower(try Self.pipeline(condition: condition))
        let refused = try #require(sql.report.notPushedDown.first)
        #expect(refused.node == "TC_DEPT")
        #expect(refused.diagnostic.code.description == "CG2001")
        #expect(
            refused.diagnostic.message
                == "transaction control 'TC_DEPT' has condition '\(condition)', which may roll back rows or yields a "
                + "value that is not a commit or continue constant")
    }
}
