import IR

extension SQLPipelineBuilder {
    /// A source qualifier over relational sources: the query PowerCenter sends to the source
    /// database (reference §2.1), `SELECT [DISTINCT] column AS port FROM table, … WHERE (join) AND
    /// (filter)` or the SQL override. SQL text is trusted text from the export, emitted verbatim
    /// only in the dialect of the sources' database, with its parameters substituted
    /// (``verbatimText(_:_:of:_:origin:_:)``). Pre SQL and Post SQL, which run once per session on
    /// the source connection, are refused.
    mutating func lowerSourceQuery(_ node: Node, _ spec: SourceQuerySpec) throws(SQLPushdownRefusal) {
        let override = sourceQueryText("Sql Query", of: node, spec.sqlOverride)
        let join = sourceQueryText("User Defined Join", of: node, spec.join)
        let filter = sourceQueryText("Source Filter", of: node, spec.filter)
        let ports = node.ports.filter { $0.roles.contains(.output) && $0.source != nil }
        let file = flatFileSource(of: ports)
        var texts = [("pre-SQL", spec.preSQL), ("post-SQL", spec.postSQL)]
        if file != nil {
            texts += [("SQL override", override), ("user-defined join", join), ("source filter", filter)]
        }
        for (what, text) in texts {
            guard let text, !text.trimmingSpaces().isEmpty else { continue }
            let why = file == nil ? ", which runs once per session on the source connection" : " over a flat file"
            throw refusal(
                SQLPipelineDiagnostics.sourceSQL, node,
                "source qualifier '\(node.id)' has a \(what)\(why); raw SQL text is not lowered",
                fix: "keep this path in the runtime, or move the \(what) into transformations")
        }
        if let file { return try lowerFlatFileSource(node, spec, file, ports: ports) }
        let sources = try relationalSources(node, spec, ports: ports)
        if let override { return try lowerSourceOverride(node, override, sources: sources) }
        try lowerGeneratedSourceQuery(node, spec, ports: ports, sources: sources, join: join, filter: filter)
    }

    /// An Expression transformation: its input relation's columns carried through (so later
    /// nodes may read ports of both), then its own ports. Each distinct `:LKP` call joins its
    /// lookup's rows to the input (``replacingLookupCalls(in:_:of:values:calls:)``). Variable ports
    /// that carry values from row to row read common tables of previous values and counters
    /// (``SQLVariablePlan``).
    mutating func lowerProject(_ node: Node) throws(SQLPushdownRefusal) {
        let defaults = try inputDefaults(node)
        let inputs = context.analysis.inputs(of: node)
        var input = try inputRelation(of: node, ports: inputs.filter { $0.source != nil })
        var plan = try variablePlan(node, input: input)
        if plan != nil, Self.callsLookups(node), let (variable, _) = context.analysis.staleVariable(of: node) {
            throw variableRefusal(node, variable, "carries a value from row to row beside :LKP calls")
        }
        let alias = Self.callsLookups(node) ? Self.lookupCallInput : nil
        var values = columns(of: inputs, in: input, alias: alias)
        // The runtime converts each value an Expression receives to its input port's type (a
        // longer string is cut), before an input default replaces a NULL.
        let converted = try convertInputs(&values, inputs, of: node)
        let kept = Self.applying(defaults, to: &values)
        if plan != nil, kept != nil, let (variable, _) = context.analysis.staleVariable(of: node) {
            throw variableRefusal(
                node, variable, "carries a value from row to row beside an input whose default value rejects rows")
        }
        if var known = plan {
            nameStateColumns(&known, node, input)
            for (name, column) in known.previousColumns { values[name] = .column(table: nil, name: column) }
            plan = known
        }
        var calls = SQLLookupCallJoins()
        // Rows whose integer ports would leave their types, which the runtime rejects.
        var checks: [SQLExpression] = []
        // Variable ports are computed in port order (G13: inputs, variables in order, outputs): each
        // one's SQL replaces its name in the ports computed after it.
        for variable in node.ports where variable.roles.contains(.variable) {
            let name = variable.name.uppercased()
            if let counter = plan?.counters[name] {
                values[name] = try counterValue(counter, variable, of: node, values: values, plan: &plan)
                continue
            }
            let value = try projectValue(variable, of: node, values: &values, calls: &calls)
            if let check = try integerRangeCheck(variable, of: node, value) { checks.append(check) }
            if plan?.previous.contains(name) == true { plan?.lagged[name] = value }
            values[name] = value
        }
        // A variable whose value the runtime rejects is not stored for the next row, while SQL's
        // row-to-row state would keep it; an output port's rejection leaves the variables stored.
        if plan != nil, !checks.isEmpty, let (variable, _) = context.analysis.staleVariable(of: node) {
            throw variableRefusal(
                node, variable, "carries a value from row to row beside an integer variable that can reject rows")
        }
        if let plan { input.table = SQLTableName(stateTables(plan, node, input)) }
        let own = node.outputPorts
        var (items, carried) = Self.carriedColumns(
            of: input, besides: own, alias: alias, changed: Set(defaults.keys).union(converted))
        for port in own {
            let value = try projectValue(port, of: node, values: &values, calls: &calls)
            if let check = try integerRangeCheck(port, of: node, value) { checks.append(check) }
            items.append(SQLSelectItem(value, as: port.name))
        }
        let from = calls.from(input.from(alias: alias))
        let order = carryOrder(of: input, into: &items, alias: alias, for: node)
        let condition = SQLExpression.all((kept.map { [$0] } ?? []) + checks)
        let table = addTable(node.id, .select(SQLSelect(items: items, from: from, filter: condition)))
        register(node, table: table, ports: own, order: order)
        relations[Self.key(node.id, "")]?.columns.merge(carried, uniquingKeysWith: { own, _ in own })
    }

