/// How many elements of one kind an input held, and what became of each.
///
/// Conservation: `seen == represented + diagnosed` for every kind, so that nothing in an input
/// disappears silently. `unaccounted` lists the elements for which that does not hold.
public struct InventoryEntry: Hashable, Sendable, Codable {
    /// The element kind (`TRANSFORMATION`, `CONNECTOR`, ...).
    public var kind: String
    /// How many the input held.
    public var seen: Int
    /// How many are represented in the IR.
    public var represented: Int
    /// How many are not represented but named by a diagnostic.
    public var diagnosed: Int
    /// Locations of elements neither represented nor diagnosed (a converter bug when non-empty).
    public var unaccounted: [SourceLocation]

    /// Creates an entry.
    public init(kind: String, seen: Int, represented: Int, diagnosed: Int, unaccounted: [SourceLocation] = []) {
        self.kind = kind
        self.seen = seen
        self.represented = represented
        self.diagnosed = diagnosed
        self.unaccounted = unaccounted
    }

    /// Whether every element is accounted for.
    public var isConserved: Bool { unaccounted.isEmpty && seen == represented + diagnosed }
}

/// What an importer made of one input file: IR documents plus everything it has to say.
public struct ImportResult: Sendable {
    /// The input file as named by the caller.
    public var file: String
    /// The data flows found (mappings, and mapplets not used by any mapping).
    public var pipelines: [Pipeline]
    /// The workflows found.
    public var workflows: [Workflow]
    /// The parameter files read.
    public var parameterFiles: [ParameterFile]
    /// Everything the importer has to say, errors included.
    public var diagnostics: [Diagnostic]
    /// Per-kind conservation counts.
    public var inventory: [InventoryEntry]

    /// Creates a result.
    public init(
        file: String, pipelines: [Pipeline] = [], workflows: [Workflow] = [],
        parameterFiles: [ParameterFile] = [], diagnostics: [Diagnostic] = [],
        inventory: [InventoryEntry] = []
    ) {
        self.file = file
        self.pipelines = pipelines
        self.workflows = workflows
        self.parameterFiles = parameterFiles
        self.diagnostics = diagnostics
        self.inventory = inventory
    }

    /// Whether every inventoried element is accounted for.
    public var isConserved: Bool { inventory.allSatisfy(\.isConserved) }
}
