/// The seeded pseudo-random generator behind synthetic data: SplitMix64 (Steele, Lea and Flood),
/// small, fast and the same on every platform, so a seed always yields the same dataset.
///
/// Never replaced by the system generator: synthetic data must be reproducible. Tests use it too,
/// so a failing case can be replayed from its seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for one named stream of `seed` (a table, a column, a key class), so adding a
    /// column or a table does not change the values of the others.
    init(seed: UInt64, stream: String) {
        state = seed ^ StableHash.of(stream)
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A random integer in `range` (uniform enough for test data; no modulo-bias correction needed).
    mutating func int(in range: ClosedRange<Int64>) -> Int64 {
        let width = UInt64(bitPattern: range.upperBound &- range.lowerBound) &+ 1
        if width == 0 { return Int64(bitPattern: next()) }
        return range.lowerBound &+ Int64(bitPattern: next() % width)
    }

    /// A random index in `0 ..< count` (`count` > 0).
    public mutating func index(_ count: Int) -> Int {
        Int(next() % UInt64(count))
    }
}

/// A hash of text that never changes between runs or platforms (FNV-1a, 64 bits), unlike
/// `Hasher`, which is seeded per process.
enum StableHash {
    /// The FNV-1a hash of the UTF-8 bytes of `text`.
    static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
