import IR

/// The union of an old and a new pipeline's DAG, each node and edge marked with what happened to it:
/// what the Mermaid, SVG and HTML renderers draw.
public struct DiffGraph: Hashable, Sendable {
    /// What happened to a drawn node or edge.
    public enum State: String, Hashable, Sendable {
        case unchanged, changed, added, removed
    }

    /// One drawn node.
    public struct Vertex: Hashable, Sendable {
        /// The new id, or the old id of a removed node.
        public var id: String
        /// The old id when the node was renamed.
        public var renamedFrom: String?
        /// The operator kind.
        public var kind: String
        /// What happened to it.
        public var state: State
        /// Its change, when it has one.
        public var change: NodeChange?

        /// `OLD → NEW` for a renamed node, else the id.
        public var label: String { renamedFrom.map { "\($0) → \(id)" } ?? id }
    }

    /// One drawn node-level edge between two vertex indices.
    public struct Edge: Hashable, Sendable {
        /// The upstream vertex index.
        public var from: Int
        /// The downstream vertex index.
        public var to: Int
        /// Unchanged, added or removed.
        public var state: State
    }

    /// The nodes: the new pipeline's in its order, then removed ones in the old order.
    public var vertices: [Vertex] = []
    /// The edges, ordered by their ends.
    public var edges: [Edge] = []

    /// The union graph of a comparison.
    public init(_ comparison: PipelineComparison) {
        let changes = Dictionary(
            comparison.diff.nodes.map { ($0.status == .removed ? "-" + $0.displayID : $0.displayID, $0) },
            uniquingKeysWith: { first, _ in first })
        var index: [String: Int] = [:]
        for node in comparison.new.nodes where index[node.id] == nil {
            let change = changes[node.id]
            let state: State = change.map { $0.status == .added ? .added : .changed } ?? .unchanged
            index[node.id] = vertices.count
            vertices.append(
                Vertex(
                    id: node.id, renamedFrom: change?.isRename == true ? change?.oldID : nil, kind: node.op.kindName,
                    state: state, change: change))
        }
        var removedIndex: [String: Int] = [:]
        for node in comparison.old.nodes {
            guard let change = changes["-" + node.id], removedIndex[node.id] == nil else { continue }
            removedIndex[node.id] = vertices.count
            vertices.append(Vertex(id: node.id, kind: node.op.kindName, state: .removed, change: change))
        }
        edges = Self.edges(comparison, index: index, removedIndex: removedIndex)
    }

    /// New edges (added when the edit script says so), then old edges no longer there (removed).
    private static func edges(_ comparison: PipelineComparison, index: [String: Int], removedIndex: [String: Int])
        -> [Edge]
    {
        let matching = PipelineMatching(old: comparison.old, new: comparison.new)
        let added = Set(comparison.diff.edges.filter { $0.status == .added }.map { NodeEdge(from: $0.from, to: $0.to) })
        var result: [Edge] = []
        var seen: Set<[Int]> = []
        for edge in PipelineDiffer.edges(of: comparison.new, matching: nil) {
            guard let from = index[edge.from], let to = index[edge.to] else { continue }
            seen.insert([from, to])
            result.append(Edge(from: from, to: to, state: added.contains(edge) ? .added : .unchanged))
        }
        for node in comparison.old.nodes {
            let to = vertexIndex(old: node.id, matching: matching, index: index, removedIndex: removedIndex)
            for upstream in node.upstreamNodes {
                let from = vertexIndex(old: upstream, matching: matching, index: index, removedIndex: removedIndex)
                guard let from, let to, seen.insert([from, to]).inserted else { continue }
                result.append(Edge(from: from, to: to, state: .removed))
            }
        }
        return result.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }

    private static func vertexIndex(
        old id: String, matching: PipelineMatching, index: [String: Int], removedIndex: [String: Int]
    ) -> Int? {
        if let newID = matching.nodes.newForOld[id] { return index[newID] }
        return removedIndex[id]
    }
}
