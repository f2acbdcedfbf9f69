/// DuckDB (1.1 and later).
public struct DuckDBDialect: SQLDialect {
    /// Creates the dialect.
    public init() {}

    /// `duckdb`.
    public var name: String { "duckdb" }
    /// `MERGE INTO` only arrived in 1.4; upserts use `INSERT … ON CONFLICT`.
    public var supportsMerge: Bool { false }

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
}
