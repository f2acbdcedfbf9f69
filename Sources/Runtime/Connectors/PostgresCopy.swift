internal import CLibPQ
import IR

/// Bulk transfer with COPY in text format.
extension PostgresConnection {
    /// Bytes gathered before each `PQputCopyData` call.
    static let copyChunkSize = 1 << 20

    /// Loads `rows` (one value per column of `columns`) into `table` with `COPY ... FROM STDIN`
    /// and returns the number of rows loaded. COPY is one statement: when any row fails (a bad
    /// value, a constraint), no row is loaded.
    @discardableResult
    public func copyIn(rows: [[Value]], into table: String, columns: [String]) throws(PostgresError) -> Int {
        let names = columns.map(Self.quote).joined(separator: ", ")
        let sql = "COPY \(Self.quote(table)) (\(names)) FROM STDIN"
        try command(PostgresErrors.copyFailed, sql)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.copyChunkSize + 4096)
        var failure: PostgresError?
        for (offset, row) in rows.enumerated() where failure == nil {
            failure = encode(row, number: offset + 1, width: columns.count, into: &buffer, sql: sql)
            if failure == nil, buffer.count >= Self.copyChunkSize { failure = send(&buffer, sql: sql) }
        }
        if failure == nil, !buffer.isEmpty { failure = send(&buffer, sql: sql) }
        let ended =
            if let failure { PQputCopyEnd(handle, "migrate: \(failure.message)") } else { PQputCopyEnd(handle, nil) }
        let result = finishCopy(sql: sql)
        if let failure { throw failure }
        if ended != 1 { throw copyError(PostgresResult.connectionMessage(handle), sql: sql) }
        return try result.get().rowsAffected
    }

    /// Runs `COPY (query) TO STDOUT` and reads every row, column `i` as `types[i]`. Faster than
    /// ``query(_:_:types:)`` for big results; the query takes no parameters.
    public func copyOut(_ query: String, types: [DataType]) throws(PostgresError) -> RowSet {
        let description = try describe(query)
        let names = description.columnNames
        let oids = description.columnTypes
        try PostgresResult.checkShape(columns: names.count, types: types, sql: query)
        let sql = "COPY (\(query)) TO STDOUT"
        try command(PostgresErrors.copyFailed, sql)
        var result = RowSet(columns: names)
        var failure: PostgresError?
        while true {
            var line: UnsafeMutablePointer<CChar>?
            let count = PQgetCopyData(handle, &line, 0)
            guard count > 0, let line else { break }
            defer { PQfreemem(line) }
            guard failure == nil else { continue }
            let bytes = UnsafeRawPointer(line).assumingMemoryBound(to: UInt8.self)
            let fields = PostgresCopyText.fields(UnsafeBufferPointer(start: bytes, count: Int(count)))
            do {
                result.rows.append(try Self.values(fields, oids: oids, types: types, names: names, sql: sql))
            } catch {
                failure = error
            }
        }
        let end = finishCopy(sql: sql)
        if let failure { throw failure }
        _ = try end.get()
        return result
    }

    /// The values of one COPY line's fields.
    private static func values(
        _ fields: [String?], oids: [UInt32], types: [DataType], names: [String], sql: String
    ) throws(PostgresError) -> [Value] {
        guard fields.count == types.count else {
            throw PostgresError(
                code: PostgresErrors.copyFailed, sqlState: "",
                message: "a COPY line has \(fields.count) fields but \(types.count) were expected", sql: sql)
        }
        var values: [Value] = []
        values.reserveCapacity(types.count)
        for (column, field) in fields.enumerated() {
            guard let field else {
                values.append(.null)
                continue
            }
            values.append(try PostgresResult.convert(field, oid: oids[column], types[column], names[column], sql: sql))
        }
        return values
    }

    /// Appends row `number` to `buffer`, or returns why it cannot be sent.
    private func encode(_ row: [Value], number: Int, width: Int, into buffer: inout [UInt8], sql: String)
        -> PostgresError?
    {
        guard row.count == width else {
            return PostgresError(
                code: PostgresErrors.shapeMismatch, sqlState: "",
                message: "row \(number) has \(row.count) values but \(width) columns were named", sql: sql)
        }
        do {
            try PostgresCopyText.append(row, to: &buffer)
            return nil
        } catch {
            return PostgresError(
                code: PostgresErrors.bindFailed, sqlState: "", message: "row \(number): \(error.reason)", sql: sql)
        }
    }

    /// Sends and empties `buffer`, or returns the connection's error.
    private func send(_ buffer: inout [UInt8], sql: String) -> PostgresError? {
        let status = buffer.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
        }
        buffer.removeAll(keepingCapacity: true)
        return status == 1 ? nil : copyError(PostgresResult.connectionMessage(handle), sql: sql)
    }

    /// Reads every result left after a COPY ends: the last one, or the first error.
    private func finishCopy(sql: String) -> Result<PostgresResult, PostgresError> {
        var outcome: Result<PostgresResult, PostgresError> = .failure(copyError("the COPY sent no result", sql: sql))
        var failed = false
        while let next = PQgetResult(handle) {
            let result = PostgresResult(next)
            guard !failed else { continue }
            if result.has(PGRES_COMMAND_OK) {
                outcome = .success(result)
            } else {
                outcome = .failure(result.error(PostgresErrors.copyFailed, connection: handle, sql: sql))
                failed = true
            }
        }
        return outcome
    }

    /// The columns `query` would return, without running it.
    private func describe(_ query: String) throws(PostgresError) -> PostgresResult {
        try check(PQprepare(handle, "", query, 0, nil), PostgresErrors.prepareFailed, sql: query)
        return try check(PQdescribePrepared(handle, ""), PostgresErrors.prepareFailed, sql: query)
    }

    private func copyError(_ message: String, sql: String) -> PostgresError {
        PostgresError(code: PostgresErrors.copyFailed, sqlState: "", message: message, sql: sql)
    }
}
