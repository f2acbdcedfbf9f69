/// Google BigQuery (GoogleSQL).
public struct BigQueryDialect: SQLDialect {
    /// Creates the dialect.
    public init() {}

    /// `bigquery`.
    public var name: String { "bigquery" }
    /// `MOD(a, b)`; there is no `%` operator.
    public var moduloStyle: SQLModuloStyle { .modFunction }
    /// Back quotes.
    public var identifierQuotes: (open: String, close: String) { ("`", "`") }
    /// GoogleSQL string literals treat the backslash as an escape.
    public var backslashEscapesInStrings: Bool { true }
    /// The one-argument `LTRIM(x)` removes all white space.
    public var trimNeedsBlankArgument: Bool { true }

    /// GoogleSQL types: one integer type; `DATETIME` is civil time (microseconds).
    public func typeName(_ type: SQLType) -> String {
        switch type {
        case .varchar(let n), .nvarchar(let n): n.map { "STRING(\($0))" } ?? "STRING"
        case .smallint, .integer, .bigint: "INT64"
        case .decimal(let p, let s): p - s <= 29 && s <= 9 ? "NUMERIC(\(p),\(s))" : "BIGNUMERIC(\(p),\(s))"
        case .double, .real: "FLOAT64"
        case .timestamp: "DATETIME"
        case .date: "DATE"
        case .binary(let n): n.map { "BYTES(\($0))" } ?? "BYTES"
        case .boolean: "BOOL"
        }
    }

    /// `DATETIME '…'` (a `TIMESTAMP` is an instant in UTC, not civil time).
    public func timestampLiteral(_ text: String) -> String { "DATETIME " + stringLiteral(text) }

    /// `strftime`-style elements.
    public func dateFormatElement(_ field: SQLDateField) -> String? { SQLDateFormatStyles.strftime(field) }
    /// `FORMAT_DATETIME('pattern', date)`.
    public func formatDate(_ date: SQLExpression, pattern: String) -> SQLExpression? {
        .function(name: "FORMAT_DATETIME", arguments: [.literal(.string(pattern)), date])
    }
    /// `DATETIME_TRUNC(date, YEAR)` needs a reserved keyword the tree cannot write: not lowered.
    public func truncateDate(_ date: SQLExpression, to unit: SQLDateUnit) -> SQLExpression? { nil }
    /// `DATETIME_ADD(date, INTERVAL n DAY)` needs an interval the tree cannot write: not lowered.
    public func addToDate(_ date: SQLExpression, _ unit: SQLDateUnit, _ amount: SQLExpression) -> SQLExpression? {
        nil
    }

    /// `REGEXP_CONTAINS(text, pattern)` (RE2, POSIX classes supported; the pattern is anchored).
    public func regexMatch(_ text: SQLExpression, _ pattern: String) -> SQLExpression? {
        .function(name: "REGEXP_CONTAINS", arguments: [text, .literal(.string(pattern))])
    }

    /// `ERROR(message)`.
    public func failure(_ message: SQLExpression) -> SQLExpression? { .function(name: "ERROR", arguments: [message]) }
    /// Every integer is `INT64`, and its overflow is an error.
    public var integerOperandsKeepTheirWidth: Bool { false }
    /// Dates end at 0001-01-01 and 9999-12-31; moving past either fails.
    public var failsPastYear9999: Bool { true }
    public var failsBeforeYear1: Bool { true }

    /// GoogleSQL renames no derived table's columns by position.
    public var derivedColumnNaming: SQLDerivedColumnNaming { .unsupported }
}
