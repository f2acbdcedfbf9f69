/// SQLite (3.30 and later: `NULLS FIRST|LAST`, window functions).
///
/// SQLite has type affinities, not types: decimals are declared `TEXT` so no digit is lost to a
/// binary double (a `DECIMAL` column has NUMERIC affinity and stores a REAL), and timestamps are
/// ISO-8601 text, which is how the runtime's SQLite connector stores them.
public struct SQLiteDialect: SQLDialect {
    /// Creates the dialect.
    public init() {}

    /// `sqlite`.
    public var name: String { "sqlite" }
    /// No `MERGE`; upserts use `INSERT … ON CONFLICT`.
    public var supportsMerge: Bool { false }
    /// `INSERT … ON CONFLICT (keys) DO UPDATE` (3.24+).
    public var supportsOnConflict: Bool { true }
    /// No `TRUNCATE`; `DELETE FROM` empties a table.
    public var supportsTruncate: Bool { false }
    /// Booleans are the integers 1 and 0.
    public var hasBooleanLiterals: Bool { false }
    /// Decimals are stored as text and computed as binary doubles.
    public var hasExactDecimals: Bool { false }
    /// `ltrim(x, ' ')`: blanks only.
    public var trimNeedsBlankArgument: Bool { true }

    /// SQLite's declared types (affinities).
    public func typeName(_ type: SQLType) -> String {
        switch type {
        case .varchar, .nvarchar, .decimal, .timestamp, .date: "TEXT"
        case .smallint, .integer, .bigint, .boolean: "INTEGER"
        case .double, .real: "REAL"
        case .binary: "BLOB"
        }
    }

    /// SQLite has no date literal; dates are ISO text.
    public func dateLiteral(_ text: String) -> String { stringLiteral(text) }
    /// SQLite has no timestamp literal; timestamps are ISO text.
    public func timestampLiteral(_ text: String) -> String { stringLiteral(text) }

    /// No `LPAD`/`RPAD`.
    public var hasPadFunctions: Bool { false }

    /// `instr(text, search)`.
    public func stringPosition(of search: SQLExpression, in text: SQLExpression) -> SQLExpression? {
        .function(name: "INSTR", arguments: [text, search])
    }
    /// No truncation to decimal places (and decimals are not exact anyway).
    public func truncateNumber(_ number: SQLExpression, digits: SQLExpression) -> SQLExpression? { nil }
    /// The `strftime` directives every SQLite release has (no `%y`, no `%I` before 3.44).
    public func dateFormatElement(_ field: SQLDateField) -> String? {
        field == .year2 || field == .hour12 ? nil : SQLDateFormatStyles.strftime(field)
    }
    /// `strftime('pattern', …)` of the whole seconds of the ISO text (SQLite would round a
    /// fraction to milliseconds, which can carry into the next second).
    public func formatDate(_ date: SQLExpression, pattern: String) -> SQLExpression? {
        .function(name: "strftime", arguments: [.literal(.string(pattern)), Self.wholeSeconds(date)])
    }
    /// The ISO text of the start of the unit, as the runtime's SQLite connector writes dates.
    public func truncateDate(_ date: SQLExpression, to unit: SQLDateUnit) -> SQLExpression? {
        let patterns: [SQLDateUnit: String] = [
            .year: "%Y-01-01 00:00:00", .month: "%Y-%m-01 00:00:00", .day: "%Y-%m-%d 00:00:00",
            .hour: "%Y-%m-%d %H:00:00", .minute: "%Y-%m-%d %H:%M:00", .second: "%Y-%m-%d %H:%M:%S",
        ]
        return patterns[unit].flatMap { formatDate(date, pattern: $0) }
    }
    /// `strftime(…, 'n days')` on the whole seconds, with the fraction put back; months are not
    /// lowered (SQLite carries Jan 31 + 1 month into March instead of clamping).
    public func addToDate(_ date: SQLExpression, _ unit: SQLDateUnit, _ amount: SQLExpression) -> SQLExpression? {
        guard unit != .year, unit != .month else { return nil }
        let modifier = SQLExpression.binary(
            .concat, .cast(amount, .varchar(nil)), .literal(.string(" \(unit.rawValue)s")))
        let moved = SQLExpression.function(
            name: "strftime",
            arguments: [.literal(.string("%Y-%m-%d %H:%M:%S")), Self.wholeSeconds(date), modifier])
        return .binary(.concat, moved, .function(name: "SUBSTR", arguments: [date, .literal(.integer(20))]))
    }

    /// `YYYY-MM-DD HH:MM:SS` without the fraction.
    private static func wholeSeconds(_ date: SQLExpression) -> SQLExpression {
        .function(name: "SUBSTR", arguments: [date, .literal(.integer(1)), .literal(.integer(19))])
    }

    /// `DATE(…, 'start of month', '+1 month', '-1 day')` followed by the original time of day.
    public func lastDayOfMonth(_ date: SQLExpression) -> SQLExpression? {
        let modifiers = ["start of month", "+1 month", "-1 day"].map { SQLExpression.literal(.string($0)) }
        let day = SQLExpression.function(name: "DATE", arguments: [Self.wholeSeconds(date)] + modifiers)
        return .binary(.concat, day, .function(name: "SUBSTR", arguments: [date, .literal(.integer(11))]))
    }

    /// SQLite's `upper`/`lower` change `a`–`z` only (without the ICU extension).
    public var casesAllLetters: Bool { false }

    /// `json(message)`: a message that is not JSON fails with "malformed JSON" (SQLite has no `RAISE` outside triggers).
    public func failure(_ message: SQLExpression) -> SQLExpression? { .function(name: "json", arguments: [message]) }
    /// Integers are 64 bits; past them arithmetic gives a float.
    public var integerOperandsKeepTheirWidth: Bool { false }
    public var integerOverflowFails: Bool { false }
    /// Date functions give NULL outside 0000–9999.
    public var datesOutOfRangeAreNull: Bool { true }

    /// SQLite's derived tables take no column list; its common tables do.
    public var derivedColumnNaming: SQLDerivedColumnNaming { .commonTable }

    /// SQLite's BINARY collation compares UTF-8 bytes, which is code point order.
    public func codePointOrdering(_ value: SQLExpression) -> SQLExpression? { value }
}
