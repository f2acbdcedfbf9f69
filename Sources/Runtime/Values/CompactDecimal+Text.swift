import Foundation

/// `Decimal.description` and the decimal's nearest double on ``CompactDecimal``.
///
/// Foundation writes the significand's digits (trailing zeros kept: 150 × 10^-2 is `1.50`),
/// zeros for a positive exponent, `0.` and leading zeros when the point lies before the first
/// digit, `-` for negatives and `0` for zero.
extension CompactDecimal {
    /// `d.description`, or nil when the layout is unknown or `d` is NaN.
    static func text(_ d: Decimal) -> String? { CompactDecimal(d)?.text }

    /// The text Foundation's `description` gives these parts.
    var text: String {
        if isZero { return "0" }
        // Sign, "0.", up to 39 digits and up to 128 zeros either side.
        return String(unsafeUninitializedCapacity: 176) { buffer in
            var digits: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
            let count = withUnsafeMutableBytes(of: &digits) { Self.writeDigits(significand, into: $0) }
            return withUnsafeBytes(of: &digits) { digitBytes in
                layOut(UnsafeRawBufferPointer(rebasing: digitBytes[(40 - count)...]), into: buffer)
            }
        }
    }

    /// Writes sign, digits, point and zeros; returns the number of bytes written.
    private func layOut(_ digits: UnsafeRawBufferPointer, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var index = 0
        func put(_ byte: UInt8) {
            buffer[index] = byte
            index += 1
        }
        if isNegative { put(UInt8(ascii: "-")) }
        let zero = UInt8(ascii: "0")
        if exponent >= 0 {
            for digit in digits { put(digit) }
            for _ in 0..<exponent { put(zero) }
            return index
        }
        let fractionDigits = -exponent
        if fractionDigits >= digits.count {
            put(zero)
            put(UInt8(ascii: "."))
            for _ in 0..<(fractionDigits - digits.count) { put(zero) }
            for digit in digits { put(digit) }
            return index
        }
        let point = digits.count - fractionDigits
        for digit in digits[..<point] { put(digit) }
        put(UInt8(ascii: "."))
        for digit in digits[point...] { put(digit) }
        return index
    }

    /// Writes the decimal digits of `n` right-aligned into the 40-byte `buffer`; returns how many.
    private static func writeDigits(_ n: UInt128, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var rest = n
        var position = 40
        repeat {
            // Peel 19 digits at a time so that the inner loop divides 64-bit numbers.
            let (quotient, chunkValue) =
                rest <= UInt64.max ? (0, rest) : rest.quotientAndRemainder(dividingBy: 10_000_000_000_000_000_000)
            var chunk = UInt64(chunkValue)
            let stop = quotient == 0 ? 0 : 19
            var written = 0
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(chunk % 10)
                chunk /= 10
                written += 1
            } while chunk != 0 || written < stop
            rest = quotient
        } while rest != 0
        return 40 - position
    }

    /// The decimal's nearest double, equal to `Double(d.description)`; nil when the layout is
    /// unknown or `d` is NaN.
    static func double(_ d: Decimal) -> Double? {
        guard let parts = CompactDecimal(d) else { return nil }
        return parts.double
    }

    /// The nearest double: one correctly rounded multiplication or division when significand
    /// and power of ten are exact doubles (below 2^53, 10^22), otherwise by the text.
    var double: Double {
        let magnitude: Double
        if significand < 1 << 53, exponent >= -22, exponent <= 22 {
            let power = Self.exactPowers[abs(exponent)]
            magnitude = exponent >= 0 ? Double(significand) * power : Double(significand) / power
        } else {
            magnitude =
                Double(CompactDecimal(significand: significand, exponent: exponent, isNegative: false).text) ?? 0
        }
        return isNegative ? -magnitude : magnitude
    }

    /// 1e0 ... 1e22, the powers of ten a double holds exactly.
    private static let exactPowers: [Double] = (0...22).map { Double(powersOfTen[$0]) }
}
