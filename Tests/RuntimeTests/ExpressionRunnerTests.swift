import Foundation
import IR
import Testing

@testable import Runtime

@Suite("Expression runner")
struct ExpressionRunnerTests {
    /// 2024-03-15 10:30:00.
    static let now = DateTimeValue(
        day: Int32(CivilCalendar.dayNumber(year: 2024, month: 3, day: 15)), nanosecond: 37_800 * 1_000_000_000)

    static func run(
        _ expression: String, ports: [ExpressionRunnerPort] = [], variables: [ExpressionRunnerVariable] = [],
        parameters: [ExpressionRunnerParameter] = [], table: ExpressionRunnerTable? = nil, highPrecision: Bool = false
    ) -> ExpressionRunResult {
        ExpressionRunner.run(
            ExpressionRunRequest(
                expression: expression, ports: ports, variables: variables, parameters: parameters, table: table,
                settings: ExpressionRunner.settings(now: now, highPrecision: highPrecision)))
    }

    @Test("one row: canonical form, type and value")
    func singleRow() throws {
        let result = Self.run(
            "concat( S , TO_CHAR(N + 1) )",
            ports: [
                .init(name: "S", type: .string(precision: 5), value: "ab"),
                .init(name: "N", type: .integer, value: "41"),
            ])
        #expect(result.outcome == .evaluated)
        #expect(result.canonical == "CONCAT(S, TO_CHAR(N + 1))")
        #expect(result.type?.isString == true)
        #expect(result.rows.count == 1)
        #expect(try result.rows[0].get() == .string("ab42"))
    }

