import Codegen
import Foundation
import IR
import Runtime
import Testing

/// Pushed-down SQL against the native executor: each mapping of ``SQLPipelineCases`` runs
/// natively and as the SQL `SQLPipelineLowering` prints, on the same rows; the target tables must
/// hold the same rows (as multisets), and the native rows must be the ones worked out by hand.
@Suite("Pushed-down pipelines on SQLite")
struct SQLPipelineExecutionTests {
    @Test("the SQLite SQL writes the native executor's rows", arguments: SQLPipelineCases.all)
    func sqliteAgreesWithTheExecutor(_ c: SQLPipelineCases.Case) throws {
        let run = try SQLPipelineExecution(sqlite: c)
        #expect(run.report.status == .full, "\(run.report.diagnostics)")
        #expect(run.native == c.expected)
        #expect(run.pushedDown == run.native, "\(run.script)")
    }

    @Test(
        "with the optimizer's passes on, the SQLite SQL still writes the native rows", arguments: SQLPipelineCases.all)
    func optimizedSQLiteAgreesWithTheExecutor(_ c: SQLPipelineCases.Case) throws {
        let run = try SQLPipelineExecution(sqlite: c, optimized: true)
        #expect(run.report.status == .full, "\(run.report.diagnostics)")
        #expect(run.native == c.expected)
        #expect(run.pushedDown == run.native, "\(run.script)")
    }

    @Test("merge-projections joins the two expressions: one common table computes both")
    func chainedExpressionsMerge() throws {
        let run = try SQLPipelineExecution(sqlite: SQLPipelineCases.chainedExpressions, optimized: true)
        #expect(run.script.contains("  EXP1 AS (") && !run.script.contains("  EXP2 AS ("), "\(run.script)")
        #expect(run.pushedDown == ["T_C": ["1|11", "2|NULL", "3|-1"]])
    }

    @Test("an Expression with a variable port is not pushed down, and the report names it (CG2004)")
    func variablePortIsRefused() throws {
        let harness = try ExecutorHarness()
        let pipeline = try harness.pipeline(SQLPipelineCases.expressionExport(variable: true))
        let sql = SQLPipelineLowering(SQLiteDialect()).lower(pipeline)
        #expect(sql.loads.isEmpty)
        #expect(sql.report.status == .none)
        #expect(sql.report.nodesNotPushedDown == ["EXP"])
        #expect(sql.report.diagnostics.map(\.code) == ["CG2004"])
        #expect(sql.report.diagnostics.first?.path.description.hasSuffix("PORT[V_SEEN]") == true)
    }
}

extension PostgresTests {
    @Suite("pushed-down pipelines on PostgreSQL")
    struct PushedDownPipelines {
        @Test("the PostgreSQL SQL writes the native executor's rows", arguments: SQLPipelineCases.all)
        func postgresAgreesWithTheExecutor(_ c: SQLPipelineCases.Case) throws {
            try PostgresTests.withSchema { connection in
                let run = try SQLPipelineExecution(postgres: c, connection)
                #expect(run.native == c.expected)
                guard c.onPostgres else {
                    #expect(run.report.status == .none)
                    #expect(run.report.diagnostics.map(\.code) == ["CG2012"])
                    return
                }
                #expect(run.report.status == .full, "\(run.report.diagnostics)")
                #expect(run.pushedDown == run.native, "\(run.script)")
            }
        }

        @Test("strings in a linguistic collation (ICU) are still ordered by code point, as the runtime orders them")
        func codePointOrderUnderICU() throws {
            try PostgresTests.withSchema { connection in
                let c = SQLPipelineCases.lookupByCodePoint
                let run = try SQLPipelineExecution(postgres: c, connection, collation: "und-x-icu")
                #expect(run.native == c.expected)
                #expect(run.script.contains("V COLLATE \"C\""), "\(run.script)")
                #expect(run.pushedDown == run.native, "\(run.script)")
            }
        }
    }
}
