import IR

extension SQLPipelineBuilder {
    /// A Joiner: detail (`left`) and master (`right`) on equal keys; NULL keys never match, as
    /// SQL `=` gives (docs/decisions/0002: Master Outer keeps all detail rows = LEFT OUTER).
    mutating func lowerJoin(_ node: Node, _ spec: JoinSpec) throws(SQLPushdownRefusal) {
        guard spec.kind != .fullOuter || dialect.supportsFullOuterJoin else {
            throw refusal(
                SQLPipelineDiagnostics.joinCondition, node,
                "joiner '\(node.id)' is a full outer join, which \(dialect.name) does not have",
                fix: "keep this path in the runtime")
        }
        let detail = node.ports.filter { $0.group == "left" && $0.roles.contains(.input) }
        let master = node.ports.filter { $0.group == "right" && $0.roles.contains(.input) }
        let left = try inputRelation(of: node, ports: detail.filter { $0.source != nil })
        let right = try inputRelation(of: node, ports: master.filter { $0.source != nil })
        let leftValues = columns(of: detail, in: left, alias: "D")
        let rightValues = columns(of: master, in: right, alias: "M")
        var equalities: [SQLExpression] = []
        for (a, b) in try joinKeys(node, spec, detail: detail, master: master) {
            guard let x = leftValues[a.name.uppercased()], let y = rightValues[b.name.uppercased()] else { continue }
            equalities.append(.binary(.equal, x, y))
        }
        let on = equalities.dropFirst().reduce(equalities[0]) { .binary(.and, $0, $1) }
        let kinds: [JoinKind: SQLJoinKind] = [
            .inner: .inner, .leftOuter: .left, .rightOuter: .right, .fullOuter: .full,
        ]
        let from = SQLFromItem.join(left.from(alias: "D"), kinds[spec.kind] ?? .inner, right.from(alias: "M"), on: on)
        let ports = node.outputPorts.filter { $0.group == "left" || $0.group == "right" }
        let items = ports.map { port in
            let values = port.group == "left" ? leftValues : rightValues
            return SQLSelectItem(values[port.name.uppercased()] ?? .literal(.null), as: port.name)
        }
        register(node, table: addTable(node.id, .select(SQLSelect(items: items, from: from))), ports: ports)
    }

    /// The (detail, master) port pairs of a condition `a = b AND …`; refuses anything else, NULL
    /// keys that match, and keys SQL compares differently.
    func joinKeys(_ node: Node, _ spec: JoinSpec, detail: [Port], master: [Port]) throws(SQLPushdownRefusal) -> [(
        Port, Port
    )] {
        func refuse(_ why: String) -> SQLPushdownRefusal {
            refusal(
                SQLPipelineDiagnostics.joinCondition, node, "joiner '\(node.id)' \(why)",
                fix: "keep this path in the runtime")
        }
        guard !spec.nullKeysMatch else { throw refuse("matches NULL keys, which SQL '=' never does") }
        let parsed = context.analysis.tree(spec.condition.text).tree
        var pairs: [(Port, Port)] = []
        for term in Self.conjuncts(parsed) {
            guard case .binary(.equal, let l, let r) = term.kind, case .reference(let a) = l.kind,
                case .reference(let b) = r.kind
            else { throw refuse("has condition '\(spec.condition.text)', not equalities of ports") }
            let find = { (ports: [Port], name: String) in ports.first { $0.name.uppercased() == name.uppercased() } }
            if let d = find(detail, a), let m = find(master, b) {
                pairs.append((d, m))
            } else if let d = find(detail, b), let m = find(master, a) {
                pairs.append((d, m))
            } else {
                throw refuse("compares '\(a)' and '\(b)', which are not one detail and one master port")
            }
        }
        for (d, m) in pairs {
            // The joiner compares the values it receives, of their own types.
            let (dt, mt) = (receivedType(d), receivedType(m))
            let strings = dt.isString && mt.isString
            let comparable = strings || (dt.isNumeric && mt.isNumeric) || dt.family == mt.family
            guard comparable, !strings || (spec.caseSensitive && dialect.comparesStringsExactly) else {
                throw refuse("compares keys '\(d.name)' and '\(m.name)' differently from \(dialect.name)")
            }
        }
        guard !pairs.isEmpty else { throw refuse("has no key") }
        return pairs
    }

    /// The terms of `a AND b AND …`.
    static func conjuncts(_ e: Expr) -> [Expr] {
        if case .binary(.and, let l, let r) = e.kind { return conjuncts(l) + conjuncts(r) }
        return [e]
    }

    /// A Union: `UNION ALL` of its input groups, each mapped onto the output ports. The runtime
    /// passes every value on as it is, so a port whose type would convert (cut or cast) the value
    /// it receives is refused: SQL would convert it, and passed unconverted its column would not
    /// have the type later nodes are lowered for.
    mutating func lowerUnion(_ node: Node, _ spec: UnionSpec) throws(SQLPushdownRefusal) {
        let outputs = node.outputPorts
        var parts: [SQLQuery] = []
        for group in spec.inputGroups {
            let inputs = node.ports.filter { $0.group == group && $0.roles.contains(.input) }
            guard inputs.contains(where: { $0.source != nil }) else { continue }
            let input = try inputRelation(of: node, ports: inputs.filter { $0.source != nil })
            var items: [SQLSelectItem] = []
            for output in outputs {
                let mapped = spec.mappings.first { m in
                    m.output == output.name && inputs.contains { $0.name == m.input }
                }
                guard let port = inputs.first(where: { $0.name == mapped?.input }), let ref = port.source,
                    let column = input.column(ref)
                else {
                    items.append(SQLSelectItem(.literal(.null), as: output.name))
                    continue
                }
                let from = sourceType(ref) ?? port.type
                for (type, to, receiving) in [(from, port.type, port), (port.type, output.type, output)]
                where try fit(column, from: type, to: to, node, receiving) != column {
                    throw refusal(
                        SQLPipelineDiagnostics.portConversion, node,
                        "union '\(node.id)' passes \(type.canonicalName) values on to \(to.canonicalName) port "
                            + "'\(receiving.name)' unconverted, as the runtime does; SQL would convert them",
                        fix: "give the ports the type of the values they receive, or keep this path in the runtime",
                        location: receiving.provenance.location, path: receiving.provenance.path)
                }
                items.append(SQLSelectItem(column, as: output.name))
            }
            parts.append(.select(SQLSelect(items: items, from: input.from())))
        }
        guard let first = parts.first else {
            throw refusal(
                SQLPipelineDiagnostics.inputRows, node, "union '\(node.id)' has no connected input group",
                fix: "connect an input group")
        }
        let query = parts.count == 1 ? first : .union(all: true, parts)
        register(node, table: addTable(node.id, query), ports: outputs)
    }
}
