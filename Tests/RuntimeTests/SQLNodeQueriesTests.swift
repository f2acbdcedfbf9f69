import Codegen
import Foundation
import IR
import Testing

@testable import Runtime

/// Preview and profiling SQL per node, run on SQLite: the rows are the filter's (worked out by
/// hand), the profile counts them, and each dialect limits the preview in its own syntax.
@Suite struct SQLNodeQueriesTests {
    /// F_IN (ID, V) rows (1, 20), (2, NULL), (3, 5), (4, 0) → FIL (V > 4) → T_FIL: FIL outputs
    /// (1, 20) and (3, 5).
    func filterPipeline(_ harness: ExecutorHarness) throws -> Pipeline {
        try harness.table("F_IN", ["ID:i", "V:i"], [["1", "20"], ["2", "NULL"], ["3", "5"], ["4", "0"]])
        var export = ExportBuilder()
        export.source("F_IN", ["ID:i", "V:i"])
        export.transformation(
            "FIL", type: "Filter", ports: [ExportBuilder.port("ID:i"), ExportBuilder.port("V:i")],
            attributes: [("Filter Condition", "V > 4")])
        export.target("T_FIL", ["ID:i", "V:i"])
        export.connect("SQ_F_IN", "FIL", ["ID", "V"])
        export.connect("FIL", "T_FIL", ["ID", "V"])
        return try harness.pipeline(export)
    }

    func rows(_ sql: String, _ harness: ExecutorHarness, columns: Int) throws -> [String] {
        try harness.rows(sql, columns: columns)
    }

    @Test("the preview of a filter gives its rows on SQLite")
    func previewRuns() throws {
        let harness = try ExecutorHarness()
        let pipeline = try filterPipeline(harness)
        let statement = try SQLNodeQueries(SQLiteDialect()).preview(pipeline, node: "FIL").get()
        let sql = SQLPrinter(SQLiteDialect()).print(statement)
        #expect(sql.hasSuffix("LIMIT 100"), "\(sql)")
        #expect(try rows(sql, harness, columns: 2).sorted() == ["1|20", "3|5"])
        let one = try SQLNodeQueries(SQLiteDialect()).preview(pipeline, node: "FIL", rows: 1).get()
        #expect(try rows(SQLPrinter(SQLiteDialect()).print(one), harness, columns: 2).count == 1)
    }

    @Test("the profile counts rows, NULLs and distinct values, and lists the most frequent values")
    func profileRuns() throws {
        let harness = try ExecutorHarness()
        let pipeline = try filterPipeline(harness)
        let statements = try SQLNodeQueries(SQLiteDialect()).profile(pipeline, node: "SQ_F_IN").get()
        #expect(statements.count == 3, "a summary and one top-values query per column")
        let summary = try rows(SQLPrinter(SQLiteDialect()).print(statements[0]), harness, columns: 8)
        // V over (20, NULL, 5, 0): 4 rows, 1 NULL (25%), 3 distinct, min 0 and max 20 (taken as numbers, then shown as text).
        #expect(summary.contains("V|integer|4|1|25|3|0|20"), "\(summary)")
        #expect(summary.contains("ID|integer|4|0|0|4|1|4"), "\(summary)")
        let top = try rows(SQLPrinter(SQLiteDialect()).print(statements[2]), harness, columns: 2)
        #expect(top == ["0|1", "5|1", "20|1", "NULL|1"], "every value once: by value, NULL last")
    }

    @Test("each dialect limits the preview in its own syntax; an unknown node is a diagnostic")
    func dialectsAndRefusals() throws {
        let harness = try ExecutorHarness()
        let pipeline = try filterPipeline(harness)
        let expected = ["postgres": "LIMIT 100", "sqlserver": "SELECT TOP 100", "oracle": "FETCH FIRST 100 ROWS ONLY"]
        for (name, fragment) in expected {
            let dialect = try #require(SQLDialects.named(name))
            let sql = SQLPrinter(dialect).print(try SQLNodeQueries(dialect).preview(pipeline, node: "FIL").get())
            #expect(sql.contains(fragment), "\(name): \(sql)")
        }
        guard case .failure(let refusal) = SQLNodeQueries(SQLiteDialect()).preview(pipeline, node: "NOPE") else {
            Issue.record("an unknown node was previewed")
            return
        }
        #expect(refusal.diagnostic.message.contains("no node 'NOPE'"))
    }
}
