import Codegen
import Foundation
import IR
import Testing

@testable import Runtime

/// Random well-typed expressions over strings, integers, decimals, doubles and date/times, each
/// evaluated by the native evaluator and as lowered SQL on the same rows. Where the lowering emits
/// SQL, every row must give the native value; where a row fails natively (PowerCenter rejects it),
/// the SQL must not give a value for it silently: the statement fails, or the lowering refuses.
/// Seeds are fixed; each failure names its seed and expression.
enum SQLExpressionFuzz {
    /// Expressions 1 to 2000, or the range `EXPRESSION_FUZZ_SEEDS` names (`first-last`), and the
    /// ``regressions``.
    static let seeds: [UInt64] = {
        let named = FuzzSeeds.named("EXPRESSION_FUZZ_SEEDS", otherwise: 1...2000)
        return named + regressions.filter { !named.contains($0) }
    }()

    /// Later seeds whose expressions once gave another value in SQL, always run: 11011,
    /// `IIF(FALSE, D, D) * TO_BIGINT(-3) + 9` (a decimal the runtime holds as a double, computed
    /// exactly by PostgreSQL and DuckDB), and 11330, a `SUBSTR` length from an `IIF` of 64-bit
    /// products (a `bigint`, which PostgreSQL's `substr` does not take); 14420, 15687, 17970 and
    /// 20247, an operand that can fail beside one PostgreSQL and DuckDB fold to NULL while planning
    /// (`SUBSTR(LPAD('x ', N), 0 * N, INSTR(NULL, B))`).
    /// 56284, `IN('abc' || SUBSTR(A, 12), 'abc', RPAD(…, M + 1, '*-'))`: SQL's IN stopped at the
    /// match and never computed the RPAD that the runtime rejects the row for.
    static let regressions: [UInt64] = [11011, 11330, 14420, 15687, 17970, 20247, 56284]

    /// Expressions written by hand, always run after the seeds: an operand that can fail where the
    /// `CASE` of a lowering gives the result without computing it (the text is NULL exactly on the
    /// rows whose LPAD fails, so no other row fails the statement). PostgreSQL kept those rows
    /// with NULL, where the runtime rejects them.
    static let handWritten: [String] = [
        "SUBSTR(IIF(N > 1000, NULL, A), 1, LENGTH(LPAD(B, N * 1000, '*-')))",
        "SUBSTR(IIF(N > 1000, NULL, A), IIF(N < -1000, 1, 1) * LENGTH(LPAD(B, N * 1000, '*-')))",
        "LPAD(LPAD(B, N * 1000, '*-'), IIF(N > 1000, -1, 5), '*')",
        "LPAD(LPAD(B, N * 1000, '*-'), -1, '*')",
        "SUBSTR(A, INSTR(A, 'l') + 1, N - 2)",
    ]

    /// Every expression run, with its seed (0 for the ``handWritten`` ones).
    static var texts: [(seed: UInt64, text: String)] {
        seeds.map { ($0, expression(seed: $0)) } + handWritten.map { (0, $0) }
    }

    static let ports: [(String, DataType)] = [
        ("A", .string(precision: 20)), ("B", .string(precision: 10)), ("N", .integer), ("M", .integer),
        ("D", .decimal(precision: 12, scale: 2)), ("F", .double), ("T", .dateTime(precision: 29, scale: 9)),
    ]

    /// The rows every expression is evaluated on: each port's edge values, crossed by a fixed generator.
    static let rows: [[Value]] = {
        let strings: [Value] = [
            .string(""), .string(" "), .string("abc"), .string("hello"), .string(" x "), .string("a"),
            .string("Hello"), .string("l"), .string("ab  "), .null, .string("\t"), .string("12"), .string("3.5"),
            .string("né l"), .string("€1"), .string(" 7 "),
        ]
        let integers: [Value] = [
            .integer(0), .integer(1), .integer(-1), .integer(2), .integer(7), .integer(-7), .integer(3),
            .integer(100), .null, .integer(2_147_483_647), .integer(-2_147_483_648), .integer(3_000_000),
            .integer(-800_000), .integer(8_000),
        ]
        let decimals: [Value] =
            ["0", "1.50", "-2.25", "999.99", "1000", "0.05", "-0.50"].map { .decimal(Decimal(string: $0)!) } + [.null]
        let doubles: [Value] = [.double(0.5), .double(-1.25), .double(3), .double(0), .null, .double(1e10)]
        let dates: [Value] =
            [
                "2024-02-29 23:59:59.999999", "2023-12-31 00:00:00", "1999-07-01 06:07:08.5", "2024-01-31 12:30:45",
                "2000-03-01 00:00:00",
            ].map { .dateTime(PostgresTests.date($0)) } + [.null]
        var random = SplitMix64(seed: 2_026_113_0)
        func pick(_ values: [Value]) -> Value { values[Int(random.next() % UInt64(values.count))] }
        var rows: [[Value]] = []
        for index in 0..<40 {
            // The first rows walk each port's values in step, so every value appears at least once.
            func walk(_ values: [Value]) -> Value { index < 16 ? values[index % values.count] : pick(values) }
            rows.append([
                walk(strings), walk(strings), walk(integers), walk(integers), walk(decimals), walk(doubles),
                walk(dates),
            ])
        }
        return rows
    }()

