/// Checks the invariants of a pipeline: unique ids and port names, every port source resolvable to
/// an output port, options naming existing ports and nodes, every row-consuming node fed, no cycle,
/// and assignable types along every edge.
///
/// The importers run it after translation (in tests) and `migrate check` runs it on YAML input.
public struct PipelineVerifier {
    private let pipeline: Pipeline
    private var diagnostics: [Diagnostic] = []
    /// The index of the first node with each id.
    private var nodesByID: [String: Int] = [:]
    /// Each node's port names (``NameIndex``), by node index (made on first use).
    private var portIndexes: [NameIndex?]

    /// Verifies `pipeline` and returns what is wrong with it (empty when it is well-formed).
    public static func verify(_ pipeline: Pipeline) -> [Diagnostic] {
        var verifier = PipelineVerifier(pipeline: pipeline)
        verifier.run()
        return verifier.diagnostics
    }

    /// Verifies `pipeline`, made from `previous` by changing, adding or removing nodes, where
    /// `previous` verified without any diagnostic: the result is ``verify(_:)``'s for `pipeline`,
    /// found by checking only what the change can affect (the changed and added nodes, the nodes
    /// reading a changed or removed one, every source query's sources, the target load order, and
    /// the cycles when a node reads from other nodes than before).
    public static func verify(_ pipeline: Pipeline, changedFrom previous: Pipeline) -> [Diagnostic] {
        var verifier = PipelineVerifier(pipeline: pipeline)
        guard verifier.indexNodes(), verifier.checkChanges(from: previous), verifier.diagnostics.isEmpty else {
            return verify(pipeline)
        }
        return []
    }

    /// The errors ``verify(_:)`` finds in `pipeline` (its warnings left out), where `pipeline` was
    /// made from `previous` by changing, adding or removing nodes and `previous` has no error
    /// (warnings allowed): found as ``verify(_:changedFrom:)`` finds them, by checking only what the
    /// change can affect, since what it cannot affect keeps the diagnostics it had, none an error.
    /// Where that check finds an error, the full verification gives them all, in its order.
    public static func errors(in pipeline: Pipeline, changedFrom previous: Pipeline) -> [Diagnostic] {
        var verifier = PipelineVerifier(pipeline: pipeline)
        guard verifier.indexNodes(), verifier.checkChanges(from: previous),
            !verifier.diagnostics.contains(where: { $0.severity == .error })
        else { return verify(pipeline).filter { $0.severity == .error } }
        return []
    }

    private init(pipeline: Pipeline) {
        self.pipeline = pipeline
        self.portIndexes = Array(repeating: nil, count: pipeline.nodes.count)
    }

    private mutating func run() {
        _ = indexNodes()
        for index in pipeline.nodes.indices {
            checkPorts(ofNodeAt: index)
            checkOptions(of: pipeline.nodes[index])
        }
        checkTargetLoadOrder()
        checkAcyclic()
    }

    /// Fills ``nodesByID``, reporting repeated ids; false when an id repeats.
    private mutating func indexNodes() -> Bool {
        var unique = true
        for (index, node) in pipeline.nodes.enumerated() {
            if nodesByID[node.id] != nil {
                report(.duplicateNodeID, "node id '\(node.id)' is used more than once", node.provenance)
                unique = false
            } else {
                nodesByID[node.id] = index
            }
        }
        return unique
    }

    private mutating func report(_ descriptor: DiagnosticDescriptor, _ message: String, _ provenance: Provenance) {
        diagnostics.append(descriptor(message, at: provenance.location, path: provenance.path))
    }

    /// The port names of the node at `index`.
    private mutating func portIndex(ofNodeAt index: Int) -> NameIndex {
        if let known = portIndexes[index] { return known }
        let ports = pipeline.nodes[index].ports
        let names = NameIndex(count: ports.count) { ports[$0].name }
        portIndexes[index] = names
        return names
    }

