import Foundation

/// The text forms the SQLite connector stores exact values in: decimals as their exact digits and
/// date/times as ISO text `YYYY-MM-DD HH:MM:SS[.fffffffff]`, which sorts chronologically.
enum SQLiteValueText {
    /// The exact digits of `decimal` (`-12.340` keeps no trailing zeros: `-12.34`).
    static func text(of decimal: Decimal) -> String {
        CompactDecimal.text(decimal) ?? decimal.description
    }

    /// Calls `body` with the bytes of ``text(of:)-(Decimal)`` written in a stack buffer; nil
    /// (without calling it) unless the significand fits 64 bits and the exponent is within ±40.
    static func withText<R>(of decimal: Decimal, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let parts = CompactDecimal(decimal), parts.significand <= UInt64.max, (-40...40).contains(parts.exponent)
        else { return nil }
        // Sign, "0.", 40 zeros and 20 digits at most.
        var bytes: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &bytes) { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            let count = layOut(UInt64(parts.significand), parts.exponent, parts.isNegative, into: buffer)
            return body(UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// Writes `±significand × 10^exponent` as Foundation's `description` does: all the digits,
    /// zeros for a positive exponent, `0.` and leading zeros when the point comes before the first
    /// digit, `0` for zero; returns the number of bytes written.
    private static func layOut(
        _ significand: UInt64, _ exponent: Int, _ isNegative: Bool, into buffer: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        let zero = UInt8(ascii: "0")
        guard significand != 0 else {
            buffer[0] = zero
            return 1
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let digitCount = withUnsafeMutableBytes(of: &digits) { raw in
            var rest = significand
            var position = 24
            while rest != 0 {
                position -= 1
                raw[position] = zero + UInt8(rest % 10)
                rest /= 10
            }
            return 24 - position
        }
        return withUnsafeBytes(of: &digits) { raw in
            let digitBytes = UnsafeRawBufferPointer(rebasing: raw[(24 - digitCount)...])
            var index = 0
            func put(_ byte: UInt8) {
                buffer[index] = byte
                index += 1
            }
            if isNegative { put(UInt8(ascii: "-")) }
            if exponent >= 0 {
                for digit in digitBytes { put(digit) }
                for _ in 0..<exponent { put(zero) }
                return index
            }
            let fractionDigits = -exponent
            if fractionDigits >= digitCount {
                put(zero)
                put(UInt8(ascii: "."))
                for _ in 0..<(fractionDigits - digitCount) { put(zero) }
                for digit in digitBytes { put(digit) }
                return index
            }
            let point = digitCount - fractionDigits
            for digit in digitBytes[..<point] { put(digit) }
            put(UInt8(ascii: "."))
            for digit in digitBytes[point...] { put(digit) }
            return index
        }
    }

    /// The decimal written in `text`, or nil when the text is not a plain decimal number.
    static func decimal(from text: String) -> Decimal? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.allSatisfy({ "0123456789+-.eE".contains($0) }) else { return nil }
        guard let value = Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX")), !value.isNaN
        else { return nil }
        return value
    }

    /// `YYYY-MM-DD HH:MM:SS`, followed by `.fffffffff` (nine digits) when the nanoseconds are not 0.
    static func text(of value: DateTimeValue) -> String {
        if let text = withText(of: value, { String(decoding: $0, as: UTF8.self) }) { return text }
        return interpolatedText(of: CivilCalendar.parts(value))
    }

    /// Calls `body` with the bytes of ``text(of:)-(DateTimeValue)`` written in a stack buffer;
    /// nil (without calling it) when a field is outside its usual digits (a year beyond 0–9999).
    static func withText<R>(of value: DateTimeValue, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let parts = CivilCalendar.parts(value)
        guard (0...9999).contains(parts.year), (0...99).contains(parts.month), (0...99).contains(parts.day),
            (0...99).contains(parts.hour), (0...99).contains(parts.minute), (0...99).contains(parts.second),
            (0...999_999_999).contains(parts.nanosecond)
        else { return nil }
        var bytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &bytes) { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            var index = 0
            func put(_ number: Int, _ width: Int, after separator: UInt8?) {
                if let separator {
                    buffer[index] = separator
                    index += 1
                }
                var rest = number
                for position in stride(from: index + width - 1, through: index, by: -1) {
                    buffer[position] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                    rest /= 10
                }
                index += width
            }
            put(parts.year, 4, after: nil)
            put(parts.month, 2, after: UInt8(ascii: "-"))
            put(parts.day, 2, after: UInt8(ascii: "-"))
            put(parts.hour, 2, after: UInt8(ascii: " "))
            put(parts.minute, 2, after: UInt8(ascii: ":"))
            put(parts.second, 2, after: UInt8(ascii: ":"))
            if parts.nanosecond != 0 { put(parts.nanosecond, 9, after: UInt8(ascii: ".")) }
            return body(UnsafeBufferPointer(rebasing: buffer[0..<index]))
        }
    }

    /// ``text(of:)-(DateTimeValue)`` by interpolation, for any field values.
    static func interpolatedText(of parts: CivilDateTime) -> String {
        var text =
            "\(padded(parts.year, 4))-\(padded(parts.month, 2))-\(padded(parts.day, 2)) "
            + "\(padded(parts.hour, 2)):\(padded(parts.minute, 2)):\(padded(parts.second, 2))"
        if parts.nanosecond != 0 { text += ".\(padded(parts.nanosecond, 9))" }
        return text
    }

    /// The date/time in ISO text: `YYYY-MM-DD`, optionally followed by a space or `T` and
    /// `HH:MM[:SS[.f...]]` with 1–9 fraction digits; nil for anything else or an impossible date.
    static func dateTime(from text: String) -> DateTimeValue? {
        var reader = DigitReader(bytes: Array(text.utf8))
        guard let year = reader.number(4), reader.skip("-"), let month = reader.number(2), reader.skip("-"),
            let day = reader.number(2)
        else { return nil }
        var parts = CivilDateTime(year: year, month: month, day: day)
        if !reader.atEnd {
            guard reader.skip(" ") || reader.skip("T"), let hour = reader.number(2), reader.skip(":"),
                let minute = reader.number(2)
            else { return nil }
            parts.hour = hour
            parts.minute = minute
            if reader.skip(":") {
                guard let second = reader.number(2) else { return nil }
                parts.second = second
                if reader.skip(".") {
                    guard let nanosecond = reader.fraction() else { return nil }
                    parts.nanosecond = nanosecond
                }
            }
        }
        guard reader.atEnd else { return nil }
        return CivilCalendar.value(parts)
    }

    /// `number` in decimal with leading zeros up to `width` digits.
    private static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Reads fixed-width digit groups and separators from ASCII bytes.
private struct DigitReader {
    let bytes: [UInt8]
    var position = 0

    var atEnd: Bool { position == bytes.count }

    /// Consumes `separator` when it comes next.
    mutating func skip(_ separator: Character) -> Bool {
        guard !atEnd, let ascii = separator.asciiValue, bytes[position] == ascii else { return false }
        position += 1
        return true
    }

    /// Consumes exactly `width` digits.
    mutating func number(_ width: Int) -> Int? {
        guard position + width <= bytes.count else { return nil }
        var result = 0
        for byte in bytes[position..<position + width] {
            guard let digit = Self.digit(byte) else { return nil }
            result = result * 10 + digit
        }
        position += width
        return result
    }

    /// Consumes 1–9 fraction digits and returns them as nanoseconds.
    mutating func fraction() -> Int? {
        var result = 0
        var count = 0
        while !atEnd, let digit = Self.digit(bytes[position]) {
            guard count < 9 else { return nil }
            result = result * 10 + digit
            count += 1
            position += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<9 { result *= 10 }
        return result
    }

    private static func digit(_ byte: UInt8) -> Int? {
        (48...57).contains(byte) ? Int(byte - 48) : nil
    }
}
