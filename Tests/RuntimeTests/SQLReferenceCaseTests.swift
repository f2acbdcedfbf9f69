import Codegen
import Foundation
import IR
import Testing

@testable import Runtime

/// The expression cases of /work/shared/reference/powercenter-cases.md through SQL: each one is
/// lowered for SQLite and for PostgreSQL and run there, and must give the reference's result; or
/// the lowering refuses it, and then the case must be listed in ``refused`` with the reason, so a
/// refusal is a decision, never an accident. A case whose reference result is a row error must be
/// refused: SQL would fail the whole statement or compute a value instead.
enum SQLReferenceCases {
    /// The cases each dialect refuses, with a fragment of the refusal's reason, checked by hand
    /// against the reference (why SQL cannot give PowerCenter's result exactly).
    static let refused: [String: [String: String]] = [
        "sqlite": common.merging(
            [
                // SQLite has no regular expressions to test IS_NUMBER's grammar with.
                "13a": "no regular expressions", "13b": "no regular expressions", "13c": "no regular expressions",
                "14a": "no regular expressions", "14b": "no regular expressions", "14c": "no regular expressions",
                // SQLite's date functions do not clamp a month added to the 31st to the month's end.
                "26": "cannot add months", "27": "cannot add months",
            ], uniquingKeysWith: { a, _ in a }),
        "postgres": common,
    ]

    /// Refused on both: strings read as numbers by their numeric prefix ('A12.3Grove' is 0, and
    /// '5,000,000,000' a row error), zero divisors and unparsable dates (row errors, which SQL
    /// would turn into a failed statement or a NULL), and the date format elements J and SSSSS.
    static let common: [String: String] = [
        "15": "TO_INTEGER of this type", "16a": "TO_INTEGER with 2 arguments", "16b": "TO_INTEGER with 2 arguments",
        "17": "TO_INTEGER with 2 arguments", "18": "TO_INTEGER of this type", "19": "TO_INTEGER of this type",
        "20a": "numeric prefix", "20b": "numeric prefix", "21": "numeric prefix",
        "24": "zero divisor", "25": "zero divisor",
        "29": "element 'J'", "30": "element 'SSSSS'", "31": "does not match the format strictly", "32": "element 'J'",
    ]

    /// What lowering and running one case gave.
    enum Outcome {
        case value(Value)
        case refused(String)
    }

    /// Lowers case `c` for `dialect` and runs it on `run` (a one-row table `T` is there).
    static func outcome(
        _ c: EvalCase, _ dialect: any SQLDialect, highPrecision: Bool, run: (String, DataType) throws -> Value
    ) throws -> Outcome {
        let source = ExpressionSource(c.text)
        let parsed = ExpressionParser.parse(source)
        let typed = ExpressionTypeChecker.check(
            parsed.expression, in: TypeEnvironment(highPrecision: highPrecision), source: source)
        #expect(!typed.diagnostics.hasErrors, "\(typed.diagnostics)")
        let lowering = SQLExpressionLowering(dialect, options: SQLLoweringOptions(highPrecision: highPrecision))
        switch lowering.lower(typed.typed, columns: [:]) {
        case .failure(let failure):
            return .refused(failure.reason)
        case .success(let expression):
            let select = SQLSelect(
                items: [SQLSelectItem(expression, as: "R")], from: .table(SQLTableName("T"), alias: nil))
            let sql = SQLPrinter(dialect).print(.query(.select(select)))
            return .value(try run(sql, try #require(typed.typed.type)))
        }
    }

    /// Checks one case's outcome on `dialect` against the reference and the refusal list.
    static func check(_ c: EvalCase, _ outcome: Outcome, dialect: String) {
        if case .rowError = c.expected, case .value = outcome {
            Issue.record("case \(c.id) is a row error in PowerCenter but SQL computed a value on \(dialect)")
        }
        let listed = refused[dialect]?[c.id]
        switch outcome {
        case .refused(let reason):
            guard let listed else {
                Issue.record("case \(c.id) '\(c.text)' is refused on \(dialect) but not listed: \(reason)")
                return
            }
            #expect(reason.contains(listed), "case \(c.id) on \(dialect): '\(reason)' does not say '\(listed)'")
        case .value(let value):
            #expect(listed == nil, "case \(c.id) is listed as refused on \(dialect) but lowered: give \(value)")
            #expect(
                matches(value, c.expected), "case \(c.id) '\(c.text)' on \(dialect): \(value), expected \(c.expected)")
        }
    }

    /// Whether SQL's `value` is the reference's result (a number of any numeric type).
    static func matches(_ value: Value, _ expected: EvalExpectation) -> Bool {
        switch expected {
        case .value(let v): return SQLLoweringCases.same(value, v)
        case .number(let d): return number(value).map { abs($0 - d) < 1e-9 } ?? false
        case .text(let s): return value == .string(s)
        case .null: return value == .null
        case .rowError: return false
        }
    }

    static func number(_ value: Value) -> Double? {
        switch value {
        case .integer(let n): Double(n)
        case .decimal(let d): NSDecimalNumber(decimal: d).doubleValue
        case .double(let d): d
        default: nil
        }
    }
}

@Suite struct SQLReferenceCaseTests {
    @Test("the reference's expression cases through SQL on SQLite", arguments: expressionCases)
    func sqlite(_ c: EvalCase) throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE T (RID INTEGER); INSERT INTO T VALUES (1)")
        let outcome = try SQLReferenceCases.outcome(c, SQLiteDialect(), highPrecision: false) { sql, type in
            try #require(try connection.query(sql, types: [type]).rows.first?.first)
        }
        SQLReferenceCases.check(c, outcome, dialect: "sqlite")
    }
}