    /// One expression drawn from `seed`.
    static func expression(seed: UInt64) -> String {
        var generator = Generator(random: SplitMix64(seed: seed &* 0x9E37_79B9 &+ 17))
        let kind = Kind.allCases[Int(generator.random.next() % UInt64(Kind.allCases.count))]
        return generator.make(kind, depth: 3)
    }

    enum Kind: CaseIterable { case string, integer, decimal, double, date, boolean }

    struct Generator {
        var random: SplitMix64

        mutating func choose(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
        mutating func one<T>(_ values: [T]) -> T { values[choose(values.count)] }

        /// `name(arguments…)`.
        func call(_ name: String, _ arguments: String...) -> String {
            name + "(" + arguments.joined(separator: ", ") + ")"
        }

        /// `left op right`.
        func infix(_ left: String, _ op: String, _ right: String) -> String { left + " " + op + " " + right }

        mutating func make(_ kind: Kind, depth: Int) -> String {
            if depth <= 0 || choose(4) == 0 { return leaf(kind) }
            let d = depth - 1
            switch kind {
            case .string: return makeString(d)
            case .integer: return makeInteger(d)
            case .decimal:
                switch choose(8) {
                case 0: return infix(make(.decimal, depth: d), "+", make(one([.decimal, .integer]), depth: d))
                case 1: return infix(make(.decimal, depth: d), "*", make(one([.decimal, .integer]), depth: d))
                case 2: return infix(make(.decimal, depth: d), "-", make(.decimal, depth: d))
                case 3: return call(one(["ROUND", "TRUNC"]), make(.decimal, depth: d), one(["0", "1", "-1"]))
                case 4:
                    return call("IIF", make(.boolean, depth: d), make(.decimal, depth: d), make(.decimal, depth: d))
                case 5: return call("ABS", make(.decimal, depth: d))
                case 6: return call("TO_DECIMAL", make(one([.integer, .string]), depth: d), "2")
                default: return infix(make(.integer, depth: d), "/", make(one([.integer, .decimal]), depth: d))
                }
            case .double:
                switch choose(5) {
                case 0: return call("TO_FLOAT", make(one([.integer, .decimal]), depth: d))
                case 1: return infix(make(.double, depth: d), "+", make(.double, depth: d))
                case 2: return infix(make(.double, depth: d), "*", make(one([.double, .integer]), depth: d))
                case 3: return infix(make(.double, depth: d), "/", make(.double, depth: d))
                default: return call("ROUND", make(.double, depth: d), one(["0", "1"]))
                }
            case .date:
                switch choose(5) {
                case 0:
                    let unit = one(["'DD'", "'MM'", "'YYYY'", "'HH'", "'MI'", "'SS'"])
                    return call("ADD_TO_DATE", make(.date, depth: d), unit, make(.integer, depth: d))
                case 1: return call("TRUNC", make(.date, depth: d), one(["'MM'", "'DD'", "'Y'", "'HH24'", "'MI'"]))
                case 2: return call("LAST_DAY", make(.date, depth: d))
                case 3: return call("IIF", make(.boolean, depth: d), make(.date, depth: d), make(.date, depth: d))
                default: return call("ROUND", make(.date, depth: d), one(["'MM'", "'DD'", "'YY'"]))
                }
            case .boolean:
                switch choose(10) {
                case 0, 1:
                    let operand = one([Kind.string, .integer, .decimal, .date, .double])
                    let comparison = one(["=", "<>", "<", "<=", ">", ">="])
                    return infix(make(operand, depth: d), comparison, make(operand, depth: d))
                case 2: return call("ISNULL", make(one(Kind.allCases), depth: d))
                case 3: return infix(make(.boolean, depth: d), "AND", make(.boolean, depth: d))
                case 4: return infix(make(.boolean, depth: d), "OR", make(.boolean, depth: d))
                case 5: return "NOT " + make(.boolean, depth: d)
                case 6: return call(one(["IS_SPACES", "IS_NUMBER"]), make(.string, depth: d))
                case 7: return call("IN", make(.string, depth: d), "'abc'", make(.string, depth: d))
                case 8:
                    return one([
                        call("IN", make(.integer, depth: d), "1", "7", "NULL"),
                        call("IN", make(.decimal, depth: d), "1.5", "999.99", "0"),
                    ])
                default: return "(" + make(.integer, depth: d) + ")"
                }
            }
        }

        mutating func makeString(_ d: Int) -> String {
            switch choose(15) {
            case 0: return infix(make(.string, depth: d), "||", make(.string, depth: d))
            case 1: return call("CONCAT", make(.string, depth: d), make(.string, depth: d))
            case 2: return call("SUBSTR", make(.string, depth: d), make(.integer, depth: d))
            case 3: return call("SUBSTR", make(.string, depth: d), make(.integer, depth: d), make(.integer, depth: d))
            case 4: return call(one(["LTRIM", "RTRIM"]), make(.string, depth: d))
            case 5: return call(one(["UPPER", "LOWER"]), make(.string, depth: d))
            case 6:
                return call(
                    "REPLACECHR", one(["0", "1"]), make(.string, depth: d), "'lo'", one(["'XY'", "NULL", "''"]))
            case 7:
                return call(
                    "REPLACESTR", one(["0", "1"]), make(.string, depth: d), "'l'", one(["'LL'", "NULL", "''"]))
            case 8: return call(one(["LPAD", "RPAD"]), make(.string, depth: d), make(.integer, depth: d), "'*-'")
            case 9: return call("IIF", make(.boolean, depth: d), make(.string, depth: d), make(.string, depth: d))
            case 10:
                let (subject, match, otherwise) = (
                    make(.string, depth: d), make(.string, depth: d), make(.string, depth: d)
                )
                return call("DECODE", subject, "'abc'", match, "NULL", "'null'", otherwise)
            case 11:
                let format = one([
                    "'YYYY-MM-DD HH24:MI:SS'", "'MM/DD/YYYY'", "'DDD'", "'YY-MON-DD'", "'HH12:MI AM'",
                ])
                return call("TO_CHAR", make(.date, depth: d), format)
            case 12: return call("TO_CHAR", make(.integer, depth: d))
            case 13:
                if choose(2) == 0 { return call("CHR", one(["65", "97", "N"])) }
                return call(one(["LTRIM", "RTRIM"]), make(.string, depth: d), one(["'l '", "'a'", "' é'"]))
            default: return call("IIF", make(.boolean, depth: d), make(.string, depth: d))
            }
        }

        mutating func makeInteger(_ d: Int) -> String {
            switch choose(16) {
            case 0: return infix(make(.integer, depth: d), "+", make(.integer, depth: d))
            case 1: return infix(make(.integer, depth: d), "-", make(.integer, depth: d))
            case 2: return infix(make(.integer, depth: d), "*", make(.integer, depth: d))
            case 3: return infix(make(.integer, depth: d), "%", make(.integer, depth: d))
            case 4: return call("ABS", make(.integer, depth: d))
            case 5: return call("LENGTH", make(.string, depth: d))
            case 6: return call("INSTR", make(.string, depth: d), make(.string, depth: d))
            case 7: return call("INSTR", make(.string, depth: d), "'l'", make(.integer, depth: d), one(["1", "2"]))
            case 8: return call("MOD", make(.integer, depth: d), make(.integer, depth: d))
            case 9: return call("TO_INTEGER", make(one([.decimal, .double, .string]), depth: d))
            case 10:
                return call("IIF", make(.boolean, depth: d), make(.integer, depth: d), make(.integer, depth: d))
            case 11: return call("DECODE", make(.integer, depth: d), "1", make(.integer, depth: d), "NULL", "-1", "0")
            case 12:
                let part = one(["'YYYY'", "'MM'", "'DD'", "'HH24'", "'MI'", "'SS'", "'DY'"])
                return call("GET_DATE_PART", make(.date, depth: d), part)
            case 13: return call("ASCII", make(.string, depth: d))
            case 14: return "-(" + make(.integer, depth: d) + ")"
            default: return call("TO_BIGINT", make(.integer, depth: d))
            }
        }

        mutating func leaf(_ kind: Kind) -> String {
            switch kind {
            case .string: return one(["A", "A", "B", "''", "' '", "'abc'", "'x '", "NULL"])
            case .integer: return one(["N", "N", "M", "0", "1", "-3", "12", "2147483647"])
            case .decimal: return one(["D", "D", "1.5", "0.05", "-2.25"])
            case .double: return one(["F", "F", "TO_FLOAT(N)", "0.5"])
            case .date: return one(["T", "T", "TO_DATE('2024-01-05', 'YYYY-MM-DD')"])
            case .boolean: return one(["TRUE", "FALSE", "N > 0", "ISNULL(A)", "A = B"])
            }
        }
    }

