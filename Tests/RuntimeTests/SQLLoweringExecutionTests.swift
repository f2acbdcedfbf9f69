import Codegen
import Foundation
import IR
import Testing

@testable import Runtime

/// Differential tests of expression lowering: each expression is evaluated by the native
/// evaluator (PowerCenter's semantics, issue 3) and as lowered SQL on a real engine, row by row,
/// on inputs chosen for the rule at stake (NULLs, '', blanks, signs, ties). They must agree.
enum SQLLoweringCases {
    struct Case: CustomTestStringConvertible, Sendable {
        var expression: String
        var ports: [(String, DataType)]
        var rows: [[Value]]
        var highPrecision = false
        var testDescription: String { expression }
    }

    static let text = DataType.string(precision: 20)
    static let int = DataType.integer
    static let dec = DataType.decimal(precision: 12, scale: 2)

    static let strings: [[Value]] = [[.string("abc")], [.null], [.string("")], [.string(" x ")], [.string("hello")]]
    static let pairs: [[Value]] = [
        [.string("a"), .null], [.null, .null], [.null, .string("b")], [.string(""), .string("")],
        [.string("x "), .string(" y")],
    ]
    static let numbers: [[Value]] = [
        [.integer(7), .integer(3)], [.integer(-7), .integer(2)], [.null, .integer(1)], [.integer(3), .null],
        [.integer(1), .integer(6)], [.integer(0), .integer(0)],
    ]

    /// Cases every dialect with exact strings and numbers computes (run on SQLite and PostgreSQL).
    static let common: [Case] = [
        Case(expression: "IIF(ISNULL(A), 'none', RTRIM(A))", ports: [("A", text)], rows: strings),
        Case(expression: "A || B", ports: [("A", text), ("B", text)], rows: pairs),
        Case(
            expression: "DECODE(A, 'x', 1, NULL, 2, 3)", ports: [("A", text)],
            rows: [[.string("x")], [.null], [.string("y")], [.string("x ")]]),
        Case(
            expression: "LTRIM(RTRIM(A))", ports: [("A", text)],
            rows: [[.string("  a b  ")], [.string("")], [.null], [.string("   ")], [.string("\ta ")]]),
        Case(expression: "LENGTH(A)", ports: [("A", text)], rows: strings + [[.string("ab  ")]]),
        Case(expression: "SUBSTR(A, 0, 2)", ports: [("A", text)], rows: strings),
        Case(expression: "SUBSTR(A, 2)", ports: [("A", text)], rows: strings),
        Case(expression: "SUBSTR(A, 1, 0)", ports: [("A", text)], rows: strings),
        Case(expression: "A = B", ports: [("A", text), ("B", text)], rows: pairs + [[.string("a "), .string("a")]]),
        Case(expression: "N + M * 2", ports: [("N", int), ("M", int)], rows: numbers),
        Case(expression: "N - M", ports: [("N", int), ("M", int)], rows: numbers),
        Case(expression: "N % 3", ports: [("N", int), ("M", int)], rows: numbers),
        Case(expression: "IIF(N > 2 AND M < 5, 1, 0)", ports: [("N", int), ("M", int)], rows: numbers),
        Case(expression: "N > 2 OR M < 5", ports: [("N", int), ("M", int)], rows: numbers),
        Case(expression: "NOT (N = 1)", ports: [("N", int), ("M", int)], rows: numbers),
        Case(expression: "IIF(N, 'yes', 'no')", ports: [("N", int), ("M", int)], rows: numbers),
        Case(expression: "ABS(N)", ports: [("N", int), ("M", int)], rows: numbers),
        Case(expression: "N / 4", ports: [("N", int), ("M", int)], rows: numbers),
        Case(expression: "TO_INTEGER(N)", ports: [("N", int), ("M", int)], rows: numbers),
        Case(expression: "IIF(N > 0, N)", ports: [("N", int), ("M", int)], rows: numbers),
        // Decimals without high precision (SQLite stores them as text, where '999' > '1000').
        Case(expression: "IIF(D > 1000, 1, 0)", ports: [("D", dec)], rows: decimalRows),
        Case(expression: "D >= 999.5 AND D < 10000", ports: [("D", dec)], rows: decimalRows),
        Case(expression: "IN(D, 999, 1000.01)", ports: [("D", dec)], rows: decimalRows),
        Case(expression: "DECODE(D, 20, 'twenty', 'other')", ports: [("D", dec)], rows: decimalRows),
        // A decimal branch of a double IIF is a double (SQLite passed its text on, and IN missed it).
        Case(
            expression: "IN(IIF(N > 0, D, N / 4), 1.5, 999.99)", ports: [("N", int), ("D", dec)],
            rows: [
                [.integer(1), .decimal(Decimal(string: "1.50")!)], [.integer(0), .decimal(2)], [.null, .null],
                [.integer(2), .decimal(Decimal(string: "999.99")!)], [.integer(-4), .decimal(1)],
            ]),
    ]

