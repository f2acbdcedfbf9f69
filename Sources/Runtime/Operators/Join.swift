import IR

/// Joins two row sets on equal keys (reference §2.5).
///
/// `left` is the streamed input (PowerCenter detail), `right` the cached one (master): "Master
/// Outer" is `.leftOuter` (all detail rows), "Detail Outer" is `.rightOuter` (all master rows).
/// Several matches give every pair. Output columns are the left columns then the right ones; rows
/// come in left order, each with its matches in right order, then the unmatched right rows
/// [BELIEVED order; do not rely on it]. Keys are compared pairwise with a nested loop.
public enum Join {
    /// The joined rows.
    public static func run(
        kind: JoinKind, left: RowSet, right: RowSet, keys: [KeyPair], nullKeysMatch: Bool,
        caseSensitive: Bool = true, settings: EvaluationSettings
    ) throws(RowError) -> RowSet {
        let leftKeys = try left.indexes(of: keys.map(\.left))
        let rightKeys = try right.indexes(of: keys.map(\.right))
        let leftBlank = [Value](repeating: .null, count: left.columns.count)
        let rightBlank = [Value](repeating: .null, count: right.columns.count)
        var rightMatched = [Bool](repeating: false, count: right.rows.count)
        var rows: [[Value]] = []
        for leftRow in left.rows {
            let key = leftKeys.map { leftRow[$0] }
            var matched = false
            for (offset, rightRow) in right.rows.enumerated() {
                let other = rightKeys.map { rightRow[$0] }
                guard
                    try KeyComparison.equal(
                        key, other, nullKeysMatch: nullKeysMatch, caseSensitive: caseSensitive, settings)
                else { continue }
                matched = true
                rightMatched[offset] = true
                rows.append(leftRow + rightRow)
            }
            if !matched && (kind == .leftOuter || kind == .fullOuter) { rows.append(leftRow + rightBlank) }
        }
        if kind == .rightOuter || kind == .fullOuter {
            for (offset, rightRow) in right.rows.enumerated() where !rightMatched[offset] {
                rows.append(leftBlank + rightRow)
            }
        }
        return RowSet(columns: left.columns + right.columns, rows: rows)
    }
}
