import Foundation
import IR

/// Reading datatypes and values from the text a user types (`migrate expr --port NAME:TYPE=VALUE`).
extension ExpressionRunner {
    /// The precision of `string`, `nstring`, `text`, `ntext` and `binary` written without one: large
    /// enough that no typed value is cut, small enough to read in a type name (chosen).
    public static let defaultStringPrecision = 65_535

    /// A datatype from its text: the canonical form (`decimal(12,2)`, `string(10)`, `datetime(29,9)`)
    /// or a PowerCenter spelling (`date/time`, `small integer`, `number(10,2)`). Character and binary
    /// types without a precision get ``defaultStringPrecision``; `decimal` without one is
    /// `decimal(28,10)` (chosen). Nil when the text names no datatype.
    public static func dataType(parsing text: String) -> DataType? {
        if let type = DataType(parsing: text) { return type }
        let name = text.trimmingSpaces()
        if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            let inner = name[name.index(after: open)..<name.index(before: name.endIndex)]
            let numbers = inner.split(separator: ",").compactMap { Int(String($0).trimmingSpaces()) }
            guard (1...2).contains(numbers.count), numbers.allSatisfy({ $0 >= 0 }) else { return nil }
            let type = DataType(
                transformationType: String(name[..<open]), precision: numbers[0],
                scale: numbers.count > 1 ? numbers[1] : 0)
            return type.flatMap { takesPrecision($0) ? $0 : nil }
        }
        guard let bare = DataType(transformationType: name, precision: 0, scale: 0) else { return nil }
        let p = defaultStringPrecision
        switch bare {
        case .string: return .string(precision: p)
        case .nstring: return .nstring(precision: p)
        case .text: return .text(precision: p)
        case .ntext: return .ntext(precision: p)
        case .binary: return .binary(precision: p)
        case .decimal: return .decimal(precision: 28, scale: 10)
        default: return bare
        }
    }

    /// Whether a datatype is written with a precision (`integer(5)` is not a datatype).
    static func takesPrecision(_ type: DataType) -> Bool {
        switch type {
        case .string, .nstring, .text, .ntext, .binary, .decimal, .dateTime: true
        default: false
        }
    }

    /// The value text of a command-line port or parameter value: nil (NULL) for an empty text or the
    /// word `NULL` (any case); the content of a text in single quotes, with `''` read as one quote
    /// (so `''` is the empty string and `'NULL'` the word); otherwise the text itself.
    public static func inputText(parsing text: String) -> String? {
        if text.isEmpty || text.uppercased() == "NULL" { return nil }
        guard text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") else { return text }
        return String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
    }

    /// The value of `text` (nil is NULL) in a port of `type`, converted as PowerCenter converts a
    /// string port linked to that port (cases 22–23: `'18e-3'` is 18 in an integer or decimal port,
    /// 0.018 in a double one; `'123abc'` is 123); dates are also read as `YYYY-MM-DD[ HH:MM:SS[.f…]]`
    /// before the session format. A text that does not convert is a row error.
    public static func value(
        fromText text: String?, as type: DataType, settings: EvaluationSettings, port: String
    ) throws(RowError) -> Value {
        guard let text else { return .null }
        if case .dateTime = type, let fields = isoFields(text) {
            guard let date = CivilCalendar.value(fields) else { throw invalidDate(fields, text, port: port) }
            return .dateTime(date)
        }
        return try PortCoercion.coerce(.string(text), to: type, settings, port: port)
    }

    /// The row error of an ISO date whose fields do not make a date: RT0104 for a day the month does
    /// not have (February 30), RT0103 for a field outside its range (month 13, hour 24).
    static func invalidDate(_ fields: CivilDateTime, _ text: String, port: String) -> RowError {
        let inRange =
            (1...9999).contains(fields.year) && (1...12).contains(fields.month) && fields.day >= 1
            && fields.hour < 24 && fields.minute < 60 && fields.second < 60
        return RowError(
            code: inRange ? DateErrors.nonexistentDate : DateErrors.fieldOutOfRange,
            message: "port '\(port)': '\(text)' is not a valid date")
    }

    /// The datatype a parameter given without one takes from its value text: `integer` or `bigint`
    /// for a whole number, `decimal(p,s)` for a number with a point, `double` with an exponent,
    /// `datetime(29,9)` for a `YYYY-MM-DD...` date, else a string as long as the text (chosen).
    public static func inferredType(ofParameterText text: String?) -> DataType {
        guard let text else { return .string(precision: defaultStringPrecision) }
        if Int32(text) != nil { return .integer }
        if Int64(text) != nil { return .bigInteger }
        if let shape = decimalShape(text) {
            return .decimal(precision: min(max(shape.digits, 1), 28), scale: min(shape.scale, 28))
        }
        if Double(text) != nil, text.contains(where: { $0 == "e" || $0 == "E" }) { return .double }
        if isoDateTime(text) != nil { return .dateTime(precision: 29, scale: 9) }
        return .string(precision: max(1, text.unicodeScalars.count))
    }

    /// The digit count and scale of `[-]digits.digits`, or nil for other text.
    static func decimalShape(_ text: String) -> (digits: Int, scale: Int)? {
        let unsigned = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count + parts[1].count > 0,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return (parts[0].drop { $0 == "0" }.count + parts[1].count, parts[1].count)
    }

    /// A date written `YYYY-MM-DD`, optionally followed by a blank or `T` and `HH:MM:SS`, optionally
    /// followed by `.` and 1–9 fraction digits; nil for other text or a date that does not exist.
    public static func isoDateTime(_ text: String) -> DateTimeValue? {
        isoFields(text).flatMap(CivilCalendar.value)
    }

    /// The fields of a text shaped as ``isoDateTime(_:)`` reads, not yet checked to exist.
    static func isoFields(_ text: String) -> CivilDateTime? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(4), scanner.skip("-"), let month = scanner.number(2), scanner.skip("-"),
            let day = scanner.number(2)
        else { return nil }
        var parts = CivilDateTime(year: year, month: month, day: day)
        if !scanner.atEnd {
            guard scanner.skip(" ") || scanner.skip("T"), let hour = scanner.number(2), scanner.skip(":"),
                let minute = scanner.number(2), scanner.skip(":"), let second = scanner.number(2)
            else { return nil }
            (parts.hour, parts.minute, parts.second) = (hour, minute, second)
            if scanner.skip(".") {
                guard let fraction = scanner.fraction() else { return nil }
                parts.nanosecond = fraction
            }
        }
        guard scanner.atEnd else { return nil }
        return parts
    }
}

