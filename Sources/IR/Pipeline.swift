/// A remark attached to the IR object it concerns, so it travels with the converted object.
public struct ConversionNote: Hashable, Sendable, Codable {
    /// The stable diagnostic code.
    public var code: DiagnosticCode
    /// How serious it is.
    public var severity: Severity
    /// The message.
    public var message: String

    /// Creates a note.
    public init(code: DiagnosticCode, severity: Severity, message: String) {
        self.code = code
        self.severity = severity
        self.message = message
    }

    /// Creates a note from a diagnostic.
    public init(_ diagnostic: Diagnostic) {
        self.init(code: diagnostic.code, severity: diagnostic.severity, message: diagnostic.message)
    }
}

/// How exactly a node was converted, derived from its operator and notes.
public enum Fidelity: String, Hashable, Sendable, Codable, Comparable {
    /// Converted with exact semantics.
    case exact
    /// Converted with an approximation or an assumption (a warning note says which).
    case approximate
    /// Not converted: kept as an opaque node (or with an error note).
    case opaque

    private var rank: Int {
        switch self {
        case .exact: 0
        case .approximate: 1
        case .opaque: 2
        }
    }

    /// Orders exact < approximate < opaque.
    public static func < (a: Fidelity, b: Fidelity) -> Bool { a.rank < b.rank }

    /// The fidelity of a part: opaque when the part is opaque or has an error note, approximate
    /// when it has a warning note, exact otherwise.
    public static func of(opaque: Bool, notes: [ConversionNote]) -> Fidelity {
        if opaque || notes.contains(where: { $0.severity == .error }) { return .opaque }
        if notes.contains(where: { $0.severity == .warning }) { return .approximate }
        return .exact
    }

    /// What the part counts for in a confidence score: 1, one half, or 0.
    public var score: Double {
        switch self {
        case .exact: 1
        case .approximate: 0.5
        case .opaque: 0
        }
    }

    /// The confidence of an object made of `parts`, with `notes` about the object as a whole each
    /// counting as one more part (a warning scoring one half, an error zero; plain notes not at all).
    public static func confidence(parts: [Fidelity], notes: [ConversionNote]) -> Double {
        let extra = notes.filter { $0.severity != .note }
        let count = parts.count + extra.count
        guard count > 0 else { return 1 }
        let total = parts.reduce(0.0) { $0 + $1.score } + extra.reduce(0.0) { $0 + ($1.severity == .warning ? 0.5 : 0) }
        return total / Double(count)
    }
}

/// One operator instance in a pipeline, with its ports and where it came from.
public struct Node: Hashable, Sendable {
    /// The node's id, unique in its pipeline (the instance name in the legacy mapping).
    public var id: String
    /// What the node computes.
    public var op: Operator
    /// Free text from the export.
    public var description: String?
    /// The ports, in the legacy tool's order (which is evaluation order for variables).
    public var ports: [Port]
    /// Settings with no typed option, kept verbatim.
    public var attributes: [Attribute]
    /// Remarks about the conversion of this node.
    public var notes: [ConversionNote]
    /// Where the node (instance) was defined.
    public var provenance: Provenance
    /// Where the reusable definition behind the instance was defined, when it differs.
    public var definition: Provenance?

    /// Creates a node.
    public init(
        id: String, op: Operator, description: String? = nil, ports: [Port], attributes: [Attribute] = [],
        notes: [ConversionNote] = [], provenance: Provenance, definition: Provenance? = nil
    ) {
        self.id = id
        self.op = op
        self.description = description
        self.ports = ports
        self.attributes = attributes
        self.notes = notes
        self.provenance = provenance
        self.definition = definition
    }

    /// The port with the given name.
    public func port(named name: String) -> Port? { ports.first { $0.name == name } }

    /// The next value a Normalizer's generated key port `key` stores in the export (its
    /// `SEQUENCE_GENERATOR_VALUE` attribute, names compared without case), if it is a whole number.
    public func storedKeyValue(of key: String) -> Int64? {
        ports.first { $0.name.uppercased() == key.uppercased() }?.attributes
            .first { $0.name.uppercased() == "SEQUENCE_GENERATOR_VALUE" }.flatMap { Int64($0.value) }
    }