extension PostgresTests {
    @Suite("reference cases through SQL on PostgreSQL")
    struct ReferenceCasesThroughSQL {
        @Test("the reference's expression cases through SQL on PostgreSQL", arguments: expressionCases)
        func postgres(_ c: EvalCase) throws {
            try PostgresTests.withSchema { connection in
                try connection.execute("CREATE TABLE t (rid integer); INSERT INTO t VALUES (1)")
                let outcome = try SQLReferenceCases.outcome(c, PostgreSQLDialect(), highPrecision: true) { sql, type in
                    try #require(try connection.query(sql, types: [type]).rows.first?.first)
                }
                SQLReferenceCases.check(c, outcome, dialect: "postgres")
            }
        }
    }
}

/// The DuckDB SQL of the same cases, run by DuckDB's Python package where it is installed.
@Suite struct SQLReferenceCaseDuckDBTests {
    static let runner = """
        import json, sys
        import duckdb
        connection = duckdb.connect()
        connection.execute("CREATE TABLE T (RID INTEGER); INSERT INTO T VALUES (1)")
        for line in sys.stdin:
            item = json.loads(line)
            try:
                value = connection.execute(item["sql"]).fetchone()[0]
                print(json.dumps({"id": item["id"], "value": None if value is None else str(value)}))
            except Exception as error:
                print(json.dumps({"id": item["id"], "error": str(error)[:200]}))
        """

    static let available: Bool = python(["-c", "import duckdb"], input: "")?.status == 0

    @Test(
        "the reference's expression cases through SQL on DuckDB",
        .enabled(if: available, "skipped: python3 cannot import duckdb (pip install duckdb)"))
    func duckdb() throws {
        var statements: [String: String] = [:]
        var lines: [String] = []
        for c in expressionCases {
            let outcome = try SQLReferenceCases.outcome(c, DuckDBDialect(), highPrecision: true) { sql, _ in
                statements[c.id] = sql
                return .null
            }
            // Only what DuckDB lowers runs there; its refusals are the same decisions as above.
            guard case .value = outcome else { continue }
            let item = ["id": c.id, "sql": statements[c.id] ?? ""]
            lines.append(String(decoding: try JSONEncoder().encode(item), as: UTF8.self))
        }
        #expect(lines.count >= 20)
        let result = try #require(Self.python(["-c", Self.runner], input: lines.joined(separator: "\n") + "\n"))
        var seen = 0
        for line in result.output.split(separator: "\n") {
            guard let data = line.data(using: .utf8),
                let answer = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let id = answer["id"] as? String, let c = expressionCases.first(where: { $0.id == id })
            else { continue }
            seen += 1
            if let error = answer["error"] { Issue.record("case \(id) failed on DuckDB: \(error)"); continue }
            let value: Value =
                (answer["value"] as? String).map { text in
                    Double(text).map { _ in .decimal(Decimal(string: text) ?? 0) } ?? .string(text)
                } ?? .null
            #expect(
                SQLReferenceCases.matches(value, c.expected), "case \(id) on DuckDB: \(value), expected \(c.expected)")
        }
        #expect(seen == lines.count, "\(result.output)")
    }

    static func python(_ arguments: [String], input: String) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = stdin
        do { try process.run() } catch { return nil }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
