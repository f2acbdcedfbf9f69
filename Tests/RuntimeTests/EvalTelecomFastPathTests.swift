import Foundation
import IR
import Testing

@testable import Runtime

/// The fast paths added for the telecom benchmark's EXP_PREPARE and EXP_CHARGE against the general
/// code: CEIL/FLOOR of an integer quotient, the fused IIF(IS_DATE, TO_DATE), `=` against a constant
/// string, IN as a condition, ASCII UPPER/LOWER, byte order of strings and decimal port coercions.
@Suite struct EvalTelecomFastPathTests {
    static let ports: [(String, DataType)] = [
        ("D", .integer), ("N", .integer), ("S", .string(precision: 30)), ("R", .decimal(precision: 8, scale: 4)),
    ]

    /// Seeded rows: integers of every size and sign (and of another kind), date texts that parse,
    /// do not parse or only parse with the general parser, flags and MSISDNs.
    static func rows(_ count: Int, seed: UInt64) -> [[Value]] {
        var random = FastPathRandom(seed: seed)
        let texts: [Value] = [
            .string("2026-11-30 14:05:09"), .string("2026-02-29 00:00:00"), .string("2024-02-29 23:59:59"),
            .string("2026-1-3 4:5:6"), .string(" 2026-11-30 14:05:09"), .string("2026-11-30T14:05:09"),
            .string("2026-11-30 24:00:00"), .string(""), .string("Y"), .string("y "), .string(" n"), .string("Y "),
            .string("999123"), .string("491700000000"), .string("491709999999 "), .string("Ÿ"), .string("ÿ"), .null,
            .integer(1), .dateTime(DateTimeValue(day: 739_000, nanosecond: 5)), .string(" 42"), .string("12.5"),
            .string("-7 "), .string("1e3"), .string("2147483648"), .string("-2147483648"),
            .string("99999999999999999999"),
            .string("+3"), .string("."), .string("abc"),
        ]
        func integer() -> Value {
            switch random.below(10) {
            case 0: return .null
            case 1: return .string(String(random.below(500)))
            case 2: return .integer(Int64(bitPattern: random.next()))
            case 3: return .integer(Int64(bitPattern: random.next()) >> random.below(64))
            case 4: return .integer(0)
            case 5: return .integer([Int64.min, .max, -60, 60, 1, -1, 1_000_000_000, 999_999_999][random.below(8)])
            default: return .integer(Int64(random.below(100_000)) - 20_000)
            }
        }
        let rates: [Value] = [
            .null, .decimal(Decimal(string: "0.1234")!), .decimal(Decimal(string: "-2.5")!), .integer(3),
        ]
        return (0..<count).map { _ in
            [integer(), integer(), texts[random.below(texts.count)], rates[random.below(rates.count)]]
        }
    }

    static let expressions = [
        "CEIL(D / 60)", "FLOOR(D / 60)", "CEIL(D / N)", "FLOOR(D / N)", "CEIL(-D / 7)", "CEIL((D + N) / 3)",
        "TRUNC(IIF(IS_DATE(S, 'YYYY-MM-DD HH24:MI:SS'), TO_DATE(S, 'YYYY-MM-DD HH24:MI:SS'), ERROR('bad')), 'DD')",
        "IIF(IS_DATE(S, 'YYYY-MM-DD HH24:MI:SS'), TO_DATE(S, 'YYYY-MM-DD HH24:MI:SS'))",
        "IIF(IS_DATE(S), TO_DATE(S), NULL)", "IIF(IS_DATE(S, 'YYYY-MM-DD'), TO_DATE(S, 'YYYY-MM-DD HH24:MI:SS'))",
        "UPPER(LTRIM(RTRIM(S))) = 'Y'", "IIF(UPPER(LTRIM(RTRIM(S))) = 'Y', 'Y', 'N')", "'Y' <> S", "S = D",
        "IIF(SUBSTR(S, 1, 3) = '999' OR IN(S, '491700000000', '491709999999'), 1, 0)", "IN(S, 'Y', NULL, 'y ')",
        "NOT IN(D, 1, 60)", "IIF(IS_NUMBER(S), TO_INTEGER(S), ERROR('non-numeric'))", "IIF(IS_NUMBER(S), TO_BIGINT(S))",
        "IIF(IS_NUMBER(S), TO_INTEGER(S), -1) + 1", "IIF(IS_NUMBER(D), TO_INTEGER(D), 0)", "LOWER(S)",
        "IIF(ISNULL(R), 0.5, R) * CEIL(D / 60)",
    ]

