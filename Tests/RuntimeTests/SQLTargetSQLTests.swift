import Codegen
import Foundation
import IR
import Testing

@testable import Runtime

/// Target load order and the targets' Pre SQL / Post SQL in the pipeline's SQL.
@Suite struct SQLTargetSQLTests {
    /// R_IN rows (ID, A): 1/5, 2/NULL, 3/-1, 4/0, 5/3 → router (A > 2, A > 4, default) → T_G1, T_G2, T_DEF.
    func routerPipeline(_ harness: ExecutorHarness) throws -> Pipeline {
        try harness.table(
            "R_IN", ["ID:i", "A:i"], [["1", "5"], ["2", "NULL"], ["3", "-1"], ["4", "0"], ["5", "3"]])
        return try harness.pipeline(ExportBuilder.integerRouter(first: "A > 2", second: "A > 4"))
    }

    @Test("targets load in the mapping's target load order; the others keep theirs")
    func loadOrder() throws {
        let harness = try ExecutorHarness()
        var pipeline = try routerPipeline(harness)
        let natural = SQLPipelineLowering(SQLiteDialect()).lower(pipeline).loads.map(\.target)
        #expect(Set(natural) == ["T_G1", "T_G2", "T_DEF"])
        pipeline.targetLoadOrder = ["T_DEF", "T_G2"]
        let ordered = SQLPipelineLowering(SQLiteDialect()).lower(pipeline).loads.map(\.target)
        #expect(ordered == ["T_DEF", "T_G2", "T_G1"])
    }

    @Test("Pre SQL and Post SQL run around the target's statements, natively and as SQL alike")
    func preAndPostSQL() throws {
        let pre = "INSERT INTO T_G1 (ID, A) VALUES (100, 1);"
        let post = "UPDATE T_G1 SET A = A * 10 WHERE ID = 100"
        // Natively: the pre row, then the rows with A > 2 (1/5, 5/3), then the post update.
        let native = try ExecutorHarness()
        let pipeline = try routerPipeline(native)
        let result = native.execute(pipeline, attributes: ["T_G1": [("Pre SQL", pre), ("Post SQL", post)]])
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        let expected = ["1|5", "100|10", "5|3"].sorted()
        #expect(try native.rows("SELECT ID, A FROM T_G1", columns: 2).sorted() == expected)

        var lowering = SQLPipelineLowering(SQLiteDialect())
        lowering.targetSQL = ["T_G1": SQLTargetSQL(pre: pre, post: post)]
        // The export's targets are Oracle tables, whose texts SQLite cannot take as written.
        let refused = lowering.lower(pipeline).report.notPushedDown.first { $0.target == "T_G1" }
        #expect(
            refused?.diagnostic.message
                == "target 'T_G1' has a Pre SQL written for Oracle; lowering to sqlite would need a translation")
        let sql = lowering.lower(Self.onDatabase("SQLite", pipeline))
        #expect(sql.report.verbatimTexts.map(\.code.description) == ["CG2090", "CG2090"])
        let load = try #require(sql.loads.first { $0.target == "T_G1" })
        #expect(load.statements.first == .verbatim(pre) && load.statements.last == .verbatim(post))
        #expect(SQLPrinter(SQLiteDialect()).print(load.statements[0]) == "INSERT INTO T_G1 (ID, A) VALUES (100, 1)")
        let copy = try ExecutorHarness()
        _ = try routerPipeline(copy)
        let connection = try SQLiteConnection(path: copy.databasePath)
        try connection.execute("CREATE TABLE T_G1 (ID INTEGER, A INTEGER)")
        for statement in load.statements { try connection.execute(SQLPrinter(SQLiteDialect()).print(statement)) }
        #expect(try copy.rows("SELECT ID, A FROM T_G1", columns: 2).sorted() == expected)
    }

    @Test("Pre or Post SQL with a $$ parameter keeps the target in the runtime; verification leaves them out")
    func parametersAndVerification() throws {
        let harness = try ExecutorHarness()
        let pipeline = try routerPipeline(harness)
        var lowering = SQLPipelineLowering(SQLiteDialect())
        lowering.targetSQL = ["T_G2": SQLTargetSQL(post: "DELETE FROM T_G2 WHERE ID > $$MAX_ID")]
        let sqlite = Self.onDatabase("SQLite", pipeline)
        let sql = lowering.lower(sqlite)
        #expect(!sql.loads.contains { $0.target == "T_G2" })
        #expect(
            sql.report.notPushedDown.first?.diagnostic.message.contains(
                "naming parameter '$$MAX_ID', substituted only at run time") == true)
        lowering.parameters = ["MAX_ID": "10"]
        let given = try #require(lowering.lower(sqlite).loads.first { $0.target == "T_G2" })
        #expect(given.statements.last == .verbatim("DELETE FROM T_G2 WHERE ID > 10"))
        lowering.parameters = nil
        lowering.includesTargetSQL = false
        #expect(lowering.lower(pipeline).loads.first { $0.target == "T_G2" }?.statements.count == 1)
    }

    /// `pipeline` with its targets' database type set to `database`.
    static func onDatabase(_ database: String, _ pipeline: Pipeline) -> Pipeline {
        var result = pipeline
        for index in result.nodes.indices {
            guard case .target(var spec) = result.nodes[index].op else { continue }
            spec.database = database
            result.nodes[index].op = .target(spec)
        }
        return result
    }
}
