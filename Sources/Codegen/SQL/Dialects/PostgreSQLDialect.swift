/// PostgreSQL (12 and later).
public struct PostgreSQLDialect: SQLDialect {
    /// Creates the dialect.
    public init() {}

    /// `postgres`.
    public var name: String { "postgres" }
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
}
