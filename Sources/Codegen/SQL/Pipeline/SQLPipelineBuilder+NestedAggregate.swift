import IR

extension SQLPipelineBuilder {
    /// Whether a port of Aggregator `node` nests one aggregate in another (`MAX(COUNT(ITEM))`).
    func hasNestedAggregate(_ node: Node) throws(SQLPushdownRefusal) -> Bool {
        for port in node.outputPorts where !port.roles.contains(.input) {
            guard let text = port.expression?.text, !text.trimmingSpaces().isEmpty else { continue }
            let (expression, _) = try typed(text, of: node, at: port.provenance, resultType: port.type)
            if case .call(_, let arguments) = expression.kind, arguments.contains(where: Self.containsAggregate) {
                return true
            }
        }
        return false
    }

    /// An Aggregator with nested aggregates (reference §2.4, case 40): the groups collapse into one
    /// row, each outer function over the groups' inner values, every other port from the last
    /// group. The runtime emits the groups of an unsorted Aggregator ascending by the group-by
    /// ports, NULL first (`EvaluationSettings.aggregatorEmitsGroupsInKeyOrder`, BELIEVED), so the
    /// last group is the first in descending key order with NULLs last; with no group there is no
    /// row. Three common tables:
    ///
    ///     AGG_GROUPS: SELECT keys, INNER(x) AS INNER_1, plain aggregates … GROUP BY keys
    ///     AGG_LAST:   SELECT *, ROW_NUMBER() OVER (ORDER BY keys DESC NULLS LAST) AS AGG_LAST_GROUP
    ///     AGG:        SELECT OUTER(INNER_1), MAX(CASE WHEN AGG_LAST_GROUP = 1 THEN key END) …
    ///                 HAVING COUNT(*) > 0
    ///
    /// The outer functions are order-free (SUM, COUNT, MIN, MAX, AVG); sorted input (groups in
    /// arrival order), no group-by port, a last-row port or a key SQL cannot order as the runtime
    /// does are refused.
    mutating func lowerNestedAggregate(
        _ node: Node, _ spec: AggregateSpec, input: SQLRelation, values: [String: SQLExpression],
        groupBy: [SQLExpression]
    ) throws(SQLPushdownRefusal) {
        // A key no connector feeds (a NULL of its type) would be a constant in GROUP BY.
        if let index = groupBy.firstIndex(where: \.isNullConstant) {
            let key = spec.groupBy[index]
            throw aggregateRefusal(
                node, node.port(named: key),
                "group-by port '\(key)' has no connector, and nested aggregates are lowered only with keys that "
                    + "read a column")
        }
        guard !spec.sortedInput, !groupBy.isEmpty, dialect.supportsWindowFunctions else {
            throw aggregateRefusal(
                node, nil,
                "nested aggregates take every other port from the last group, which SQL picks only for an "
                    + "unsorted Aggregator with group-by ports, by ROW_NUMBER()")
        }
        var names = Set(spec.groupBy.map { $0.uppercased() })
        func fresh(_ base: String) -> String { Self.uniqueName(base, taken: &names) }
        var groupItems: [SQLSelectItem] = []
        var order: [SQLOrdering] = []
        for (key, value) in zip(spec.groupBy, groupBy) {
            groupItems.append(SQLSelectItem(value, as: key))
            guard let type = node.port(named: key)?.type,
                let ordered = runtimeOrder(.column(table: nil, name: key), type)
            else {
                throw aggregateRefusal(
                    node, node.port(named: key),
                    "the last group is the greatest by '\(key)', which \(dialect.name) does not order as the runtime")
            }
            order.append(SQLOrdering(ordered, descending: true, nulls: .last))
        }
        let lastFlag = fresh("AGG_LAST_GROUP")
        let isLast = SQLExpression.binary(.equal, .column(table: nil, name: lastFlag), .literal(.integer(1)))
        func lastGroup(_ column: String) -> SQLExpression {
            .function(
                name: "MAX",
                arguments: [
                    .caseWhen(branches: [SQLWhen(isLast, then: .column(table: nil, name: column))], otherwise: nil)
                ])
        }
        var items: [SQLSelectItem] = []
        for port in node.outputPorts {
            if port.roles.contains(.input) {
                guard spec.groupBy.contains(where: { $0.uppercased() == port.name.uppercased() }) else {
                    throw aggregateRefusal(
                        node, port,
                        "port '\(port.name)' is neither a group-by key nor an aggregate: it takes the last row's value, "
                            + "which SQL cannot pick")
                }
                items.append(SQLSelectItem(lastGroup(port.name), as: port.name))
                continue
            }
            guard let text = port.expression?.text, !text.trimmingSpaces().isEmpty else {
                throw aggregateRefusal(node, port, "port '\(port.name)' has no expression")
            }
            let (expression, source) = try typed(text, of: node, at: port.provenance, resultType: port.type)
            if Self.isLiteral(expression) {
                items.append(SQLSelectItem(try aggregateValue(port, of: node, values: values), as: port.name))
                continue
            }
            let inner = fresh("INNER_\(port.name)")
            guard case .call(let name, let arguments) = expression.kind, arguments.count == 1,
                Self.aggregateFunctions.contains(name), Self.containsAggregate(arguments[0])
            else {
                // A plain aggregate: the last group's value.
                let call = try aggregateCall(expression, source, text: text, of: node, port, values: values)
                groupItems.append(SQLSelectItem(call, as: inner))
                let value = try fit(lastGroup(inner), from: expression.type ?? port.type, to: port.type, node, port)
                items.append(SQLSelectItem(value, as: port.name))
                continue
            }
            let innerCall = try aggregateCall(arguments[0], source, text: text, of: node, port, values: values)
            groupItems.append(SQLSelectItem(innerCall, as: inner))
            try checkExactAggregate(name, arguments[0].type, node, port)
            let column = try orderedArgument(name, .column(table: nil, name: inner), arguments[0].type, node, port)
            let outer = SQLExpression.function(name: name, arguments: [column])
            items.append(
                SQLSelectItem(
                    try fit(outer, from: expression.type ?? port.type, to: port.type, node, port), as: port.name))
        }
        let groups = addTable(
            "\(node.id)_GROUPS", .select(SQLSelect(items: groupItems, from: input.from(), groupBy: groupBy)))
        let ranked = SQLSelect(
            items: [
                SQLSelectItem(.star(table: groups)),
                SQLSelectItem(
                    .window(.function(name: "ROW_NUMBER", arguments: []), partitionBy: [], orderBy: order), as: lastFlag
                ),
            ], from: .table(SQLTableName(groups), alias: nil))
        let last = addTable("\(node.id)_LAST", .select(ranked))
        let having = SQLExpression.binary(
            .greater, .function(name: "COUNT", arguments: [.star(table: nil)]), .literal(.integer(0)))
        let select = SQLSelect(items: items, from: .table(SQLTableName(last), alias: nil), having: having)
        register(node, table: addTable(node.id, .select(select)), ports: node.outputPorts)
    }
}
