import Codegen
import Foundation
import IR
import Testing

@testable import Runtime

/// The SQL of every pipeline case (joins, routers, conditional aggregates, ranks, lookups, unions)
/// and of the keyed-write mapping, in all ten dialects, parses with sqlglot in its dialect (T-SQL
/// for SQL Server and Sybase ASE): the shapes only run on SQLite and PostgreSQL here are at least
/// well-formed elsewhere.
@Suite struct SQLPipelineGlotTests {
    static let checker = """
        import json, sys
        import sqlglot
        from sqlglot.errors import ErrorLevel
        checked = failed = 0
        for line in sys.stdin:
            item = json.loads(line)
            checked += 1
            try:
                trees = sqlglot.parse(item["sql"], read=item["dialect"], error_level=ErrorLevel.RAISE)
                if not trees or any(tree is None for tree in trees):
                    raise ValueError("no statement")
            except Exception as error:
                failed += 1
                print(json.dumps({"id": item["id"], "dialect": item["dialect"], "error": str(error)[:300]}))
        print(f"checked {checked} failed {failed}")
        """

    static let available: Bool =
        SQLReferenceCaseDuckDBTests.python(["-c", "import sqlglot"], input: "")?.status == 0

    /// sqlglot's names for our dialects.
    static let names: [String: String] = ["sqlserver": "tsql", "sybase": "tsql"]

    @Test(
        "pipeline SQL parses with sqlglot in all ten dialects",
        .enabled(if: available, "skipped: python3 cannot import sqlglot (pip install sqlglot)"))
    func pipelineSQLParses() throws {
        var lines: [String] = []
        var lowered = 0
        let harness = try ExecutorHarness()
        var pipelines = try SQLPipelineCases.all.enumerated().map {
            try harness.pipeline($1.export, name: "m_case\($0)")
        }
        pipelines.append(try harness.pipeline(SQLTargetWriteCase.export, name: "m_keyed"))
        for pipeline in pipelines {
            for dialect in SQLDialects.all {
                let lowering =
                    pipeline.name == "m_keyed"
                    ? SQLTargetWriteCase.lowering(dialect) : SQLPipelineLowering(dialect)
                let sql = lowering.lower(pipeline)
                lowered += sql.loads.count
                for load in sql.loads {
                    for statement in load.statements {
                        let item = [
                            "id": "\(pipeline.name)/\(load.target)",
                            "dialect": Self.names[dialect.name] ?? dialect.name,
                            "sql": SQLPrinter(dialect).print(statement),
                        ]
                        lines.append(String(decoding: try JSONEncoder().encode(item), as: UTF8.self))
                    }
                }
            }
        }
        #expect(lowered > 100, "most cases lower in most dialects")
        let result = try #require(
            SQLReferenceCaseDuckDBTests.python(["-c", Self.checker], input: lines.joined(separator: "\n") + "\n"))
        #expect(result.output.hasSuffix("checked \(lines.count) failed 0\n"), "\(result.output)")
    }
}
