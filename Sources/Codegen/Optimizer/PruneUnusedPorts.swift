import IR

/// Removes the ports of Expression transformations that nothing reads, which real mappings carry
/// in numbers (ports kept "just in case", pass-throughs of whole source rows).
///
/// Before: `EXP (in A, in/out B, out o_C = UPPER(A), out o_D = B || 'x')` with only `o_C`
/// connected. After: `EXP (in A, out o_C = UPPER(A))`; then the source port feeding `B` is no
/// longer read by `EXP` either.
///
/// A pass-through output nobody reads loses its output role; a port then read by no expression of
/// its node is removed when removing it cannot change a result: a computed or variable port whose
/// expression cannot raise a row error and converts to the port's type without one, or an input
/// port with no `ERROR` default whose upstream value needs no conversion that could fail. Repeated
/// until nothing changes, since removing an input frees the port that fed it.
public struct PruneUnusedPorts: PipelinePass {
    /// `prune-unused-ports`.
    public let name = "prune-unused-ports"
    /// What the pass does.
    public let summary = "remove ports of expression transformations that nothing reads"

    /// Creates the pass.
    public init() {}

    /// The pipeline with unread ports removed.
    public func run(_ pipeline: Pipeline, notes: inout [Diagnostic]) -> Pipeline {
        var current = pipeline
        var changed = true
        var removed: [Int: [String]] = [:]
        // Each expression is parsed and typed once: removing unread ports changes no type.
        var cache: [String: (parsed: Expr, typed: Expr?)?] = [:]
        while changed {
            changed = false
            var consumed: [String: Set<String>] = [:]
            for node in current.nodes {
                for port in node.ports {
                    guard let source = port.source else { continue }
                    consumed[source.node, default: []].insert(source.port.uppercased())
                }
            }
            for n in current.nodes.indices {
                guard case .project = current.nodes[n].op,
                    let pruned = prune(
                        current.nodes[n], current, consumed: consumed[current.nodes[n].id] ?? [], cache: &cache)
                else { continue }
                removed[n, default: []] += current.nodes[n].ports.map(\.name).filter { name in
                    !pruned.ports.contains { $0.name == name }
                }
                current.nodes[n] = pruned
                changed = true
            }
        }
        for (n, names) in removed.sorted(by: { $0.key < $1.key }) where !names.isEmpty {
            let node = current.nodes[n]
            notes.append(
                OptimizerSupport.note(
                    name, "removed \(names.count) unread port(s) of '\(node.id)': \(names.joined(separator: ", "))",
                    node.provenance))
        }
        return current
    }

    /// `node` with its unread ports demoted or removed, or nil when nothing changes.
    func prune(
        _ node: Node, _ pipeline: Pipeline, consumed: Set<String>, cache: inout [String: (parsed: Expr, typed: Expr?)?]
    ) -> Node? {
        let environment = OptimizerSupport.environment(node, pipeline)
        // Every expression of the node must parse, or nothing is touched; one that does not type
        // check here (it calls a lookup or a user function) keeps its port.
        var typed: [String: Expr] = [:]
        var readBy: [String: Set<String>] = [:]
        for port in node.ports {
            for text in [port.expression?.text, port.defaultValue?.text].compactMap({ $0 })
            where !text.allSatisfy(\.isWhitespace) {
                let key = node.id + "\u{1}" + text
                if cache[key] == nil {
                    cache[key] = OptimizerSupport.parsed(text).map {
                        ($0, OptimizerSupport.typed($0, text, in: environment))
                    }
                }
                guard let entry = cache[key] ?? nil else { return nil }
                let expression = entry.parsed
                if text == port.expression?.text { typed[port.name.uppercased()] = entry.typed }
                for name in OptimizerSupport.references(expression) where name != port.name.uppercased() {
                    readBy[name, default: []].insert(port.name.uppercased())
                }
            }
        }
        var result = node
        var changed = false
        for index in result.ports.indices.reversed() {
            let port = result.ports[index]
            let key = port.name.uppercased()
            guard !consumed.contains(key) else { continue }
            if port.roles.contains(.output) && port.roles.contains(.input) {
                result.ports[index].roles.remove(.output)
                result.ports[index].expression = nil
                changed = true
            }
            guard !(readBy[key]?.contains { name in result.ports.contains { $0.name.uppercased() == name } } ?? false),
                removable(result.ports[index], typed[key], pipeline)
            else { continue }
            result.ports.remove(at: index)
            changed = true
        }
        return changed ? result : nil
    }

    /// Whether removing `port` (read by nothing) cannot change a result.
    func removable(_ port: Port, _ expression: Expr?, _ pipeline: Pipeline) -> Bool {
        if port.roles.contains(.input) {
            guard port.defaultValue?.text.allSatisfy(\.isWhitespace) ?? true else { return false }
            guard let source = port.source else { return true }
            guard let upstream = pipeline.node(id: source.node)?.port(named: source.port) else { return false }
            return OptimizerSupport.convertsSafely(upstream.type, to: port.type)
        }
        guard let expression, let type = expression.type else { return port.expression == nil }
        return OptimizerSupport.isErrorFree(expression) && OptimizerSupport.convertsSafely(type, to: port.type)
    }
}
