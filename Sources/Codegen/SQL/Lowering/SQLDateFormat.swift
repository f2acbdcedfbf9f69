import IR

/// A numeric date field of a PowerCenter `TO_CHAR` format (reference §4.3) that dialects can write
/// digit for digit. Names (`MON`, `DAY`), the meridian, fractions and week numbers are not here:
/// their case, padding or language differ between engines, so formats using them are refused.
public enum SQLDateField: String, Hashable, Sendable, CaseIterable {
    /// `YYYY`: the year, four digits.
    case year4 = "YYYY"
    /// `YY`: the last two digits of the year.
    case year2 = "YY"
    /// `MM`: the month, 01–12.
    case month = "MM"
    /// `DD`: the day of the month, 01–31.
    case dayOfMonth = "DD"
    /// `DDD`: the day of the year, 001–366.
    case dayOfYear = "DDD"
    /// `HH24`: the hour, 00–23.
    case hour24 = "HH24"
    /// `HH` or `HH12`: the hour, 01–12.
    case hour12 = "HH12"
    /// `MI`: the minute, 00–59.
    case minute = "MI"
    /// `SS`: the second, 00–59.
    case second = "SS"
}

/// The date part a date function's format argument names (`ADD_TO_DATE`, `TRUNC`,
/// `GET_DATE_PART`; reference §3.4.3). Sub-second parts are not lowered.
public enum SQLDateUnit: String, Hashable, Sendable, CaseIterable {
    /// `Y`, `YY`, `YYY`, `YYYY`, `RR`.
    case year
    /// `MM`, `MON`, `MONTH`.
    case month
    /// `D`, `DD`, `DDD`, `DY`, `DAY` (all the day of the month here).
    case day
    /// `HH`, `HH12`, `HH24`.
    case hour
    /// `MI`.
    case minute
    /// `SS`.
    case second

    /// The unit a format argument names, read as the runtime reads it (``DateUnit``); nil for the
    /// sub-second units, which are not lowered.
    init?(format: String) {
        switch DateUnit(format: format) {
        case .year?: self = .year
        case .month?: self = .month
        case .day?: self = .day
        case .hour?: self = .hour
        case .minute?: self = .minute
        case .second?: self = .second
        case .millisecond?, .microsecond?, .nanosecond?, nil: return nil
        }
    }

    /// The unit as a bare date-part keyword (`DATEADD(day, …)`); nil for the year, whose keyword
    /// is reserved and would be quoted as an identifier (lowering adds years as 12 months).
    public var keyword: SQLExpression? { self == .year ? nil : .column(table: nil, name: rawValue) }

    /// The numeric field whose value is this unit's part of a date.
    public var field: SQLDateField {
        switch self {
        case .year: .year4
        case .month: .month
        case .day: .dayOfMonth
        case .hour: .hour24
        case .minute: .minute
        case .second: .second
        }
    }
}

/// A PowerCenter date format split as the runtime splits it (tokens case-insensitive, longest
/// first), keeping only what every engine writes the same way: numeric fields and the separators
/// `- / . , ; :` and blanks.
struct SQLDateFormat: Hashable, Sendable {
    /// One piece of a format.
    enum Element: Hashable, Sendable {
        case field(SQLDateField)
        case literal(String)
    }

    /// The pieces in order.
    let elements: [Element]

    /// Every spelling the runtime recognises, longest first, with the field lowering can write.
    private static let spellings: [(String, SQLDateField?)] = [
        ("SSSSS", nil), ("MONTH", nil), ("A.M.", nil), ("P.M.", nil), ("HH24", .hour24), ("HH12", .hour12),
        ("YYYY", .year4), ("DAY", nil), ("DDD", .dayOfYear), ("MON", nil), ("YYY", nil), ("AM", nil), ("PM", nil),
        ("DD", .dayOfMonth), ("DY", nil), ("HH", .hour12), ("MI", .minute), ("MM", .month), ("MS", nil),
        ("NS", nil), ("US", nil), ("RR", nil), ("SS", .second), ("WW", nil), ("YY", .year2), ("D", nil),
        ("J", nil), ("Q", nil), ("W", nil), ("Y", nil),
    ]

    /// Separators copied as they are by every dialect's formatter.
    private static let separators: Set<Character> = ["-", "/", ".", ",", ";", ":", " "]

    /// The format `text`, or why it cannot be written exactly in SQL.
    static func parse(_ text: String) -> Result<SQLDateFormat, SQLDateFormatProblem> {
        let chars = Array(text)
        var elements: [Element] = []
        var index = 0
        while index < chars.count {
            if let (spelling, field) = match(chars, at: index) {
                guard let field else { return .failure(.element(spelling)) }
                elements.append(.field(field))
                index += spelling.count
            } else if separators.contains(chars[index]) {
                if case .literal(let previous) = elements.last {
                    elements[elements.count - 1] = .literal(previous + String(chars[index]))
                } else {
                    elements.append(.literal(String(chars[index])))
                }
                index += 1
            } else {
                return .failure(.literal(chars[index]))
            }
        }
        guard elements.contains(where: { if case .field = $0 { true } else { false } }) else {
            return .failure(.noField)
        }
        return .success(SQLDateFormat(elements: elements))
    }

