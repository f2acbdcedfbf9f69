import IR

/// Writes the rows of one target as the runtime's writer would (reference §2.13, §2.14): each
/// row's effective kind (the session's "Treat source rows as", or the update strategy's when data
/// driven) and the target options choose insert, update, upsert or delete; rejected rows are not
/// written. One statement per operation, filtered on the row kind; key-based operations need the
/// target's primary-key ports and a proof that no two rows share a key (``SQLKeyUniqueness``),
/// since the runtime applies rows in order and `MERGE` refuses a target row matched twice.
struct SQLTargetWriter {
    let context: SQLPipelineContext
    let node: Node
    let spec: TargetSpec
    let rows: SQLTargetRows
    let options: SQLTargetWriteOptions

    var dialect: any SQLDialect { context.dialect }

    /// The statements writing the rows, in one transaction when there are several and the
    /// dialect has transactions (with unique keys their order does not change the result).
    func statements(_ table: SQLTableName) throws(SQLPushdownRefusal) -> [SQLStatement] {
        let operations = codesByOperation()
        if operations.keys.contains(where: { $0 == .insert || $0 == .upsert }) { try checkUnconnectedNullRefusals() }
        var statements: [SQLStatement] = []
        if operations.keys.contains(where: \.needsKeys) {
            let keys = try keyColumns(needsValues: operations.keys.contains { $0 == .update || $0 == .upsert })
            let write = SQLKeyedWrite(table: table, keys: keys, values: valueColumns(keys), dialect: dialect)
            for (operation, codes) in operations.sorted(by: { $0.key < $1.key }) {
                statements += try write.statements(
                    operation, source: source(codes, operation), columns: rows.columns, node)
            }
            if statements.count > 1 { try checkTargetNotRead(table) }
        } else if let codes = operations[.insert] {
            try checkNoOtherKeyedLoad()
            try checkInsertedKeysUnique()
            statements.append(.insert(table, columns: rows.columns, .select(source(codes, .insert))))
        }
        guard statements.count > 1, dialect.transactionKeywords != nil else { return statements }
        return [.beginTransaction] + statements + [.commitTransaction]
    }

    /// The kind codes each operation writes; a code absent from every list is not written.
    func codesByOperation() -> [SQLWriteOperation: [Int]] {
        let session = context.lowering.treatRowsAs
        let info = rows.rowKind
        var result: [SQLWriteOperation: [Int]] = [:]
        let possible: [Int]
        switch info?.kind {
        case .constant(let code): possible = [code]
        case .column(_, let codes): possible = codes
        case nil: possible = [0]
        }
        for code in possible {
            // An update strategy drops rejected rows it does not forward, in every session mode.
            if code == 3, info?.forwardRejected == false { continue }
            let effective: Int
            switch session {
            case .insert: effective = 0
            case .update: effective = 1
            case .delete: effective = 2
            case .dataDriven: effective = code
            }
            if let operation = options.operation(forKind: effective) { result[operation, default: []].append(code) }
        }
        return result
    }

    /// The target's rows whose kind is one of `codes` that `operation` can write (without a NULL
    /// the table refuses, ``keepingNullRefusals(for:)``).
    func source(_ codes: [Int], _ operation: SQLWriteOperation) -> SQLSelect {
        var select = rows.select
        var conditions: [SQLExpression] = []
        if case .column(let name, _) = rows.rowKind?.kind {
            let column = SQLExpression.column(table: nil, name: name)
            conditions.append(
                codes.count == 1
                    ? .binary(.equal, column, .literal(.integer(Int64(codes[0]))))
                    : .inList(column, codes.map { .literal(.integer(Int64($0))) }, negated: false))
        }
        if let kept = keepingNullRefusals(for: operation) { conditions.append(kept) }
        select.filter = SQLExpression.all(conditions)
        return select
    }

    /// The primary-key columns; refuses when there are none, one is not connected, every column
    /// is a key (the runtime then has no update statement), a string key compares differently in
    /// the dialect, or two rows may share a key.
    func keyColumns(needsValues: Bool) throws(SQLPushdownRefusal) -> [String] {
        let inputs = node.inputPorts
        let keys = inputs.filter { $0.key == .primary || $0.key == .primaryForeign }
        guard !keys.isEmpty else { throw writeRefusal("has no primary-key ports to write by") }
        if let loose = keys.first(where: { $0.source == nil }) {
            throw writeRefusal("key port '\(loose.name)' is not connected")
        }
        if needsValues, valueColumns(keys.map(\.name)).isEmpty {
            throw writeRefusal("has no connected non-key port, nothing to update")
        }
        if let text = keys.first(where: \.type.isString), !dialect.comparesStringsExactly {
            throw writeRefusal(
                "key port '\(text.name)' is a string, which \(dialect.name) compares ignoring case or blanks")
        }
        guard provesUnique(keys) else {
            throw writeRefusal(
                "may receive two rows with the same key (\(keys.map { "'\($0.name)'" }.joined(separator: ", "))), "
                    + "which the runtime applies in order and SQL cannot",
                fix: "keep this path in the runtime, or aggregate by the key ports before the target")
        }
        return keys.map(\.name)
    }

