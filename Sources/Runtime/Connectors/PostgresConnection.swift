internal import CLibPQ
import Foundation
import IR

/// A connection to a PostgreSQL server through libpq: the runtime's server-side relational connector,
/// used like ``SQLiteConnection``.
///
/// Not `Sendable`: a libpq connection must not be shared between tasks, so create the connection,
/// use it and let it go within one task (return only the ``RowSet``s it produces). The session
/// closes when the connection and all its ``PostgresStatement``s are released.
///
/// Every value travels as text and reads back exactly: integers, decimals as their exact digits
/// (`numeric`), doubles as their shortest round-trip text, date/times as ISO text with up to nine
/// fraction digits, binary as bytea hex. The session is set to `DateStyle = ISO`, hex bytea output
/// and exact float output so the text it returns is the text the connector parses. Identifiers the
/// connector writes are always quoted (``quote(_:)``).
public final class PostgresConnection {
    /// The target given to ``init(conninfo:)``.
    public let conninfo: PostgresConnectionInfo
    let handle: OpaquePointer
    private var statementCount = 0
    private var savepointDepth = 0

    /// Settings every session gets, so values come back in the text forms the connector parses.
    static let sessionSettings =
        "SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'iso_8601'; SET bytea_output = 'hex'; "
        + "SET extra_float_digits = 3"

