/// Oracle Database (12c and later: `FETCH FIRST`).
///
/// Oracle treats `''` as NULL and ignores NULL in `||`; the printer only spells the tree, so
/// lowering must account for both (reference/dialects.md §3.2).
public struct OracleDialect: SQLDialect {
    /// Creates the dialect.
    public init() {}

    /// `oracle`.
    public var name: String { "oracle" }
    /// `FETCH FIRST n ROWS ONLY` (`ROWNUM` would apply before `ORDER BY`).
    public var limitStyle: SQLLimitStyle { .fetchFirst }
    /// No boolean values in SQL before 23ai: 1 and 0.
    public var hasBooleanLiterals: Bool { false }
    /// `FROM t a`: Oracle rejects `AS` before a table alias.
    public var tableAliasKeyword: Bool { false }
    /// `MOD(a, b)`; there is no `%` operator.
    public var moduloStyle: SQLModuloStyle { .modFunction }
    /// `''` is NULL in Oracle.
    public var keepsEmptyStrings: Bool { false }

    /// Oracle's type names (`VARCHAR2` at most 4000 bytes, larger text as `CLOB`).
    public func typeName(_ type: SQLType) -> String {
        switch type {
        case .varchar(let n): n.map { $0 <= 4000 ? "VARCHAR2(\($0) CHAR)" : "CLOB" } ?? "CLOB"
        case .nvarchar(let n): n.map { $0 <= 2000 ? "NVARCHAR2(\($0))" : "NCLOB" } ?? "NCLOB"
        case .smallint: "NUMBER(5)"
        case .integer: "NUMBER(10)"
        case .bigint: "NUMBER(19)"
        case .decimal(let p, let s): "NUMBER(\(p),\(s))"
        case .double: "BINARY_DOUBLE"
        case .real: "BINARY_FLOAT"
        case .timestamp(let f): "TIMESTAMP(\(min(f, 9)))"
        case .date: "DATE"
        case .binary(let n): n.map { $0 <= 2000 ? "RAW(\($0))" : "BLOB" } ?? "BLOB"
        case .boolean: "NUMBER(1)"
        }
    }
}
