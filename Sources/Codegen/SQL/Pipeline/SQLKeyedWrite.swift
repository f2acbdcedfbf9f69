import IR

/// The statements of one key-based operation on one table, in the dialect's terms
/// (reference/dialects.md §3.4): `MERGE`, `INSERT … ON CONFLICT`, `UPDATE … FROM` then
/// `INSERT … WHERE NOT EXISTS`, or delete-insert; deletes are `DELETE … WHERE EXISTS`.
/// The caller has proved the source rows unique on the keys.
struct SQLKeyedWrite {
    let table: SQLTableName
    let keys: [String]
    /// The columns an update sets: the connected non-key columns (§2.20).
    let values: [String]
    let dialect: any SQLDialect

    /// The source's alias, distinct from the table's name.
    var sourceAlias: String { table.name.uppercased() == "SRC" ? "SRC_ROWS" : "src" }
    /// The target's alias in `MERGE`.
    var targetAlias: String { table.name.uppercased() == "TGT" ? "TGT_ROWS" : "tgt" }

    /// The statements writing `source`'s rows with `operation`.
    func statements(
        _ operation: SQLWriteOperation, source: SQLSelect, columns: [String], _ node: Node
    ) throws(SQLPushdownRefusal) -> [SQLStatement] {
        let inlined = SQLCommonTableInlining.inline(.select(source))
        switch operation {
        case .insert:
            return [.insert(table, columns: columns, .select(source))]
        case .delete:
            return [.delete(table, filter: matching(inlined, table.name))]
        case .update:
            if dialect.supportsMerge && !dialect.mergeNeedsPrimaryIndex {
                return [.merge(merge(inlined, insert: []))]
            }
            guard dialect.updateFromStyle != nil else {
                throw refusal(node, "is updated by key, which is not lowered to \(dialect.name) (no MERGE on any key)")
            }
            return [.updateFrom(updateFrom(inlined))]
        case .upsert:
            return upsert(source, inlined, columns: columns)
        }
    }

    /// Update else insert: `ON CONFLICT`, `MERGE`, update then insert the missing keys, or
    /// (Teradata, whose `MERGE` needs the primary index) delete the keys then insert every row.
    func upsert(_ source: SQLSelect, _ inlined: SQLQuery, columns: [String]) -> [SQLStatement] {
        if dialect.supportsOnConflict {
            var select = source
            if select.filter == nil { select.filter = .binary(.equal, .literal(.integer(1)), .literal(.integer(1))) }
            let set = values.map {
                SQLAssignment($0, .column(table: "excluded", name: $0))
            }
            return [
                .insertOnConflict(
                    SQLInsertOnConflict(
                        table: table, columns: columns, query: .select(select), keys: keys, update: set))
            ]
        }
        if dialect.supportsMerge && !dialect.mergeNeedsPrimaryIndex {
            return [.merge(merge(inlined, insert: columns))]
        }
        if dialect.updateFromStyle != nil {
            let missing = SQLSelect(
                items: columns.map { SQLSelectItem(.column(table: sourceAlias, name: $0)) },
                from: .subquery(inlined, alias: sourceAlias),
                filter: .exists(.select(keyProbe(from: .table(table, alias: nil), table.name)), negated: true))
            return [.updateFrom(updateFrom(inlined)), .insert(table, columns: columns, .select(missing))]
        }
        return [
            .delete(table, filter: matching(inlined, table.name)),
            .insert(table, columns: columns, .select(source)),
        ]
    }

    /// `MERGE INTO table tgt USING (source) src ON keys …`, updating every non-key column and
    /// inserting `insert` columns when given.
    func merge(_ source: SQLQuery, insert: [String]) -> SQLMerge {
        SQLMerge(
            target: table, targetAlias: targetAlias, source: source, sourceAlias: sourceAlias,
            on: keysEqual(targetAlias), update: assignments(),
            insert: insert.map { SQLAssignment($0, .column(table: sourceAlias, name: $0)) })
    }

    func updateFrom(_ source: SQLQuery) -> SQLUpdateFrom {
        SQLUpdateFrom(
            table: table, set: assignments(), source: source, sourceAlias: sourceAlias, on: keysEqual(table.name))
    }

    /// Every connected non-key column set from the source.
    func assignments() -> [SQLAssignment] {
        values.map {
            SQLAssignment($0, .column(table: sourceAlias, name: $0))
        }
    }

    /// `EXISTS (SELECT 1 FROM (source) src WHERE target.k = src.k …)`.
    func matching(_ source: SQLQuery, _ target: String) -> SQLExpression {
        .exists(.select(keyProbe(from: .subquery(source, alias: sourceAlias), target)), negated: false)
    }

    /// `SELECT 1 FROM item WHERE target.k = src.k AND …`.
    func keyProbe(from item: SQLFromItem, _ target: String) -> SQLSelect {
        SQLSelect(items: [SQLSelectItem(.literal(.integer(1)))], from: item, filter: keysEqual(target))
    }

    /// `target.k1 = src.k1 AND …`.
    func keysEqual(_ target: String) -> SQLExpression {
        let pairs = keys.map { key in
            SQLExpression.binary(.equal, .column(table: target, name: key), .column(table: sourceAlias, name: key))
        }
        return pairs.dropFirst().reduce(pairs[0]) { .binary(.and, $0, $1) }
    }

    func refusal(_ node: Node, _ why: String) -> SQLPushdownRefusal {
        SQLPushdownRefusal(
            node: node.id,
            diagnostic: SQLPipelineDiagnostics.writeModeNotLowered(
                "target '\(node.id)' \(why)", at: node.provenance.location, path: node.provenance.path, notes: [],
                fix: "keep this path in the runtime"))
    }
}
