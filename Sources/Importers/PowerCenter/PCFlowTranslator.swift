import IR

/// A MAPPING or MAPPLET whose instances and connectors become nodes.
struct PCFlowScope {
    /// The MAPPING or MAPPLET element.
    var element: XMLElementNode
    /// The folder holding it.
    var folder: String
    /// `FOLDER[f]/MAPPING[m]` or `FOLDER[f]/MAPPLET[p]`.
    var path: ObjectPath
    /// Prepended to node ids (`mplt_instance.` inside an expanded mapplet).
    var idPrefix: String
    /// How Input/Output transformations are translated.
    var mode: PCFlowMode
    /// The mapplets being expanded around this scope, outermost first (to stop recursion).
    var mappletChain: [PCElementKey] = []
}

/// How connectors address the instances of one scope: by name and instance class, because a
/// source and a target instance may share a name (connectors tell them apart by their
/// FROMINSTANCETYPE/TOINSTANCETYPE); a lookup without a matching class falls back to the name.
struct PCBindings {
    private struct TypedName: Hashable {
        var name: String
        var instanceClass: String
    }

    private var typed: [TypedName: PCBinding] = [:]
    private var named: [String: PCBinding] = [:]

    /// `SOURCE`, `TARGET`, `MAPPLET` or `TRANSFORMATION` for an INSTANCE's TYPE attribute.
    static func instanceClass(of instance: XMLElementNode) -> String {
        let type = instance.value("TYPE").uppercased()
        switch type {
        case "SOURCE", "TARGET", "MAPPLET": return type
        default: return "TRANSFORMATION"
        }
    }

    /// The instance class a connector's `*INSTANCETYPE` (`Source Definition`, `Expression`) names.
    static func instanceClass(ofConnectorType type: String) -> String {
        switch type {
        case "Source Definition": "SOURCE"
        case "Target Definition": "TARGET"
        case "Mapplet": "MAPPLET"
        default: "TRANSFORMATION"
        }
    }

    /// Binds instance `name` of class `instanceClass`; the first binding of a key wins.
    mutating func bind(_ name: String, instanceClass: String, to binding: PCBinding) {
        let key = TypedName(name: name, instanceClass: instanceClass)
        if typed[key] == nil { typed[key] = binding }
        if named[name] == nil { named[name] = binding }
    }

    /// The binding of instance `name`, preferring one of class `instanceClass`.
    func lookup(_ name: String, instanceClass: String?) -> PCBinding? {
        instanceClass.flatMap { typed[TypedName(name: name, instanceClass: $0)] } ?? named[name]
    }

    /// The binding of instance `name` of class `instanceClass` only.
    func lookup(_ name: String, onlyInstanceClass instanceClass: String) -> PCBinding? {
        typed[TypedName(name: name, instanceClass: instanceClass)]
    }
}

/// How connectors address an instance of a scope.
enum PCBinding {
    /// An ordinary instance: connectors name the node's own ports.
    case node(String)
    /// An expanded mapplet: its interface port names map to ports of inner nodes.
    case mapplet(inputs: [String: PortRef], outputs: [String: PortRef])
}

/// What the translation of an export has used so far, for the end-of-export accounting.
struct PCUsage {
    /// Definitions (SOURCE, TARGET, TRANSFORMATION, MAPPLET) some node was built from.
    var used: Set<PCElementKey> = []
    /// Per SHORTCUT: the instances that used it.
    var shortcutUses: [PCElementKey: [String]] = [:]
    /// Shortcuts that could not be resolved.
    var unresolvedShortcuts: Set<PCElementKey> = []
    /// Per MAPPLET: the instances it was expanded for.
    var mappletUses: [PCElementKey: [String]] = [:]
}

/// Turns the instances and connectors of a mapping (and of the mapplets it uses, inlined) into
/// IR nodes with wired port sources.
struct PCFlowTranslator {
    /// The export's folders.
    let index: PCExportIndex
    /// Import options.
    let options: PowerCenterImportOptions
    /// Usage bookkeeping, shared across the export.
    var usage: PCUsage
    /// The nodes built so far.
    private(set) var nodes: [Node] = []
    /// Parameters contributed by expanded mapplets.
    var mappletParameters: [Parameter] = []
    private var nodeIndex: [String: Int] = [:]
    /// Each node's port names (``NameIndex``), by position in ``nodes``, made when a connector
    /// first names one of its ports: a node's ports are named once connectors are read, and a
    /// node with thousands of ports read by as many connectors was searched port by port for each.
    private var portNames: [Int: NameIndex] = [:]
    private var claimedIDs: [String: String] = [:]