/// Reads fixed-width digit groups and separators from ASCII text.
struct DigitScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    /// Skips `character` when it is next.
    mutating func skip(_ character: Character) -> Bool {
        guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    /// The number made of exactly `width` digits.
    mutating func number(_ width: Int) -> Int? {
        guard index + width <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + width] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += width
        return value
    }

    /// 1–9 fraction digits as nanoseconds.
    mutating func fraction() -> Int? {
        var nanos = 0
        var digits = 0
        while index < bytes.count, (48...57).contains(bytes[index]), digits < 9 {
            nanos = nanos * 10 + Int(bytes[index] - 48)
            digits += 1
            index += 1
        }
        guard digits > 0 else { return nil }
        for _ in digits..<9 { nanos *= 10 }
        return nanos
    }
}

/// The settings of an expression run.
extension ExpressionRunner {
    /// Settings with SESSSTARTTIME and SYSDATE both fixed at `now`, the default session date format
    /// and `RR` years read relative to `now`'s year.
    public static func settings(now: DateTimeValue, highPrecision: Bool) -> EvaluationSettings {
        EvaluationSettings(
            highPrecision: highPrecision, sessionStart: now, now: now,
            currentYear: CivilCalendar.parts(now).year)
    }

    /// The wall-clock time of `date` in `timeZone` (PowerCenter's SYSDATE is the server's local
    /// time), to the nanosecond Foundation gives.
    public static func localDateTime(_ date: Date, in timeZone: TimeZone = .current) -> DateTimeValue {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        let parts = CivilDateTime(
            year: c.year ?? 1, month: c.month ?? 1, day: c.day ?? 1, hour: c.hour ?? 0, minute: c.minute ?? 0,
            second: c.second ?? 0, nanosecond: min(max(c.nanosecond ?? 0, 0), 999_999_999))
        return CivilCalendar.value(parts) ?? DateTimeValue(day: 0, nanosecond: 0)
    }
}
