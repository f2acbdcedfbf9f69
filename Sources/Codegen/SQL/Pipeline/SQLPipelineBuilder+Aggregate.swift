import IR

extension SQLPipelineBuilder {
    /// The aggregate functions lowered: the same name in SQL, NULLs ignored, no value → NULL
    /// (COUNT: 0), as the runtime's accumulator computes them.
    static let aggregateFunctions: Set<String> = ["SUM", "COUNT", "MIN", "MAX", "AVG"]

    /// An Aggregator with plain group-by keys, plain aggregates and literals; an input/output port that is
    /// not a key (the "last row" value) is refused. Without keys (or with only keys no connector
    /// feeds) and with an empty input the runtime writes no row, so `HAVING COUNT(*) > 0` is added.
    mutating func lowerAggregate(_ node: Node, _ spec: AggregateSpec) throws(SQLPushdownRefusal) {
        let inputs = node.inputPorts
        let input = try inputRelation(of: node, ports: inputs.filter { $0.source != nil })
        try checkInputTypes(node, inputs)
        let values = columns(of: inputs, in: input)
        let keys = Set(spec.groupBy.map { $0.uppercased() })
        var groupBy: [SQLExpression] = []
        for key in spec.groupBy {
            guard let port = node.port(named: key), port.roles.contains(.input), let value = values[key.uppercased()]
            else {
                throw aggregateRefusal(node, nil, "group-by port '\(key)' is not an input port")
            }
            try checkExactKey(port, node)
            groupBy.append(value)
        }
        if try hasNestedAggregate(node) {
            return try lowerNestedAggregate(node, spec, input: input, values: values, groupBy: groupBy)
        }
        // A key no connector feeds is NULL on every row: it splits no group, and SQL refuses a
        // constant in GROUP BY (PostgreSQL: "non-integer constant"; an integer would name a
        // column). Without any other key, the rows still form groups only when there are rows.
        let grouping = groupBy.filter { !$0.isNullConstant }
        var items: [SQLSelectItem] = []
        var lastRow: SQLLastRow?
        for port in node.outputPorts {
            if port.roles.contains(.input), keys.contains(port.name.uppercased()) {
                items.append(SQLSelectItem(values[port.name.uppercased()] ?? .literal(.null), as: port.name))
            } else if let value = try lastRowValue(port, of: node, values: values) {
                if lastRow == nil { lastRow = try lastRows(of: node, input, groupBy: grouping, port: port) }
                let flag = SQLExpression.binary(
                    .equal, .column(table: nil, name: lastRow?.flag ?? ""), .literal(.integer(1)))
                let picked = SQLExpression.function(
                    name: "MAX", arguments: [.caseWhen(branches: [SQLWhen(flag, then: value)], otherwise: nil)])
                items.append(SQLSelectItem(picked, as: port.name))
            } else {
                items.append(SQLSelectItem(try aggregateValue(port, of: node, values: values), as: port.name))
            }
        }
        let having: SQLExpression? =
            grouping.isEmpty && (spec.emptyInputYieldsNoRow || !groupBy.isEmpty)
            ? .binary(
                .greater, .function(name: "COUNT", arguments: [.star(table: nil)]), .literal(.integer(0))) : nil
        let from = lastRow.map { SQLFromItem.table(SQLTableName($0.table), alias: nil) } ?? input.from()
        let select = SQLSelect(items: items, from: from, groupBy: grouping, having: having)
        register(
            node, table: addTable(node.id, .select(select)), ports: node.outputPorts,
            order: groupOrder(node, spec))
    }

    /// Refuses an input port that receives values of another type, unless only the precision differs
    /// (strings, decimals of one scale) or every value fits unchanged: the runtime's Aggregator groups
    /// and aggregates the values it receives unconverted (a mutated export summed strings in an
    /// integer port: PostgreSQL refused `sum(text)`, SQLite summed the text its own way).
    func checkInputTypes(_ node: Node, _ inputs: [Port]) throws(SQLPushdownRefusal) {
        guard context.analysis.receivesOtherTypes(node) else { return }
        for port in inputs {
            guard let ref = port.source, let from = sourceType(ref), from != port.type,
                !Self.differsInPrecisionOnly(from, port.type), fitting(from: from, to: port.type, node) != .unchanged
            else { continue }
            throw refusal(
                SQLPipelineDiagnostics.portConversion, node,
                "port '\(port.name)' of '\(node.id)' is \(port.type.canonicalName) and receives \(from.canonicalName) "
                    + "values, which the runtime groups and aggregates unconverted; SQL would read them its own way",
                fix: "give the port the type of the values it receives, or keep this path in the runtime",
                location: port.provenance.location, path: port.provenance.path)
        }
    }

    /// One aggregate port: `F(argument)` with F one of ``aggregateFunctions``.
    func aggregateValue(_ port: Port, of node: Node, values: [String: SQLExpression]) throws(SQLPushdownRefusal)
        -> SQLExpression
    {
        guard let text = port.expression?.text, !text.trimmingSpaces().isEmpty else {
            throw aggregateRefusal(node, port, "port '\(port.name)' has no expression")
        }
        let (expression, source) = try typed(text, of: node, at: port.provenance, resultType: port.type)
        if Self.isLiteral(expression) {
            let value = try lowered(expression, source, columns: values, of: node)
            return try fit(value, from: expression.type ?? port.type, to: port.type, node, port)
        }
        let value = try aggregateCall(expression, source, text: text, of: node, port, values: values)
        return try fit(value, from: expression.type ?? port.type, to: port.type, node, port)
    }

