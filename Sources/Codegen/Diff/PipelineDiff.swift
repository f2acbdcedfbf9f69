import IR

/// What happened to one item between the old and the new version.
public enum DiffStatus: String, Hashable, Sendable, Codable, Comparable {
    /// Only in the new version.
    case added
    /// Only in the old version.
    case removed
    /// In both, with differences.
    case changed

    /// Orders removed before changed before added, so a reader sees what went before what came.
    public static func < (a: DiffStatus, b: DiffStatus) -> Bool { a.rank < b.rank }

    private var rank: Int {
        switch self {
        case .removed: 0
        case .changed: 1
        case .added: 2
        }
    }
}

/// How a node of the new version was paired with a node of the old version.
public enum NodeMatch: String, Hashable, Sendable, Codable {
    /// Same node id.
    case id
    /// Same provenance object path (the id changed, the legacy object did not).
    case provenance
    /// Same operator kind with similar ports and neighbours: a rename.
    case similarity
}

/// One setting that differs: an operator option, a pipeline parameter, a workflow setting.
public struct ValueChange: Hashable, Sendable, Codable {
    /// The setting's key path, e.g. `kind`, `groups[1].name`, `attr[Tracing Level]`.
    public var key: String
    /// Its old value as canonical text (nil when it was absent).
    public var old: String?
    /// Its new value as canonical text (nil when it is absent now).
    public var new: String?

    /// Creates a change.
    public init(key: String, old: String?, new: String?) {
        self.key = key
        self.old = old
        self.new = new
    }
}

/// An expression whose parsed tree differs, shown by its canonical texts.
public struct ExpressionChange: Hashable, Sendable, Codable {
    /// Where it sits: `condition`, `groups[HIGH].condition`, `port[OUT_X].expression`.
    public var key: String
    /// The old canonical text (nil when there was none).
    public var old: String?
    /// The new canonical text (nil when there is none now).
    public var new: String?

    /// Creates a change.
    public init(key: String, old: String?, new: String?) {
        self.key = key
        self.old = old
        self.new = new
    }
}

/// A port that was added, removed, renamed or changed.
public struct PortChange: Hashable, Sendable, Codable {
    /// Added, removed or changed (a rename is a change with different names).
    public var status: DiffStatus
    /// The old name (nil when added).
    public var oldName: String?
    /// The new name (nil when removed).
    public var newName: String?
    /// Type, roles, links and other settings that differ (a retype is the `type` key).
    public var changes: [ValueChange]
    /// The port's expression or default value, when its tree changed.
    public var expressions: [ExpressionChange]

    /// Creates a port change.
    public init(
        status: DiffStatus, oldName: String?, newName: String?, changes: [ValueChange] = [],
        expressions: [ExpressionChange] = []
    ) {
        self.status = status
        self.oldName = oldName
        self.newName = newName
        self.changes = changes
        self.expressions = expressions
    }

    /// Whether the port kept its node but changed its name.
    public var isRename: Bool { status == .changed && oldName != newName }

    private enum CodingKeys: String, CodingKey {
        case status, oldName = "old_name", newName = "new_name", changes, expressions
    }
}

/// A node that was added, removed or changed (renamed, moved, reconfigured or with changed ports).
public struct NodeChange: Hashable, Sendable, Codable {
    /// Added, removed or changed.
    public var status: DiffStatus
    /// The old id (nil when added).
    public var oldID: String?
    /// The new id (nil when removed).
    public var newID: String?
    /// The operator kind (the new one when both exist; a kind change is the `kind` option).
    public var kind: String
    /// How the pair was found (nil for added and removed nodes).
    public var matchedBy: NodeMatch?
    /// The upstream nodes (in new ids) before, when they changed: the node moved.
    public var oldInputs: [String]?
    /// The upstream nodes after, when they changed.
    public var newInputs: [String]?
    /// Operator options, vendor attributes and the description that differ.
    public var options: [ValueChange]
    /// Operator-level expressions (conditions) whose trees differ.
    public var expressions: [ExpressionChange]
    /// Ports added, removed, renamed or changed.
    public var ports: [PortChange]

    /// Creates a node change.
    public init(
        status: DiffStatus, oldID: String?, newID: String?, kind: String, matchedBy: NodeMatch? = nil,
        oldInputs: [String]? = nil, newInputs: [String]? = nil, options: [ValueChange] = [],
        expressions: [ExpressionChange] = [], ports: [PortChange] = []
    ) {
        self.status = status
        self.oldID = oldID
        self.newID = newID
        self.kind = kind
        self.matchedBy = matchedBy
        self.oldInputs = oldInputs
        self.newInputs = newInputs
        self.options = options
        self.expressions = expressions
        self.ports = ports
    }

    /// The id a reader knows the node by: the new one, or the old one for a removed node.
    public var displayID: String { newID ?? oldID ?? "" }

    /// Whether the node kept its place but changed its id.
    public var isRename: Bool { status == .changed && oldID != newID }

    /// Whether the node's inputs changed.
    public var isMove: Bool { oldInputs != nil || newInputs != nil }

    private enum CodingKeys: String, CodingKey {
        case status, oldID = "old_id", newID = "new_id", kind, matchedBy = "matched_by"
        case oldInputs = "old_inputs", newInputs = "new_inputs", options, expressions, ports
    }
}

/// A node-level edge (some port of `from` feeds some port of `to`) that appeared or disappeared.
public struct EdgeChange: Hashable, Sendable, Codable, Comparable {
    /// Added or removed.
    public var status: DiffStatus
    /// The upstream node (new id when it has one).
    public var from: String
    /// The downstream node (new id when it has one).
    public var to: String

    /// Creates an edge change.
    public init(status: DiffStatus, from: String, to: String) {
        self.status = status
        self.from = from
        self.to = to
    }

    /// Orders by status, then by the two ends.
    public static func < (a: EdgeChange, b: EdgeChange) -> Bool {
        (a.status, a.from, a.to) < (b.status, b.from, b.to)
    }
}

/// The edit script between two versions of one pipeline.
public struct PipelineDiff: Hashable, Sendable, Codable {
    /// The old pipeline's name.
    public var oldName: String
    /// The new pipeline's name.
    public var newName: String
    /// Pipeline-level settings that differ: parameters, target load order, attributes, description.
    public var settings: [ValueChange]
    /// Nodes that differ, ordered by display id.
    public var nodes: [NodeChange]
    /// Node-level edges that appeared or disappeared, ordered.
    public var edges: [EdgeChange]

    /// Creates an edit script.
    public init(
        oldName: String, newName: String, settings: [ValueChange] = [], nodes: [NodeChange] = [],
        edges: [EdgeChange] = []
    ) {
        self.oldName = oldName
        self.newName = newName
        self.settings = settings
        self.nodes = nodes
        self.edges = edges
    }

    /// Whether the two versions mean the same.
    public var isEmpty: Bool { oldName == newName && settings.isEmpty && nodes.isEmpty && edges.isEmpty }

    /// The number of edits: settings, nodes and edges.
    public var changeCount: Int { settings.count + nodes.count + edges.count + (oldName == newName ? 0 : 1) }

    private enum CodingKeys: String, CodingKey {
        case oldName = "old_name", newName = "new_name", settings, nodes, edges
    }
}
