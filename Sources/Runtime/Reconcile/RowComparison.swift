/// How two tables' rows compare: as multisets of whole rows, or matched by key with the differing
/// columns named.
public struct RowComparison: Hashable, Sendable, Codable {
    /// The key columns rows were matched by; empty when whole rows were compared as multisets.
    public var keys: [String]
    /// Rows present on both sides with equal values.
    public var matched = 0
    /// Source rows with no equal (multiset) or no same-key (keyed) target row.
    public var missing = 0
    /// Target rows with no equal or same-key source row.
    public var extra = 0
    /// Rows whose key is on both sides but whose values differ (keyed only).
    public var mismatched = 0
    /// Per column, how many matched-key rows differ in it (keyed only).
    public var columnMismatches: [String: Int] = [:]
    /// Some missing source rows, shown as text.
    public var missingSamples: [[String]] = []
    /// Some extra target rows, shown as text.
    public var extraSamples: [[String]] = []
    /// Some differing values of rows matched by key.
    public var mismatchSamples: [Mismatch] = []

    /// One differing value of a row matched by key.
    public struct Mismatch: Hashable, Sendable, Codable {
        /// The row's key values.
        public var key: [String]
        /// The column that differs.
        public var column: String
        /// The source's value.
        public var source: String
        /// The target's value.
        public var target: String
    }

    /// Whether every row matched.
    public var isEqual: Bool { missing == 0 && extra == 0 && mismatched == 0 }

    /// The rows that differ: missing, extra and mismatched.
    public var differing: Int { missing + extra + mismatched }
}

/// Compares the rows of two tables, already read, with type-aware equality (``ComparableValue``).
public struct TableComparer: Sendable {
    /// The columns compared, in the source's order, with the kind each is compared as.
    public var columns: [(name: String, kind: DatabaseColumn.ValueKind)]
    /// The key columns (names among ``columns``); empty to compare whole rows as multisets.
    public var keys: [String]
    /// The largest absolute difference two numbers may have and still be equal (keyed only).
    public var tolerance: Double
    /// Whether trailing blanks of text are ignored (CHAR columns pad them).
    public var trimTrailingBlanks: Bool
    /// How many rows or values of each sort to keep as samples.
    public var sampleLimit: Int

    /// Creates a comparer.
    public init(
        columns: [(name: String, kind: DatabaseColumn.ValueKind)], keys: [String] = [], tolerance: Double = 0,
        trimTrailingBlanks: Bool = false, sampleLimit: Int = 10
    ) {
        self.columns = columns
        self.keys = keys
        self.tolerance = tolerance
        self.trimTrailingBlanks = trimTrailingBlanks
        self.sampleLimit = sampleLimit
    }

    /// Compares `source` with `target`; both rows hold one value per column of ``columns``, in order.
    public func compare(source: [[Value]], target: [[Value]]) -> RowComparison {
        let keyIndexes = keys.compactMap { key in columns.firstIndex { $0.name.uppercased() == key.uppercased() } }
        var result = RowComparison(keys: keyIndexes.map { columns[$0].name })
        let sourceRows = source.map(comparable)
        let targetRows = target.map(comparable)
        if keyIndexes.isEmpty {
            compareMultisets(sourceRows, source, targetRows, target, &result)
        } else {
            compareKeyed(keyIndexes, sourceRows, source, targetRows, target, &result)
        }
        return result
    }

    /// A row's values in comparable form.
    func comparable(_ row: [Value]) -> [ComparableValue] {
        zip(row, columns).map { ComparableValue($0, as: $1.kind, trimTrailingBlanks: trimTrailingBlanks) }
    }

    /// Whole rows as multisets: each source row cancels one equal target row.
    func compareMultisets(
        _ sourceRows: [[ComparableValue]], _ source: [[Value]], _ targetRows: [[ComparableValue]],
        _ target: [[Value]], _ result: inout RowComparison
    ) {
        var remaining: [[ComparableValue]: [Int]] = [:]
        for (index, row) in targetRows.enumerated() { remaining[row, default: []].append(index) }
        for (index, row) in sourceRows.enumerated() {
            if var indexes = remaining[row], !indexes.isEmpty {
                indexes.removeLast()
                remaining[row] = indexes
                result.matched += 1
            } else {
                result.missing += 1
                sample(source[index], into: &result.missingSamples)
            }
        }
        for index in remaining.values.flatMap({ $0 }).sorted() {
            result.extra += 1
            sample(target[index], into: &result.extraSamples)
        }
    }

    /// Rows matched by key; within one key, equal rows cancel first and the rest pair in order.
    func compareKeyed(
        _ keyIndexes: [Int], _ sourceRows: [[ComparableValue]], _ source: [[Value]],
        _ targetRows: [[ComparableValue]], _ target: [[Value]], _ result: inout RowComparison
    ) {
        var targetsByKey: [[ComparableValue]: [Int]] = [:]
        var keyOrder: [[ComparableValue]] = []
        for (index, row) in targetRows.enumerated() {
            let key = keyIndexes.map { row[$0] }
            if targetsByKey[key] == nil { keyOrder.append(key) }
            targetsByKey[key, default: []].append(index)
        }
        for (index, row) in sourceRows.enumerated() {
            let key = keyIndexes.map { row[$0] }
            guard var candidates = targetsByKey[key], !candidates.isEmpty else {
                result.missing += 1
                sample(source[index], into: &result.missingSamples)
                continue
            }
            let position = candidates.firstIndex { equal(targetRows[$0], row) } ?? 0
            let other = candidates.remove(at: position)
            targetsByKey[key] = candidates
            let differing = columns.indices.filter { !equal(row[$0], targetRows[other][$0]) }
            guard !differing.isEmpty else {
                result.matched += 1
                continue
            }
            result.mismatched += 1
            for column in differing {
                result.columnMismatches[columns[column].name, default: 0] += 1
                guard result.mismatchSamples.count < sampleLimit else { continue }
                result.mismatchSamples.append(
                    RowComparison.Mismatch(
                        key: keyIndexes.map { ComparableValue.display(source[index][$0]) },
                        column: columns[column].name,
                        source: ComparableValue.display(source[index][column]),
                        target: ComparableValue.display(target[other][column])))
            }
        }
        for key in keyOrder {
            for index in targetsByKey[key] ?? [] {
                result.extra += 1
                sample(target[index], into: &result.extraSamples)
            }
        }
    }

    /// Whether two rows are equal value by value (within the tolerance).
    func equal(_ a: [ComparableValue], _ b: [ComparableValue]) -> Bool {
        a.indices.allSatisfy { equal(a[$0], b[$0]) }
    }

    /// Whether two values are equal; numbers within ``tolerance`` of each other are.
    func equal(_ a: ComparableValue, _ b: ComparableValue) -> Bool {
        if a == b { return true }
        guard tolerance > 0, let x = a.doubleValue, let y = b.doubleValue else { return false }
        return abs(x - y) <= tolerance
    }

    /// Keeps `row` as a sample while there is room.
    func sample(_ row: [Value], into samples: inout [[String]]) {
        guard samples.count < sampleLimit else { return }
        samples.append(row.map(ComparableValue.display))
    }
}
