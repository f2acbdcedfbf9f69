import IR

/// The order in which the runtime receives a relation's rows, as far as SQL can reproduce it.
///
/// SQL has no row order, but a few transformations depend on it: a Sequence Generator numbers
/// rows as they arrive, an Aggregator port that is neither a key nor an aggregate takes the last
/// row's value, a variable port carries a value from one row to the next. Where PowerCenter
/// defines the order, it is a list of sort keys over the relation's columns on which no two rows
/// tie, so `ROW_NUMBER() OVER (ORDER BY keys)` numbers the rows as they arrive. Where it does not
/// (a table read without sorted ports, a Joiner's output), the reason says why, and whatever
/// depends on the order stays in the runtime.
enum SQLRowOrder: Hashable {
    /// Sort keys on which no two rows tie, most significant first.
    case defined([SQLRowOrderKey])
    /// Why the order is not known to SQL.
    case undefined(String)
    /// A transformation (`node`, of kind `kind`) that passes rows on in an order SQL does not
    /// reproduce; the reason is written only when asked for (most relations never need it).
    case lost(node: String, kind: String)
    /// A source qualifier without sorted ports: the database's order.
    case unsorted(sourceQualifier: String)

    /// The keys, when the order is defined.
    var keys: [SQLRowOrderKey]? {
        if case .defined(let keys) = self { return keys }
        return nil
    }

    /// Why the order is not known, when it is not.
    var why: String? {
        switch self {
        case .defined: nil
        case .undefined(let reason): reason
        case .lost(let node, let kind):
            "\(SQLPipelineBuilder.article(kind)) \(kind) transformation ('\(node)') passes rows on in an order SQL "
                + "does not reproduce"
        case .unsorted(let node):
            "source qualifier '\(node)' reads rows in the database's order (it has no sorted ports)"
        }
    }
}

/// One sort key of a ``SQLRowOrder``: a column of the relation's table, compared as the runtime
/// compares values of `type` (``SQLPipelineBuilder/runtimeOrder(_:_:)``).
struct SQLRowOrderKey: Hashable {
    /// The column of the relation's table.
    var column: String
    /// The type of its values.
    var type: DataType
    /// Descending.
    var descending: Bool
    /// Where NULLs go (a key that holds no NULL has `.unspecified`).
    var nulls: SQLOrdering.Nulls
}

extension SQLPipelineBuilder {
    /// The `ORDER BY` of `order`'s keys, their columns read through `alias` (nil when one cannot be
    /// ordered as the runtime orders it in this dialect).
    func orderings(_ keys: [SQLRowOrderKey], alias: String? = nil) -> [SQLOrdering]? {
        var result: [SQLOrdering] = []
        for key in keys {
            guard let value = runtimeOrder(.column(table: alias, name: key.column), key.type) else { return nil }
            result.append(SQLOrdering(value, descending: key.descending, nulls: key.nulls))
        }
        return result
    }

    /// The order of `node`'s table selecting `items` from `input` (through `alias`): `input`'s
    /// order, each key column read under the name an item already selects it as, else added to
    /// `items` under a fresh name. The order survives any transformation that passes rows on one
    /// for one or drops some (Expression, Filter, Router group). Nothing is added where no later
    /// transformation depends on the order (``SQLPipelineAnalysis/orderKeepers``).
    func carryOrder(
        of input: SQLRelation, into items: inout [SQLSelectItem], alias: String? = nil, for node: Node
    ) -> SQLRowOrder {
        guard context.analysis.orderKeepers.contains(node.id) else { return Self.unused }
        guard let keys = input.order.keys else { return input.order }
        var taken = Set(
            items.compactMap { item -> String? in
                if let alias = item.alias { return alias.uppercased() }
                if case .column(_, let name) = item.expression { return name.uppercased() }
                return nil
            })
        var carried: [SQLRowOrderKey] = []
        for key in keys {
            var moved = key
            let source = SQLExpression.column(table: alias, name: key.column)
            if let item = items.first(where: { $0.expression == source }) {
                moved.column = item.alias ?? key.column
            } else {
                moved.column = Self.uniqueName(key.column, taken: &taken)
                items.append(SQLSelectItem(source, as: moved.column))
            }
            carried.append(moved)
        }
        return .defined(carried)
    }

    /// The order of a node whose order no later transformation depends on.
    static let unused = SQLRowOrder.undefined("no later transformation depends on the order")

