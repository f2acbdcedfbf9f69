import IR

/// Moves a Filter above the Expression transformation that feeds it, when the condition reads
/// only ports the Expression passes through unchanged, so that fewer rows are computed and the
/// SQL filters next to the source.
///
/// Before: `SQ → EXP (A, B, o_C = A || B) → FIL (A > 0) → T`. After: `SQ → FIL (A > 0) → EXP → T`,
/// the filter's ports copies of the Expression's input ports. The move is made only when it cannot
/// change a result: the Expression has no variable ports (their values depend on every row seen),
/// its computed ports cannot raise a row error (a row the filter drops would otherwise still be
/// rejected there), nothing else reads the Expression, and the ports the condition reads have the
/// same type on both nodes.
public struct PushDownFilters: PipelinePass {
    /// `push-down-filters`.
    public let name = "push-down-filters"
    /// What the pass does.
    public let summary = "move a filter above an expression that passes its columns through"

    /// Creates the pass.
    public init() {}

    /// The same, parsing through `expressions`.
    public func run(_ pipeline: Pipeline, expressions: inout ParsedExpressions, notes: inout [Diagnostic])
        -> Pipeline
    {
        var current = pipeline
        var moves = 0
        while moves < pipeline.nodes.count, let moved = moveOneFilter(current, &expressions, notes: &notes) {
            current = moved
            moves += 1
        }
        return current
    }

    /// The pipeline with one filter moved above its Expression, or nil when none can move.
    func moveOneFilter(_ pipeline: Pipeline, _ expressions: inout ParsedExpressions, notes: inout [Diagnostic])
        -> Pipeline?
    {
        for (filterIndex, filter) in pipeline.nodes.enumerated() {
            guard case .filter(let spec) = filter.op, filter.upstreamNodes.count == 1,
                let projectIndex = pipeline.nodes.firstIndex(where: { $0.id == filter.upstreamNodes[0] }),
                case .project = pipeline.nodes[projectIndex].op,
                OptimizerSupport.consumers(of: filter.upstreamNodes[0], in: pipeline).allSatisfy({
                    $0.node == filterIndex
                }),
                let rewritten = move(filter, spec, pipeline.nodes[projectIndex], pipeline, &expressions)
            else { continue }
            var result = pipeline
            let project = pipeline.nodes[projectIndex]
            result.nodes[filterIndex] = rewritten.filter
            result.nodes[projectIndex] = rewritten.project
            // The filter's consumers now read the Expression's ports the filter passed on.
            for (n, p) in OptimizerSupport.consumers(of: filter.id, in: pipeline) {
                guard let source = result.nodes[n].ports[p].source,
                    let passed = filter.port(named: source.port)?.source?.port
                else { continue }
                result.nodes[n].ports[p].source = PortRef(node: project.id, port: passed)
            }
            notes.append(
                OptimizerSupport.note(name, "moved filter '\(filter.id)' above '\(project.id)'", filter.provenance))
            return result
        }
        return nil
    }

    /// The filter reading what the Expression read, and the Expression reading the filter; nil
    /// when the move could change a result.
    func move(
        _ filter: Node, _ spec: FilterSpec, _ project: Node, _ pipeline: Pipeline,
        _ expressions: inout ParsedExpressions
    ) -> (
        filter: Node, project: Node
    )? {
        let projectEnvironment = OptimizerSupport.environment(project, pipeline)
        guard !project.ports.contains(where: { $0.roles.contains(.variable) }) else { return nil }
        for port in project.ports where port.roles.contains(.output) {
            guard let text = port.expression?.text else { continue }
            guard let typed = expressions.typed(text, in: projectEnvironment), OptimizerSupport.isErrorFree(typed),
                let type = typed.type, OptimizerSupport.convertsSafely(type, to: port.type)
            else { return nil }
        }
        guard
            let condition = expressions.typed(
                spec.condition.text, in: OptimizerSupport.environment(filter, pipeline))
        else { return nil }
        // Each port the condition reads must be an Expression input passed through unchanged.
        var names: [String: String] = [:]
        for port in filter.ports {
            guard let source = port.source, let passed = project.port(named: source.port) else { return nil }
            let isPassThrough =
                passed.roles.contains(.input) && passed.source != nil
                && (passed.defaultValue?.text.allSatisfy(\.isWhitespace) ?? true)
                && (passed.expression == nil
                    || passed.expression?.text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
                        == passed.name.uppercased())
            if isPassThrough && passed.type == port.type { names[port.name.uppercased()] = passed.name }
        }
        guard let renamed = OptimizerSupport.renamed(condition, names) else { return nil }
        var newFilter = filter
        newFilter.ports = project.ports.filter { $0.roles.contains(.input) && $0.source != nil }.map { input in
            var copy = input
            copy.roles = [.input, .output]
            copy.expression = nil
            copy.defaultValue = nil
            copy.provenance = Provenance(
                path: filter.provenance.path.appending("PORT", input.name), location: filter.provenance.location)
            return copy
        }
        newFilter.op = .filter(FilterSpec(condition: ScalarExpression(ExpressionPrinter.canonical(renamed))))
        var newProject = project
        for index in newProject.ports.indices where newProject.ports[index].roles.contains(.input) {
            guard newProject.ports[index].source != nil else { continue }
            newProject.ports[index].source = PortRef(node: filter.id, port: newProject.ports[index].name)
        }
        return (newFilter, newProject)
    }
}
