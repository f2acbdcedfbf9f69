/// Oracle Database (12c and later: `FETCH FIRST`).
///
/// Oracle treats `''` as NULL and ignores NULL in `||`; the printer only spells the tree, so
/// lowering must account for both (reference/dialects.md §3.2).
public struct OracleDialect: SQLDialect {
    /// Creates the dialect.
    public init() {}

    /// `oracle`.
    public var name: String { "oracle" }
    /// A transaction starts implicitly; `SET TRANSACTION` opens it explicitly.
    public var transactionKeywords: (begin: String, commit: String)? { ("SET TRANSACTION READ WRITE", "COMMIT") }
    /// No joined `UPDATE`: updates by key are `MERGE`.
    public var updateFromStyle: SQLUpdateFromStyle? { nil }
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
    /// Integers are `NUMBER`: arithmetic past 64 bits is exact, where the runtime rejects the row.
    public var integerOperandsKeepTheirWidth: Bool { false }
    public var integerOverflowFails: Bool { false }
    /// `0.05E0` is a `NUMBER`.
    public var readsExponentLiteralsAsDoubles: Bool { false }
    /// Past 9999 fails (ORA-01841); before year 1 Oracle goes on into years before Christ.
    public var failsPastYear9999: Bool { true }

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

    /// `LPAD`/`RPAD` count display width (two for wide characters): not lowered.
    public var hasPadFunctions: Bool { false }

    /// `INSTR(text, search)`.
    public func stringPosition(of search: SQLExpression, in text: SQLExpression) -> SQLExpression? {
        .function(name: "INSTR", arguments: [text, search])
    }
    /// `TRUNC(date, 'DD')`; there is no format model for seconds.
    public func truncateDate(_ date: SQLExpression, to unit: SQLDateUnit) -> SQLExpression? {
        let model: [SQLDateUnit: String] = [.year: "YYYY", .month: "MM", .day: "DD", .hour: "HH24", .minute: "MI"]
        return model[unit].map { .function(name: "TRUNC", arguments: [date, .literal(.string($0))]) }
    }
    /// `date + NUMTODSINTERVAL(n, 'DAY')`; months are not lowered (`ADD_MONTHS` moves a month's
    /// last day to the target month's last day, and interval months fail on a missing day).
    public func addToDate(_ date: SQLExpression, _ unit: SQLDateUnit, _ amount: SQLExpression) -> SQLExpression? {
        guard unit != .year, unit != .month else { return nil }
        let part = SQLExpression.literal(.string(unit.rawValue.uppercased()))
        return .binary(.add, date, .function(name: "NUMTODSINTERVAL", arguments: [amount, part]))
    }

    /// `REGEXP_LIKE(text, pattern)` (POSIX classes supported).
    public func regexMatch(_ text: SQLExpression, _ pattern: String) -> SQLExpression? {
        .function(name: "REGEXP_LIKE", arguments: [text, .literal(.string(pattern))])
    }

    /// Oracle's derived tables take no column list; its common tables do.
    public var derivedColumnNaming: SQLDerivedColumnNaming { .commonTable }
}
