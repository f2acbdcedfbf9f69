import IR

/// Which rows each node's output carries, to check before a run that every input group of a
/// node reads ports of one row stream (PowerCenter's rule: a transformation cannot take ports from
/// two active sources — two active transformations, or two groups of one Router — unless a
/// Joiner or Union combines them). The runtime lines such inputs up row by row, so a mapping that
/// breaks the rule would pair unrelated rows whenever the row counts happen to match.
///
/// An active transformation (source qualifier, filter, aggregator, joiner, router group, sorter,
/// rank, union, normalizer, update strategy, transaction control, a lookup returning all matches)
/// starts a stream of its own; a passive one (expression, lookup, mapplet boundary) carries the
/// stream of its inputs; a sequence generator fits any stream.
struct RowOrigins {
    let nodes: [String: Node]
    private var origins: [String: String?] = [:]

    init(_ pipeline: Pipeline) {
        nodes = Dictionary(pipeline.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// One failure per node input group that reads ports of more than one row stream.
    static func misalignedInputs(_ pipeline: Pipeline) -> [NodeFailure] {
        var origins = RowOrigins(pipeline)
        var failures: [NodeFailure] = []
        for node in pipeline.nodes where Self.checksInputs(node.op) {
            for (group, streams) in origins.inputStreams(of: node) where streams.count > 1 {
                let names = streams.map { "'\($0)'" }.joined(separator: " and ")
                let inGroup = group.isEmpty ? "" : " in group '\(group)'"
                failures.append(
                    NodeFailure(
                        RunDiagnostics.misalignedInputs(
                            "node '\(node.id)' takes ports\(inGroup) from the rows of \(names), "
                                + "which are different row streams; their rows cannot be lined up",
                            at: node.provenance.location, path: node.provenance.path,
                            fix: "combine the streams with a Joiner or a Union, as PowerCenter requires")))
            }
        }
        return failures
    }

    /// Whether a node's inputs must come from one stream (a source qualifier reads tables).
    static func checksInputs(_ op: Operator) -> Bool {
        switch op {
        case .source, .sourceQuery, .sequence: false
        default: true
        }
    }

    /// Per input group (in first-seen order), the distinct streams its ports read.
    mutating func inputStreams(of node: Node) -> [(String, [String])] {
        var result: [(String, [String])] = []
        for port in node.ports where port.roles.contains(.input) {
            guard let ref = port.source, let stream = stream(of: ref) else { continue }
            let group = port.group ?? ""
            if let index = result.firstIndex(where: { $0.0 == group }) {
                if !result[index].1.contains(stream) { result[index].1.append(stream) }
            } else {
                result.append((group, [stream]))
            }
        }
        return result
    }

    /// The stream port `ref` belongs to; nil for a sequence generator's ports (any stream).
    mutating func stream(of ref: PortRef) -> String? {
        guard let node = nodes[ref.node] else { return ref.node }
        let group = node.ports.first { $0.name.uppercased() == ref.port.uppercased() }?.group ?? ""
        switch node.op {
        case .route: return group.isEmpty ? node.id : "\(node.id).\(group)"
        case .sequence: return nil
        default: break
        }
        if let known = origins[node.id] { return known }
        origins[node.id] = .some(node.id)  // a cycle, which ExecutionOrder reports, ends here
        let origin = Self.isPassive(node.op) ? inputStreams(of: node).first?.1.first ?? nil : node.id
        origins[node.id] = .some(origin)
        return origin
    }

    /// Whether a node passes its input rows through one for one.
    static func isPassive(_ op: Operator) -> Bool {
        switch op {
        case .project, .input, .output: true
        case .lookup(let spec): spec.multipleMatch != .all
        default: false
        }
    }
}
