import Foundation
import IR
import Testing

@testable import Runtime

/// The evaluator's fast paths for the telecom demo's expressions against the general code they
/// replace (kept here as reference copies where the general code was rewritten), over seeded
/// random strings, numbers and dates.
@Suite struct EvalFastPathTests {
    /// Random text: ASCII and non-ASCII letters, digits, signs, points, exponents, blanks, tabs.
    static func strings(_ count: Int, seed: UInt64) -> [String] {
        let alphabet: [String] = [
            " ", " ", "\t", "\n", "\r", "a", "z", "Y", "y", "n", "0", "1", "5", "9", "9", "+", "-", ".", ",", "e", "E",
            "ß", "é", "Ü", "ﬁ", "İ", "ı", "ǅ", "€", "😀", "e\u{301}",
        ]
        var random = FastPathRandom(seed: seed)
        var result = ["", " ", "  ", "\t", "0", "-1", "+2.5", "1e5", "1e", ".", "-.5", " 12 ", "12,5", "y", "Y"]
        while result.count < count {
            let length = random.below(9)
            result.append((0..<length).map { _ in alphabet[random.below(alphabet.count)] }.joined())
        }
        return result
    }

    @Test func isNumberMatchesTheArrayReading() {
        for text in Self.strings(5000, seed: 1) {
            #expect(NumericText.isNumber(text) == ReferenceCopies.isNumber(text), "IS_NUMBER('\(text)')")
        }
        #expect(NumericText.isNumber(" -12.5e+3\t"))
        #expect(!NumericText.isNumber("1e"))
        #expect(!NumericText.isNumber(""))
    }