    private static func match(_ chars: [Character], at index: Int) -> (String, SQLDateField?)? {
        spellings.first { spelling, _ in
            let end = index + spelling.count
            return end <= chars.count && String(chars[index..<end]).uppercased() == spelling
        }
    }

    /// The format in `dialect`'s pattern syntax, or the first field it cannot write.
    func pattern(in dialect: any SQLDialect) -> Result<String, SQLDateFormatProblem> {
        var pattern = ""
        for element in elements {
            switch element {
            case .literal(let text): pattern += text
            case .field(let field):
                guard let spelled = dialect.dateFormatElement(field) else {
                    return .failure(.element(field.rawValue))
                }
                pattern += spelled
            }
        }
        return .success(pattern)
    }
}

/// Why a date format is not lowered.
enum SQLDateFormatProblem: Error, Hashable, Sendable {
    /// A format element whose output is not the same in SQL, or that the dialect cannot write.
    case element(String)
    /// Literal text other than the separators.
    case literal(Character)
    /// No date field at all.
    case noField

    /// The reason, for a ``SQLLoweringFailure``.
    func reason(_ dialect: any SQLDialect) -> String {
        switch self {
        case .element(let token): "the date format element '\(token)' has no exact equivalent in \(dialect.name)"
        case .literal(let c): "the literal text '\(c)' in a date format is not lowered (only - / . , ; : and blanks)"
        case .noField: "a date format without a date field is not lowered"
        }
    }
}

/// The per-style spellings of the numeric date fields, for the dialect files.
public enum SQLDateFormatStyles {
    /// Oracle-style format models (Oracle, PostgreSQL, Snowflake, Teradata): PowerCenter's own tokens.
    public static func oracle(_ field: SQLDateField) -> String? { field.rawValue }

    /// `strftime` directives (DuckDB, BigQuery).
    public static func strftime(_ field: SQLDateField) -> String? {
        switch field {
        case .year4: "%Y"
        case .year2: "%y"
        case .month: "%m"
        case .dayOfMonth: "%d"
        case .dayOfYear: "%j"
        case .hour24: "%H"
        case .hour12: "%I"
        case .minute: "%M"
        case .second: "%S"
        }
    }

    /// Java `DateTimeFormatter` letters (Spark, Databricks), which are case-sensitive.
    public static func java(_ field: SQLDateField) -> String? {
        switch field {
        case .year4: "yyyy"
        case .year2: "yy"
        case .month: "MM"
        case .dayOfMonth: "dd"
        case .dayOfYear: "DDD"
        case .hour24: "HH"
        case .hour12: "hh"
        case .minute: "mm"
        case .second: "ss"
        }
    }
}

extension SQLDateFormat {
    /// The ISO timestamp `YYYY-MM-DD HH:MM:SS` that `text` denotes under this format, when the text
    /// matches it strictly (four-digit year, two-digit other fields, the same separators, a real
    /// calendar date) and the format has the year, month and day; nil otherwise. A text accepted
    /// here is accepted by the runtime's parser with the same value.
    func timestampText(parsing text: String) -> String? {
        var rest = Substring(text)
        var values: [SQLDateField: Int] = [:]
        for element in elements {
            switch element {
            case .literal(let separator):
                guard rest.hasPrefix(separator) else { return nil }
                rest = rest.dropFirst(separator.count)
            case .field(let field):
                let width = field == .year4 ? 4 : 2
                guard [.year4, .month, .dayOfMonth, .hour24, .minute, .second].contains(field),
                    values[field] == nil, rest.count >= width,
                    rest.prefix(width).allSatisfy({ $0.isASCII && $0.isNumber }),
                    let number = Int(rest.prefix(width))
                else { return nil }
                values[field] = number
                rest = rest.dropFirst(width)
            }
        }
        guard rest.isEmpty, let year = values[.year4], let month = values[.month], let day = values[.dayOfMonth],
            (1...9999).contains(year), (1...12).contains(month), (1...Self.days(in: month, of: year)).contains(day)
        else { return nil }
        let hour = values[.hour24] ?? 0
        let minute = values[.minute] ?? 0
        let second = values[.second] ?? 0
        guard hour < 24, minute < 60, second < 60 else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let paddedYear = String(repeating: "0", count: 4 - String(year).count) + String(year)
        return "\(paddedYear)-\(two(month))-\(two(day)) \(two(hour)):\(two(minute)):\(two(second))"
    }

    private static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
