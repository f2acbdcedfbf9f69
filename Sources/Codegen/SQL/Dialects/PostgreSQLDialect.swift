/// PostgreSQL (12 and later).
public struct PostgreSQLDialect: SQLDialect {
    /// Whether `upper` and `lower` change every letter: true in a database whose character type is a
    /// real locale (`C.UTF-8`, `en_US.UTF-8`); false in the `C` locale, which changes `a`–`z` only.
    public var casesAllLetters: Bool

    /// Creates the dialect; `casesAllLetters` false for a database in the `C` locale.
    public init(casesAllLetters: Bool = true) {
        self.casesAllLetters = casesAllLetters
    }

    /// `postgres`.
    public var name: String { "postgres" }
    /// `INSERT … ON CONFLICT (keys) DO UPDATE` (9.5+), preferred to `MERGE` (15+ only).
    public var supportsOnConflict: Bool { true }
    /// `ltrim(x, ' ')`: blanks only, whatever the one-argument form's default.
    public var trimNeedsBlankArgument: Bool { true }

    /// PostgreSQL's type names; timestamps keep at most microseconds.
    public func typeName(_ type: SQLType) -> String {
        switch type {
        case .varchar(let n), .nvarchar(let n): n.map { "varchar(\($0))" } ?? "text"
        case .smallint: "smallint"
        case .integer: "integer"
        case .bigint: "bigint"
        case .decimal(let p, let s): "numeric(\(p),\(s))"
        case .double: "double precision"
        case .real: "real"
        case .timestamp(let f): "timestamp(\(min(f, 6)))"
        case .date: "date"
        case .binary: "bytea"
        case .boolean: "boolean"
        }
    }

    /// `date + make_interval(years, months, weeks, days, hours, mins, secs)` by position; month
    /// arithmetic clamps to the month's last day.
    public func addToDate(_ date: SQLExpression, _ unit: SQLDateUnit, _ amount: SQLExpression) -> SQLExpression? {
        let position: Int
        switch unit {
        case .year: return nil
        case .month: position = 1
        case .day: position = 3
        case .hour: position = 4
        case .minute: position = 5
        case .second: position = 6
        }
        let zeros = [SQLExpression](repeating: .literal(.integer(0)), count: position)
        return .binary(.add, date, .function(name: "make_interval", arguments: zeros + [amount]))
    }

    /// The time of day plus the month's start plus one month less a day.
    public func lastDayOfMonth(_ date: SQLExpression) -> SQLExpression? {
        func truncated(_ unit: String) -> SQLExpression {
            .function(name: "DATE_TRUNC", arguments: [.literal(.string(unit)), date])
        }
        let monthLessADay = SQLExpression.function(
            name: "make_interval",
            arguments: [.literal(.integer(0)), .literal(.integer(1)), .literal(.integer(0)), .literal(.integer(-1))])
        // Left-nested on purpose: the printer drops parentheses around a right operand of `+`.
        let timeOfDay = SQLExpression.binary(.subtract, date, truncated("day"))
        return .binary(.add, .binary(.add, timeOfDay, truncated("month")), monthLessADay)
    }

    /// `regexp_like(text, pattern)` (PostgreSQL 15; POSIX regular expressions).
    public func regexMatch(_ text: SQLExpression, _ pattern: String) -> SQLExpression? {
        .function(name: "regexp_like", arguments: [text, .literal(.string(pattern))])
    }

    /// CAST(message AS INTEGER): a message that is not a number fails the cast.
    public func failure(_ message: SQLExpression) -> SQLExpression? { .cast(message, .integer) }
    /// `0.05E0` is a `numeric`.
    public var readsExponentLiteralsAsDoubles: Bool { false }

    /// The `"C"` collation compares bytes, which in UTF-8 is code point order.
    public func codePointOrdering(_ value: SQLExpression) -> SQLExpression? { .collate(value, collation: "\"C\"") }
}