    @Test func decimalRoundingMatchesNSDecimalRoundBitForBit() {
        var random = FastPathRandom(seed: 9)
        var samples: [Decimal] = [
            0, 1, -1, Decimal(string: "0.5")!, Decimal(string: "-2.5")!, Decimal(125) / Decimal(60),
        ]
        for _ in 0..<3000 {
            let mantissa = Decimal(Int64(bitPattern: random.next()) >> random.below(63))
            samples.append(mantissa * Decimal(sign: .plus, exponent: random.below(30) - 15, significand: 1))
            samples.append(Decimal(string: String(Int64(bitPattern: random.next()) >> random.below(63)) + "e-3")!)
        }
        for d in samples {
            for scale in [-3, -1, 0, 1, 2, 4, 9, 20] {
                for truncate in [false, true] {
                    let fast = Rounding.decimal(d, scale: scale, truncate: truncate)
                    let reference = ReferenceCopies.rounded(d, scale: scale, truncate: truncate)
                    #expect(
                        ReferenceCopies.bits(fast) == ReferenceCopies.bits(reference),
                        "ROUND(\(d), \(scale), truncate: \(truncate)): \(fast) vs \(reference)")
                }
            }
        }
    }

    @Test func upperAndLowerFunctionsMatchUnicodeMapping() {
        let ports: [(String, DataType)] = [("S", .string(precision: 40))]
        for text in Self.strings(500, seed: 3) {
            EvalHarness.expect("UPPER(S)", .text(text.uppercased()), ports: ports, row: [.string(text)])
            EvalHarness.expect("LOWER(S)", .text(text.lowercased()), ports: ports, row: [.string(text)])
        }
        EvalHarness.expect("UPPER(S)", .null, ports: ports, row: [.null])
        EvalHarness.expect("UPPER(LTRIM(RTRIM(S))) = 'Y'", .value(.integer(1)), ports: ports, row: [.string(" y ")])
    }

    @Test func roundingTo28DigitsMatchesTheDivisionLoop() {
        var random = FastPathRandom(seed: 4)
        var samples: [Decimal] = [
            Decimal(string: "9999999999999999999999999999")!, Decimal(string: "10000000000000000000000000000")!,
            Decimal(string: "0.33333333333333333333333333333333333333")!, Decimal(125) / Decimal(60),
            Decimal(-2) / Decimal(3), Decimal(string: "99999999999999999999999999999999999999")!,
        ]
        for _ in 0..<3000 {
            let a = Decimal(Int64(bitPattern: random.next()) >> random.below(63))
            let b = Decimal(Int64(bitPattern: random.next()) >> random.below(63))
            if !b.isZero { samples.append(a / b) }
            samples.append(a * b)
        }
        for d in samples {
            let fast = Arithmetic.roundedTo28Digits(d)
            let loop = Arithmetic.roundedTo28DigitsByDivision(d)
            #expect(fast == loop && fast.description == loop.description, "\(d): \(fast) vs \(loop)")
        }
    }

    @Test func highPrecisionDecimalArithmeticMatchesFoundation() throws {
        var random = FastPathRandom(seed: 5)
        for _ in 0..<2000 {
            let i = Int64(random.below(100_000)) - 50_000
            let d = Decimal(Int64(random.below(2_000_000)) - 1_000_000) / 10_000
            let product = try Arithmetic.apply(.multiply, .integer(i), .decimal(d), highPrecision: true)
            #expect(product == .decimal(Decimal(i) * d))
            let sum = try Arithmetic.apply(.add, .decimal(d), .integer(i), highPrecision: true)
            #expect(sum == .decimal(d + Decimal(i)))
            let difference = try Arithmetic.apply(.subtract, .decimal(d), .decimal(d), highPrecision: true)
            #expect(difference == .decimal(0))
            if !d.isZero {
                let quotient = try Arithmetic.apply(.divide, .integer(i), .decimal(d), highPrecision: true)
                #expect(quotient == .decimal(Arithmetic.roundedTo28Digits(Decimal(i) / d)))
            }
        }
        #expect(throws: RowError.self) { try Arithmetic.apply(.divide, .integer(1), .decimal(0), highPrecision: true) }
        // High precision off: a decimal meets an integer as a double (the general path).
        #expect(try Arithmetic.apply(.multiply, .integer(3), .decimal(0.5), highPrecision: false) == .double(1.5))
        let ports: [(String, DataType)] = [("M", .integer), ("R", .decimal(precision: 8, scale: 4))]
        EvalHarness.expect(
            "M * R", .value(.decimal(Decimal(string: "0.57")!)), ports: ports,
            row: [.integer(3), .decimal(Decimal(string: "0.19")!)], highPrecision: true)
        EvalHarness.expect(
            "CEIL(M / 60)", .value(.decimal(3)), ports: [("M", .integer)], row: [.integer(125)], highPrecision: true)
    }

    @Test func truncWithConstantFormatMatchesTruncDate() throws {
        var random = FastPathRandom(seed: 6)
        let formats = [
            "DD", "dd", " DD ", "D", "DAY", "MM", "MON", "MONTH", "Y", "YYYY", "HH", "HH24", "MI", "SS",
            "MS", "US", "NS",
        ]
        let ports: [(String, DataType)] = [("T", .dateTime(precision: 29, scale: 9))]
        for format in formats {
            let (compiled, diagnostics) = EvalHarness.compile("TRUNC(T, '\(format)')", ports: ports)
            guard let compiled, !diagnostics.hasErrors else {
                Issue.record("TRUNC(T, '\(format)') did not compile")
                continue
            }
            for _ in 0..<200 {
                let date = DateTimeValue(
                    day: Int32(random.below(Int(CivilCalendar.maxDay) + 1)),
                    nanosecond: Int64(random.next() % UInt64(CivilCalendar.nanosPerDay)))
                let expected = try? DateFunctions.truncDate(.dateTime(date), .string(format))
                #expect(try compiled.evaluate([.dateTime(date)]) == expected, "TRUNC(\(date), '\(format)')")
            }
            #expect(try compiled.evaluate([.null]) == .null)
        }
        let day = DateTimeValue(day: 738_960, nanosecond: 37_807 * 1_000_000_000)
        EvalHarness.expect(
            "TRUNC(T)", .value(.dateTime(DateTimeValue(day: 738_960, nanosecond: 0))), ports: ports,
            row: [.dateTime(day)])
        // A format computed per row keeps the general path, with its row error for a bad unit.
        let withFormat = ports + [("F", DataType.string(precision: 5))]
        EvalHarness.expect(
            "TRUNC(T, F)", .rowError(DateErrors.invalidDateUnit), ports: withFormat,
            row: [.dateTime(day), .string("XX")])
        EvalHarness.expect(
            "TRUNC(T, F)", .value(.dateTime(DateTimeValue(day: 738_960, nanosecond: 36_000 * 1_000_000_000))),
            ports: withFormat, row: [.dateTime(day), .string("hh")])
    }

    @Test func inWithOneOrTwoItemsMatchesTheListSearch() {
        let ports: [(String, DataType)] = [
            ("A", .string(precision: 20)), ("B", .string(precision: 20)), ("C", .string(precision: 20)),
        ]
        let settings = EvalHarness.settings()
        let texts = Self.strings(60, seed: 7)
        var random = FastPathRandom(seed: 8)
        func pick() -> Value {
            let k = random.below(10)
            return k == 0
                ? .null : (k == 1 ? .integer(Int64(random.below(20))) : .string(texts[random.below(texts.count)]))
        }
        for _ in 0..<1500 {
            let row = [pick(), pick(), pick()]
            for (text, items, position) in [
                ("IN(A, B)", [row[1]], false), ("IN(A, B, C)", [row[1], row[2]], false),
                ("INDEXOF(A, B, C)", [row[1], row[2]], true), ("IN(A, B, C, A)", [row[1], row[2], row[0]], false),
            ] {
                let expected = ReferenceCopies.membership(row[0], items, position: position, settings)
                EvalHarness.expect(text, expected.map(EvalExpectation.value) ?? .rowError(""), ports: ports, row: row)
            }
        }
        EvalHarness.expect(
            "IN(A, '491700000000', '491709999999')", .value(.integer(1)), ports: ports,
            row: [.string("491709999999"), .null, .null])
        EvalHarness.expect("IN(A, 'x ', 'y')", .value(.integer(0)), ports: ports, row: [.string("x"), .null, .null])
    }
}

