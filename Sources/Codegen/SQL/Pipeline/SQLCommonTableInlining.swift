/// Rewrites a query's common tables as derived tables (`FROM (query) AS name`), for dialects
/// that do not accept `WITH` where the statement needs it. Each reference gets its own copy;
/// the queries are deterministic, so the rows are the same.
enum SQLCommonTableInlining {
    /// `query` without `WITH`: every reference to one of its common tables replaced by the table's
    /// query.
    static func inline(_ query: SQLQuery) -> SQLQuery {
        guard case .select(var select) = query, !select.with.isEmpty else { return query }
        var definitions: [String: SQLQuery] = [:]
        for table in select.with {
            definitions[table.name] = inline(table.query, definitions)
        }
        select.with = []
        return inline(.select(select), definitions)
    }

    private static func inline(_ query: SQLQuery, _ definitions: [String: SQLQuery]) -> SQLQuery {
        switch query {
        case .select(var select):
            select.from = select.from.map { inline($0, definitions) }
            return .select(select)
        case .union(let all, let parts):
            return .union(all: all, parts.map { inline($0, definitions) })
        }
    }

    private static func inline(_ item: SQLFromItem, _ definitions: [String: SQLQuery]) -> SQLFromItem {
        switch item {
        case .table(let name, let alias):
            guard name.schema == nil, let query = definitions[name.name] else { return item }
            return .subquery(query, alias: alias ?? name.name)
        case .subquery(let query, let alias):
            return .subquery(inline(query, definitions), alias: alias)
        case .join(let left, let kind, let right, let on):
            return .join(inline(left, definitions), kind, inline(right, definitions), on: on)
        case .verbatim: return item
        }
    }
}
