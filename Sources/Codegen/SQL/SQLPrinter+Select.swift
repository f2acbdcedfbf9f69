extension SQLPrinter {
    /// A `SELECT` with its clauses, one per line.
    func print(_ select: SQLSelect, indent: String) -> String {
        var lines: [String] = []
        if !select.with.isEmpty {
            let tables = select.with.map { table in
                "\(indent)  \(dialect.identifier(table.name)) AS (\n\(indent)    "
                    + print(table.query, indent: indent + "    ") + "\n\(indent)  )"
            }
            lines.append("WITH\n" + tables.joined(separator: ",\n"))
        }
        var head = "SELECT"
        if dialect.limitStyle == .top, let limit = select.limit { head += " TOP \(limit)" }
        if select.distinct { head += " DISTINCT" }
        let items = select.items.map(print)
        lines.append(
            items.count == 1
                ? head + " " + items[0] : head + "\n\(indent)  " + items.joined(separator: ",\n\(indent)  "))
        if let from = select.from { lines.append("FROM " + print(from, indent: indent)) }
        if let filter = select.filter { lines.append("WHERE " + print(filter)) }
        if !select.groupBy.isEmpty { lines.append("GROUP BY " + select.groupBy.map(print).joined(separator: ", ")) }
        if let having = select.having { lines.append("HAVING " + print(having)) }
        if !select.orderBy.isEmpty { lines.append("ORDER BY " + orderList(select.orderBy)) }
        if let limit = select.limit {
            switch dialect.limitStyle {
            case .limit: lines.append("LIMIT \(limit)")
            case .fetchFirst: lines.append("FETCH FIRST \(limit) ROWS ONLY")
            case .top: break
            }
        }
        return lines.joined(separator: "\n" + indent)
    }

    /// `ORDER BY` (or `OVER (… ORDER BY …)`) items; NULL placement is written out, or emulated
    /// with a leading `CASE WHEN x IS NULL …` key where the dialect has no `NULLS FIRST|LAST`.
    func orderList(_ items: [SQLOrdering]) -> String {
        items.map { item in
            let key = print(item.expression) + (item.descending ? " DESC" : "")
            switch item.nulls {
            case .unspecified: return key
            case .first, .last:
                let first = item.nulls == .first
                if dialect.supportsNullsOrdering { return key + (first ? " NULLS FIRST" : " NULLS LAST") }
                let flag = SQLExpression.caseWhen(
                    branches: [
                        SQLWhen(.isNull(item.expression, negated: false), then: .literal(.integer(first ? 0 : 1)))
                    ],
                    otherwise: .literal(.integer(first ? 1 : 0)))
                return print(flag) + ", " + key
            }
        }.joined(separator: ", ")
    }

    private func print(_ item: SQLSelectItem) -> String {
        let value = print(item.expression)
        guard let alias = item.alias else { return value }
        if case .column(_, let name) = item.expression, name == alias { return value }
        return value + " AS " + dialect.identifier(alias)
    }

    private func print(_ from: SQLFromItem, indent: String) -> String {
        switch from {
        case .table(let table, let alias):
            return name(table) + (alias.map(aliasClause) ?? "")
        case .subquery(let query, let alias):
            return "(\n\(indent)  " + print(query, indent: indent + "  ") + "\n\(indent))" + aliasClause(alias)
        case .join(let left, .comma, let right, _):
            return print(left, indent: indent) + ", " + print(right, indent: indent)
        case .join(let left, let kind, let right, let on):
            var text = print(left, indent: indent) + "\n\(indent)\(kind.rawValue) " + print(right, indent: indent)
            if let on { text += " ON " + print(on) }
            return text
        case .verbatim(let text, let alias, let columns):
            return printVerbatim(text, alias: alias, columns: columns, indent: indent)
        }
    }

    func aliasClause(_ alias: String) -> String {
        (dialect.tableAliasKeyword ? " AS " : " ") + dialect.identifier(alias)
    }

    /// `MERGE INTO … USING (…) … WHEN MATCHED … WHEN NOT MATCHED …`.
    func print(_ merge: SQLMerge) -> String {
        var lines = [
            "MERGE INTO " + name(merge.target) + aliasClause(merge.targetAlias),
            "USING (\n  " + print(merge.source, indent: "  ") + "\n)" + aliasClause(merge.sourceAlias),
            "ON " + print(merge.on),
        ]
        if !merge.update.isEmpty {
            let sets = merge.update.map { "\(dialect.identifier($0.column)) = \(print($0.value))" }
            lines.append("WHEN MATCHED THEN UPDATE SET " + sets.joined(separator: ", "))
        }
        if !merge.insert.isEmpty {
            let columns = merge.insert.map { dialect.identifier($0.column) }.joined(separator: ", ")
            let values = merge.insert.map { print($0.value) }.joined(separator: ", ")
            lines.append("WHEN NOT MATCHED THEN INSERT (\(columns)) VALUES (\(values))")
        }
        return lines.joined(separator: "\n")
    }
}
