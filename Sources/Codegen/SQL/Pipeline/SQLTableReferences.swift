/// The table names (upper case) a query reads in its `FROM` clauses and subqueries, its own
/// `WITH` tables' included; a verbatim text's names are not looked into (it reads the database's
/// tables, never a common table: ``SQLPipelineBuilder/commonTableNameRead(by:)``).
enum SQLTableReferences {
    /// The names `select` reads.
    static func of(_ select: SQLSelect) -> Set<String> {
        var names: Set<String> = []
        collect(select, into: &names)
        return names
    }

    /// Of `tables` (in dependency order), the ones `names` need, directly or through each other,
    /// in their order.
    static func needed(_ tables: [SQLCommonTable], by names: Set<String>) -> [SQLCommonTable] {
        var wanted = names
        var keep = [Bool](repeating: false, count: tables.count)
        for index in tables.indices.reversed() where wanted.contains(tables[index].name.uppercased()) {
            keep[index] = true
            collect(tables[index].query, into: &wanted)
        }
        return tables.indices.filter { keep[$0] }.map { tables[$0] }
    }

    static func collect(_ query: SQLQuery, into names: inout Set<String>) {
        switch query {
        case .select(let select): collect(select, into: &names)
        case .union(_, let queries): for query in queries { collect(query, into: &names) }
        }
    }

    static func collect(_ select: SQLSelect, into names: inout Set<String>) {
        for table in select.with { collect(table.query, into: &names) }
        if let from = select.from { collect(from, into: &names) }
        for item in select.items { collect(item.expression, into: &names) }
        if let filter = select.filter { collect(filter, into: &names) }
        for value in select.groupBy { collect(value, into: &names) }
        if let having = select.having { collect(having, into: &names) }
        for ordering in select.orderBy { collect(ordering.expression, into: &names) }
    }

    static func collect(_ from: SQLFromItem, into names: inout Set<String>) {
        switch from {
        case .table(let table, _): names.insert(table.name.uppercased())
        case .subquery(let query, _): collect(query, into: &names)
        case .join(let left, _, let right, let on):
            collect(left, into: &names)
            collect(right, into: &names)
            if let on { collect(on, into: &names) }
        case .verbatim: break
        }
    }

    static func collect(_ expression: SQLExpression, into names: inout Set<String>) {
        switch expression {
        case .subquery(let query), .exists(let query, _): collect(query, into: &names)
        default: expression.forEachChild { collect($0, into: &names) }
        }
    }
}