    /// What one expression did.
    enum Outcome {
        /// It does not type-check or compile natively (the generator's mistake; counted).
        case notAnExpression
        /// The lowering refused it.
        case refused(String)
        /// Every row agreed (rows failing natively made the statement fail, or there were none).
        case agreed
        /// A difference: the expression, the SQL and the rows that differ.
        case differs(String)
    }

    /// Evaluates `text` natively and as SQL through `run` (which returns the SQL's values, or
    /// throws when the statement fails).
    static func check(
        _ text: String, dialect: any SQLDialect, highPrecision: Bool = false,
        run: (String, DataType) throws -> [Value]
    ) -> Outcome {
        let source = ExpressionSource(text)
        let parsed = ExpressionParser.parse(source)
        guard parsed.diagnostics.filter({ $0.severity == .error }).isEmpty else { return .notAnExpression }
        let environment = TypeEnvironment(
            ports: Dictionary(uniqueKeysWithValues: ports), highPrecision: highPrecision)
        let typed = ExpressionTypeChecker.check(parsed.expression, in: environment, source: source)
        guard !typed.diagnostics.hasErrors, let type = typed.typed.type else { return .notAnExpression }
        let slots = Dictionary(uniqueKeysWithValues: ports.enumerated().map { ($0.element.0, $0.offset) })
        let settings = EvalHarness.settings(highPrecision: highPrecision)
        guard let compiled = ExpressionCompiler.compile(typed.typed, slots: slots, settings: settings).compiled else {
            return .notAnExpression
        }
        let native: [Result<Value, any Error>] = rows.map { row in Result { try compiled.evaluate(row) } }
        let columns = Dictionary(
            uniqueKeysWithValues: ports.map { ($0.0, SQLExpression.column(table: nil, name: $0.0)) })
        let lowered = SQLExpressionLowering(dialect, options: SQLLoweringOptions(highPrecision: highPrecision))
            .lower(typed.typed, columns: columns)
        let expression: SQLExpression
        switch lowered {
        case .failure(let failure): return .refused(failure.reason)
        case .success(let value): expression = value
        }
        let select = SQLSelect(
            items: [SQLSelectItem(expression, as: "R")], from: .table(SQLTableName("T"), alias: nil),
            orderBy: [SQLOrdering(.column(table: nil, name: "RID"), nulls: .unspecified)])
        let sql = SQLPrinter(dialect).print(.query(.select(select)))
        let failing = native.indices.filter { if case .failure = native[$0] { true } else { false } }
        let actual: [Value]
        do {
            actual = try run(sql, type)
        } catch {
            if !failing.isEmpty { return .agreed }
            return .differs("\(text)\n\(sql)\nthe statement failed (\(error)) but every row evaluates natively")
        }
        var differences: [String] = []
        for (index, (sqlValue, nativeValue)) in zip(actual, native).enumerated() {
            switch nativeValue {
            case .success(let value):
                if !SQLLoweringCases.same(sqlValue, value) {
                    differences.append("row \(index) \(rows[index]): SQL \(sqlValue), native \(value)")
                }
            case .failure(let error):
                differences.append("row \(index) \(rows[index]): SQL \(sqlValue), native fails (\(error))")
            }
        }
        if actual.count != native.count { differences.append("SQL gave \(actual.count) rows for \(native.count)") }
        if differences.isEmpty { return .agreed }
        return .differs("\(text)\n\(sql)\n" + differences.prefix(5).joined(separator: "\n"))
    }

