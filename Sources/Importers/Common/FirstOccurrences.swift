/// For a list of names, the position of the first name equal to each (by `String` equality), found
/// without `Hasher`: ASCII names (nearly all names in exports) are hashed with FNV-1a over their
/// bytes, which agrees with `==` on ASCII text; a list with any other name falls back to a
/// dictionary, so the answer is always exactly that of `==`.
enum FirstOccurrences {
    /// Lists this short are compared pairwise (cheaper than hashing).
    private static let pairwiseLimit = 8
    /// Probes one insertion may take before the unseeded hash is given up for the dictionary (whose
    /// hashing is seeded), so crafted colliding names cannot make the search quadratic.
    private static let probeLimit = 32

    /// `result[i]` is the smallest `j` with `name(j) == name(i)` (so `i` when name `i` is new).
    static func of(count: Int, name: (Int) -> String) -> [Int] {
        if count <= pairwiseLimit { return pairwise(count: count, name: name) }
        var hashes = [UInt64](repeating: 0, count: count)
        for index in 0..<count {
            guard let hash = asciiHash(name(index)) else { return withDictionary(count: count, name: name) }
            hashes[index] = hash
        }
        var slots = 16
        while slots < 2 * count { slots *= 2 }
        let mask = slots - 1
        var table = [Int32](repeating: -1, count: slots)
        var result = [Int](repeating: 0, count: count)
        for index in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[index]) & mask
            var probes = 0
            while true {
                probes += 1
                if probes > probeLimit { return withDictionary(count: count, name: name) }
                let first = Int(table[slot])
                if first < 0 {
                    table[slot] = Int32(index)
                    result[index] = index
                    break
                }
                if hashes[first] == hashes[index], name(first) == name(index) {
                    result[index] = first
                    break
                }
                slot = (slot + 1) & mask
            }
        }
        return result
    }

    private static func pairwise(count: Int, name: (Int) -> String) -> [Int] {
        var result = [Int](repeating: 0, count: count)
        for index in 0..<count {
            let current = name(index)
            var first = index
            for earlier in 0..<index where result[earlier] == earlier && name(earlier) == current {
                first = earlier
                break
            }
            result[index] = first
        }
        return result
    }

    private static func withDictionary(count: Int, name: (Int) -> String) -> [Int] {
        var firsts: [String: Int] = [:]
        return (0..<count).map { index in
            let current = name(index)
            if let first = firsts[current] { return first }
            firsts[current] = index
            return index
        }
    }

    /// FNV-1a of the UTF-8 bytes, or nil when the text is not pure ASCII.
    @inline(__always)
    private static func asciiHash(_ text: String) -> UInt64? {
        var text = text
        return text.withUTF8 { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            var high: UInt8 = 0
            for byte in bytes {
                high |= byte
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            return high < 0x80 ? hash : nil
        }
    }
}
