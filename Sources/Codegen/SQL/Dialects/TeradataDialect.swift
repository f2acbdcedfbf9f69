/// Teradata Vantage (16.20 and later).
public struct TeradataDialect: SQLDialect {
    /// Dates end at 0001-01-01 and 9999-12-31; moving past either fails.
    public var failsPastYear9999: Bool { true }
    public var failsBeforeYear1: Bool { true }
    /// Creates the dialect.
    public init() {}

    /// `teradata`.
    public var name: String { "teradata" }
    /// `SELECT TOP n`.
    public var limitStyle: SQLLimitStyle { .top }
    /// `NULLS FIRST|LAST` is emulated with a `CASE` key (its availability varies by release).
    public var supportsNullsOrdering: Bool { false }
    /// No boolean type: 1 and 0.
    public var hasBooleanLiterals: Bool { false }
    /// `a MOD b`; there is no `%` operator.
    public var moduloStyle: SQLModuloStyle { .modOperator }
    /// `DELETE FROM t ALL` empties a table; there is no `TRUNCATE`.
    public var supportsTruncate: Bool { false }
    /// `MERGE` must match on the primary index, which lowering does not know.
    public var mergeNeedsPrimaryIndex: Bool { true }
    /// `UPDATE t FROM … SET …` differs from both joined-update forms: not written.
    public var updateFromStyle: SQLUpdateFromStyle? { nil }
    /// `BT` and `ET` (Teradata session mode).
    public var transactionKeywords: (begin: String, commit: String)? { ("BT", "ET") }
    /// Trailing blanks are ignored in comparisons, and Teradata session mode ignores case.
    public var comparesStringsExactly: Bool { false }
    /// `CHARACTER_LENGTH`.
    public var characterLengthFunction: String? { "CHARACTER_LENGTH" }
    /// `ROUND` follows the system's ROUNDHALFWAYMAGUP setting, which may round half to even.
    public var roundsDecimalsHalfAwayFromZero: Bool { false }

    /// Teradata's type names (timestamps keep at most microseconds).
    public func typeName(_ type: SQLType) -> String {
        switch type {
        case .varchar(let n): n.map { "VARCHAR(\(min($0, 64000))) CHARACTER SET LATIN" } ?? "CLOB"
        case .nvarchar(let n): n.map { "VARCHAR(\(min($0, 32000))) CHARACTER SET UNICODE" } ?? "CLOB"
        case .smallint: "SMALLINT"
        case .integer: "INTEGER"
        case .bigint: "BIGINT"
        case .decimal(let p, let s): "DECIMAL(\(p),\(s))"
        case .double, .real: "FLOAT"
        case .timestamp(let f): "TIMESTAMP(\(min(f, 6)))"
        case .date: "DATE"
        case .binary(let n): n.map { "VARBYTE(\($0))" } ?? "BLOB"
        case .boolean: "BYTEINT"
        }
    }

    /// The column type's spelling without its `CHARACTER SET`: such a cast takes the user's
    /// default server character set. The lowering casts to text only a NULL given a port's type
    /// (NULL in any character set) and a value a profiling query shows as text. sqlglot
    /// (30.30.0) does not parse a `CHARACTER SET` inside a CAST, and every statement we emit must
    /// parse there.
    public func castTypeName(_ type: SQLType) -> String {
        switch type {
        case .varchar(let n?): "VARCHAR(\(min(n, 64000)))"
        case .nvarchar(let n?): "VARCHAR(\(min(n, 32000)))"
        default: typeName(type)
        }
    }

    /// Not lowered: a CAST to text formats the number with the default format of its type or
    /// the FORMAT its column was declared with, then trims the pad characters (Teradata's
    /// "Numeric-to-Character Conversion"), so a column declared `FORMAT '9(5)'` would give
    /// `00042`; the warehouse's column formats are not in the export, and there is no Teradata
    /// here to verify a form that overrides them. An integer's text (`||`, `TO_CHAR`, a number
    /// into a string port) stays in the runtime.
    public func wholeNumberText(_ value: SQLExpression) -> SQLExpression? { nil }

    /// `LPAD`/`RPAD` cutting rules are not verified for Teradata: not lowered.
    public var hasPadFunctions: Bool { false }

    /// `INSTR(text, search)` (14.0 and later).
    public func stringPosition(of search: SQLExpression, in text: SQLExpression) -> SQLExpression? {
        .function(name: "INSTR", arguments: [text, search])
    }
    /// `TRUNC` of a timestamp is not verified to keep its type: not lowered.
    public func truncateDate(_ date: SQLExpression, to unit: SQLDateUnit) -> SQLExpression? { nil }
    /// Interval arithmetic overflows at 9999 days and `ADD_MONTHS` is not verified: not lowered.
    public func addToDate(_ date: SQLExpression, _ unit: SQLDateUnit, _ amount: SQLExpression) -> SQLExpression? {
        nil
    }

    /// Teradata restricts `WITH` in DML.
    public var acceptsCommonTablesInInsert: Bool { false }
}
