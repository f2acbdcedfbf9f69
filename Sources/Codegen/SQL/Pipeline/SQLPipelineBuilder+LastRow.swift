import IR

/// The common table that marks the last row of each group of an Aggregator's input.
struct SQLLastRow {
    /// The common table: the input's columns and ``flag``.
    var table: String
    /// The column that is 1 on the last row of each group.
    var flag: String
}

extension SQLPipelineBuilder {
    /// The row-level value of an Aggregator port that is neither a group-by key nor an aggregate
    /// (reference §2.4, case 38): an input/output port's input, or an output port's expression
    /// that calls no aggregate function and is not a literal. Nil for the other ports.
    func lastRowValue(_ port: Port, of node: Node, values: [String: SQLExpression]) throws(SQLPushdownRefusal)
        -> SQLExpression?
    {
        if port.roles.contains(.input) { return values[port.name.uppercased()] ?? .literal(.null) }
        guard let text = port.expression?.text, !text.trimmingSpaces().isEmpty else { return nil }
        let (expression, source) = try typed(text, of: node, at: port.provenance, resultType: port.type)
        guard !Self.isLiteral(expression), !Self.containsAggregate(expression) else { return nil }
        let value = try lowered(expression, source, columns: values, of: node)
        return try fit(value, from: expression.type ?? port.type, to: port.type, node, port)
    }

    /// `input` with a column that is 1 on the last row of each group, in the order the rows
    /// arrive (``SQLRowOrder``): `ROW_NUMBER() OVER (PARTITION BY keys ORDER BY order reversed)`.
    /// An Aggregator port that takes the last row's value reads it on that row (`MAX(CASE WHEN
    /// flag = 1 THEN value END)`, the one value of the group the CASE keeps). Refused (naming
    /// `port`) when SQL does not know the order.
    mutating func lastRows(of node: Node, _ input: SQLRelation, groupBy: [SQLExpression], port: Port)
        throws(SQLPushdownRefusal) -> SQLLastRow
    {
        let reversed = input.order.keys?.map { key in
            var flipped = key
            flipped.descending.toggle()
            flipped.nulls = key.nulls == .first ? .last : key.nulls == .last ? .first : .unspecified
            return flipped
        }
        guard let reversed, let order = orderings(reversed), dialect.supportsWindowFunctions else {
            let why = input.order.why ?? "SQL cannot number them"
            throw aggregateRefusal(
                node, port,
                "port '\(port.name)' is neither a group-by key nor an aggregate: it takes the last row's value, "
                    + "and SQL does not know the order rows arrive in: \(why)")
        }
        var names = Set(input.columns.values.map { $0.uppercased() })
        let flag = Self.uniqueName("\(node.id)_LAST_ROW", taken: &names)
        let numbered = SQLSelect(
            items: [
                SQLSelectItem(.star(table: input.table.name)),
                SQLSelectItem(
                    .window(.function(name: "ROW_NUMBER", arguments: []), partitionBy: groupBy, orderBy: order),
                    as: flag),
            ], from: input.from())
        return SQLLastRow(table: addTable("\(node.id)_LAST", .select(numbered)), flag: flag)
    }

    /// The order an Aggregator emits its groups in: without sorted input, ascending by the group-by
    /// ports with NULL first (`EvaluationSettings.aggregatorEmitsGroupsInKeyOrder`, the default,
    /// BELIEVED); one row without group-by ports. With sorted input the groups come in arrival
    /// order, which is not followed here.
    func groupOrder(_ node: Node, _ spec: AggregateSpec) -> SQLRowOrder {
        guard !spec.sortedInput else {
            return .undefined("aggregator '\(node.id)' has sorted input and emits its groups as they arrive")
        }
        var keys: [SQLRowOrderKey] = []
        for name in spec.groupBy {
            guard let port = node.outputPorts.first(where: { $0.name.uppercased() == name.uppercased() }) else {
                return .undefined("aggregator '\(node.id)' does not pass its group-by port '\(name)' on")
            }
            guard runtimeOrder(.column(table: nil, name: port.name), port.type) != nil else {
                return .undefined(
                    "aggregator '\(node.id)' emits groups ordered by '\(port.name)', which \(dialect.name) does not "
                        + "order as the runtime")
            }
            keys.append(SQLRowOrderKey(column: port.name, type: port.type, descending: false, nulls: .first))
        }
        return .defined(keys)
    }
}