    /// Ports that offer values downstream.
    public var outputPorts: [Port] { ports.filter { $0.roles.contains(.output) } }

    /// Ports that receive values from upstream.
    public var inputPorts: [Port] { ports.filter { $0.roles.contains(.input) } }

    /// The names a `:LKP` call reaches this lookup by, upper case: its instance id, and its
    /// definition's name where that differs (a reusable lookup; a lookup inside an expanded
    /// mapplet is `mapplet.LKP` here and `:LKP.LKP` in the mapplet's expressions).
    public var lookupCallNames: [String] {
        let id = self.id.uppercased()
        guard let definition = definition?.path.segments.last?.name.uppercased(), definition != id else { return [id] }
        return [id, definition]
    }

    /// The expanded mapplet instances node `id` lies in, innermost first, each as the prefix of
    /// the ids of its nodes, upper case: `OUTER.INNER.EXP` → `OUTER.INNER.`, `OUTER.`; none for
    /// a node of the mapping itself (PowerCenter names hold no `.`; the importer joins an expanded
    /// mapplet's instance name and its nodes' names with one).
    public static func mappletScopes(of id: String) -> [String] {
        var scopes: [String] = []
        var scope = ""
        for part in id.uppercased().split(separator: ".", omittingEmptySubsequences: false).dropLast() {
            scope += part + "."
            scopes.append(scope)
        }
        return scopes.reversed()
    }

    /// `name` without `scope` (one of ``mappletScopes(of:)``), when it names something declared
    /// directly in that mapplet instance (`MPL_1.$$P`, `MPL_1.LKP` in scope `MPL_1.`; case is
    /// ignored, the rest keeps its own); nil otherwise.
    public static func localName(_ name: String, in scope: String) -> String? {
        guard name.uppercased().hasPrefix(scope) else { return nil }
        let local = name.dropFirst(scope.count)
        return local.contains(".") ? nil : String(local)
    }

    /// The port whose value a call of this unconnected lookup returns: the port flagged RETURN
    /// (reference §2.6); without one, when `onlyOutputReturns`, the lookup's only output port, if
    /// it has exactly one and that one is a lookup port. BELIEVED (docs/believed-behaviours.md):
    /// public exports call lookups whose one LOOKUP/OUTPUT port carries no RETURN flag (eleven in
    /// one mapping, an exchange-rate lookup in another), and the Designer is reported to return
    /// that port; with several output ports and no flag there is no value.
    public func lookupReturnPort(onlyOutputReturns: Bool = true) -> Port? {
        if let flagged = ports.first(where: { $0.roles.contains(.returnValue) }) { return flagged }
        guard onlyOutputReturns else { return nil }
        let outputs = ports.filter { $0.roles.contains(.output) }
        guard outputs.count == 1, outputs[0].roles.contains(.lookup) else { return nil }
        return outputs[0]
    }

    /// The upstream nodes this node reads from, in port order, without repeats.
    public var upstreamNodes: [String] {
        // Ports read from few nodes, those of one node mostly side by side: a port reading the
        // node the one before read is skipped, and the few found are searched in place (a set
        // only once there are many). The ports are read in place, not copied.
        var found: [String] = []
        var seen: Set<String> = []
        for index in ports.indices {
            guard let upstream = ports[index].source?.node, upstream != found.last else { continue }
            if found.count < 16 {
                if !found.contains(upstream) { found.append(upstream) }
                continue
            }
            if seen.isEmpty { seen = Set(found) }
            if seen.insert(upstream).inserted { found.append(upstream) }
        }
        return found
    }

    /// How exactly the node was converted.
    public var fidelity: Fidelity {
        if case .opaque = op { return .opaque }
        return Fidelity.of(opaque: false, notes: notes)
    }
}

