/// SAP (Sybase) Adaptive Server Enterprise 15.7 and later.
///
/// ASE has no `WITH` and (in practice) no window functions: lowering must use derived tables and
/// keep nodes that need windows in the runtime. Quoted identifiers need
/// `set quoted_identifier on`, which generated scripts set.
public struct SybaseASEDialect: SQLDialect {
    /// Dates end at 0001-01-01 and 9999-12-31; moving past either fails.
    public var failsPastYear9999: Bool { true }
    public var failsBeforeYear1: Bool { true }
    /// Creates the dialect.
    public init() {}

    /// `sybase`.
    public var name: String { "sybase" }
    /// `SELECT TOP n`.
    public var limitStyle: SQLLimitStyle { .top }
    /// `MERGE` (15.7+) is not relied on: upserts are `UPDATE … FROM` then `INSERT … WHERE NOT EXISTS`.
    public var supportsMerge: Bool { false }
    /// `UPDATE t SET … FROM t, (…) s WHERE …`.
    public var updateFromStyle: SQLUpdateFromStyle? { .joinedFrom }
    /// No `NULLS FIRST|LAST`: emulated with a `CASE` key.
    public var supportsNullsOrdering: Bool { false }
    /// No common table expressions.
    public var supportsCommonTables: Bool { false }
    /// No window functions.
    public var supportsWindowFunctions: Bool { false }
    /// `BIT` values 1 and 0.
    public var hasBooleanLiterals: Bool { false }
    /// `a + b` concatenates strings.
    public var concatStyle: SQLConcatStyle { .plus }
    /// `''` is stored and returned as a single blank.
    public var keepsEmptyStrings: Bool { false }
    /// Trailing blanks are ignored in comparisons.
    public var comparesStringsExactly: Bool { false }
    /// `CHAR_LENGTH`.
    public var characterLengthFunction: String? { "CHAR_LENGTH" }
    /// `SUBSTRING(text, start, length)`.
    public var substringFunction: String { "SUBSTRING" }

    /// `convert(date, '…')` with an ISO string.
    public func dateLiteral(_ text: String) -> String { "CONVERT(DATE, \(stringLiteral(text)))" }
    /// `convert(bigdatetime, '…')`: microseconds (`datetime` keeps only 1/300 s).
    public func timestampLiteral(_ text: String) -> String { "CONVERT(BIGDATETIME, \(stringLiteral(text)))" }

    /// ASE's type names; a nullable boolean is `TINYINT` (`BIT` cannot hold NULL).
    public func typeName(_ type: SQLType) -> String {
        switch type {
        case .varchar(let n): n.map { "VARCHAR(\($0))" } ?? "TEXT"
        case .nvarchar(let n): n.map { "UNIVARCHAR(\($0))" } ?? "UNITEXT"
        case .smallint: "SMALLINT"
        case .integer: "INT"
        case .bigint: "BIGINT"
        case .decimal(let p, let s): "NUMERIC(\(p),\(s))"
        case .double: "FLOAT"
        case .real: "REAL"
        case .timestamp: "BIGDATETIME"
        case .date: "DATE"
        case .binary(let n): n.map { "VARBINARY(\($0))" } ?? "IMAGE"
        case .boolean: "TINYINT"
        }
    }

    /// No `LPAD`/`RPAD`.
    public var hasPadFunctions: Bool { false }
    /// `LTRIM` takes no character set.
    public var trimsCharacterSets: Bool { false }

    /// `CHARINDEX(search, text)` (sort-order dependent; lowering refuses inexact comparisons first).
    public func stringPosition(of search: SQLExpression, in text: SQLExpression) -> SQLExpression? {
        .function(name: "CHARINDEX", arguments: [search, text])
    }
    /// No truncation to decimal places.
    public func truncateNumber(_ number: SQLExpression, digits: SQLExpression) -> SQLExpression? { nil }
    /// Only numeric `CONVERT` styles: not lowered.
    public func dateFormatElement(_ field: SQLDateField) -> String? { nil }
    /// No pattern formatter.
    public func formatDate(_ date: SQLExpression, pattern: String) -> SQLExpression? { nil }
    /// No date truncation function.
    public func truncateDate(_ date: SQLExpression, to unit: SQLDateUnit) -> SQLExpression? { nil }
    /// `DATEADD` month clamping on `BIGDATETIME` is not verified: not lowered.
    public func addToDate(_ date: SQLExpression, _ unit: SQLDateUnit, _ amount: SQLExpression) -> SQLExpression? {
        nil
    }

    /// Sybase ASE has no `WITH`.
    public var acceptsCommonTablesInInsert: Bool { false }

    /// Sybase ASE has only left and right outer joins.
    public var supportsFullOuterJoin: Bool { false }
}
