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
}
