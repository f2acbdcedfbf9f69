internal import CLibPQ
import Foundation
import IR

/// PostgreSQL as a ``RelationalConnection``, opened from a connections file entry:
///
/// ```yaml
/// BILLING: {type: postgresql, host: db1, port: 5432, database: billing, user: etl, password_env: BILLING_PW}
/// LOCAL: {type: postgresql, socket_dir: /run/postgresql, database: dw, schema: staging}
/// ```
///
/// `socket_dir` (a Unix-socket folder) wins over `host`; `schema` becomes the session's
/// `search_path`; `options` sets server settings (`-c statement_timeout=60000`). Rows written with ``executeEach(_:rows:)`` are guarded by savepoints, so a row
/// the server refuses is reported and the run's transaction goes on; a batch of plain inserts
/// into one table is loaded with COPY, falling back to row by row when the COPY fails.
public final class PostgresRelationalConnection: RelationalConnection {
    /// The underlying connection.
    public let connection: PostgresConnection
    /// Prepared statements by SQL text, reused across calls (prepared statements outlive transactions).
    private var statements: [String: PostgresStatement] = [:]
    /// The fewest rows for which an all-insert ``executeEach(_:rows:)`` tries COPY first.
    static let copyThreshold = 8
    /// The savepoint that guards a run of rows.
    static let savepoint = PostgresConnection.quote("migrate_rows")

    /// Connects as `entry` says; `environment` holds the variable `password_env` names.
    public convenience init(entry: ConnectionEntry, environment: [String: String]) throws(ConnectorError) {
        let info = try Self.connectionInfo(entry, environment: environment)
        let settings = try Self.sessionSettings(entry.settings["options"] ?? "")
        let connection: PostgresConnection
        do { connection = try PostgresConnection(conninfo: info) } catch { throw Self.wrap(error) }
        self.init(connection)
        if let schema = entry.settings["schema"], !schema.isEmpty {
            try execute("SET search_path TO \(quote(schema))")
        }
        for (name, value) in settings {
            do {
                _ = try connection.query(
                    "SELECT set_config($1, $2, false)", [.string(name), .string(value)], types: [.text(precision: 0)])
            } catch { throw Self.wrap(error) }
        }
    }

