import Foundation
import Testing

@testable import Runtime

/// ``DecimalDivision`` gives exactly, byte for byte, the decimal the Foundation path of
/// ``Arithmetic`` gives, inside its domain, and declines outside it.
@Suite("decimal division fast path")
struct DecimalDivisionTests {
    /// The Foundation path: the quotient cut to 28 significant digits.
    /// Foundation's quotient cut to 28 digits by `NSDecimalRound` alone (not through
    /// `Arithmetic`, whose rounding has its own fast path since CompactDecimal).
    static func foundation(_ i: Int64, _ j: Int64) -> Decimal {
        CompactDecimalTests.cutTo28Digits(Decimal(i) / Decimal(j)) ?? .nan
    }

    static func sameBytes(_ a: Decimal, _ b: Decimal) -> Bool {
        var x = a
        var y = b
        return withUnsafeBytes(of: &x) { p in withUnsafeBytes(of: &y) { q in p.elementsEqual(q) } }
    }

    @Test("hand-picked quotients: repeating, exact, rounding up to a new digit, signs, the extremes")
    func handPicked() throws {
        let pairs: [(Int64, Int64)] = [
            (7, 3), (-7, 3), (7, -3), (-7, -3), (1, 3), (2, 3), (0, 5), (0, -5), (10, 4), (1, 8), (5, 2), (-5, 2),
            (999, 60), (61, 60), (59, 60), (1, 7), (22, 7), (Int64.max, 1), (Int64.min, 1), (Int64.min, -7),
            (Int64.max, Int64.max - 1), (Int64.max, 999_999_999), (1, 999_999_999), (123_456_789_012, 11),
            (9_999_999_999_999_999, 3),
        ]
        for (i, j) in pairs {
            let fast = try #require(DecimalDivision.quotient(i, j), "\(i) / \(j) is in the domain")
            let slow = Self.foundation(i, j)
            #expect(Self.sameBytes(fast, slow), "\(i) / \(j): fast \(fast), Foundation \(slow)")
        }
        // 2/3 by hand: 28 sixes, the 29th rounds the last up.
        #expect(DecimalDivision.quotient(2, 3) == Decimal(string: "0.6666666666666666666666666667"))
        // 125/60 = 2.08333...: 27 threes after '2.08', rounded down.
        #expect(DecimalDivision.quotient(125, 60) == Decimal(string: "2.083333333333333333333333333"))
    }

    @Test("outside the domain (a small quotient with a 10-digit divisor) the caller divides with Foundation")
    func declinesOutsideItsDomain() {
        #expect(DecimalDivision.quotient(1, 1_000_000_000) == nil)
        #expect(DecimalDivision.quotient(5, 0) == nil)
        // Arithmetic still gives Foundation's value there.
        let value = try? Arithmetic.apply(.divide, .integer(1), .integer(Int64.max), highPrecision: true)
        #expect(value == .decimal(Self.foundation(1, Int64.max)))
    }

    @Test("300,000 seeded pairs of every magnitude: identical bytes to the Foundation path")
    func seededPairs() {
        var random = SplitMix64(seed: 2026)
        let magnitudes: [Int64] = [10, 1_000, 100_000, 999_999_999, 1 << 40, Int64.max]
        var compared = 0
        var mismatches: [String] = []
        for k in 0..<300_000 {
            let i = Int64(bitPattern: random.next()) % magnitudes[k % 6]
            var j = Int64(bitPattern: random.next()) % magnitudes[(k / 6) % 6]
            if j == 0 { j = 3 }
            guard let fast = DecimalDivision.quotient(i, j) else { continue }
            compared += 1
            let slow = Self.foundation(i, j)
            if !Self.sameBytes(fast, slow) && mismatches.count < 5 { mismatches.append("\(i) / \(j)") }
        }
        #expect(compared > 200_000)
        #expect(mismatches.isEmpty, "\(mismatches)")
    }
}