    /// Whether the rows are proved unique on `keys`, the target's key ports (``SQLKeyUniqueness``,
    /// trusting a source's primary key when `sourceKeys`), their values kept distinct into the ports.
    func provesUnique(_ keys: [Port], sourceKeys: Bool = false) -> Bool {
        var uniqueness = SQLKeyUniqueness(nodes: context.nodes)
        uniqueness.sourceKeys = sourceKeys
        return uniqueness.proves(keys.compactMap(\.source)) && keys.allSatisfy { uniqueness.upstreamFits($0) }
    }

    /// The columns an update sets: the connected non-key ports (§2.20: "SET all connected non-key
    /// columns"); an unconnected column keeps its value.
    func valueColumns(_ keys: [String]) -> [String] {
        node.inputPorts.filter { !keys.contains($0.name) && $0.source != nil }.map(\.name)
    }

    /// Refuses inserts into a table with a primary key that another target of the mapping loads
    /// too: the runtime rejects, one row at a time, a row whose key the other load wrote (§2.22);
    /// an `INSERT` of such a row would fail as a whole.
    func checkNoOtherKeyedLoad() throws(SQLPushdownRefusal) {
        guard node.ports.contains(where: { $0.key == .primary || $0.key == .primaryForeign }) else { return }
        let name = spec.table.uppercased()
        for other in context.pipeline.nodes where other.id != node.id {
            guard case .target(let target) = other.op, target.flatFile == nil, target.table.uppercased() == name
            else { continue }
            throw writeRefusal(
                "inserts into table '\(spec.table)', whose primary key target '\(other.id)' also loads: the runtime "
                    + "rejects a row whose key the other load wrote, one row at a time, where an INSERT would fail "
                    + "as a whole")
        }
    }

    /// Refuses inserts into a table with a primary key when two rows may hold one key: the
    /// runtime inserts the first and its database rejects the others, one row at a time, where an
    /// `INSERT` fails as a whole. Rows are proved unique on the key as for writes by key, or as a
    /// relational source's primary key passed on. (A key the table already holds fails the
    /// `INSERT` too; what the table holds is not in the export.)
    func checkInsertedKeysUnique() throws(SQLPushdownRefusal) {
        let keys = node.inputPorts.filter { $0.key == .primary || $0.key == .primaryForeign }
        guard !keys.isEmpty else { return }
        guard !provesUnique(keys, sourceKeys: true) else { return }
        throw writeRefusal(
            "may receive two rows with the same key (\(keys.map { "'\($0.name)'" }.joined(separator: ", "))), "
                + "of which the runtime inserts the first and its database rejects the others, one row at a time, "
                + "where an INSERT fails as a whole",
            fix: "keep this path in the runtime, or aggregate by the key ports before the target")
    }

    /// Refuses several statements when the pipeline reads the target table: a later statement
    /// would read what an earlier one wrote.
    func checkTargetNotRead(_ table: SQLTableName) throws(SQLPushdownRefusal) {
        let name = table.name.uppercased()
        for other in context.pipeline.nodes {
            var read: String?
            if case .source(let source) = other.op { read = source.table }
            if case .lookup(let lookup) = other.op { read = lookup.table }
            if read?.uppercased() == name {
                throw writeRefusal("is read by '\(other.id)', and its write takes several statements")
            }
        }
    }

    func writeRefusal(_ why: String, fix: String = "keep this path in the runtime") -> SQLPushdownRefusal {
        SQLPushdownRefusal(
            node: node.id,
            diagnostic: SQLPipelineDiagnostics.writeModeNotLowered(
                "target '\(node.id)' \(why)", at: node.provenance.location, path: node.provenance.path, notes: [],
                fix: fix))
    }
}

extension SQLKeyUniqueness {
    /// Whether the target key port `port` keeps its source's values distinct.
    func upstreamFits(_ port: Port) -> Bool {
        guard let source = port.source else { return false }
        return widens(source, to: port.type)
    }
}
