import IR
import Testing

@testable import Runtime

/// One expression case of /work/shared/reference/powercenter-cases.md.
struct EvalCase: Sendable, CustomTestStringConvertible {
    /// The case number, with a letter when the case has several parts.
    let id: String
    /// The expression text (the case's, or an equivalent that prints a date as text).
    let text: String
    let expected: EvalExpectation
    /// Whether the reference marks the case B (believed, to confirm on a live Integration Service).
    let believed: Bool
    var testDescription: String { "case \(id): \(text)" }
}

/// The expression cases 1–37, 50 and 52, in both precision modes (22, 23, 46, 47 and 50 have their
/// own tests: port conversion, variable ports, mapping variables).
let expressionCases: [EvalCase] = [
    EvalCase(id: "1", text: "DECODE(NULL, NULL, 1, 2)", expected: .number(1), believed: true),
    EvalCase(id: "2", text: "IIF(NULL = NULL, 1, 2)", expected: .number(2), believed: true),
    EvalCase(id: "3", text: "IIF(NULL, 'Passed', 'Failed')", expected: .text("Failed"), believed: true),
    EvalCase(id: "4", text: "DECODE('A ', 'A', 'hit', 'miss')", expected: .text("miss"), believed: false),
    EvalCase(id: "5", text: "'alpha' || NULL", expected: .text("alpha"), believed: false),
    EvalCase(id: "6", text: "'alpha' || 2", expected: .text("alpha2"), believed: false),
    EvalCase(id: "7", text: "CONCAT(NULL, 'x')", expected: .text("x"), believed: true),
    EvalCase(id: "8", text: "5 + NULL", expected: .null, believed: false),
    EvalCase(id: "9", text: "8 + 5 - 2 * 8", expected: .value(.integer(-3)), believed: false),
    EvalCase(id: "10a", text: "NULL AND FALSE", expected: .number(0), believed: false),
    EvalCase(id: "10b", text: "NULL AND TRUE", expected: .null, believed: false),
    EvalCase(id: "12a", text: "IS_SPACES('')", expected: .number(0), believed: false),
    EvalCase(id: "12b", text: "IS_SPACES('   ')", expected: .number(1), believed: false),
    EvalCase(id: "12c", text: "IS_SPACES(NULL)", expected: .null, believed: false),
    EvalCase(id: "13a", text: "IS_NUMBER('  123')", expected: .number(1), believed: false),
    EvalCase(id: "13b", text: "IS_NUMBER('123  ')", expected: .number(1), believed: false),
    EvalCase(id: "13c", text: "IS_NUMBER('.6804')", expected: .number(1), believed: false),
    EvalCase(id: "14a", text: "IS_NUMBER('')", expected: .number(0), believed: false),
    EvalCase(id: "14b", text: "IS_NUMBER('+123abc')", expected: .number(0), believed: false),
    EvalCase(id: "14c", text: "IS_NUMBER('3.45E-')", expected: .number(0), believed: false),
    EvalCase(id: "15", text: "TO_INTEGER('15.6789')", expected: .value(.integer(16)), believed: false),
    EvalCase(id: "16a", text: "TO_INTEGER('-15.6789', TRUE)", expected: .value(.integer(-15)), believed: false),
    EvalCase(id: "16b", text: "TO_INTEGER('-15.6789', FALSE)", expected: .value(.integer(-16)), believed: false),
    EvalCase(id: "17", text: "TO_INTEGER('    123.87', TRUE)", expected: .value(.integer(123)), believed: false),
    EvalCase(id: "18", text: "TO_INTEGER('A12.3Grove')", expected: .value(.integer(0)), believed: false),
    EvalCase(id: "19", text: "TO_INTEGER('5,000,000,000')", expected: .rowError("RT0004"), believed: false),
    EvalCase(id: "20a", text: "TO_DECIMAL('711A1')", expected: .number(711), believed: false),
    EvalCase(id: "20b", text: "TO_DECIMAL('A12.3Grove')", expected: .number(0), believed: false),
    EvalCase(id: "21", text: "TO_DECIMAL('15.6789', 3)", expected: .number(15.679), believed: false),
    EvalCase(id: "24", text: "MOD(25, 0)", expected: .rowError("RT0002"), believed: false),
    EvalCase(id: "25", text: "MOD(25, IIF(0 = 0, NULL, 0))", expected: .null, believed: false),
    EvalCase(
        id: "26", text: "TO_CHAR(ADD_TO_DATE(TO_DATE('01/31/1998','MM/DD/YYYY'), 'MM', 1), 'MM/DD/YYYY')",
        expected: .text("02/28/1998"), believed: false),
    EvalCase(
        id: "27", text: "TO_CHAR(ADD_TO_DATE(TO_DATE('01/29/2000','MM/DD/YYYY'), 'MM', 1), 'MM/DD/YYYY')",
        expected: .text("02/29/2000"), believed: false),
    EvalCase(
        id: "29", text: "TO_CHAR(TO_DATE('12/31/1999 23:59:59','MM/DD/YYYY HH24:MI:SS'), 'J')",
        expected: .text("2451544"), believed: false),
    EvalCase(
        id: "30", text: "TO_CHAR(TO_DATE('12/31/1999 01:02:03','MM/DD/YYYY HH24:MI:SS'), 'MM/DD/YYYY SSSSS')",
        expected: .text("12/31/1999 03723"), believed: false),
    EvalCase(id: "31", text: "TO_DATE('2020120', 'YYYYMMDD')", expected: .rowError("RT01"), believed: false),
    EvalCase(
        id: "32", text: "TO_CHAR(TO_DATE('2451544', 'J'), 'MM/DD/YYYY HH24:MI:SS')",
        expected: .text("12/31/1999 00:00:00"), believed: false),
    EvalCase(id: "33", text: "INSTR('Alfred Pope', 'Alfred Smith')", expected: .number(0), believed: false),
    EvalCase(id: "34", text: "INSTR('abcabc', 'b', 0)", expected: .number(2), believed: false),
    EvalCase(id: "35", text: "SUBSTR('abcdef', 0, 2)", expected: .text("ab"), believed: true),
    EvalCase(id: "36a", text: "SUBSTR('abcdef', -3)", expected: .text("def"), believed: true),
    EvalCase(id: "36b", text: "SUBSTR('abcdef', 2, 0)", expected: .text(""), believed: true),
    EvalCase(id: "37a", text: "LENGTH('')", expected: .number(0), believed: true),
    EvalCase(id: "37b", text: "ISNULL('')", expected: .number(0), believed: true),
    EvalCase(id: "52", text: "'a' || 1 + 2", expected: .text("a3"), believed: true),
]

