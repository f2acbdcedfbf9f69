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

extension ScalarExpression: Codable {
    /// Decodes the bare text.
    public init(from decoder: any Decoder) throws {
        text = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the bare text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
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
