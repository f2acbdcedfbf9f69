/// An expression in the legacy tool's language, attached to a port, condition or option.
///
/// `text` is exactly what the export held after XML unescaping (line breaks and all), so nothing is
/// lost; ``ExpressionParser`` turns it into a typed ``Expr`` and ``ExpressionPrinter`` gives its
/// canonical form.
public struct ScalarExpression: Hashable, Sendable {
    /// The expression's source text.
    public var text: String

    /// Creates an expression from its source text.
    public init(_ text: String) {
        self.text = text
    }
}

/// The stored form is the syntax of the canonical printer (issue 3). An expression whose text is
/// already canonical is stored as that bare string; one whose text differs from its canonical form
/// (spacing, case, comments, line breaks, parentheses) is stored as the mapping
/// `{canonical: <printed form>, source: <exact text>}`, so tools read the canonical syntax and the
/// reviewer still sees the export's text, comments included. Text that does not parse is stored
/// bare: the importer and the type checker already report it.
///
/// YAML → IR → YAML is byte-identical: decoding keeps only `text` (the bare string or `source`),
/// and encoding recomputes the canonical form from `text` alone, deterministically (same lexer,
/// parser and printer, no path or location involved), so it chooses the same form and writes the
/// same `canonical` value that was read. The one input that does not come back unchanged is a
/// mapping whose `canonical` equals its `source`: it is written back as the bare string.
extension ScalarExpression: Codable {
    private enum CodingKeys: String, CodingKey {
        case canonical
        case source
    }

    /// Decodes a bare string, or a `canonical`/`source` mapping whose `canonical` must be the
    /// canonical form of its `source`.
    public init(from decoder: any Decoder) throws {
        guard let mapping = try? decoder.container(keyedBy: CodingKeys.self) else {
            text = try decoder.singleValueContainer().decode(String.self)
            return
        }
        let canonical = try mapping.decode(String.self, forKey: .canonical)
        text = try mapping.decode(String.self, forKey: .source)
        guard let expected = Self.canonicalForm(of: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: .source, in: mapping,
                debugDescription: "canonical form does not match its source: the source does not parse")
        }
        guard canonical == expected else {
            throw DecodingError.dataCorruptedError(
                forKey: .canonical, in: mapping,
                debugDescription: "canonical form does not match its source: expected '\(expected)'")
        }
    }

    /// Encodes the bare text when it is canonical or does not parse, else `canonical` then `source`.
    public func encode(to encoder: any Encoder) throws {
        guard let canonical = Self.canonicalForm(of: text), canonical != text else {
            var container = encoder.singleValueContainer()
            try container.encode(text)
            return
        }
        var mapping = encoder.container(keyedBy: CodingKeys.self)
        try mapping.encode(canonical, forKey: .canonical)
        try mapping.encode(text, forKey: .source)
    }

    /// The canonical printed form of `text`, or nil when it does not parse without errors.
    static func canonicalForm(of text: String) -> String? {
        let (expression, diagnostics) = ExpressionParser.parse(ExpressionSource(text))
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        return ExpressionPrinter.canonical(expression)
    }
}

/// A name/value pair kept verbatim from the export, for settings the IR has no typed option for.
///
/// Keeping them is what makes the conversion lossless: every attribute of a converted object is
/// either mapped to a typed option or kept here.
public struct Attribute: Hashable, Sendable, Codable {
    /// The attribute's name as exported (`Tracing Level`).
    public var name: String
    /// The attribute's value as exported.
    public var value: String

    /// Creates an attribute.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
