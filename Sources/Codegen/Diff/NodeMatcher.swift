import IR

/// The pairing of old and new nodes: by id first, then by provenance object path, then by similarity
/// (same operator kind, overlapping port names and types, shared neighbours), so a renamed
/// transformation is a rename rather than a removal plus an addition.
struct NodeMatching {
    /// New id → old id.
    var oldForNew: [String: String] = [:]
    /// Old id → new id.
    var newForOld: [String: String] = [:]
    /// New id → how it was matched.
    var reason: [String: NodeMatch] = [:]

    /// The smallest similarity score (0…1) that makes two nodes one renamed node.
    static let threshold = 0.5

    /// Matches the nodes of `old` and `new`.
    init(old: Pipeline, new: Pipeline) {
        let oldIDs = Set(old.nodes.map(\.id))
        for node in new.nodes where oldIDs.contains(node.id) && oldForNew[node.id] == nil {
            pair(old: node.id, new: node.id, .id)
        }
        matchByProvenance(old: old, new: new)
        matchBySimilarity(old: old, new: new)
    }

    private mutating func pair(old: String, new: String, _ why: NodeMatch) {
        oldForNew[new] = old
        newForOld[old] = new
        reason[new] = why
    }

    private mutating func matchByProvenance(old: Pipeline, new: Pipeline) {
        var oldByPath: [ObjectPath: String] = [:]
        var duplicated: Set<ObjectPath> = []
        for node in old.nodes where newForOld[node.id] == nil && !node.provenance.path.isEmpty {
            if oldByPath.updateValue(node.id, forKey: node.provenance.path) != nil {
                duplicated.insert(node.provenance.path)
            }
        }
        for node in new.nodes where oldForNew[node.id] == nil {
            let path = node.provenance.path
            guard !duplicated.contains(path), let oldID = oldByPath[path], newForOld[oldID] == nil else { continue }
            pair(old: oldID, new: node.id, .provenance)
        }
    }

    /// Greedy pairing of the best-scoring candidates; repeated so that a pair found in one round
    /// counts as a shared neighbour in the next.
    private mutating func matchBySimilarity(old: Pipeline, new: Pipeline) {
        for _ in 0..<3 {
            let oldLeft = old.nodes.filter { newForOld[$0.id] == nil }
            let newLeft = new.nodes.filter { oldForNew[$0.id] == nil }
            guard !oldLeft.isEmpty, !newLeft.isEmpty else { return }
            let neighbours = NodeNeighbours(old: old, new: new)
            var candidates: [(score: Double, old: String, new: String)] = []
            for o in oldLeft {
                for n in newLeft where o.op.kindName == n.op.kindName {
                    let score = similarity(o, n, neighbours)
                    if score >= Self.threshold { candidates.append((score, o.id, n.id)) }
                }
            }
            candidates.sort { ($1.score, $0.old, $0.new) < ($0.score, $1.old, $1.new) }
            var found = false
            for candidate in candidates where newForOld[candidate.old] == nil && oldForNew[candidate.new] == nil {
                pair(old: candidate.old, new: candidate.new, .similarity)
                found = true
            }
            if !found { return }
        }
    }

    /// Port overlap (names and types) weighs 0.6, shared matched neighbours 0.4.
    private func similarity(_ old: Node, _ new: Node, _ neighbours: NodeNeighbours) -> Double {
        let oldPorts = Set(old.ports.map { PortKey(name: $0.name.uppercased(), type: $0.type.canonicalName) })
        let newPorts = Set(new.ports.map { PortKey(name: $0.name.uppercased(), type: $0.type.canonicalName) })
        let oldTypes = old.ports.map(\.type.canonicalName).sorted()
        let newTypes = new.ports.map(\.type.canonicalName).sorted()
        let names = Self.jaccard(oldPorts, newPorts)
        let types = oldTypes == newTypes ? 1.0 : 0.0
        let oldAround = Set(neighbours.oldAround[old.id, default: []].compactMap { newForOld[$0] })
        let newAround = neighbours.newAround[new.id, default: []]
        let shared = Self.jaccard(oldAround, newAround)
        return 0.4 * names + 0.2 * types + 0.4 * shared
    }

    static func jaccard<T: Hashable>(_ a: Set<T>, _ b: Set<T>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 1 : Double(a.intersection(b).count) / Double(union)
    }
}

/// A port compared by upper-case name and canonical type.
private struct PortKey: Hashable {
    var name: String
    var type: String
}

/// Each node's upstream and downstream nodes in both versions.
struct NodeNeighbours {
    /// Old id → ids of old nodes linked to it either way.
    var oldAround: [String: Set<String>] = [:]
    /// New id → ids of new nodes linked to it either way.
    var newAround: [String: Set<String>] = [:]

    init(old: Pipeline, new: Pipeline) {
        oldAround = Self.around(old)
        newAround = Self.around(new)
    }

    private static func around(_ pipeline: Pipeline) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for node in pipeline.nodes {
            for upstream in node.upstreamNodes {
                result[node.id, default: []].insert(upstream)
                result[upstream, default: []].insert(node.id)
            }
        }
        return result
    }
}
