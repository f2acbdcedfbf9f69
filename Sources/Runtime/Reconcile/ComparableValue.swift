import Foundation

/// A value brought to a form that two databases agree on, so that a legacy table and its migrated
/// copy compare by meaning, not by spelling: `12.50` (numeric), `12.5` (text in SQLite) and
/// `1.25e1` (a double) are one number; `2026-01-31` and `2026-01-31 00:00:00` are one date.
///
/// Which form a column's values take is decided by the kinds both sides declare
/// (``ComparableValue/kind(_:_:)``): a number on either side makes both numbers, and so on. A
/// value that does not read as that kind (`'abc'` in a number column) keeps its text and so
/// differs from every number.
public enum ComparableValue: Hashable, Sendable {
    /// NULL.
    case null
    /// A number: sign, significant digits without leading or trailing zeros, and the exponent of
    /// the last digit (`-1.250` → `-125e-2`; zero is `0e0`).
    case number(String)
    /// Character data.
    case text(String)
    /// A date and time.
    case dateTime(DateTimeValue)
    /// Raw bytes.
    case bytes([UInt8])
    /// True or false.
    case boolean(Bool)

    /// The kind both sides of a column are compared as.
    public static func kind(_ a: DatabaseColumn.ValueKind, _ b: DatabaseColumn.ValueKind) -> DatabaseColumn.ValueKind {
        let kinds = [a, b]
        if a == b { return a }
        if kinds.contains(where: \.isNumeric) { return .decimal }
        for kind in [DatabaseColumn.ValueKind.dateTime, .boolean, .binary] where kinds.contains(kind) { return kind }
        return .text
    }

    /// `value` compared as `kind`; trailing blanks of text are dropped when `trimTrailingBlanks`.
    public init(_ value: Value, as kind: DatabaseColumn.ValueKind, trimTrailingBlanks: Bool = false) {
        switch (kind, value) {
        case (_, .null): self = .null
        case (.integer, _), (.decimal, _), (.double, _): self = Self.number(value)
        case (.dateTime, .dateTime(let date)): self = .dateTime(date)
        case (.dateTime, .string(let text)):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            self = SQLiteValueText.dateTime(from: trimmed).map(Self.dateTime) ?? .text(text)
        case (.boolean, _): self = Self.boolean(value)
        case (.binary, .binary(let bytes)): self = .bytes(bytes)
        case (.binary, .string(let text)): self = Self.hexBytes(text).map(Self.bytes) ?? .text(text)
        default:
            let text = Self.display(value)
            self = .text(trimTrailingBlanks ? String(text.reversed().drop { $0 == " " }.reversed()) : text)
        }
    }

    /// `value` as a number, or its text when it does not read as one.
    static func number(_ value: Value) -> ComparableValue {
        let text: String
        switch value {
        case .integer(let n): return .number(canonicalNumber(String(n)) ?? String(n))
        case .decimal(let d): text = "\(d)"
        case .double(let d): text = "\(d)"
        case .string(let s): text = s.trimmingCharacters(in: .whitespaces)
        case .null: return .null
        default: return .text(display(value))
        }
        switch text.lowercased() {
        case "t", "true": return .number("1e0")
        case "f", "false": return .number("0e0")
        default: return canonicalNumber(text).map(Self.number) ?? .text(text)
        }
    }

    /// `value` as a boolean (`t`/`true`/`1`, `f`/`false`/`0`), or its text.
    static func boolean(_ value: Value) -> ComparableValue {
        switch value {
        case .integer(let n) where n == 0 || n == 1: return .boolean(n == 1)
        case .string(let s):
            switch s.trimmingCharacters(in: .whitespaces).lowercased() {
            case "t", "true", "1": return .boolean(true)
            case "f", "false", "0": return .boolean(false)
            default: return .text(s)
            }
        default: return .text(display(value))
        }
    }

    /// The bytes of PostgreSQL's hex text (`\x0aff`), or nil.
    static func hexBytes(_ text: String) -> [UInt8]? {
        guard text.hasPrefix("\\x"), text.utf8.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var digits = text.utf8.dropFirst(2).makeIterator()
        while let high = digits.next(), let low = digits.next() {
            guard let h = UInt8(String(UnicodeScalar(high)), radix: 16),
                let l = UInt8(String(UnicodeScalar(low)), radix: 16)
            else { return nil }
            bytes.append(h << 4 | l)
        }
        return bytes
    }

    /// Numeric text (`[+-]digits[.digits][e[+-]digits]`) as sign, significant digits and exponent;
    /// nil for anything else (`inf`, `1,5`, an empty text).
    static func canonicalNumber(_ text: String) -> String? {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var digits: [UInt8] = []
        var exponent = 0
        var seenPoint = false
        var seenDigit = false
        while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                seenDigit = true
                if seenPoint { exponent -= 1 }
                if !(digits.isEmpty && byte == UInt8(ascii: "0")) { digits.append(byte) }
            } else {
                return nil
            }
        }
        guard seenDigit else { return nil }
        if !bytes.isEmpty {
            guard let power = Int(String(decoding: bytes.dropFirst(), as: UTF8.self)), abs(power) < 100_000 else {
                return nil
            }
            exponent += power
        }
        while digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            exponent += 1
        }
        guard !digits.isEmpty else { return "0e0" }
        return (negative ? "-" : "") + String(decoding: digits, as: UTF8.self) + "e\(exponent)"
    }

    /// How a value is shown in a report: its text, ISO dates, hex bytes, NULL.
    public static func display(_ value: Value) -> String {
        switch value {
        case .null: "NULL"
        case .integer(let n): String(n)
        case .decimal(let d): "\(d)"
        case .double(let d): "\(d)"
        case .string(let s): s
        case .dateTime(let date): SQLiteValueText.text(of: date)
        case .binary(let bytes): "\\x" + bytes.map { String(format: "%02x", $0) }.joined()
        }
    }

    /// A hash that is the same in every process (Swift's `Hasher` is seeded per process): FNV-1a
    /// over a tag and the value's canonical bytes.
    public var stableHash: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        switch self {
        case .null: mix([0])
        case .number(let text): mix([1] + Array(text.utf8))
        case .text(let text): mix([2] + Array(text.utf8))
        case .dateTime(let date): mix([3] + Array(SQLiteValueText.text(of: date).utf8))
        case .bytes(let bytes): mix([4] + bytes)
        case .boolean(let truth): mix([5, truth ? 1 : 0])
        }
        return hash
    }

    /// The number as a double, for tolerances.
    var doubleValue: Double? {
        guard case .number(let text) = self else { return nil }
        return Double(text)
    }
}
