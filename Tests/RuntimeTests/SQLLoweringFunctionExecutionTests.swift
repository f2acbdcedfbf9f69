import Codegen
import Foundation
import IR
import Testing

@testable import Runtime

/// Differential cases for the functions lowered to SQL (strings, numbers, dates): the native
/// evaluator and the lowered SQL must give the same value on every row. Inputs are chosen for the
/// rule at stake: negative and zero starts, starts before the beginning, empty searches, NULL in
/// every position, blanks of every kind, dates with microseconds just below the next second.
enum SQLLoweringFunctionCases {
    typealias Case = SQLLoweringCases.Case
    static let text = SQLLoweringCases.text
    static let int = SQLLoweringCases.int
    static let date = DataType.dateTime(precision: 29, scale: 9)

    static let textAndNumber: [[Value]] = [
        [.string("hello"), .integer(-2)], [.string("hello"), .integer(0)], [.string("hello"), .integer(7)],
        [.string("hello"), .integer(-7)], [.string("hello"), .integer(-5)], [.null, .integer(1)],
        [.string("abc"), .null],
        [.string(""), .integer(1)], [.string(" x "), .integer(-1)], [.string("hello"), .integer(2)],
    ]
    static let startAndLength: [[Value]] = [
        [.string("hello"), .integer(2), .integer(2)], [.string("hello"), .integer(-3), .integer(0)],
        [.string("hello"), .integer(-3), .integer(-1)], [.string("hello"), .integer(0), .null],
        [.string("hello"), .integer(-9), .integer(3)], [.null, .integer(1), .integer(1)],
        [.string("hello"), .integer(4), .integer(10)],
    ]
    static let searches: [[Value]] = [
        [.string("hello"), .string("l")], [.string("hello"), .string("")], [.null, .string("")],
        [.string("abc"), .null], [.string(""), .string("a")], [.string("aXa"), .string("Xa")],
        [.string("a"), .string("abc")], [.string("Hello"), .string("h")],
    ]
    static let blanks: [[Value]] = [
        [.string("  ")], [.string("")], [.null], [.string(" \t\n")], [.string(" a ")], [.string("\u{0B}\u{0C}\r")],
    ]
    static let dates: [[Value]] = [
        [.dateTime(PostgresTests.date("2024-02-29 23:59:59.999999")), .integer(1)],
        [.dateTime(PostgresTests.date("2023-12-31 00:00:00")), .integer(-400)],
        [.null, .integer(3)], [.dateTime(PostgresTests.date("1999-07-01 06:07:08.5")), .null],
        [.dateTime(PostgresTests.date("2024-01-31 12:30:45")), .integer(1)],
        [.dateTime(PostgresTests.date("0999-01-05 00:00:59.25")), .integer(-2)],
    ]

    static func strings(_ expression: String, _ rows: [[Value]], ports: [(String, DataType)] = [("A", text)]) -> Case {
        Case(expression: expression, ports: ports, rows: rows)
    }

    /// Cases both SQLite and PostgreSQL compute.
    static let common: [Case] = [
        strings("SUBSTR(A, -3, 2)", SQLLoweringCases.strings + [[.string("ab")], [.string("abc")]]),
        strings("SUBSTR(A, -2)", SQLLoweringCases.strings + [[.string("a")]]),
        strings("SUBSTR(A, N)", textAndNumber, ports: [("A", text), ("N", int)]),
        strings("SUBSTR(A, N, 2)", textAndNumber, ports: [("A", text), ("N", int)]),
        strings("SUBSTR(A, N, M)", startAndLength, ports: [("A", text), ("N", int), ("M", int)]),
        strings("SUBSTR(A, 2, N)", textAndNumber, ports: [("A", text), ("N", int)]),
        strings("INSTR(A, B)", searches, ports: [("A", text), ("B", text)]),
        strings("INSTR(A, 'l', 0, 1)", SQLLoweringCases.strings),
        strings("IS_SPACES(A)", blanks),
        strings("IIF(IS_SPACES(A), 'blank', 'other')", blanks),
        strings("REPLACECHR(1, A, 'lo', 'XY')", SQLLoweringCases.strings),
        strings("REPLACECHR(1, A, 'l', NULL)", SQLLoweringCases.strings),
        strings("REPLACESTR(1, A, 'll', 'LL')", SQLLoweringCases.strings),
        strings(
            "IN(A, 'abc', B)", SQLLoweringCases.pairs + [[.string("abc"), .null]], ports: [("A", text), ("B", text)]),
        strings(
            "NOT IN(A, 'abc', B)", SQLLoweringCases.pairs + [[.string("abc"), .null]],
            ports: [("A", text), ("B", text)]),
        Case(expression: "IN(N, 1, 7, NULL)", ports: [("N", int), ("M", int)], rows: SQLLoweringCases.numbers),
        Case(expression: "MOD(N, -3)", ports: [("N", int), ("M", int)], rows: SQLLoweringCases.numbers),
        Case(expression: "ROUND(N) + TRUNC(M, 1)", ports: [("N", int), ("M", int)], rows: SQLLoweringCases.numbers),
        Case(expression: "TO_FLOAT(N) / 4", ports: [("N", int), ("M", int)], rows: SQLLoweringCases.numbers),
        Case(
            expression: "TO_CHAR(N) || '|' || TO_CHAR(M * 1000000)", ports: [("N", int), ("M", int)],
            rows: SQLLoweringCases.numbers + [[.integer(-2_147_483_648), .integer(2147)]]),
        strings("TO_CHAR(A) || '|'", SQLLoweringCases.strings),
        Case(expression: "TO_CHAR(T, 'YYYY-MM-DD HH24:MI:SS')", ports: [("T", date), ("N", int)], rows: dates),
        Case(expression: "TO_CHAR(T, 'DDD/MM.DD;MI')", ports: [("T", date), ("N", int)], rows: dates),
        Case(
            expression: "GET_DATE_PART(T, 'YYYY') * 100 + GET_DATE_PART(T, 'mon')", ports: [("T", date), ("N", int)],
            rows: dates),
        Case(
            expression: "GET_DATE_PART(T, 'SS') + GET_DATE_PART(T, 'DY')", ports: [("T", date), ("N", int)], rows: dates
        ),
        Case(expression: "TRUNC(T, 'MM')", ports: [("T", date), ("N", int)], rows: dates),
        Case(expression: "TRUNC(T)", ports: [("T", date), ("N", int)], rows: dates),
        Case(expression: "TRUNC(T, 'HH24')", ports: [("T", date), ("N", int)], rows: dates),
        Case(expression: "TRUNC(T, 'Y')", ports: [("T", date), ("N", int)], rows: dates),
        Case(expression: "ADD_TO_DATE(T, 'DD', N)", ports: [("T", date), ("N", int)], rows: dates),
        Case(expression: "LAST_DAY(T)", ports: [("T", date), ("N", int)], rows: dates),
        Case(expression: "ADD_TO_DATE(T, 'HH', -5)", ports: [("T", date), ("N", int)], rows: dates),
        Case(expression: "ADD_TO_DATE(T, 'SS', N)", ports: [("T", date), ("N", int)], rows: dates),
        Case(
            expression: "IIF(T < TO_DATE('2024-02-29 23:59:59', 'YYYY-MM-DD HH24:MI:SS'), 1, 0)",
            ports: [("T", date), ("N", int)], rows: dates),
    ]

