import IR

/// Rows with named columns: the input and output of the in-memory operators.
public struct RowSet: Hashable, Sendable {
    /// The column names, in order.
    public var columns: [String]
    /// The rows; each has one value per column.
    public var rows: [[Value]]

    /// Creates a row set.
    public init(columns: [String], rows: [[Value]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// The position of `column` (names compare case-insensitively, as PowerCenter port names do).
    public func index(of column: String) throws(RowError) -> Int {
        if let exact = columns.firstIndex(of: column) { return exact }
        let wanted = column.uppercased()
        if let found = columns.firstIndex(where: { $0.uppercased() == wanted }) { return found }
        throw OperatorErrors.error(OperatorErrors.unknownColumn, "no column '\(column)' in \(columns)")
    }

    /// The positions of `names`, in order.
    public func indexes(of names: [String]) throws(RowError) -> [Int] {
        var result: [Int] = []
        for name in names { result.append(try index(of: name)) }
        return result
    }

    /// The values of `column`, one per row.
    public func values(of column: String) throws(RowError) -> [Value] {
        let position = try index(of: column)
        return rows.map { $0[position] }
    }
}

/// A pair of key columns, one from each input of a join or lookup, compared for equality.
public struct KeyPair: Hashable, Sendable {
    /// The column of the streamed input (join detail, lookup input).
    public var left: String
    /// The column of the cached input (join master, lookup table).
    public var right: String

    /// Creates a key pair.
    public init(_ left: String, _ right: String) {
        self.left = left
        self.right = right
    }
}
