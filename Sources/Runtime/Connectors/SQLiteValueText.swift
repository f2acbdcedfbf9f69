import Foundation

/// The text forms the SQLite connector stores exact values in: decimals as their exact digits and
/// date/times as ISO text `YYYY-MM-DD HH:MM:SS[.fffffffff]`, which sorts chronologically.
enum SQLiteValueText {
    /// The exact digits of `decimal` (`-12.340` keeps no trailing zeros: `-12.34`).
    static func text(of decimal: Decimal) -> String {
        CompactDecimal.text(decimal) ?? decimal.description
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
        let parts = CivilCalendar.parts(value)
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
