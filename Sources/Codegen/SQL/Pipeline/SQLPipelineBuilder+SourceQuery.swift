import IR

extension SQLPipelineBuilder {
    /// A source qualifier's SQL text as the runtime reads it: the session's attribute `name`, else
    /// the mapping's, else the spec's `fallback`; nil when blank.
    func sourceQueryText(_ name: String, of node: Node, _ fallback: String?) -> String? {
        let session = context.lowering.session?.nodes.first { $0.node == node.id }?.attributes
        let value =
            session?.first { $0.name == name }?.value ?? node.attributes.first { $0.name == name }?.value ?? fallback
        return value.flatMap { $0.trimmingSpaces().isEmpty ? nil : $0 }
    }

    /// The relational sources a source qualifier reads, in order: its associated sources (all
    /// of them are in PowerCenter's FROM), else the sources its ports come from. Refuses a flat
    /// file among them, a port fed by another node, and a table read twice.
    func relationalSources(_ node: Node, _ spec: SourceQuerySpec, ports: [Port]) throws(SQLPushdownRefusal)
        -> [(node: Node, table: SourceSpec)]
    {
        func refuse(_ why: String) -> SQLPushdownRefusal {
            refusal(
                SQLPipelineDiagnostics.sourceSQL, node, "source qualifier '\(node.id)' \(why)",
                fix: "keep this path in the runtime")
        }
        var ids = spec.sources
        let fed = ports.compactMap { $0.source?.node }
        if ids.isEmpty {
            for id in fed where !ids.contains(id) { ids.append(id) }
        } else if let stray = fed.first(where: { !ids.contains($0) }) {
            throw refuse("reads ports of '\(stray)', which is not one of its sources")
        }
        var sources: [(node: Node, table: SourceSpec)] = []
        for id in ids {
            guard let source = context.nodes[id], case .source(let table) = source.op, table.flatFile == nil else {
                throw refuse("reads '\(id)', which is not a relational source")
            }
            guard !sources.contains(where: { $0.table.table.uppercased() == table.table.uppercased() }) else {
                throw refuse("reads table '\(table.table)' twice, which its generated query cannot name apart")
            }
            sources.append((source, table))
        }
        guard !sources.isEmpty else { throw refuse("reads no relational source") }
        return sources
    }

    /// The database the source qualifier's text runs on: its sources' (one type for all).
    func sourceOrigin(_ sources: [(node: Node, table: SourceSpec)]) -> SQLTextOrigin {
        let types = Set(sources.map { $0.table.database ?? "" })
        let names = sources.map { "'\($0.node.id)'" }.joined(separator: ", ")
        guard types.count == 1 else {
            return SQLTextOrigin(owner: "sources \(names), of several database types", database: nil)
        }
        let owner = sources.count == 1 ? "source \(names)" : "sources \(names)"
        return SQLTextOrigin(owner: owner, database: sources[0].table.database)
    }

