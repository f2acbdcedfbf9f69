import IR

/// Tracks, for every element of the inventoried kinds in one input, whether the translation
/// represented it in the IR or named it in a diagnostic.
///
/// Architecture invariant: an importer calls ``represent(_:)`` only where the IR object it builds
/// carries that element's provenance (its line and column), and ``diagnose(_:)`` only together with
/// a diagnostic located at the element or at an ancestor whose diagnostic names it.
///
/// Elements are identified by kind, line and column. A tree from the reader registers its elements
/// in strictly increasing position order, so they are found by binary search in compact arrays; a
/// hand-built tree whose positions repeat or go backwards falls back to a dictionary.
struct ConservationLedger: Sendable {
    /// The element kinds whose conservation is reported.
    static let inventoriedKinds = [
        "FOLDER", "SOURCE", "TARGET", "TRANSFORMATION", "TRANSFORMFIELD", "MAPPLET", "MAPPING", "INSTANCE",
        "CONNECTOR", "SHORTCUT", "SESSION", "WORKLET", "WORKFLOW", "TASK", "TASKINSTANCE", "WORKFLOWLINK",
    ]

    private struct Key: Hashable {
        var kind: UInt8
        var line: Int
        var column: Int

        func hash(into hasher: inout Hasher) {
            hasher.combine(
                UInt64(truncatingIfNeeded: line) &* 0x9E37_79B9 ^ UInt64(truncatingIfNeeded: column) << 8 ^ UInt64(kind)
            )
        }
    }

    private static let pending: UInt8 = 0
    private static let represented: UInt8 = 1
    private static let diagnosed: UInt8 = 2

    /// Registered elements in registration order: kind index, packed position and fate.
    private var kinds: [UInt8] = []
    private var positions: [UInt64] = []
    private var fates: [UInt8] = []
    /// Set once positions stop increasing strictly; then `index` finds entries.
    private var index: [Key: Int]?
    /// The entry found last (a hint for the next search).
    private var finger = 0

    /// The index in ``inventoriedKinds`` of element name `name`, if it is inventoried.
    @inline(__always)
    private static func kindIndex(_ name: String) -> UInt8? {
        switch name {
        case "FOLDER": 0
        case "SOURCE": 1
        case "TARGET": 2
        case "TRANSFORMATION": 3
        case "TRANSFORMFIELD": 4
        case "MAPPLET": 5
        case "MAPPING": 6
        case "INSTANCE": 7
        case "CONNECTOR": 8
        case "SHORTCUT": 9
        case "SESSION": 10
        case "WORKLET": 11
        case "WORKFLOW": 12
        case "TASK": 13
        case "TASKINSTANCE": 14
        case "WORKFLOWLINK": 15
        default: nil
        }
    }

    /// `line` and `column` in one sortable number, or nil when either is out of range.
    @inline(__always)
    private static func packed(line: Int, column: Int) -> UInt64? {
        guard line >= 0, column >= 0, line <= Int(UInt32.max), column <= Int(UInt32.max) else { return nil }
        return UInt64(line) << 32 | UInt64(column)
    }

    /// Registers every inventoried element of `root`'s subtree as pending.
    mutating func register(tree root: XMLElementNode) {
        registerSubtree(root)
    }

    /// Registers one element of shape `shape` at `line` and `column` as pending. Registering a
    /// tree's elements this way in document order is the same as registering the tree.
    @inline(__always)
    mutating func register(shape: XMLElementShape, line: Int, column: Int) {
        if let kind = kind(of: shape) { add(kind: kind, line: line, column: column) }
    }

    private mutating func registerSubtree(_ element: borrowing XMLElementNode) {
        if let kind = kind(of: element.shape) { add(kind: kind, line: element.line, column: element.column) }
        // Through the buffer: iterating (or even indexing the array) copies every child, four
        // retains and releases each.
        element.children.withUnsafeBufferPointer { children in
            for index in children.indices { registerSubtree(children[index]) }
        }
    }

    /// The last shape looked up and its kind: siblings mostly share a shape (the fields of one
    /// transformation), and comparing identities is far cheaper than comparing names. The shape is
    /// held, so its identity cannot be reused by another shape.
    private var lastShape: XMLElementShape?
    private var lastKind: UInt8?

