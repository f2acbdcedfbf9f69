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
        var removed: [Int: [String]] = [:]
        var memo = Memo()
        // Only Expression transformations lose ports: only what they are read by matters.
        let projects = Set(current.nodes.filter { if case .project = $0.op { true } else { false } }.map(\.id))
        // How many ports read each (upper-case) port name of each Expression transformation, by
        // its id; kept up to date as nodes lose ports, which only ever removes readers.
        var readers: [String: [String: Int]] = [:]
        for node in current.nodes { Self.count(node, by: 1, into: &readers, projects) }
        // Each sweep tries the nodes whose readers changed since they were last tried, and those
        // that lost ports in the sweep before where that may free another of their ports (seen on
        // the next try), in node order, against the readers as they were when the sweep began.
        var pending = current.nodes.indices.filter { projects.contains(current.nodes[$0].id) }
        let indexes = Dictionary(grouping: pending, by: { current.nodes[$0].id })
        while !pending.isEmpty {
            var pruned: [(index: Int, before: Node)] = []
            var next: Set<Int> = []
            for n in pending {
                guard
                    let (result, retry) = prune(
                        current.nodes[n], current, consumed: readers[current.nodes[n].id] ?? [:],
                        expressions: &expressions, memo: &memo)
                else { continue }
                let kept = Set(result.ports.map(\.name))
                removed[n, default: []] += current.nodes[n].ports.map(\.name).filter { !kept.contains($0) }
                pruned.append((n, current.nodes[n]))
                current.nodes[n] = result
                if retry { next.insert(n) }
            }
            var emptied: [PortRef] = []
            for (n, before) in pruned {
                emptied += Self.count(before, by: -1, into: &readers, projects)
                Self.count(current.nodes[n], by: 1, into: &readers, projects)
            }
            // A name that lost its last reader changes what its node is read by.
            for name in emptied where readers[name.node]?[name.port] == nil {
                next.formUnion(indexes[name.node] ?? [])
            }
            pending = next.sorted()
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

    /// Adds `delta` to the count of each port of an Expression transformation (in `projects`)
    /// that a port of `node` reads; returns the (upper-case) names whose count fell to zero (and
    /// so were removed).
    @discardableResult
    static func count(
        _ node: Node, by delta: Int, into readers: inout [String: [String: Int]], _ projects: Set<String>
    ) -> [PortRef] {
        var emptied: [PortRef] = []
        // Consecutive ports mostly read the same node: its counts are taken out of `readers` once
        // for the run of ports reading it (uniquely held, so updated in place), and put back after.
        var current: (node: String, counts: [String: Int])?
        for index in node.ports.indices {
            guard let source = node.ports[index].source else { continue }
            if current?.node != source.node {
                if let done = current { readers[done.node] = done.counts.isEmpty ? nil : done.counts }
                current = nil
                guard projects.contains(source.node) else { continue }
                current = (source.node, readers.removeValue(forKey: source.node) ?? [:])
            }
            let name = source.port.uppercased()
            if delta > 0 {
                current!.counts[name, default: 0] += delta
                continue
            }
            let count = current!.counts[name, default: 0] + delta
            if count > 0 {
                current!.counts[name] = count
            } else {
                current!.counts[name] = nil
                emptied.append(PortRef(node: source.node, port: name))
            }
        }
        if let done = current { readers[done.node] = done.counts.isEmpty ? nil : done.counts }
        return emptied
    }

    /// `text`, an expression of `node`, type checked in the node's environment (nil when it does
    /// not parse or type check), once per node and text; `environment` is the node's, made on
    /// first use.
    func typed(
        _ text: String, of node: Node, in pipeline: Pipeline, expressions: inout ParsedExpressions,
        cache: inout [String: Expr?], environment: inout TypeEnvironment?
    ) -> Expr? {
        let key = node.id + "\u{1}" + text
        if let known = cache[key] { return known }
        let types = environment ?? OptimizerSupport.environment(node, pipeline)
        environment = types
        let result = expressions.typed(text, in: types)
        cache[key] = .some(result)
        return result
    }

    /// `node` with its unread ports demoted or removed, or nil when nothing changes; `retry` when
    /// trying the result again may remove more: a port kept because another port of the node
    /// read it, where that reader was removed or demoted here (a removal frees the ports after
    /// the removed one at once, since they are tried from the last).
    func prune(
        _ node: Node, _ pipeline: Pipeline, consumed: [String: Int], expressions: inout ParsedExpressions,
        memo: inout Memo
    ) -> (result: Node, retry: Bool)? {
        // Every expression of the node must parse, or nothing is touched; one that does not type
        // check here (it calls a lookup or a user function) keeps its port.
        // Ports are read in place, not copied: a `Port` holds many references.
        let names = node.ports.indices.map { node.ports[$0].name.uppercased() }
        // A node whose every port is read keeps them all.
        guard !names.allSatisfy({ consumed[$0] != nil }) else { return nil }
        var computed: [String: String] = [:]
        var readBy: [String: Set<String>] = [:]
        for index in node.ports.indices {
            let upper = names[index]
            let expression = node.ports[index].expression?.text
            for text in [expression, node.ports[index].defaultValue?.text] {
                guard let text, !text.allSatisfy(\.isWhitespace) else { continue }
                guard let read = expressions.references(text) else { return nil }
                if text == expression { computed[upper] = text }
                for name in read where name != upper {
                    readBy[name, default: []].insert(upper)
                }
            }
        }
        // How many ports of the result have each (upper-case) name; sized for the node's ports up
        // front, since nodes with thousands of ports come here.
        var present = [String: Int](minimumCapacity: names.count)
        for name in names { present[name, default: 0] += 1 }
        var result = node
        var changed = false
        var environment: TypeEnvironment?
        // The ports removed or demoted here, and those kept only because a port of the node read them.
        var changedNames: Set<String> = []
        var keptForReaders: [String] = []
        // Whether each port is removed.
        var removing = [Bool](repeating: false, count: result.ports.count)
        for index in result.ports.indices.reversed() {
            let roles = result.ports[index].roles
            let key = names[index]
            guard consumed[key] == nil else { continue }
            if roles.contains(.output) && roles.contains(.input) {
                result.ports[index].roles.remove(.output)
                result.ports[index].expression = nil
                changed = true
                changedNames.insert(key)
            }
            guard !(readBy[key]?.contains { (present[$0] ?? 0) > 0 } ?? false) else {
                keptForReaders.append(key)
                continue
            }
            let expression = computed[key].flatMap {
                self.typed(
                    $0, of: node, in: pipeline, expressions: &expressions, cache: &memo.typed,
                    environment: &environment)
            }
            guard removable(result.ports[index], expression, pipeline, &memo) else { continue }
            removing[index] = true
            present[key, default: 0] -= 1
            changed = true
            changedNames.insert(key)
        }
        guard changed else { return nil }
        // Removed at once, not one `remove(at:)` each: a node losing most of its thousands of
        // ports would move the rest once per removal.
        if removing.contains(true) {
            result.ports = result.ports.indices.filter { !removing[$0] }.map { result.ports[$0] }
        }
        let retry = keptForReaders.contains { readBy[$0]?.contains(where: changedNames.contains) ?? false }
        return (result, retry)
    }

    /// Whether removing `port` (read by nothing) cannot change a result.
    func removable(_ port: Port, _ expression: Expr?, _ pipeline: Pipeline, _ memo: inout Memo) -> Bool {
        if port.roles.contains(.input) {
            guard port.defaultValue?.text.allSatisfy(\.isWhitespace) ?? true else { return false }
            guard let source = port.source else { return true }
            guard let type = memo.type(of: source, in: pipeline) else { return false }
            return OptimizerSupport.convertsSafely(type, to: port.type)
        }
        guard let expression, let type = expression.type else { return port.expression == nil }
        return OptimizerSupport.isErrorFree(expression) && OptimizerSupport.convertsSafely(type, to: port.type)
    }
}

extension PruneUnusedPorts {
    /// What one run of the pass finds once and reads again.
    struct Memo {
        /// Each expression typed, by node id and text (``typed(_:of:in:expressions:cache:environment:)``):
        /// removing unread ports changes no type.
        var typed: [String: Expr?] = [:]
        /// The type of each port of each node read so far, by node id and port name. Removing a
        /// port nothing reads changes no other port and leaves every port read in place, so what
        /// was found holds for the whole run.
        private var portTypes: [String: [String: DataType]] = [:]

        /// The type of the port `ref` names in `pipeline`; nil when there is no such port.
        mutating func type(of ref: PortRef, in pipeline: Pipeline) -> DataType? {
            if let ports = portTypes[ref.node] { return ports[ref.port] }
            guard let node = pipeline.nodes.firstIndex(where: { $0.id == ref.node }) else { return nil }
            var ports: [String: DataType] = [:]
            // From the last port, so that the first of a name is the one kept, as `port(named:)` finds it.
            for p in pipeline.nodes[node].ports.indices.reversed() {
                ports[pipeline.nodes[node].ports[p].name] = pipeline.nodes[node].ports[p].type
            }
            portTypes[ref.node] = ports
            return ports[ref.port]
        }
    }
}
