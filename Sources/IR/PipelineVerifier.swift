/// Checks the invariants of a pipeline: unique ids and port names, every port source resolvable to
/// an output port, options naming existing ports and nodes, every row-consuming node fed, no cycle,
/// and assignable types along every edge.
///
/// The importers run it after translation (in tests) and `migrate check` runs it on YAML input.
public struct PipelineVerifier {
    private let pipeline: Pipeline
    private var diagnostics: [Diagnostic] = []
    private var nodesByID: [String: Node] = [:]

    /// Verifies `pipeline` and returns what is wrong with it (empty when it is well-formed).
    public static func verify(_ pipeline: Pipeline) -> [Diagnostic] {
        var verifier = PipelineVerifier(pipeline: pipeline)
        verifier.run()
        return verifier.diagnostics
    }

    private init(pipeline: Pipeline) {
        self.pipeline = pipeline
    }

    private mutating func run() {
        for node in pipeline.nodes {
            if nodesByID[node.id] != nil {
                report(.duplicateNodeID, "node id '\(node.id)' is used more than once", node.provenance)
            } else {
                nodesByID[node.id] = node
            }
        }
        for node in pipeline.nodes {
            checkPorts(of: node)
            checkOptions(of: node)
        }
        for id in pipeline.targetLoadOrder where nodesByID[id] == nil {
            report(.unknownOptionNode, "target load order names unknown node '\(id)'", pipeline.provenance)
        }
        checkAcyclic()
    }

    private mutating func report(_ descriptor: DiagnosticDescriptor, _ message: String, _ provenance: Provenance) {
        diagnostics.append(descriptor(message, at: provenance.location, path: provenance.path))
    }

    private mutating func checkPorts(of node: Node) {
        var names: Set<String> = []
        var fed = false
        for port in node.ports {
            if !names.insert(port.name).inserted {
                report(
                    .duplicatePortName, "port '\(port.name)' appears more than once in node '\(node.id)'",
                    port.provenance)
            }
            guard let source = port.source else { continue }
            fed = true
            if !port.roles.contains(.input) {
                report(
                    .inputWithoutRole, "port '\(port.name)' of '\(node.id)' has a source but is not an input",
                    port.provenance)
            }
            guard let upstream = nodesByID[source.node] else {
                report(
                    .unknownSourceNode, "port '\(port.name)' is fed from unknown node '\(source.node)'", port.provenance
                )
                continue
            }
            guard let upstreamPort = upstream.port(named: source.port), upstreamPort.roles.contains(.output) else {
                report(
                    .unknownSourcePort, "port '\(port.name)' is fed from '\(source)', which is not an output port",
                    port.provenance)
                continue
            }
            if !upstreamPort.type.isAssignable(to: port.type) {
                report(
                    .incompatibleTypes,
                    "port '\(port.name)' (\(port.type.canonicalName)) is fed '\(source)' of type \(upstreamPort.type.canonicalName)",
                    port.provenance)
            }
        }
        // An opaque node consumes rows only if it declares input ports (a placeholder for a missing
        // source has none).
        var consumes = node.op.consumesRows
        if case .opaque = node.op { consumes = !node.inputPorts.isEmpty }
        if consumes && !fed {
            report(.inputNotFed, "node '\(node.id)' (\(node.op.kindName)) has no connected input port", node.provenance)
        }
    }

    private mutating func checkOptions(of node: Node) {
        let ports = Set(node.ports.map(\.name))
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
        for name in named where !ports.contains(name) {
            report(.unknownOptionPort, "option of '\(node.id)' names unknown port '\(name)'", node.provenance)
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
            for upstream in node.upstreamNodes where nodesByID[upstream] != nil && upstream != node.id {
                downstream[upstream, default: []].append(node.id)
                indegree[node.id, default: 0] += 1
            }
            if node.upstreamNodes.contains(node.id) {
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

extension Pipeline {
    /// The pipeline's invariant violations (empty when well-formed). See ``PipelineVerifier``.
    public func verify() -> [Diagnostic] { PipelineVerifier.verify(self) }
}
