import IR

/// Connector wiring and placeholder nodes for instances whose definition is missing.
extension PCFlowTranslator {
    /// Sets the TO port's `source` from one CONNECTOR, or reports why it cannot.
    mutating func connect(
        _ connector: borrowing XMLElementNode, bindings: PCBindings, scope: PCFlowScope,
        endpoints: inout PCEndpointMemo,
        context: inout PCTranslationContext
    ) {
        guard
            let from = endpoint(
                connector, side: .from, bindings: bindings, scope: scope, memo: &endpoints.from, context: &context),
            let to = endpoint(
                connector, side: .to, bindings: bindings, scope: scope, memo: &endpoints.to, context: &context)
        else {
            context.ledger.diagnose(connector)
            return
        }
        guard let source = portPosition(named: from.port, inNode: from.node, memo: &endpoints.fromNode),
            nodes[source.node].ports[source.port].roles.contains(.output)
        else {
            return reject(
                connector, path: Self.connectorPath(connector, scope: scope), context: &context,
                Self.unconnectableMessage(from, reads: true, node: node(from.node)))
        }
        guard let target = portPosition(named: to.port, inNode: to.node, memo: &endpoints.toNode),
            nodes[target.node].ports[target.port].roles.contains(.input)
        else {
            return reject(
                connector, path: Self.connectorPath(connector, scope: scope), context: &context,
                Self.unconnectableMessage(to, reads: false, node: node(to.node)))
        }
        if let existing = nodes[target.node].ports[target.port].source {
            context.report(
                PCMappingDiagnostics.inputConnectedTwice,
                "input port '\(to)' is already fed by '\(existing)'; the connector from '\(from)' is ignored",
                at: connector, path: Self.connectorPath(connector, scope: scope),
                fix: "remove one of the connectors in the Designer and re-export")
            context.ledger.diagnose(connector)
            return
        }
        setSource(from, ofPort: target.port, atNode: target.node)
        context.ledger.represent(connector)
    }

    /// Why a connector cannot read (`reads`) or write `port`: `node` (the node `port.node` names, if
    /// it exists) has no such port, or the port lacks the output (input) role.
    static func unconnectableMessage(_ port: PortRef, reads: Bool, node: Node?) -> String {
        let verb = reads ? "reads" : "writes"
        let wanted = reads ? "an output" : "an input"
        let plain = "connector \(verb) '\(port)', which is not \(wanted) port"
        guard let node else { return plain }
        guard let found = node.port(named: port.port) else {
            return "connector \(verb) '\(port)', but '\(port.node)' has no port '\(port.port)'"
        }
        guard !found.roles.contains(reads ? .output : .input) else { return plain }
        let roles = found.roles.names.joined(separator: ", ")
        return
            "connector \(verb) '\(port)', which is a port of '\(port.node)' but not \(wanted) port (roles: \(roles.isEmpty ? "none" : roles))"
    }

    /// `MAPPING[m]/CONNECTOR[from.field->to.field]`, the path diagnostics about a connector name.
    static func connectorPath(_ connector: borrowing XMLElementNode, scope: PCFlowScope) -> ObjectPath {
        scope.path.appending(
            "CONNECTOR",
            "\(connector.value("FROMINSTANCE")).\(connector.value("FROMFIELD"))->\(connector.value("TOINSTANCE")).\(connector.value("TOFIELD"))"
        )
    }

    /// The attribute names of one side of a connector.
    enum ConnectorSide {
        case from, to

        var label: String { self == .from ? "FROM" : "TO" }
        var instance: PCConnectorAttribute { self == .from ? .fromInstance : .toInstance }
        var field: PCConnectorAttribute { self == .from ? .fromField : .toField }
        var instanceType: PCConnectorAttribute { self == .from ? .fromInstanceType : .toInstanceType }
    }

