/// A value type of the IR: the transformation datatypes legacy ETL tools compute with.
///
/// The canonical text form (used in YAML and dumps) is `string(20)`, `nstring(20)`, `text(n)`,
/// `ntext(n)`, `integer`, `smallint`, `bigint`, `decimal(12,2)`, `double`, `real`,
/// `datetime(29,9)`, `binary(10)`. PowerCenter spellings (`small integer`, `date/time`, ...)
/// are accepted by ``init(parsing:)``.
public enum DataType: Hashable, Sendable {
    /// Character data of at most `precision` characters.
    case string(precision: Int)
    /// Unicode character data of at most `precision` characters.
    case nstring(precision: Int)
    /// Long character data.
    case text(precision: Int)
    /// Long Unicode character data.
    case ntext(precision: Int)
    /// 32-bit signed integer.
    case integer
    /// 16-bit signed integer.
    case smallInteger
    /// 64-bit signed integer.
    case bigInteger
    /// Fixed-point decimal.
    case decimal(precision: Int, scale: Int)
    /// 8-byte IEEE float.
    case double
    /// 4-byte IEEE float.
    case real
    /// Date and time; `scale` is the number of fractional-second digits (9 = nanoseconds).
    case dateTime(precision: Int, scale: Int)
    /// Raw bytes.
    case binary(precision: Int)

    /// The largest precision of a string port, in characters (reference §5: 104,857,600).
    public static let largestStringPrecision = 104_857_600

    /// Whether values of this type are character strings.
    public var isString: Bool {
        switch self {
        case .string, .nstring, .text, .ntext: true
        default: false
        }
    }

    /// Whether values of this type are numbers.
    public var isNumeric: Bool {
        switch self {
        case .integer, .smallInteger, .bigInteger, .decimal, .double, .real: true
        default: false
        }
    }

    /// The family used for compatibility checks.
    public var family: Family {
        if isString { return .string }
        if isNumeric { return .numeric }
        if case .dateTime = self { return .dateTime }
        return .binary
    }

    /// The broad kinds of value between which conversion rules are defined.
    public enum Family: String, Hashable, Sendable {
        /// Character data.
        case string
        /// Numbers of any kind.
        case numeric
        /// Dates and times.
        case dateTime
        /// Raw bytes.
        case binary
    }

    /// Whether a value of `self` may flow into a port of type `other` with an implicit conversion.
    ///
    /// Strings convert to and from numbers and dates; binary converts only to binary.
    public func isAssignable(to other: DataType) -> Bool {
        switch (family, other.family) {
        case (.binary, .binary): true
        case (.binary, _), (_, .binary): false
        case (.numeric, .dateTime), (.dateTime, .numeric): false
        default: true
        }
    }

    /// The canonical text form.
    public var canonicalName: String {
        switch self {
        case .string(let p): "string(\(p))"
        case .nstring(let p): "nstring(\(p))"
        case .text(let p): "text(\(p))"
        case .ntext(let p): "ntext(\(p))"
        case .integer: "integer"
        case .smallInteger: "smallint"
        case .bigInteger: "bigint"
        case .decimal(let p, let s): "decimal(\(p),\(s))"
        case .double: "double"
        case .real: "real"
        case .dateTime(let p, let s): "datetime(\(p),\(s))"
        case .binary(let p): "binary(\(p))"
        }
    }

    /// Builds a type from a transformation datatype name plus precision and scale, as PowerCenter
    /// exports write them (`string`, `decimal`, `date/time`, `small integer`, ...).
    ///
    /// Returns nil for names that are not transformation datatypes.
    public init?(transformationType name: String, precision: Int, scale: Int) {
        switch name.lowercased().trimmingSpaces() {
        case "string", "char", "varchar": self = .string(precision: precision)
        case "nstring", "nchar", "nvarchar": self = .nstring(precision: precision)
        case "text": self = .text(precision: precision)
        case "ntext": self = .ntext(precision: precision)
        case "integer", "int": self = .integer
        case "small integer", "smallint", "smallinteger": self = .smallInteger
        case "bigint", "big integer": self = .bigInteger
        case "decimal", "numeric", "number": self = .decimal(precision: precision, scale: scale)
        case "double", "float", "double precision": self = .double
        case "real": self = .real
        case "date/time", "datetime", "date", "timestamp":
            self = .dateTime(precision: precision == 0 ? 29 : precision, scale: precision == 0 ? 9 : scale)
        case "binary", "raw": self = .binary(precision: precision)
        default: return nil
        }
    }