    @Test("port values convert as a string port linked to the typed port (cases 22, 23)")
    func portConversion() throws {
        let settings = ExpressionRunner.settings(now: Self.now, highPrecision: false)
        #expect(
            try ExpressionRunner.value(fromText: "18e-3", as: .integer, settings: settings, port: "I") == .integer(18))
        #expect(
            try ExpressionRunner.value(fromText: "18e-3", as: .double, settings: settings, port: "F") == .double(0.018))
        #expect(
            try ExpressionRunner.value(fromText: "123abc", as: .integer, settings: settings, port: "I") == .integer(123)
        )
        #expect(try ExpressionRunner.value(fromText: nil, as: .integer, settings: settings, port: "I") == .null)
        let date = try ExpressionRunner.value(
            fromText: "1999-12-31 23:59:58.5", as: .dateTime(precision: 29, scale: 9), settings: settings, port: "D")
        let expected = DateTimeValue(
            day: Int32(CivilCalendar.dayNumber(year: 1999, month: 12, day: 31)),
            nanosecond: 86_398 * 1_000_000_000 + 500_000_000)
        #expect(date == .dateTime(expected))
        #expect(throws: RowError.self) {
            try ExpressionRunner.value(fromText: "5000000000", as: .integer, settings: settings, port: "I")
        }
        do throws(RowError) {
            _ = try ExpressionRunner.value(
                fromText: "2023-02-29", as: .dateTime(precision: 29, scale: 9),
                settings: settings, port: "D")
            Issue.record("February 29 of 2023 was accepted")
        } catch {
            #expect(error.code == DateErrors.nonexistentDate)
        }
    }

    @Test("variable ports and mapping variables carry over from row to row (cases 46, 47)")
    func stateAcrossRows() throws {
        let table = ExpressionRunnerTable(columns: ["COL"], rows: [["10"], ["20"], [nil]])
        let result = Self.run(
            "v_prev + SETCOUNTVARIABLE($$SEEN) * 1000",
            ports: [.init(name: "COL", type: .integer)],
            variables: [
                .init(name: "v_prev", type: .integer, expression: "v_cur"),
                .init(name: "v_cur", type: .integer, expression: "COL"),
            ],
            parameters: [.init(name: "SEEN", type: .integer, value: "0")], table: table)
        #expect(result.outcome == .evaluated)
        // v_prev: 0, 10, 20; $$SEEN counts 1, 2, 3.
        #expect(try result.rows.map { try $0.get() } == [.integer(1000), .integer(2010), .integer(3020)])
    }

    @Test("a row error is a row's result; later rows still run")
    func rowErrors() throws {
        let table = ExpressionRunnerTable(columns: ["D"], rows: [["5"], ["0"], ["2"]])
        let result = Self.run("MOD(10, D)", ports: [.init(name: "D", type: .integer)], table: table)
        #expect(result.outcome == .evaluated)
        #expect(try result.rows[0].get() == .integer(0))
        #expect(throws: RowError(code: "RT0002", message: "MOD(10, 0): the divisor is zero")) {
            try result.rows[1].get()
        }
        #expect(try result.rows[2].get() == .integer(0))
    }

    @Test("expression and input problems are told apart")
    func outcomes() {
        let parse = Self.run("1 +")
        #expect(parse.outcome == .invalidExpression)
        #expect(parse.diagnostics.map(\.code.rawValue).contains("IR0102"))
        let variable = Self.run("1", variables: [.init(name: "v", type: .integer, expression: "NOPE")])
        #expect(variable.outcome == .invalidExpression)
        #expect(variable.canonical == "1")
        let duplicate = Self.run(
            "A", ports: [.init(name: "A", type: .integer, value: "1"), .init(name: "a", type: .integer, value: "2")])
        #expect(duplicate.outcome == .invalidInput)
        #expect(duplicate.diagnostics.map(\.code.rawValue) == ["RT0203"])
        let parameter = Self.run("$$D", parameters: [.init(name: "$$D", type: .integer, value: "99999999999")])
        #expect(parameter.outcome == .invalidInput)
        #expect(parameter.diagnostics.map(\.code.rawValue) == ["RT0204"])
    }

    @Test("datatypes from text, with defaults for a missing precision")
    func dataTypes() {
        #expect(ExpressionRunner.dataType(parsing: "string") == .string(precision: 65_535))
        #expect(ExpressionRunner.dataType(parsing: "string(10)") == .string(precision: 10))
        #expect(ExpressionRunner.dataType(parsing: "decimal(12,2)") == .decimal(precision: 12, scale: 2))
        #expect(ExpressionRunner.dataType(parsing: "decimal") == .decimal(precision: 28, scale: 10))
        #expect(ExpressionRunner.dataType(parsing: "date/time") == .dateTime(precision: 29, scale: 9))
        #expect(ExpressionRunner.dataType(parsing: "date") == .dateTime(precision: 29, scale: 9))
        #expect(ExpressionRunner.dataType(parsing: "small integer") == .smallInteger)
        #expect(ExpressionRunner.dataType(parsing: "number(10,2)") == .decimal(precision: 10, scale: 2))
        #expect(ExpressionRunner.dataType(parsing: "strng") == nil)
        #expect(ExpressionRunner.dataType(parsing: "integer(5)") == nil)
    }

    @Test("command-line value texts and parameter type inference")
    func inputTexts() {
        #expect(ExpressionRunner.inputText(parsing: "") == nil)
        #expect(ExpressionRunner.inputText(parsing: "null") == nil)
        #expect(ExpressionRunner.inputText(parsing: "'NULL'") == "NULL")
        #expect(ExpressionRunner.inputText(parsing: "''") == "")
        #expect(ExpressionRunner.inputText(parsing: "'it''s'") == "it's")
        #expect(ExpressionRunner.inputText(parsing: "abc") == "abc")
        #expect(ExpressionRunner.inferredType(ofParameterText: "42") == .integer)
        #expect(ExpressionRunner.inferredType(ofParameterText: "5000000000") == .bigInteger)
        #expect(ExpressionRunner.inferredType(ofParameterText: "-12.50") == .decimal(precision: 4, scale: 2))
        #expect(ExpressionRunner.inferredType(ofParameterText: "1e3") == .double)
        #expect(ExpressionRunner.inferredType(ofParameterText: "2024-01-31") == .dateTime(precision: 29, scale: 9))
        #expect(ExpressionRunner.inferredType(ofParameterText: "abc") == .string(precision: 3))
    }

    @Test("CSV: quoting, NULL, CRLF and blank lines")
    func csv() throws {
        let text = "a, B ,c\r\n1,\"x,\"\"y\"\"\",NULL\r\n\r\n,\"\",\"NULL\"\n\"multi\nline\",null,3"
        let (table, diagnostics) = ExpressionRunnerTable.parse(text, file: "t.csv")
        #expect(diagnostics.isEmpty)
        let parsed = try #require(table)
        #expect(parsed.columns == ["a", "B", "c"])
        #expect(parsed.rows == [["1", "x,\"y\"", nil], [nil, "", "NULL"], ["multi\nline", nil, "3"]])
    }

    /// A malformed CSV text and where its one error points.
    struct CSVErrorCase: Sendable, CustomTestStringConvertible {
        let text: String
        let code: String
        let line: Int
        let column: Int
        var testDescription: String { "\(code) at \(line):\(column)" }
    }

    @Test(
        "CSV errors are located",
        arguments: [
            CSVErrorCase(text: "A,B\n1,\"open\n", code: "RT0200", line: 2, column: 3),
            CSVErrorCase(text: "A,B\n1,x\"y\n", code: "RT0200", line: 2, column: 4),
            CSVErrorCase(text: "A,B\n1,\"q\"z\n", code: "RT0200", line: 2, column: 6),
            CSVErrorCase(text: "A,B\n1,2,3\n", code: "RT0201", line: 2, column: 1),
            CSVErrorCase(text: "A,a\n1,2\n", code: "RT0202", line: 1, column: 3),
            CSVErrorCase(text: "A,,C\n", code: "RT0202", line: 1, column: 3),
            CSVErrorCase(text: "", code: "RT0202", line: 1, column: 1),
        ])
    func csvErrors(_ c: CSVErrorCase) {
        let (table, diagnostics) = ExpressionRunnerTable.parse(c.text, file: "t.csv")
        #expect(table == nil)
        #expect(diagnostics.map(\.code.rawValue) == [c.code])
        #expect(diagnostics.first?.location == SourceLocation(file: "t.csv", line: c.line, column: c.column))
    }

    @Test("JSON and text rendering of values")
    func rendering() {
        let date = DateTimeValue(
            day: Int32(CivilCalendar.dayNumber(year: 998, month: 2, day: 3)), nanosecond: 1_234_567_891)
        #expect(ExpressionRunner.isoText(date) == "0998-02-03T00:00:01.234567")
        #expect(ExpressionRunner.jsonValue(.double(18)) == "18")
        #expect(ExpressionRunner.jsonValue(.double(0.5)) == "0.5")
        #expect(ExpressionRunner.jsonValue(.double(.infinity)) == "\"Infinity\"")
        #expect(ExpressionRunner.jsonValue(.decimal(Decimal(string: "-15.679")!)) == "-15.679")
        #expect(ExpressionRunner.jsonValue(.binary([0x0a, 0xff])) == "\"0aff\"")
        #expect(ExpressionRunner.jsonString("a\"b\\c\nd\u{1}") == "\"a\\\"b\\\\c\\nd\\u0001\"")
        #expect(
            ExpressionRunner.jsonLine(canonical: "X", type: nil, row: .success(.null))
                == "{\"canonical\": \"X\", \"type\": null, \"value\": null, \"error\": null}")
        #expect(ExpressionRunner.textLine(.success(.string("it's"))) == "'it''s'")
        #expect(ExpressionRunner.textLine(.failure(RowError(code: "RT0001", message: "m"))) == "row error [RT0001] m")
    }
}