    /// The SQL of one plain aggregate call `F(argument [, condition])` written in `port`.
    func aggregateCall(
        _ expression: Expr, _ source: ExpressionSource, text: String, of node: Node, _ port: Port,
        values: [String: SQLExpression]
    ) throws(SQLPushdownRefusal) -> SQLExpression {
        guard case .call(let name, let arguments) = expression.kind, Self.aggregateFunctions.contains(name),
            arguments.count == 1 || arguments.count == 2
        else {
            throw aggregateRefusal(
                node, port, "port '\(port.name)' computes '\(text)', not one plain SUM, COUNT, MIN, MAX or AVG")
        }
        if arguments.contains(where: Self.containsAggregate) {
            throw aggregateRefusal(
                node, port,
                "port '\(port.name)' nests aggregate functions more than one level deep, or in a condition ('\(text)')")
        }
        let argument = arguments[0]
        var sqlArgument: SQLExpression
        if case .star = argument.kind {
            // COUNT(*, condition) counts the rows whose condition is true.
            sqlArgument = arguments.count == 2 ? .literal(.integer(1)) : .star(table: nil)
        } else {
            sqlArgument = try lowered(argument, source, columns: values, of: node)
            try checkExactAggregate(name, argument.type, node, port)
            sqlArgument = try orderedArgument(name, sqlArgument, argument.type, node, port)
        }
        if arguments.count == 2 {
            // A conditional aggregate (reference §2.4, case 39) leaves out the rows whose condition
            // is FALSE or NULL: the CASE gives them NULL, which every aggregate ignores, and an
            // all-NULL group gives NULL (COUNT 0), as the runtime does.
            let condition = try lowered(arguments[1], source, columns: values, of: node, condition: true)
            sqlArgument = .caseWhen(branches: [SQLWhen(condition, then: sqlArgument)], otherwise: nil)
        }
        return .function(name: name, arguments: [sqlArgument])
    }

    /// The argument of MIN or MAX ordered as the runtime orders it: strings by code point, decimals
    /// by number (SQLite's text decimals would give MAX('999', '1000') = '999'); refused where the
    /// dialect cannot. Other functions' arguments are returned as they are.
    func orderedArgument(
        _ name: String, _ argument: SQLExpression, _ type: DataType?, _ node: Node, _ port: Port
    ) throws(SQLPushdownRefusal) -> SQLExpression {
        guard name == "MIN" || name == "MAX", let type else { return argument }
        guard let ordered = runtimeOrder(argument, type) else {
            throw aggregateRefusal(
                node, port, "\(name) over \(type.canonicalName) in port '\(port.name)' is not exact in \(dialect.name)")
        }
        return ordered
    }

    /// Whether `expression` calls an aggregate function anywhere.
    static func containsAggregate(_ expression: Expr) -> Bool {
        switch expression.kind {
        case .call(let name, let arguments):
            return FunctionCatalog.entry(named: name)?.isAggregate == true
                || arguments.contains(where: containsAggregate)
        case .unary(_, let operand): return containsAggregate(operand)
        case .binary(_, let left, let right): return containsAggregate(left) || containsAggregate(right)
        default: return false
        }
    }

    /// Whether `expression` is a literal, the same in every group (`'HOME'`, `0`, `NULL`).
    static func isLiteral(_ expression: Expr) -> Bool {
        switch expression.kind {
        case .string, .number, .null: true
        default: false
        }
    }

    /// Refuses sums and means the dialect computes inexactly (minima and maxima are ordered as the
    /// runtime orders them, or refused, where they are lowered: ``runtimeOrder(_:_:)``).
    func checkExactAggregate(_ name: String, _ type: DataType?, _ node: Node, _ port: Port) throws(SQLPushdownRefusal) {
        guard let type else { return }
        // The dialect is asked last: a sum of integers is exact in every dialect, and a lowering
        // that did not ask stands for dialects that differ in this alone.
        let inexactSum =
            (name == "SUM" || name == "AVG") && SQLPipelineBuilder.integerDigits(type) == nil
            && !dialect.hasExactDecimals
        let inexactMean = name == "AVG" && type == .bigInteger
        if inexactSum || inexactMean {
            throw aggregateRefusal(
                node, port, "\(name) over \(type.canonicalName) in port '\(port.name)' is not exact in \(dialect.name)")
        }
    }

    /// Refuses a string group-by key where the dialect compares strings differently.
    func checkExactKey(_ port: Port, _ node: Node) throws(SQLPushdownRefusal) {
        guard port.type.isString, !dialect.comparesStringsExactly else { return }
        throw aggregateRefusal(node, port, "\(dialect.name) groups strings ignoring case or trailing blanks")
    }

    func aggregateRefusal(_ node: Node, _ port: Port?, _ why: String) -> SQLPushdownRefusal {
        refusal(
            SQLPipelineDiagnostics.aggregatePort, node, "aggregator '\(node.id)': \(why)",
            fix: "keep this path in the runtime, or make the port a group-by key or a plain aggregate",
            location: port?.provenance.location, path: port?.provenance.path)
    }
}
