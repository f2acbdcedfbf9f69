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

    /// The same, parsing through `expressions`.
    public func run(_ pipeline: Pipeline, expressions: inout ParsedExpressions, notes: inout [Diagnostic])
        -> Pipeline
    {
        var current = pipeline
        var changed = true
        var removed: [Int: [String]] = [:]
        // Each expression is typed once, when a port's removal needs it: removing unread ports
        // changes no type.
        var typed: [String: Expr?] = [:]
        // What each node that kept all its ports was read by: it changes only when that does.
        var unchanged: [Int: Set<String>] = [:]
        // Only Expression transformations lose ports: only what they are read by matters.
        let projects = Set(current.nodes.filter { if case .project = $0.op { true } else { false } }.map(\.id))
        while changed {
            changed = false
            var consumed: [String: Set<String>] = [:]
            for n in current.nodes.indices {
                let ports = current.nodes[n].ports
                for p in ports.indices {
                    guard let source = ports[p].source, projects.contains(source.node) else { continue }
                    consumed[source.node, default: []].insert(source.port.uppercased())
                }
            }
            for n in current.nodes.indices {
                guard case .project = current.nodes[n].op else { continue }
                let read = consumed[current.nodes[n].id] ?? []
                guard unchanged[n] != read else { continue }
                guard
                    let pruned = prune(
                        current.nodes[n], current, consumed: read, expressions: &expressions, typed: &typed)
                else {
                    unchanged[n] = read
                    continue
                }
                unchanged[n] = nil
                let kept = Set(pruned.ports.map(\.name))
                removed[n, default: []] += current.nodes[n].ports.map(\.name).filter { !kept.contains($0) }
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

    /// `text`, an expression of `node`, type checked in the node's environment (nil when it does
    /// not parse or type check), once per node and text.
    func typed(
        _ text: String, of node: Node, in pipeline: Pipeline, expressions: inout ParsedExpressions,
        cache: inout [String: Expr?]
    ) -> Expr? {
        let key = node.id + "\u{1}" + text
        if let known = cache[key] { return known }
        let result = expressions.typed(text, in: OptimizerSupport.environment(node, pipeline))
        cache[key] = .some(result)
        return result
    }

    /// `node` with its unread ports demoted or removed, or nil when nothing changes.
    func prune(
        _ node: Node, _ pipeline: Pipeline, consumed: Set<String>, expressions: inout ParsedExpressions,
        typed: inout [String: Expr?]
    ) -> Node? {
        // Every expression of the node must parse, or nothing is touched; one that does not type
        // check here (it calls a lookup or a user function) keeps its port.
        let names = node.ports.map { $0.name.uppercased() }
        // A node whose every port is read keeps them all.
        guard !names.allSatisfy(consumed.contains) else { return nil }
        var computed: [String: String] = [:]
        var readBy: [String: Set<String>] = [:]
        for (port, upper) in zip(node.ports, names) {
            for text in [port.expression?.text, port.defaultValue?.text].compactMap({ $0 })
            where !text.allSatisfy(\.isWhitespace) {
                guard let expression = expressions.parsed(text) else { return nil }
                if text == port.expression?.text { computed[upper] = text }
                var read: Set<String> = []
                OptimizerSupport.collectReferences(expression, into: &read)
                for name in read where name != upper {
                    readBy[name, default: []].insert(upper)
                }
            }
        }
        // How many ports of the result have each (upper-case) name.
        var present = names.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        var result = node
        var changed = false
        for index in result.ports.indices.reversed() {
            let port = result.ports[index]
            let key = names[index]
            guard !consumed.contains(key) else { continue }
            if port.roles.contains(.output) && port.roles.contains(.input) {
                result.ports[index].roles.remove(.output)
                result.ports[index].expression = nil
                changed = true
            }
            guard !(readBy[key]?.contains { (present[$0] ?? 0) > 0 } ?? false) else { continue }
            let expression = computed[key].flatMap {
                self.typed($0, of: node, in: pipeline, expressions: &expressions, cache: &typed)
            }
            guard removable(result.ports[index], expression, pipeline) else { continue }
            result.ports.remove(at: index)
            present[key, default: 0] -= 1
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
