import IR

extension SQLPipelineBuilder {
    /// A Normalizer (reference §2.11), as the runtime's: each input row gives one row per occurrence
    /// (a NULL occurrence included), the repeated columns taking that occurrence's input, GCID the
    /// occurrence number 1...occurs: a `UNION ALL` of one `SELECT` per occurrence. The generated key
    /// (GK) numbers input rows in arrival order (``numberedInput(_:_:_:)``), so a GK port read
    /// downstream needs the order (``SQLRowOrder``).
    mutating func lowerNormalizer(_ node: Node, _ spec: UnpivotSpec) throws(SQLPushdownRefusal) {
        let inputs = node.inputPorts
        let input = try inputRelation(of: node, ports: inputs.filter { $0.source != nil })
        let values = columns(of: inputs, in: input)
        var from = input.from()
        var generatedKey: SQLExpression?
        if let key = spec.keyPort, Self.readsGeneratedKey(of: node, spec, in: context.pipeline) {
            let (table, column) = try numberedInput(node, key, input)
            from = .table(SQLTableName(table), alias: nil)
            generatedKey = .column(table: nil, name: column)
        }
        let outputs = node.outputPorts
        let occurs = spec.columns.map(\.occurs).max() ?? 1
        var branches: [SQLQuery] = []
        for occurrence in 0..<occurs {
            let items = outputs.map { port -> SQLSelectItem in
                let name = port.name.uppercased()
                let value: SQLExpression
                if let column = spec.columns.first(where: { $0.output.uppercased() == name }) {
                    value =
                        occurrence < column.inputs.count
                        ? values[column.inputs[occurrence].uppercased()] ?? .literal(.null) : .literal(.null)
                } else if let generatedKey, spec.keyPort?.uppercased() == name {
                    value = generatedKey
                } else if spec.indexPorts.contains(where: { $0.uppercased() == name }) {
                    value = .literal(.integer(Int64(occurrence + 1)))
                } else if let text = port.expression?.text, let passed = values[text.uppercased()] {
                    value = passed
                } else {
                    value = values[name] ?? .literal(.null)
                }
                return SQLSelectItem(value, as: port.name)
            }
            branches.append(.select(SQLSelect(items: items, from: from)))
        }
        let query = branches.count == 1 ? branches[0] : .union(all: true, branches)
        register(node, table: addTable(node.id, query), ports: outputs)
    }

    /// Whether a node reads `node`'s generated key port.
    static func readsGeneratedKey(of node: Node, _ spec: UnpivotSpec, in pipeline: Pipeline) -> Bool {
        guard let key = spec.keyPort?.uppercased() else { return false }
        return pipeline.nodes.contains { consumer in
            consumer.ports.contains { $0.source?.node == node.id && $0.source?.port.uppercased() == key }
        }
    }

    /// The Normalizer's input rows numbered in the order they arrive, from the generated key's first
    /// value (the key port's stored `SEQUENCE_GENERATOR_VALUE`, else 1, the runtime's
    /// `normalizerFirstKey`): `ROW_NUMBER() OVER (order) + first - 1`, reference §2.11 (every
    /// occurrence of an input row shares its key). Refused where SQL does not know the order.
    mutating func numberedInput(_ node: Node, _ key: String, _ input: SQLRelation) throws(SQLPushdownRefusal)
        -> (table: String, column: String)
    {
        guard let keys = input.order.keys, let order = orderings(keys), dialect.supportsWindowFunctions else {
            throw refusal(
                SQLPipelineDiagnostics.rowOrder, node,
                "normalizer '\(node.id)' numbers its input rows in generated key '\(key)' in the order they arrive, "
                    + "which SQL does not know: \(input.order.why ?? "SQL cannot number them")",
                fix: "sort the rows on a unique key before the normalizer, leave the generated key unconnected, or "
                    + "keep this path in the runtime")
        }
        let stored = node.storedKeyValue(of: key)
        let first = stored ?? 1
        // No statement numbers 2^48 rows: a first key that far below the largest bigint cannot pass
        // it (the runtime stops the run there; SQLite would go on in floating point).
        guard first > Int64.min, first <= Int64.max - (1 << 48) else {
            throw refusal(
                SQLPipelineDiagnostics.rowOrder, node,
                "normalizer '\(node.id)' starts its generated key '\(key)' at \(first), too near the ends of the "
                    + "bigint range", fix: "keep this path in the runtime")
        }
        var names = Set(input.columns.values.map { $0.uppercased() })
        let column = Self.uniqueName("\(node.id)_KEY", taken: &names)
        let number = SQLExpression.window(.function(name: "ROW_NUMBER", arguments: []), partitionBy: [], orderBy: order)
        let value = first == 1 ? number : .binary(.add, number, .literal(.integer(first - 1)))
        let numbered = SQLSelect(
            items: [SQLSelectItem(.star(table: input.table.name)), SQLSelectItem(value, as: column)], from: input.from()
        )
        return (addTable("\(node.id)_ROWS", .select(numbered)), column)
    }
}
