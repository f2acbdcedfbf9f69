import IR

/// A cached lookup into an in-memory table (reference §2.6).
///
/// `keys` pair an input column (left) with a table column (right). With `nullKeysMatch` (cached
/// PowerCenter lookups) a NULL input matches a NULL table value. Policies: `first`/`last` take the
/// lowest/highest match ordered by the key columns, then the other table columns, ascending with
/// NULL high [BELIEVED; PowerCenter's cache order beyond the keys is not documented]; `any` takes
/// the match `first` takes (``EvaluationSettings/anyLookupValueIsFirstInCacheOrder``; off: the
/// first match read); `error` raises a row error on two or more matches; `all` yields one row
/// per match. No match gives NULL in every returned column.
public struct Lookup: Sendable {
    /// The looked-up rows.
    public var table: RowSet
    /// The key pairs (input column, table column).
    public var keys: [KeyPair]
    /// The table columns returned.
    public var returning: [String]
    /// What happens on several matches.
    public var policy: MultipleMatchPolicy
    /// Whether NULL matches NULL.
    public var nullKeysMatch: Bool
    /// Whether strings compare case-sensitively.
    public var caseSensitive: Bool

    /// Creates a lookup.
    public init(
        table: RowSet, keys: [KeyPair], returning: [String], policy: MultipleMatchPolicy,
        nullKeysMatch: Bool = true, caseSensitive: Bool = true
    ) {
        self.table = table
        self.keys = keys
        self.returning = returning
        self.policy = policy
        self.nullKeysMatch = nullKeysMatch
        self.caseSensitive = caseSensitive
    }

    /// The input columns plus the returned columns; one row per input row (several under `all`).
    public func run(_ input: RowSet, settings: EvaluationSettings) throws(RowError) -> RowSet {
        let inputKeys = try input.indexes(of: keys.map(\.left))
        var rows: [[Value]] = []
        for row in input.rows {
            for values in try returnedValues(for: inputKeys.map { row[$0] }, settings) { rows.append(row + values) }
        }
        return RowSet(columns: input.columns + returning, rows: rows)
    }

    /// The returned columns' values for one input key: one list, or one per match under `all`.
    public func returnedValues(for key: [Value], _ settings: EvaluationSettings) throws(RowError) -> [[Value]] {
        let returned = try table.indexes(of: returning)
        let matches = try matchingRows(key, settings)
        guard !matches.isEmpty else { return [returned.map { _ in .null }] }
        let chosen: [[Value]]
        switch policy {
        case .all: chosen = matches
        case .any:
            chosen = [settings.anyLookupValueIsFirstInCacheOrder ? try ordered(matches, settings)[0] : matches[0]]
        case .first: chosen = [try ordered(matches, settings)[0]]
        case .last: chosen = [try ordered(matches, settings)[matches.count - 1]]
        case .error:
            guard matches.count == 1 else {
                throw OperatorErrors.error(
                    OperatorErrors.multipleLookupMatches, "the lookup found \(matches.count) rows for key \(key)")
            }
            chosen = matches
        }
        return chosen.map { match in returned.map { match[$0] } }
    }

    /// The table rows whose keys equal `key`, in table order.
    private func matchingRows(_ key: [Value], _ settings: EvaluationSettings) throws(RowError) -> [[Value]] {
        let tableKeys = try table.indexes(of: keys.map(\.right))
        var matches: [[Value]] = []
        for row in table.rows {
            let candidate = tableKeys.map { row[$0] }
            if try KeyComparison.equal(
                key, candidate, nullKeysMatch: nullKeysMatch, caseSensitive: caseSensitive, settings)
            {
                matches.append(row)
            }
        }
        return matches
    }

    /// `rows` in cache order: key columns, then the other columns, ascending, NULL high.
    private func ordered(_ rows: [[Value]], _ settings: EvaluationSettings) throws(RowError) -> [[Value]] {
        let keyColumns = try table.indexes(of: keys.map(\.right))
        let columns = keyColumns + table.columns.indices.filter { !keyColumns.contains($0) }
        return try KeyComparison.stableSorted(rows) { (a: [Value], b: [Value]) throws(RowError) -> Int in
            for column in columns {
                let order = try KeyComparison.order(
                    a[column], b[column], nulls: .high, caseSensitive: caseSensitive, settings)
                if order != 0 { return order }
            }
            return 0
        }
    }
}
