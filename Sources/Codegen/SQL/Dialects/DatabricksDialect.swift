/// Databricks SQL (Spark SQL with Delta tables).
public struct DatabricksDialect: SQLDialect {
    /// Creates the dialect.
    public init() {}

    /// `databricks`.
    public var name: String { "databricks" }

    /// Back-quoted when not plain (`"x"` is a string in Spark SQL).
    public func identifier(_ name: String) -> String {
        SQLIdentifiers.isPlain(name) ? name : SQLIdentifiers.quoted(name, open: "`", close: "`")
    }

    /// Spark string literals treat the backslash as an escape: both it and the quote are escaped.
    public func stringLiteral(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    /// Spark's type names; `TIMESTAMP_NTZ` keeps civil time (microseconds).
    public func typeName(_ type: SQLType) -> String {
        switch type {
        case .varchar, .nvarchar: "STRING"
        case .smallint: "SMALLINT"
        case .integer: "INT"
        case .bigint: "BIGINT"
        case .decimal(let p, let s): "DECIMAL(\(p),\(s))"
        case .double: "DOUBLE"
        case .real: "FLOAT"
        case .timestamp: "TIMESTAMP_NTZ"
        case .date: "DATE"
        case .binary: "BINARY"
        case .boolean: "BOOLEAN"
        }
    }

    /// `TIMESTAMP_NTZ '…'`.
    public func timestampLiteral(_ text: String) -> String { "TIMESTAMP_NTZ " + stringLiteral(text) }
}
