/// DuckDB (1.1 and later).
public struct DuckDBDialect: SQLDialect {
    /// Creates the dialect.
    public init() {}

    /// `duckdb`.
    public var name: String { "duckdb" }
    /// `MERGE INTO` only arrived in 1.4; upserts use `INSERT … ON CONFLICT`.
    public var supportsMerge: Bool { false }
    /// `INSERT … ON CONFLICT (keys) DO UPDATE`.
    public var supportsOnConflict: Bool { true }

    /// DuckDB's type names; nanosecond timestamps are `TIMESTAMP_NS`.
    public func typeName(_ type: SQLType) -> String {
        switch type {
        case .varchar, .nvarchar: "VARCHAR"
        case .smallint: "SMALLINT"
        case .integer: "INTEGER"
        case .bigint: "BIGINT"
        case .decimal(let p, let s): "DECIMAL(\(p),\(s))"
        case .double: "DOUBLE"
        case .real: "REAL"
        case .timestamp(let f): f > 6 ? "TIMESTAMP_NS" : "TIMESTAMP"
        case .date: "DATE"
        case .binary: "BLOB"
        case .boolean: "BOOLEAN"
        }
    }

    /// `trunc` takes no decimal places before DuckDB 1.2: not lowered.
    public func truncateNumber(_ number: SQLExpression, digits: SQLExpression) -> SQLExpression? { nil }
    /// `strftime`-style elements.
    public func dateFormatElement(_ field: SQLDateField) -> String? { SQLDateFormatStyles.strftime(field) }
    /// `strftime(date, 'pattern')`.
    public func formatDate(_ date: SQLExpression, pattern: String) -> SQLExpression? {
        .function(name: "STRFTIME", arguments: [date, .literal(.string(pattern))])
    }
    /// `date + to_days(n)` (months clamp to the month's last day).
    public func addToDate(_ date: SQLExpression, _ unit: SQLDateUnit, _ amount: SQLExpression) -> SQLExpression? {
        guard unit != .year else { return nil }
        return .binary(.add, date, .function(name: "TO_" + unit.rawValue.uppercased() + "S", arguments: [amount]))
    }

    /// `date + TO_DAYS(DATE_DIFF('day', date, LAST_DAY(date)))`: `last_day` gives a `DATE`.
    public func lastDayOfMonth(_ date: SQLExpression) -> SQLExpression? {
        let days = SQLExpression.function(
            name: "DATE_DIFF",
            arguments: [.literal(.string("day")), date, .function(name: "LAST_DAY", arguments: [date])])
        return .binary(.add, date, .function(name: "TO_DAYS", arguments: [days]))
    }

    /// `regexp_full_match(text, pattern)` (RE2, POSIX classes supported).
    public func regexMatch(_ text: SQLExpression, _ pattern: String) -> SQLExpression? {
        .function(name: "regexp_full_match", arguments: [text, .literal(.string(pattern))])
    }

    /// `error(message)`.
    public func failure(_ message: SQLExpression) -> SQLExpression? { .function(name: "error", arguments: [message]) }

    /// DuckDB's default collation compares UTF-8 bytes, which is code point order.
    public func codePointOrdering(_ value: SQLExpression) -> SQLExpression? { value }
    /// `CAST(value AS TIMESTAMP)`: a `TIMESTAMP_NS` compared with a `TIMESTAMP` literal converts the
    /// literal, which fails for one past 2262.
    public func comparableWithTimestampLiterals(_ value: SQLExpression) -> SQLExpression {
        .cast(value, .timestamp(fraction: 6))
    }
}
