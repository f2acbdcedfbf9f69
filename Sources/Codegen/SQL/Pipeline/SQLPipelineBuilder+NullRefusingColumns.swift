import IR

/// Target columns that refuse NULL.
///
/// A relational target's column declared NOT NULL, or part of its primary key, makes the
/// database refuse a row holding NULL there. PowerCenter's writer then rejects that row alone
/// (reference §2.20, §2.22: a database error rejects the row, which goes to the reject file) and
/// loads the others, as the runtime does; one `INSERT … SELECT` would fail as a whole. So the
/// statements that write values (insert, update, upsert) leave such rows out
/// (`WHERE column IS NOT NULL`), and the pushdown report says so (CG2091): the rows are not
/// written to a reject file. A delete writes no value and is not filtered.
///
/// A column whose value is known never to be NULL needs no condition: one passed on unchanged from
/// a relational source's field declared NOT NULL or primary key, through a source qualifier with
/// no SQL of its own and one source, and any Filter, Sorter, Router, Update Strategy, Transaction
/// Control, Aggregator or Expression port passing it on (``SQLKeyUniqueness/upstreamRef(of:in:)``:
/// a group-by port, a port taking a row's value, a Router group's `ID1 = ID`; not a string cut
/// shorter), or a Union whose every input mapped to the port is such a value; and a port computing
/// a number or a string that is not empty.
///
/// A column that refuses NULL and is not connected gets the table's default, which the export
/// does not hold, or makes the database reject every row: such a target is not inserted into by
/// SQL (``SQLTargetWriter/checkUnconnectedNullRefusals()``).
///
/// A session that stops after some errors (`Stop on errors`) counts each rejected row, which SQL
/// cannot: there the statement is left as it was, and fails as a whole where the database refuses
/// a row.
extension SQLPipelineBuilder {
    /// Whether the database refuses NULL in `port`, a target's column.
    static func refusesNull(_ port: Port) -> Bool {
        port.nullable == false || port.key == .primary || port.key == .primaryForeign
    }

    /// Whether the values of `ref` are never NULL (see the extension's comment); false when not known.
    func isNeverNull(_ ref: PortRef, depth: Int = 0) -> Bool {
        // A chain of passed-on ports is at most as long as the pipeline has nodes.
        guard depth <= context.pipeline.nodes.count, let node = context.nodes[ref.node],
            let port = node.port(named: ref.port)
        else { return false }
        switch node.op {
        case .sourceQuery(let spec):
            guard spec.sqlOverride == nil, spec.join == nil, spec.sources.count == 1, let field = port.source,
                let column = context.nodes[field.node]?.port(named: field.port)
            else { return false }
            return Self.refusesNull(column)
        case .filter, .sort, .route, .setRowKind, .project, .transactionControl, .aggregate:
            if let text = port.expression?.text, !port.roles.contains(.input), let tree = context.analysis.parsed(text)
            {
                switch tree.kind {
                // A number, or a string that is not empty (Oracle reads '' as NULL).
                case .number: return true
                case .string(let value): return !value.isEmpty
                default: break
                }
            }
            guard let source = SQLKeyUniqueness(nodes: context.nodes).upstreamRef(of: port, in: node) else {
                return false
            }
            return isNeverNull(source, depth: depth + 1)
        case .union(let spec):
            // Each input port mapped to the output, in a group that receives rows.
            let inputs = spec.mappings.filter { $0.output.uppercased() == port.name.uppercased() }.compactMap {
                node.port(named: $0.input)
            }
            let fed = inputs.filter { input in
                node.ports.contains { $0.group == input.group && $0.roles.contains(.input) && $0.source != nil }
            }
            return !fed.isEmpty
                && fed.allSatisfy { input in input.source.map { isNeverNull($0, depth: depth + 1) } ?? false }
        default:
            return false
        }
    }
}

extension SQLTargetWriter {
    /// The condition keeping the rows `operation` may write without the database refusing one
    /// (nil when none is needed): each value of a column refusing NULL is not NULL.
    func keepingNullRefusals(for operation: SQLWriteOperation) -> SQLExpression? {
        guard operation != .delete, context.lowering.stopOnErrors == 0 else { return nil }
        return SQLExpression.all(rows.refusingNull.map { .isNull($0.value, negated: true) })
    }

    /// Refuses inserts into a table with a column that refuses NULL and is not connected: each
    /// row then gets the table's default, which the export does not hold, or the database rejects
    /// it, one row at a time, where an `INSERT` would fail as a whole.
    func checkUnconnectedNullRefusals() throws(SQLPushdownRefusal) {
        let loose = node.inputPorts.filter { $0.source == nil && SQLPipelineBuilder.refusesNull($0) }
        guard !loose.isEmpty else { return }
        let names = loose.map { "'\($0.name)'" }.joined(separator: ", ")
        throw writeRefusal(
            "declares \(names) NOT NULL but does not connect \(loose.count == 1 ? "it" : "them"): each row inserted "
                + "gets the table's default, which the export does not hold, or the database rejects it, one row at a "
                + "time, where an INSERT would fail as a whole",
            fix: "keep this target in the runtime, or connect the column")
    }

    /// The note saying which rows the statements leave out (CG2091), when some may be.
    func nullRefusalNote(_ operations: some Collection<SQLWriteOperation>) -> Diagnostic? {
        guard !rows.refusingNull.isEmpty, context.lowering.stopOnErrors == 0,
            operations.contains(where: { $0 != .delete })
        else { return nil }
        let columns = rows.refusingNull.map { "'\($0.column)'" }.joined(separator: ", ")
        return SQLPipelineDiagnostics.nullRefusingColumns(
            "target '\(node.id)' declares \(columns) NOT NULL: a row with NULL there is left out, as PowerCenter's "
                + "database rejects it, and is not written to a reject file",
            at: node.provenance.location, path: node.provenance.path,
            fix: "to keep such rows, keep this target in the runtime, which writes its rejected rows to a reject file")
    }
}
