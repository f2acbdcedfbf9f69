import IR
import Testing

/// Every token kind of the transformation language, with ranges in Unicode scalars.
@Suite("Expression lexer")
struct ExpressionLexerTests {
    /// `kind text start..end` for each token, the final end token included.
    static func lex(_ text: String) -> [String] {
        ExpressionLexer.tokens(in: text).map { token in
            let kind: String
            switch token.kind {
            case .number: kind = "num"
            case .string(let value): kind = "str(\(value))"
            case .identifier: kind = "id"
            case .keyword(let word): kind = "kw(\(word))"
            case .parameter: kind = "param"
            case .taskVariable(let task, let attribute): kind = "task(\(task),\(attribute))"
            case .external(let external, let name): kind = "ext(\(external.rawValue),\(name))"
            case .symbol: kind = "sym"
            case .unterminatedString(let value): kind = "unterminated(\(value))"
            case .malformedNumber: kind = "malformed"
            case .incompleteParameter: kind = "incomplete"
            case .unknownExternal(let external): kind = "unknown-ext(\(external))"
            case .unknownCharacter: kind = "unknown"
            case .end: kind = "end"
            }
            return "\(kind) \(token.text) \(token.range.start)..\(token.range.end)"
        }
    }

    @Test("names, numbers and operators carry scalar ranges")
    func basicRanges() {
        #expect(Self.lex("a + 10") == ["id a 0..1", "sym + 2..3", "num 10 4..6", "end  6..6"])
    }