    /// Creates a translator.
    init(index: PCExportIndex, options: PowerCenterImportOptions, usage: PCUsage) {
        self.index = index
        self.options = options
        self.usage = usage
    }

    /// Translates the instances and connectors of `scope`; returns how its instances are addressed.
    mutating func translate(_ scope: PCFlowScope, context: inout PCTranslationContext) -> PCBindings {
        let touched = connectedInstances(of: scope.element, context: &context)
        var bindings = PCBindings()
        var deferred: [(XMLElementNode, String, PCResolution)] = []
        for instance in scope.element.children(named: "INSTANCE") {
            let name = instance.nameAttribute
            let instanceClass = PCBindings.instanceClass(of: instance)
            let id = uniqueID(
                scope.idPrefix + name, instanceClass: instanceClass, instance: instance, scope: scope, context: &context
            )
            let placement = PCNodeBuilder.Placement(
                id: id, path: scope.path.appending("INSTANCE", name).sealed, connected: touched.contains(name),
                mode: scope.mode,
                idPrefix: scope.idPrefix)
            if isMapplet(instance) {
                switch expandMapplet(instance, placement: placement, scope: scope, context: &context) {
                case .success(let binding):
                    bindings.bind(name, instanceClass: instanceClass, to: binding)
                case .failure(let refusal):
                    deferred.append((instance, id, refusal.resolution))
                }
                continue
            }
            let resolution = resolveDefinition(of: instance, in: scope)
            guard case .found(let definition) = resolution else {
                deferred.append((instance, id, resolution))
                bindings.bind(name, instanceClass: instanceClass, to: .node(id))
                continue
            }
            add(build(instance, definition, placement: placement, context: &context))
            bindings.bind(name, instanceClass: instanceClass, to: .node(id))
        }
        for (instance, id, resolution) in deferred where nodeIndex[id] == nil {
            bindings.bind(instance.nameAttribute, instanceClass: PCBindings.instanceClass(of: instance), to: .node(id))
            add(
                placeholder(
                    instance, id: id, resolution: resolution, scope: scope,
                    connectors: scope.element.children(named: "CONNECTOR"), bindings: bindings, context: &context))
        }
        var endpoints = PCEndpointMemo()
        scope.element.forEachChild(named: "CONNECTOR") { connector in
            connect(connector, bindings: bindings, scope: scope, endpoints: &endpoints, context: &context)
        }
        checkAssociatedSources(scope, bindings: bindings, context: &context)
        return bindings
    }

    /// The FROMINSTANCE and TOINSTANCE names of the connectors of `element`.
    private func connectedInstances(of element: XMLElementNode, context: inout PCTranslationContext) -> Set<String> {
        var touched: Set<String> = []
        // Consecutive connectors mostly join the same two instances: a name just inserted is not
        // hashed again.
        var lastFrom: String?
        var lastTo: String?
        element.forEachChild(named: "CONNECTOR") { connector in
            let from = context.connectors.text(.fromInstance, of: connector)
            if from != lastFrom {
                touched.insert(from)
                lastFrom = from
            }
            let to = context.connectors.text(.toInstance, of: connector)
            if to != lastTo {
                touched.insert(to)
                lastTo = to
            }
        }
        return touched
    }

    /// The node with id `id`.
    func node(_ id: String) -> Node? { nodeIndex[id].map { nodes[$0] } }

    /// The positions of node `id` in ``nodes`` and of its first port named `name`, without copying
    /// the node; the node's position is remembered in `memo` for the next call.
    mutating func portPosition(
        named name: String, inNode id: String, memo: inout PCEndpointMemo.NodePosition?
    ) -> (node: Int, port: Int)? {
        let position: Int
        if let memo, memo.id == id {
            position = memo.position
        } else {
            guard let found = nodeIndex[id] else { return nil }
            position = found
            memo = PCEndpointMemo.NodePosition(id: id, position: found)
        }
        let ports = nodes[position].ports
        let names: NameIndex
        if let known = portNames[position] {
            names = known
        } else {
            names = NameIndex(count: ports.count) { ports[$0].name }
            portNames[position] = names
        }
        guard let port = names.first(name, name: { ports[$0].name }) else { return nil }
        return (position, port)
    }