    /// The order in which a source qualifier over relational sources returns rows: PowerCenter adds
    /// `ORDER BY` the first "Number Of Sorted Ports" output ports (reference §2.1), which the
    /// database sorts; that order is defined when the keys cover the primary key of the one source
    /// read, and reproducible in SQL when every key is an integer without NULLs (the database's
    /// collation and NULL placement then play no part).
    func sourceOrder(
        _ node: Node, _ spec: SourceQuerySpec, sources: [(node: Node, table: SourceSpec)], selected: [Port]
    )
        -> SQLRowOrder
    {
        let subject = "source qualifier '\(node.id)'"
        guard spec.sortedPorts > 0 else {
            return .unsorted(sourceQualifier: node.id)
        }
        guard sources.count == 1, let source = sources.first?.node else {
            return .undefined("\(subject) joins \(sources.count) sources, so its sorted ports may tie")
        }
        let primary = Set(
            source.outputPorts.filter { $0.key == .primary || $0.key == .primaryForeign }.map { $0.name.uppercased() })
        guard !primary.isEmpty else {
            return .undefined("'\(source.id)' has no primary key, so rows sorted by \(subject) may tie")
        }
        // The runtime orders by the first sorted ports by position; once they cover the primary key
        // no two rows tie, and the ports after it change nothing.
        var keys: [SQLRowOrderKey] = []
        var covered: Set<String> = []
        for port in node.ports.filter({ $0.roles.contains(.output) }).prefix(spec.sortedPorts) {
            guard covered != primary else { break }
            // A port no source field feeds is NULL on every row: it orders nothing.
            guard let ref = port.source else { continue }
            guard let field = source.port(named: ref.port), selected.contains(where: { $0.name == port.name }) else {
                return .undefined("\(subject) sorts by '\(port.name)', which its query does not select")
            }
            let isKey = field.key == .primary || field.key == .primaryForeign
            // The query orders the source's column, before any conversion to the port's type.
            guard Self.integerDigits(field.type) != nil, isKey || field.nullable == false else {
                return .undefined(
                    "\(subject) sorts by '\(port.name)', which is not an integer without NULLs, so the database's "
                        + "collation or NULL placement decides the order")
            }
            if isKey { covered.insert(field.name.uppercased()) }
            keys.append(SQLRowOrderKey(column: port.name, type: field.type, descending: false, nulls: .unspecified))
        }
        guard covered == primary else {
            return .undefined(
                "\(subject)'s sorted ports do not cover the primary key of '\(source.id)', so rows may tie")
        }
        return .defined(keys)
    }
}

extension SQLPipelineBuilder {
    /// The order a Sorter emits rows in (reference §2.8): its keys, NULL greatest by default
    /// ("Null Treated Low" makes it least), each ascending or descending, strings by code point;
    /// the runtime's sort is stable, so rows that tie keep their input's order, whose keys follow
    /// (added to `items`). With Distinct every port is a key and no two rows tie. Undefined when
    /// the sorter compares strings without case, a key is not ordered in SQL as in the runtime,
    /// or rows may tie and the input's order is undefined.
    func sortOrder(_ node: Node, _ spec: SortSpec, input: SQLRelation, items: inout [SQLSelectItem]) -> SQLRowOrder {
        let subject = "sorter '\(node.id)'"
        var names = spec.keys.map(\.port)
        if spec.distinct {
            for port in node.outputPorts where !names.contains(where: { $0.uppercased() == port.name.uppercased() }) {
                names.append(port.name)
            }
        }
        var keys: [SQLRowOrderKey] = []
        for name in names {
            guard let port = node.outputPorts.first(where: { $0.name.uppercased() == name.uppercased() }) else {
                return .undefined("\(subject) sorts by '\(name)', which is not one of its output ports")
            }
            guard spec.caseSensitive || !port.type.isString else {
                return .undefined("\(subject) compares strings without case")
            }
            guard runtimeOrder(.column(table: nil, name: port.name), port.type) != nil else {
                return .undefined(
                    "\(subject) sorts by '\(port.name)', which \(dialect.name) does not order as the runtime")
            }
            let descending = spec.keys.first { $0.port.uppercased() == name.uppercased() }?.descending ?? false
            // NULL high: last ascending, first descending.
            let nullsLast = (spec.nulls == .high) != descending
            keys.append(
                SQLRowOrderKey(
                    column: port.name, type: port.type, descending: descending, nulls: nullsLast ? .last : .first))
        }
        if spec.distinct { return .defined(keys) }
        let refs = spec.keys.compactMap { key in
            node.inputPorts.first { $0.name.uppercased() == key.port.uppercased() }?.source
        }
        if refs.count == spec.keys.count, SQLKeyUniqueness(nodes: context.nodes).proves(refs) { return .defined(keys) }
        guard case .defined = input.order else {
            return .undefined(
                "\(subject) keeps rows that tie on its keys in the order they arrive: \(input.order.why ?? "")")
        }
        let carried = carryOrder(of: input, into: &items, for: node)
        guard case .defined(let inputKeys) = carried else { return carried }
        return .defined(keys + inputKeys)
    }
}
