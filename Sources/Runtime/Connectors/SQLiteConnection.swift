internal import CSQLite3
import IR

/// A connection to an embedded SQLite database: the runtime's default relational connector.
///
/// Not `Sendable`: SQLite handles must not cross tasks, so create the connection, use it and let it
/// go within one task (return only the ``RowSet``s it produces). The database closes when the
/// connection and all its ``SQLiteStatement``s are released.
///
/// Values are stored so they read back exactly: decimals and date/times as text (declare such
/// columns `TEXT`; see ``storageType(for:)``), binary as blobs. Identifiers the connector writes
/// are always quoted (``quote(_:)``).
public final class SQLiteConnection {
    /// The path given to ``init(path:)``.
    public let path: String
    let handle: OpaquePointer
    private var savepointDepth = 0

    /// Opens (creating if needed) the database at `path`, or a private in-memory database for
    /// `:memory:`. File databases use write-ahead logging.
    public init(path: String) throws(SQLiteError) {
        var database: OpaquePointer?
        // A connection never crosses tasks (it is not Sendable), so SQLite's per-call mutex is
        // not needed: multi-thread mode (NOMUTEX) skips it.
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &database, flags, nil)
        guard status == SQLITE_OK, let database else {
            let message = database.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(database)
            throw SQLiteError(code: SQLiteErrors.openFailed, resultCode: status, message: message, sql: path)
        }
        self.path = path
        self.handle = database
        sqlite3_extended_result_codes(database, 1)
        if path != ":memory:" && !path.isEmpty {
            try run(SQLiteErrors.openFailed, "PRAGMA journal_mode=WAL")
        }
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs SQL text that may hold several statements separated by `;` (DDL, scripts), discarding rows.
    public func execute(_ sql: String) throws(SQLiteError) {
        try run(SQLiteErrors.executeFailed, sql)
    }

    /// Compiles one statement for repeated use with ``SQLiteStatement/bind(_:)``.
    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        try SQLiteStatement(connection: self, sql: sql)
    }

    /// Runs one statement with `values` bound to its `?` parameters and returns the number of rows
    /// it changed.
    @discardableResult
    public func run(_ sql: String, _ values: [Value] = []) throws(SQLiteError) -> Int {
        let statement = try prepare(sql)
        try statement.bind(values)
        return try statement.run()
    }

    /// Runs one query with `values` bound to its `?` parameters, reading column `i` as `types[i]`:
    /// text holding exact digits reads back as the exact decimal, ISO text as a date/time.
    public func query(_ sql: String, _ values: [Value] = [], types: [DataType]) throws(SQLiteError) -> RowSet {
        let statement = try prepare(sql)
        try statement.bind(values)
        return try statement.rows(types: types)
    }

    /// Inserts `rows` (one value per column of `columns`) into `table` in one transaction, reusing
    /// one prepared statement; on any failure no row is inserted. Returns the number of rows inserted.
    @discardableResult
    public func insert(rows: [[Value]], into table: String, columns: [String]) throws(SQLiteError) -> Int {
        let names = columns.map(Self.quote).joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let sql = "INSERT INTO \(Self.quote(table)) (\(names)) VALUES (\(marks))"
        do {
            return try transaction { () throws(SQLiteError) -> Int in
                let statement = try prepare(sql)
                for row in rows {
                    try statement.bind(row)
                    try statement.run()
                }
                return rows.count
            }
        } catch let error as SQLiteError {
            throw error
        } catch {
            throw SQLiteError(code: SQLiteErrors.stepFailed, resultCode: 0, message: "\(error)", sql: sql)
        }
    }

    /// Runs `body` in a transaction (a savepoint when one is already open): commits when it returns,
    /// rolls back everything it did when it throws, and rethrows its error.
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        let name = Self.quote("migrate_savepoint_\(savepointDepth)")
        try run(SQLiteErrors.transactionFailed, "SAVEPOINT \(name)")
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let result: Result
        do {
            result = try body()
        } catch {
            try run(SQLiteErrors.transactionFailed, "ROLLBACK TO \(name); RELEASE \(name)")
            throw error
        }
        try run(SQLiteErrors.transactionFailed, "RELEASE \(name)")
        return result
    }

    /// `identifier` as a quoted SQL identifier: wrapped in double quotes, inner quotes doubled.
    public static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The column type to declare for values of `type` so they read back exactly: `INT`, `REAL`,
    /// `BLOB`, or `TEXT` (strings, decimals, date/times; TEXT affinity never converts them).
    ///
    /// Integers are `INT`, which has the same (integer) affinity as `INTEGER`, because a column
    /// declared exactly `INTEGER` that is a table's only primary key column becomes the rowid: a
    /// NULL written to it is silently replaced by a new number, where every other database refuses
    /// the row.
    public static func storageType(for type: DataType) -> String {
        switch type {
        case .integer, .smallInteger, .bigInteger: "INT"
        case .double, .real: "REAL"
        case .binary: "BLOB"
        case .string, .nstring, .text, .ntext, .decimal, .dateTime: "TEXT"
        }
    }

    /// Runs a script through `sqlite3_exec`, reporting a failure with `code`.
    private func run(_ code: String, _ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard status == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(status))
            throw error(code, sqlite3_extended_errcode(handle), text, sql: sql)
        }
    }

    /// An error with `code` and SQLite's current message for this connection.
    func error(_ code: String, _ status: Int32, sql: String) -> SQLiteError {
        error(code, sqlite3_extended_errcode(handle), String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    /// An error with `code`, `resultCode` and `message`.
    func error(_ code: String, _ resultCode: Int32, _ message: String, sql: String) -> SQLiteError {
        SQLiteError(code: code, resultCode: resultCode, message: message, sql: sql)
    }
}
