import IR
import Testing

/// The parser never fails: it reports each error where it is and recovers.
@Suite("Expression parser recovery")
struct ExpressionRecoveryTests {
    typealias T = ExpressionTestSupport

    @Test("empty text and comment-only text are an empty expression")
    func empty() {
        for text in ["", "  \r\n ", "-- nothing here", "// nor here\n"] {
            let (expression, diagnostics) = T.parse(text)
            #expect(expression.kind == .invalid)
            #expect(diagnostics.map(\.code) == ["IR0100"])
            #expect(diagnostics.first?.message == "empty expression")
            #expect(diagnostics.first?.location == SourceLocation(file: "<expression>", line: 1, column: 1))
        }
    }

    @Test("unclosed call: names the function and the column of its '('")
    func unclosedCall() {
        let (expression, diagnostics) = T.parse("IIF(a, b")
        #expect(diagnostics.map(\.code) == ["IR0103"])
        #expect(T.errors("IIF(a, b") == ["1:9 expected ')' to close the call to 'IIF' opened at column 4"])
        #expect(T.tree(expression) == "IIF[a b]")
        #expect(T.errors("(a + b") == ["1:7 expected ')' to close the parenthesis opened at column 1"])
        #expect(
            T.errors(":LKP.lkp(a, f(b)") == ["1:17 expected ')' to close the call to ':LKP.lkp' opened at column 9"])
    }

    @Test("each kind of bad token has its own message and code")
    func tokenErrors() {
        #expect(T.errors("a = AND b") == ["1:5 unexpected 'AND'"])
        #expect(T.errors("'abc") == ["1:1 unterminated string literal"])
        #expect(T.errors("a + @") == ["1:5 unexpected character '@'"])
        #expect(T.errors("12abc + 1") == ["1:1 malformed number '12abc'"])
        #expect(T.errors("$$ + 1") == ["1:1 incomplete parameter name '$$'"])
        #expect(T.errors(":TD.x(1) + 2") == ["1:1 unknown external call kind ':TD'"])
        #expect(T.errors(":LKP.x + 1") == ["1:8 expected '(' after ':LKP.x'"])
        #expect(T.errors("a +") == ["1:4 unexpected end of expression"])
        #expect(T.errors("a b") == ["1:3 unexpected 'b'"])
        #expect(T.errors(")") == ["1:1 unexpected ')'"])
        #expect(T.errors("(a, b)") == ["1:3 unexpected ','"])
        #expect(T.errors("SUM(*)") == ["1:5 unexpected '*'"])
        #expect(T.parse("SUM(*)").diagnostics.first?.notes.last == "'*' is only allowed as the argument of 'COUNT'")
        #expect(
            Set(T.parse("a = AND b").diagnostics.map(\.code)).isSubset(of: Set(ExpressionDiagnostics.all.map(\.code))))
    }

    @Test("several errors in one expression are all reported, at their columns")
    func severalErrors() {
        let text = "IIF(a = , b +, c)"
        let (expression, diagnostics) = T.parse(text)
        #expect(T.errors(text) == ["1:9 unexpected ','", "1:14 unexpected ','"])
        #expect(diagnostics.allSatisfy { $0.code == "IR0101" && $0.path == ObjectPath().appending("PORT", "p") })
        #expect(T.tree(expression) == "IIF[(= a !) (+ b !) c]")
        #expect(
            T.errors("f(a b, @, 'x)") == [
                "1:5 unexpected 'b'", "1:8 unexpected character '@'", "1:11 unterminated string literal",
                "1:14 expected ')' to close the call to 'F' opened at column 2",
            ])
        #expect(T.tree("DECODE(x, 1 2, 3, , 4)") == "DECODE[x 1 3 ! 4]")
        #expect(T.errors("DECODE(x, 1 2, 3, , 4)") == ["1:13 unexpected '2'", "1:19 unexpected ','"])
    }

    @Test("lines and columns across CR LF, LF and CR; the opening column names its line when different")
    func multiLine() {
        #expect(
            T.errors("IIF(a,\r\n  b c,\n  d") == [
                "2:5 unexpected 'c'", "3:4 expected ')' to close the call to 'IIF' opened at line 1, column 4",
            ])
        #expect(T.errors("a +\r+") == ["2:2 unexpected end of expression"])
    }

    @Test("with an element location: the diagnostic points at the element, notes at the expression")
    func elementLocation() {
        let element = SourceLocation(file: "m.XML", line: 120, column: 7)
        let (_, diagnostics) = T.parse("IIF(x,\n\ta = AND b, 1)", location: element)
        #expect(diagnostics.count == 1)
        let diagnostic = diagnostics[0]
        #expect(diagnostic.location == element)
        #expect(diagnostic.message == "unexpected 'AND'")
        #expect(
            Array(diagnostic.notes.prefix(3)) == [
                "at line 2, column 6 of the expression", "\ta = AND b, 1)", "\t    ^",
            ])
        #expect(diagnostic.fix != nil)
        let (_, plain) = T.parse("a = AND b")
        #expect(plain[0].notes == ["a = AND b", "    ^"])
    }

    @Test("nesting beyond the limit is one diagnostic, never a stack overflow")
    func depthCap() {
        let parens = String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000)
        #expect(T.parse(parens).diagnostics.map(\.code) == ["IR0110"])
        let nots = String(repeating: "NOT ", count: 5_000) + "a"
        #expect(T.parse(nots).diagnostics.map(\.code) == ["IR0110"])
        let calls = String(repeating: "f(", count: 5_000) + "1" + String(repeating: ")", count: 5_000)
        #expect(T.parse(calls).diagnostics.map(\.code) == ["IR0110"])
        let chain = Array(repeating: "a", count: 5_000).joined(separator: " || ")
        #expect(T.parse(chain).diagnostics.map(\.code) == ["IR0110"])
        let limit = ExpressionParser.maximumNesting
        let deepest = String(repeating: "(", count: limit) + "1" + String(repeating: ")", count: limit)
        #expect(T.parse(deepest).diagnostics.isEmpty)
        let longChain = Array(repeating: "a", count: 900).joined(separator: " || ")
        let (tree, problems) = T.parse(longChain)
        #expect(problems.isEmpty)
        #expect(ExpressionPrinter.canonical(tree) == longChain)
    }

    @Test("hostile input never crashes and always yields a diagnostic")
    func hostile() {
        let samples = [
            "(((", ")))", ",,,", "IIF(", "'", "''''", "--", ":", ":LKP.", "$", "$x.", "a..b", "NOT", "- -", "1e",
            "f(,)", "COUNT(*", "\u{0}", "a \u{FEFF} b", "IIF(a,b,c))", "((a)", "a = = b", "|| a",
        ]
        for text in samples {
            let (_, diagnostics) = T.parse(text)
            if text == "''''" { #expect(diagnostics.isEmpty) } else { #expect(!diagnostics.isEmpty, "\(text)") }
        }
    }
}
