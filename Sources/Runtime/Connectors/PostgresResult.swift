internal import CLibPQ
import IR

/// One `PGresult`, cleared when released.
final class PostgresResult {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        PQclear(handle)
    }

    /// Whether the result has one of `statuses`.
    func has(_ statuses: ExecStatusType...) -> Bool {
        statuses.contains(PQresultStatus(handle))
    }

    /// The command's status tag (`INSERT 0 3`, `COMMIT`, `ROLLBACK`).
    var commandStatus: String {
        PQcmdStatus(handle).map { String(cString: $0) } ?? ""
    }

    /// The number of rows the command inserted, updated, deleted or copied (0 when it says none).
    var rowsAffected: Int {
        PQcmdTuples(handle).flatMap { Int(String(cString: $0)) } ?? 0
    }

    /// The names of the result columns, in order.
    var columnNames: [String] {
        (0..<PQnfields(handle)).map { String(cString: PQfname(handle, $0)) }
    }

    /// The server type OIDs of the result columns, in order.
    var columnTypes: [UInt32] {
        (0..<PQnfields(handle)).map { PQftype(handle, $0) }
    }

    /// The number of `$n` parameters of a described prepared statement.
    var parameterCount: Int { Int(PQnparams(handle)) }

    /// The error the result reports, with `code`: the server's SQLSTATE and message, plus detail
    /// and hint when present.
    func error(_ code: String, connection: OpaquePointer, sql: String) -> PostgresError {
        var message = field("M") ?? PostgresResult.connectionMessage(connection)
        if let detail = field("D") { message += "; detail: \(detail)" }
        if let hint = field("H") { message += "; hint: \(hint)" }
        return PostgresError(code: code, sqlState: field("C") ?? "", message: message, sql: sql)
    }

    /// Every row, column `i` read as `types[i]`.
    func rows(types: [DataType], sql: String) throws(PostgresError) -> RowSet {
        let names = columnNames
        try PostgresResult.checkShape(columns: names.count, types: types, sql: sql)
        let oids = columnTypes
        var result = RowSet(columns: names)
        let count = PQntuples(handle)
        result.rows.reserveCapacity(Int(count))
        for row in 0..<count {
            var values: [Value] = []
            values.reserveCapacity(types.count)
            for (column, type) in types.enumerated() {
                let field = Int32(column)
                if PQgetisnull(handle, row, field) != 0 {
                    values.append(.null)
                    continue
                }
                let text = String(cString: PQgetvalue(handle, row, field))
                values.append(try PostgresResult.convert(text, oid: oids[column], type, names[column], sql: sql))
            }
            result.rows.append(values)
        }
        return result
    }

    /// `text` from column `name` (server type `oid`) as `type`, or a conversion error.
    static func convert(_ text: String, oid: UInt32, _ type: DataType, _ name: String, sql: String)
        throws(PostgresError) -> Value
    {
        guard let value = PostgresValueText.value(text, oid: oid, as: type) else {
            throw PostgresError(
                code: PostgresErrors.columnConversion, sqlState: "",
                message: "column '\(name)' value '\(text.prefix(100))' cannot be read as '\(type.canonicalName)'",
                sql: sql)
        }
        return value
    }

    /// Throws a shape error unless a statement with `columns` columns matches `types`.
    static func checkShape(columns: Int, types: [DataType], sql: String) throws(PostgresError) {
        guard columns == types.count else {
            throw PostgresError(
                code: PostgresErrors.shapeMismatch, sqlState: "",
                message: "the statement returns \(columns) columns but \(types.count) datatypes were declared",
                sql: sql)
        }
    }

    /// libpq's last message for `connection`, without its trailing newline.
    static func connectionMessage(_ connection: OpaquePointer) -> String {
        let text = PQerrorMessage(connection).map { String(cString: $0) } ?? ""
        return text.trimmingSpaces()
    }

    private func field(_ letter: Unicode.Scalar) -> String? {
        guard let pointer = PQresultErrorField(handle, Int32(letter.value)) else { return nil }
        return String(cString: pointer)
    }
}
