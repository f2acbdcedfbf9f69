import Foundation
@_spi(SwiftCorelibsFoundation) import FoundationEssentials
import Testing

@testable import Runtime

/// Operand generation and Foundation-only references for ``CompactDecimalTests``.
extension CompactDecimalTests {
    /// Counts comparisons and keeps the first mismatches.
    struct Tally {
        var compared = 0
        var fast = 0
        var mismatches: [String] = []

        /// Compares a fast result (nil: not taken) with Foundation's, all 20 bytes and the text.
        mutating func check(_ name: String, _ x: Decimal, _ y: Decimal, _ result: Decimal?, _ reference: Decimal) {
            compared += 1
            guard let result else { return }
            fast += 1
            if !CompactDecimalTests.same(result, reference) || result.description != reference.description {
                note(
                    "\(name) \(x) \(y): \(CompactDecimalTests.bytes(result)) vs \(CompactDecimalTests.bytes(reference))"
                )
            }
        }

        /// Compares a fast result (nil: not taken) with a reference value.
        mutating func expectEqual<T: Equatable>(
            _ name: String, _ x: Decimal, _ y: Decimal, _ result: T?, _ reference: T
        ) {
            compared += 1
            guard let result else { return }
            fast += 1
            if result != reference { note("\(name) \(x) \(y): \(result) vs \(reference)") }
        }

        private mutating func note(_ text: String) {
            if mismatches.count < 8 { mismatches.append(text) }
        }
    }

    static func bytes(_ x: Decimal) -> [UInt8] { withUnsafeBytes(of: x) { Array($0) } }

    static func same(_ a: Decimal, _ b: Decimal) -> Bool { bytes(a) == bytes(b) }

    /// A decimal with the given fields, built through Foundation's own initializer.
    static func raw(_ significand: UInt128, exponent: Int, negative: Bool, compact: Bool) -> Decimal {
        let words = (0..<8).map { UInt16(truncatingIfNeeded: significand >> (16 * $0)) }
        let length = (128 - significand.leadingZeroBitCount + 15) / 16
        return Decimal(
            _exponent: Int32(exponent), _length: UInt32(length), _isNegative: negative && length > 0 ? 1 : 0,
            _isCompact: compact ? 1 : 0, _reserved: 0,
            _mantissa: (words[0], words[1], words[2], words[3], words[4], words[5], words[6], words[7]))
    }

    /// A seeded operand: zeros of any exponent, small and 64-bit significands, powers of ten and
    /// their neighbours (near 10^28 and 10^38), full 128-bit ones, rounding ties (…5 followed by
    /// zeros), trailing zeros with and without the compact flag; exponents mostly -20…+10, 1 in 50
    /// from -64…+63.
    static func randomDecimal(_ random: inout SplitMix64) -> Decimal {
        let powers = CompactDecimal.powersOfTen
        let significand: UInt128
        switch random.next() % 20 {
        case 0, 1: significand = 0
        case 2...7: significand = UInt128(random.next() % 100_000)
        case 8...10: significand = UInt128(random.next() >> (random.next() % 64))
        case 11, 12: significand = powers[Int(random.next() % 39)] &- UInt128(random.next() % 3) &+ 1
        case 13: significand = (UInt128(random.next()) << 64 | UInt128(random.next())) >> (random.next() % 64)
        case 14, 15:
            let place = Int(random.next() % 30) + 1
            let head = UInt128(random.next() % 100_000)
            significand = head * powers[place] + 5 * powers[place - 1]
        default: significand = UInt128(random.next() % 1_000) * powers[Int(random.next() % 25)]
        }
        // Extremes stay within -64...63: Foundation's `*` traps when the exponents sum below -128.
        let exponent = random.next() % 50 == 0 ? Int(random.next() % 128) - 64 : Int(random.next() % 31) - 20
        let compact = significand % 10 != 0 || random.next() % 2 == 0
        return raw(
            significand, exponent: exponent, negative: random.next() % 2 == 0, compact: significand != 0 && compact)
    }

    /// `Rounding.decimal` as it was: NSDecimalRound unless no digit lies beyond the scale.
    static func foundationRound(_ x: Decimal, scale: Int, truncate: Bool) -> Decimal {
        if Int(x.exponent) + scale >= 0 { return x }
        var input = x
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, truncate ? (x < 0 ? .up : .down) : .plain)
        return result
    }

    /// `Arithmetic`'s Foundation path after the operation: nil for NaN or 28 integer digits,
    /// else the value cut to 28 significant digits with NSDecimalRound.
    static func cutTo28Digits(_ x: Decimal) -> Decimal? {
        let limit = Decimal(sign: .plus, exponent: 28, significand: 1)
        guard !x.isNaN, abs(x) < limit else { return nil }
        var significand = abs(x.significand)
        guard significand >= limit else { return x }
        var extraDigits = 0
        while significand >= limit {
            significand /= 10
            extraDigits += 1
        }
        return foundationRound(x, scale: -(Int(x.exponent) + extraDigits), truncate: false)
    }
}