    /// `CREATE TABLE T (RID, ports…)` in the dialect, and the rows with their ids.
    static func table(_ dialect: any SQLDialect) -> (create: String, columns: [String], rows: [[Value]]) {
        let definitions =
            [SQLColumnDefinition("RID", .integer)] + ports.map { SQLColumnDefinition($0.0, SQLType($0.1)) }
        let create = SQLPrinter(dialect).print(.createTable(SQLTableName("T"), definitions))
        let numbered = rows.enumerated().map { [Value.integer(Int64($0.offset))] + $0.element }
        return (create, ["RID"] + ports.map(\.0), numbered)
    }

    /// Runs every seed through `run`, records each difference as an issue, prints the counts.
    static func explore(
        _ engine: String, dialect: any SQLDialect, highPrecision: Bool = false,
        run: (String, DataType) throws -> [Value]
    ) {
        var counts: [String: Int] = [:]
        var refusals: [String: Int] = [:]
        for (seed, text) in texts {
            if ProcessInfo.processInfo.environment["FUZZ_TRACE"] != nil {
                FileHandle.standardError.write(Data("\(seed): \(text)\n".utf8))
            }
            switch check(text, dialect: dialect, highPrecision: highPrecision, run: run) {
            case .notAnExpression: counts["not an expression", default: 0] += 1
            case .refused(let message):
                counts["refused", default: 0] += 1
                refusals[String(message.prefix(60)), default: 0] += 1
            case .agreed: counts["agreed", default: 0] += 1
            case .differs(let report):
                counts["differs", default: 0] += 1
                Issue.record("seed \(seed) on \(engine):\n\(report)")
            }
        }
        print("expression fuzz on \(engine): \(counts)")
        for (message, count) in refusals.sorted(by: { $0.value > $1.value }).prefix(12) {
            print("  refused \(count)× \(message)")
        }
        #expect((counts["agreed"] ?? 0) >= seeds.count / 4, "too few expressions run as SQL: \(counts)")
        #expect((counts["not an expression"] ?? 0) <= seeds.count / 10, "the generator is off: \(counts)")
    }
}

@Suite("expressions: random expressions, native against lowered SQL")
struct SQLExpressionDifferentialTests {
    @Test("SQLite gives the native value on every row, or the lowering refuses")
    func sqlite() throws {
        let (create, columns, rows) = SQLExpressionFuzz.table(SQLiteDialect())
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute(create)
        _ = try connection.insert(rows: rows, into: "T", columns: columns)
        SQLExpressionFuzz.explore("SQLite", dialect: SQLiteDialect()) { sql, type in
            try connection.query(sql, types: [type]).rows.map { $0[0] }
        }
    }
}

extension PostgresTests {
    @Suite("random expressions on PostgreSQL")
    struct RandomExpressions {
        /// Runs `body` on a fresh schema of a database whose character type is `C.utf8`, where
        /// `upper` changes every letter as the runtime does (the server's own databases are in the
        /// `C` locale, which changes ASCII letters only; docs/sql.md names that setting). Its
        /// collation stays `C`, as the runtime orders strings by code point.
        static func withUnicodeCaseDatabase(_ body: (PostgresConnection) throws -> Void) throws {
            let admin = try PostgresTestServer.connect()
            let name = "fuzz_utf8"
            let exists = try admin.query(
                "SELECT count(*) FROM pg_database WHERE datname = '\(name)'", types: [.bigInteger])
            if exists.rows.first?.first != .integer(1) {
                try admin.execute(
                    "CREATE DATABASE \(name) TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.utf8'")
            }
            guard let server = PostgresTestServer.current else {
                throw ServerFailure(message: "no PostgreSQL test server")
            }
            let connection = try PostgresConnection(
                conninfo: .socket(
                    directory: server.directory, port: server.port, database: name, user: PostgresTestServer.user))
            let schema = PostgresConnection.quote("fuzz_\(UUID().uuidString.prefix(8).lowercased())")
            try connection.execute("CREATE SCHEMA \(schema); SET search_path TO \(schema)")
            defer { try? connection.execute("DROP SCHEMA \(schema) CASCADE") }
            try body(connection)
        }

