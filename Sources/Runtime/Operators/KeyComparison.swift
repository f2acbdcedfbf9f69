import IR

/// How operators compare key values: NULL placement, NULL equality and case sensitivity are
/// explicit, never the session's comparison-operator setting.
enum KeyComparison {
    /// Orders two values; NULLs are equal to each other and sort as `nulls` says.
    static func order(
        _ a: Value, _ b: Value, nulls: NullOrder, caseSensitive: Bool, _ settings: EvaluationSettings
    ) throws(RowError) -> Int {
        switch (a.isNull, b.isNull) {
        case (true, true): return 0
        case (true, false): return nulls == .high ? 1 : -1
        case (false, true): return nulls == .high ? -1 : 1
        case (false, false): break
        }
        if !caseSensitive, case .string(let x) = a, case .string(let y) = b {
            return Comparison.binaryOrder(x.uppercased(), y.uppercased())
        }
        return try Comparison.orderOfNonNull(a, b, settings)
    }

    /// Whether two keys are equal, column by column; NULL equals NULL only when `nullKeysMatch`.
    static func equal(
        _ a: [Value], _ b: [Value], nullKeysMatch: Bool, caseSensitive: Bool, _ settings: EvaluationSettings
    ) throws(RowError) -> Bool {
        for (x, y) in zip(a, b) {
            if x.isNull || y.isNull {
                guard nullKeysMatch, x.isNull, y.isNull else { return false }
                continue
            }
            if try order(x, y, nulls: .high, caseSensitive: caseSensitive, settings) != 0 { return false }
        }
        return true
    }

    /// Sorts `items` stably by `order` (negative, zero or positive), which may raise a row error.
    static func stableSorted<T>(
        _ items: [T], by order: (T, T) throws(RowError) -> Int
    ) throws(RowError) -> [T] {
        var failure: RowError?
        let sorted = items.enumerated().sorted { a, b in
            do throws(RowError) {
                let result = try order(a.element, b.element)
                return result == 0 ? a.offset < b.offset : result < 0
            } catch {
                failure = failure ?? error
                return a.offset < b.offset
            }
        }
        if let failure { throw failure }
        return sorted.map(\.element)
    }
}

extension KeyComparison {
    /// The row positions of each group of equal keys, groups in order of first appearance. Keys
    /// compare exactly (same datatype and value); NULL keys form one group.
    static func groups(_ rows: [[Value]], keyIndexes: [Int]) -> [[Int]] {
        var positions: [[Value]: Int] = [:]
        var groups: [[Int]] = []
        for (offset, row) in rows.enumerated() {
            let key = keyIndexes.map { row[$0] }
            if let group = positions[key] {
                groups[group].append(offset)
            } else {
                positions[key] = groups.count
                groups.append([offset])
            }
        }
        return groups
    }
}
