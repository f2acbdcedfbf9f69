/// A backward scan from the end of a start tag to its `<`, eight bytes at a time.
enum XMLTagScan {
    /// Where the tag starts, and the new lines and UTF-8 continuation bytes between there and `end`.
    struct Result {
        var start: UnsafePointer<UInt8>
        var newLines: Int
        var continuationBytes: Int
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// Finds the last `<` in `base..<end`; nil when there is none.
    @inline(__always)
    static func backToTagStart(from end: UnsafePointer<UInt8>, base: UnsafePointer<UInt8>) -> Result? {
        var newLines = 0
        var continuation = 0
        var upper = end
        while upper - base >= 8 {
            let lower = upper - 8
            let word = UnsafeRawPointer(lower).loadUnaligned(as: UInt64.self).littleEndian
            let opens = zeroBytes(word ^ (ones &* 0x3C))
            if opens != 0 {
                // The highest flagged byte is the last '<' in memory order; count only from it on.
                let index = (63 - opens.leadingZeroBitCount) / 8
                let keep = ~UInt64(0) << UInt64(index * 8)
                newLines += (zeroBytes(word ^ (ones &* 0x0A)) & keep).nonzeroBitCount
                continuation += (continuationBytes(word) & keep).nonzeroBitCount
                return Result(start: lower + index, newLines: newLines, continuationBytes: continuation)
            }
            newLines += zeroBytes(word ^ (ones &* 0x0A)).nonzeroBitCount
            continuation += continuationBytes(word).nonzeroBitCount
            upper = lower
        }
        while upper > base {
            upper -= 1
            let byte = upper.pointee
            if byte & 0xC0 == 0x80 { continuation += 1 }
            if byte == 0x3C { return Result(start: upper, newLines: newLines, continuationBytes: continuation) }
            if byte == 0x0A { newLines += 1 }
        }
        return nil
    }

    /// 0x80 in every byte of `word` that is zero, 0 elsewhere (exact, no false positives).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & lowBits) &+ lowBits) | word | lowBits)
    }

    /// 0x80 in every byte of `word` of the form 10xxxxxx.
    @inline(__always)
    private static func continuationBytes(_ word: UInt64) -> UInt64 {
        word & ~(word << 1) & highBits
    }
}