    static func compile(_ text: String, specialised: Bool, settings: EvaluationSettings) throws -> CompiledExpression {
        let source = ExpressionSource(text)
        let (parsed, _) = ExpressionParser.parse(source)
        let types = Dictionary(ports.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        let (typed, _) = ExpressionTypeChecker.check(
            parsed, in: TypeEnvironment(ports: types, highPrecision: settings.highPrecision), source: source)
        let slots = Dictionary(ports.enumerated().map { ($1.0, $0) }, uniquingKeysWith: { a, _ in a })
        let environment = CompileEnvironment(slots: slots, settings: settings, source: source)
        return try #require(ExpressionCompiler.compile(typed, in: environment, specialised: specialised).compiled)
    }

    /// The value (decimals with their 20 bytes, which `description` does not show) or the error.
    static func outcome(_ expression: CompiledExpression, _ row: [Value]) -> String {
        var values = row
        var state = EvaluationState()
        do throws(RowError) {
            let value = try expression.evaluate(&values, state: &state)
            if case .decimal(let d) = value { return "decimal \(withUnsafeBytes(of: d) { Array($0) })" }
            return "\(value)"
        } catch {
            return "error \(error.code): \(error.message)"
        }
    }

    static func settingsVariants() -> [EvaluationSettings] {
        var variants: [EvaluationSettings] = []
        for highPrecision in [true, false] {
            for blanks in [true, false] {
                for nulls: EvaluationSettings.NullComparison in [.null, .high] {
                    var settings = EvalHarness.settings(highPrecision: highPrecision)
                    settings.trailingBlanksSignificant = blanks
                    settings.nullComparison = nulls
                    variants.append(settings)
                }
            }
        }
        return variants
    }

    @Test(arguments: expressions)
    func fastAndGeneralPathsAgree(_ text: String) throws {
        for (index, settings) in Self.settingsVariants().enumerated() {
            let fast = try Self.compile(text, specialised: true, settings: settings)
            let general = try Self.compile(text, specialised: false, settings: settings)
            var differences: [String] = []
            for row in Self.rows(3000, seed: UInt64(17 + index)) {
                let a = Self.outcome(fast, row)
                let b = Self.outcome(general, row)
                if a != b { differences.append("\(row): fast \(a), general \(b)") }
            }
            #expect(differences.isEmpty, "\(text) (settings \(index)): \(differences.prefix(3))")
        }
    }

    @Test func quotientRoundingByHand() throws {
        let settings = EvalHarness.settings(highPrecision: true)
        let ceiling = try Self.compile("CEIL(D / 60)", specialised: true, settings: settings)
        let floor = try Self.compile("FLOOR(D / 60)", specialised: true, settings: settings)
        let cases: [(Int64, String, String)] = [
            (61, "2", "1"), (60, "1", "1"), (0, "0", "0"), (1, "1", "0"), (-61, "-1", "-2"), (-60, "-1", "-1"),
            (-1, "0", "-1"), (3599, "60", "59"),
        ]
        for (seconds, up, down) in cases {
            #expect(
                try ceiling.evaluate([.integer(seconds)]) == .decimal(Decimal(string: up)!), "CEIL(\(seconds) / 60)")
            #expect(
                try floor.evaluate([.integer(seconds)]) == .decimal(Decimal(string: down)!), "FLOOR(\(seconds) / 60)")
        }
        #expect(IntegerQuotients.roundedQuotient(0, 60, ceiling: true) == nil)
        #expect(IntegerQuotients.roundedQuotient(1, 1_000_000_000, ceiling: true) == nil)
        #expect(IntegerQuotients.roundedQuotient(1_000_000_000_000_000_000, 7, ceiling: true) == nil)
    }

    @Test func quotientRoundingMatchesTheDecimalPathBitForBit() throws {
        var random = FastPathRandom(seed: 31)
        var differences: [String] = []
        for step in 0..<200_000 {
            let i = Int64(bitPattern: random.next()) >> (4 + random.below(60))
            let j =
                step % 3 == 0
                ? Int64([60, -60, 1, -1, 7, 999_999_999][random.below(6)])
                : Int64(bitPattern: random.next()) >> (34 + random.below(30))
            for ceiling in [true, false] {
                guard let fast = IntegerQuotients.roundedQuotient(i, j, ceiling: ceiling) else { continue }
                guard
                    case .decimal(let q) = try Arithmetic.apply(.divide, .integer(i), .integer(j), highPrecision: true)
                else { continue }
                let general = try #require(ceiling ? CompactDecimal.ceiling(q) : CompactDecimal.floor(q))
                if !CompactDecimal.sameBits(fast, general) { differences.append("\(i) / \(j), ceiling \(ceiling)") }
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5))")
    }

    @Test func checkedDateConversionByHand() throws {
        let text = "IIF(IS_DATE(S, 'YYYY-MM-DD HH24:MI:SS'), TO_DATE(S, 'YYYY-MM-DD HH24:MI:SS'), ERROR('bad'))"
        let compiled = try Self.compile(text, specialised: true, settings: EvalHarness.settings())
        let expected = DateTimeValue(
            day: Int32(CivilCalendar.dayNumber(year: 2026, month: 11, day: 30)), nanosecond: 50_709 * 1_000_000_000)
        #expect(try compiled.evaluate([.null, .null, .string("2026-11-30 14:05:09"), .null]) == .dateTime(expected))
        #expect(Self.outcome(compiled, [.null, .null, .string("2026-02-29 00:00:00"), .null]).hasPrefix("error"))
    }

    @Test func asciiCaseMatchesUnicodeMapping() {
        var random = FastPathRandom(seed: 5)
        for _ in 0..<20_000 {
            let text = String(decoding: (0..<random.below(12)).map { _ in UInt8(random.below(128)) }, as: UTF8.self)
            #expect(TextFastPaths.asciiCase(text, upper: true) == text.uppercased())
            #expect(TextFastPaths.asciiCase(text, upper: false) == text.lowercased())
        }
        #expect(TextFastPaths.asciiCase("ÿ", upper: true) == nil)
        #expect(TextFastPaths.asciiCase("a-Z", upper: true) == "A-Z")
    }

    @Test func binaryOrderMatchesTheByteSequences() {
        let strings = EvalFastPathTests.strings(400, seed: 8) + ["a", "ab", "b", "\u{7F}", "\u{80}", "é", "e\u{301}"]
        for x in strings {
            for y in strings.prefix(60) {
                let reference = x.utf8.elementsEqual(y.utf8) ? 0 : (x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1)
                #expect(Comparison.binaryOrder(x, y) == reference, "'\(x)' vs '\(y)'")
                #expect(Comparison.sameBytes(x, y) == (reference == 0))
            }
        }
        #expect(Comparison.binaryOrder("é", "e\u{301}") != 0)
    }

    @Test func decimalPortCoercionMatchesRoundingAndRangeCheck() throws {
        var random = FastPathRandom(seed: 12)
        let settings = EvalHarness.settings(highPrecision: true)
        let types: [DataType] = [
            .decimal(precision: 8, scale: 4), .decimal(precision: 14, scale: 4), .decimal(precision: 4, scale: 0),
            .decimal(precision: 0, scale: 2), .integer, .smallInteger, .bigInteger,
        ]
        for _ in 0..<20_000 {
            let mantissa = Int64(bitPattern: random.next()) >> random.below(64)
            let d = Decimal(sign: .plus, exponent: random.below(24) - 16, significand: Decimal(mantissa))
            for type in types {
                let fast = Self.coerced(.decimal(d), type, settings)
                #expect(fast == Self.reference(d, type), "\(d) to \(type)")
            }
        }
        #expect(Self.coerced(.decimal(Decimal(string: "2.5")!), .integer, settings) == "integer(3)")
        #expect(Self.coerced(.decimal(Decimal(string: "-2.5")!), .integer, settings) == "integer(-3)")
        #expect(
            Self.coerced(.decimal(Decimal(string: "10000.5")!), .decimal(precision: 8, scale: 4), settings).hasPrefix(
                "error"))
    }

    static func coerced(_ value: Value, _ type: DataType, _ settings: EvaluationSettings) -> String {
        do throws(RowError) {
            let result = try PortCoercion.coerce(value, to: type, settings, port: "P")
            if case .decimal(let d) = result { return "decimal \(withUnsafeBytes(of: d) { Array($0) })" }
            return "\(result)"
        } catch {
            return "error \(error.code)"
        }
    }

    /// The general code: rounded to the scale, then the integer digits checked; whole numbers
    /// rounded half away from zero and checked against the port's range.
    static func reference(_ d: Decimal, _ type: DataType) -> String {
        switch type {
        case .decimal(let precision, let scale):
            let rounded = Rounding.decimal(d, scale: scale)
            if precision > 0, abs(rounded) >= Decimal(sign: .plus, exponent: precision - scale, significand: 1) {
                return "error \(EvaluationErrors.conversionOverflow)"
            }
            return "decimal \(withUnsafeBytes(of: rounded) { Array($0) })"
        default:
            let bits = type == .smallInteger ? 16 : (type == .integer ? 32 : 64)
            do throws(RowError) {
                return "integer(\(try Conversions.whole(.decimal(d), bits: bits, truncate: false, context: "P")))"
            } catch {
                return "error \(error.code)"
            }
        }
    }
}
