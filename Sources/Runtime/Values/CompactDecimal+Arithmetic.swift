import Foundation

/// Foundation's decimal `+ - *`, comparison and rounding on ``CompactDecimal``, bit for bit.
///
/// Foundation's rules (swift-foundation's Decimal, checked by `CompactDecimalTests`): a zero
/// operand of `+` or `-` returns the other operand unchanged (not compacted); exponents are
/// aligned by scaling the operand with the larger exponent, exactly while it fits in 128 bits;
/// equal magnitudes of opposite sign give `Decimal.zero`; `*` with a zero operand gives
/// `Decimal.zero`; every other result is compacted. Each function returns nil where Foundation
/// would round inside the operation (a result beyond 128 bits) or overflow.
extension CompactDecimal {
    /// `x + y` as Foundation computes it, or nil.
    static func sum(_ x: Decimal, _ y: Decimal) -> Decimal? {
        guard let a = CompactDecimal(x), let b = CompactDecimal(y) else { return nil }
        if a.isZero { return y }
        if b.isZero { return x }
        return exactSum(a, b).flatMap { $0.isZero ? Decimal.zero : $0.compactDecimal() }
    }

    /// `x - y` as Foundation computes it, or nil.
    static func difference(_ x: Decimal, _ y: Decimal) -> Decimal? {
        guard let a = CompactDecimal(x), var b = CompactDecimal(y) else { return nil }
        if a.isZero { return b.isZero ? y : negated(y) }
        if b.isZero { return x }
        b.isNegative.toggle()
        return exactSum(a, b).flatMap { $0.isZero ? Decimal.zero : $0.compactDecimal() }
    }

    /// `x * y` as Foundation computes it, or nil.
    static func product(_ x: Decimal, _ y: Decimal) -> Decimal? {
        guard let a = CompactDecimal(x), let b = CompactDecimal(y) else { return nil }
        if a.isZero || b.isZero { return Decimal.zero }
        let (high, low) = a.significand.multipliedFullWidth(by: b.significand)
        let exponent = a.exponent + b.exponent
        guard high == 0, exponent >= -128, exponent <= 127 else { return nil }
        return CompactDecimal(significand: low, exponent: exponent, isNegative: a.isNegative != b.isNegative)
            .compactDecimal()
    }

    /// `-d` for a non-zero `d`: the same bytes with the sign flipped (Foundation's negation).
    static func negated(_ d: Decimal) -> Decimal? {
        guard let parts = CompactDecimal(d), !parts.isZero else { return nil }
        var result = d
        withUnsafeMutableBytes(of: &result) { raw in
            raw.storeBytes(of: raw.load(fromByteOffset: 1, as: UInt8.self) ^ 0x08, toByteOffset: 1, as: UInt8.self)
        }
        return result
    }

    /// `abs(d)`: the same bytes without the sign; nil for NaN.
    static func magnitude(_ d: Decimal) -> Decimal? {
        guard CompactDecimal(d) != nil else { return nil }
        var result = d
        withUnsafeMutableBytes(of: &result) { raw in
            raw.storeBytes(of: raw.load(fromByteOffset: 1, as: UInt8.self) & ~0x08, toByteOffset: 1, as: UInt8.self)
        }
        return result
    }

    /// The exact sum of two non-zero values (not compacted), or nil beyond 128 bits.
    static func exactSum(_ a: CompactDecimal, _ b: CompactDecimal) -> CompactDecimal? {
        // Foundation scales the operand with the larger exponent down to the smaller one.
        var (x, y) = (a, b)
        if x.exponent < y.exponent { swap(&x, &y) }
        guard let scaled = scaled(x.significand, by: x.exponent - y.exponent) else { return nil }
        x.significand = scaled
        x.exponent = y.exponent
        if x.isNegative == y.isNegative {
            let (total, overflow) = x.significand.addingReportingOverflow(y.significand)
            guard !overflow else { return nil }
            return CompactDecimal(significand: total, exponent: x.exponent, isNegative: x.isNegative)
        }
        if x.significand == y.significand {
            return CompactDecimal(significand: 0, exponent: 0, isNegative: false)
        }
        let (large, small) = x.significand > y.significand ? (x, y) : (y, x)
        return CompactDecimal(
            significand: large.significand - small.significand, exponent: x.exponent, isNegative: large.isNegative)
    }

    /// -1, 0 or 1 as `x` is below, equal to or above `y`; nil for NaN (or an unreadable layout).
    static func order(_ x: Decimal, _ y: Decimal) -> Int? {
        guard let a = CompactDecimal(x), let b = CompactDecimal(y) else { return nil }
        return a.order(b)
    }

    /// -1, 0 or 1 as `self` is below, equal to or above `other`.
    func order(_ other: CompactDecimal) -> Int {
        if isZero || other.isZero {
            if isZero && other.isZero { return 0 }
            return isZero ? (other.isNegative ? 1 : -1) : (isNegative ? -1 : 1)
        }
        if isNegative != other.isNegative { return isNegative ? -1 : 1 }
        let magnitudeOrder = magnitudeOrder(other)
        return isNegative ? -magnitudeOrder : magnitudeOrder
    }

    /// The order of the magnitudes of two non-zero values.
    private func magnitudeOrder(_ other: CompactDecimal) -> Int {
        let top = digitCount + exponent
        let otherTop = other.digitCount + other.exponent
        if top != otherTop { return top < otherTop ? -1 : 1 }
        // Same leading position: scale the one with the larger exponent (overflow means larger).
        if exponent == other.exponent { return Self.sign(significand, other.significand) }
        if exponent > other.exponent {
            guard let s = Self.scaled(significand, by: exponent - other.exponent) else { return 1 }
            return Self.sign(s, other.significand)
        }
        guard let s = Self.scaled(other.significand, by: other.exponent - exponent) else { return -1 }
        return Self.sign(significand, s)
    }

    private static func sign(_ a: UInt128, _ b: UInt128) -> Int { a < b ? -1 : (a == b ? 0 : 1) }

    /// Whether `|self| < 10^power`.
    func magnitudeIsBelow(powerOfTen power: Int) -> Bool {
        isZero || digitCount + exponent <= power
    }
}
