import Foundation
@_spi(SwiftCorelibsFoundation) import FoundationEssentials
import Testing

@testable import Runtime

/// ``CompactDecimal`` gives, byte for byte (all 20 bytes, reserved ones included), the decimal
/// Foundation gives, on seeded random operands and on hand-checked examples, and it is taken
/// for typical operands. The references below use Foundation only (never the fast paths).
@Suite("compact decimal fast paths")
struct CompactDecimalTests {
    // MARK: - Hand-checked examples

    static func d(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    /// The exponent, flags byte and significand of a decimal.
    static func fields(_ x: Decimal) -> (Int8, UInt8, UInt128) {
        let parts = CompactDecimal(x)!
        let flags = withUnsafeBytes(of: x) { $0[1] }
        return (Int8(parts.exponent), flags, parts.significand)
    }

    @Test("hand-checked results: text, exponent and compact flag")
    func handChecked() throws {
        #expect(CompactDecimal.layoutHolds)
        let product = try #require(CompactDecimal.product(3, Self.d("0.5000")))
        #expect(CompactDecimal.text(product) == "1.5")
        #expect(Self.fields(product) == (-1, 0x14, 15))
        let two = try #require(CompactDecimal.product(2, Self.d("0.5")))
        #expect(Self.fields(two) == (0, 0x14, 1))
        let sum = try #require(CompactDecimal.sum(Self.d("1.50"), Self.d("2.50")))
        #expect(Self.fields(sum) == (0, 0x14, 4))
        let quotient = try #require(DecimalDivision.quotient(61, 60))
        #expect(CompactDecimal.text(try #require(CompactDecimal.ceiling(quotient))) == "2")
        #expect(CompactDecimal.text(try #require(CompactDecimal.floor(quotient))) == "1")
        #expect(CompactDecimal.text(try #require(CompactDecimal.floor(-quotient))) == "-2")
        #expect(
            CompactDecimal.text(try #require(CompactDecimal.rounded(Self.d("1.23455"), scale: 4, truncate: false)))
                == "1.2346")
        #expect(
            CompactDecimal.text(try #require(CompactDecimal.rounded(Self.d("-1.23455"), scale: 4, truncate: false)))
                == "-1.2346")
        #expect(
            CompactDecimal.text(try #require(CompactDecimal.rounded(Self.d("-1.23455"), scale: 4, truncate: true)))
                == "-1.2345")
        // 12300 × 10^-4 (trailing zeros, not compact) is returned unchanged: no digit beyond 4.
        let trailing = Self.raw(12_300, exponent: -4, negative: false, compact: false)
        #expect(CompactDecimal.text(trailing) == "1.2300")
        #expect(Self.same(try #require(CompactDecimal.rounded(trailing, scale: 4, truncate: false)), trailing))
        // A zero result keeps the exponent -scale, no sign and no flags.
        let zero = try #require(CompactDecimal.rounded(Self.d("-0.00001"), scale: 4, truncate: false))
        #expect(Self.fields(zero) == (-4, 0, 0))
        #expect(CompactDecimal.text(Self.d("-0.018")) == "-0.018")
        #expect(CompactDecimal.text(Self.raw(12, exponent: 3, negative: true, compact: true)) == "-12000")
        #expect(CompactDecimal.double(Self.d("123.456")) == 123.456)
        #expect(CompactDecimal.wholeNumber(Self.d("2.5"), truncate: false) == 3)
        #expect(CompactDecimal.wholeNumber(Self.d("-2.5"), truncate: false) == -3)
        #expect(CompactDecimal.wholeNumber(Self.d("-2.5"), truncate: true) == -2)
    }

    @Test("typical operands take the fast path (it is not silently skipped)")
    func fastPathTaken() throws {
        let rate = Self.d("0.0450")
        #expect(CompactDecimal.product(CompactDecimal.integer(3), rate) != nil)
        #expect(CompactDecimal.sum(Self.d("12.3456"), rate) != nil)
        #expect(CompactDecimal.difference(Self.d("12.3456"), rate) != nil)
        #expect(
            CompactDecimal.rounded(try #require(DecimalDivision.quotient(125, 60)), scale: 4, truncate: false) != nil)
        #expect(CompactDecimal.order(rate, 1) == -1)
        #expect(CompactDecimal.text(rate) == "0.045")
        // Through the evaluator's entry point: 3 × 0.0450 is 0.135, compacted.
        let charge = try Arithmetic.apply(.multiply, .integer(3), .decimal(rate), highPrecision: true)
        guard case .decimal(let value) = charge else { throw Failure("not a decimal: \(charge)") }
        #expect(Self.fields(value) == (-3, 0x14, 135))
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    // MARK: - Differential tests

    @Test("seeded + - * and order: identical bytes and text to Foundation")
    func addSubtractMultiplyOrder() {
        var random = SplitMix64(seed: 20_261_130)
        var tally = Tally()
        for _ in 0..<150_000 {
            let x = Self.randomDecimal(&random)
            let y = Self.randomDecimal(&random)
            tally.check("+", x, y, CompactDecimal.sum(x, y), x + y)
            tally.check("-", x, y, CompactDecimal.difference(x, y), x - y)
            tally.check("*", x, y, CompactDecimal.product(x, y), x * y)
            let order = x < y ? -1 : (x == y ? 0 : 1)
            tally.expectEqual("order", x, y, CompactDecimal.order(x, y), order)
            tally.expectEqual("abs", x, y, CompactDecimal.magnitude(x).map { Self.bytes($0) }, Self.bytes(abs(x)))
        }
        #expect(tally.mismatches.isEmpty, "\(tally.mismatches)")
        #expect(tally.fast > tally.compared * 8 / 10, "fast \(tally.fast) of \(tally.compared)")
    }

    @Test("seeded Arithmetic + - * with the 28-digit cut and overflow: identical to Foundation")
    func arithmeticEntryPoint() {
        var random = SplitMix64(seed: 77)
        var tally = Tally()
        let operations: [(Arithmetic.Operation, (Decimal, Decimal) -> Decimal)] = [
            (.add, { $0 + $1 }), (.subtract, { $0 - $1 }), (.multiply, { $0 * $1 }),
        ]
        for _ in 0..<50_000 {
            let x = Self.randomDecimal(&random)
            let y = Self.randomDecimal(&random)
            for (op, foundation) in operations {
                let reference = Self.cutTo28Digits(foundation(x, y))
                let result = try? Arithmetic.apply(op, .decimal(x), .decimal(y), highPrecision: true)
                guard case .decimal(let value)? = result else {
                    tally.expectEqual("\(op) overflow", x, y, result == nil, reference == nil)
                    continue
                }
                tally.check("\(op)", x, y, value, reference ?? .nan)
            }
        }
        #expect(tally.mismatches.isEmpty, "\(tally.mismatches)")
    }

    @Test("seeded rounding, truncation, CEIL, FLOOR and whole numbers: identical to NSDecimalRound")
    func rounding() {
        var random = SplitMix64(seed: 4_242)
        var tally = Tally()
        for k in 0..<100_000 {
            let x = Self.randomDecimal(&random)
            let scale = k % 50 == 0 ? Int(random.next() % 300) - 150 : Int(random.next() % 40) - 20
            for truncate in [false, true] {
                let reference = Self.foundationRound(x, scale: scale, truncate: truncate)
                tally.check(
                    "round \(scale) \(truncate)", x, 0, CompactDecimal.rounded(x, scale: scale, truncate: truncate),
                    reference)
                let whole = Int64(
                    exactly: NSDecimalNumber(decimal: Self.foundationRound(x, scale: 0, truncate: truncate)))
                if let fast = CompactDecimal.wholeNumber(x, truncate: truncate) {
                    tally.expectEqual("whole \(truncate)", x, 0, fast, whole)
                }
            }
            let truncated = Self.foundationRound(x, scale: 0, truncate: true)
            tally.check("ceil", x, 0, CompactDecimal.ceiling(x), truncated + (x > truncated ? 1 : 0))
            tally.check("floor", x, 0, CompactDecimal.floor(x), truncated - (x < truncated ? 1 : 0))
        }
        #expect(tally.mismatches.isEmpty, "\(tally.mismatches)")
        #expect(tally.fast > tally.compared * 9 / 10, "fast \(tally.fast) of \(tally.compared)")
    }

    @Test("seeded text, double, integer, |d| < 10^k: identical to Foundation")
    func textAndConversions() {
        var random = SplitMix64(seed: 9)
        var tally = Tally()
        for _ in 0..<100_000 {
            let x = Self.randomDecimal(&random)
            tally.expectEqual("text", x, 0, CompactDecimal.text(x), x.description)
            let double = Double(x.description) ?? NSDecimalNumber(decimal: x).doubleValue
            tally.expectEqual("double", x, 0, CompactDecimal.double(x)?.bitPattern, double.bitPattern)
            let power = Int(random.next() % 50) - 20
            let below = abs(x) < Decimal(sign: .plus, exponent: power, significand: 1)
            tally.expectEqual("below 10^\(power)", x, 0, CompactDecimal(x)?.magnitudeIsBelow(powerOfTen: power), below)
            let i = Int64(bitPattern: random.next()) >> (random.next() % 64)
            tally.expectEqual("integer", x, Decimal(i), Self.bytes(CompactDecimal.integer(i)), Self.bytes(Decimal(i)))
        }
        #expect(tally.mismatches.isEmpty, "\(tally.mismatches)")
    }

    @Test("DecimalDivision builds the bytes of Foundation's quotient cut with NSDecimalRound")
    func division() {
        var random = SplitMix64(seed: 5)
        var tally = Tally()
        for k in 0..<20_000 {
            let i = Int64(bitPattern: random.next()) >> (random.next() % 64)
            var j = Int64(bitPattern: random.next()) >> (30 + random.next() % 34)
            if j == 0 { j = 60 }
            if k % 4 == 0 { j = 60 }
            guard let fast = DecimalDivision.quotient(i, j) else { continue }
            tally.check("/", Decimal(i), Decimal(j), fast, Self.cutTo28Digits(Decimal(i) / Decimal(j)) ?? .nan)
        }
        #expect(tally.mismatches.isEmpty, "\(tally.mismatches)")
    }
}
