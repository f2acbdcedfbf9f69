import IR

/// The pairing of one node's old and new ports: by name, then by name ignoring case, then renames
/// (leftover ports with the same type, position, expression or link).
struct PortMatching {
    /// Old port name → new port name.
    var newForOld: [String: String] = [:]

    /// Matches the ports of two versions of one node; `nodes` translates old node ids to new ones.
    init(old: Node, new: Node, nodes: NodeMatching) {
        let newNames = Set(new.ports.map(\.name))
        for port in old.ports where newNames.contains(port.name) { newForOld[port.name] = port.name }
        matchIgnoringCase(old: old, new: new)
        matchRenames(old: old, new: new, nodes: nodes)
    }

    private mutating func matchIgnoringCase(old: Node, new: Node) {
        var taken = Set(newForOld.values)
        for port in old.ports where newForOld[port.name] == nil {
            guard
                let match = new.ports.first(where: {
                    !taken.contains($0.name) && $0.name.uppercased() == port.name.uppercased()
                })
            else { continue }
            newForOld[port.name] = match.name
            taken.insert(match.name)
        }
    }

    /// Pairs leftovers scoring at least 2: same type 1, same position 1, same expression 2, same link 2.
    private mutating func matchRenames(old: Node, new: Node, nodes: NodeMatching) {
        let taken = Set(newForOld.values)
        let oldLeft = old.ports.enumerated().filter { newForOld[$0.element.name] == nil }
        let newLeft = new.ports.enumerated().filter { !taken.contains($0.element.name) }
        var candidates: [(score: Int, old: Int, new: Int)] = []
        for (oi, o) in oldLeft {
            for (ni, n) in newLeft {
                var score = o.type == n.type ? 1 : 0
                if oi == ni { score += 1 }
                if let a = o.expression, let b = n.expression, ExpressionComparison().sameMeaning(a, b) { score += 2 }
                if let a = o.source, let b = n.source, nodes.newForOld[a.node] == b.node,
                    a.port.uppercased() == b.port.uppercased()
                {
                    score += 2
                }
                if score >= 2 { candidates.append((score, oi, ni)) }
            }
        }
        candidates.sort { ($1.score, $0.old, $0.new) < ($0.score, $1.old, $1.new) }
        var usedNew: Set<Int> = []
        for candidate in candidates {
            let oldName = old.ports[candidate.old].name
            guard newForOld[oldName] == nil, !usedNew.contains(candidate.new) else { continue }
            newForOld[oldName] = new.ports[candidate.new].name
            usedNew.insert(candidate.new)
        }
    }
}

/// Node and port pairings of a whole pipeline, used to express old links in new names.
struct PipelineMatching {
    /// The node pairing.
    var nodes: NodeMatching
    /// Old node id → its port pairing.
    var ports: [String: PortMatching] = [:]

    init(old: Pipeline, new: Pipeline) {
        nodes = NodeMatching(old: old, new: new)
        for node in old.nodes {
            guard let newID = nodes.newForOld[node.id], let newNode = new.node(id: newID) else { continue }
            ports[node.id] = PortMatching(old: node, new: newNode, nodes: nodes)
        }
    }

    /// An old link in new names (unchanged names where the node or port has no counterpart).
    func translate(_ ref: PortRef) -> PortRef {
        guard let node = nodes.newForOld[ref.node] else { return ref }
        return PortRef(node: node, port: ports[ref.node]?.newForOld[ref.port] ?? ref.port)
    }

    /// The node's port renames (upper-case old name → new name) for comparing its expressions.
    func renamedPorts(ofOld id: String) -> [String: String] {
        var result: [String: String] = [:]
        for (old, new) in ports[id]?.newForOld ?? [:] where old != new { result[old.uppercased()] = new }
        return result
    }
}
