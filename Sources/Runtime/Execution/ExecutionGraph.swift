import IR

/// Where an output port's values are in a node's output: the group and the column.
struct PortLocation: Hashable, Sendable {
    let group: String
    let column: Int
}

/// A node's ports arranged the way the executor moves rows: input groups (a joiner's `left` and
/// `right`, a union's groups, one unnamed group elsewhere) and output groups (a router's groups,
/// one unnamed group elsewhere), each listing port indexes in port order.
struct NodeLayout {
    let node: Node
    let inputGroups: [String]
    let inputPorts: [String: [Int]]
    let outputGroups: [String]
    let outputPorts: [String: [Int]]
    let outputLocations: [String: PortLocation]

    init(_ node: Node) {
        self.node = node
        var inputGroups: [String] = []
        var inputPorts: [String: [Int]] = [:]
        var outputGroups: [String] = []
        var outputPorts: [String: [Int]] = [:]
        var locations: [String: PortLocation] = [:]
        for (index, port) in node.ports.enumerated() {
            if port.roles.contains(.input) && node.op.consumesRows {
                let group = Self.inputGroup(of: port, in: node.op)
                if inputPorts[group] == nil { inputGroups.append(group) }
                inputPorts[group, default: []].append(index)
            }
            if port.roles.contains(.output) || port.roles.contains(.returnValue) {
                let group = Self.outputGroup(of: port, in: node.op)
                if outputPorts[group] == nil { outputGroups.append(group) }
                locations[port.name] = PortLocation(group: group, column: outputPorts[group, default: []].count)
                outputPorts[group, default: []].append(index)
            }
        }
        if case .union(let spec) = node.op {
            inputGroups = spec.inputGroups.filter { inputPorts[$0] != nil }
        }
        self.inputGroups = inputGroups
        self.inputPorts = inputPorts
        self.outputGroups = outputGroups
        self.outputPorts = outputPorts
        self.outputLocations = locations
    }

    static func inputGroup(of port: Port, in op: Operator) -> String {
        switch op {
        case .join, .union: port.group ?? ""
        default: ""
        }
    }

    static func outputGroup(of port: Port, in op: Operator) -> String {
        if case .route = op { return port.group ?? "" }
        return ""
    }

    /// The names of the input ports of `group`, in order.
    func inputNames(_ group: String) -> [String] { (inputPorts[group] ?? []).map { node.ports[$0].name } }

    /// The names of the output ports of `group`, in order.
    func outputNames(_ group: String) -> [String] { (outputPorts[group] ?? []).map { node.ports[$0].name } }
}

/// The nodes of a pipeline in an order where every node comes after the nodes it reads from.
enum ExecutionOrder {
    /// The topological order, or a failure naming a node on a cycle or a missing upstream node.
    ///
    /// Among nodes ready at the same time, those of the earliest target load plan come first
    /// (reference §2.21: a node's plan is the best rank of the targets it feeds in
    /// `targetLoadOrder`), then the pipeline's node order; so plan 1 is read and loaded before
    /// plan 2 is read.
    static func of(_ pipeline: Pipeline) -> Result<[String], NodeFailure> {
        let ids = pipeline.nodes.map(\.id)
        let known = Set(ids)
        let plans = loadPlans(pipeline)
        let order = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let position = Dictionary(
            ids.map { id in (id, (plans[id] ?? Int.max, order[id] ?? 0)) }, uniquingKeysWith: { a, _ in a })
        var indegree: [String: Int] = [:]
        var downstream: [String: [String]] = [:]
        for node in pipeline.nodes {
            let upstream = node.upstreamNodes
            for id in upstream where !known.contains(id) {
                return .failure(
                    NodeFailure(
                        RunDiagnostics.invalidGraph(
                            "node '\(node.id)' reads from node '\(id)', which is not in the pipeline",
                            at: node.provenance.location, path: node.provenance.path,
                            fix: "reconvert the export; the connector points at a missing instance")))
            }
            indegree[node.id] = upstream.count
            for id in upstream { downstream[id, default: []].append(node.id) }
        }
        var sorted: [String] = []
        let first = (Int.max, Int.max)
        var ready = ids.filter { indegree[$0] == 0 }.sorted { (position[$0] ?? first) < (position[$1] ?? first) }
        while !ready.isEmpty {
            let id = ready.removeFirst()
            sorted.append(id)
            for next in downstream[id] ?? [] {
                indegree[next, default: 0] -= 1
                if indegree[next] == 0 { ready.append(next) }
            }
            ready.sort { (position[$0] ?? first) < (position[$1] ?? first) }
        }
        let placed = Set(sorted)
        guard let stuck = pipeline.nodes.first(where: { !placed.contains($0.id) }) else { return .success(sorted) }
        return .failure(
            NodeFailure(
                RunDiagnostics.invalidGraph(
                    "node '\(stuck.id)' is on a cycle of connectors", at: stuck.provenance.location,
                    path: stuck.provenance.path, fix: "break the cycle in the mapping")))
    }

    /// Each node's load plan: the best (lowest) rank in `targetLoadOrder` of the targets
    /// downstream of it; nodes feeding no ranked target have none.
    static func loadPlans(_ pipeline: Pipeline) -> [String: Int] {
        var upstream: [String: [String]] = [:]
        for node in pipeline.nodes { upstream[node.id] = node.upstreamNodes }
        var plans: [String: Int] = [:]
        for (rank, target) in pipeline.targetLoadOrder.enumerated() {
            var stack = [target]
            while let id = stack.popLast() {
                if let existing = plans[id], existing <= rank { continue }
                plans[id] = rank
                stack += upstream[id] ?? []
            }
        }
        return plans
    }
}
