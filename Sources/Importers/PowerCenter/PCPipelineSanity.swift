import IR

/// IR-level checks run on every pipeline the translator produces: unique node ids, unique port
/// names per node, and every port `source` naming an existing node and an output port of it.
/// A failure is a translator bug, reported as IMP0128 so it never passes silently.
enum PCPipelineSanity {
    /// The problems found in `pipeline`, as plain sentences.
    static func problems(in pipeline: Pipeline) -> [String] {
        var problems: [String] = []
        let nodes = pipeline.nodes
        let firstNodes = NameIndex(count: nodes.count) { nodes[$0].id }.firsts
        // Per node: whether a port name repeats (then only the first port of a name counts).
        var repeatsPortNames = [Bool](repeating: false, count: nodes.count)
        for position in nodes.indices {
            let id = nodes[position].id
            if firstNodes[position] != position { problems.append("node id '\(id)' is used twice") }
            let ports = nodes[position].ports
            let firstPorts = NameIndex(count: ports.count) { ports[$0].name }.firsts
            for port in ports.indices where firstPorts[port] != port {
                problems.append("port '\(id).\(ports[port].name)' is defined twice")
                repeatsPortNames[position] = true
            }
        }
        // Ports are read in place (by index): copying each whole port here costs more than the check.
        var upstreams = PCUpstreamFinder(nodes: nodes, firstNodes: firstNodes, repeatsPortNames: repeatsPortNames)
        for position in nodes.indices {
            let ports = nodes[position].ports
            for port in ports.indices {
                guard let source = ports[port].source else { continue }
                let id = nodes[position].id
                guard let upstream = upstreams.node(source.node) else {
                    problems.append("port '\(id).\(ports[port].name)' reads missing node '\(source.node)'")
                    continue
                }
                guard let roles = upstreams.roles(ofPort: source.port, inNode: upstream), roles.contains(.output) else {
                    problems.append("port '\(id).\(ports[port].name)' reads '\(source)', which is not an output port")
                    continue
                }
            }
        }
        return problems
    }

    /// Reports the problems of `pipeline` at its provenance.
    static func check(_ pipeline: Pipeline, context: inout PCTranslationContext) {
        for problem in problems(in: pipeline) {
            context.diagnostics.append(
                PCMappingDiagnostics.pipelineSanity(
                    "pipeline '\(pipeline.name)': \(problem)", at: pipeline.provenance.location,
                    path: pipeline.provenance.path, fix: "report this translator bug with the export attached"))
        }
    }
}

/// Finds the node a port source names (the first node of that id) and the roles of the port it
/// names (the first port of that name), remembering where the last search ended: sources mostly
/// read the ports of one upstream node in order.
private struct PCUpstreamFinder {
    let nodes: [Node]
    let firstNodes: [Int]
    let repeatsPortNames: [Bool]
    /// Node positions by id, built only for pipelines too large to search.
    private var byID: [String: Int]?
    private var lastNode: (id: String, position: Int)?
    /// Per node: the port after the one found last.
    private var hints: [Int]

    init(nodes: [Node], firstNodes: [Int], repeatsPortNames: [Bool]) {
        self.nodes = nodes
        self.firstNodes = firstNodes
        self.repeatsPortNames = repeatsPortNames
        hints = [Int](repeating: 0, count: nodes.count)
        if nodes.count > 32 {
            var byID: [String: Int] = [:]
            for position in nodes.indices where firstNodes[position] == position { byID[nodes[position].id] = position }
            self.byID = byID
        }
    }

    /// The position of the first node with id `id`.
    mutating func node(_ id: String) -> Int? {
        if let lastNode, lastNode.id == id { return lastNode.position }
        let found: Int?
        if let byID {
            found = byID[id]
        } else {
            found = nodes.indices.first { nodes[$0].id == id }
        }
        if let found { lastNode = (id, found) }
        return found
    }

    /// The roles of the first port named `name` of the node at `position`.
    mutating func roles(ofPort name: String, inNode position: Int) -> PortRoles? {
        let ports = nodes[position].ports
        guard !ports.isEmpty else { return nil }
        // Without repeated names any match is the first, so the search may start at the hint.
        let start = repeatsPortNames[position] ? 0 : min(hints[position], ports.count - 1)
        var port = start
        repeat {
            if ports[port].name == name {
                hints[position] = port + 1
                return ports[port].roles
            }
            port = port + 1 == ports.count ? 0 : port + 1
        } while port != start
        return nil
    }
}