    /// The position of the first port named `name` of the node at `index`, whose ports `upstream`
    /// indexes: the port after the one found last when it is that port (ports mostly read an
    /// upstream node's ports in order), else as the index finds it.
    private func firstPort(
        named name: String, ofNodeAt index: Int, after upstream: (node: Int, names: NameIndex, found: Int)
    ) -> Int? {
        let next = upstream.found + 1
        if next < upstream.names.firsts.count, upstream.names.firsts[next] == next,
            pipeline.nodes[index].ports[next].name == name
        {
            return next
        }
        return upstream.names.first(name) { pipeline.nodes[index].ports[$0].name }
    }

    // Ports are read in place (`pipeline.nodes[index].ports[p].name`), not copied: a `Port` holds
    // many references, and copying each one costs more than the checks on large pipelines.
    private mutating func checkPorts(ofNodeAt index: Int) {
        let names = portIndex(ofNodeAt: index)
        let repeats = names.hasRepeats
        let nodeID = pipeline.nodes[index].id
        var fed = false
        // The upstream node of the port before, its port index, and the position of the port
        // found there: consecutive ports mostly read the same node, and its ports in order.
        var upstreamIndex: (node: Int, names: NameIndex, found: Int)?
        for p in pipeline.nodes[index].ports.indices {
            let name = pipeline.nodes[index].ports[p].name
            if repeats && names.firsts[p] != p {
                report(
                    .duplicatePortName, "port '\(name)' appears more than once in node '\(nodeID)'",
                    pipeline.nodes[index].ports[p].provenance)
            }
            guard let source = pipeline.nodes[index].ports[p].source else { continue }
            fed = true
            if !pipeline.nodes[index].ports[p].roles.contains(.input) {
                report(
                    .inputWithoutRole, "port '\(name)' of '\(nodeID)' has a source but is not an input",
                    pipeline.nodes[index].ports[p].provenance)
            }
            guard let upstream = nodesByID[source.node] else {
                report(
                    .unknownSourceNode, "port '\(name)' is fed from unknown node '\(source.node)'",
                    pipeline.nodes[index].ports[p].provenance)
                continue
            }
            if upstreamIndex?.node != upstream { upstreamIndex = (upstream, portIndex(ofNodeAt: upstream), -1) }
            guard let found = firstPort(named: source.port, ofNodeAt: upstream, after: upstreamIndex!),
                pipeline.nodes[upstream].ports[found].roles.contains(.output)
            else {
                report(
                    .unknownSourcePort, "port '\(name)' is fed from '\(source)', which is not an output port",
                    pipeline.nodes[index].ports[p].provenance)
                continue
            }
            upstreamIndex!.found = found
            let upstreamType = pipeline.nodes[upstream].ports[found].type
            let type = pipeline.nodes[index].ports[p].type
            if !upstreamType.isAssignable(to: type) {
                report(
                    .incompatibleTypes,
                    "port '\(name)' (\(type.canonicalName)) is fed '\(source)' of type \(upstreamType.canonicalName)",
                    pipeline.nodes[index].ports[p].provenance)
            }
        }
        // An opaque node consumes rows only if it declares input ports (a placeholder for a missing
        // source has none).
        let node = pipeline.nodes[index]
        var consumes = node.op.consumesRows
        if case .opaque = node.op { consumes = node.ports.contains { $0.roles.contains(.input) } }
        if consumes && !fed {
            report(.inputNotFed, "node '\(node.id)' (\(node.op.kindName)) has no connected input port", node.provenance)
        }
    }

    private mutating func checkOptions(of node: Node) {
        var named: [String] = []
        switch node.op {
        case .aggregate(let spec): named = spec.groupBy
        case .sort(let spec): named = spec.keys.map(\.port)
        case .rank(let spec): named = [spec.rankBy] + spec.groupBy + (spec.indexPort.map { [$0] } ?? [])
        case .union(let spec): named = spec.mappings.flatMap { [$0.input, $0.output] }
        case .unpivot(let spec):
            named =
                spec.columns.flatMap { [$0.output] + $0.inputs } + spec.indexPorts + (spec.keyPort.map { [$0] } ?? [])
        case .sourceQuery(let spec):
            for source in spec.sources where nodesByID[source] == nil {
                report(.unknownOptionNode, "source query '\(node.id)' reads unknown node '\(source)'", node.provenance)
            }
        default: break
        }
        guard !named.isEmpty else { return }
        let ports = Set(node.ports.map(\.name))
        for name in named where !ports.contains(name) {
            report(.unknownOptionPort, "option of '\(node.id)' names unknown port '\(name)'", node.provenance)
        }
    }