    @Test("keywords in any letter case, but not as part of a longer name")
    func keywords() {
        #expect(
            Self.lex("and Or NOT true False null NULL_FLAG ANDROID").map { $0.components(separatedBy: " ")[0] } == [
                "kw(AND)", "kw(OR)", "kw(NOT)", "kw(TRUE)", "kw(FALSE)", "kw(NULL)", "id", "id", "end",
            ])
    }

    @Test("comments run to the end of the line; CR LF, LF and CR are all line breaks")
    func commentsAndLineBreaks() {
        #expect(
            Self.lex("a -- one\r\n+ b // two\rc\n- d") == [
                "id a 0..1", "sym + 10..11", "id b 12..13", "id c 21..22", "sym - 23..24", "id d 25..26", "end  26..26",
            ])
        #expect(Self.lex("-- only a comment") == ["end  0..0"])
    }

    @Test("strings: single quotes, doubled quotes, line breaks inside")
    func strings() {
        #expect(Self.lex("'O''Brien'") == ["str(O'Brien) 'O''Brien' 0..10", "end  10..10"])
        #expect(Self.lex("'' ''''") == ["str() '' 0..2", "str(') '''' 3..7", "end  7..7"])
        #expect(Self.lex("'a\r\nb'") == ["str(a\r\nb) 'a\r\nb' 0..6", "end  6..6"])
        #expect(Self.lex("'-- not a comment'") == ["str(-- not a comment) '-- not a comment' 0..18", "end  18..18"])
        #expect(Self.lex("'abc") == ["unterminated(abc) 'abc 0..4", "end  4..4"])
        #expect(Self.lex("\"abc\"").first == "unknown \" 0..1")
    }

    @Test("numbers: integer, decimal, leading and trailing point, scientific")
    func numbers() {
        #expect(
            Self.lex("10 10.5 .5 1e3 1.5E-3 2e+7 10.") == [
                "num 10 0..2", "num 10.5 3..7", "num .5 8..10", "num 1e3 11..14", "num 1.5E-3 15..21",
                "num 2e+7 22..26", "num 10. 27..30", "end  30..30",
            ])
        #expect(
            Self.lex("12abc 1e+ 1.2.3") == [
                "malformed 12abc 0..5", "malformed 1e+ 6..9", "malformed 1.2.3 10..15", "end  15..15",
            ])
    }

    @Test("identifiers may hold digits, '_', '$' and '#'")
    func identifiers() {
        #expect(
            Self.lex("in_COL_1 PORT$1 A#B _x élan") == [
                "id in_COL_1 0..8", "id PORT$1 9..15", "id A#B 16..19", "id _x 20..22", "id élan 23..27", "end  27..27",
            ])
    }

    @Test("parameters of every shape and task variables")
    func parameters() {
        #expect(
            Self.lex("$$LOAD_DATE $DBConnection_SRC $PMRootDir $$$SessStartTime mplt_A.$$P1 $s_m_load.Status") == [
                "param $$LOAD_DATE 0..11", "param $DBConnection_SRC 12..29", "param $PMRootDir 30..40",
                "param $$$SessStartTime 41..57", "param mplt_A.$$P1 58..69",
                "task(s_m_load,Status) $s_m_load.Status 70..86",
                "end  86..86",
            ])
        #expect(Self.lex("$$ $") == ["incomplete $$ 0..2", "incomplete $ 3..4", "end  4..4"])
        #expect(Self.lex("$$X.Status") == ["param $$X 0..3", "unknown . 3..4", "id Status 4..10", "end  10..10"])
    }

    @Test("external call heads in any letter case; unknown kinds are flagged")
    func externals() {
        #expect(
            Self.lex(":LKP.lkp_x(:sp.PROC :UDF.f :mcr.M :TD.T :") == [
                "ext(LKP,lkp_x) :LKP.lkp_x 0..10", "sym ( 10..11", "ext(SP,PROC) :sp.PROC 11..19",
                "ext(UDF,f) :UDF.f 20..26",
                "ext(MCR,M) :mcr.M 27..33", "unknown-ext(TD) :TD.T 34..39", "unknown : 40..41", "end  41..41",
            ])
    }

    @Test("every operator and punctuation symbol, longest match first")
    func symbols() {
        let text = "+ - * / % || < <= > >= = <> != ^= ( ) ,"
        let symbols = ExpressionLexer.tokens(in: text).dropLast().map(\.text)
        #expect(symbols == text.split(separator: " ").map(String.init))
        #expect(ExpressionLexer.tokens(in: "a<=b").map(\.text) == ["a", "<=", "b", ""])
        #expect(
            Self.lex("| ! ^ @ ;").map { $0.components(separatedBy: " ")[0] } == [
                "unknown", "unknown", "unknown", "unknown", "unknown", "end",
            ])
    }

    @Test("any two ASCII characters after a symbol character: the longest symbol they start with, else unknown")
    func symbolPairs() {
        // The language's symbols (reference §3.1), two-character ones first.
        let symbols = ["||", "<=", ">=", "<>", "!=", "^=", "+", "-", "*", "/", "%", "<", ">", "=", "(", ")", ","]
        let starts = "|<>!^+-*/%=(),&;?@[]{}~#\"\\`"
        let seconds = starts + "aZ09 _.$:'"
        for first in starts {
            for second in seconds {
                let text = "\(first)\(second)"
                let tokens = ExpressionLexer.tokens(in: text)
                if text == "--" || text == "//" {
                    #expect(tokens.map(\.kind) == [.end], "\(text) is a comment")
                    continue
                }
                let symbol = symbols.first { text.hasPrefix($0) }
                #expect(tokens.first?.text == symbol ?? String(first), "first token of \(text)")
                #expect(tokens.first?.kind == symbol.map { .symbol($0) } ?? .unknownCharacter, "kind of \(text)")
            }
        }
    }

    @Test("a keyword spelled with a letter outside ASCII is read as Swift upper-cases it")
    func nonASCIIKeywordSpelling() {
        // U+017F (long s) upper-cases to S; U+0131 (dotless i) to I, which no keyword holds.
        #expect(Self.lex("fal\u{17F}e").first == "kw(FALSE) fal\u{17F}e 0..5")
        #expect(Self.lex("n\u{131}t").first == "id n\u{131}t 0..3")
    }

    @Test("a name may hold any non-blank character outside ASCII: a byte order mark read as Latin-1, or U+FEFF")
    func nonASCIINames() {
        #expect(
            Self.lex("CustomerId = \u{EF}\u{BB}\u{BF}CustomerId") == [
                "id CustomerId 0..10", "sym = 11..12", "id \u{EF}\u{BB}\u{BF}CustomerId 13..26", "end  26..26",
            ])
        #expect(Self.lex("\u{FEFF}ID + 1") == ["id \u{FEFF}ID 0..3", "sym + 4..5", "num 1 6..7", "end  7..7"])
        // A blank outside ASCII still separates names.
        #expect(Self.lex("A\u{A0}B") == ["id A 0..1", "id B 2..3", "end  3..3"])
    }

    @Test("offsets count Unicode scalars, not characters or UTF-8 bytes")
    func scalarOffsets() {
        // "e\u{301}" is one character but two scalars; the emoji is one scalar of four UTF-8 bytes.
        #expect(
            Self.lex("'e\u{301}' || '😀' || x") == [
                "str(e\u{301}) 'e\u{301}' 0..4", "sym || 5..7", "str(😀) '😀' 8..11", "sym || 12..14", "id x 15..16",
                "end  16..16",
            ])
    }
}
