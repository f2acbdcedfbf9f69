import Foundation

/// High-precision division of two integers without Foundation's `Decimal` division (about 6 µs a
/// call, the largest cost of the telecom benchmark's `CEIL(DURATION_SEC / 60)`).
///
/// The quotient is computed exactly with 128-bit integer long division and rounded to 28
/// significant digits, half away from zero, which is what ``Arithmetic`` produces from
/// Foundation's quotient: Foundation truncates its quotient after 38 significant digits, and
/// plain rounding to 28 digits looks only at the 29th. That holds whenever Foundation computes at
/// least 29 significant digits: when the quotient is at least 1, or the divisor has at most 9
/// digits; outside that domain this returns nil and the caller divides with Foundation.
/// `DecimalDivisionTests` compares the two, byte for byte, on millions of seeded pairs.
enum DecimalDivision {
    /// 10^14, to build a 28-digit significand from two halves.
    private static let halfScale = Decimal(100_000_000_000_000 as UInt64)

    /// `i / j` as the high-precision decimal, or nil outside the domain (or for `j == 0`).
    static func quotient(_ i: Int64, _ j: Int64) -> Decimal? {
        guard j != 0, i == 0 || i.magnitude >= j.magnitude || j.magnitude < 1_000_000_000 else { return nil }
        guard #available(macOS 15.0, *) else { return nil }
        return exactQuotient(i, j)
    }

    @available(macOS 15.0, *)
    private static func exactQuotient(_ i: Int64, _ j: Int64) -> Decimal {
        let negative = (i < 0) != (j < 0) && i != 0
        let (whole, remainder) = i.magnitude.quotientAndRemainder(dividingBy: j.magnitude)
        var quotient = Quotient(whole: UInt128(whole))
        // The fraction's long division in 64 bits while ten times the remainder fits.
        if j.magnitude < 1 << 59 {
            quotient.appendFraction(remainder: remainder, divisor: j.magnitude)
        } else {
            quotient.appendFraction(remainder: UInt128(remainder), divisor: UInt128(j.magnitude))
        }
        var significand = quotient.significand
        var exponent = quotient.exponent
        if quotient.roundUp {
            significand += 1
            if significand == 10_000_000_000_000_000_000_000_000_000 {
                significand /= 10
                exponent += 1
            }
        }
        let parts = CompactDecimal(significand: significand, exponent: exponent, isNegative: negative)
        if significand != 0, let fast = parts.compacted()?.decimal(compact: true) { return fast }
        while significand != 0 && significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
        let high = UInt64(significand / 100_000_000_000_000)
        let low = UInt64(significand % 100_000_000_000_000)
        let value = high == 0 ? Decimal(low) : Decimal(high) * halfScale + Decimal(low)
        return Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: value)
    }

    /// A quotient's digits: the whole part, then fraction digits until 28 significant ones; the
    /// 29th decides the rounding.
    private struct Quotient {
        var significand: UInt128
        var exponent = 0
        var digits: Int
        var roundUp = false

        init(whole: UInt128) {
            significand = whole
            digits = CompactDecimal.digitCount(whole)
        }

        mutating func appendFraction<T: FixedWidthInteger & UnsignedInteger>(remainder: T, divisor: T) {
            var remainder = remainder
            while remainder != 0 {
                let digit: T
                (digit, remainder) = (remainder * 10).quotientAndRemainder(dividingBy: divisor)
                if digits == 28 {
                    roundUp = digit >= 5
                    return
                }
                significand = significand * 10 + UInt128(digit)
                exponent -= 1
                if significand != 0 { digits += 1 }
            }
        }
    }
}