    private mutating func checkTargetLoadOrder() {
        for id in pipeline.targetLoadOrder where nodesByID[id] == nil {
            report(.unknownOptionNode, "target load order names unknown node '\(id)'", pipeline.provenance)
        }
    }

    private mutating func checkAcyclic() {
        // Kahn's algorithm over node-level edges; whatever is left over lies on or behind a cycle.
        var indegree: [String: Int] = [:]
        var downstream: [String: [String]] = [:]
        for node in pipeline.nodes where indegree[node.id] == nil {
            indegree[node.id] = 0
        }
        for node in pipeline.nodes {
            let upstreamNodes = node.upstreamNodes
            for upstream in upstreamNodes where nodesByID[upstream] != nil && upstream != node.id {
                downstream[upstream, default: []].append(node.id)
                indegree[node.id, default: 0] += 1
            }
            if upstreamNodes.contains(node.id) {
                report(.pipelineCycle, "node '\(node.id)' feeds itself", node.provenance)
            }
        }
        var ready = pipeline.nodes.map(\.id).filter { indegree[$0] == 0 }
        var visited = 0
        while let id = ready.popLast() {
            visited += 1
            for next in downstream[id] ?? [] {
                indegree[next]! -= 1
                if indegree[next] == 0 { ready.append(next) }
            }
        }
        if visited < indegree.count {
            let stuck = pipeline.nodes.filter { (indegree[$0.id] ?? 0) > 0 }
            if let first = stuck.first {
                report(
                    .pipelineCycle,
                    "nodes \(stuck.map { "'\($0.id)'" }.joined(separator: ", ")) lie on a cycle",
                    first.provenance)
            }
        }
    }
}

extension PipelineVerifier {
    /// Runs the checks whose outcome the change from `previous` (well-formed, ids unique in both)
    /// can alter; false when `previous` repeats an id (nothing is then known from it).
    private mutating func checkChanges(from previous: Pipeline) -> Bool {
        var before: [String: Int] = [:]
        for (index, node) in previous.nodes.enumerated() {
            guard before.updateValue(index, forKey: node.id) == nil else { return false }
        }
        // The ids of nodes changed, added or removed, and whether a node reads other nodes than before.
        var changed = Set(before.keys.filter { nodesByID[$0] == nil })
        var newEdges = false
        for node in pipeline.nodes {
            guard let old = before[node.id] else {
                changed.insert(node.id)
                newEdges = true
                continue
            }
            guard previous.nodes[old] != node else { continue }
            changed.insert(node.id)
            if !newEdges && node.upstreamNodes != previous.nodes[old].upstreamNodes { newEdges = true }
        }
        for index in pipeline.nodes.indices where Self.isAffected(pipeline.nodes[index], by: changed) {
            checkPorts(ofNodeAt: index)
            checkOptions(of: pipeline.nodes[index])
        }
        for node in pipeline.nodes where !changed.contains(node.id) {
            if case .sourceQuery = node.op { checkOptions(of: node) }
        }
        checkTargetLoadOrder()
        if newEdges { checkAcyclic() }
        return true
    }

    /// Whether `node` is in `changed` or reads a node that is.
    private static func isAffected(_ node: Node, by changed: Set<String>) -> Bool {
        if changed.contains(node.id) { return true }
        var last: String?
        for port in node.ports {
            guard let upstream = port.source?.node, upstream != last else { continue }
            if changed.contains(upstream) { return true }
            last = upstream
        }
        return false
    }
}

extension Pipeline {
    /// The pipeline's invariant violations (empty when well-formed). See ``PipelineVerifier``.
    public func verify() -> [Diagnostic] { PipelineVerifier.verify(self) }
}