    /// The columns of `input` a passive transformation (one output row per input row, in its
    /// row) carries through besides its own ports `own`, so that later nodes may read ports of
    /// both: the select items (read through `alias` when given) and the column of each carried
    /// port. An input/output port that passes a column on unchanged carries it under its name.
    static func carriedColumns(
        of input: SQLRelation, besides own: [Port], alias: String? = nil, changed: Set<String> = []
    ) -> (items: [SQLSelectItem], carried: [PortRef: String]) {
        var carried = passedThrough(own, input, changed: changed)
        var items: [SQLSelectItem] = []
        var names = Set(own.map { $0.name.uppercased() })
        for (ref, column) in input.columns.sorted(by: { $0.value < $1.value }) where carried[ref] == nil {
            let name = uniqueName(column, taken: &names)
            items.append(SQLSelectItem(.column(table: alias, name: column), as: name))
            carried[ref] = name
        }
        return (items, carried)
    }

    /// The input relation's columns an input/output port passes on unchanged, by the port they
    /// came from: later nodes read them under the port's name. A port whose default value
    /// replaces NULL (named, upper case, in `changed`) passes on another value.
    static func passedThrough(_ ports: [Port], _ input: SQLRelation, changed: Set<String> = []) -> [PortRef: String] {
        var result: [PortRef: String] = [:]
        for port in ports where port.roles.contains(.input) && !changed.contains(port.name.uppercased()) {
            guard let ref = port.source, input.columns[ref] != nil, result[ref] == nil else { continue }
            result[ref] = port.name
        }
        return result
    }

    /// The value of an output port: its input's value, or its expression converted to its type
    /// (NULL when blank, as the runtime does). A Router's output port passes its input's value on
    /// unconverted, as the runtime does (`converts` false), even when its type differs.
    func outputValue(
        _ port: Port, of node: Node, values: [String: SQLExpression], converts: Bool = true
    ) throws(SQLPushdownRefusal) -> SQLExpression {
        if port.roles.contains(.input) { return values[port.name.uppercased()] ?? .literal(.null) }
        guard let text = port.expression?.text, !text.trimmingSpaces().isEmpty else { return .literal(.null) }
        let (expression, source) = try typed(text, of: node, at: port.provenance, resultType: port.type)
        let value = try lowered(expression, source, columns: values, of: node)
        guard converts else { return value }
        return try fit(value, from: expression.type ?? port.type, to: port.type, node, port)
    }