@Suite("Eval: reference cases")
struct EvalCaseTableTests {
    @Test("expression cases, high precision off", arguments: expressionCases)
    func caseWithoutHighPrecision(_ c: EvalCase) {
        EvalHarness.expect(c.text, c.expected)
    }

    @Test("expression cases, high precision on", arguments: expressionCases)
    func caseWithHighPrecision(_ c: EvalCase) {
        EvalHarness.expect(c.text, c.expected, highPrecision: true)
    }

    @Test("case 11: a filter condition on a NULL column is not TRUE, so the row is dropped")
    func case11() throws {
        let result = EvalHarness.evaluate("COL > 10", ports: [("COL", .integer)], row: [.null])
        let value = try #require(try result?.get())
        #expect(value == .null)
        #expect(try CompiledExpression.isTrue(value) == false)
    }

    @Test("case 28: DATE_DIFF in months across a leap February is fractional")
    func case28() throws {
        let text = "DATE_DIFF(TO_DATE('02/19/2000','MM/DD/YYYY'), TO_DATE('09/13/1999','MM/DD/YYYY'), 'MM')"
        let value = try #require(try EvalHarness.evaluate(text)?.get())
        guard case .double(let months) = value else {
            Issue.record("DATE_DIFF gave \(value)")
            return
        }
        #expect(months > 5 && months < 6 && months != months.rounded())
    }

    @Test("case 22: '18e-3' reaching a decimal, double and integer port")
    func case22() throws {
        let settings = EvalHarness.settings()
        let text = Value.string("18e-3")
        #expect(
            try PortCoercion.coerce(text, to: .decimal(precision: 10, scale: 2), settings, port: "D") == .double(18))
        #expect(try PortCoercion.coerce(text, to: .double, settings, port: "F") == .double(0.018))
        #expect(try PortCoercion.coerce(text, to: .integer, settings, port: "I") == .integer(18))
        let high = EvalHarness.settings(highPrecision: true)
        #expect(try PortCoercion.coerce(text, to: .decimal(precision: 10, scale: 2), high, port: "D") == .decimal(18))
    }

    @Test("case 23: '123abc' reaching an integer port is 123")
    func case23() throws {
        let settings = EvalHarness.settings()
        #expect(try PortCoercion.coerce(.string("123abc"), to: .integer, settings, port: "I") == .integer(123))
    }
}
