/// An ordered YAML value: the tree the encoder builds and the emitter prints.
///
/// Mapping entries keep the order in which they were encoded, which for the IR types is the
/// canonical key order of their `Codable` implementations.
indirect enum YAMLValue: Hashable, Sendable {
    /// A character string (quoted or not as the emitter decides).
    case string(String)
    /// A number, already in its canonical text form (`12`, `0.5`, `1.0e+20`, `.inf`).
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// A sequence of values, in order.
    case sequence([YAMLValue])
    /// A mapping from string keys to values, in order.
    case mapping([YAMLEntry])

    /// Whether the value is a string, number, boolean or null.
    var isScalar: Bool {
        switch self {
        case .string, .number, .bool, .null: true
        case .sequence, .mapping: false
        }
    }
}

/// One key/value pair of a ``YAMLValue/mapping(_:)``.
struct YAMLEntry: Hashable, Sendable {
    /// The key.
    var key: String
    /// The value.
    var value: YAMLValue
}

/// The canonical text of numbers.
enum YAMLNumberFormat {
    /// Decimal digits with a leading `-` when negative.
    static func text<T: BinaryInteger>(_ value: T) -> String { "\(value)" }

    /// The shortest text that reads back as the same `Double`, always with a `.` in the mantissa
    /// (`1.0`, `0.5`, `1.0e+20`, `2.5e-07`) so that YAML 1.1 and 1.2 readers agree it is a float;
    /// `.inf`, `-.inf` and `.nan` for the special values.
    static func text(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        let shortest = "\(value)"
        guard let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return shortest }
        let mantissa = shortest[..<e]
        var exponent = String(shortest[shortest.index(after: e)...])
        if !exponent.hasPrefix("-") && !exponent.hasPrefix("+") { exponent = "+" + exponent }
        let dotted = mantissa.contains(".") ? String(mantissa) : mantissa + ".0"
        return dotted + "e" + exponent
    }
}
