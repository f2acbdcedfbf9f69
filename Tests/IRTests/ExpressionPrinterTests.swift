import IR
import Testing

/// The canonical printer, and the parse → print → parse round trip.
@Suite("Expression printer")
struct ExpressionPrinterTests {
    typealias T = ExpressionTestSupport

    /// Input → canonical text, written by hand from the printer's rules.
    static let canonicalCases: [(String, String)] = [
        ("iif(a>1,'x',NULL)", "IIF(a > 1, 'x', NULL)"),
        ("a != b", "a <> b"),
        ("a ^= b", "a <> b"),
        ("(a + b) * c", "(a + b) * c"),
        ("a + (b * c)", "a + b * c"),
        ("(a - b) - c", "a - b - c"),
        ("a - (b - c)", "a - (b - c)"),
        ("a / (b * c)", "a / (b * c)"),
        ("a || (1 + 2)", "a || 1 + 2"),
        ("(a || 1) + 2", "(a || 1) + 2"),
        ("(NOT A) = B", "NOT A = B"),
        ("NOT (A = B)", "NOT (A = B)"),
        ("- (-a)", "- -a"),
        ("-(+a)", "- +a"),
        ("-(a + b)", "-(a + b)"),
        ("not(x)", "NOT x"),
        ("'O''Brien'", "'O''Brien'"),
        ("-- c\r\nx  +  1 // d", "x + 1"),
        ("count(*)", "COUNT(*)"),
        (":lkp.Lkp_X(a,b)", ":LKP.Lkp_X(a, b)"),
        ("$s1.Status=succeeded", "$s1.Status = succeeded"),
        ("dd_insert", "DD_INSERT"),
        ("sysdate", "SYSDATE"),
        ("SYSTIMESTAMP()", "SYSTIMESTAMP"),
        ("$$$SESSSTARTTIME", "$$$SessStartTime"),
        ("true and false or null", "TRUE AND FALSE OR NULL"),
        ("1E3 + .5 - 10.", "1E3 + .5 - 10."),
        ("a OR (b OR c)", "a OR (b OR c)"),
        ("(a OR b) OR c", "a OR b OR c"),
        ("a = (b = c)", "a = (b = c)"),
        ("(a < b) = c", "a < b = c"),
        ("a < (b = c)", "a < (b = c)"),
        ("(a AND b) OR (c AND d)", "a AND b OR c AND d"),
        ("a AND (b OR c)", "a AND (b OR c)"),
        ("f( )", "F()"),
        ("mplt.$$Rate*$$Factor", "mplt.$$Rate * $$Factor"),
        ("((((x))))", "x"),
    ]

    @Test("canonical layout", arguments: canonicalCases)
    func canonical(_ input: String, _ expected: String) {
        let (expression, diagnostics) = T.parse(input)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(ExpressionPrinter.canonical(expression) == expected)
    }

    @Test("an invalid node prints as text that cannot parse")
    func invalidNode() {
        let (expression, _) = T.parse("IIF(a = , b)")
        let printed = ExpressionPrinter.canonical(expression)
        #expect(printed == "IIF(a = <invalid>, b)")
        #expect(!T.parse(printed).diagnostics.isEmpty)
        #expect(!T.parse("<invalid>").diagnostics.isEmpty)
    }

    @Test("round trip: parse(print(e)) == e and print is a fixed point", arguments: ExpressionRoundTripSamples.all)
    func roundTrip(_ text: String) {
        let (expression, diagnostics) = T.parse(text)
        #expect(diagnostics.isEmpty, "\(text): \(diagnostics)")
        let printed = ExpressionPrinter.canonical(expression)
        let (reparsed, problems) = T.parse(printed)
        #expect(problems.isEmpty, "\(printed): \(problems)")
        #expect(reparsed.isStructurallyEqual(to: expression), "\(text) → \(printed)")
        #expect(ExpressionPrinter.canonical(reparsed) == printed)
    }

    @Test("structural equality ignores ranges and types but not shape")
    func structuralEquality() {
        let a = T.parse("a + 1").expression
        var b = T.parse("  a  +  1").expression
        b.type = .integer
        #expect(a != b)
        #expect(a.isStructurallyEqual(to: b))
        #expect(!a.isStructurallyEqual(to: T.parse("a + 2").expression))
        #expect(!a.isStructurallyEqual(to: T.parse("A + 1").expression))
    }

    @Test("the diagnostic catalog is sorted, unique and within IR0100–IR0149")
    func catalog() {
        let codes = ExpressionDiagnostics.all.map(\.code.rawValue)
        #expect(codes == codes.sorted())
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0 >= "IR0100" && $0 <= "IR0149" })
        #expect(ExpressionDiagnostics.all.allSatisfy { $0.severity == .error })
        #expect(Set(codes).isDisjoint(with: IRDiagnostics.all.map(\.code.rawValue)))
    }
}