    /// Parses the canonical form (or a PowerCenter spelling with optional `(p[,s])`).
    public init?(parsing text: String) {
        let trimmed = text.trimmingSpaces()
        var name = trimmed
        var arguments: [Int] = []
        if let open = trimmed.firstIndex(of: "("), trimmed.hasSuffix(")") {
            name = String(trimmed[..<open]).trimmingSpaces()
            let inner = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            for part in inner.split(separator: ",", omittingEmptySubsequences: false) {
                guard let value = Int(String(part).trimmingSpaces()), value >= 0 else { return nil }
                arguments.append(value)
            }
            if arguments.isEmpty || arguments.count > 2 { return nil }
        }
        let lower = name.lowercased()
        let precision = arguments.first
        let scale = arguments.count > 1 ? arguments[1] : 0
        switch lower {
        case "string", "nstring", "text", "ntext", "binary":
            guard arguments.count == 1, let p = precision else { return nil }
            self.init(transformationType: lower, precision: p, scale: 0)
        case "decimal":
            guard let p = precision else { return nil }
            self = .decimal(precision: p, scale: scale)
        case "datetime", "date/time":
            self = .dateTime(precision: precision ?? 29, scale: arguments.count > 1 ? scale : 9)
        case "integer", "smallint", "small integer", "bigint", "double", "real":
            guard arguments.isEmpty else { return nil }
            self.init(transformationType: lower, precision: 0, scale: 0)
        default:
            return nil
        }
    }
}

extension DataType: Codable {
    /// Decodes the canonical text form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let type = DataType(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription:
                    "'\(text)' is not a datatype (expected e.g. string(20), decimal(12,2), datetime(29,9))")
        }
        self = type
    }

    /// Encodes the canonical text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(canonicalName)
    }
}

/// A database- or file-native column type, kept as written in the export (`varchar2(20)`,
/// `number(p,s)` with precision 10 and scale 2).
public struct NativeType: Hashable, Sendable, Codable {
    /// The native type name as exported.
    public var name: String
    /// Precision or length.
    public var precision: Int
    /// Scale.
    public var scale: Int

    /// Creates a native type.
    public init(name: String, precision: Int, scale: Int) {
        self.name = name
        self.precision = precision
        self.scale = scale
    }
}

extension String {
    /// Whether every byte of the string is ASCII: a string that passes may be scanned byte by
    /// byte, each byte a character (a CR LF pair aside, which is one character of two bytes).
    public var isASCII: Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            var any: UInt8 = 0
            for byte in bytes { any |= byte }
            return any < 0x80
        } ?? utf8.allSatisfy { $0 < 0x80 }
    }

    /// The string without leading and trailing ASCII spaces, tabs and line breaks.
    public func trimmingSpaces() -> String {
        // Fast path: a blank Character starts and ends with one of these bytes, so when neither end
        // byte is one, nothing is trimmed (the common case; no Character is formed at all).
        let bytes = utf8
        guard let head = bytes.first, let tail = bytes.last else { return self }
        if !Self.isBlankByte(head), !Self.isBlankByte(tail) { return self }
        guard let first = firstIndex(where: { !Self.isBlank($0) }),
            let last = lastIndex(where: { !Self.isBlank($0) })
        else { return "" }
        return String(self[first...last])
    }

    private static func isBlankByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isBlank(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\n" || character == "\r" || character == "\r\n"
    }
}
