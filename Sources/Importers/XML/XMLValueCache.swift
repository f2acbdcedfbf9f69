#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shares the `String` of attribute values that repeat, such as `Source Qualifier` or
/// `Target Definition`, so each repetition costs a reference instead of a heap allocation.
///
/// Values of 15 bytes or fewer are stored inline in a `String` and never need this. Longer ones go
/// through a direct-mapped cache keyed by a hash of their bytes; a hit is confirmed byte for byte,
/// a miss replaces the slot. Unique values (SQL, expressions) simply pass through.
struct XMLValueCache {
    private static let slotCount = 4096
    private static let longest = 64
    private var hashes = [UInt64](repeating: 0, count: slotCount)
    private var values = [String](repeating: "", count: slotCount)

    /// The string for `bytes` (valid UTF-8), shared with earlier equal values where possible.
    @inline(__always)
    mutating func string(for bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > 15, bytes.count <= Self.longest else {
            return String(decoding: bytes, as: UTF8.self)
        }
        let hash = Self.hash(bytes)
        let slot = Int(truncatingIfNeeded: hash >> 52) & (Self.slotCount - 1)
        if hashes[slot] == hash, Self.equal(values[slot], bytes) { return values[slot] }
        let text = String(decoding: bytes, as: UTF8.self)
        hashes[slot] = hash
        values[slot] = text
        return text
    }

    /// Mixes the length with the first, middle and last eight bytes (the value has at least 16).
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        let count = bytes.count
        let first = raw.loadUnaligned(as: UInt64.self)
        let middle = raw.loadUnaligned(fromByteOffset: (count - 8) / 2, as: UInt64.self)
        let last = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        var mixed = first &* 0x9E37_79B9_7F4A_7C15
        mixed = (mixed ^ (mixed >> 29) ^ middle) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 31) ^ last ^ UInt64(count)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 32) | 1
    }

    @inline(__always)
    private static func equal(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { stored in
            stored.count == bytes.count && memcmpEqual(stored.baseAddress!, bytes.baseAddress!, bytes.count)
        }
    }

    @inline(__always)
    private static func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        memcmp(a, b, count) == 0
    }
}
