internal import CSQLite3
import Foundation
import IR

/// A compiled SQL statement of a ``SQLiteConnection``, reusable with new parameters.
///
/// Not `Sendable`: like its connection, create and use it within one task. It keeps its connection
/// open and finalizes itself when released.
public final class SQLiteStatement {
    /// The SQL text the statement was compiled from.
    public let sql: String
    private let connection: SQLiteConnection
    private let handle: OpaquePointer

    init(connection: SQLiteConnection, sql: String) throws(SQLiteError) {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v2(connection.handle, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw connection.error(SQLiteErrors.prepareFailed, status, sql: sql)
        }
        self.sql = sql
        self.connection = connection
        self.handle = statement
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// The number of `?` parameters the statement takes.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// The names of the result columns, in order (empty for statements returning no rows).
    public var columnNames: [String] {
        (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    /// Resets the statement and binds `values` to its parameters in order: integers as 64-bit
    /// integers, doubles as reals, decimals as text with their exact digits, strings as text,
    /// date/times as ISO text `YYYY-MM-DD HH:MM:SS[.fffffffff]`, binary as blobs, NULL as NULL.
    public func bind(_ values: [Value]) throws(SQLiteError) {
        sqlite3_reset(handle)
        // Every parameter is bound again below, so the old bindings need no clearing.
        guard values.count == parameterCount else {
            throw connection.error(
                SQLiteErrors.shapeMismatch, 0,
                "the statement takes \(parameterCount) parameters but \(values.count) values were given",
                sql: sql)
        }
        for (offset, value) in values.enumerated() {
            let status = bind(value, at: Int32(offset + 1))
            guard status == SQLITE_OK else { throw connection.error(SQLiteErrors.bindFailed, status, sql: sql) }
        }
    }

    /// Runs the statement to completion, discarding any rows, and returns the number of rows it
    /// inserted, updated or deleted.
    @discardableResult
    public func run() throws(SQLiteError) -> Int {
        while try step() {}
        return Int(sqlite3_changes(connection.handle))
    }

    /// Runs the statement and reads every row, converting column `i` to `types[i]`.
    public func rows(types: [DataType]) throws(SQLiteError) -> RowSet {
        let names = columnNames
        guard names.count == types.count else {
            throw connection.error(
                SQLiteErrors.shapeMismatch, 0,
                "the statement returns \(names.count) columns but \(types.count) datatypes were declared", sql: sql)
        }
        var result = RowSet(columns: names)
        while try step() {
            var row: [Value] = []
            row.reserveCapacity(types.count)
            for (column, type) in types.enumerated() {
                row.append(try read(column: Int32(column), as: type))
            }
            result.rows.append(row)
        }
        return result
    }

    /// Advances to the next row: true when a row is available, false when the statement is done.
    private func step() throws(SQLiteError) -> Bool {
        let status = sqlite3_step(handle)
        switch status {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            sqlite3_reset(handle)
            throw connection.error(SQLiteErrors.stepFailed, status, sql: sql)
        }
    }

    private func bind(_ value: Value, at index: Int32) -> Int32 {
        switch value {
        case .null: sqlite3_bind_null(handle, index)
        case .integer(let number): sqlite3_bind_int64(handle, index, number)
        case .double(let number): sqlite3_bind_double(handle, index, number)
        case .decimal(let number):
            SQLiteValueText.withText(of: number) { bytes in
                bytes.withMemoryRebound(to: CChar.self) {
                    migrate_sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count))
                }
            } ?? bindText(SQLiteValueText.text(of: number), at: index)
        case .string(let text): bindText(text, at: index)
        case .dateTime(let date):
            SQLiteValueText.withText(of: date) { bytes in
                bytes.withMemoryRebound(to: CChar.self) {
                    migrate_sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count))
                }
            } ?? bindText(SQLiteValueText.text(of: date), at: index)
        case .binary(let bytes):
            bytes.withUnsafeBytes { migrate_sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count)) }
        }
    }

    private func bindText(_ text: String, at index: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) {
                migrate_sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count))
            }
        }
    }

    /// The value of `column` in the current row as `type`; NULL stays NULL whatever the type.
    private func read(column: Int32, as type: DataType) throws(SQLiteError) -> Value {
        let storage = sqlite3_column_type(handle, column)
        if storage == SQLITE_NULL { return .null }
        let converted: Value?
        switch type {
        case .integer, .smallInteger, .bigInteger: converted = readInteger(column, storage)
        case .double, .real: converted = readDouble(column, storage)
        case .decimal: converted = readDecimal(column, storage)
        case .string, .nstring, .text, .ntext: converted = .string(text(column))
        case .dateTime:
            converted = storage == SQLITE_TEXT ? SQLiteValueText.dateTime(from: text(column)).map(Value.dateTime) : nil
        case .binary: converted = .binary(bytes(column))
        }
        guard let converted else {
            throw connection.error(
                SQLiteErrors.columnConversion, 0,
                "column '\(columnNames[Int(column)])' value '\(text(column))' cannot be read as '\(type)'", sql: sql)
        }
        return converted
    }

    private func readInteger(_ column: Int32, _ storage: Int32) -> Value? {
        switch storage {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return Int64(exactly: sqlite3_column_double(handle, column)).map(Value.integer)
        default: return Int64(text(column).trimmingCharacters(in: .whitespaces)).map(Value.integer)
        }
    }

    private func readDouble(_ column: Int32, _ storage: Int32) -> Value? {
        switch storage {
        case SQLITE_INTEGER, SQLITE_FLOAT: return .double(sqlite3_column_double(handle, column))
        default: return Double(text(column).trimmingCharacters(in: .whitespaces)).map(Value.double)
        }
    }

    private func readDecimal(_ column: Int32, _ storage: Int32) -> Value? {
        switch storage {
        case SQLITE_INTEGER: return .decimal(Decimal(sqlite3_column_int64(handle, column)))
        case SQLITE_FLOAT:
            // Shortest text that reads back as the same double, so 0.1 becomes exactly 0.1.
            return SQLiteValueText.decimal(from: "\(sqlite3_column_double(handle, column))").map(Value.decimal)
        default: return SQLiteValueText.decimal(from: text(column)).map(Value.decimal)
        }
    }

    private func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    private func bytes(_ column: Int32) -> [UInt8] {
        guard let pointer = sqlite3_column_blob(handle, column) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, column))
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
