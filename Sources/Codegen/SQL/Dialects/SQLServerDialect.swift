/// Microsoft SQL Server (2012 and later).
public struct SQLServerDialect: SQLDialect {
    /// Dates end at 0001-01-01 and 9999-12-31; moving past either fails.
    public var failsPastYear9999: Bool { true }
    public var failsBeforeYear1: Bool { true }
    /// Creates the dialect.
    public init() {}

    /// `sqlserver`.
    public var name: String { "sqlserver" }
    /// Brackets.
    public var identifierQuotes: (open: String, close: String) { ("[", "]") }
    /// `N'…'`: Unicode text survives whatever the database collation's code page is.
    public var stringLiteralPrefix: String { "N" }
    /// `SELECT TOP n`.
    public var limitStyle: SQLLimitStyle { .top }
    /// No `NULLS FIRST|LAST`: emulated with a `CASE` key.
    public var supportsNullsOrdering: Bool { false }
    /// `BIT` values 1 and 0.
    public var hasBooleanLiterals: Bool { false }
    /// `a + b` concatenates strings.
    public var concatStyle: SQLConcatStyle { .plus }
    /// Trailing blanks are ignored in comparisons, and the default collation ignores case.
    public var comparesStringsExactly: Bool { false }
    /// `LEN` ignores trailing blanks; there is no exact character count.
    public var characterLengthFunction: String? { nil }
    /// `SUBSTRING(text, start, length)`.
    public var substringFunction: String { "SUBSTRING" }

    /// `CAST(N'…' AS DATE)`.
    public func dateLiteral(_ text: String) -> String { "CAST(\(stringLiteral(text)) AS DATE)" }
    /// `CAST(N'…' AS DATETIME2(7))`.
    public func timestampLiteral(_ text: String) -> String { "CAST(\(stringLiteral(text)) AS DATETIME2(7))" }

    /// SQL Server's type names (`DATETIME2` keeps 100 ns).
    public func typeName(_ type: SQLType) -> String {
        switch type {
        case .varchar(let n): n.map { $0 <= 8000 ? "VARCHAR(\($0))" : "VARCHAR(MAX)" } ?? "VARCHAR(MAX)"
        case .nvarchar(let n): n.map { $0 <= 4000 ? "NVARCHAR(\($0))" : "NVARCHAR(MAX)" } ?? "NVARCHAR(MAX)"
        case .smallint: "SMALLINT"
        case .integer: "INT"
        case .bigint: "BIGINT"
        case .decimal(let p, let s): "DECIMAL(\(p),\(s))"
        case .double: "FLOAT"
        case .real: "REAL"
        case .timestamp(let f): "DATETIME2(\(min(f, 7)))"
        case .date: "DATE"
        case .binary(let n): n.map { $0 <= 8000 ? "VARBINARY(\($0))" : "VARBINARY(MAX)" } ?? "VARBINARY(MAX)"
        case .boolean: "BIT"
        }
    }

    /// No `LPAD`/`RPAD`.
    public var hasPadFunctions: Bool { false }
    /// `LTRIM(text, set)` only from SQL Server 2022.
    public var trimsCharacterSets: Bool { false }

    /// `CHARINDEX(search, text)` (collation-dependent; lowering refuses inexact comparisons first).
    public func stringPosition(of search: SQLExpression, in text: SQLExpression) -> SQLExpression? {
        .function(name: "CHARINDEX", arguments: [search, text])
    }
    /// `ROUND(number, digits, 1)` truncates.
    public func truncateNumber(_ number: SQLExpression, digits: SQLExpression) -> SQLExpression? {
        .function(name: "ROUND", arguments: [number, digits, .literal(.integer(1))])
    }
    /// `FORMAT` patterns are .NET ones whose `:` and `/` follow the culture: not lowered.
    public func dateFormatElement(_ field: SQLDateField) -> String? { nil }
    /// No pattern formatter that is exact.
    public func formatDate(_ date: SQLExpression, pattern: String) -> SQLExpression? { nil }
    /// `DATETRUNC` only from SQL Server 2022.
    public func truncateDate(_ date: SQLExpression, to unit: SQLDateUnit) -> SQLExpression? { nil }

    /// `DATEADD(day, DATEDIFF(day, date, EOMONTH(date)), date)`: `EOMONTH` drops the time.
    public func lastDayOfMonth(_ date: SQLExpression) -> SQLExpression? {
        let days = SQLExpression.function(
            name: "DATEDIFF",
            arguments: [.column(table: nil, name: "day"), date, .function(name: "EOMONTH", arguments: [date])])
        return .function(name: "DATEADD", arguments: [.column(table: nil, name: "day"), days, date])
    }

    /// SQL Server wants `WITH` before `INSERT`.
    public var acceptsCommonTablesInInsert: Bool { false }
}