        static func explore(_ engine: String, highPrecision: Bool) throws {
            try withUnicodeCaseDatabase { connection in
                let (create, columns, rows) = SQLExpressionFuzz.table(PostgreSQLDialect())
                try connection.execute(create)
                try connection.copyIn(rows: rows, into: "t", columns: columns.map { $0.lowercased() })
                SQLExpressionFuzz.explore(engine, dialect: PostgreSQLDialect(), highPrecision: highPrecision) {
                    sql, type in try connection.query(sql, types: [type]).rows.map { $0[0] }
                }
            }
        }

        @Test("PostgreSQL gives the native value on every row, or the lowering refuses")
        func postgres() throws { try Self.explore("PostgreSQL", highPrecision: false) }

        @Test("with high precision, PostgreSQL's exact decimals give the native value, or the lowering refuses")
        func postgresHighPrecision() throws { try Self.explore("PostgreSQL, high precision", highPrecision: true) }
    }
}

/// The same random expressions on DuckDB, through its Python package where it is installed: the
/// lowered queries are collected first, run in one DuckDB process, then compared.
@Suite("random expressions on DuckDB")
struct SQLExpressionDuckDBTests {
    /// A failure DuckDB reported for one query.
    struct DuckDBError: Error, CustomStringConvertible {
        var description: String
    }

