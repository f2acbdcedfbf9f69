import Codegen
import Foundation
import IR
import Runtime
import Testing

extension SQLPipelineExecution {
    /// The native run on SQLite, then the DuckDB SQL in DuckDB's Python package (an in-memory
    /// database) after loading the same source rows and creating the targets.
    init(duckdb c: SQLPipelineCases.Case) throws {
        let harness = try ExecutorHarness()
        let pipeline = try Self.runNatively(c, harness)
        native = try Self.read(c.columns) { sql, count in try harness.rows(sql, columns: count) }
        let dialect = DuckDBDialect()
        let printer = SQLPrinter(dialect)
        var statements: [String] = []
        for table in c.tables {
            let (columns, definitions) = Self.definitions(of: table)
            statements.append(printer.print(.createTable(SQLTableName(table.name), definitions)))
            for row in table.rows {
                let values = zip(columns, row).map { column, text in
                    text == "NULL"
                        ? "NULL" : column.kind == "s" ? "'\(text.replacingOccurrences(of: "'", with: "''"))'" : text
                }
                statements.append("INSERT INTO \(table.name) VALUES (\(values.joined(separator: ", ")))")
            }
        }
        statements += Self.targetTables(of: pipeline, printer)
        let sql = SQLPipelineLowering(dialect).lower(pipeline)
        (report, script) = (sql.report, SQLPipelineScript.text(sql, dialect: dialect))
        statements += Self.statements(sql, dialect)
        var queries: [String: String] = [:]
        for (table, columns) in c.columns {
            queries[table] =
                "SELECT \(columns.map { "CAST(\($0) AS VARCHAR)" }.joined(separator: ", ")) FROM \(table)"
        }
        let request = try JSONSerialization.data(withJSONObject: ["statements": statements, "queries": queries])
        let result = try #require(
            SQLReferenceCaseDuckDBTests.python(
                ["-c", SQLPipelineDuckDBTests.runner], input: String(decoding: request, as: UTF8.self) + "\n"))
        let answer = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(result.output)")
        if let error = answer["error"] as? String { Issue.record("DuckDB: \(error)\n\(script)") }
        var tables: Tables = [:]
        for (table, rows) in (answer["rows"] as? [String: [[Any]]]) ?? [:] {
            tables[table] = rows.map { row in
                row.map { ($0 as? String).map { ExecutorHarness.render(.string($0)) } ?? "NULL" }.joined(separator: "|")
            }.sorted()
        }
        pushedDown = tables
    }
}

/// The pipeline cases' DuckDB SQL, run by DuckDB's Python package where it is installed (issue 5:
/// "DuckDB SQL is executed too"): the same rows as the native executor's.
@Suite struct SQLPipelineDuckDBTests {
    static let runner = """
        import json, sys
        import duckdb
        request = json.loads(sys.stdin.readline())
        connection = duckdb.connect()
        connection.execute("SET threads = 1")
        try:
            for statement in request["statements"]:
                connection.execute(statement)
            rows = {}
            for table, query in request["queries"].items():
                rows[table] = [list(row) for row in connection.execute(query).fetchall()]
            print(json.dumps({"rows": rows}))
        except Exception as error:
            print(json.dumps({"error": str(error)[:400]}))
        """

    @Test(
        "the DuckDB SQL writes the native executor's rows",
        .enabled(
            if: SQLReferenceCaseDuckDBTests.available, "skipped: python3 cannot import duckdb (pip install duckdb)"),
        arguments: SQLPipelineCases.all)
    func duckdbAgreesWithTheExecutor(_ c: SQLPipelineCases.Case) throws {
        let run = try SQLPipelineExecution(duckdb: c)
        #expect(run.native == c.expected)
        #expect(run.report.status == .full, "\(run.report.diagnostics)")
        #expect(run.pushedDown == run.native, "\(run.script)")
    }
}
