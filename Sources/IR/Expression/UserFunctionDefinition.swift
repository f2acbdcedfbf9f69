/// A user-defined function as the importer keeps it among a pipeline's attributes:
/// `:UDF.<name>` (the body) and `:UDF.<name> prototype` (see ``UserFunctionPrototype``).
public struct UserFunctionDefinition: Hashable, Sendable {
    /// The function's name as written.
    public let name: String
    /// The body's expression text.
    public let body: String
    /// The prototype's text as written.
    public let prototypeText: String
    /// The prototype, or nil when its text cannot be read.
    public let prototype: UserFunctionPrototype?
    /// The function's object path (`…/EXPRMACRO[name]`).
    public let path: ObjectPath

    /// Creates a definition.
    public init(name: String, body: String, prototypeText: String, prototype: UserFunctionPrototype?, path: ObjectPath)
    {
        self.name = name
        self.body = body
        self.prototypeText = prototypeText
        self.prototype = prototype
        self.path = path
    }

    /// The definitions in `attributes`, by upper-case name; `path` is their owner's path.
    public static func definitions(_ attributes: [Attribute], path: ObjectPath) -> [String: UserFunctionDefinition] {
        let values = Dictionary(attributes.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        var result: [String: UserFunctionDefinition] = [:]
        for attribute in attributes where attribute.name.hasPrefix(":UDF.") && !attribute.name.hasSuffix(" prototype") {
            let name = String(attribute.name.dropFirst(5))
            let prototypeText = values[attribute.name + " prototype"] ?? ""
            result[name.uppercased()] = UserFunctionDefinition(
                name: name, body: attribute.value, prototypeText: prototypeText,
                prototype: UserFunctionPrototype(parsing: prototypeText), path: path.appending("EXPRMACRO", name))
        }
        return result
    }
}