    /// The inventoried kind of `element`, if any.
    @inline(__always)
    private mutating func kind(of shape: XMLElementShape) -> UInt8? {
        if shape === lastShape { return lastKind }
        let kind = Self.kindIndex(shape.name)
        lastShape = shape
        lastKind = kind
        return kind
    }

    private mutating func add(kind: UInt8, line: Int, column: Int) {
        if index == nil, let position = Self.packed(line: line, column: column),
            positions.last.map({ $0 < position }) ?? true
        {
            kinds.append(kind)
            positions.append(position)
            fates.append(Self.pending)
            return
        }
        if index == nil { index = buildIndex() }
        let key = Key(kind: kind, line: line, column: column)
        guard index?[key] == nil else { return }
        index?[key] = kinds.count
        kinds.append(kind)
        positions.append(Self.packed(line: line, column: column) ?? 0)
        fates.append(Self.pending)
        lines.append(line)
        columns.append(column)
    }

    /// Unpacked positions, kept only once the dictionary index is in use (positions may not pack).
    private var lines: [Int] = []
    private var columns: [Int] = []

    private mutating func buildIndex() -> [Key: Int] {
        var built: [Key: Int] = [:]
        for entry in kinds.indices {
            let line = Int(positions[entry] >> 32)
            let column = Int(positions[entry] & 0xFFFF_FFFF)
            lines.append(line)
            columns.append(column)
            built[Key(kind: kinds[entry], line: line, column: column)] = entry
        }
        return built
    }

    /// The entry registered for `element`, if any.
    @inline(__always)
    private mutating func entry(of element: borrowing XMLElementNode) -> Int? {
        guard let kind = kind(of: element.shape) else { return nil }
        if let index { return index[Key(kind: kind, line: element.line, column: element.column)] }
        guard let position = Self.packed(line: element.line, column: element.column) else { return nil }
        // Translators mostly mark elements in document order: try the entries after the last one
        // found before searching (positions are strictly increasing, so a match is the only one).
        for candidate in finger..<min(finger + 2, positions.count) where positions[candidate] == position {
            finger = candidate
            return kinds[candidate] == kind ? candidate : nil
        }
        var low = 0
        var high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] < position { low = middle + 1 } else { high = middle }
        }
        guard low < positions.count, positions[low] == position else { return nil }
        finger = low
        return kinds[low] == kind ? low : nil
    }

    /// Records that `element` is represented in the IR. Representation wins over diagnosis.
    mutating func represent(_ element: borrowing XMLElementNode) {
        if let entry = entry(of: element) { fates[entry] = Self.represented }
    }

    /// Records that `element` and every inventoried element below it that is not represented is
    /// named by a diagnostic.
    mutating func diagnose(_ element: borrowing XMLElementNode) {
        if let entry = entry(of: element), fates[entry] == Self.pending { fates[entry] = Self.diagnosed }
        element.children.withUnsafeBufferPointer { children in
            for index in children.indices { diagnose(children[index]) }
        }
    }

    /// The per-kind counts, in ``inventoriedKinds`` order, omitting kinds the input did not hold.
    func entries(file: String) -> [InventoryEntry] {
        let kindCount = Self.inventoriedKinds.count
        var seen = [Int](repeating: 0, count: kindCount)
        var represented = [Int](repeating: 0, count: kindCount)
        var diagnosed = [Int](repeating: 0, count: kindCount)
        var unaccounted = [[SourceLocation]](repeating: [], count: kindCount)
        for entry in kinds.indices {
            let kind = Int(kinds[entry])
            seen[kind] += 1
            switch fates[entry] {
            case Self.represented: represented[kind] += 1
            case Self.diagnosed: diagnosed[kind] += 1
            default:
                unaccounted[kind].append(SourceLocation(file: file, line: line(of: entry), column: column(of: entry)))
            }
        }
        return Self.inventoriedKinds.indices.compactMap { kind in
            guard seen[kind] > 0 else { return nil }
            return InventoryEntry(
                kind: Self.inventoriedKinds[kind], seen: seen[kind], represented: represented[kind],
                diagnosed: diagnosed[kind], unaccounted: unaccounted[kind])
        }
    }

    private func line(of entry: Int) -> Int { index == nil ? Int(positions[entry] >> 32) : lines[entry] }

    private func column(of entry: Int) -> Int {
        index == nil ? Int(positions[entry] & 0xFFFF_FFFF) : columns[entry]
    }
}
