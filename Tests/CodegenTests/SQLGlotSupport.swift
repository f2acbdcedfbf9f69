import Codegen
import Foundation

/// Parses generated SQL with sqlglot (`pip install sqlglot`) in each statement's dialect: the
/// independent check the issue asks for that every statement we emit is well-formed there.
enum SQLGlot {
    /// sqlglot's name for each of our dialects. sqlglot has no Sybase ASE dialect: its T-SQL
    /// parser reads the Transact-SQL that Sybase and SQL Server share.
    static let dialectNames: [String: String] = [
        "teradata": "teradata", "snowflake": "snowflake", "databricks": "databricks", "postgres": "postgres",
        "oracle": "oracle", "sqlserver": "tsql", "sybase": "tsql", "bigquery": "bigquery", "duckdb": "duckdb",
        "sqlite": "sqlite",
    ]

    /// Whether python3 can import sqlglot.
    static let available: Bool = run(["-c", "import sqlglot"], input: "")?.status == 0

    /// Reads JSON lines `{"id", "dialect", "sql"}` and prints one JSON line per statement that
    /// does not parse, then `checked N failed M`.
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

    /// One statement to parse.
    struct Statement: Encodable {
        var id: String
        var dialect: String
        var sql: String
    }

    /// The checker's output for `statements` (our dialect names), or nil when python3 cannot run.
    static func check(_ statements: [(id: String, dialect: String, sql: String)]) -> (status: Int32, output: String)? {
        let encoder = JSONEncoder()
        let lines = statements.compactMap { statement -> String? in
            let item = Statement(
                id: statement.id, dialect: dialectNames[statement.dialect] ?? statement.dialect, sql: statement.sql)
            return (try? encoder.encode(item)).map { String(decoding: $0, as: UTF8.self) }
        }
        return run(["-c", checker], input: lines.joined(separator: "\n") + "\n")
    }

    static func run(_ arguments: [String], input: String) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = stdin
        do { try process.run() } catch { return nil }
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