/// The general code the fast paths replaced, as it was.
enum ReferenceCopies {
    /// Rounding.decimal before the no-digit-to-drop shortcut.
    static func rounded(_ d: Decimal, scale: Int, truncate: Bool) -> Decimal {
        var input = d
        var result = Decimal()
        let mode: NSDecimalNumber.RoundingMode = truncate ? (d < 0 ? .up : .down) : .plain
        NSDecimalRound(&result, &input, scale, mode)
        return result
    }

    /// A decimal's stored bytes and text, to compare representations and not only values.
    static func bits(_ d: Decimal) -> String {
        withUnsafeBytes(of: d) { Array($0) }.map(String.init).joined(separator: ".") + " \(d.exponent) \(d.description)"
    }

    /// NumericText.isNumber before the in-place byte reading.
    static func isNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count, NumericText.isBlank(bytes[i]) { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
        var digits = 0
        while i < bytes.count, NumericText.isDigit(bytes[i]) { i += 1; digits += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < bytes.count, NumericText.isDigit(bytes[i]) { i += 1; digits += 1 }
        }
        guard digits > 0 else { return false }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
            var exponentDigits = 0
            while i < bytes.count, NumericText.isDigit(bytes[i]) { i += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return false }
        }
        while i < bytes.count, NumericText.isBlank(bytes[i]) { i += 1 }
        return i == bytes.count
    }

    /// IN / INDEXOF over the argument array; nil for a row error.
    static func membership(_ value: Value, _ items: [Value], position: Bool, _ settings: EvaluationSettings) -> Value? {
        guard !value.isNull else { return .null }
        for (i, item) in items.enumerated() where !item.isNull {
            guard let order = try? Comparison.orderOfNonNull(value, item, settings) else { return nil }
            if order == 0 { return .integer(position ? Int64(i + 1) : 1) }
        }
        return .integer(0)
    }
}

/// Reproducible samples: the runtime's SplitMix64 with a bounded draw.
struct FastPathRandom {
    var generator: SplitMix64
    init(seed: UInt64) { generator = SplitMix64(seed: seed) }
    mutating func next() -> UInt64 { generator.next() }
    mutating func below(_ n: Int) -> Int { generator.index(n) }
}
