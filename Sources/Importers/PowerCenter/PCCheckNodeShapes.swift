import IR

/// Corrections to finished nodes of one pipeline that need the whole node (its operator and all
/// ports): the rank index port, the keys of a distinct sorter, and node ids that differ from the
/// instance name. Runs from ``PCMappingTranslator`` after the flow is translated.
enum PCCheckNodeShapes {
    /// Applies every correction to `nodes`.
    static func run(_ nodes: inout [Node], context: inout PCTranslationContext) {
        for index in nodes.indices {
            clearRankIndexExpression(&nodes[index])
            completeDistinctSortKeys(&nodes[index], context: &context)
        }
        reportRenamedInstances(&nodes, context: &context)
    }

    /// The RANKINDEX port is produced by the rank (reference §2.9); the export writes it with
    /// EXPRESSION="RANKINDEX", its own name, which read as an expression would be a cycle.
    static func clearRankIndexExpression(_ node: inout Node) {
        guard case .rank(let spec) = node.op, let indexPort = spec.indexPort,
            let position = node.ports.firstIndex(where: { $0.name == indexPort }),
            let expression = node.ports[position].expression,
            expression.text.trimmingSpaces().uppercased() == indexPort.uppercased()
        else { return }
        node.ports[position].expression = nil
    }

    /// With Distinct = YES a sorter compares and orders rows on all ports: "when Distinct is selected
    /// all ports become sort keys" (reference §2.8, BELIEVED). The declared keys stay first with
    /// their directions; every other port follows in port order, ascending (the Designer's default
    /// direction; BELIEVED, the reference does not say). A note names the added keys.
    static func completeDistinctSortKeys(_ node: inout Node, context: inout PCTranslationContext) {
        guard case .sort(var spec) = node.op, spec.distinct else { return }
        let declared = Set(spec.keys.map(\.port))
        let added = node.ports.map(\.name).filter { !declared.contains($0) }
        guard !added.isEmpty else { return }
        spec.keys += added.map { SortKey(port: $0, descending: false) }
        node.op = .sort(spec)
        let names = added.map { "'\($0)'" }.joined(separator: ", ")
        let diagnostic = PCMappingDiagnostics.distinctSortKeys(
            "sorter '\(node.id)' removes duplicate rows, so it sorts on every port: \(names) follow the declared keys in port order, ascending (believed PowerCenter behaviour)",
            at: node.provenance.location, path: node.provenance.path)
        context.diagnostics.append(diagnostic)
        node.notes.append(ConversionNote(diagnostic))
    }

    /// A source and a target (or transformation) instance may share a name; the later one's node id
    /// gets a `#source`-style suffix. A note at that instance says so, since the id is not in the export.
    static func reportRenamedInstances(_ nodes: inout [Node], context: inout PCTranslationContext) {
        let classes: [String: String] = ["source": "source", "target": "target", "transformation": "transformation"]
        for index in nodes.indices {
            let node = nodes[index]
            guard let hash = node.id.lastIndex(of: "#"),
                let word = classes[String(node.id[node.id.index(after: hash)...])],
                let segment = node.provenance.path.segments.last, segment.kind == "INSTANCE",
                node.id[..<hash].hasSuffix(segment.name)
            else { continue }
            let base = String(node.id[..<hash])
            let other = nodes.first { $0.id == base }.map { " (\(kindWord(of: $0)))" } ?? ""
            let diagnostic = PCMappingDiagnostics.instanceRenamed(
                "\(word) instance '\(segment.name)' has the same name as another instance of the mapping\(other); its node is named '\(node.id)' because node ids must be unique (connectors tell the two apart by instance type)",
                at: node.provenance.location, path: node.provenance.path,
                fix: "rename one of the instances in the Designer to get a node id that matches the instance name")
            context.diagnostics.append(diagnostic)
            nodes[index].notes.append(ConversionNote(diagnostic))
        }
    }

    private static func kindWord(of node: Node) -> String {
        switch node.op {
        case .source: "a source"
        case .target: "a target"
        default: "a transformation"
        }
    }
}
