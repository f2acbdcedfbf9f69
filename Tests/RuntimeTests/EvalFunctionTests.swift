import IR
import Testing

@testable import Runtime

/// Per-function checks with NULL, '', blanks and boundaries; expected values worked out by hand
/// from reference §3.4.
@Suite("Eval: functions")
struct EvalFunctionTests {
    let e = EvalHarness.expect

    @Test("the harness can fail")
    func harnessDiscriminates() {
        #expect(!EvalHarness.matches(.success(.string("a")), .text("b")))
        #expect(!EvalHarness.matches(.success(.integer(1)), .null))
        #expect(!EvalHarness.matches(.failure(RowError(code: "RT0001", message: "")), .rowError("RT0002")))
    }

    @Test("operators: NULL, overflow, division, modulus, comparison")
    func operators() {
        e("NULL || NULL", .null, [], [], false, #_sourceLocation)
        e("5 / 2", .number(2.5), [], [], false, #_sourceLocation)
        e("5 / 0", .rowError("RT0001"), [], [], false, #_sourceLocation)
        e("-7 % 3", .value(.integer(-1)), [], [], false, #_sourceLocation)
        e("7.5 % 2", .number(1.5), [], [], false, #_sourceLocation)
        e("9223372036854775807 + 1", .rowError("RT0003"), [], [], false, #_sourceLocation)
        e("'A ' = 'A'", .number(0), [], [], false, #_sourceLocation)
        e("'a' < 'B'", .number(0), [], [], false, #_sourceLocation)
        e("'10' > 9", .number(1), [], [], false, #_sourceLocation)
        e("NULL OR TRUE", .number(1), [], [], false, #_sourceLocation)
        e("NULL OR FALSE", .null, [], [], false, #_sourceLocation)
        e("NOT NULL", .null, [], [], false, #_sourceLocation)
        e("NOT 5", .number(0), [], [], false, #_sourceLocation)
        e("1.5 || 'x'", .text("1.5x"), [], [], false, #_sourceLocation)
        e("0.1 + 0.2", .number(0.3), [], [], true, #_sourceLocation)
    }

    @Test("NULL comparison under TreatNullInComparisonOperatorsAs = High")
    func nullHigh() throws {
        var settings = EvalHarness.settings()
        settings.nullComparison = .high
        #expect(try Comparison.apply(.greater, .null, .integer(5), settings) == .integer(1))
        #expect(try Comparison.apply(.equal, .null, .null, settings) == .integer(1))
        settings.nullComparison = .null
        #expect(try Comparison.apply(.greater, .null, .integer(5), settings) == .null)
    }

    @Test("character functions")
    func character() {
        let cases: [(String, EvalExpectation)] = [
            ("ASCII('A')", .number(65)), ("ASCII('')", .null), ("CHR(65)", .text("A")),
            ("INITCAP('hello wORLD-x1y')", .text("Hello World-X1y")), ("LENGTH('ab  ')", .number(4)),
            ("LENGTH(NULL)", .null), ("LOWER('AbC')", .text("abc")), ("UPPER(NULL)", .null),
            ("LPAD('ab', 5, 'xy')", .text("xyxab")), ("LPAD('abcdef', 3)", .text("abc")),
            ("RPAD('ab', 4)", .text("ab  ")),
            ("LPAD('ab', -1)", .null), ("LTRIM('  a ')", .text("a ")), ("RTRIM('xaxx', 'x')", .text("xa")),
            ("LTRIM('\tb')", .text("\tb")), ("RTRIM('   ')", .text("")), ("REVERSE('abc')", .text("cba")),
            ("SUBSTR('abcdef', 3)", .text("cdef")), ("SUBSTR('abcdef', 7)", .text("")),
            ("SUBSTR('abcdef', -10, 2)", .text("")), ("SUBSTR('abcdef', 2, 2.6)", .text("bcd")),
            ("SUBSTR(NULL, 1)", .null), ("SUBSTR(12345, 2, 2)", .text("23")),
            ("INSTR('abcabc', 'b', -1)", .number(5)), ("INSTR('abcabc', 'b', 1, 2)", .number(5)),
            ("INSTR('abcabc', 'b', -1, 2)", .number(2)), ("INSTR('aaa', 'aa', 1, 2)", .number(2)),
            ("INSTR('abc', '')", .number(0)), ("INSTR(NULL, 'a')", .null),
            ("REPLACECHR(0, 'abcABC', 'ab', 'x')", .text("xxcxxC")),
            ("REPLACECHR(1, 'abcABC', 'ab', NULL)", .text("cABC")),
            ("REPLACECHR(1, 'abc', NULL, 'x')", .text("abc")), ("REPLACECHR(1, NULL, 'a', 'x')", .null),
            ("REPLACESTR(1, 'abcd', 'ab', 'abc', 'X')", .text("Xcd")),
            ("REPLACESTR(1, 'aaa', 'a', 'aa')", .text("aaaaaa")),
            ("REPLACESTR(0, 'ABab', 'ab', '')", .text("")), ("REPLACESTR(1, 'ab', NULL, 'b', 'x')", .text("ax")),
            ("CONCAT(NULL, NULL)", .null), ("CONCAT('a', 1)", .text("a1")),
        ]
        for (text, expected) in cases { e(text, expected, [], [], false, #_sourceLocation) }
    }

    @Test("regular expressions and phonetic codes")
    func patterns() {
        let cases: [(String, EvalExpectation)] = [
            ("REG_MATCH('abc123', '[a-z]+[0-9]+')", .number(1)), ("REG_MATCH('abc123x', '[a-z]+[0-9]+')", .number(0)),
            ("REG_MATCH('ab', 'a|ab')", .number(1)), ("REG_MATCH(NULL, 'a')", .null),
            ("REG_EXTRACT('john.smith@x.com', '([a-z]+)\\.([a-z]+)', 2)", .text("smith")),
            ("REG_EXTRACT('abc', '(x)')", .null), ("REG_EXTRACT('abc', 'b', 0)", .text("b")),
            ("REG_REPLACE('a1b22', '[0-9]+', '#')", .text("a#b#")),
            ("REG_REPLACE('a1b22', '[0-9]', '#', 2)", .text("a#b#2")),
            ("REG_REPLACE('ab', '(a)(b)', '\\2\\1')", .text("ba")),
        ]
        for (text, expected) in cases { e(text, expected, [], [], false, #_sourceLocation) }
        let (bad, diagnostics) = EvalHarness.compile("REG_MATCH('a', '(')")
        #expect(bad == nil && diagnostics.contains { $0.code == EvaluationDiagnostics.invalidPattern.code })
    }

    @Test("conversion functions")
    func conversion() {
        let cases: [(String, EvalExpectation)] = [
            ("TO_INTEGER('-15.23')", .value(.integer(-15))), ("TO_INTEGER(2.5)", .value(.integer(3))),
            ("TO_INTEGER(-2.5)", .value(.integer(-3))), ("TO_INTEGER(NULL)", .null),
            ("TO_INTEGER('2147483648')", .rowError("RT0004")),
            ("TO_BIGINT('2147483648')", .value(.integer(2_147_483_648))),
            ("TO_INTEGER('18e-3')", .value(.integer(18))), ("TO_FLOAT('18e-3')", .number(0.018)),
            ("TO_FLOAT('abc')", .number(0)), ("TO_DECIMAL('  -1.5x')", .number(-1.5)), ("TO_DECIMAL(NULL)", .null),
            ("TO_CHAR(12)", .text("12")), ("TO_CHAR(1.50)", .text("1.5")), ("TO_CHAR(NULL)", .null),
        ]
        for (text, expected) in cases { e(text, expected, [], [], false, #_sourceLocation) }
        e("TO_DECIMAL(15.6789, 3)", .number(15.678), [], [], true, #_sourceLocation)
    }

    @Test("numeric and scientific functions")
    func numeric() {
        let cases: [(String, EvalExpectation)] = [
            ("ABS(-3)", .value(.integer(3))), ("ABS(NULL)", .null), ("CEIL(1.2)", .number(2)),
            ("FLOOR(-1.2)", .number(-2)),
            ("ROUND(2.5)", .number(3)), ("ROUND(-2.5)", .number(-3)), ("ROUND(1234.567, -2)", .number(1200)),
            ("ROUND(1.2345, 2)", .number(1.23)), ("TRUNC(-1.99)", .number(-1)),
            ("TRUNC(1234, -2)", .value(.integer(1200))),
            ("SIGN(-0.5)", .value(.integer(-1))), ("SQRT(-1)", .rowError("RT0007")), ("LN(0)", .rowError("RT0007")),
            ("LOG(10, 1000)", .number(3)), ("POWER(2, 10)", .number(1024)), ("EXP(0)", .number(1)),
            ("MOD(-7, 3)", .value(.integer(-1))), ("MOD(NULL, 0)", .null), ("COS(0)", .number(1)),
        ]
        for (text, expected) in cases { e(text, expected, [], [], false, #_sourceLocation) }
        e("CEIL(1.2)", .value(.decimal(2)), [], [], true, #_sourceLocation)
    }

    @Test("special functions")
    func special() {
        let cases: [(String, EvalExpectation)] = [
            ("IIF(FALSE, 5)", .value(.integer(0))), ("IIF(FALSE, 'x')", .text("")), ("IIF(TRUE, 1, 1/0)", .number(1)),
            ("DECODE(2, 1, 'one', 2, 'two')", .text("two")),
            ("DECODE(3, 1, 'one', 2, 'two')", .null), ("DECODE(3, 1, 'one', 'other')", .text("other")),
            ("CHOOSE(2, 'a', 'b', 'c')", .text("b")), ("CHOOSE(4, 'a', 'b')", .null),
            ("IN('b', 'a', 'b')", .number(1)), ("IN('B', 'a', 'b')", .number(0)), ("IN(NULL, 'a')", .null),
            ("INDEXOF('c', 'a', 'b', 'c')", .number(3)), ("INDEXOF('z', 'a')", .number(0)),
            ("GREATEST(3, 9, 4)", .number(9)), ("LEAST('b', 'a')", .text("a")), ("GREATEST(1, NULL)", .null),
            ("ERROR('boom')", .rowError("RT0005")), ("ABORT('stop')", .rowError("RT0006")),
            ("ISNULL(NULL)", .number(1)), ("IS_NUMBER('-3.45e+3')", .number(1)), ("IS_NUMBER('ABC')", .number(0)),
            ("IS_NUMBER('   ')", .number(0)), ("IS_NUMBER(NULL)", .null), ("IS_SPACES(' \t\n')", .number(1)),
            ("IS_SPACES(' a')", .number(0)),
        ]
        for (text, expected) in cases { e(text, expected, [], [], false, #_sourceLocation) }
    }

    @Test("encoding functions")
    func encoding() {
        e("MD5('')", .text("d41d8cd98f00b204e9800998ecf8427e"), [], [], false, #_sourceLocation)
        e("MD5('abc')", .text("900150983cd24fb0d6963f7d28e17f72"), [], [], false, #_sourceLocation)
        e("CRC32('123456789')", .value(.integer(0xCBF4_3926)), [], [], false, #_sourceLocation)
        e("ENCODE_BASE64('Man')", .text("TWFu"), [], [], false, #_sourceLocation)
        e("DECODE_BASE64('TWFu')", .value(.binary([77, 97, 110])), [], [], false, #_sourceLocation)
        e("MD5(NULL)", .null, [], [], false, #_sourceLocation)
    }

    @Test("unsupported and unknown functions are diagnostics")
    func unsupported() {
        for (text, code) in [
            ("COMPRESS('x')", EvaluationDiagnostics.unsupportedFunction.code),
            ("SUM(1)", EvaluationDiagnostics.aggregateOutsideAggregator.code),
        ] {
            let (compiled, diagnostics) = EvalHarness.compile(text)
            #expect(compiled == nil)
            #expect(diagnostics.contains { $0.code == code }, "\(text): \(diagnostics.map(\.description))")
        }
    }

    @Test("catalogs are sorted and unique")
    func catalogs() {
        let codes = EvaluationErrors.all.map(\.code)
        #expect(codes == codes.sorted() && Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0 >= "RT0001" && $0 <= "RT0099" })
        let diagnostics = EvaluationDiagnostics.all.map(\.code.rawValue)
        #expect(diagnostics == diagnostics.sorted() && Set(diagnostics).count == diagnostics.count)
        #expect(diagnostics.allSatisfy { $0 >= "RT0150" && $0 <= "RT0199" })
    }
}
