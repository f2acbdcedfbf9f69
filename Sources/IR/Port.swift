/// A reference to an output port of another node in the same pipeline.
public struct PortRef: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The upstream node's id.
    public var node: String
    /// The upstream node's output port name.
    public var port: String

    /// Creates a reference.
    public init(node: String, port: String) {
        self.node = node
        self.port = port
    }

    /// `node.port`.
    public var description: String { "\(node).\(port)" }
}

/// What a port does in its node. A port may be several at once (an input/output pass-through).
public struct PortRoles: OptionSet, Hashable, Sendable {
    /// The raw bits.
    public var rawValue: UInt8

    /// Creates roles from raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Receives a value from upstream (or from the caller, for a lookup called as a function).
    public static let input = PortRoles(rawValue: 1 << 0)
    /// Offers a value downstream.
    public static let output = PortRoles(rawValue: 1 << 1)
    /// A variable: computed per row, kept across rows, not visible downstream.
    public static let variable = PortRoles(rawValue: 1 << 2)
    /// A column of the looked-up dataset.
    public static let lookup = PortRoles(rawValue: 1 << 3)
    /// The value a lookup returns when called as a function.
    public static let returnValue = PortRoles(rawValue: 1 << 4)

    /// The roles with their canonical names, in canonical order.
    public static let named: [(String, PortRoles)] = [
        ("input", .input), ("output", .output), ("variable", .variable), ("lookup", .lookup),
        ("return", .returnValue),
    ]

    /// The canonical names of the roles present.
    public var names: [String] { Self.named.filter { contains($0.1) }.map(\.0) }
}

extension PortRoles: Codable {
    /// Decodes a list of role names.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var roles = PortRoles()
        while !container.isAtEnd {
            let name = try container.decode(String.self)
            guard let role = Self.named.first(where: { $0.0 == name })?.1 else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "'\(name)' is not a port role (input, output, variable, lookup, return)")
            }
            roles.insert(role)
        }
        self = roles
    }

    /// Encodes the list of role names.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for name in names { try container.encode(name) }
    }
}

/// How a column takes part in keys.
public enum KeyKind: String, Hashable, Sendable, Codable {
    /// Part of the primary key.
    case primary
    /// Part of a foreign key.
    case foreign
    /// Part of both.
    case primaryForeign = "primary-foreign"
}

/// A named, typed port of a node.
///
/// Input ports carry the upstream port that feeds them (`source`); computed ports carry their
/// expression. Port names are unique within a node.
///
/// A port is a value stored as one reference to its parts, copied on the first change made
/// through a port that shares them: nodes carry ports by the thousand, and every pass, lowering
/// and comparison copies, compares and frees them, which with thirteen parts held inline meant a
/// dozen reference counts each time. Two ports sharing their parts are equal without comparing them.
public struct Port: Hashable, Sendable, Codable {
    /// A port's parts, held by value (so their memberwise initializer, equality and hashing are
    /// the compiler's).
    private struct Fields: Hashable {
        var name: String
        var type: DataType
        var nativeType: NativeType?
        var roles: PortRoles
        var group: String?
        var source: PortRef?
        var expression: ScalarExpression?
        var defaultValue: ScalarExpression?
        var nullable: Bool?
        var key: KeyKind?
        var description: String?
        var attributes: [Attribute]
        var provenance: Provenance
    }

    /// The parts, shared between copies of the port. Never changed while more than one port holds
    /// them (``unique()``), which is what makes sharing them between threads safe. They are changed
    /// only through the one port holding them, whose own exclusive access Swift enforces, so they
    /// are not checked again at run time as a class's stored properties are: that check took 8% of
    /// the import's time (perf, the corpus).
    private final class Parts: @unchecked Sendable {
        @exclusivity(unchecked) var fields: Fields

        init(_ fields: Fields) { self.fields = fields }
    }

    private var parts: Parts

    /// The parts, made this port's own first if another port shares them.
    private mutating func unique() -> Parts {
        if !isKnownUniquelyReferenced(&parts) { parts = Parts(parts.fields) }
        return parts
    }

