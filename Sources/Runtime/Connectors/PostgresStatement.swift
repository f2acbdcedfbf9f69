internal import CLibPQ
import IR

/// A server-side prepared statement of a ``PostgresConnection``, reusable with new parameters
/// (`PQprepare` once, `PQexecPrepared` per run).
///
/// Not `Sendable`: like its connection, create and use it within one task. It keeps its
/// connection open and deallocates itself on the server when released.
public final class PostgresStatement {
    /// The SQL text the statement was prepared from.
    public let sql: String
    /// The server-side name of the statement.
    public let name: String
    /// The number of `$n` parameters the statement takes.
    public let parameterCount: Int
    /// The names of the result columns, in order (empty for statements returning no rows).
    public let columnNames: [String]
    private let connection: PostgresConnection
    private var parameters: [String?] = []

    init(connection: PostgresConnection, name: String, sql: String) throws(PostgresError) {
        let handle = connection.handle
        try connection.check(PQprepare(handle, name, sql, 0, nil), PostgresErrors.prepareFailed, sql: sql)
        let description = try connection.check(
            PQdescribePrepared(handle, name), PostgresErrors.prepareFailed, sql: sql)
        self.sql = sql
        self.name = name
        self.connection = connection
        self.parameterCount = description.parameterCount
        self.columnNames = description.columnNames
    }

    deinit {
        // A failed transaction refuses every command until it ends; the session then frees the
        // statement when it closes.
        if PQtransactionStatus(connection.handle) != PQTRANS_INERROR {
            PQclear(PQexec(connection.handle, "DEALLOCATE \(PostgresConnection.quote(name))"))
        }
    }

    /// Sets the values sent with the next runs, in parameter order: integers and decimals as
    /// their exact digits, doubles as their shortest round-trip text, date/times as ISO text
    /// `YYYY-MM-DD HH:MM:SS[.fffffffff]`, binary as bytea hex, NULL as NULL.
    public func bind(_ values: [Value]) throws(PostgresError) {
        guard values.count == parameterCount else {
            throw PostgresError(
                code: PostgresErrors.bindFailed, sqlState: "",
                message: "the statement takes \(parameterCount) parameters but \(values.count) values were given",
                sql: sql)
        }
        parameters = try PostgresConnection.parameterTexts(values, sql: sql)
    }

    /// Runs the statement with the bound values, discarding any rows, and returns the number of
    /// rows it inserted, updated or deleted.
    @discardableResult
    public func run() throws(PostgresError) -> Int {
        try execute().rowsAffected
    }

    /// Runs the statement with the bound values and reads every row, converting column `i` to `types[i]`.
    public func rows(types: [DataType]) throws(PostgresError) -> RowSet {
        try PostgresResult.checkShape(columns: columnNames.count, types: types, sql: sql)
        return try execute().rows(types: types, sql: sql)
    }

    private func execute() throws(PostgresError) -> PostgresResult {
        let handle = connection.handle
        let result = PostgresParameters.withPointers(parameters) { count, pointers in
            PQexecPrepared(handle, name, count, pointers, nil, nil, 0)
        }
        return try connection.check(result, PostgresErrors.statementFailed, sql: sql)
    }
}
