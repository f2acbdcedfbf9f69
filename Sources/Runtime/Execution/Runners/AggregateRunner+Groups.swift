/// The groups' rows and cells in ``AggregateRunner/store``.
extension AggregateRunner {
    /// Adds `row` (key hash `hash`) to its group; a row error rejects the row.
    @inline(__always)
    func add(
        _ row: [Value], hash: Int, _ values: inout [Value], _ filters: inout [Value?], _ shared: SharedSettings,
        _ context: RunContext, _ groups: inout GroupTable, _ store: inout [Value],
        _ general: inout [AggregateAccumulator]
    ) {
        let width = calls.count
        do throws(RowError) {
            var scratch = plainArguments ? [] : row
            for offset in 0..<width {
                if let column = calls[offset].column {
                    values[offset] = row[column]
                } else {
                    values[offset] = try calls[offset].argument?.evaluate(&scratch, state: &context.state) ?? .null
                }
                if calls[offset].filter != nil {
                    filters[offset] = try calls[offset].filter?.evaluate(&scratch, state: &context.state)
                }
            }
            let (position, isNew) = groups.insert(hash: hash) { isKept(row, position: $0, in: store) }
            if isNew { startGroup(row, context, &store, &general) }
            let first = position * stride + inputCount
            for offset in 0..<width {
                try addToCell(
                    offset, at: first + offset, values[offset], filter: filters[offset], shared, &store, &general)
            }
            if spec.ungroupedValue == .lastRow && !isNew { keep(row, for: position, in: &store) }
        } catch {
            context.reject(id, error, kind: .insert, values: row)
        }
    }

    /// Appends a new group's row and empty cells (and the full accumulators of its calls that need one).
    func startGroup(
        _ row: [Value], _ context: RunContext, _ store: inout [Value], _ general: inout [AggregateAccumulator]
    ) {
        for column in 0..<inputCount { store.append(column < row.count ? row[column] : .null) }
        for offset in kinds.indices {
            guard kinds[offset] == .accumulator else {
                store.append(kinds[offset].emptyCell)
                continue
            }
            store.append(.integer(Int64(general.count)))
            general.append(
                AggregateAccumulator(
                    calls[offset].function, shared: sharedSettings(context), percentage: calls[offset].percentage))
        }
    }

    /// Adds `value` to cell `index` of `store`, which holds call `call`.
    @inline(__always)
    func addToCell(
        _ call: Int, at index: Int, _ value: Value, filter: Value?, _ shared: SharedSettings,
        _ store: inout [Value], _ general: inout [AggregateAccumulator]
    ) throws(RowError) {
        let kind = kinds[call]
        if kind == .accumulator {
            guard case .integer(let accumulator) = store[index] else { return }
            try general[Int(accumulator)].add(value, filter: filter)
            return
        }
        try AggregateCell.add(kind, &store[index], value, filter: filter, settings: shared.settings)
    }

    /// The aggregate of call `call` for group `group`.
    func result(group: Int, call: Int) throws(RowError) -> Value {
        let cell = store[group * stride + inputCount + call]
        guard kinds[call] == .accumulator else { return AggregateCell.result(cell) }
        guard case .integer(let accumulator) = cell else { return .null }
        return try general[Int(accumulator)].result()
    }

    /// Makes `row` the row kept for group `position`.
    @inline(__always)
    func keep(_ row: [Value], for position: Int, in store: inout [Value]) {
        let first = position * stride
        for column in 0..<inputCount { store[first + column] = column < row.count ? row[column] : .null }
    }

    /// Whether the row kept for group `position` has the key of `row`.
    @inline(__always)
    func isKept(_ row: [Value], position: Int, in store: [Value]) -> Bool {
        let first = position * stride
        for column in keyColumns where store[first + column] != row[column] { return false }
        return true
    }

    /// The group positions in the order the groups are emitted: ascending by the group-by ports
    /// (``EvaluationSettings/aggregatorEmitsGroupsInKeyOrder``, reference §2.4 BELIEVED), else, and
    /// always with sorted input, in the order their first rows arrived.
    func emissionOrder(_ settings: EvaluationSettings) -> [Int] {
        let positions = Array(0..<groups.count)
        guard settings.aggregatorEmitsGroupsInKeyOrder, !spec.sortedInput, !keyColumns.isEmpty, positions.count > 1
        else { return positions }
        let stride = stride
        let keyColumns = keyColumns
        if let sorted = GroupKeyOrder.sortedPositions(
            count: positions.count, stride: stride, keyColumns: keyColumns, store: store)
        {
            return sorted
        }
        return store.withUnsafeBufferPointer { values in
            positions.sorted { a, b in
                for column in keyColumns {
                    let order = Self.groupKeyOrder(values[a * stride + column], values[b * stride + column], settings)
                    if order != 0 { return order < 0 }
                }
                return a < b
            }
        }
    }

    /// The order of two group-by values of one port: NULL first, strings by code point (exactly:
    /// groups that differ only in trailing blanks are distinct groups), numbers by value, dates
    /// chronologically.
    static func groupKeyOrder(_ a: Value, _ b: Value, _ settings: EvaluationSettings) -> Int {
        switch (a, b) {
        case (.null, .null): 0
        case (.null, _): -1
        case (_, .null): 1
        case (.string(let x), .string(let y)): Comparison.binaryOrder(x, y)
        case (.integer(let x), .integer(let y)): x < y ? -1 : (x == y ? 0 : 1)
        case (.dateTime(let x), .dateTime(let y)): x < y ? -1 : (x == y ? 0 : 1)
        default: (try? Comparison.orderOfNonNull(a, b, settings)) ?? 0
        }
    }

    /// The row kept for group `position`.
    func chosenRow(_ position: Int) -> [Value] {
        Array(store[(position * stride)..<(position * stride + inputCount)])
    }

    /// Reads the table slots of the rows with key hashes `hashes`, then the first and last bytes
    /// of the groups they most likely belong to: independent reads whose cache misses overlap,
    /// where the probes that follow would wait for each in turn. Changes nothing; returns a number
    /// that depends on the bytes read.
    static func readAhead(_ hashes: ArraySlice<Int>, _ groups: GroupTable, _ store: [Value], stride: Int) -> Int {
        var sum = 0
        for hash in hashes { sum &+= groups.touch(hash) }
        let size = MemoryLayout<Value>.stride * stride
        store.withUnsafeBytes { bytes in
            for hash in hashes {
                guard let position = groups.likelyGroup(hash) else { continue }
                let first = position * size
                guard first + size <= bytes.count else { continue }
                sum &+= Int(bytes.load(fromByteOffset: first, as: UInt8.self))
                sum &+= Int(bytes.load(fromByteOffset: first + size - 1, as: UInt8.self))
            }
        }
        return sum
    }
}