    /// A Filter: the rows whose condition is true (NULL and 0 are false).
    mutating func lowerFilter(_ node: Node, _ spec: FilterSpec) throws(SQLPushdownRefusal) {
        let inputs = context.analysis.inputs(of: node)
        let input = try inputRelation(of: node, ports: inputs.filter { $0.source != nil })
        let values = columns(of: inputs, in: input)
        let (expression, source) = try typed(spec.condition.text, of: node, at: node.provenance)
        let condition = try lowered(expression, source, columns: values, of: node, condition: true)
        let ports = node.outputPorts
        var items = ports.map { SQLSelectItem(values[$0.name.uppercased()] ?? .literal(.null), as: $0.name) }
        let order = carryOrder(of: input, into: &items, for: node)
        let select = SQLSelect(items: items, from: input.from(), filter: condition)
        register(node, table: addTable(node.id, .select(select)), ports: ports, order: order)
    }

    /// One output group of a Router: the rows whose group condition is true; the default group
    /// takes the rows for which no condition is true (NULL counts as not true).
    mutating func lowerRoute(_ node: Node, _ spec: RouteSpec, group: String) throws(SQLPushdownRefusal) {
        let inputs = node.ports.filter { $0.group == spec.inputGroup && $0.roles.contains(.input) }
        let input = try inputRelation(of: node, ports: inputs.filter { $0.source != nil })
        let values = columns(of: inputs, in: input)
        var conditions: [String: SQLExpression] = [:]
        for routeGroup in spec.groups {
            guard let text = routeGroup.condition?.text else { continue }
            let (expression, source) = try typed(text, of: node, at: node.provenance)
            conditions[routeGroup.name] = try lowered(expression, source, columns: values, of: node, condition: true)
            // The runtime computes every group's condition and rejects the row where one fails, from
            // every group; a group's statement computes its own condition only (the default group's
            // computes them all before it takes a row).
            if group != spec.defaultGroup, routeGroup.name != group, Lowering.canFail(expression) {
                throw refusal(
                    SQLPipelineDiagnostics.expressionNotLowered, node,
                    "the condition of group '\(routeGroup.name)' of router '\(node.id)' can reject rows, which the "
                        + "runtime then sends to no group; the statement of group '\(group)' does not compute it",
                    fix: "keep this path in the runtime")
            }
        }
        let filter: SQLExpression?
        if group == spec.defaultGroup {
            let some = spec.groups.compactMap { conditions[$0.name] }.map { SQLWhen($0, then: .literal(.integer(1))) }
            filter =
                some.isEmpty
                ? nil
                : .binary(.equal, .caseWhen(branches: some, otherwise: .literal(.integer(0))), .literal(.integer(0)))
        } else if let condition = conditions[group] {
            filter = condition
        } else {
            throw refusal(
                SQLPipelineDiagnostics.operatorNotLowered, node,
                "router '\(node.id)' has no condition for group '\(group)'", fix: "give the group a condition")
        }
        let ports = node.ports.filter { $0.group == group && $0.roles.contains(.output) }
        var items: [SQLSelectItem] = []
        for port in ports {
            items.append(SQLSelectItem(try outputValue(port, of: node, values: values, converts: false), as: port.name))
        }
        let order = carryOrder(of: input, into: &items, for: node)
        let select = SQLSelect(items: items, from: input.from(), filter: filter)
        register(
            node, group: group, table: addTable("\(node.id)_\(group)", .select(select)), ports: ports, order: order)
    }

    /// A Sorter: its DISTINCT decides the rows; its keys decide the order later transformations
    /// receive them in (``sortOrder(_:_:input:)``), which only those that depend on it use (there
    /// is no ORDER BY inside a common table).
    mutating func lowerSort(_ node: Node, _ spec: SortSpec) throws(SQLPushdownRefusal) {
        let input = try inputRelation(of: node, ports: node.inputPorts.filter { $0.source != nil })
        let values = columns(of: node.inputPorts, in: input)
        let ports = node.outputPorts
        if spec.distinct, ports.contains(where: \.type.isString), !spec.caseSensitive || !dialect.comparesStringsExactly
        {
            throw refusal(
                SQLPipelineDiagnostics.operatorNotLowered, node,
                "sorter '\(node.id)' removes duplicates comparing strings differently from \(dialect.name)",
                fix: "keep this path in the runtime")
        }
        var items = ports.map { SQLSelectItem(values[$0.name.uppercased()] ?? .literal(.null), as: $0.name) }
        let order = sortOrder(node, spec, input: input, items: &items)
        let select = SQLSelect(distinct: spec.distinct, items: items, from: input.from())
        register(node, table: addTable(node.id, .select(select)), ports: ports, order: order)
    }
}
