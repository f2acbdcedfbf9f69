import IR

extension SQLPipelineBuilder {
    /// A Normalizer (reference §2.11), as the runtime's: each input row gives one row per occurrence
    /// (a NULL occurrence included), the repeated columns taking that occurrence's input, GCID the
    /// occurrence number 1...occurs: a `UNION ALL` of one `SELECT` per occurrence. The generated key
    /// (GK) numbers input rows in arrival order, which SQL does not define, so a Normalizer whose GK
    /// port is read downstream stays in the runtime.
    mutating func lowerNormalizer(_ node: Node, _ spec: UnpivotSpec) throws(SQLPushdownRefusal) {
        if let key = spec.keyPort,
            context.pipeline.nodes.contains(where: { consumer in
                consumer.ports.contains {
                    $0.source?.node == node.id && $0.source?.port.uppercased() == key.uppercased()
                }
            })
        {
            throw refusal(
                SQLPipelineDiagnostics.operatorNotLowered, node,
                "normalizer '\(node.id)' numbers its input rows in generated key '\(key)', in an order SQL does not define",
                fix: "keep this path in the runtime, or leave the generated key unconnected")
        }
        let inputs = node.inputPorts
        let input = try inputRelation(of: node, ports: inputs.filter { $0.source != nil })
        let values = columns(of: inputs, in: input)
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
                } else if spec.indexPorts.contains(where: { $0.uppercased() == name }) {
                    value = .literal(.integer(Int64(occurrence + 1)))
                } else if let text = port.expression?.text, let passed = values[text.uppercased()] {
                    value = passed
                } else {
                    value = values[name] ?? .literal(.null)
                }
                return SQLSelectItem(value, as: port.name)
            }
            branches.append(.select(SQLSelect(items: items, from: input.from())))
        }
        let query = branches.count == 1 ? branches[0] : .union(all: true, branches)
        register(node, table: addTable(node.id, query), ports: outputs)
    }
}
