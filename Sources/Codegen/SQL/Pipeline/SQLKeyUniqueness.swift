import IR

/// Proves that the rows reaching a target are unique on its key ports, walking upstream from
/// the ports that feed the keys. Rows with one key in one load make `MERGE` ambiguous and the
/// runtime's result order-dependent, so key-based writes are lowered only with a proof.
///
/// Proved: an Aggregator (unsorted input) grouped by a subset of the keys; a row subset or
/// copy of such rows (Filter, Router group, Sorter, Expression, Update Strategy, Transaction
/// Control) whose key
/// ports pass values on unchanged; a Union whose groups are each unique and differ pairwise
/// in one key given a distinct constant per group (`'HOME'` and `'ROAMING'`).
struct SQLKeyUniqueness {
    let nodes: [String: Node]
    /// Whether a source qualifier's ports covering its one source's primary key prove it
    /// (``provesSourceKey(_:_:)``): trusted only to refuse inserts that could collide, not to
    /// write by key.
    var sourceKeys = false

    /// Whether the rows carrying `refs` (ports of one node) are unique on them.
    func proves(_ refs: [PortRef]) -> Bool {
        guard let first = refs.first, refs.allSatisfy({ $0.node == first.node }), let node = nodes[first.node]
        else { return false }
        let ports = refs.compactMap { node.port(named: $0.port) }
        guard ports.count == refs.count else { return false }
        switch node.op {
        case .aggregate(let spec):
            let names = Set(ports.map { $0.name.uppercased() })
            return !spec.sortedInput && spec.groupBy.allSatisfy { names.contains($0.uppercased()) }
        case .filter, .setRowKind, .project, .sort, .route, .transactionControl:
            let upstream = ports.map { upstreamRef(of: $0, in: node) }
            guard upstream.allSatisfy({ $0 != nil }) else { return false }
            return proves(upstream.compactMap { $0 })
        case .union(let spec):
            return provesUnion(ports, node, spec)
        case .sourceQuery(let spec) where sourceKeys:
            return provesSourceKey(ports, spec)
        default:
            return false
        }
    }

    /// A source qualifier with no SQL of its own reading one relational source, whose `ports`
    /// pass on (uncut) fields covering the source's declared primary key.
    private func provesSourceKey(_ ports: [Port], _ spec: SourceQuerySpec) -> Bool {
        guard spec.sqlOverride == nil, spec.join == nil, spec.sources.count == 1, let source = nodes[spec.sources[0]]
        else { return false }
        let primary = Set(
            source.ports.filter { $0.key == .primary || $0.key == .primaryForeign }.map { $0.name.uppercased() })
        var read: Set<String> = []
        for port in ports {
            guard let ref = port.source, ref.node == source.id, widens(ref, to: port.type) else { return false }
            read.insert(ref.port.uppercased())
        }
        return !primary.isEmpty && primary.isSubset(of: read)
    }

    /// Each input group unique, and one key a different constant in every group.
    private func provesUnion(_ ports: [Port], _ node: Node, _ spec: UnionSpec) -> Bool {
        var groups: [[PortRef]] = []
        for group in spec.inputGroups {
            let inputs = node.ports.filter { $0.group == group && $0.roles.contains(.input) }
            guard inputs.contains(where: { $0.source != nil }) else { continue }
            var refs: [PortRef] = []
            for port in ports {
                let mapped = spec.mappings.first { m in m.output == port.name && inputs.contains { $0.name == m.input }
                }
                guard let input = inputs.first(where: { $0.name == mapped?.input }), let ref = input.source,
                    widens(ref, to: input.type), widens(PortRef(node: node.id, port: input.name), to: port.type)
                else { return false }
                refs.append(ref)
            }
            guard proves(refs) else { return false }
            groups.append(refs)
        }
        guard groups.count > 1 else { return groups.count == 1 }
        return ports.indices.contains { index in
            let constants = groups.map { constant(of: $0[index], fitting: ports[index].type) }
            return constants.allSatisfy { $0 != nil } && Set(constants.compactMap { $0 }).count == constants.count
        }
    }

    /// The port `port` copies its value from unchanged: its own connection, or the input port its
    /// expression names; nil when it computes a value or narrows a string.
    func upstreamRef(of port: Port, in node: Node) -> PortRef? {
        var source: PortRef?
        if port.roles.contains(.input) {
            source = port.source
        } else if let text = port.expression?.text.trimmingSpaces(),
            let input = node.inputPorts.first(where: { $0.name.uppercased() == text.uppercased() })
        {
            source = input.source
        }
        guard let source, widens(source, to: port.type) else { return nil }
        return source
    }

    /// Whether values of `ref` stay distinct in a port of `type` (no string is cut shorter).
    func widens(_ ref: PortRef, to type: DataType) -> Bool {
        guard let from = nodes[ref.node]?.port(named: ref.port)?.type else { return false }
        guard from.isString, type.isString else { return true }
        let target = SQLPipelineBuilder.precision(of: type)
        let source = SQLPipelineBuilder.precision(of: from)
        return target == 0 || (source != 0 && source <= target)
    }

    /// The literal (`'HOME'`, `12`) every row carries in `ref`, when it fits `type` uncut.
    func constant(of ref: PortRef, fitting type: DataType) -> String? {
        guard let node = nodes[ref.node], let port = node.port(named: ref.port) else { return nil }
        if let upstream = upstreamRef(of: port, in: node) { return constant(of: upstream, fitting: type) }
        guard !port.roles.contains(.input), let text = port.expression?.text.trimmingSpaces() else { return nil }
        if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'"), !text.dropFirst().dropLast().contains("'") {
            let limit = SQLPipelineBuilder.precision(of: type)
            return limit == 0 || text.count - 2 <= limit ? text : nil
        }
        return Int64(text) != nil && !type.isString ? text : nil
    }
}