extension Node: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, kind, options, description, ports, attributes, notes, provenance, definition
    }

    /// Decodes `kind` and `options` into the operator, and the rest field by field.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        let kind = try c.decode(String.self, forKey: .kind)
        op = try Operator.decode(kind: kind, from: c, forKey: .options, kindKey: .kind)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        ports = try c.decodeIfPresent([Port].self, forKey: .ports) ?? []
        attributes = try c.decodeIfPresent([Attribute].self, forKey: .attributes) ?? []
        notes = try c.decodeIfPresent([ConversionNote].self, forKey: .notes) ?? []
        provenance = try c.decode(Provenance.self, forKey: .provenance)
        definition = try c.decodeIfPresent(Provenance.self, forKey: .definition)
    }

    /// Encodes in canonical key order, omitting empty parts.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(op.kindName, forKey: .kind)
        try op.encodeOptions(into: &c, forKey: .options)
        try c.encodeIfPresent(description, forKey: .description)
        if !ports.isEmpty { try c.encode(ports, forKey: .ports) }
        if !attributes.isEmpty { try c.encode(attributes, forKey: .attributes) }
        if !notes.isEmpty { try c.encode(notes, forKey: .notes) }
        try c.encode(provenance, forKey: .provenance)
        try c.encodeIfPresent(definition, forKey: .definition)
    }
}

/// Where a converted document came from, so a reviewer can trace it back.
public struct Origin: Hashable, Sendable, Codable {
    /// The legacy tool (`PowerCenter`).
    public var tool: String
    /// The input file's name (without folders, so outputs do not depend on where inputs lived).
    public var file: String
    /// The object path of the converted object in the export.
    public var path: ObjectPath
    /// The repository the export came from.
    public var repository: String?
    /// The export's creation date, as written in the export.
    public var exported: String?

    /// Creates an origin.
    public init(tool: String, file: String, path: ObjectPath, repository: String? = nil, exported: String? = nil) {
        self.tool = tool
        self.file = file
        self.path = path
        self.repository = repository
        self.exported = exported
    }
}

/// Whether a named value is fixed for a run or updated by it.
public enum ParameterKind: String, Hashable, Sendable, Codable {
    /// Constant for the run (PowerCenter `$$` mapping parameter).
    case parameter
    /// Updated by the run and persisted on success (PowerCenter mapping variable).
    case variable
}

/// How a persisted variable's final value is chosen.
public enum VariableAggregation: String, Hashable, Sendable, Codable {
    /// The last value set.
    case none
    /// A count of rows.
    case count
    /// The minimum value set.
    case min
    /// The maximum value set.
    case max
}

/// A typed parameter or variable of a pipeline or workflow.
public struct Parameter: Hashable, Sendable, Codable {
    /// The name, with its `$$` prefix as written.
    public var name: String
    /// Parameter or variable.
    public var kind: ParameterKind
    /// The value type.
    public var type: DataType
    /// The initial value as written, if any.
    public var defaultValue: String?
    /// How a variable's final value is aggregated.
    public var aggregation: VariableAggregation?
    /// Whether the value is an expression to be expanded where it is used.
    public var isExpression: Bool
    /// Whether the value persists across runs (workflow variables).
    public var persistent: Bool
    /// Free text from the export.
    public var description: String?
    /// Where it was declared.
    public var provenance: Provenance

    /// Creates a parameter.
    public init(
        name: String, kind: ParameterKind, type: DataType, defaultValue: String? = nil,
        aggregation: VariableAggregation? = nil, isExpression: Bool = false, persistent: Bool = false,
        description: String? = nil, provenance: Provenance
    ) {
        self.name = name
        self.kind = kind
        self.type = type
        self.defaultValue = defaultValue
        self.aggregation = aggregation
        self.isExpression = isExpression
        self.persistent = persistent
        self.description = description
        self.provenance = provenance
    }

    private enum CodingKeys: String, CodingKey {
        case name, kind, type, defaultValue = "default", aggregation, isExpression = "is_expression"
        case persistent, description, provenance
    }
}

/// Whether a pipeline is a whole mapping or a reusable fragment.
public enum PipelineKind: String, Hashable, Sendable, Codable {
    /// A complete data flow from sources to targets.
    case mapping
    /// A reusable fragment with input and output boundaries.
    case mapplet
}

