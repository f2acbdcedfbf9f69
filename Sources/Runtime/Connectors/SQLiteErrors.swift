/// A failure reported by SQLite or by the connector around it: an IO/internal fault of a run, so it
/// is thrown, never turned into a row error.
public struct SQLiteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The connector's stable code (`RT0040`...`RT0049`, see ``SQLiteErrors``).
    public var code: String
    /// SQLite's extended result code (`SQLITE_CONSTRAINT_PRIMARYKEY` = 1555, ...), or 0 when the
    /// connector itself found the fault.
    public var resultCode: Int32
    /// SQLite's message (or the connector's), lower-case as SQLite writes it.
    public var message: String
    /// The SQL text being run, or the database path when opening failed.
    public var sql: String

    /// Creates an error.
    public init(code: String, resultCode: Int32, message: String, sql: String) {
        self.code = code
        self.resultCode = resultCode
        self.message = message
        self.sql = sql
    }

    /// `RT0042: sqlite error 1: near "SELEC": syntax error in 'SELEC 1'`.
    public var description: String {
        "\(code): sqlite error \(resultCode): \(message) in '\(sql)'"
    }
}

/// The error codes of the SQLite connector (RT0040–RT0049 of the runtime range).
public enum SQLiteErrors {
    /// Every SQLite connector error code with its summary, sorted by code.
    public static let all: [(code: String, summary: String)] = [
        (openFailed, "the database file could not be opened or configured"),
        (executeFailed, "a DDL or multi-statement script failed"),
        (prepareFailed, "a statement could not be compiled (syntax error, unknown table or column)"),
        (bindFailed, "parameters could not be bound (wrong count, value too large)"),
        (stepFailed, "a statement failed while running (constraint violation, busy, disk full)"),
        (columnConversion, "a column value could not be read as the declared datatype"),
        (shapeMismatch, "the declared datatypes or row widths do not match the statement's columns"),
        (transactionFailed, "a transaction could not be started, committed or rolled back"),
    ]

    /// The database could not be opened or configured.
    public static let openFailed = "RT0040"
    /// A DDL or multi-statement script given to ``SQLiteConnection/execute(_:)`` failed.
    public static let executeFailed = "RT0041"
    /// A statement could not be compiled.
    public static let prepareFailed = "RT0042"
    /// Parameters could not be bound.
    public static let bindFailed = "RT0043"
    /// A statement failed while running.
    public static let stepFailed = "RT0044"
    /// A column value could not be read as the declared datatype.
    public static let columnConversion = "RT0045"
    /// Declared datatypes or row widths do not match the statement's columns.
    public static let shapeMismatch = "RT0046"
    /// A transaction could not be started, committed or rolled back.
    public static let transactionFailed = "RT0047"
}
