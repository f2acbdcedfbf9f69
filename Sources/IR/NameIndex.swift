/// The positions of a list of names (a node's port names, a pipeline's node ids), found by name
/// without `Hasher`, whose seeded hashing of every name is a large part of checking and lowering
/// pipelines with thousands of ports.
///
/// ASCII names (nearly all names in exports) are hashed with FNV-1a over their bytes, which agrees
/// with `String` equality on ASCII text, into an open-addressed table; a list holding any other
/// name falls back to a dictionary, and lists of at most eight names are compared pairwise, so
/// every answer is exactly that of `==`. The index holds positions only: a lookup is given the
/// names again (`name(i)`), so building one copies no string.
public struct NameIndex: Sendable {
    /// `firsts[i]` is the smallest `j` with `name(j) == name(i)` (so `i` when name `i` is new).
    public let firsts: [Int]
    /// Whether some name is listed more than once.
    public let hasRepeats: Bool
    /// How names are found.
    private let storage: Storage

    private enum Storage: Sendable {
        /// Compared one by one.
        case pairwise
        /// Each name's FNV-1a hash, and the table of first positions (-1: empty slot).
        case hashed(hashes: [UInt64], table: [Int32])
        /// By `String` hashing, for lists with a name that is not ASCII or with colliding hashes.
        case dictionary([String: Int])
    }

    /// Lists this short are compared pairwise (cheaper than hashing).
    private static let pairwiseLimit = 8
    /// Probes one insertion may take before the unseeded hash is given up for the dictionary
    /// (whose hashing is seeded), so crafted colliding names cannot make building quadratic.
    private static let probeLimit = 32

    /// Indexes the `count` names `name(0)`, `name(1)`, ….
    public init(count: Int, name: (Int) -> String) {
        if count <= Self.pairwiseLimit {
            var firsts = [Int](repeating: 0, count: count)
            for index in 0..<count {
                let current = name(index)
                firsts[index] = (0..<index).first { firsts[$0] == $0 && name($0) == current } ?? index
            }
            self.init(firsts, .pairwise)
            return
        }
        var hashes = [UInt64](repeating: 0, count: count)
        for index in 0..<count {
            guard let hash = Self.asciiHash(name(index)) else {
                self.init(dictionaryOf: count, name: name)
                return
            }
            hashes[index] = hash
        }
        var slots = 16
        while slots < 2 * count { slots *= 2 }
        let mask = slots - 1
        var table = [Int32](repeating: -1, count: slots)
        var firsts = [Int](repeating: 0, count: count)
        for index in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[index]) & mask
            var probes = 0
            while true {
                probes += 1
                guard probes <= Self.probeLimit else {
                    self.init(dictionaryOf: count, name: name)
                    return
                }
                let first = Int(table[slot])
                if first < 0 {
                    table[slot] = Int32(index)
                    firsts[index] = index
                    break
                }
                if hashes[first] == hashes[index], name(first) == name(index) {
                    firsts[index] = first
                    break
                }
                slot = (slot + 1) & mask
            }
        }
        self.init(firsts, .hashed(hashes: hashes, table: table))
    }

    private init(_ firsts: [Int], _ storage: Storage) {
        self.firsts = firsts
        self.hasRepeats = firsts.indices.contains { firsts[$0] != $0 }
        self.storage = storage
    }

    private init(dictionaryOf count: Int, name: (Int) -> String) {
        var positions: [String: Int] = [:]
        let firsts = (0..<count).map { index in
            let current = name(index)
            if let first = positions[current] { return first }
            positions[current] = index
            return index
        }
        self.init(firsts, .dictionary(positions))
    }

    /// The position of the first name equal to `wanted`, nil when none is; `name` gives the
    /// names indexed, as when building.
    public func first(_ wanted: String, name: (Int) -> String) -> Int? {
        switch storage {
        case .pairwise:
            return firsts.indices.first { firsts[$0] == $0 && name($0) == wanted }
        case .dictionary(let positions):
            return positions[wanted]
        case .hashed(let hashes, let table):
            // Every name indexed is ASCII. A name that is not can still equal one (`==` compares
            // canonical equivalents: U+212A KELVIN SIGN is K, U+037E is `;`): compared one by one.
            guard let hash = Self.asciiHash(wanted) else {
                return firsts.indices.first { firsts[$0] == $0 && name($0) == wanted }
            }
            let mask = table.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let first = Int(table[slot])
                if first < 0 { return nil }
                if hashes[first] == hash, name(first) == wanted { return first }
                slot = (slot + 1) & mask
            }
        }
    }

    /// FNV-1a of the UTF-8 bytes, or nil when the text is not pure ASCII.
    @inline(__always)
    static func asciiHash(_ text: String) -> UInt64? {
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
