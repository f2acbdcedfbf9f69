import Foundation

/// Foundation's `NSDecimalRound` (`.plain`, and truncation toward zero), CEIL, FLOOR and exact
/// whole numbers on ``CompactDecimal``, bit for bit.
///
/// `NSDecimalRound` returns its input unchanged when no digit lies beyond the scale; otherwise
/// it drops the digits, rounds half away from zero (or not at all when truncating), clears the
/// sign of a zero result, sets the exponent to `-scale` and compacts a non-zero result (a zero
/// result keeps the exponent `-scale` and no compact flag).
extension CompactDecimal {
    /// `d` rounded half away from zero (or truncated toward zero) to `scale` fractional digits
    /// (negative: left of the point), as `Rounding.decimal` computes it with Foundation; nil
    /// when Foundation's result could differ or the layout is unknown.
    static func rounded(_ d: Decimal, scale: Int, truncate: Bool) -> Decimal? {
        guard let parts = CompactDecimal(d) else { return nil }
        if scale >= -parts.exponent { return d }
        return parts.rounded(scale: scale, truncate: truncate).flatMap(encodeRounded)
    }

    /// The parts rounded to `scale` fractional digits (the exponent becomes `-scale`), not
    /// compacted; nil when the exponent would leave Foundation's range.
    func rounded(scale: Int, truncate: Bool) -> CompactDecimal? {
        if scale >= -exponent { return self }
        // The result's exponent, -scale, must fit Foundation's Int8 (and the sum must not overflow).
        guard scale >= -127 else { return nil }
        let dropped = -(exponent + scale)
        var quotient: UInt128 = 0
        // Dropping more than 38 digits leaves 0: the significand (below 2^128 < 5 × 10^38) is
        // less than half of 10^39, so nothing rounds up.
        if dropped <= 38 {
            let divisor = Self.powersOfTen[dropped]
            let remainder: UInt128
            (quotient, remainder) = significand.quotientAndRemainder(dividingBy: divisor)
            if !truncate && remainder >= divisor / 2 { quotient += 1 }
        }
        return CompactDecimal(significand: quotient, exponent: -scale, isNegative: isNegative && quotient != 0)
    }

    /// A rounding result as Foundation encodes it: zero with the exponent and no flags,
    /// anything else compacted.
    static func encodeRounded(_ parts: CompactDecimal) -> Decimal? {
        if parts.isZero { return parts.decimal(compact: false) }
        return parts.compactDecimal()
    }

    /// The values 0 and 1 as Foundation's integer literals make them.
    static let (zero, one): (Decimal, Decimal) = (0, 1)

    /// CEIL of a decimal: `truncated + (d > truncated ? 1 : 0)`, as Foundation computes it (a
    /// zero `truncated` plus the literal 0 is that literal, whatever the exponent of `truncated`).
    static func ceiling(_ d: Decimal) -> Decimal? {
        guard let truncated = rounded(d, scale: 0, truncate: true), let order = order(d, truncated) else { return nil }
        return sum(truncated, order > 0 ? one : zero)
    }

    /// FLOOR of a decimal: `truncated - (d < truncated ? 1 : 0)`, as Foundation computes it.
    static func floor(_ d: Decimal) -> Decimal? {
        guard let truncated = rounded(d, scale: 0, truncate: true), let order = order(d, truncated) else { return nil }
        return difference(truncated, order < 0 ? one : zero)
    }

    /// `d` rounded (or truncated) to a whole number as an Int64, or nil when it is not within
    /// ±2^53 (the callers then ask Foundation: `Int64(exactly: NSDecimalNumber)` goes through a
    /// double and declines 486140597394479000, which no double holds).
    static func wholeNumber(_ d: Decimal, truncate: Bool) -> Int64? {
        guard let parts = CompactDecimal(d), let whole = parts.rounded(scale: 0, truncate: truncate) else {
            return nil
        }
        return whole.int64
    }

    /// The value as an Int64 when it is a whole number within ±2^53, else nil.
    var int64: Int64? {
        if isZero { return 0 }
        guard exponent >= 0, magnitudeIsBelow(powerOfTen: 16) else { return nil }
        let magnitude = Int64(significand) * Int64(Self.powersOfTen[exponent])
        guard magnitude <= 1 << 53 else { return nil }
        return isNegative ? -magnitude : magnitude
    }
}