/// A data flow: a DAG of operator nodes connected through named ports.
public struct Pipeline: Hashable, Sendable {
    /// The pipeline's name.
    public var name: String
    /// Mapping or mapplet.
    public var kind: PipelineKind
    /// Free text from the export.
    public var description: String?
    /// Where it came from.
    public var origin: Origin
    /// Parameters and variables.
    public var parameters: [Parameter]
    /// The nodes, in the export's instance order.
    public var nodes: [Node]
    /// Target node ids in load order (earlier first), when the export fixes one.
    public var targetLoadOrder: [String]
    /// Settings with no typed option, kept verbatim.
    public var attributes: [Attribute]
    /// Remarks about the pipeline that concern no single node (a dangling connector, a parameter).
    public var notes: [ConversionNote] = []
    /// Where the pipeline was defined.
    public var provenance: Provenance

    /// Creates a pipeline.
    public init(
        name: String, kind: PipelineKind = .mapping, description: String? = nil, origin: Origin,
        parameters: [Parameter] = [], nodes: [Node], targetLoadOrder: [String] = [],
        attributes: [Attribute] = [], provenance: Provenance
    ) {
        self.name = name
        self.kind = kind
        self.description = description
        self.origin = origin
        self.parameters = parameters
        self.nodes = nodes
        self.targetLoadOrder = targetLoadOrder
        self.attributes = attributes
        self.provenance = provenance
    }

    /// The node with the given id.
    public func node(id: String) -> Node? { nodes.first { $0.id == id } }

    /// The lowest fidelity of any node (exact for an empty pipeline).
    public var fidelity: Fidelity { nodes.map(\.fidelity).max() ?? .exact }

    /// A score in 0...1: exact nodes count 1, approximate 0.5, opaque 0, averaged over nodes; each
    /// pipeline-level warning note counts as one more part scoring 0.5, each error note as one scoring 0.
    public var confidence: Double { Fidelity.confidence(parts: nodes.map(\.fidelity), notes: notes) }

    /// The pipeline with every provenance's file set to `file` (used after reading YAML, where the
    /// file is written once in the origin).
    public func adoptingFile(_ file: String) -> Pipeline {
        var copy = self
        copy.provenance.location.file = file
        for index in copy.parameters.indices { copy.parameters[index].provenance.location.file = file }
        for n in copy.nodes.indices {
            copy.nodes[n].provenance.location.file = file
            copy.nodes[n].definition?.location.file = file
            for p in copy.nodes[n].ports.indices { copy.nodes[n].ports[p].provenance.location.file = file }
        }
        return copy
    }
}

extension Pipeline: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, kind, description, origin, confidence, parameters, nodes
        case targetLoadOrder = "target_load_order", attributes, notes, provenance
    }

    /// Decodes a pipeline; `confidence` is derived and ignored on input.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        kind = try c.decodeIfPresent(PipelineKind.self, forKey: .kind) ?? .mapping
        description = try c.decodeIfPresent(String.self, forKey: .description)
        origin = try c.decode(Origin.self, forKey: .origin)
        parameters = try c.decodeIfPresent([Parameter].self, forKey: .parameters) ?? []
        nodes = try c.decodeIfPresent([Node].self, forKey: .nodes) ?? []
        targetLoadOrder = try c.decodeIfPresent([String].self, forKey: .targetLoadOrder) ?? []
        attributes = try c.decodeIfPresent([Attribute].self, forKey: .attributes) ?? []
        notes = try c.decodeIfPresent([ConversionNote].self, forKey: .notes) ?? []
        provenance = try c.decode(Provenance.self, forKey: .provenance)
    }

    /// Encodes in canonical key order, with the derived confidence rounded to two decimals.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encode(origin, forKey: .origin)
        try c.encode((confidence * 100).rounded() / 100, forKey: .confidence)
        if !parameters.isEmpty { try c.encode(parameters, forKey: .parameters) }
        try c.encode(nodes, forKey: .nodes)
        if !targetLoadOrder.isEmpty { try c.encode(targetLoadOrder, forKey: .targetLoadOrder) }
        if !attributes.isEmpty { try c.encode(attributes, forKey: .attributes) }
        if !notes.isEmpty { try c.encode(notes, forKey: .notes) }
        try c.encode(provenance, forKey: .provenance)
    }
}
