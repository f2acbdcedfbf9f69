/// Allocation-light versions of the commonest string operations, for the cases where they give
/// the same result as the general code: trimming blanks, and slicing ASCII text (where characters,
/// Unicode scalars and UTF-8 bytes coincide). Slices are made from byte offsets, so no grapheme
/// boundary is looked for.
enum TextFastPaths {
    /// The blank (U+0020) byte; in UTF-8 it never occurs inside a multi-byte character.
    private static let blank: UInt8 = 0x20

    /// `text` without its leading or trailing blanks; `text` itself when it has none (no copy).
    static func trimBlanks(_ text: String, leading: Bool) -> String {
        // nil inside: nothing to trim (the first or last byte is not a blank); read from the bytes,
        // as `utf8.last` walks the view index by index.
        let trimmed: String?? = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var from = 0
            var to = bytes.count
            if leading {
                while from < to, bytes[from] == blank { from += 1 }
            } else {
                while to > from, bytes[to - 1] == blank { to -= 1 }
            }
            guard from > 0 || to < bytes.count else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
        }
        switch trimmed {
        case .some(.some(let result)): return result
        case .some(.none): return text
        case .none: return slowTrim(text, leading: leading)
        }
    }

    private static func slowTrim(_ text: String, leading: Bool) -> String {
        let scalars = text.unicodeScalars
        if leading { return String(scalars.drop { $0 == " " }) }
        return String(String.UnicodeScalarView(scalars.reversed().drop { $0 == " " }.reversed()))
    }

    /// The number of Unicode scalars of `text`: its UTF-8 bytes that do not continue a scalar
    /// (Swift strings are valid UTF-8, so this is `text.unicodeScalars.count`).
    static func scalarCount(_ text: String) -> Int {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        } ?? text.unicodeScalars.count
    }

    /// ASCII `text` in upper (or lower) case, as `uppercased()` (`lowercased()`) maps it: only
    /// `a`–`z` (`A`–`Z`) change; `text` itself when nothing changes; nil when `text` is not ASCII.
    static func asciiCase(_ text: String, upper: Bool) -> String? {
        let from: UInt8 = upper ? 0x61 : 0x41
        return text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var any: UInt8 = 0
            var changes = false
            for byte in bytes {
                any |= byte
                if byte &- from < 26 { changes = true }
            }
            guard any < 0x80 else { return nil }
            guard changes else { return text }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (index, byte) in bytes.enumerated() { buffer[index] = byte &- from < 26 ? byte ^ 0x20 : byte }
                return bytes.count
            }
        } ?? nil
    }

    /// Characters `from..<to` (0-based, in range) of ASCII `text`; `text` itself when that is all of it.
    static func asciiSlice(_ text: String, from: Int, to: Int) -> String {
        if from == 0, to == text.utf8.count { return text }
        return text.utf8.withContiguousStorageIfAvailable {
            String(decoding: UnsafeBufferPointer(rebasing: $0[from..<to]), as: UTF8.self)
        } ?? String(decoding: Array(text.utf8)[from..<to], as: UTF8.self)
    }
}
