/// Groups of rows found by their key columns without building a key array per row: an
/// open-addressing table of group positions probed with the hash of the key columns, each group's
/// key values kept in one flat array (or by the caller). Keys are equal as `[Value]` keys are (`Value.==`), so the
/// grouping is the one a `[[Value]: Int]` dictionary gives, numbered in order of first appearance.
struct GroupTable {
    /// The columns of a row that form its key.
    let keyColumns: [Int]
    /// Whether numbers are compared by value whatever their representation (1, 1.0 and the
    /// decimal 1 are one key), as ``LookupIndex/normalize(_:caseSensitive:trim:)`` makes them.
    let numbersByValue: Bool
    /// Each group's key values, `keyColumns.count` per group, in group order.
    private var keys: [Value] = []
    /// The number of groups.
    private(set) var count = 0
    /// Per slot: a group's key hash and position + 1 (0 marks an empty slot), side by side so
    /// that a probe reads one place. The count is a power of two.
    private var slots: [(hash: Int, group: Int)]

    /// An empty table with room for about `capacity` groups before it grows.
    init(keyColumns: [Int], numbersByValue: Bool = false, capacity: Int = 512) {
        self.keyColumns = keyColumns
        self.numbersByValue = numbersByValue
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: (0, 0), count: size)
    }

    /// The position of `row`'s group, nil when there is none.
    func find(_ row: [Value]) -> Int? {
        probe(keyHash(row)) { keyEquals(row, group: $0) }.position
    }

    /// The position of `row`'s group, added when there is none, and whether it was added.
    mutating func insert(_ row: [Value]) -> (position: Int, isNew: Bool) {
        let hash = keyHash(row)
        let (slot, found) = probe(hash) { keyEquals(row, group: $0) }
        if let found { return (found, false) }
        for column in keyColumns { keys.append(key(row[column])) }
        return (add(hash, at: slot), true)
    }

    /// The position of `row`'s group, added when there is none, and whether it was added, for a
    /// caller that keeps each group's key itself: `isGroup(position)` says whether the group at
    /// `position` has `row`'s key.
    mutating func insert(_ row: [Value], keptBy isGroup: (Int) -> Bool) -> (position: Int, isNew: Bool) {
        insert(hash: keyHash(row), keptBy: isGroup)
    }

    /// ``insert(_:keptBy:)`` for a row whose key hash (``keyHash(_:)``) is `hash`.
    @inline(__always)
    mutating func insert(hash: Int, keptBy isGroup: (Int) -> Bool) -> (position: Int, isNew: Bool) {
        let (slot, found) = probe(hash, isGroup)
        if let found { return (found, false) }
        return (add(hash, at: slot), true)
    }

    /// The position of the first group with key hash `hash`, nil when there is none: the group a
    /// row with that hash most likely belongs to (reading it early brings its memory in).
    @inline(__always)
    func likelyGroup(_ hash: Int) -> Int? {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot].group != 0 {
            if slots[slot].hash == hash { return slots[slot].group - 1 }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Reads the slot where the probe for `hash` starts and returns a number that depends on it,
    /// so that reading the slots of several rows before probing overlaps their cache misses.
    @inline(__always)
    func touch(_ hash: Int) -> Int {
        slots[hash & (slots.count - 1)].group
    }

    /// The slot of the group with `hash` that `isGroup` accepts and its position, or the empty
    /// slot where such a group goes.
    private func probe(_ hash: Int, _ isGroup: (Int) -> Bool) -> (slot: Int, position: Int?) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot].group != 0 {
            let position = slots[slot].group - 1
            if slots[slot].hash == hash && isGroup(position) { return (slot, position) }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    /// Places a new group with `hash` in the empty `slot`; returns its position.
    private mutating func add(_ hash: Int, at slot: Int) -> Int {
        let position = count
        count += 1
        slots[slot] = (hash, position + 1)
        if count * 2 > slots.count { grow() }
        return position
    }

    /// The form of `value` that is compared and hashed.
    @inline(__always)
    private func key(_ value: Value) -> Value {
        guard numbersByValue else { return value }
        switch value {
        case .decimal, .double: return LookupIndex.normalize([value], caseSensitive: true, trim: false)[0]
        default: return value
        }
    }

    /// The hash of `row`'s key columns.
    func keyHash(_ row: [Value]) -> Int {
        var hasher = Hasher()
        for column in keyColumns { hasher.combine(key(row[column])) }
        return hasher.finalize()
    }

    private func keyEquals(_ row: [Value], group: Int) -> Bool {
        var offset = group * keyColumns.count
        for column in keyColumns {
            guard keys[offset] == key(row[column]) else { return false }
            offset += 1
        }
        return true
    }

    /// Doubles the slots and places every group again.
    private mutating func grow() {
        var larger = [(hash: Int, group: Int)](repeating: (0, 0), count: slots.count * 2)
        let mask = larger.count - 1
        for entry in slots where entry.group != 0 {
            var slot = entry.hash & mask
            while larger[slot].group != 0 { slot = (slot + 1) & mask }
            larger[slot] = entry
        }
        slots = larger
    }
}

/// The keys a target has written in this run (inserted and not deleted since), read from rows'
/// key columns; equal numbers are one key whatever their representation.
struct WrittenKeys {
    private var table: GroupTable
    /// Per group of `table`: whether its key is written now (a deleted key stays in the table).
    private var present: [Bool] = []

    init(keyColumns: [Int]) { table = GroupTable(keyColumns: keyColumns, numbersByValue: true) }

    /// Whether the key of `row` is written.
    func contains(_ row: [Value]) -> Bool {
        table.find(row).map { present[$0] } ?? false
    }

    /// Records the key of `row` as written.
    mutating func insert(_ row: [Value]) {
        let (position, isNew) = table.insert(row)
        if isNew { present.append(true) } else { present[position] = true }
    }

    /// Records the key of `row` as deleted.
    mutating func remove(_ row: [Value]) {
        if let position = table.find(row) { present[position] = false }
    }
}
