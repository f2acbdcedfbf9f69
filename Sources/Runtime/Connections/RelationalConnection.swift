import IR

/// A failure of a relational connection, with the connector's code (RT0040–RT0059) and the SQL.
public struct ConnectorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The connector's error code.
    public var code: String
    /// What the database said.
    public var message: String
    /// The statement that failed, if any.
    public var sql: String

    /// Creates an error.
    public init(code: String, message: String, sql: String = "") {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The message, with the statement when there is one.
    public var description: String { sql.isEmpty ? message : "\(message) (in: \(sql))" }
}

/// What writing one row did: the number of rows it changed, or the database's reason for refusing it.
public enum RowWriteOutcome: Hashable, Sendable {
    /// The statement ran and changed this many rows.
    case changed(Int)
    /// The database refused the row (a constraint, a conversion); the run rejects the row.
    case refused(String)
}

/// A relational database the runtime reads and writes: one type per kind of database, created by
/// the ``ConnectorRegistry`` from a connections file entry.
///
/// Not `Sendable`: a connection lives inside the one task that runs a session.
public protocol RelationalConnection: AnyObject {
    /// The kind of database (`sqlite`, `postgresql`), for messages.
    var kind: String { get }
    /// Runs SQL text that may hold several statements, discarding rows.
    func execute(_ sql: String) throws(ConnectorError)
    /// Runs one query, reading column `i` as `types[i]`.
    func query(_ sql: String, types: [DataType]) throws(ConnectorError) -> RowSet
    /// Runs one statement with parameters (written with ``placeholder(_:)``) once per row of
    /// `rows`, reusing one prepared statement; a row the database refuses does not stop the others.
    func executeEach(_ sql: String, rows: [[Value]]) throws(ConnectorError) -> [RowWriteOutcome]
    /// Whether `table` exists (in `schema` when given).
    func tableExists(_ table: String, schema: String?) throws(ConnectorError) -> Bool
    /// The columns of `table` (in `schema` when given) in their declared order; empty when the
    /// table does not exist.
    func columns(of table: String, schema: String?) throws(ConnectorError) -> [DatabaseColumn]
    /// Starts the transaction that a run's writes go into.
    func begin() throws(ConnectorError)
    /// Commits the open transaction.
    func commit() throws(ConnectorError)
    /// Rolls back the open transaction.
    func rollback() throws(ConnectorError)
    /// The parameter marker for parameter `index` (1-based): `?` or `$1`.
    func placeholder(_ index: Int) -> String
    /// `identifier` quoted for this database.
    func quote(_ identifier: String) -> String
    /// The column type to declare for `type` so values read back exactly.
    func storageType(for type: DataType) -> String
}

extension RelationalConnection {
    /// `table` qualified with `schema` when given, both quoted.
    public func qualified(_ table: String, schema: String?) -> String {
        guard let schema, !schema.isEmpty else { return quote(table) }
        return quote(schema) + "." + quote(table)
    }

    /// The parenthesised column list of a table created for target `ports`, each name spelled by
    /// `spell`: the storage type of each, `NOT NULL` where the target definition says so (NULLABLE
    /// NOTNULL) or the column is part of the primary key, then the primary key.
    ///
    /// NOT NULL is written for key columns too because SQLite, unlike the databases a target
    /// definition describes, lets a PRIMARY KEY column hold NULL: a row the warehouse refuses was
    /// written there.
    public func targetTableBody(_ ports: [Port], spell: (String) -> String) -> String {
        let keys = ports.filter { $0.key == .primary || $0.key == .primaryForeign }
        var definitions = ports.map { port in
            let refusesNull = port.nullable == false || port.key == .primary || port.key == .primaryForeign
            return spell(port.name) + " " + storageType(for: port.type) + (refusesNull ? " NOT NULL" : "")
        }
        if !keys.isEmpty {
            definitions.append("PRIMARY KEY (" + keys.map { spell($0.name) }.joined(separator: ", ") + ")")
        }
        return "(" + definitions.joined(separator: ", ") + ")"
    }
}
