import IR

/// Merges an Expression transformation into the Expression that feeds only it.
///
/// Before: `SQ → EXP_A (V = A * 2) → EXP_B (W = V + 1) → T`. After: `SQ → EXP_A (variable V = A * 2,
/// output W = V + 1) → T`: the first node's computed outputs become variable ports, evaluated in
/// the row before the second node's ports that read them (reference G13: inputs, variables, then
/// outputs), and the consumers of the second node read the merged one. A value, a row error and a
/// row's kind are the same as before. The merge is made only where that is plain to see:
/// - the second node reads only the first, and nothing else reads the first;
/// - the first has no variable ports, and no computed output with a default value (a variable that
///   fails makes the row an error, where such an output would take its default);
/// - every input of the second reads the first's port of the same name and type, and has no default
///   value (which would replace NULL); those it passes on read the first's inputs, not its
///   computed outputs (an output port cannot be read by another output);
/// - the second's other port names are not names of the first.
public struct MergeProjections: PipelinePass {
    /// `merge-projections`.
    public let name = "merge-projections"
    /// What the pass does.
    public let summary = "merge an expression into the expression that feeds only it"

    /// Creates the pass.
    public init() {}

    /// The pipeline with every mergeable pair merged (it reads no expression text through
    /// `expressions`).
    public func run(_ pipeline: Pipeline, expressions: inout ParsedExpressions, notes: inout [Diagnostic])
        -> Pipeline
    {
        var current = pipeline
        while let merged = mergeOnePair(current, notes: &notes) { current = merged }
        return current
    }

    /// The pipeline with the first mergeable pair merged, or nil when there is none.
    func mergeOnePair(_ pipeline: Pipeline, notes: inout [Diagnostic]) -> Pipeline? {
        for (index, second) in pipeline.nodes.enumerated() {
            guard case .project = second.op, second.upstreamNodes.count == 1, let upstream = second.upstreamNodes.first,
                let firstIndex = pipeline.nodes.firstIndex(where: { $0.id == upstream }),
                case .project = pipeline.nodes[firstIndex].op,
                OptimizerSupport.consumers(of: upstream, in: pipeline).allSatisfy({ $0.node == index }),
                let ports = Self.mergedPorts(pipeline.nodes[firstIndex], second)
            else { continue }
            let first = pipeline.nodes[firstIndex]
            var result = pipeline
            result.nodes[firstIndex].ports = ports
            for (n, p) in OptimizerSupport.consumers(of: second.id, in: pipeline) {
                guard let source = result.nodes[n].ports[p].source else { continue }
                result.nodes[n].ports[p].source = PortRef(node: first.id, port: source.port)
            }
            result.nodes.remove(at: index)
            notes.append(
                OptimizerSupport.note(name, "merged expression '\(second.id)' into '\(first.id)'", first.provenance))
            return result
        }
        return nil
    }

    /// The ports of `first` and `second` as one node, or nil when the merge is not plainly exact.
    static func mergedPorts(_ first: Node, _ second: Node) -> [Port]? {
        let blank = { (text: String?) in text.map { $0.allSatisfy(\.isWhitespace) } ?? true }
        let isComputed = { (port: Port) in port.roles.contains(.output) && !port.roles.contains(.input) }
        guard !first.ports.contains(where: { $0.roles.contains(.variable) }),
            !first.ports.contains(where: { isComputed($0) && !blank($0.defaultValue?.text) })
        else { return nil }
        let firstNames = Set(first.ports.map { $0.name.uppercased() })
        var passedOn: Set<String> = []
        var own: [Port] = []
        for port in second.ports {
            guard port.roles.contains(.input) else {
                guard !firstNames.contains(port.name.uppercased()) else { return nil }
                own.append(port)
                continue
            }
            guard let source = port.source, source.port.uppercased() == port.name.uppercased(),
                let fed = first.ports.first(where: { $0.name.uppercased() == port.name.uppercased() }),
                fed.roles.contains(.output), fed.type == port.type, blank(port.defaultValue?.text)
            else { return nil }
            if port.roles.contains(.output) {
                guard fed.roles.contains(.input) else { return nil }
                passedOn.insert(fed.name.uppercased())
            }
        }
        var inputs: [Port] = []
        var computed: [Port] = []
        for var port in first.ports {
            if port.roles.contains(.input) {
                if !passedOn.contains(port.name.uppercased()) { port.roles.remove(.output) }
                inputs.append(port)
            } else {
                port.roles = .variable
                computed.append(port)
            }
        }
        // Inputs, then the first node's outputs as variables, then the second node's variables and
        // outputs, each group in its order: the order PowerCenter evaluates them in.
        let variables = own.filter { $0.roles.contains(.variable) }
        let outputs = own.filter { !$0.roles.contains(.variable) }
        return inputs + computed + variables + outputs
    }
}