    static let runner = """
        import json, sys, datetime, decimal
        import duckdb
        request = json.loads(sys.stdin.readline())
        connection = duckdb.connect()
        connection.execute("SET threads = 1")
        for statement in request["setup"]:
            connection.execute(statement)
        def text(value):
            if value is None:
                return None
            if isinstance(value, float):
                return repr(value)
            return str(value)
        answers = {}
        for query in request["queries"]:
            try:
                answers[query] = {"rows": [text(row[0]) for row in connection.execute(query).fetchall()]}
            except Exception as error:
                answers[query] = {"error": str(error)[:300]}
        print(json.dumps(answers))
        """

    /// `value` as a DuckDB literal.
    static func literal(_ value: Value) -> String {
        switch value {
        case .null: return "NULL"
        case .string(let text): return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case .integer(let number): return String(number)
        case .decimal(let number): return "\(number)"
        case .double(let number): return "CAST('\(number)' AS DOUBLE)"
        case .dateTime(let date): return "TIMESTAMP '\(SQLiteValueText.text(of: date))'"
        default: return "NULL"
        }
    }

    /// DuckDB's text of a value (Python's `str`, `repr` for floats) as a value of `type`.
    static func value(_ text: String?, _ type: DataType) -> Value {
        guard let text else { return .null }
        if type.isString { return .string(text) }
        if type.family == .dateTime {
            return SQLiteValueText.dateTime(from: text).map { .dateTime($0) } ?? .string(text)
        }
        switch type {
        case .double, .real: return Double(text).map { .double($0) } ?? .string(text)
        case .decimal: return Decimal(string: text).map { .decimal($0) } ?? .string(text)
        default: return Int64(text).map { .integer($0) } ?? Double(text).map { .double($0) } ?? .string(text)
        }
    }

    @Test(
        "DuckDB gives the native value on every row, or the lowering refuses",
        .enabled(
            if: SQLReferenceCaseDuckDBTests.available, "skipped: python3 cannot import duckdb (pip install duckdb)"))
    func duckdb() throws {
        let dialect = DuckDBDialect()
        var queries: [String] = []
        struct Deferred: Error {}
        for (_, text) in SQLExpressionFuzz.texts {
            _ = SQLExpressionFuzz.check(text, dialect: dialect) { sql, _ in
                queries.append(sql)
                throw Deferred()
            }
        }
        let (create, _, rows) = SQLExpressionFuzz.table(dialect)
        let inserts = rows.map { "INSERT INTO T VALUES (" + $0.map(Self.literal).joined(separator: ", ") + ")" }
        let request = try JSONSerialization.data(withJSONObject: ["setup": [create] + inserts, "queries": queries])
        let result = try #require(
            SQLReferenceCaseDuckDBTests.python(
                ["-c", Self.runner], input: String(decoding: request, as: UTF8.self) + "\n"))
        let answers = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: [String: Any]],
            "\(result.output.prefix(2000))")
        SQLExpressionFuzz.explore("DuckDB", dialect: dialect) { sql, type in
            guard let answer = answers[sql] else { throw DuckDBError(description: "no answer for \(sql)") }
            if let error = answer["error"] as? String { throw DuckDBError(description: error) }
            let texts = (answer["rows"] as? [Any]) ?? []
            return texts.map { Self.value($0 as? String, type) }
        }
    }
}
