/// TO_CHAR, TO_DATE and IS_DATE with PowerCenter date format strings (reference §4.3).
public enum DateFormat {
    /// English month names, January first (PowerCenter's names are not localised).
    public static let monthNames = [
        "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
        "NOVEMBER", "DECEMBER",
    ]
    /// English weekday names, Sunday first (so index + 1 is TO_CHAR `D`).
    public static let dayNames = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"]

    /// TO_CHAR(date, pattern): the date written with `pattern`.
    public static func format(_ value: DateTimeValue, _ pattern: String) -> String {
        format(value, DatePattern(pattern))
    }

    /// TO_CHAR(date, pattern) with a compiled pattern.
    public static func format(_ value: DateTimeValue, _ pattern: DatePattern) -> String {
        let parts = CivilCalendar.parts(value)
        var out = ""
        for element in pattern.elements {
            switch element {
            case .literal(let text): out += text
            case .field(let field, let letterCase): out += render(field, letterCase, value, parts)
            }
        }
        return out
    }

    /// TO_DATE(text, pattern): the date `text` names; a mismatch is a row error (case 31), never nil.
    public static func parse(
        _ text: String, _ pattern: String, settings: EvaluationSettings,
        options: ParseOptions? = nil
    ) throws(RowError) -> DateTimeValue {
        try parse(text, DatePattern(pattern), settings: settings, options: options)
    }

    /// TO_DATE(text, pattern) with a compiled pattern; `options` nil uses the settings' options.
    public static func parse(
        _ text: String, _ pattern: DatePattern, settings: EvaluationSettings,
        options: ParseOptions? = nil
    ) throws(RowError) -> DateTimeValue {
        var parser = DateTextParser(text: text, pattern: pattern, options: options ?? settings.dateParseOptions)
        let fields = try parser.run()
        return try fields.resolve(
            currentYear: settings.currentYear, rrWindow: settings.rrUsesCenturyWindow, text: text,
            pattern: pattern.text)
    }

    /// IS_DATE(text, pattern): whether TO_DATE would succeed; never throws.
    public static func isDate(
        _ text: String, _ pattern: String, settings: EvaluationSettings,
        options: ParseOptions? = nil
    ) -> Bool {
        (try? parse(text, pattern, settings: settings, options: options)) != nil
    }

    /// Switches for the parts of TO_DATE the reference marks uncertain (§3.4.2, §4.3).
    public struct ParseOptions: Hashable, Sendable {
        /// Whether a punctuation literal of the format must be the same character in the text
        /// (the default, "must match exactly"); false lets any punctuation match any punctuation
        /// (the [S27] "separators need not be the same" reading).
        public var separatorsMustMatch: Bool

        /// Creates options; the defaults are the reference's stated behaviour.
        public init(separatorsMustMatch: Bool = true) {
            self.separatorsMustMatch = separatorsMustMatch
        }
    }

    private static func render(
        _ field: DatePattern.Field, _ letterCase: DatePattern.LetterCase,
        _ value: DateTimeValue, _ p: CivilDateTime
    ) -> String {
        switch field {
        case .meridian: return cased(p.hour < 12 ? "AM" : "PM", letterCase)
        case .meridianDotted: return cased(p.hour < 12 ? "A.M." : "P.M.", letterCase)
        case .weekday: return String(CivilCalendar.weekday(value))
        case .dayName: return cased(dayNames[CivilCalendar.weekday(value) - 1], letterCase)
        case .dayAbbreviation: return cased(String(dayNames[CivilCalendar.weekday(value) - 1].prefix(3)), letterCase)
        case .dayOfMonth: return padded(p.day, 2)
        case .dayOfYear: return padded(CivilCalendar.dayOfYear(value), 3)
        case .hour12: return padded((p.hour + 11) % 12 + 1, 2)
        case .hour24: return padded(p.hour, 2)
        case .julianDay: return String(CivilCalendar.julianDay(value))
        case .minute: return padded(p.minute, 2)
        case .month: return padded(p.month, 2)
        case .monthName: return cased(monthNames[p.month - 1], letterCase)
        case .monthAbbreviation: return cased(String(monthNames[p.month - 1].prefix(3)), letterCase)
        case .millisecond: return padded(p.nanosecond / 1_000_000, 3)
        case .microsecond: return padded(p.nanosecond / 1000, 6)
        case .nanosecond: return padded(p.nanosecond, 9)
        case .quarter: return String((p.month - 1) / 3 + 1)
        case .roundedYear, .year2: return padded(p.year % 100, 2)
        case .second: return padded(p.second, 2)
        case .secondsOfDay: return padded(p.hour * 3600 + p.minute * 60 + p.second, 5)
        case .weekOfMonth: return String(CivilCalendar.weekOfMonth(value))
        case .weekOfYear: return padded(CivilCalendar.weekOfYear(value), 2)
        case .year1: return String(p.year % 10)
        case .year3: return padded(p.year % 1000, 3)
        case .year4: return padded(p.year, 4)
        }
    }

    /// `number` in decimal with leading zeros to `width` digits.
    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// An upper-case name written in `letterCase`.
    static func cased(_ name: String, _ letterCase: DatePattern.LetterCase) -> String {
        switch letterCase {
        case .upper: return name
        case .lower: return name.lowercased()
        case .capitalized: return name.prefix(1) + name.dropFirst().lowercased()
        }
    }
}