    /// Decimals whose text order differs from their numeric order.
    static let decimalRows: [[Value]] =
        ["999", "1000", "1000.01", "10000", "20.00", "-5"].map {
            [.decimal(Decimal(string: $0)!)]
        } + [[.null]]

    /// Case mapping: PostgreSQL only (ASCII rows: the throwaway server runs in the C locale, where
    /// `upper` changes `a`–`z` only); SQLite refuses it (tested below).
    static let caseMapping: [Case] = [
        Case(expression: "IIF(ISNULL(A), 'none', UPPER(A))", ports: [("A", text)], rows: strings),
        Case(expression: "LOWER(A) || 'x'", ports: [("A", text)], rows: strings),
    ]

    /// Exact decimals (high precision on): PostgreSQL only; SQLite refuses them (tested below).
    static let decimals: [Case] = [
        Case(
            expression: "TO_INTEGER(D)", ports: [("D", dec)],
            rows: [
                [.decimal(Decimal(string: "2.50")!)], [.decimal(Decimal(string: "-2.50")!)],
                [.decimal(Decimal(string: "1.49")!)], [.null],
            ], highPrecision: true),
        Case(
            expression: "D * 2 + 1.5", ports: [("D", dec)],
            rows: [[.decimal(Decimal(string: "0.10")!)], [.decimal(Decimal(string: "-3.33")!)], [.null]],
            highPrecision: true),
    ]

    /// The native results and the lowered SQL of one case.
    static func prepare(_ c: Case, _ dialect: any SQLDialect) throws -> (sql: String, expected: [Value], type: DataType)
    {
        let source = ExpressionSource(c.expression)
        let parsed = ExpressionParser.parse(source)
        #expect(parsed.diagnostics.isEmpty)
        let environment = TypeEnvironment(
            ports: Dictionary(uniqueKeysWithValues: c.ports), highPrecision: c.highPrecision)
        let typed = ExpressionTypeChecker.check(parsed.expression, in: environment, source: source)
        #expect(!typed.diagnostics.hasErrors, "\(typed.diagnostics)")
        let settings = EvalHarness.settings(highPrecision: c.highPrecision)
        let slots = Dictionary(uniqueKeysWithValues: c.ports.enumerated().map { ($0.element.0, $0.offset) })
        let compiled = try #require(ExpressionCompiler.compile(typed.typed, slots: slots, settings: settings).compiled)
        let expected = try c.rows.map { row in try compiled.evaluate(row) }
        let columns = Dictionary(
            uniqueKeysWithValues: c.ports.map { ($0.0, SQLExpression.column(table: nil, name: $0.0)) })
        let lowered = SQLExpressionLowering(dialect, options: SQLLoweringOptions(highPrecision: c.highPrecision))
            .lower(typed.typed, columns: columns)
        let expression = try lowered.get()
        let select = SQLSelect(
            items: [SQLSelectItem(expression, as: "R")], from: .table(SQLTableName("T"), alias: nil),
            orderBy: [SQLOrdering(.column(table: nil, name: "RID"), nulls: .unspecified)])
        return (SQLPrinter(dialect).print(.query(.select(select))), expected, try #require(typed.typed.type))
    }

    /// `CREATE TABLE T (RID, ports…)` in the dialect, and the rows with their ids.
    static func table(_ c: Case, _ dialect: any SQLDialect) -> (create: String, columns: [String], rows: [[Value]]) {
        let definitions =
            [SQLColumnDefinition("RID", .integer)] + c.ports.map { SQLColumnDefinition($0.0, SQLType($0.1)) }
        let create = SQLPrinter(dialect).print(.createTable(SQLTableName("T"), definitions))
        let rows = c.rows.enumerated().map { [Value.integer(Int64($0.offset))] + $0.element }
        return (create, ["RID"] + c.ports.map(\.0), rows)
    }

    /// Values equal as numbers when both are numbers (SQL may widen an integer to a decimal).
    static func same(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.integer(let x), .decimal(let y)), (.decimal(let y), .integer(let x)): return Decimal(x) == y
        case (.double(let x), .decimal(let y)), (.decimal(let y), .double(let x)):
            return x == NSDecimalNumber(decimal: y).doubleValue
        default: return a == b
        }
    }
}

@Suite struct SQLLoweringExecutionTests {
    @Test(arguments: SQLLoweringCases.common)
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

    @Test func sqliteRefusesCaseMapping() throws {
        for c in SQLLoweringCases.caseMapping {
            #expect(throws: SQLLoweringFailure.self) { _ = try SQLLoweringCases.prepare(c, SQLiteDialect()) }
        }
    }

    @Test func sqliteRefusesExactDecimals() throws {
        let c = SQLLoweringCases.decimals[1]
        #expect(throws: SQLLoweringFailure.self) { _ = try SQLLoweringCases.prepare(c, SQLiteDialect()) }
    }
}

extension PostgresTests {
    @Suite("lowered expressions on PostgreSQL")
    struct LoweredExpressions {
        @Test(
            "each lowered expression gives the native evaluator's values",
            arguments: SQLLoweringCases.common + SQLLoweringCases.caseMapping + SQLLoweringCases.decimals)
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
