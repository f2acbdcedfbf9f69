/// A failure reported by PostgreSQL or by the connector around it: an IO/internal fault of a run,
/// so it is thrown, never turned into a row error.
public struct PostgresError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The connector's stable code (`RT0050`...`RT0059`, see ``PostgresErrors``).
    public var code: String
    /// The server's SQLSTATE (`42P01` undefined table, `23505` unique violation, ...); `08001` when
    /// no connection could be made; empty when the connector itself found the fault.
    public var sqlState: String
    /// The server's message (with its detail and hint when it sends them), or the connector's.
    public var message: String
    /// The SQL text being run, or the connection target (never its password) when connecting failed.
    public var sql: String

    /// Creates an error.
    public init(code: String, sqlState: String, message: String, sql: String) {
        self.code = code
        self.sqlState = sqlState
        self.message = message
        self.sql = sql
    }

    /// `RT0054: postgres error 42P01: relation "nope" does not exist in 'SELECT * FROM nope'`.
    public var description: String {
        let state = sqlState.isEmpty ? "" : " \(sqlState)"
        return "\(code): postgres error\(state): \(message) in '\(sql)'"
    }
}

/// The error codes of the PostgreSQL connector (RT0050–RT0059 of the runtime range).
public enum PostgresErrors {
    /// Every PostgreSQL connector error code with its summary, sorted by code.
    public static let all: [(code: String, summary: String)] = [
        (connectFailed, "no connection could be made or configured (server down, wrong port, bad credentials)"),
        (executeFailed, "a DDL or multi-statement script failed"),
        (prepareFailed, "a statement could not be prepared (syntax error, unknown table or column)"),
        (bindFailed, "a value cannot be sent (wrong parameter count, NUL character in text)"),
        (statementFailed, "a statement failed while running (constraint violation, bad value, lost connection)"),
        (columnConversion, "a column value could not be read as the declared datatype"),
        (shapeMismatch, "the declared datatypes or row widths do not match the statement's columns"),
        (transactionFailed, "a transaction could not be started, committed or rolled back"),
        (copyFailed, "a COPY to or from the server failed"),
    ]

    /// No connection could be made, or the session could not be configured.
    public static let connectFailed = "RT0050"
    /// A DDL or multi-statement script given to ``PostgresConnection/execute(_:)`` failed.
    public static let executeFailed = "RT0051"
    /// A statement could not be prepared.
    public static let prepareFailed = "RT0052"
    /// A value cannot be sent as a parameter or COPY field.
    public static let bindFailed = "RT0053"
    /// A statement failed while running.
    public static let statementFailed = "RT0054"
    /// A column value could not be read as the declared datatype.
    public static let columnConversion = "RT0055"
    /// Declared datatypes or row widths do not match the statement's columns.
    public static let shapeMismatch = "RT0056"
    /// A transaction could not be started, committed or rolled back.
    public static let transactionFailed = "RT0057"
    /// A COPY to or from the server failed.
    public static let copyFailed = "RT0058"
}