    /// Appends `node` to the flow.
    mutating func add(_ node: Node) {
        nodeIndex[node.id] = nodes.count
        nodes.append(node)
    }

    /// Replaces the operator of node `id`.
    mutating func replaceOperator(of id: String, with op: Operator) {
        guard let position = nodeIndex[id] else { return }
        nodes[position].op = op
    }

    /// Sets port `port` of the node at `position` in ``nodes`` to be fed by `source`.
    mutating func setSource(_ source: PortRef, ofPort port: Int, atNode position: Int) {
        nodes[position].ports[port].source = source
    }

    private func isMapplet(_ instance: XMLElementNode) -> Bool {
        instance.value("TYPE").uppercased() == "MAPPLET" || instance.value("TRANSFORMATION_TYPE") == "Mapplet"
    }

    /// The definition of a source, target or transformation instance: a transformation of the
    /// scope itself first, then the folder's reusable objects and shortcuts.
    private func resolveDefinition(of instance: XMLElementNode, in scope: PCFlowScope) -> PCResolution {
        let name = instance.value("TRANSFORMATION_NAME")
        let type = instance.value("TRANSFORMATION_TYPE")
        switch type {
        case "Source Definition": return index.resolve(.source, named: name, inFolder: scope.folder)
        case "Target Definition": return index.resolve(.target, named: name, inFolder: scope.folder)
        default:
            if let local = scope.element.children.first(where: {
                $0.name == "TRANSFORMATION" && $0.nameAttribute == name && $0.value("TYPE") == type
            }) {
                return .found(
                    PCDefinition(
                        element: local, folder: scope.folder, path: scope.path.appending("TRANSFORMATION", name)))
            }
            return index.resolve(.transformation(type), named: name, inFolder: scope.folder)
        }
    }

    private mutating func build(
        _ instance: XMLElementNode, _ definition: PCDefinition, placement: PCNodeBuilder.Placement,
        context: inout PCTranslationContext
    ) -> Node {
        recordUse(of: definition, by: placement.path)
        switch instance.value("TRANSFORMATION_TYPE") {
        case "Source Definition": return PCNodeBuilder.source(instance, definition, at: placement, context: &context)
        case "Target Definition": return PCNodeBuilder.target(instance, definition, at: placement, context: &context)
        default: return PCNodeBuilder.transformation(instance, definition, at: placement, context: &context)
        }
    }

    /// Records that `definition` (and the shortcut it was reached through) is used at `path`.
    mutating func recordUse(of definition: PCDefinition, by path: ObjectPath) {
        usage.used.insert(PCElementKey(definition.element))
        if let shortcut = definition.shortcut {
            usage.shortcutUses[PCElementKey(shortcut), default: []].append(path.description)
        }
    }

    /// `base`, or `base#source` (`#target`, ...) when an instance of another class took it, or
    /// `base#2` with an error when an instance of the same class did.
    private mutating func uniqueID(
        _ base: String, instanceClass: String, instance: XMLElementNode, scope: PCFlowScope,
        context: inout PCTranslationContext
    ) -> String {
        guard let owner = claimedIDs[base] else {
            claimedIDs[base] = instanceClass
            return base
        }
        let classID = "\(base)#\(instanceClass.lowercased())"
        if owner != instanceClass, claimedIDs[classID] == nil {
            claimedIDs[classID] = instanceClass
            return classID
        }
        var counter = 2
        while claimedIDs["\(base)#\(counter)"] != nil { counter += 1 }
        let id = "\(base)#\(counter)"
        claimedIDs[id] = instanceClass
        context.report(
            PCMappingDiagnostics.duplicateInstanceName,
            "instance '\(instance.nameAttribute)' appears more than once; this one becomes node '\(id)' and connectors reach only the first",
            at: instance, path: scope.path.appending("INSTANCE", instance.nameAttribute),
            fix: "rename one of the instances in the Designer and re-export")
        return id
    }
}
