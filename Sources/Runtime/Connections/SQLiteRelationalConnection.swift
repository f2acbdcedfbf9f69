import IR

/// The embedded SQLite database as a ``RelationalConnection``: the default relational connector.
public final class SQLiteRelationalConnection: RelationalConnection {
    /// The underlying connection.
    public let connection: SQLiteConnection

    /// Opens (creating if needed) the database file at `path`.
    public init(path: String) throws(ConnectorError) {
        do {
            connection = try SQLiteConnection(path: path)
            try connection.execute("PRAGMA busy_timeout = 10000")
            // A 256 MiB page cache (SQLite's default is 2 MiB): targets of millions of rows keep
            // their key index in memory while a run inserts into them (64 MiB spilled pages at
            // 1.8M rows of the telecom benchmark and cost it 1.1 s of 36).
            try connection.execute("PRAGMA cache_size = -262144")
        } catch {
            throw ConnectorError(code: error.code, message: error.message, sql: error.sql)
        }
    }

    /// Wraps an open connection.
    public init(_ connection: SQLiteConnection) { self.connection = connection }

    /// `sqlite`.
    public var kind: String { "sqlite" }

    /// Runs a script.
    public func execute(_ sql: String) throws(ConnectorError) {
        do { try connection.execute(sql) } catch { throw Self.wrap(error) }
    }

    /// Runs one query.
    public func query(_ sql: String, types: [DataType]) throws(ConnectorError) -> RowSet {
        do { return try connection.query(sql, types: types) } catch { throw Self.wrap(error) }
    }

    /// Runs `sql` once per row with one prepared statement.
    public func executeEach(_ sql: String, rows: [[Value]]) throws(ConnectorError) -> [RowWriteOutcome] {
        let statement: SQLiteStatement
        do { statement = try connection.prepare(sql) } catch { throw Self.wrap(error) }
        var outcomes: [RowWriteOutcome] = []
        outcomes.reserveCapacity(rows.count)
        for row in rows {
            do {
                try statement.bind(row)
                outcomes.append(.changed(try statement.run()))
            } catch {
                outcomes.append(.refused(error.message))
            }
        }
        return outcomes
    }

    /// Whether the table exists (the schema names an attached database).
    public func tableExists(_ table: String, schema: String?) throws(ConnectorError) -> Bool {
        let master = schema.map { quote($0) + ".sqlite_master" } ?? "sqlite_master"
        let sql = "SELECT COUNT(*) FROM \(master) WHERE type IN ('table', 'view') AND name = ?"
        do {
            let rows = try connection.query(sql, [.string(table)], types: [.bigInteger])
            return rows.rows.first?.first != .integer(0)
        } catch {
            throw Self.wrap(error)
        }
    }

    /// The columns by `pragma_table_info`, with SQLite's affinity as their kind.
    public func columns(of table: String, schema: String?) throws(ConnectorError) -> [DatabaseColumn] {
        let sql = "SELECT name, type, pk FROM pragma_table_info(?, ?) ORDER BY cid"
        do {
            let rows = try connection.query(
                sql, [.string(table), schema.map(Value.string) ?? .string("main")],
                types: [.string(precision: 0), .string(precision: 0), .bigInteger])
            return rows.rows.map { row in
                let declared = DatabaseColumn.text(row[1])
                return DatabaseColumn(
                    name: DatabaseColumn.text(row[0]), declaredType: declared,
                    kind: DatabaseColumn.sqliteKind(declared),
                    primaryKeyPosition: DatabaseColumn.position(row[2]))
            }
        } catch {
            throw Self.wrap(error)
        }
    }

    /// `BEGIN IMMEDIATE`: takes the write lock at once.
    public func begin() throws(ConnectorError) { try execute("BEGIN IMMEDIATE") }
    /// `COMMIT`.
    public func commit() throws(ConnectorError) { try execute("COMMIT") }
    /// `ROLLBACK`.
    public func rollback() throws(ConnectorError) { try execute("ROLLBACK") }
    /// `?`.
    public func placeholder(_ index: Int) -> String { "?" }
    /// A double-quoted identifier.
    public func quote(_ identifier: String) -> String { SQLiteConnection.quote(identifier) }
    /// See ``SQLiteConnection/storageType(for:)``.
    public func storageType(for type: DataType) -> String { SQLiteConnection.storageType(for: type) }

    static func wrap(_ error: SQLiteError) -> ConnectorError {
        ConnectorError(code: error.code, message: error.message, sql: error.sql)
    }
}
