import IR
import Testing

@testable import Runtime

/// One case of /work/shared/reference/powercenter-cases.md, with the check that runs it.
struct ReferenceCase: Sendable, CustomTestStringConvertible {
    /// The case number, 1–53.
    let number: Int
    /// Whether the reference marks it B (believed, to confirm on a live Integration Service).
    let believed: Bool
    let summary: String
    /// Runs the case and records an issue when the result differs from the reference.
    let check: @Sendable () throws -> Void
    var testDescription: String { "case \(number)\(believed ? " (B)" : " (V)"): \(summary)" }
}

/// Runs the expression cases numbered `number` (with or without a letter) of `expressionCases`, in
/// both precision modes, and checks they carry the same V/B mark.
func expressionCase(_ number: Int, _ believed: Bool, _ summary: String) -> ReferenceCase {
    ReferenceCase(number: number, believed: believed, summary: summary) {
        let parts = expressionCases.filter { $0.id.prefix { $0.isNumber } == "\(number)" }
        #expect(!parts.isEmpty, "no expression case \(number) in EvalCaseTableTests")
        for part in parts {
            #expect(part.believed == believed, "case \(part.id) is marked differently in EvalCaseTableTests")
            EvalHarness.expect(part.text, part.expected)
            EvalHarness.expect(part.text, part.expected, highPrecision: true)
        }
    }
}

/// All 53 cases, in order; expression cases through the evaluator, operator cases through the
/// operators (ReferenceOperatorCases).
let referenceCases: [ReferenceCase] =
    [
        expressionCase(1, true, "DECODE(NULL, NULL, 1, 2) = 1"),
        expressionCase(2, true, "IIF(NULL = NULL, 1, 2) = 2"),
        expressionCase(3, true, "IIF(NULL, 'Passed', 'Failed') = 'Failed'"),
        expressionCase(4, false, "DECODE('A ', 'A', ...) misses: trailing blank significant"),
        expressionCase(5, false, "'alpha' || NULL = 'alpha'"),
        expressionCase(6, false, "'alpha' || 2 = 'alpha2'"),
        expressionCase(7, true, "CONCAT(NULL, 'x') = 'x'"),
        expressionCase(8, false, "5 + NULL = NULL"),
        expressionCase(9, false, "8 + 5 - 2 * 8 = -3"),
        expressionCase(10, false, "NULL AND FALSE = FALSE, NULL AND TRUE = NULL"),
        ReferenceCase(number: 11, believed: false, summary: "filter COL > 10 drops a NULL row") {
            try EvalCaseTableTests().case11()
        },
        expressionCase(12, false, "IS_SPACES('') = 0, ('   ') = 1, (NULL) = NULL"),
        expressionCase(13, false, "IS_NUMBER of padded and '.6804' = 1"),
        expressionCase(14, false, "IS_NUMBER of '', '+123abc', '3.45E-' = 0"),
        expressionCase(15, false, "TO_INTEGER('15.6789') rounds to 16"),
        expressionCase(16, false, "TO_INTEGER('-15.6789', TRUE/FALSE) = -15 / -16"),
        expressionCase(17, false, "TO_INTEGER('    123.87', TRUE) = 123"),
        expressionCase(18, false, "TO_INTEGER('A12.3Grove') = 0"),
        expressionCase(19, false, "TO_INTEGER('5,000,000,000') is a row error"),
        expressionCase(20, false, "TO_DECIMAL('711A1') = 711, ('A12.3Grove') = 0"),
        expressionCase(21, false, "TO_DECIMAL('15.6789', 3) = 15.679"),
        ReferenceCase(number: 22, believed: false, summary: "'18e-3' to decimal / double / integer = 18 / 0.018 / 18") {
            try EvalCaseTableTests().case22()
        },
        ReferenceCase(number: 23, believed: false, summary: "'123abc' to an integer port = 123") {
            try EvalCaseTableTests().case23()
        },
        expressionCase(24, false, "MOD(25, 0) is a row error"),
        expressionCase(25, false, "MOD(25, NULL) = NULL"),
        expressionCase(26, false, "ADD_TO_DATE 01/31/1998 + 1 month = 02/28/1998"),
        expressionCase(27, false, "ADD_TO_DATE 01/29/2000 + 1 month = 02/29/2000"),
        ReferenceCase(number: 28, believed: false, summary: "DATE_DIFF in months is fractional across a leap February")
        {
            try EvalCaseTableTests().case28()
        },
        expressionCase(29, false, "TO_CHAR(12/31/1999, 'J') = '2451544'"),
        expressionCase(30, false, "TO_CHAR(..., 'SSSSS') = '03723'"),
        expressionCase(31, false, "TO_DATE('2020120', 'YYYYMMDD') is a row error"),
        expressionCase(32, false, "TO_DATE('2451544', 'J') = 12/31/1999 00:00:00"),
        expressionCase(33, false, "INSTR('Alfred Pope', 'Alfred Smith') = 0"),
        expressionCase(34, false, "INSTR('abcabc', 'b', 0) = 2"),
        expressionCase(35, true, "SUBSTR('abcdef', 0, 2) = 'ab'"),
        expressionCase(36, true, "SUBSTR('abcdef', -3) = 'def', SUBSTR(.., 2, 0) = ''"),
        expressionCase(37, true, "LENGTH('') = 0, ISNULL('') = FALSE"),
    ] + ReferenceOperatorCases.cases

@Suite("Reference cases: all 53 of powercenter-cases.md")
struct ReferenceCaseTableTests {
    @Test("every case is listed once, numbered 1–53")
    func complete() {
        #expect(referenceCases.map(\.number) == Array(1...53))
    }

    @Test("reference case", arguments: referenceCases)
    func run(_ c: ReferenceCase) throws {
        try c.check()
    }
}
