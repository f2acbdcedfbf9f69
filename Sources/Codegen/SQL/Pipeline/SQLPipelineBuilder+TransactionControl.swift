import IR

extension SQLPipelineBuilder {
    /// A Transaction Control (reference §2.15) whose condition can only continue or commit
    /// (`TC_CONTINUE_TRANSACTION`, `TC_COMMIT_BEFORE`, `TC_COMMIT_AFTER`): it changes where
    /// PowerCenter commits, not which rows a successful load leaves, so its rows pass on as they
    /// are and the statement commits once. A condition that may roll back rows (or whose value is
    /// not one of those constants) is refused, and so is any transaction control in a mapping with
    /// a flat-file target, where a commit can start a new output file.
    mutating func lowerTransactionControl(_ node: Node, _ spec: TransactionControlSpec) throws(SQLPushdownRefusal) {
        guard TransactionControlOutcomes.keepsEveryRow(spec.condition.text) else {
            throw refusal(
                SQLPipelineDiagnostics.operatorNotLowered, node,
                "transaction control '\(node.id)' has condition '\(spec.condition.text)', which may roll back rows "
                    + "or yields a value that is not a commit or continue constant",
                fix: "keep this path in the runtime")
        }
        let fileTarget = context.pipeline.nodes.first { other in
            if case .target(let target) = other.op { return target.flatFile != nil }
            return false
        }
        if let fileTarget {
            throw refusal(
                SQLPipelineDiagnostics.operatorNotLowered, node,
                "transaction control '\(node.id)' is in a mapping with flat-file target '\(fileTarget.id)', where a "
                    + "commit can start a new output file", fix: "keep this path in the runtime")
        }
        let input = try inputRelation(of: node, ports: node.inputPorts.filter { $0.source != nil })
        let values = columns(of: node.inputPorts, in: input)
        let ports = node.outputPorts
        let items = ports.map { SQLSelectItem(values[$0.name.uppercased()] ?? .literal(.null), as: $0.name) }
        register(node, table: addTable(node.id, .select(SQLSelect(items: items, from: input.from()))), ports: ports)
    }
}
