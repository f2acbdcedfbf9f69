/// Which columns of a statement's common tables the statement needs: those its select list
/// reads, directly or through the columns of later common tables that it needs, and those read
/// by any clause a database evaluates for every row (`WHERE`, `JOIN … ON`, `GROUP BY`, `HAVING`,
/// `ORDER BY`, a `DISTINCT` list). A database computes a common table's column only when the
/// statement needs it (PostgreSQL, SQLite and DuckDB inline common tables and drop the others), so
/// a value that can stop the statement (``SQLDialect/failure(_:)``) in a column not needed is never
/// computed.
///
/// Column references resolve by the table or alias that qualifies them, else to every table of
/// the `FROM` clause. A column of a derived table, or one read inside a sub-query, counts as
/// needed wherever its name appears.
struct SQLColumnLiveness {
    /// The needed columns (upper-case names) of each common table (upper-case name).
    private(set) var needed: [String: Set<String>] = [:]
    /// The common tables read with `*` (every column needed).
    private(set) var whole: Set<String> = []
    /// Column names read where no table can be told (sub-queries), upper case.
    private var anywhere: Set<String> = []

    /// The needed columns of the common tables of `select`, the statement's query.
    init(_ select: SQLSelect) {
        self.init()
        // The statement's own query: every column it selects is written.
        mark(select, items: select.items.map(\.expression))
        for table in select.with.reversed() {
            let name = table.name.uppercased()
            mark(table.query, outputs: whole.contains(name) ? nil : needed[name] ?? [])
        }
    }

    /// Whether the statement needs `column` of common table `table`.
    func needs(_ table: String, _ column: String) -> Bool {
        let name = table.uppercased()
        let key = column.uppercased()
        return whole.contains(name) || needed[name]?.contains(key) == true || anywhere.contains(key)
    }

    /// Marks what `query` reads when `outputs` of its columns are needed (nil: all of them).
    private mutating func mark(_ query: SQLQuery, outputs: Set<String>?) {
        switch query {
        case .select(let select):
            var wanted: [SQLExpression] = []
            for item in select.items where select.distinct || (outputs.map { $0.contains(Self.name(of: item)) } ?? true)
            {
                wanted.append(item.expression)
            }
            mark(select, items: wanted)
        case .union(_, let queries):
            // A union's columns are its first query's names, by position in every query.
            guard case .select(let first)? = queries.first else {
                for query in queries { mark(query, outputs: nil) }
                return
            }
            let positions = Set(
                first.items.indices.filter { index in
                    outputs.map { $0.contains(Self.name(of: first.items[index])) } ?? true
                })
            for query in queries {
                guard case .select(let select) = query else {
                    mark(query, outputs: nil)
                    continue
                }
                let items = select.items.indices.filter { positions.contains($0) || select.distinct }
                mark(select, items: items.map { select.items[$0].expression })
            }
        }
    }

    /// Marks the columns `items` and every clause of `select` read.
    private mutating func mark(_ select: SQLSelect, items: [SQLExpression]) {
        let tables = Self.tables(select.from)
        for item in items { mark(item, tables) }
        for item in items {
            guard case .star(let table) = item else { continue }
            for name in table.map({ [tables[$0.uppercased()] ?? $0.uppercased()] }) ?? Array(tables.values) {
                whole.insert(name)
            }
        }
        if let filter = select.filter { mark(filter, tables) }
        for value in select.groupBy { mark(value, tables) }
        if let having = select.having { mark(having, tables) }
        for ordering in select.orderBy { mark(ordering.expression, tables) }
        if let from = select.from { markJoins(from, tables) }
    }

    /// Marks the `ON` conditions of `from` and the whole of its derived tables.
    private mutating func markJoins(_ from: SQLFromItem, _ tables: [String: String]) {
        switch from {
        case .join(let left, _, let right, let on):
            markJoins(left, tables)
            markJoins(right, tables)
            if let on { mark(on, tables) }
        case .subquery(let query, _): mark(query, outputs: nil)
        case .table, .verbatim: break
        }
    }

    /// Marks the columns `expression` reads, resolved through `tables` (alias or name to table).
    private mutating func mark(_ expression: SQLExpression, _ tables: [String: String]) {
        switch expression {
        case .column(let table, let name):
            let key = name.uppercased()
            if let table {
                needed[tables[table.uppercased()] ?? table.uppercased(), default: []].insert(key)
            } else {
                for target in Set(tables.values) { needed[target, default: []].insert(key) }
            }
        case .subquery(let query), .exists(let query, _): markAnywhere(query)
        default: expression.forEachChild { mark($0, tables) }
        }
    }

    /// Marks every column name read anywhere in `query`, whatever table it belongs to.
    private mutating func markAnywhere(_ query: SQLQuery) {
        var inner = SQLColumnLiveness()
        inner.mark(query, outputs: nil)
        anywhere.formUnion(inner.needed.values.joined())
        anywhere.formUnion(inner.anywhere)
    }

    private init() {}

    /// The tables of `from` by the name or alias that qualifies their columns (upper case).
    private static func tables(_ from: SQLFromItem?) -> [String: String] {
        var result: [String: String] = [:]
        func collect(_ item: SQLFromItem) {
            switch item {
            case .table(let table, let alias):
                result[(alias ?? table.name).uppercased()] = table.name.uppercased()
            case .subquery(_, let alias): result[alias.uppercased()] = "\u{1}" + alias.uppercased()
            case .join(let left, _, let right, _):
                collect(left)
                collect(right)
            case .verbatim: break
            }
        }
        if let from { collect(from) }
        return result
    }

    /// The name a select item gives its column (upper case).
    static func name(of item: SQLSelectItem) -> String {
        if let alias = item.alias { return alias.uppercased() }
        if case .column(_, let name) = item.expression { return name.uppercased() }
        return ""
    }
}
