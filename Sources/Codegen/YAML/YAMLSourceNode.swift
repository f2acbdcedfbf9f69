/// A node of a YAML document as read, with its position: the input of the decoder and of the
/// DataFlow importer. Built from Yams' composed nodes by ``YAMLSourceReader``.
struct YAMLSourceNode: Sendable {
    /// What the node holds.
    enum Content: Sendable {
        /// A scalar: its text and whether it was plain (unquoted, not a block scalar).
        case scalar(String, plain: Bool)
        /// A sequence.
        case sequence([YAMLSourceNode])
        /// A mapping with scalar keys, in document order.
        case mapping([YAMLSourceEntry])
    }

    /// What the node holds.
    var content: Content
    /// 1-based line of the node's start.
    var line: Int
    /// 1-based column of the node's start.
    var column: Int

    /// The entries when the node is a mapping.
    var entries: [YAMLSourceEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The value of `key` when the node is a mapping holding it.
    subscript(key: String) -> YAMLSourceNode? { entries?.first { $0.key == key }?.value }

    /// The scalar text when the node is a scalar.
    var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// Whether the node is a plain scalar that YAML reads as null (`null`, `Null`, `NULL`, `~`, empty).
    var isNull: Bool {
        if case .scalar(let text, plain: true) = content { return YAMLPlainScalar.isNull(text) }
        return false
    }

    /// A short description for messages: `a mapping`, `a sequence`, `null`, `the string 'x'`.
    var summary: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .scalar(let text, let plain):
            if plain && YAMLPlainScalar.isNull(text) { return "null" }
            let shown = text.count > 40 ? String(text.prefix(40)) + "..." : text
            return "'\(shown.replacingControlCharacters())'"
        }
    }
}

/// One entry of a mapping node.
struct YAMLSourceEntry: Sendable {
    /// The key text.
    var key: String
    /// 1-based line of the key.
    var line: Int
    /// 1-based column of the key.
    var column: Int
    /// The value.
    var value: YAMLSourceNode
}

/// How plain scalars resolve, the union of YAML 1.1 and YAML 1.2 core rules.
enum YAMLPlainScalar {
    /// Whether a plain scalar is null.
    static func isNull(_ text: String) -> Bool {
        text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// The boolean value of a plain scalar, if it is `true` or `false` (in any of YAML's cases).
    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    /// The value of a canonical decimal integer: optional `-`, no leading zeros, no `+` or `_`.
    static func integer(_ text: String) -> Int? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard let first = digits.first, digits.allSatisfy(\.isASCIIDigit), first != "0" || digits.count == 1
        else { return nil }
        return Int(text)
    }

    /// The value of a number: a decimal integer or float, or `.inf`, `-.inf`, `.nan` in YAML's cases.
    static func double(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        guard text.allSatisfy({ $0.isASCIIDigit || "+-.eE".contains($0) }), text.contains(where: \.isASCIIDigit)
        else { return nil }
        return Double(text)
    }

    /// Whether a plain scalar could be read as something other than a string by some YAML reader
    /// (null, boolean, number, date, merge key); such scalars must be quoted to be strings.
    static func isAmbiguous(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return true }
        if !"0123456789+-.~<=yYnNtTfFoO".unicodeScalars.contains(first) { return false }
        return YAMLScalarStyle.reservedWords.contains(text.lowercased()) || text == "<<" || text == "="
            || looksNumeric(text)
    }

    /// Numbers and dates in any YAML version: an optional sign, then `0x`/`0o`/`0b` and digits,
    /// or a digit (or `.` and a digit) followed only by digits and `_ : . e E + -`, or a date
    /// `yyyy-...`, or `.inf`/`.nan`.
    private static func looksNumeric(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        let lower = rest.lowercased()
        if lower == ".inf" || lower == ".nan" { return true }
        if lower.hasPrefix("0x") || lower.hasPrefix("0o") || lower.hasPrefix("0b") {
            return lower.count > 2 && lower.dropFirst(2).allSatisfy { $0.isHexDigit || $0 == "_" }
        }
        if rest.first == "." { rest = rest.dropFirst() }
        guard let first = rest.first, first.isASCIIDigit else { return false }
        if rest.count >= 5, rest.prefix(4).allSatisfy(\.isASCIIDigit), rest.dropFirst(4).first == "-" { return true }
        return rest.allSatisfy { $0.isASCIIDigit || "_:.eE+-".contains($0) }
    }
}

extension Character {
    /// Whether the character is `0`...`9`.
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// The text with line breaks, tabs and other control characters shown as escapes.
    func replacingControlCharacters() -> String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
