/// Interns element and attribute names by the address libxml2's dictionary gives them.
///
/// libxml2 stores each distinct name once in `ctxt->dict`, so equal names arrive as equal pointers:
/// the table builds each Swift `String` once and later finds it by a pointer comparison.
/// Open addressing with linear probing; the table doubles when half full.
struct XMLNameTable {
    private var keys: [UnsafeRawPointer?]
    private var values: [String]
    private var count = 0
    private var mask: Int

    /// Creates an empty table with room for `capacity` slots (a power of two).
    init(capacity: Int = 256) {
        keys = Array(repeating: nil, count: capacity)
        values = Array(repeating: "", count: capacity)
        mask = capacity - 1
    }

    /// The string for the NUL-terminated dictionary name at `key`, built on first sight.
    @inline(__always)
    mutating func name(for key: UnsafePointer<UInt8>) -> String {
        let raw = UnsafeRawPointer(key)
        var slot = Self.slot(of: raw, mask: mask)
        while let existing = keys[slot] {
            if existing == raw { return values[slot] }
            slot = (slot &+ 1) & mask
        }
        let text = String(cString: key)
        insert(text, for: raw, at: slot)
        return text
    }

    /// The string `prefix:local`; prefixed names are rare in exports, so they are not cached.
    static func qualifiedName(local: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>) -> String {
        String(cString: prefix) + ":" + String(cString: local)
    }

    private mutating func insert(_ text: String, for key: UnsafeRawPointer, at slot: Int) {
        keys[slot] = key
        values[slot] = text
        count += 1
        if count * 2 > keys.count { grow() }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: nil, count: oldKeys.count * 2)
        values = Array(repeating: "", count: oldKeys.count * 2)
        mask = keys.count - 1
        for (index, key) in oldKeys.enumerated() {
            guard let key else { continue }
            var slot = Self.slot(of: key, mask: mask)
            while keys[slot] != nil { slot = (slot &+ 1) & mask }
            keys[slot] = key
            values[slot] = oldValues[index]
        }
    }

    @inline(__always)
    private static func slot(of key: UnsafeRawPointer, mask: Int) -> Int {
        let bits = UInt(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: bits >> 40) & mask
    }
}
