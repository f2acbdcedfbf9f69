extension SQLPrinter {
    /// A `SELECT` with its clauses, one per line, each line after the first prefixed by `indent`,
    /// appended to `text`.
    func write(_ select: SQLSelect, indent: String, to text: inout String) {
        let newLine = "\n" + indent
        if !select.with.isEmpty {
            text += "WITH\n"
            for (index, table) in select.with.enumerated() {
                if index > 0 { text += ",\n" }
                text += indent + "  " + dialect.identifier(table.name) + " AS (\n" + indent + "    "
                write(table.query, indent: indent + "    ", to: &text)
                text += newLine + "  )"
            }
            text += newLine
        }
        text += "SELECT"
        if dialect.limitStyle == .top, let limit = select.limit { text += " TOP \(limit)" }
        if select.distinct { text += " DISTINCT" }
        if select.items.isEmpty { text += newLine + "  " }
        for (index, item) in select.items.enumerated() {
            text += select.items.count == 1 ? " " : index == 0 ? newLine + "  " : "," + newLine + "  "
            text += print(item)
        }
        if let from = select.from {
            text += newLine + "FROM "
            write(from, indent: indent, to: &text)
        }
        if let filter = select.filter { text += newLine + "WHERE " + print(filter) }
        if !select.groupBy.isEmpty {
            text += newLine + "GROUP BY " + select.groupBy.map(print).joined(separator: ", ")
        }
        if let having = select.having { text += newLine + "HAVING " + print(having) }
        if !select.orderBy.isEmpty { text += newLine + "ORDER BY " + orderList(select.orderBy) }
        if let limit = select.limit {
            switch dialect.limitStyle {
            case .limit: text += newLine + "LIMIT \(limit)"
            case .fetchFirst: text += newLine + "FETCH FIRST \(limit) ROWS ONLY"
            case .top: break
            }
        }
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

    private func write(_ from: SQLFromItem, indent: String, to text: inout String) {
        switch from {
        case .table(let table, let alias):
            text += name(table) + (alias.map(aliasClause) ?? "")
        case .subquery(let query, let alias):
            text += "(\n" + indent + "  "
            write(query, indent: indent + "  ", to: &text)
            text += "\n" + indent + ")" + aliasClause(alias)
        case .join(let left, .comma, let right, _):
            write(left, indent: indent, to: &text)
            text += ", "
            write(right, indent: indent, to: &text)
        case .join(let left, let kind, let right, let on):
            write(left, indent: indent, to: &text)
            text += "\n" + indent + kind.rawValue + " "
            write(right, indent: indent, to: &text)
            if let on { text += " ON " + print(on) }
        case .verbatim(let verbatim, let alias, let columns):
            text += printVerbatim(verbatim, alias: alias, columns: columns, indent: indent)
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
