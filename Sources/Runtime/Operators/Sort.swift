import IR

/// Sorts rows (reference §2.8).
///
/// Keys most significant first, each ascending or descending; NULL sorts as the highest value
/// (`nulls: .high`, PowerCenter's default) or the lowest; case-insensitive ordering compares
/// upper-cased strings. The sort is stable. With `distinct`, all columns become keys (after the
/// given ones, ascending) and duplicate rows are removed.
public enum Sort {
    /// The sorted rows.
    public static func run(spec: SortSpec, input: RowSet, settings: EvaluationSettings) throws(RowError) -> RowSet {
        var keys: [(column: Int, descending: Bool)] = []
        for key in spec.keys { keys.append((try input.index(of: key.port), key.descending)) }
        if spec.distinct {
            for column in input.columns.indices where !keys.contains(where: { $0.column == column }) {
                keys.append((column, false))
            }
        }
        let compare = { (a: [Value], b: [Value]) throws(RowError) -> Int in
            for key in keys {
                let order = try KeyComparison.order(
                    a[key.column], b[key.column], nulls: spec.nulls, caseSensitive: spec.caseSensitive, settings)
                if order != 0 { return key.descending ? -order : order }
            }
            return 0
        }
        var rows = try KeyComparison.stableSorted(input.rows, by: compare)
        if spec.distinct {
            var kept: [[Value]] = []
            for row in rows
            where try kept.last.map({ (last: [Value]) throws(RowError) -> Bool in
                try compare(last, row) != 0
            }) ?? true {
                kept.append(row)
            }
            rows = kept
        }
        return RowSet(columns: input.columns, rows: rows)
    }
}
