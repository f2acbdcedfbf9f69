extension SQLPrinter {
    /// `INSERT INTO t (…) query ON CONFLICT (keys) DO UPDATE SET …` (`DO NOTHING` without assignments).
    func print(_ upsert: SQLInsertOnConflict) -> String {
        let list = upsert.columns.map(dialect.identifier).joined(separator: ", ")
        let keys = upsert.keys.map(dialect.identifier).joined(separator: ", ")
        let action =
            upsert.update.isEmpty
            ? "DO NOTHING" : "DO UPDATE SET " + upsert.update.map(print).joined(separator: ",\n    ")
        return "INSERT INTO \(name(upsert.table)) (\(list))\n" + print(insertable(upsert.query), indent: "")
            + "\nON CONFLICT (\(keys)) " + action
    }

    /// `UPDATE t SET … FROM …` in the dialect's form of a joined update.
    func print(_ update: SQLUpdateFrom) -> String {
        let source = "(\n  " + print(update.source, indent: "  ") + "\n)"
        let alias = (dialect.tableAliasKeyword ? " AS " : " ") + dialect.identifier(update.sourceAlias)
        let sets = "SET " + update.set.map(print).joined(separator: ",\n    ")
        let from: String
        switch dialect.updateFromStyle ?? .fromClause {
        case .fromClause: from = "FROM " + source + alias
        case .joinedFrom:
            from = "FROM " + name(update.table) + ", " + source + " " + dialect.identifier(update.sourceAlias)
        }
        return ["UPDATE " + name(update.table), sets, from, "WHERE " + print(update.on)].joined(separator: "\n")
    }
}
