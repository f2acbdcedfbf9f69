import IR

extension SQLPipelineBuilder {
    /// A Rank (reference §2.9, case 44), as the runtime's `Rank`: `RANK()` per group over the rank
    /// port, best first, NULL as the lowest value (so ties share an index and the next is
    /// skipped); rows whose index is at most the number of ranks are kept, ties included.
    mutating func lowerRank(_ node: Node, _ spec: RankSpec) throws(SQLPushdownRefusal) {
        guard dialect.supportsWindowFunctions else {
            throw refusal(
                SQLPipelineDiagnostics.operatorNotLowered, node,
                "\(dialect.name) has no window functions for rank '\(node.id)'",
                fix: "keep this path in the runtime")
        }
        let inputs = node.inputPorts
        let input = try inputRelation(of: node, ports: inputs.filter { $0.source != nil })
        let values = columns(of: inputs, in: input)
        guard let rankPort = inputs.first(where: { $0.name.uppercased() == spec.rankBy.uppercased() }),
            let rankValue = values[rankPort.name.uppercased()]
        else {
            throw refusal(
                SQLPipelineDiagnostics.operatorNotLowered, node, "rank '\(node.id)' has no input port '\(spec.rankBy)'",
                fix: "correct the rank port")
        }
        try checkRankOrder(rankPort, spec, node)
        var keys: [SQLExpression] = []
        for key in spec.groupBy {
            guard let port = inputs.first(where: { $0.name.uppercased() == key.uppercased() }),
                let value = values[port.name.uppercased()]
            else {
                throw refusal(
                    SQLPipelineDiagnostics.operatorNotLowered, node, "rank '\(node.id)' has no group-by port '\(key)'",
                    fix: "correct the group-by ports")
            }
            try checkExactKey(port, node)
            keys.append(value)
        }
        let order = SQLOrdering(
            runtimeOrder(rankValue, rankPort.type) ?? rankValue, descending: spec.top, nulls: spec.top ? .last : .first)
        let rank = SQLExpression.window(.function(name: "RANK", arguments: []), partitionBy: keys, orderBy: [order])
        let indexName = spec.indexPort ?? "RANK_INDEX"
        let ports = node.outputPorts
        var items = ports.filter { $0.name.uppercased() != spec.indexPort?.uppercased() }.map {
            SQLSelectItem(values[$0.name.uppercased()] ?? .literal(.null), as: $0.name)
        }
        items.append(SQLSelectItem(rank, as: indexName))
        let ranked = addTable(node.id + "_RANKED", .select(SQLSelect(items: items, from: input.from())))
        let kept = SQLSelect(
            items: ports.map { SQLSelectItem(.column(table: nil, name: $0.name)) },
            from: .table(SQLTableName(ranked), alias: nil),
            filter: .binary(
                .lessOrEqual, .column(table: nil, name: indexName), .literal(.integer(Int64(spec.count)))))
        register(node, table: addTable(node.id, .select(kept)), ports: ports)
    }

    /// Refuses a rank port the dialect cannot order as the runtime does (``runtimeOrder(_:_:)``), and
    /// strings compared without case.
    func checkRankOrder(_ port: Port, _ spec: RankSpec, _ node: Node) throws(SQLPushdownRefusal) {
        let column = SQLExpression.column(table: nil, name: port.name)
        guard runtimeOrder(column, port.type) == nil || (port.type.isString && !spec.caseSensitive) else { return }
        throw refusal(
            SQLPipelineDiagnostics.operatorNotLowered, node,
            "rank '\(node.id)' orders \(port.type.canonicalName) port '\(port.name)' differently in \(dialect.name)",
            fix: "keep this path in the runtime", location: port.provenance.location, path: port.provenance.path)
    }
}
