/// Databricks SQL (Spark SQL with Delta tables).
public struct DatabricksDialect: SQLDialect {
    /// Creates the dialect.
    public init() {}

    /// `databricks`.
    public var name: String { "databricks" }
    /// No multi-statement transactions (each Delta statement commits on its own).
    public var transactionKeywords: (begin: String, commit: String)? { nil }
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

    /// Spark's `ltrim` takes the trim string first (deprecated): not used.
    public var trimsCharacterSets: Bool { false }

    /// `instr(text, search)`.
    public func stringPosition(of search: SQLExpression, in text: SQLExpression) -> SQLExpression? {
        .function(name: "INSTR", arguments: [text, search])
    }
    /// Spark has no numeric truncation to decimal places.
    public func truncateNumber(_ number: SQLExpression, digits: SQLExpression) -> SQLExpression? { nil }
    /// Java `DateTimeFormatter` letters.
    public func dateFormatElement(_ field: SQLDateField) -> String? { SQLDateFormatStyles.java(field) }
    /// `date_format(date, 'pattern')`.
    public func formatDate(_ date: SQLExpression, pattern: String) -> SQLExpression? {
        .function(name: "DATE_FORMAT", arguments: [date, .literal(.string(pattern))])
    }
    /// `date_trunc` returns a session-time-zone `TIMESTAMP`, not `TIMESTAMP_NTZ`: not lowered.
    public func truncateDate(_ date: SQLExpression, to unit: SQLDateUnit) -> SQLExpression? { nil }

    /// `DATEADD(day, DATEDIFF(LAST_DAY(date), date), date)`: `last_day` gives a `DATE`.
    public func lastDayOfMonth(_ date: SQLExpression) -> SQLExpression? {
        let days = SQLExpression.function(
            name: "DATEDIFF", arguments: [.function(name: "LAST_DAY", arguments: [date]), date])
        return .function(name: "DATEADD", arguments: [.column(table: nil, name: "day"), days, date])
    }

    /// `raise_error(message)`.
    public func failure(_ message: SQLExpression) -> SQLExpression? {
        .function(name: "raise_error", arguments: [message])
    }
    /// Without ANSI mode Spark wraps an integer overflow around instead of failing.
    public var integerOverflowFails: Bool { false }
    /// Without ANSI mode Spark gives NULL for a date it cannot hold.
    public var datesOutOfRangeAreNull: Bool { true }
}
