/// A TO_CHAR / TO_DATE format string split into fields and literal text (reference §4.3).
///
/// Compile a constant format once and reuse it for every row. Tokens are matched
/// case-insensitively, longest first (`SSSSS` before `SS`, `MONTH` before `MON`, `HH24` before
/// `HH`); text in double quotes, punctuation, blanks and any other character are literal.
/// An unterminated quote makes the rest of the pattern literal (the reference is silent).
public struct DatePattern: Hashable, Sendable {
    /// One piece of a pattern.
    public enum Element: Hashable, Sendable {
        /// A date field, with the letter case its token was written in (for names and AM/PM).
        case field(Field, LetterCase)
        /// Text copied on output and matched exactly on input.
        case literal(String)
    }

    /// How a token was written: decides the case of month/day names and AM/PM on output.
    public enum LetterCase: Hashable, Sendable {
        /// `MON` → `JAN`.
        case upper
        /// `Mon` → `Jan`.
        case capitalized
        /// `mon` → `jan`.
        case lower
    }

    /// The date fields of §4.3.
    public enum Field: String, Hashable, Sendable, CaseIterable {
        /// `AM`/`PM` and `A.M.`/`P.M.`: the meridian.
        case meridian = "AM", meridianDotted = "A.M."
        /// `D` weekday 1–7 (Sunday = 1), `DAY` name, `DD` 01–31, `DDD` 001–366, `DY` 3-letter name.
        case weekday = "D", dayName = "DAY", dayOfMonth = "DD", dayOfYear = "DDD", dayAbbreviation = "DY"
        /// `HH`/`HH12` 01–12, `HH24` 00–23, `J` Julian Day Number, `MI` 00–59, `MM` 01–12.
        case hour12 = "HH", hour24 = "HH24", julianDay = "J", minute = "MI", month = "MM"
        /// `MONTH` full month name, `MON` 3-letter month name.
        case monthName = "MONTH", monthAbbreviation = "MON"
        /// `MS` 000–999, `US` 000000–999999, `NS` 9 digits, `Q` quarter 1–4, `RR` 2-digit year.
        case millisecond = "MS", microsecond = "US", nanosecond = "NS", quarter = "Q", roundedYear = "RR"
        /// `SS` 00–59, `SSSSS` seconds since midnight, `W` week of month, `WW` week of year.
        case second = "SS", secondsOfDay = "SSSSS", weekOfMonth = "W", weekOfYear = "WW"
        /// The last 1, 2, 3 or 4 digits of the year.
        case year1 = "Y", year2 = "YY", year3 = "YYY", year4 = "YYYY"
    }

    /// The pieces in order.
    public let elements: [Element]
    /// The pattern as written.
    public let text: String

    /// Splits `pattern` into fields and literals; never fails.
    public init(_ pattern: String) {
        text = pattern
        elements = Self.tokenize(Array(pattern))
    }

    /// The spellings, longest first, with the field each names (`PM`, `P.M.` and `HH12` are aliases).
    static let spellings: [(String, Field)] = [
        ("SSSSS", .secondsOfDay), ("MONTH", .monthName), ("A.M.", .meridianDotted), ("P.M.", .meridianDotted),
        ("HH24", .hour24), ("HH12", .hour12), ("YYYY", .year4), ("DAY", .dayName), ("DDD", .dayOfYear),
        ("MON", .monthAbbreviation), ("YYY", .year3), ("AM", .meridian), ("PM", .meridian), ("DD", .dayOfMonth),
        ("DY", .dayAbbreviation), ("HH", .hour12), ("MI", .minute), ("MM", .month), ("MS", .millisecond),
        ("NS", .nanosecond), ("US", .microsecond), ("RR", .roundedYear), ("SS", .second), ("WW", .weekOfYear),
        ("YY", .year2), ("D", .weekday), ("J", .julianDay), ("Q", .quarter), ("W", .weekOfMonth), ("Y", .year1),
    ]

    private static func tokenize(_ chars: [Character]) -> [Element] {
        var elements: [Element] = []
        var literal = ""
        var index = 0
        func flush() {
            if !literal.isEmpty { elements.append(.literal(literal)) }
            literal = ""
        }
        while index < chars.count {
            if chars[index] == "\"" {
                let close = chars[(index + 1)...].firstIndex(of: "\"") ?? chars.count
                literal += String(chars[(index + 1)..<close])
                index = close + 1
            } else if let (spelling, field) = match(chars, at: index) {
                flush()
                elements.append(.field(field, letterCase(Array(chars[index..<(index + spelling.count)]))))
                index += spelling.count
            } else {
                literal.append(chars[index])
                index += 1
            }
        }
        flush()
        return elements
    }

    private static func match(_ chars: [Character], at index: Int) -> (String, Field)? {
        spellings.first { spelling, _ in
            let end = index + spelling.count
            guard end <= chars.count else { return false }
            return String(chars[index..<end]).uppercased() == spelling
        }
    }

    /// Oracle's rule: a lower-case first letter gives lower case; an upper-case first letter
    /// followed by a lower-case letter gives Capitalized; otherwise upper case.
    private static func letterCase(_ token: [Character]) -> LetterCase {
        let letters = token.filter(\.isLetter)
        guard let first = letters.first else { return .upper }
        if first.isLowercase { return .lower }
        if letters.count > 1, letters[1].isLowercase { return .capitalized }
        return .upper
    }
}
