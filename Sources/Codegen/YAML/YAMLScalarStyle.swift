/// The quoting rules of canonical YAML: when a string may be written plain, as a literal block
/// (`|-`), or must be double-quoted, and how double-quoted strings are escaped.
///
/// The rules are deliberately stricter than YAML requires, so that every YAML 1.1 and 1.2 reader
/// (libyaml, PyYAML, Yams, js-yaml) reads the same string back. docs/yaml-format.md explains them.
enum YAMLScalarStyle {
    /// Words that some YAML version reads as null or a boolean; compared case-insensitively.
    static let reservedWords: Set<String> = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
    ]

    /// Characters a plain scalar may not start with: YAML indicators, plus digits, `.` and `+`
    /// (so nothing that could read as a number, date or `.inf` is ever plain).
    static let forbiddenFirst: Set<Unicode.Scalar> = Set(
        "-?:,[]{}#&*!|>'\"%@`.+0123456789<=".unicodeScalars)

    /// Characters a plain item of a flow sequence (`[a, b]`) may not contain.
    static let flowIndicators: Set<Unicode.Scalar> = Set(",[]{}:#".unicodeScalars)

    /// Whether `text` can be written as a plain (unquoted) scalar and read back unchanged, as a string.
    static func isPlainSafe(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return false }
        if first == " " || last == " " || last == ":" || forbiddenFirst.contains(first) { return false }
        if reservedWords.contains(text.lowercased()) { return false }
        var previous: Unicode.Scalar = " "
        for scalar in scalars {
            if scalar != " " && !isVisible(scalar) { return false }
            if (previous == ":" && scalar == " ") || (previous == " " && scalar == "#") { return false }
            previous = scalar
        }
        return true
    }

    /// Whether `text` can be written as an item of a flow sequence without quotes.
    static func isFlowItemSafe(_ text: String) -> Bool {
        isPlainSafe(text) && !text.unicodeScalars.contains { flowIndicators.contains($0) }
    }

    /// Whether a multi-line `text` can be written as a `|-` literal block and read back exactly:
    /// no CR, no character that needs escaping, no trailing line break, a first line that is
    /// neither empty nor indented, no line starting with a tab and no line ending in blanks.
    static func isLiteralSafe(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard scalars.contains("\n"), scalars.last != "\n" else { return false }
        guard scalars.allSatisfy({ $0 == "\n" || $0 == "\t" || $0 == " " || isVisible($0) }) else { return false }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let firstLine = lines.first, let head = firstLine.unicodeScalars.first, head != " ", head != "\t"
        else { return false }
        return lines.allSatisfy { line in
            let s = line.unicodeScalars
            return s.first != "\t" && s.last != " " && s.last != "\t"
        }
    }

    /// Whether `scalar` is a visible character that needs no escape: ASCII `!`...`~`, or a
    /// non-ASCII character outside the fixed list of invisible, control and special code points.
    static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v > 0x20 && v < 0x7F }
        return !isSpecialNonASCII(v)
    }

    /// Non-ASCII code points that are always escaped: C1 controls, no-break and other spaces,
    /// zero-width and direction marks, line and paragraph separators, the byte order mark,
    /// private use areas, specials and tag characters. A fixed list, so output does not depend on
    /// the Unicode version of the runtime.
    static func isSpecialNonASCII(_ v: UInt32) -> Bool {
        switch v {
        case 0x80...0xA0, 0xAD, 0x034F, 0x061C, 0x115F, 0x1160, 0x1680, 0x180E, 0x2000...0x200F,
            0x2028...0x202F, 0x205F...0x206F, 0x3000, 0x3164, 0xD800...0xF8FF, 0xFE00...0xFE0F,
            0xFEFF, 0xFFA0, 0xFFF0...0xFFFF, 0x1D173...0x1D17A, 0xE0000...0xE0FFF, 0xF0000...:
            true
        default:
            false
        }
    }

    /// `text` as a double-quoted scalar: `\\`, `\"`, `\n`, `\t`, `\r` by name; other control and
    /// special characters as `\xNN`, `\uNNNN` or `\UNNNNNNNN` (upper-case hex).
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case " ": out += " "
            default:
                if isVisible(scalar) { out.unicodeScalars.append(scalar) } else { out += escape(scalar.value) }
            }
        }
        return out + "\""
    }

    private static func escape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        if value <= 0xFF { return "\\x" + pad(hex, 2) }
        if value <= 0xFFFF { return "\\u" + pad(hex, 4) }
        return "\\U" + pad(hex, 8)
    }

    private static func pad(_ hex: String, _ width: Int) -> String {
        String(repeating: "0", count: max(0, width - hex.count)) + hex
    }
}
