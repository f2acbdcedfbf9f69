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
    /// The parts. Never changed while more than one port holds them (``unique()``), which is what
    /// makes sharing them between threads safe. Each part is changed only through the one port
    /// holding it, whose own exclusive access Swift enforces, so the parts are not checked again
    /// at run time as a class's stored properties are: that check took 8% of the import's time
    /// (perf, the corpus).
    private final class Parts: @unchecked Sendable {
        @exclusivity(unchecked) var name: String
        @exclusivity(unchecked) var type: DataType
        @exclusivity(unchecked) var nativeType: NativeType?
        @exclusivity(unchecked) var roles: PortRoles
        @exclusivity(unchecked) var group: String?
        @exclusivity(unchecked) var source: PortRef?
        @exclusivity(unchecked) var expression: ScalarExpression?
        @exclusivity(unchecked) var defaultValue: ScalarExpression?
        @exclusivity(unchecked) var nullable: Bool?
        @exclusivity(unchecked) var key: KeyKind?
        @exclusivity(unchecked) var description: String?
        @exclusivity(unchecked) var attributes: [Attribute]
        @exclusivity(unchecked) var provenance: Provenance

        init(
            name: String, type: DataType, nativeType: NativeType?, roles: PortRoles, group: String?, source: PortRef?,
            expression: ScalarExpression?, defaultValue: ScalarExpression?, nullable: Bool?, key: KeyKind?,
            description: String?, attributes: [Attribute], provenance: Provenance
        ) {
            self.name = name
            self.type = type
            self.nativeType = nativeType
            self.roles = roles
            self.group = group
            self.source = source
            self.expression = expression
            self.defaultValue = defaultValue
            self.nullable = nullable
            self.key = key
            self.description = description
            self.attributes = attributes
            self.provenance = provenance
        }

        /// A copy to change.
        func copy() -> Parts {
            Parts(
                name: name, type: type, nativeType: nativeType, roles: roles, group: group, source: source,
                expression: expression, defaultValue: defaultValue, nullable: nullable, key: key,
                description: description, attributes: attributes, provenance: provenance)
        }
    }

    private var parts: Parts

    /// The parts, made this port's own first if another port shares them.
    private mutating func unique() -> Parts {
        if !isKnownUniquelyReferenced(&parts) { parts = parts.copy() }
        return parts
    }

    /// The port's name, unique in its node.
    public var name: String {
        get { parts.name }
        _modify { yield &unique().name }
    }
    /// The value type.
    public var type: DataType {
        get { parts.type }
        _modify { yield &unique().type }
    }
    /// The native column type, for ports of sources, targets and lookups.
    public var nativeType: NativeType? {
        get { parts.nativeType }
        _modify { yield &unique().nativeType }
    }
    /// What the port does.
    public var roles: PortRoles {
        get { parts.roles }
        _modify { yield &unique().roles }
    }
    /// The port group (router output group, union input group, join side), when the node has groups.
    public var group: String? {
        get { parts.group }
        _modify { yield &unique().group }
    }
    /// The upstream output that feeds this input port, if connected.
    public var source: PortRef? {
        get { parts.source }
        _modify { yield &unique().source }
    }
    /// The expression computing this port (outputs and variables).
    public var expression: ScalarExpression? {
        get { parts.expression }
        _modify { yield &unique().expression }
    }
    /// The value used when the input is NULL, or when evaluating the expression fails; an
    /// expression in the legacy language (`ERROR('transformation error')` means "the row is an error").
    public var defaultValue: ScalarExpression? {
        get { parts.defaultValue }
        _modify { yield &unique().defaultValue }
    }
    /// Whether the column may hold NULL, for sources and targets.
    public var nullable: Bool? {
        get { parts.nullable }
        _modify { yield &unique().nullable }
    }
    /// Key membership, for sources and targets.
    public var key: KeyKind? {
        get { parts.key }
        _modify { yield &unique().key }
    }
    /// Free text from the export.
    public var description: String? {
        get { parts.description }
        _modify { yield &unique().description }
    }
    /// Settings with no typed option, kept verbatim.
    public var attributes: [Attribute] {
        get { parts.attributes }
        _modify { yield &unique().attributes }
    }
    /// Where the port was defined.
    public var provenance: Provenance {
        get { parts.provenance }
        _modify { yield &unique().provenance }
    }

    /// Creates a port.
    public init(
        name: String, type: DataType, nativeType: NativeType? = nil, roles: PortRoles,
        group: String? = nil, source: PortRef? = nil, expression: ScalarExpression? = nil,
        defaultValue: ScalarExpression? = nil, nullable: Bool? = nil, key: KeyKind? = nil,
        description: String? = nil, attributes: [Attribute] = [], provenance: Provenance
    ) {
        parts = Parts(
            name: name, type: type, nativeType: nativeType, roles: roles, group: group, source: source,
            expression: expression, defaultValue: defaultValue, nullable: nullable, key: key, description: description,
            attributes: attributes, provenance: provenance)
    }

    /// Whether two ports have the same parts, found at once when they share them.
    public static func == (a: Port, b: Port) -> Bool {
        if a.parts === b.parts { return true }
        let (x, y) = (a.parts, b.parts)
        return x.name == y.name
            && x.type == y.type
            && x.nativeType == y.nativeType
            && x.roles == y.roles
            && x.group == y.group
            && x.source == y.source
            && x.expression == y.expression
            && x.defaultValue == y.defaultValue
            && x.nullable == y.nullable
            && x.key == y.key
            && x.description == y.description
            && x.attributes == y.attributes
            && x.provenance == y.provenance
    }

    /// Hashes every part, in declaration order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(parts.name)
        hasher.combine(parts.type)
        hasher.combine(parts.nativeType)
        hasher.combine(parts.roles)
        hasher.combine(parts.group)
        hasher.combine(parts.source)
        hasher.combine(parts.expression)
        hasher.combine(parts.defaultValue)
        hasher.combine(parts.nullable)
        hasher.combine(parts.key)
        hasher.combine(parts.description)
        hasher.combine(parts.attributes)
        hasher.combine(parts.provenance)
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