    /// The port's name, unique in its node.
    public var name: String {
        get { parts.fields.name }
        _modify { yield &unique().fields.name }
    }
    /// The value type.
    public var type: DataType {
        get { parts.fields.type }
        _modify { yield &unique().fields.type }
    }
    /// The native column type, for ports of sources, targets and lookups.
    public var nativeType: NativeType? {
        get { parts.fields.nativeType }
        _modify { yield &unique().fields.nativeType }
    }
    /// What the port does.
    public var roles: PortRoles {
        get { parts.fields.roles }
        _modify { yield &unique().fields.roles }
    }
    /// The port group (router output group, union input group, join side), when the node has groups.
    public var group: String? {
        get { parts.fields.group }
        _modify { yield &unique().fields.group }
    }
    /// The upstream output that feeds this input port, if connected.
    public var source: PortRef? {
        get { parts.fields.source }
        _modify { yield &unique().fields.source }
    }
    /// The expression computing this port (outputs and variables).
    public var expression: ScalarExpression? {
        get { parts.fields.expression }
        _modify { yield &unique().fields.expression }
    }
    /// The value used when the input is NULL, or when evaluating the expression fails; an
    /// expression in the legacy language (`ERROR('transformation error')` means "the row is an error").
    public var defaultValue: ScalarExpression? {
        get { parts.fields.defaultValue }
        _modify { yield &unique().fields.defaultValue }
    }
    /// Whether the column may hold NULL, for sources and targets.
    public var nullable: Bool? {
        get { parts.fields.nullable }
        _modify { yield &unique().fields.nullable }
    }
    /// Key membership, for sources and targets.
    public var key: KeyKind? {
        get { parts.fields.key }
        _modify { yield &unique().fields.key }
    }
    /// Free text from the export.
    public var description: String? {
        get { parts.fields.description }
        _modify { yield &unique().fields.description }
    }
    /// Settings with no typed option, kept verbatim.
    public var attributes: [Attribute] {
        get { parts.fields.attributes }
        _modify { yield &unique().fields.attributes }
    }
    /// Where the port was defined.
    public var provenance: Provenance {
        get { parts.fields.provenance }
        _modify { yield &unique().fields.provenance }
    }

    /// Creates a port.
    public init(
        name: String, type: DataType, nativeType: NativeType? = nil, roles: PortRoles,
        group: String? = nil, source: PortRef? = nil, expression: ScalarExpression? = nil,
        defaultValue: ScalarExpression? = nil, nullable: Bool? = nil, key: KeyKind? = nil,
        description: String? = nil, attributes: [Attribute] = [], provenance: Provenance
    ) {
        parts = Parts(
            Fields(
                name: name, type: type, nativeType: nativeType, roles: roles, group: group, source: source,
                expression: expression, defaultValue: defaultValue, nullable: nullable, key: key,
                description: description, attributes: attributes, provenance: provenance))
    }

    /// Whether two ports have the same parts, found at once when they share them.
    public static func == (a: Port, b: Port) -> Bool {
        a.parts === b.parts || a.parts.fields == b.parts.fields
    }

    /// Hashes every part, in declaration order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(parts.fields)
    }

    private enum CodingKeys: String, CodingKey {
        case name, type, nativeType = "native_type", roles, group, source, expression
        case defaultValue = "default", nullable, key, description, attributes, provenance
    }

    /// Decodes a port; `attributes` may be omitted.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name),
            type: try c.decode(DataType.self, forKey: .type),
            nativeType: try c.decodeIfPresent(NativeType.self, forKey: .nativeType),
            roles: try c.decode(PortRoles.self, forKey: .roles),
            group: try c.decodeIfPresent(String.self, forKey: .group),
            source: try c.decodeIfPresent(PortRef.self, forKey: .source),
            expression: try c.decodeIfPresent(ScalarExpression.self, forKey: .expression),
            defaultValue: try c.decodeIfPresent(ScalarExpression.self, forKey: .defaultValue),
            nullable: try c.decodeIfPresent(Bool.self, forKey: .nullable),
            key: try c.decodeIfPresent(KeyKind.self, forKey: .key),
            description: try c.decodeIfPresent(String.self, forKey: .description),
            attributes: try c.decodeIfPresent([Attribute].self, forKey: .attributes) ?? [],
            provenance: try c.decode(Provenance.self, forKey: .provenance))
    }

    /// Encodes a port, omitting empty optional parts.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encodeIfPresent(nativeType, forKey: .nativeType)
        try c.encode(roles, forKey: .roles)
        try c.encodeIfPresent(group, forKey: .group)
        try c.encodeIfPresent(source, forKey: .source)
        try c.encodeIfPresent(expression, forKey: .expression)
        try c.encodeIfPresent(defaultValue, forKey: .defaultValue)
        try c.encodeIfPresent(nullable, forKey: .nullable)
        try c.encodeIfPresent(key, forKey: .key)
        try c.encodeIfPresent(description, forKey: .description)
        if !attributes.isEmpty { try c.encode(attributes, forKey: .attributes) }
        try c.encode(provenance, forKey: .provenance)
    }
}