    /// Connects (waiting at most `conninfo.connectTimeout` seconds) and configures the session.
    public init(conninfo: PostgresConnectionInfo) throws(PostgresError) {
        let pairs = conninfo.parameters
        let connection = Self.connect(keywords: pairs.map(\.keyword), values: pairs.map(\.value))
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let message = connection.map(PostgresResult.connectionMessage) ?? "out of memory"
            PQfinish(connection)
            throw PostgresError(
                code: PostgresErrors.connectFailed, sqlState: "08001",
                message: "cannot connect to \(conninfo): \(message)", sql: conninfo.description)
        }
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        self.conninfo = conninfo
        self.handle = connection
        try command(PostgresErrors.connectFailed, Self.sessionSettings)
    }

    deinit {
        PQfinish(handle)
    }

    /// Runs SQL text that may hold several statements separated by `;` (DDL, scripts) through the
    /// simple query protocol, discarding rows. The statements run in one implicit transaction
    /// unless the text says otherwise.
    public func execute(_ sql: String) throws(PostgresError) {
        try command(PostgresErrors.executeFailed, sql)
    }

    /// Prepares one statement with `$1`, `$2`, ... parameters for repeated use with
    /// ``PostgresStatement/bind(_:)``.
    public func prepare(_ sql: String) throws(PostgresError) -> PostgresStatement {
        statementCount += 1
        return try PostgresStatement(connection: self, name: "migrate_statement_\(statementCount)", sql: sql)
    }

    /// Runs one statement with `values` sent to its `$1`, `$2`, ... parameters and returns the
    /// number of rows it changed.
    @discardableResult
    public func run(_ sql: String, _ values: [Value] = []) throws(PostgresError) -> Int {
        try executeParameters(sql, values).rowsAffected
    }

    /// Runs one query with `values` sent to its `$1`, `$2`, ... parameters, reading column `i` as
    /// `types[i]`: numeric as the exact decimal, timestamp or ISO text as a date/time, bytea as binary.
    public func query(_ sql: String, _ values: [Value] = [], types: [DataType]) throws(PostgresError) -> RowSet {
        try executeParameters(sql, values).rows(types: types, sql: sql)
    }

    /// Runs `body` in a transaction (a savepoint when one is already open): commits when it returns,
    /// rolls back everything it did when it throws, and rethrows its error. A commit the server
    /// turns into a rollback (a statement in the transaction failed and the body went on) throws.
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        let outermost = savepointDepth == 0 && PQtransactionStatus(handle) == PQTRANS_IDLE
        let name = Self.quote("migrate_savepoint_\(savepointDepth)")
        try command(PostgresErrors.transactionFailed, outermost ? "BEGIN" : "SAVEPOINT \(name)")
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let result: Result
        do {
            result = try body()
        } catch {
            let undo = outermost ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT \(name); RELEASE SAVEPOINT \(name)"
            try command(PostgresErrors.transactionFailed, undo)
            throw error
        }
        let end = try command(PostgresErrors.transactionFailed, outermost ? "COMMIT" : "RELEASE SAVEPOINT \(name)")
        if outermost, end.commandStatus != "COMMIT" {
            throw PostgresError(
                code: PostgresErrors.transactionFailed, sqlState: "25P02",
                message: "the transaction was rolled back because a statement in it failed", sql: "COMMIT")
        }
        return result
    }

    /// `identifier` as a quoted SQL identifier: wrapped in double quotes, inner quotes doubled.
    /// Always quoted, so case and spaces are kept and keywords are safe.
    public static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The column type to declare for values of `type` so they read back exactly.
    ///
    /// Integers keep their width, decimals become `numeric(p,s)`, both float types become
    /// `double precision` (the runtime computes reals as doubles), strings `varchar(n)` or `text`,
    /// binary `bytea`. Date/times with up to six fraction digits become `timestamp(s)`; with seven
    /// to nine (nanoseconds, PowerCenter's default `datetime(29,9)`) they become `varchar(29)` holding
    /// the ISO text `YYYY-MM-DD HH:MM:SS.fffffffff`, because a PostgreSQL timestamp keeps only
    /// microseconds and rounds anything finer. That text sorts chronologically and casts to
    /// `timestamp` when SQL needs date arithmetic.
    public static func storageType(for type: DataType) -> String {
        switch type {
        case .integer: "integer"
        case .smallInteger: "smallint"
        case .bigInteger: "bigint"
        case .decimal(let precision, let scale):
            (1...1000).contains(precision) && (0...precision).contains(scale)
                ? "numeric(\(precision),\(scale))" : "numeric"
        case .double, .real: "double precision"
        case .string(let length), .nstring(let length):
            (1...10_485_760).contains(length) ? "varchar(\(length))" : "text"
        case .text, .ntext: "text"
        case .dateTime(_, let scale): (0...6).contains(scale) ? "timestamp(\(scale))" : "varchar(29)"
        case .binary: "bytea"
        }
    }

    /// Runs `sql` with the simple query protocol and returns its last result, or an error with `code`.
    @discardableResult
    func command(_ code: String, _ sql: String) throws(PostgresError) -> PostgresResult {
        try check(PQexec(handle, sql), code, sql: sql)
    }

    /// `result` when it reports success (rows, a command, or the start of a COPY), else its error with `code`.
    @discardableResult
    func check(_ result: OpaquePointer?, _ code: String, sql: String) throws(PostgresError) -> PostgresResult {
        guard let result else {
            throw PostgresError(code: code, sqlState: "", message: PostgresResult.connectionMessage(handle), sql: sql)
        }
        let wrapped = PostgresResult(result)
        guard wrapped.has(PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_EMPTY_QUERY)
        else { throw wrapped.error(code, connection: handle, sql: sql) }
        return wrapped
    }

    /// Runs `sql` with `values` as text parameters through the extended query protocol.
    private func executeParameters(_ sql: String, _ values: [Value]) throws(PostgresError) -> PostgresResult {
        let texts = try Self.parameterTexts(values, sql: sql)
        let result = PostgresParameters.withPointers(texts) { count, pointers in
            PQexecParams(handle, sql, count, nil, pointers, nil, nil, 0)
        }
        return try check(result, PostgresErrors.statementFailed, sql: sql)
    }

    /// The text of each value (nil for NULL), or a bind error naming the parameter.
    static func parameterTexts(_ values: [Value], sql: String) throws(PostgresError) -> [String?] {
        var texts: [String?] = []
        texts.reserveCapacity(values.count)
        for (offset, value) in values.enumerated() {
            do {
                texts.append(try PostgresValueText.parameter(value))
            } catch {
                throw PostgresError(
                    code: PostgresErrors.bindFailed, sqlState: "",
                    message: "parameter $\(offset + 1): \(error.reason)", sql: sql)
            }
        }
        return texts
    }

    private static func connect(keywords: [String], values: [String]) -> OpaquePointer? {
        PostgresParameters.withPointers(keywords + [nil]) { _, keywordPointers in
            PostgresParameters.withPointers(values + [nil]) { _, valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 0)
            }
        }
    }
}

/// C string arrays for libpq calls that take `const char *const *`.
enum PostgresParameters {
    /// Calls `body` with the count and a C array of NUL-terminated copies of `texts` (nil stays
    /// a null pointer), freed when `body` returns.
    static func withPointers<Result>(
        _ texts: [String?], _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?) -> Result
    ) -> Result {
        let copies = texts.map { $0.flatMap { strdup($0) } }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer($0) }
        return pointers.withUnsafeBufferPointer { body(Int32(texts.count), $0.baseAddress) }
    }
}