    /// Cases only PostgreSQL computes (SQLite has no LPAD, no exact decimals, no clamping months).
    static let postgres: [Case] = [
        strings("LPAD(A, N)", textAndNumber, ports: [("A", text), ("N", int)]),
        strings("RPAD(A, 4, '*-')", SQLLoweringCases.strings),
        Case(
            expression: "ROUND(D, 1) + TRUNC(D, 1)", ports: [("D", SQLLoweringCases.dec)],
            rows: ["2.25", "-2.25", "2.35", "-0.05", "9.99"].map { [.decimal(Decimal(string: $0)!)] } + [[.null]],
            highPrecision: true),
        Case(expression: "ADD_TO_DATE(T, 'MM', N)", ports: [("T", date), ("N", int)], rows: dates),
        Case(expression: "ADD_TO_DATE(T, 'YYYY', N)", ports: [("T", date), ("N", int)], rows: dates),
        Case(expression: "TO_CHAR(T, 'MM/DD/YY HH12')", ports: [("T", date), ("N", int)], rows: dates),
    ]
}

@Suite struct SQLLoweringFunctionExecutionTests {
    @Test(arguments: SQLLoweringFunctionCases.common)
    func sqliteAgreesWithTheNativeEvaluator(_ c: SQLLoweringCases.Case) throws {
        let (sql, expected, type) = try SQLLoweringCases.prepare(c, SQLiteDialect())
        let (create, columns, rows) = SQLLoweringCases.table(c, SQLiteDialect())
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute(create)
        try connection.insert(rows: rows, into: "T", columns: columns)
        let actual = try connection.query(sql, types: [type]).rows.map { $0[0] }
        #expect(zip(actual, expected).allSatisfy(SQLLoweringCases.same), "\(sql)\nSQL: \(actual)\nnative: \(expected)")
        #expect(actual.count == expected.count)
    }

    @Test(arguments: SQLLoweringFunctionCases.postgres)
    func sqliteRefusesWhatItCannotComputeExactly(_ c: SQLLoweringCases.Case) throws {
        #expect(throws: SQLLoweringFailure.self) { _ = try SQLLoweringCases.prepare(c, SQLiteDialect()) }
    }
}

extension PostgresTests {
    @Suite("lowered functions on PostgreSQL")
    struct LoweredFunctions {
        @Test(
            "each lowered function gives the native evaluator's values",
            arguments: SQLLoweringFunctionCases.common + SQLLoweringFunctionCases.postgres)
        func postgresAgreesWithTheNativeEvaluator(_ c: SQLLoweringCases.Case) throws {
            try PostgresTests.withSchema { connection in
                let (sql, expected, type) = try SQLLoweringCases.prepare(c, PostgreSQLDialect())
                let (create, columns, rows) = SQLLoweringCases.table(c, PostgreSQLDialect())
                try connection.execute(create)
                try connection.copyIn(rows: rows, into: "t", columns: columns.map { $0.lowercased() })
                let actual = try connection.query(sql, types: [type]).rows.map { $0[0] }
                #expect(
                    zip(actual, expected).allSatisfy(SQLLoweringCases.same),
                    "\(sql)\nSQL: \(actual)\nnative: \(expected)")
                #expect(actual.count == expected.count)
            }
        }
    }
}
