import IR

/// Rows flowing from one node to the next: named columns, the rows, and each row's kind as an
/// update strategy set it (insert until one does; reference §2 "row type").
public struct RowBatch: Hashable, Sendable {
    /// The column names, in order.
    public var columns: [String]
    /// The rows, one value per column.
    public var rows: [[Value]]
    /// Each row's kind, parallel to `rows`.
    public var kinds: [RowKind]
    /// Each row's position in the batch its row stream began with (the output of the stream's
    /// active transformation, see ``RowOrigins``), parallel to `rows`, once a passive
    /// transformation on the way dropped a row in error (reference §2.22: the row leaves the
    /// pipeline); nil while none did (row `i` is position `i`). A node reading two branches of
    /// one stream keeps the rows both still carry, by these positions.
    public var streamPositions: [Int]?

    /// Creates a batch; rows are inserts unless `kinds` says otherwise.
    public init(columns: [String], rows: [[Value]] = [], kinds: [RowKind]? = nil, streamPositions: [Int]? = nil) {
        self.columns = columns
        self.rows = rows
        self.kinds = kinds ?? Array(repeating: .insert, count: rows.count)
        self.streamPositions = streamPositions
    }

    /// The number of rows.
    public var count: Int { rows.count }

    /// This batch followed by the rows of `other` (same columns).
    public func appending(_ other: RowBatch) -> RowBatch {
        var result = self
        result.rows += other.rows
        result.kinds += other.kinds
        // Only a node fed twice in one wave appends (a Union): an active one, whose rows start a
        // stream of their own.
        result.streamPositions = nil
        return result
    }

    /// Appends one row with its kind.
    public mutating func append(_ row: [Value], kind: RowKind) {
        rows.append(row)
        kinds.append(kind)
    }

    /// The rows as a ``RowSet`` (kinds dropped).
    public var rowSet: RowSet { RowSet(columns: columns, rows: rows) }

    /// Splits the batch into batches of at most `size` rows.
    public func chunks(of size: Int) -> [RowBatch] {
        guard rows.count > size else { return [self] }
        return stride(from: 0, to: rows.count, by: size).map { start in
            let end = min(start + size, rows.count)
            return RowBatch(
                columns: columns, rows: Array(rows[start..<end]), kinds: Array(kinds[start..<end]),
                streamPositions: streamPositions.map { Array($0[start..<end]) })
        }
    }
}

/// A run-stopping failure of one node, with its diagnostic.
public struct NodeFailure: Error, Sendable {
    /// What went wrong, where, and what to do.
    public var diagnostic: Diagnostic

    /// Creates a failure.
    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}
