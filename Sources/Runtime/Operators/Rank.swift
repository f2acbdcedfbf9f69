import IR

/// Keeps the top or bottom N rows per group (reference §2.9).
///
/// The index is SQL `RANK()`: 1 + the number of rows of the group strictly better, so ties share
/// an index and the next is skipped (100, 100, 90 → 1, 1, 3); rows with index ≤ `count` are kept,
/// all tied rows included. Each output row is a real input row (its other columns are its own),
/// followed by the index column when `indexPort` is set. Groups come in order of first appearance,
/// rows within a group best first. NULL rank values rank as the lowest values [uncertain].
public enum Rank {
    /// The ranked rows.
    public static func run(spec: RankSpec, input: RowSet, settings: EvaluationSettings) throws(RowError) -> RowSet {
        let rankColumn = try input.index(of: spec.rankBy)
        let groups = KeyComparison.groups(input.rows, keyIndexes: try input.indexes(of: spec.groupBy))
        var rows: [[Value]] = []
        for group in groups {
            let better = { (a: Int, b: Int) throws(RowError) -> Int in
                let order = try KeyComparison.order(
                    input.rows[a][rankColumn], input.rows[b][rankColumn], nulls: .low,
                    caseSensitive: spec.caseSensitive, settings)
                return spec.top ? -order : order
            }
            let sorted = try KeyComparison.stableSorted(group, by: better)
            var index = 0
            for (place, position) in sorted.enumerated() {
                let tied = place > 0 ? try better(sorted[place - 1], position) == 0 : false
                if !tied { index = place + 1 }
                guard index <= spec.count else { break }
                let row = input.rows[position]
                rows.append(spec.indexPort == nil ? row : row + [.integer(Int64(index))])
            }
        }
        return RowSet(columns: input.columns + (spec.indexPort.map { [$0] } ?? []), rows: rows)
    }
}
