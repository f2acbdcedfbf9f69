import Foundation

/// A Foundation `Decimal` read as its parts (a 128-bit significand, a decimal exponent and a
/// sign), for arithmetic without Foundation's slow digit-array code.
///
/// Foundation's `Decimal` is 20 bytes: byte 0 the exponent (Int8), byte 1 `length << 4 |
/// isNegative << 3 | isCompact << 2`, bytes 2–3 reserved, bytes 4–19 the significand as eight
/// little-endian 16-bit words (`length` of them used; zero has length 0, NaN is length 0 and
/// negative). That layout is internal to Foundation, so ``layoutHolds`` checks it once against
/// values whose parts the public API tells; when it fails, every fast path returns nil and the
/// callers use Foundation. The operations in `CompactDecimal+Arithmetic.swift` and
/// `CompactDecimal+Text.swift` reproduce Foundation's results bit for bit (including the
/// compact flag, which `description` depends on) or return nil; `CompactDecimalTests` compares
/// them with Foundation on millions of seeded operands.
struct CompactDecimal: Equatable, Sendable {
    /// The significand (the mantissa's eight words as one number).
    var significand: UInt128
    /// The power of ten the significand is multiplied by (-128...127).
    var exponent: Int
    /// Whether the value is negative (never for zero).
    var isNegative: Bool

    /// Whether Foundation's `Decimal` has the layout this type reads and writes.
    static let layoutHolds: Bool = checkLayout()

    /// The parts of `d`, or nil for NaN, for a mantissa with unused words that are not zero, or
    /// when the layout check failed.
    @inline(__always)
    init?(_ d: Decimal) {
        guard Self.layoutHolds else { return nil }
        guard let parts = Self.read(d) else { return nil }
        self = parts
    }

    /// The value `±significand × 10^exponent` (no check of the exponent's range).
    init(significand: UInt128, exponent: Int, isNegative: Bool) {
        self.significand = significand
        self.exponent = exponent
        self.isNegative = isNegative
    }

    /// Whether the value is zero.
    var isZero: Bool { significand == 0 }

    /// The number of decimal digits of the significand (0 for zero).
    var digitCount: Int { Self.digitCount(significand) }

    /// The value as a Foundation decimal with Foundation's flags: compacted values (no trailing
    /// zero in the significand) carry the compact flag; nil when the exponent is out of range
    /// (or the layout check failed).
    func decimal(compact: Bool) -> Decimal? {
        guard Self.layoutHolds else { return nil }
        return encoded(compact: compact)
    }

    /// ``decimal(compact:)`` without the layout check (which itself uses it).
    private func encoded(compact: Bool) -> Decimal? {
        guard exponent >= -128, exponent <= 127 else { return nil }
        let length = (128 - significand.leadingZeroBitCount + 15) / 16
        let flags = UInt8(length << 4) | (isNegative && length > 0 ? 0x08 : 0) | (compact ? 0x04 : 0)
        var d = Decimal()
        withUnsafeMutableBytes(of: &d) { raw in
            raw.storeBytes(of: UInt8(bitPattern: Int8(exponent)), toByteOffset: 0, as: UInt8.self)
            raw.storeBytes(of: flags, toByteOffset: 1, as: UInt8.self)
            raw.storeBytes(of: UInt16(0), toByteOffset: 2, as: UInt16.self)
            raw.storeBytes(of: UInt64(truncatingIfNeeded: significand).littleEndian, toByteOffset: 4, as: UInt64.self)
            raw.storeBytes(
                of: UInt64(truncatingIfNeeded: significand >> 64).littleEndian, toByteOffset: 12, as: UInt64.self)
        }
        return d
    }

    /// The value with trailing zeros moved into the exponent, as Foundation's `compact()` leaves
    /// a computed result; nil when the exponent would pass 127 (Foundation then keeps zeros).
    func compacted() -> CompactDecimal? {
        guard significand != 0 else { return self }
        var result = self
        if significand <= UInt64.max {
            // 64-bit divisions by constants are multiplications; 128-bit ones are library calls.
            var small = UInt64(significand)
            while small % 10 == 0 {
                small /= 10
                result.exponent += 1
            }
            result.significand = UInt128(small)
            return result.exponent <= 127 ? result : nil
        }
        while result.significand % 10_000 == 0 {
            result.significand /= 10_000
            result.exponent += 4
        }
        while result.significand % 10 == 0 {
            result.significand /= 10
            result.exponent += 1
        }
        return result.exponent <= 127 ? result : nil
    }