    /// The port a connector side addresses, through mapplet interfaces.
    private func endpoint(
        _ connector: borrowing XMLElementNode, side: ConnectorSide, bindings: PCBindings, scope: PCFlowScope,
        memo: inout PCEndpointMemo.Binding?, context: inout PCTranslationContext
    ) -> PortRef? {
        let instance = context.connectors.text(side.instance, of: connector)
        let field = context.connectors.text(side.field, of: connector)
        let instanceType = context.connectors.text(side.instanceType, of: connector)
        let binding: PCBinding?
        if let memo, memo.instance == instance, memo.instanceType == instanceType {
            binding = memo.binding
        } else {
            binding = bindings.lookup(instance, instanceClass: PCBindings.instanceClass(ofConnectorType: instanceType))
            memo = PCEndpointMemo.Binding(instance: instance, instanceType: instanceType, binding: binding)
        }
        switch binding {
        case nil:
            let path = Self.connectorPath(connector, scope: scope)
            context.report(
                PCMappingDiagnostics.danglingConnectorInstance,
                "instance '\(instance)', which the connector \(side == .from ? "reads from" : "writes to"), does not exist in '\(scopeName(path))'",
                at: connector, path: path, fix: "remove the connector or restore the instance and re-export")
            return nil
        case .node(let id):
            return PortRef(node: id, port: field)
        case .mapplet(let inputs, let outputs):
            if let reference = (side == .from ? outputs : inputs)[field] { return reference }
            context.report(
                PCMappingDiagnostics.unknownMappletPort,
                "mapplet instance '\(instance)' has no \(side == .from ? "output" : "input") port '\(field)'",
                at: connector, path: Self.connectorPath(connector, scope: scope),
                fix: "re-export the mapping together with the current mapplet definition")
            return nil
        }
    }

    private func scopeName(_ path: ObjectPath) -> String {
        path.segments.dropLast().last?.name ?? ""
    }

    private func reject(
        _ connector: borrowing XMLElementNode, path: ObjectPath, context: inout PCTranslationContext, _ message: String
    ) {
        context.report(
            PCMappingDiagnostics.danglingConnectorField, message, at: connector, path: path,
            fix: "reconnect the port in the Designer and re-export")
        context.ledger.diagnose(connector)
    }

    /// An opaque node standing in for an instance whose definition is not in the export, with
    /// ports inferred from the connectors that touch it.
    mutating func placeholder(
        _ instance: XMLElementNode, id: String, resolution: PCResolution, scope: PCFlowScope,
        connectors: [XMLElementNode], bindings: PCBindings, context: inout PCTranslationContext
    ) -> Node {
        let name = instance.nameAttribute
        let path = scope.path.appending("INSTANCE", name)
        let reason: String
        let diagnostic: Diagnostic
        switch resolution {
        case .unresolvedShortcut(let shortcut, _):
            usage.unresolvedShortcuts.insert(PCElementKey(shortcut))
            usage.shortcutUses[PCElementKey(shortcut), default: []].append(path.description)
            reason =
                "its definition is shortcut '\(shortcut.nameAttribute)' to folder '\(shortcut.value("FOLDERNAME"))', which is not in this export"
            diagnostic = PCMappingDiagnostics.unresolvedShortcut(
                "instance '\(name)' uses shortcut '\(shortcut.nameAttribute)' to '\(shortcut.value("REFOBJECTNAME"))' in folder '\(shortcut.value("FOLDERNAME"))' of repository '\(shortcut.value("REPOSITORYNAME"))', which is not in this export",
                at: context.location(of: instance), path: path,
                fix: "export the shared folder '\(shortcut.value("FOLDERNAME"))' together with this one")
            context.diagnostics.append(diagnostic)
        case .refused(let refusal):
            reason = refusal.message
            diagnostic = refusal
        case .found, .missing:
            reason =
                "its definition '\(instance.value("TRANSFORMATION_NAME"))' (\(instance.value("TRANSFORMATION_TYPE"))) is not in this export"
            diagnostic = PCMappingDiagnostics.missingDefinition(
                "instance '\(name)' refers to \(instance.value("TRANSFORMATION_TYPE").lowercased()) '\(instance.value("TRANSFORMATION_NAME"))', which is not in this export",
                at: context.location(of: instance), path: path,
                fix: "export the mapping with its dependencies (Designer: Export Objects, include dependencies)")
            context.diagnostics.append(diagnostic)
        }
        context.ledger.represent(instance)
        let ports = inferredPorts(
            of: instance, path: path, connectors: connectors, bindings: bindings, context: context)
        return Node(
            id: id,
            op: .opaque(
                OpaqueSpec(
                    vendorType: instance.value("TRANSFORMATION_TYPE"),
                    reason: reason + "; ports are inferred from connectors")),
            description: instance.nonEmpty("DESCRIPTION"), ports: ports,
            attributes: PCChildAttributes.attributes(of: instance, skipping: []),
            notes: [ConversionNote(diagnostic)], provenance: context.provenance(of: instance, path: path))
    }

