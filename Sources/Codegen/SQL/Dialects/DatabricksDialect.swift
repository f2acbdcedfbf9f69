/// Databricks SQL (Spark SQL with Delta tables).
public struct DatabricksDialect: SQLDialect {
    /// Creates the dialect.
    public init() {}

    /// `databricks`.
    public var name: String { "databricks" }
    /// Back quotes (`"x"` is a string in Spark SQL).
    public var identifierQuotes: (open: String, close: String) { ("`", "`") }
    /// Spark string literals treat the backslash as an escape.
    public var backslashEscapesInStrings: Bool { true }

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