    /// PowerCenter's generated query, `SELECT [DISTINCT] column AS port FROM table1, table2
    /// WHERE (join) AND (filter)`, each column converted from its source field's type to its port's
    /// as the runtime converts it (``fit(_:from:to:_:_:)``, which refuses what SQL does not convert
    /// exactly); several sources need a user-defined join (without one
    /// PowerCenter joins them by the key relationships of their definitions, which the IR does
    /// not keep). The texts are verbatim (``verbatimText(_:_:of:_:origin:_:)``).
    mutating func lowerGeneratedSourceQuery(
        _ node: Node, _ spec: SourceQuerySpec, ports: [Port], sources: [(node: Node, table: SourceSpec)],
        join: String?, filter: String?
    ) throws(SQLPushdownRefusal) {
        let subject = "source qualifier '\(node.id)'"
        if sources.count > 1, join == nil {
            throw refusal(
                SQLPipelineDiagnostics.sourceSQL, node,
                "\(subject) reads \(sources.count) sources without a user-defined join: PowerCenter joins them by "
                    + "the primary and foreign keys of their definitions, which the IR does not keep",
                fix: "give the source qualifier a user-defined join, or keep this path in the runtime")
        }
        if let join, join.contains("{") {
            throw refusal(
                SQLPipelineDiagnostics.sourceSQL, node,
                "\(subject) has a user-defined join in PowerCenter's '{… OUTER JOIN …}' syntax, which the "
                    + "Integration Service rewrites before sending it",
                fix: "keep this path in the runtime")
        }
        let origin = sourceOrigin(sources)
        var conditions: [SQLExpression] = []
        for (what, text) in [("user-defined join", join), ("source filter", filter)] {
            guard let text else { continue }
            conditions.append(
                .verbatim(
                    try verbatimText(text, what, of: subject, node, origin: origin, SQLPipelineDiagnostics.sourceSQL)))
        }
        // PowerCenter selects the ports connected downstream; only DISTINCT makes the others matter.
        let selected = spec.distinct ? connectedPorts(of: node).filter { $0.source != nil } : ports
        let qualified = sources.count > 1
        var items: [SQLSelectItem] = []
        for port in selected {
            let table = sources.first { $0.node.id == port.source?.node }?.table.table
            let column = SQLExpression.column(table: qualified ? table : nil, name: port.source?.port ?? port.name)
            // The runtime reads the source field's type and converts it to the port's (reference §2.1).
            let field = port.source.flatMap { sourceType($0) } ?? port.type
            let value = try fit(column, from: field, to: port.type, node, port)
            // The database removes duplicates from the values it reads; converted first, values
            // that differ only where a string is cut would become one row.
            if spec.distinct, value != column {
                throw refusal(
                    SQLPipelineDiagnostics.sourceSQL, node,
                    "\(subject) selects distinct rows, and converts port '\(port.name)' from \(field.canonicalName) "
                        + "to \(port.type.canonicalName) after the database removed duplicates",
                    fix: "keep this path in the runtime", location: port.provenance.location,
                    path: port.provenance.path)
            }
            items.append(SQLSelectItem(value, as: port.name))
        }
        let tables = sources.map { source in
            SQLFromItem.table(
                SQLTableName(schema: source.table.schema.flatMap { $0.isEmpty ? nil : $0 }, source.table.table),
                alias: nil)
        }
        let from = tables.dropFirst().reduce(tables[0]) { .join($0, .comma, $1, on: nil) }
        let filter = SQLExpression.all(conditions)
        let select = SQLSelect(distinct: spec.distinct, items: items, from: from, filter: filter)
        register(
            node, table: addTable(node.id, .select(select)), ports: selected,
            order: sourceOrder(node, spec, sources: sources, selected: selected))
    }

    /// A SQL override: `SELECT port … FROM (override) AS <node>_OVERRIDE (port, …)`, its columns
    /// mapped by position to the output ports connected downstream, in port order (reference
    /// §2.1); DISTINCT, sorted ports, join and filter are ignored, as PowerCenter ignores them.
    mutating func lowerSourceOverride(
        _ node: Node, _ text: String, sources: [(node: Node, table: SourceSpec)]
    ) throws(SQLPushdownRefusal) {
        let subject = "source qualifier '\(node.id)'"
        // Whether it can, not how (the printer spells it): ``SQLDialect/answer(_:)``.
        guard dialect.answer({ $0.derivedColumnNaming != .unsupported }) else {
            throw refusal(
                SQLPipelineDiagnostics.sourceSQL, node,
                "\(subject) has a SQL override, whose columns \(dialect.name) cannot rename by position",
                fix: "keep this path in the runtime")
        }
        let connected = connectedPorts(of: node)
        let override = try verbatimText(
            text, "SQL override", of: subject, node, origin: sourceOrigin(sources), SQLPipelineDiagnostics.sourceSQL)
        let names = connected.map(\.name)
        let select = SQLSelect(
            items: names.map { SQLSelectItem(.column(table: nil, name: $0)) },
            from: .verbatim(override, alias: "\(node.id)_OVERRIDE", columns: names))
        register(node, table: addTable(node.id, .select(select)), ports: connected)
    }

    /// The output ports of `node` that some node reads, in port order.
    func connectedPorts(of node: Node) -> [Port] {
        let read = context.analysis.portsRead(of: node.id)
        return node.ports.filter { $0.roles.contains(.output) && read.contains($0.name.uppercased()) }
    }
}
