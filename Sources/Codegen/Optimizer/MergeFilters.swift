import IR

/// Merges a Filter into the Filter that feeds it when nothing else reads the first one's rows.
///
/// Before: `SQ → FIL_A (A > 0) → FIL_B (B <> 'x') → T`. After: `SQ → FIL_A ((A > 0) AND (B <> 'x')) → T`,
/// the second condition written in the first filter's port names and the consumers of `FIL_B`
/// reading the `FIL_A` ports that fed it. A row passes both filters exactly when both conditions
/// are TRUE, and `AND` is TRUE exactly then (NULL and FALSE drop the row either way). The merge
/// is made only when the second condition cannot raise a row error, since in the pipeline it is
/// never evaluated for rows the first one drops.
public struct MergeFilters: PipelinePass {
    /// `merge-filters`.
    public let name = "merge-filters"
    /// What the pass does.
    public let summary = "merge a filter into the filter that feeds only it"

    /// Creates the pass.
    public init() {}

    /// The same, parsing through `expressions`.
    public func run(_ pipeline: Pipeline, expressions: inout ParsedExpressions, notes: inout [Diagnostic])
        -> Pipeline
    {
        var current = pipeline
        while let merged = mergeOnePair(current, &expressions, notes: &notes) { current = merged }
        return current
    }

    /// The pipeline with the first mergeable pair merged, or nil when there is none.
    func mergeOnePair(_ pipeline: Pipeline, _ expressions: inout ParsedExpressions, notes: inout [Diagnostic])
        -> Pipeline?
    {
        candidates: for (index, second) in pipeline.nodes.enumerated() {
            guard case .filter(let secondSpec) = second.op, let upstream = second.upstreamNodes.first,
                second.upstreamNodes.count == 1,
                let firstIndex = pipeline.nodes.firstIndex(where: { $0.id == upstream }),
                case .filter(let firstSpec) = pipeline.nodes[firstIndex].op,
                OptimizerSupport.consumers(of: upstream, in: pipeline).allSatisfy({ $0.node == index })
            else { continue }
            let first = pipeline.nodes[firstIndex]
            // The second filter's ports pass through first-filter ports of the same type.
            var names: [String: String] = [:]
            var feeds: [String: String] = [:]
            for port in second.ports {
                guard let source = port.source, let fed = first.port(named: source.port), fed.type == port.type else {
                    continue candidates
                }
                names[port.name.uppercased()] = fed.name
                feeds[port.name] = fed.name
            }
            let environment = OptimizerSupport.environment(second, pipeline)
            guard let condition = expressions.typed(secondSpec.condition.text, in: environment),
                OptimizerSupport.isErrorFree(condition), let renamed = OptimizerSupport.renamed(condition, names),
                let firstCondition = expressions.typed(
                    firstSpec.condition.text, in: OptimizerSupport.environment(first, pipeline))
            else { continue }
            var result = pipeline
            let merged = Expr(
                .binary(.and, firstCondition, renamed), range: TextRange(start: 0, end: 0), type: .integer)
            result.nodes[firstIndex].op = .filter(
                FilterSpec(condition: ScalarExpression(ExpressionPrinter.canonical(merged))))
            for (n, p) in OptimizerSupport.consumers(of: second.id, in: pipeline) {
                guard let source = result.nodes[n].ports[p].source, let fed = feeds[source.port] else { continue }
                result.nodes[n].ports[p].source = PortRef(node: first.id, port: fed)
            }
            result.nodes.remove(at: index)
            result.targetLoadOrder.removeAll { $0 == second.id }
            notes.append(
                OptimizerSupport.note(name, "merged filter '\(second.id)' into '\(first.id)'", first.provenance))
            return result
        }
        return nil
    }
}
