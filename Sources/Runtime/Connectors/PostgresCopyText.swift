import IR

/// The COPY text format: one line per row, fields separated by tabs, `\N` for NULL, and
/// backslash escapes for backslash, tab, newline and carriage return inside a field.
enum PostgresCopyText {
    private static let tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n")
    private static let backslash = UInt8(ascii: "\\")

    /// Appends `row` as one COPY line to `buffer`.
    static func append(_ row: [Value], to buffer: inout [UInt8]) throws(PostgresValueText.Unsendable) {
        for (offset, value) in row.enumerated() {
            if offset > 0 { buffer.append(tab) }
            guard let text = try PostgresValueText.parameter(value) else {
                buffer.append(backslash)
                buffer.append(UInt8(ascii: "N"))
                continue
            }
            appendEscaped(text, to: &buffer)
        }
        buffer.append(newline)
    }

    /// Appends `text` with backslash, tab, newline and carriage return escaped.
    private static func appendEscaped(_ text: String, to buffer: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case backslash: buffer.append(contentsOf: [backslash, backslash])
            case tab: buffer.append(contentsOf: [backslash, UInt8(ascii: "t")])
            case newline: buffer.append(contentsOf: [backslash, UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): buffer.append(contentsOf: [backslash, UInt8(ascii: "r")])
            default: buffer.append(byte)
            }
        }
    }

    /// The fields of one COPY line (without or with its final newline), nil for `\N`.
    static func fields(_ line: UnsafeBufferPointer<UInt8>) -> [String?] {
        var end = line.count
        if end > 0, line[end - 1] == newline { end -= 1 }
        var fields: [String?] = []
        var start = 0
        for index in 0...end where index == end || line[index] == tab {
            fields.append(field(UnsafeBufferPointer(rebasing: line[start..<index])))
            start = index + 1
        }
        return fields
    }

    /// One field's text with its escapes decoded, or nil for `\N`.
    private static func field(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        if raw.count == 2, raw[0] == backslash, raw[1] == UInt8(ascii: "N") { return nil }
        guard raw.contains(backslash) else { return String(decoding: raw, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            index += 1
            guard byte == backslash, index < raw.count else {
                bytes.append(byte)
                continue
            }
            bytes.append(unescaped(raw, at: &index))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The byte an escape sequence starting at `index` (just after the backslash) stands for:
    /// `\b \f \n \r \t \v`, up to three octal digits, `\x` and up to two hex digits, or the
    /// character itself.
    private static func unescaped(_ raw: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt8 {
        let letter = raw[index]
        index += 1
        switch letter {
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "n"): return newline
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return tab
        case UInt8(ascii: "v"): return 0x0B
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var value = Int(letter - 48)
            for _ in 0..<2 where index < raw.count && (48...55).contains(raw[index]) {
                value = value * 8 + Int(raw[index] - 48)
                index += 1
            }
            return UInt8(truncatingIfNeeded: value)
        case UInt8(ascii: "x"):
            var value = 0
            var digits = 0
            while digits < 2, index < raw.count, let digit = hexValue(raw[index]) {
                value = value * 16 + digit
                index += 1
                digits += 1
            }
            if digits == 0 { return letter }
            return UInt8(value)
        default: return letter
        }
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 48...57: Int(byte - 48)
        case 97...102: Int(byte - 87)
        case 65...70: Int(byte - 55)
        default: nil
        }
    }
}
