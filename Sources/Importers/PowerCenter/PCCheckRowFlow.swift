import IR

/// Warnings about what reaches a node, read from the finished pipeline's wiring: sorted-input
/// aggregators and joiners fed by rows that are certainly not sorted (reference §2.4, §2.5), and
/// targets that receive rows flagged for update or delete but have no key column (§2.13, §2.20).
enum PCCheckRowFlow {
    /// Runs both checks over `nodes`; each warning goes to the diagnostics and the node's notes.
    static func run(_ nodes: inout [Node], context: inout PCTranslationContext) {
        let byID = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for index in nodes.indices {
            checkSortedInput(&nodes[index], byID: byID, context: &context)
            checkUpdateKeys(&nodes[index], byID: byID, context: &context)
        }
    }

    /// Warns when an aggregator or joiner with Sorted Input = YES reads, through order-keeping
    /// projections and filters only, a relational source query that sorts nothing (no sorted ports,
    /// no SQL override that could hold an ORDER BY). Other upstream nodes are given the benefit of
    /// the doubt.
    static func checkSortedInput(_ node: inout Node, byID: [String: Node], context: inout PCTranslationContext) {
        let what: String
        switch node.op {
        case .aggregate(let spec) where spec.sortedInput: what = "aggregator"
        case .join(let spec) where spec.sortedInput: what = "joiner"
        default: return
        }
        let unsorted = upstreamOrigins(of: node, byID: byID).filter { isUnsortedRelationalQuery($0, byID: byID) }
        guard !unsorted.isEmpty else { return }
        let names = unsorted.map { "'\($0.id)'" }.joined(separator: ", ")
        warn(
            &node, PCMappingDiagnostics.unsortedInput,
            "\(what) '\(node.id)' has Sorted Input set, but its input comes unsorted from source qualifier \(names) (no sorted ports, no SQL override) with no sorter in between; PowerCenter then groups or joins wrongly or fails the session",
            fix:
                "sort the input (a Sorter, or 'Number Of Sorted Ports' on the source qualifier) on the \(what == "aggregator" ? "group-by" : "join") ports, or clear Sorted Input",
            context: &context)
    }

    /// Warns when a target without key ports and without an Update Override receives rows from an
    /// update strategy whose expression can flag DD_UPDATE or DD_DELETE (aggregators reset row
    /// types to insert, so the search stops there).
    static func checkUpdateKeys(_ node: inout Node, byID: [String: Node], context: inout PCTranslationContext) {
        guard case .target = node.op, !node.ports.contains(where: { $0.key == .primary || $0.key == .primaryForeign }),
            !node.attributes.contains(where: { $0.name == "Update Override" && !$0.value.isEmpty })
        else { return }
        var flagged: [String] = []
        var seen: Set<String> = [node.id]
        var queue = feeders(of: node)
        while let id = queue.popLast() {
            guard seen.insert(id).inserted, let upstream = byID[id] else { continue }
            switch upstream.op {
            case .aggregate: continue
            case .setRowKind(let spec):
                let text = spec.expression.text.uppercased()
                if text.contains("DD_UPDATE") || text.contains("DD_DELETE") { flagged.append(id) }
            default: queue += feeders(of: upstream)
            }
        }
        guard !flagged.isEmpty else { return }
        let names = flagged.sorted().map { "'\($0)'" }.joined(separator: ", ")
        warn(
            &node, PCMappingDiagnostics.updateWithoutKey,
            "target '\(node.id)' receives rows that update strategy \(names) can flag for update or delete, but none of its ports is a primary key and it has no Update Override, so those rows cannot be written",
            fix: "mark the key columns of the target definition as primary key, or give the target an Update Override",
            context: &context)
    }

    /// The nodes reached upstream of `node` through projections and filters, which keep row order.
    private static func upstreamOrigins(of node: Node, byID: [String: Node]) -> [Node] {
        var origins: [Node] = []
        var seen: Set<String> = []
        var queue = feeders(of: node)
        while let id = queue.popLast() {
            guard seen.insert(id).inserted, let upstream = byID[id] else { continue }
            switch upstream.op {
            case .project, .filter: queue += feeders(of: upstream)
            default: origins.append(upstream)
            }
        }
        return origins.sorted { $0.id < $1.id }
    }

    private static func isUnsortedRelationalQuery(_ node: Node, byID: [String: Node]) -> Bool {
        guard case .sourceQuery(let spec) = node.op, spec.sortedPorts == 0, spec.sqlOverride == nil,
            !spec.sources.isEmpty
        else { return false }
        return spec.sources.allSatisfy { id in
            guard case .source(let source) = byID[id]?.op else { return false }
            return source.flatFile == nil
        }
    }

    /// The ids of the nodes that feed `node`'s ports, in port order without repeats.
    private static func feeders(of node: Node) -> [String] {
        var ids: [String] = []
        for port in node.ports { if let source = port.source?.node, !ids.contains(source) { ids.append(source) } }
        return ids
    }

    private static func warn(
        _ node: inout Node, _ descriptor: DiagnosticDescriptor, _ message: String, fix: String,
        context: inout PCTranslationContext
    ) {
        let diagnostic = descriptor(message, at: node.provenance.location, path: node.provenance.path, fix: fix)
        context.diagnostics.append(diagnostic)
        node.notes.append(ConversionNote(diagnostic))
    }
}