    /// The server settings of an `options` text in libpq's form, `-c name=value` (or `-cname=value`)
    /// repeated; anything else is refused rather than ignored.
    static func sessionSettings(_ options: String) throws(ConnectorError) -> [(name: String, value: String)] {
        var words = options.split(whereSeparator: \.isWhitespace).map(String.init)[...]
        var result: [(name: String, value: String)] = []
        while let word = words.popFirst() {
            let pair = word == "-c" ? words.popFirst() : word.hasPrefix("-c") ? String(word.dropFirst(2)) : nil
            guard let pair, let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw ConnectorError(
                    code: PostgresErrors.connectFailed,
                    message: "options '\(options)' must be '-c name=value' settings, separated by spaces")
            }
            result.append((String(pair[..<equals]), String(pair[pair.index(after: equals)...])))
        }
        return result
    }

    /// Wraps an open connection.
    public init(_ connection: PostgresConnection) { self.connection = connection }

    /// The libpq target of `entry`: `socket_dir` or `host` (default `localhost`), `port` (default
    /// 5432), `user` (default `$USER`), `database` (default the user), the password from the
    /// environment variable `password_env` names.
    public static func connectionInfo(_ entry: ConnectionEntry, environment: [String: String]) throws(ConnectorError)
        -> PostgresConnectionInfo
    {
        let settings = entry.settings
        var port = 5432
        if let text = settings["port"] {
            guard let number = Int(text), (1...65_535).contains(number) else {
                throw ConnectorError(
                    code: PostgresErrors.connectFailed, message: "port '\(text)' is not a number from 1 to 65535")
            }
            port = number
        }
        var password: String?
        if let variable = settings["password_env"] {
            guard let value = environment[variable] else {
                throw ConnectorError(
                    code: PostgresErrors.connectFailed, message: "the password variable '\(variable)' is not set")
            }
            password = value
        }
        let user = settings["user"] ?? environment["USER"] ?? "postgres"
        var info = PostgresConnectionInfo(
            host: settings["socket_dir"] ?? settings["host"] ?? "localhost", port: port,
            database: settings["database"] ?? user, user: user)
        info.password = password
        return info
    }

    /// `postgresql`.
    public var kind: String { "postgresql" }

    /// Runs a script through the simple query protocol.
    public func execute(_ sql: String) throws(ConnectorError) {
        do { try connection.execute(sql) } catch { throw Self.wrap(error) }
    }

    /// Runs one query, reading column `i` as `types[i]`.
    /// Reads with `COPY (query) TO STDOUT` (the bulk path) when the statement is a SELECT or WITH
    /// query, else with an ordinary query.
    public func query(_ sql: String, types: [DataType]) throws(ConnectorError) -> RowSet {
        let head = sql.drop { $0.isWhitespace }.prefix(6).uppercased()
        do {
            if head.hasPrefix("SELECT") || head.hasPrefix("WITH") {
                var statement = sql.trimmingCharacters(in: .whitespacesAndNewlines)
                while statement.hasSuffix(";") {
                    statement = String(statement.dropLast()).trimmingCharacters(in: .whitespaces)
                }
                return try connection.copyOut(statement, types: types)
            }
            return try connection.query(sql, types: types)
        } catch {
            throw Self.wrap(error)
        }
    }

    /// Runs `sql` once per row with one prepared statement. Inside a transaction every row runs
    /// under a savepoint, so a refused row does not abort the transaction; all-insert batches go
    /// through COPY when ``PostgresInsertShape`` recognizes the statement.
    public func executeEach(_ sql: String, rows: [[Value]]) throws(ConnectorError) -> [RowWriteOutcome] {
        guard !rows.isEmpty else { return [] }
        if rows.count >= Self.copyThreshold, let shape = PostgresInsertShape(sql), let copied = try copy(rows, shape) {
            return copied
        }
        let statement = try prepared(sql)
        guard inTransaction else { return rows.map { attempt(statement, $0).outcome } }
        return try guarded(statement, rows[...])
    }

    /// Whether `table` exists: in `schema` when given, else as the `search_path` finds it.
    public func tableExists(_ table: String, schema: String?) throws(ConnectorError) -> Bool {
        let kinds = "relkind IN ('r', 'v', 'm', 'f', 'p')"
        let sql: String
        let values: [Value]
        if let schema, !schema.isEmpty {
            sql =
                "SELECT COUNT(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = $1 AND c.relname = $2 AND c.\(kinds)"
            values = [.string(schema), .string(table)]
        } else {
            sql = "SELECT COUNT(*) FROM pg_catalog.pg_class WHERE oid = to_regclass($1) AND \(kinds)"
            values = [.string(quote(table))]
        }
        do {
            return try connection.query(sql, values, types: [.bigInteger]).rows.first?.first != .integer(0)
        } catch {
            throw Self.wrap(error)
        }
    }

    /// The columns by `pg_attribute` (as `to_regclass` finds the table), with `format_type`'s
    /// spelling as the declared type and the primary key's column order.
    public func columns(of table: String, schema: String?) throws(ConnectorError) -> [DatabaseColumn] {
        let sql = """
            SELECT a.attname::text, format_type(a.atttypid, a.atttypmod), \
            COALESCE((SELECT k.n FROM pg_catalog.pg_index i, unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) \
            WHERE i.indrelid = a.attrelid AND i.indisprimary AND k.attnum = a.attnum), 0) \
            FROM pg_catalog.pg_attribute a \
            WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
            """
        do {
            let rows = try connection.query(
                sql, [.string(qualified(table, schema: schema))],
                types: [.string(precision: 0), .string(precision: 0), .bigInteger])
            return rows.rows.map { row in
                let declared = DatabaseColumn.text(row[1])
                let base = declared.split(separator: "(").first.map(String.init) ?? declared
                return DatabaseColumn(
                    name: DatabaseColumn.text(row[0]), declaredType: declared, kind: DatabaseColumn.postgresKind(base),
                    primaryKeyPosition: DatabaseColumn.position(row[2]))
            }
        } catch {
            throw Self.wrap(error)
        }
    }

    /// `BEGIN`.
    public func begin() throws(ConnectorError) { try execute("BEGIN") }

    /// `COMMIT`; throws when the server rolled the transaction back instead.
    public func commit() throws(ConnectorError) {
        let status: String
        do {
            status = try connection.command(PostgresErrors.transactionFailed, "COMMIT").commandStatus
        } catch {
            throw Self.wrap(error)
        }
        guard status == "COMMIT" else {
            throw ConnectorError(
                code: PostgresErrors.transactionFailed,
                message: "the transaction was rolled back because a statement in it failed", sql: "COMMIT")
        }
    }

    /// `ROLLBACK`.
    public func rollback() throws(ConnectorError) { try execute("ROLLBACK") }
    /// `$1`, `$2`, ...
    public func placeholder(_ index: Int) -> String { "$\(index)" }
    /// A double-quoted identifier.
    public func quote(_ identifier: String) -> String { PostgresConnection.quote(identifier) }
    /// See ``PostgresConnection/storageType(for:)``.
    public func storageType(for type: DataType) -> String { PostgresConnection.storageType(for: type) }

    /// Whether a transaction block is open (idle in it, or failed in it).
    var inTransaction: Bool {
        let status = PQtransactionStatus(connection.handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    static func wrap(_ error: PostgresError) -> ConnectorError {
        let state = error.sqlState.isEmpty ? "" : " (SQLSTATE \(error.sqlState))"
        return ConnectorError(code: error.code, message: error.message + state, sql: error.sql)
    }
}

/// Writing rows: savepoint-guarded runs of a prepared statement, and COPY for plain inserts.
extension PostgresRelationalConnection {
    /// What running one row did.
    enum Attempt {
        /// The server ran it and changed this many rows.
        case ran(Int)
        /// The value could not be sent; the server saw nothing, so the transaction is intact.
        case unsendable(String)
        /// The server refused it; an open transaction is now aborted.
        case failed(String)

        var outcome: RowWriteOutcome {
            switch self {
            case .ran(let count): .changed(count)
            case .unsendable(let reason), .failed(let reason): .refused(reason)
            }
        }
    }

    /// The prepared statement for `sql`, prepared on first use.
    func prepared(_ sql: String) throws(ConnectorError) -> PostgresStatement {
        if let statement = statements[sql] { return statement }
        do {
            let statement = try connection.prepare(sql)
            statements[sql] = statement
            return statement
        } catch {
            throw Self.wrap(error)
        }
    }

    /// Runs `statement` with `row`.
    func attempt(_ statement: PostgresStatement, _ row: [Value]) -> Attempt {
        do {
            try statement.bind(row)
        } catch {
            return .unsendable(Self.wrap(error).message)
        }
        do {
            return .ran(try statement.run())
        } catch {
            return .failed(Self.wrap(error).message)
        }
    }

    /// Runs `rows` under one savepoint; when row `k` fails, rolls back to the savepoint, runs the
    /// rows before `k` again (they succeeded, so they will again) and goes on after `k`. Each row
    /// runs at most twice, and only two extra round trips are paid per refused row.
    func guarded(_ statement: PostgresStatement, _ rows: ArraySlice<[Value]>) throws(ConnectorError)
        -> [RowWriteOutcome]
    {
        var outcomes: [RowWriteOutcome] = []
        outcomes.reserveCapacity(rows.count)
        var start = rows.startIndex
        while start < rows.endIndex {
            try execute("SAVEPOINT \(Self.savepoint)")
            var segment: [RowWriteOutcome] = []
            var refusedAt: Int?
            for index in start..<rows.endIndex {
                let attempt = attempt(statement, rows[index])
                segment.append(attempt.outcome)
                if case .failed = attempt {
                    refusedAt = index
                    break
                }
            }
            guard let refusedAt else {
                try execute("RELEASE SAVEPOINT \(Self.savepoint)")
                return outcomes + segment
            }
            try execute("ROLLBACK TO SAVEPOINT \(Self.savepoint); RELEASE SAVEPOINT \(Self.savepoint)")
            outcomes += try redo(statement, rows[start..<refusedAt], earlier: segment.dropLast())
            outcomes.append(segment[segment.count - 1])
            start = refusedAt + 1
        }
        return outcomes
    }

    /// Runs again the rows of `rows` that ran before a rollback; the ones that could not be sent stay refused.
    private func redo(_ statement: PostgresStatement, _ rows: ArraySlice<[Value]>, earlier: ArraySlice<RowWriteOutcome>)
        throws(ConnectorError) -> [RowWriteOutcome]
    {
        let runnable = zip(rows.indices, earlier).compactMap { index, outcome -> Int? in
            if case .changed = outcome { return index }
            return nil
        }
        guard !runnable.isEmpty else { return Array(earlier) }
        let again = try guarded(statement, ArraySlice(runnable.map { rows[$0] }))
        var result = Array(earlier)
        for (position, outcome) in zip(runnable, again) { result[position - rows.startIndex] = outcome }
        return result
    }

    /// Loads `rows` with one COPY (under a savepoint inside a transaction); nil when the COPY
    /// failed and was undone, so the caller goes row by row to find the refused rows.
    func copy(_ rows: [[Value]], _ shape: PostgresInsertShape) throws(ConnectorError) -> [RowWriteOutcome]? {
        guard rows.allSatisfy({ $0.count == shape.columns.count }) else { return nil }
        let guarded = inTransaction
        if guarded { try execute("SAVEPOINT \(Self.savepoint)") }
        do {
            try connection.copyIn(rows: rows, into: shape.table, columns: shape.columns)
        } catch {
            if guarded {
                try execute("ROLLBACK TO SAVEPOINT \(Self.savepoint); RELEASE SAVEPOINT \(Self.savepoint)")
            }
            return nil
        }
        if guarded { try execute("RELEASE SAVEPOINT \(Self.savepoint)") }
        return Array(repeating: .changed(1), count: rows.count)
    }
}

/// The table and columns of `INSERT INTO "T" ("a", "b") VALUES ($1, $2)`, the only statement
/// shape ``PostgresRelationalConnection`` loads with COPY: an unqualified quoted table, quoted
/// columns, and parameters `$1`...`$n` in order, nothing else.
struct PostgresInsertShape: Equatable {
    /// The table name, unquoted.
    var table: String
    /// The column names, unquoted, in parameter order.
    var columns: [String]

    /// The shape of `sql`, or nil when it is anything else.
    init?(_ sql: String) {
        var rest = Substring(sql)
        guard Self.skip("INSERT INTO ", &rest), let table = Self.identifier(&rest), Self.skip(" (", &rest) else {
            return nil
        }
        var columns: [String] = []
        repeat {
            guard let column = Self.identifier(&rest) else { return nil }
            columns.append(column)
        } while Self.skip(", ", &rest)
        let values = (1...columns.count).map { "$\($0)" }.joined(separator: ", ")
        guard Self.skip(") VALUES (" + values + ")", &rest), rest.isEmpty else { return nil }
        self.table = table
        self.columns = columns
    }

    private static func skip(_ text: String, _ rest: inout Substring) -> Bool {
        guard rest.hasPrefix(text) else { return false }
        rest.removeFirst(text.count)
        return true
    }

    /// A double-quoted identifier at the start of `rest` (inner quotes doubled), unquoted.
    private static func identifier(_ rest: inout Substring) -> String? {
        guard rest.first == "\"" else { return nil }
        var name = ""
        var index = rest.index(after: rest.startIndex)
        while index < rest.endIndex {
            let character = rest[index]
            index = rest.index(after: index)
            guard character == "\"" else {
                name.append(character)
                continue
            }
            guard index < rest.endIndex, rest[index] == "\"" else {
                rest = rest[index...]
                return name.isEmpty ? nil : name
            }
            name.append("\"")
            index = rest.index(after: index)
        }
        return nil
    }
}
