/// Reads a string against a ``DatePattern`` for TO_DATE / IS_DATE (reference §4.3 [S27]).
///
/// Rules implemented (choices where the reference is silent are marked CHOICE):
/// - every field of the pattern must be present and the whole text consumed (case 31);
/// - numbers: 1 up to the field's width of ASCII digits, greedy (`DD` takes 1–2 digits [S27];
///   CHOICE: the same for every numeric field, so `M/D/YYYY` text like `1/5/2020` reads with
///   `MM/DD/YYYY`, and `YYYY` accepts `99` as year 0099); no sign, no blanks;
/// - `HH`/`HH12` take 1–12 when the format has `AM`/`PM` (12 AM is 00); CHOICE: without a meridian
///   they take 0–23 as the hour itself (lenient: `HH` with a 24-hour value reads as that hour);
/// - `MS`/`US`/`NS` digits are a decimal fraction of the second (CHOICE: `.5` with `MS` is 500 ms);
/// - `MON`, `MONTH`, `DY`, `DAY`, `AM`/`PM` case-insensitive; `DY`/`DAY`/`D`/`W`/`WW`/`Q` are read
///   and checked for range but not against the date (CHOICE);
/// - literals (punctuation, blanks, quoted text) must be the same characters (the stated default;
///   ``DateFormat/ParseOptions/separatorsMustMatch`` false lets punctuation match punctuation).
struct DateTextParser {
    let text: [Character]
    let pattern: DatePattern
    let options: DateFormat.ParseOptions
    var position = 0
    var fields = ParsedDateFields()

    init(text: String, pattern: DatePattern, options: DateFormat.ParseOptions) {
        self.text = Array(text)
        self.pattern = pattern
        self.options = options
    }

    mutating func run() throws(RowError) -> ParsedDateFields {
        for element in pattern.elements {
            switch element {
            case .literal(let literal): try readLiteral(literal)
            case .field(let field, _): try read(field)
            }
        }
        if position < text.count { throw mismatch("text continues after the format ends") }
        return fields
    }

    private mutating func read(_ field: DatePattern.Field) throws(RowError) {
        switch field {
        case .meridian, .meridianDotted: fields.isAfternoon = try readMeridian()
        case .dayName: _ = try readName(DateFormat.dayNames, field)
        case .dayAbbreviation: _ = try readName(DateFormat.dayNames.map { String($0.prefix(3)) }, field)
        case .monthName: fields.month = try readName(DateFormat.monthNames, field) + 1
        case .monthAbbreviation:
            fields.month = try readName(DateFormat.monthNames.map { String($0.prefix(3)) }, field) + 1
        case .millisecond: fields.fraction = try readFraction(3, field)
        case .microsecond: fields.fraction = try readFraction(6, field)
        case .nanosecond: fields.fraction = try readFraction(9, field)
        default: try readNumber(field)
        }
    }

    private mutating func readNumber(_ field: DatePattern.Field) throws(RowError) {
        guard let (width, range) = Self.numberRules[field] else { return }
        let digits = readDigits(max: width)
        guard let number = Int(digits) else { throw mismatch("'\(field.rawValue)' expects digits") }
        guard range.contains(number) else {
            throw DateErrors.error(
                DateErrors.fieldOutOfRange,
                "'\(field.rawValue)' value \(number) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        fields.store(number, digitCount: digits.count, for: field)
    }

    /// Each numeric field's maximum digit count and allowed values.
    static let numberRules: [DatePattern.Field: (Int, ClosedRange<Int>)] = [
        .weekday: (1, 1...7), .dayOfMonth: (2, 1...31), .dayOfYear: (3, 1...366), .hour12: (2, 0...23),
        .hour24: (2, 0...23), .julianDay: (7, 1...9_999_999), .minute: (2, 0...59), .month: (2, 1...12),
        .quarter: (1, 1...4), .roundedYear: (2, 0...99), .second: (2, 0...59), .secondsOfDay: (5, 0...86_399),
        .weekOfMonth: (1, 1...5), .weekOfYear: (2, 1...53), .year1: (1, 0...9), .year2: (2, 0...99),
        .year3: (3, 0...999), .year4: (4, 1...9999),
    ]

    private mutating func readDigits(max width: Int) -> String {
        var digits = ""
        while digits.count < width, position < text.count, let ascii = text[position].asciiValue,
            (48...57).contains(ascii)
        {
            digits.append(text[position])
            position += 1
        }
        return digits
    }

    private mutating func readFraction(_ width: Int, _ field: DatePattern.Field) throws(RowError) -> Int {
        let digits = readDigits(max: width)
        guard !digits.isEmpty, let number = Int(digits + String(repeating: "0", count: 9 - digits.count)) else {
            throw mismatch("'\(field.rawValue)' expects digits")
        }
        return number
    }

    private mutating func readName(_ names: [String], _ field: DatePattern.Field) throws(RowError) -> Int {
        // Longest first, so that a full name is not cut short by a shorter one it starts with.
        let order = names.indices.sorted { names[$0].count > names[$1].count }
        for index in order where matches(names[index]) {
            position += names[index].count
            return index
        }
        throw mismatch("'\(field.rawValue)' expects a name")
    }

    private mutating func readMeridian() throws(RowError) -> Bool {
        for (spelling, afternoon) in [("A.M.", false), ("P.M.", true), ("AM", false), ("PM", true)]
        where matches(spelling) {
            position += spelling.count
            return afternoon
        }
        throw mismatch("'AM'/'PM' expected")
    }

    private func matches(_ upperCaseWord: String) -> Bool {
        let end = position + upperCaseWord.count
        return end <= text.count && String(text[position..<end]).uppercased() == upperCaseWord
    }

    private mutating func readLiteral(_ literal: String) throws(RowError) {
        for expected in literal {
            guard position < text.count else { throw mismatch("the text ends before '\(literal)'") }
            let actual = text[position]
            let lenientMatch = !options.separatorsMustMatch && Self.isSeparator(expected) && Self.isSeparator(actual)
            guard actual == expected || lenientMatch else { throw mismatch("'\(literal)' expected") }
            position += 1
        }
    }

    private static func isSeparator(_ character: Character) -> Bool {
        !character.isLetter && !character.isNumber && !character.isWhitespace
    }

    private func mismatch(_ detail: String) -> RowError {
        DateErrors.error(
            DateErrors.textDoesNotMatchFormat,
            "'\(String(text))' does not match date format '\(pattern.text)' at position \(position + 1): \(detail)")
    }
}