    /// `Decimal(i)` (Foundation compacts it: -120 is 12 × 10^1), built without Foundation's
    /// digit-array division.
    static func integer(_ i: Int64) -> Decimal {
        guard layoutHolds, i != 0 else { return Decimal(i) }
        let parts = CompactDecimal(significand: UInt128(i.magnitude), exponent: 0, isNegative: i < 0)
        return parts.compactDecimal() ?? Decimal(i)
    }

    /// The value compacted and encoded as Foundation encodes a computed result.
    func compactDecimal() -> Decimal? { compacted()?.decimal(compact: true) }

    // MARK: - Layout

    @inline(__always)
    private static func read(_ d: Decimal) -> CompactDecimal? {
        withUnsafeBytes(of: d) { raw -> CompactDecimal? in
            let exponent = Int(Int8(bitPattern: raw.load(fromByteOffset: 0, as: UInt8.self)))
            let flags = raw.load(fromByteOffset: 1, as: UInt8.self)
            let low = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt64.self))
            let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 12, as: UInt64.self))
            let significand = UInt128(high) << 64 | UInt128(low)
            let length = Int(flags >> 4)
            let negative = flags & 0x08 != 0
            // Canonical only: the used words are exactly `length` (NaN has length 0 and the sign).
            guard length == (128 - significand.leadingZeroBitCount + 15) / 16, length > 0 || !negative else {
                return nil
            }
            return CompactDecimal(significand: significand, exponent: exponent, isNegative: negative)
        }
    }

    /// Reads probe values whose parts the public API states and re-encodes them bit for bit.
    private static func checkLayout() -> Bool {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        let probes: [(String, UInt128, Int, Bool)] = [
            ("1.5", 15, -1, false), ("-120", 12, 1, true), ("0", 0, 0, false),
            ("-0.000123456789012345678901234567", 123_456_789_012_345_678_901_234_567, -30, true),
            ("1234567890123456789012345.6789012345678", 12_345_678_901_234_567_890_123_456_789_012_345_678, -13, false),
        ]
        for (text, significand, exponent, negative) in probes {
            guard let d = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
                let parts = read(d),
                parts == CompactDecimal(significand: significand, exponent: exponent, isNegative: negative),
                Int(d.exponent) == exponent, (d.sign == .minus) == negative,
                d.significand == Decimal(string: String(significand)),
                let again = parts.encoded(compact: isCompact(d)), sameBits(again, d)
            else { return false }
        }
        return true
    }

    private static func isCompact(_ d: Decimal) -> Bool {
        withUnsafeBytes(of: d) { $0.load(fromByteOffset: 1, as: UInt8.self) & 0x04 != 0 }
    }

    /// Whether two decimals have the same 20 bytes.
    static func sameBits(_ a: Decimal, _ b: Decimal) -> Bool {
        withUnsafeBytes(of: a) { x in withUnsafeBytes(of: b) { y in x.elementsEqual(y) } }
    }

    // MARK: - Powers of ten

    /// 10^0 ... 10^38.
    static let powersOfTen: [UInt128] = {
        var powers: [UInt128] = [1]
        for _ in 1...38 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    /// The number of decimal digits of `n` (0 for zero).
    static func digitCount(_ n: UInt128) -> Int {
        if n == 0 { return 0 }
        // log10(2) ≈ 1233/4096: an estimate off by at most one, corrected by one comparison.
        let bits = 128 - n.leadingZeroBitCount
        let estimate = (bits * 1233) >> 12
        return n >= powersOfTen[estimate] ? estimate + 1 : estimate
    }

    /// `n × 10^power`, or nil when it does not fit in 128 bits.
    static func scaled(_ n: UInt128, by power: Int) -> UInt128? {
        if n == 0 { return 0 }
        guard power <= 38 else { return nil }
        let (product, overflow) = n.multipliedReportingOverflow(by: powersOfTen[power])
        return overflow ? nil : product
    }
}
