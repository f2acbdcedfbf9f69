/// Snowflake.
public struct SnowflakeDialect: SQLDialect {
    /// Creates the dialect.
    public init() {}

    /// `snowflake`.
    public var name: String { "snowflake" }

    /// Snowflake's type names; timestamps are `TIMESTAMP_NTZ` (civil time, as PowerCenter's).
    public func typeName(_ type: SQLType) -> String {
        switch type {
        case .varchar(let n), .nvarchar(let n): n.map { "VARCHAR(\($0))" } ?? "VARCHAR"
        case .smallint: "SMALLINT"
        case .integer: "INTEGER"
        case .bigint: "BIGINT"
        case .decimal(let p, let s): "NUMBER(\(p),\(s))"
        case .double, .real: "FLOAT"
        case .timestamp(let f): "TIMESTAMP_NTZ(\(min(f, 9)))"
        case .date: "DATE"
        case .binary(let n): n.map { "BINARY(\($0))" } ?? "BINARY"
        case .boolean: "BOOLEAN"
        }
    }

    /// `TIMESTAMP_NTZ '…'`: a plain `TIMESTAMP` follows the account's timestamp mapping.
    public func timestampLiteral(_ text: String) -> String { "TIMESTAMP_NTZ " + stringLiteral(text) }

    /// Oracle-style elements, but Snowflake has no `DDD` (day of the year).
    public func dateFormatElement(_ field: SQLDateField) -> String? {
        field == .dayOfYear ? nil : SQLDateFormatStyles.oracle(field)
    }
    /// `POSITION(search, text)`.
    public func stringPosition(of search: SQLExpression, in text: SQLExpression) -> SQLExpression? {
        .function(name: "POSITION", arguments: [search, text])
    }

    /// `DATEADD(day, DATEDIFF(day, date, LAST_DAY(date)), date)`: `LAST_DAY` drops the time.
    public func lastDayOfMonth(_ date: SQLExpression) -> SQLExpression? {
        let days = SQLExpression.function(
            name: "DATEDIFF",
            arguments: [.column(table: nil, name: "day"), date, .function(name: "LAST_DAY", arguments: [date])])
        return .function(name: "DATEADD", arguments: [.column(table: nil, name: "day"), days, date])
    }

    /// `REGEXP_LIKE(text, pattern)`: matches the whole text (POSIX classes supported).
    public func regexMatch(_ text: SQLExpression, _ pattern: String) -> SQLExpression? {
        .function(name: "REGEXP_LIKE", arguments: [text, .literal(.string(pattern))])
    }

    /// `CAST(message AS INTEGER)`: a message that is not a number fails the cast (only `TRY_CAST` gives NULL).
    public func failure(_ message: SQLExpression) -> SQLExpression? { .cast(message, .integer) }
    /// Integers are `NUMBER(38,0)`: arithmetic past 64 bits is exact, where the runtime rejects the row.
    public var integerOperandsKeepTheirWidth: Bool { false }
    public var integerOverflowFails: Bool { false }
}