    private func inferredPorts(
        of instance: XMLElementNode, path: ObjectPath, connectors: [XMLElementNode], bindings: PCBindings,
        context: PCTranslationContext
    ) -> [Port] {
        let instanceClass = PCBindings.instanceClass(of: instance)
        var ports: [Port] = []
        for connector in connectors {
            for side in ["TO", "FROM"]
            where connector.value("\(side)INSTANCE") == instance.nameAttribute
                && PCBindings.instanceClass(ofConnectorType: connector.value("\(side)INSTANCETYPE")) == instanceClass
            {
                let name = connector.value("\(side)FIELD")
                let role: PortRoles = side == "TO" ? .input : .output
                if let index = ports.firstIndex(where: { $0.name == name }) {
                    ports[index].roles.insert(role)
                    continue
                }
                let peerSide = side == "TO" ? "FROM" : "TO"
                let peerClass = PCBindings.instanceClass(ofConnectorType: connector.value("\(peerSide)INSTANCETYPE"))
                var peerType: DataType?
                if case .node(let id) = bindings.lookup(
                    connector.value("\(peerSide)INSTANCE"), instanceClass: peerClass)
                {
                    peerType = node(id)?.port(named: connector.value("\(peerSide)FIELD"))?.type
                }
                ports.append(
                    Port(
                        name: name, type: peerType ?? .string(precision: 0), roles: role,
                        provenance: context.provenance(of: connector, path: path.appending("PORT", name))))
            }
        }
        return ports
    }

    /// Reports ASSOCIATED_SOURCE_INSTANCE names that are not source nodes of the scope (missing,
    /// or naming another kind of instance) and drops them from the source query; a qualifier left
    /// with no source (or naming none) reads the sources connected to it, with a warning.
    mutating func checkAssociatedSources(
        _ scope: PCFlowScope, bindings: PCBindings, context: inout PCTranslationContext
    ) {
        for instance in scope.element.children(named: "INSTANCE") {
            guard
                case .node(let id) = bindings.lookup(
                    instance.nameAttribute, instanceClass: PCBindings.instanceClass(of: instance)),
                let query = node(id), case .sourceQuery(var spec) = query.op
            else { continue }
            var sources: [String] = []
            var unknown: [(element: XMLElementNode, problem: String)] = []
            for associated in instance.children(named: "ASSOCIATED_SOURCE_INSTANCE") {
                // Only a SOURCE instance counts (a placeholder for a missing one too); the name may
                // be another kind of instance's (a hand-written export names the qualifier itself).
                if case .node(let source) = bindings.lookup(associated.nameAttribute, onlyInstanceClass: "SOURCE"),
                    node(source) != nil
                {
                    sources.append(source)
                    continue
                }
                let found = bindings.lookup(associated.nameAttribute, instanceClass: nil) != nil
                unknown.append((associated, found ? "which is not a source instance" : "which does not exist"))
            }
            // With no associated source left, the sources connected to the qualifier are those it reads.
            let connected =
                sources.isEmpty
                ? query.upstreamNodes.filter { id in
                    node(id).map { if case .source = $0.op { true } else { false } } ?? false
                }
                : []
            let what = "source\(connected.count == 1 ? "" : "s") connected to it"
            let names = connected.map { "'\($0)'" }.joined(separator: ", ")
            for (associated, problem) in unknown {
                let instead = connected.isEmpty ? "" : "; it reads the \(what) instead: \(names)"
                context.report(
                    PCMappingDiagnostics.unknownAssociatedSource,
                    "source qualifier '\(instance.nameAttribute)' reads source instance '\(associated.nameAttribute)', \(problem)"
                        + instead,
                    at: associated, path: scope.path.appending("INSTANCE", instance.nameAttribute),
                    fix: "re-associate the source qualifier with its sources in the Designer and re-export")
            }
            if unknown.isEmpty && !connected.isEmpty {
                // No ASSOCIATED_SOURCE_INSTANCE at all (hand-written and generated exports).
                context.report(
                    PCMappingDiagnostics.unknownAssociatedSource,
                    "source qualifier '\(instance.nameAttribute)' names no associated source instance; it reads the "
                        + "\(what): \(names)",
                    at: instance, path: scope.path.appending("INSTANCE", instance.nameAttribute),
                    fix: "re-associate the source qualifier with its sources in the Designer and re-export")
            }
            sources += connected
            spec.sources = sources
            replaceOperator(of: id, with: .sourceQuery(spec))
        }
    }
}

/// The last lookups of one connector loop: consecutive connectors mostly join the same two
/// instances, so their bindings and nodes are looked up once per run instead of once per connector.
/// Valid for one loop only (the bindings and the node positions do not change during it).
struct PCEndpointMemo {
    /// One side's last instance binding, keyed by the connector's raw attribute values.
    struct Binding {
        var instance: String
        var instanceType: String
        var binding: PCBinding?
    }

    /// A node id and its position in the flow's nodes.
    struct NodePosition {
        var id: String
        var position: Int
    }

    var from: Binding?
    var to: Binding?
    var fromNode: NodePosition?
    var toNode: NodePosition?
}
