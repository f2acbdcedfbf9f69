import IR

/// Identifies an element of the export by its kind and start-tag position.
struct PCWorkflowElementKey: Hashable, Sendable {
    var name: String
    var line: Int
    var column: Int

    init(_ element: XMLElementNode) {
        name = element.name
        line = element.line
        column = element.column
    }
}

/// A SESSION, TASK or WORKLET definition found by name, with its object path.
struct PCWorkflowDefinition: Sendable {
    /// The defining element.
    var element: XMLElementNode
    /// `<container path>/<KIND>[<name>]`.
    var path: ObjectPath
    /// Where name lookup continues inside a worklet found here (innermost first, folder last).
    var chain: [PCWorkflowScope]
}

/// The definitions directly inside one FOLDER, WORKFLOW or WORKLET, by kind and name.
struct PCWorkflowScope: Sendable {
    /// The container's object path.
    let path: ObjectPath
    /// Whether this is the folder (where reusable definitions live).
    let isFolder: Bool
    private let byKind: [String: [String: XMLElementNode]]

    /// The definition kinds looked up by task instances.
    static let kinds = ["SESSION", "TASK", "WORKLET"]

    /// Indexes the SESSION, TASK and WORKLET children of `container`; the first of equal names wins.
    init(container: XMLElementNode, path: ObjectPath, isFolder: Bool) {
        self.path = path
        self.isFolder = isFolder
        var byKind: [String: [String: XMLElementNode]] = [:]
        for kind in Self.kinds {
            let pairs = container.children(named: kind).compactMap { child in
                PCWorkflowSettings.name(of: child).map { ($0, child) }
            }
            byKind[kind] = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        }
        self.byKind = byKind
    }

    /// The `kind` definition named `name` in this container, if any.
    func element(kind: String, named name: String) -> XMLElementNode? {
        byKind[kind]?[name]
    }
}

/// Name lookup through a chain of scopes, innermost first, the folder last.
enum PCWorkflowLookup {
    /// The `kind` definition named `name`: reusable instances look in the folder first, others in the
    /// enclosing containers first.
    static func find(kind: String, named name: String, reusable: Bool, in chain: [PCWorkflowScope])
        -> PCWorkflowDefinition?
    {
        let order =
            reusable
            ? chain.indices.filter { chain[$0].isFolder } + chain.indices.filter { !chain[$0].isFolder }
            : Array(chain.indices)
        for index in order {
            let scope = chain[index]
            if let element = scope.element(kind: kind, named: name) {
                return PCWorkflowDefinition(
                    element: element, path: scope.path.appending(kind, name), chain: Array(chain[index...]))
            }
        }
        return nil
    }
}
