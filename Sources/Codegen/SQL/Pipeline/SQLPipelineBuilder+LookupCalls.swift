import IR

/// The `:LKP` calls of one Expression transformation, each lowered to a LEFT OUTER JOIN from the
/// node's input rows to the called lookup's ranked rows (one join per lookup and list of
/// arguments), in the order they are first met.
struct SQLLookupCallJoins {
    /// One join: the lookup rows' common table, its alias and the `ON` condition.
    struct Join {
        var table: String
        var alias: String
        var on: SQLExpression
    }

    /// The joins, in order.
    var joins: [Join] = []
    /// The reference standing for each call already joined, by lookup id and lowered arguments.
    var references: [SQLLookupCallKey: String] = [:]

    /// `input` with every join added, left-deep: a later join's condition may read an earlier
    /// one's column (a call whose argument is another call).
    func from(_ input: SQLFromItem) -> SQLFromItem {
        joins.reduce(input) { item, join in
            .join(item, .left, .table(SQLTableName(join.table), alias: join.alias), on: join.on)
        }
    }

    /// The name a rewritten expression reads a call's value through: no port can have it.
    static func reference(_ number: Int) -> String { ":LKP#\(number)" }
}

/// What makes two `:LKP` calls the same call: the lookup and the SQL of each argument.
struct SQLLookupCallKey: Hashable {
    var lookup: String
    var arguments: [SQLExpression]
}

extension SQLPipelineBuilder {
    /// The alias of the Expression's input relation when it calls lookups.
    static let lookupCallInput = "I"

    /// Whether any port of `node` may call an unconnected lookup (`:LKP.`).
    static func callsLookups(_ node: Node) -> Bool {
        node.ports.contains { $0.expression.map { mayCallLookup($0.text) } ?? false }
    }

    /// Whether expression text `text` holds `:LKP.` in any case.
    static func mayCallLookup(_ text: String) -> Bool {
        // Most texts hold no `:`, and no character upper-cases to one: those are not upper-cased.
        guard text.utf8.contains(UInt8(ascii: ":")) else { return false }
        return text.uppercased().contains(":LKP.")
    }

    /// The value of a variable or output port of an Expression, as ``outputValue(_:of:values:)``
    /// computes it, with each `:LKP.name(arguments)` call in it read from a join added to `calls`.
    mutating func projectValue(
        _ port: Port, of node: Node, values: inout [String: SQLExpression], calls: inout SQLLookupCallJoins
    ) throws(SQLPushdownRefusal) -> SQLExpression {
        guard !port.roles.contains(.input), let text = port.expression?.text, !text.trimmingSpaces().isEmpty,
            Self.mayCallLookup(text)
        else { return try outputValue(port, of: node, values: values) }
        let (expression, source) = try typed(text, of: node, at: port.provenance, resultType: port.type)
        let rewritten = try replacingLookupCalls(in: expression, source, of: node, values: &values, calls: &calls)
        let value = try lowered(rewritten, source, columns: values, of: node)
        return try fit(value, from: expression.type ?? port.type, to: port.type, node, port)
    }

    /// `expression` with every `:LKP` call (innermost first) replaced by a reference to the
    /// looked-up column, which `values` then maps.
    ///
    /// The call is computed for every row, also where an IIF would not evaluate it: the join is
    /// to rows ranked one per key (``rankedLookupRows(_:_:_:partitionBy:)``), so it keeps
    /// exactly one row per input row, and computing it raises no error (a lookup that could,
    /// "Report Error", is refused; lowered arguments raise none, as the expression lowering
    /// refuses what could), so no result changes.
    mutating func replacingLookupCalls(
        in expression: Expr, _ source: ExpressionSource, of node: Node, values: inout [String: SQLExpression],
        calls: inout SQLLookupCallJoins
    ) throws(SQLPushdownRefusal) -> Expr {
        var children: [Expr] = []
        for child in expression.children {
            children.append(try replacingLookupCalls(in: child, source, of: node, values: &values, calls: &calls))
        }
        var result = expression
        switch expression.kind {
        case .unary(let op, _): result.kind = .unary(op, children[0])
        case .binary(let op, _, _): result.kind = .binary(op, children[0], children[1])
        case .call(let name, _): result.kind = .call(name: name, arguments: children)
        case .external(.lookup, let name, _):
            let column = try lookupCallColumn(name, children, at: expression, source, of: node, values, &calls)
            result.kind = .reference(column.reference)
            values[column.reference] = column.value
        case .external(let kind, let name, _): result.kind = .external(kind, name: name, arguments: children)
        default: break
        }
        return result
    }

    /// The reference and value of the call `:LKP.name(arguments)` (arguments already rewritten),
    /// joined on first use: a cached lookup's NULL argument matches a NULL key; an uncached one's
    /// matches nothing (the runtime reads both into its cache, `nullKeysMatch` deciding).
    mutating func lookupCallColumn(
        _ name: String, _ arguments: [Expr], at call: Expr, _ source: ExpressionSource, of node: Node,
        _ values: [String: SQLExpression], _ calls: inout SQLLookupCallJoins
    ) throws(SQLPushdownRefusal) -> (reference: String, value: SQLExpression) {
        let (lookup, spec, returned) = try checkLookupCall(name, arguments, at: call, source, of: node)
        var lowered: [SQLExpression] = []
        for argument in arguments { lowered.append(try self.lowered(argument, source, columns: values, of: node)) }
        let key = SQLLookupCallKey(lookup: lookup.id, arguments: lowered)
        if let known = calls.references[key] { return (known, values[known] ?? .literal(.null)) }
        let alias = "L\(calls.joins.count + 1)"
        let on: SQLExpression
        let table: String
        do throws(SQLPushdownRefusal) {
            let inputs = lookup.ports.filter { $0.roles.contains(.input) }
            let lookups = lookup.ports.filter { $0.roles.contains(.lookup) }
            let keys = try lookupKeys(
                lookup, spec, inputs: inputs.filter { !$0.roles.contains(.lookup) }, lookups: lookups)
            // The arguments bind to the input ports in port order, as the runtime binds them.
            let bound = keys.map { pair in (argument: inputs.firstIndex { $0.name == pair.0.name } ?? 0, pair.1) }
            try checkKeyTypes(
                lookup, spec,
                bound.map { (Self.text(of: arguments[$0.argument], in: source), arguments[$0.argument].type, $0.1) })
            var matches = bound.map { argument, column in
                Self.keyMatch(
                    lowered[argument], .column(table: alias, name: column.name), nullKeysMatch: spec.nullKeysMatch)
            }
            let pick: SQLExpression?
            (table, pick) = pickingRows(
                lookup, spec, try lookupRows(lookup, spec), keys: keys.map(\.1), alias: alias, matches: matches)
            if let pick { matches.append(pick) }
            on = matches.dropFirst().reduce(matches[0]) { .binary(.and, $0, $1) }
        } catch {
            throw relocated(error, to: node, at: call, source)
        }
        calls.joins.append(SQLLookupCallJoins.Join(table: table, alias: alias, on: on))
        let reference = SQLLookupCallJoins.reference(calls.joins.count)
        calls.references[key] = reference
        return (reference, .column(table: alias, name: returned.name))
    }

    /// The unconnected lookup `:LKP.name` calls and its RETURN port; refuses the calls whose value
    /// SQL cannot compute as the runtime does (which resolves the name as a lookup instance's).
    func checkLookupCall(
        _ name: String, _ arguments: [Expr], at call: Expr, _ source: ExpressionSource, of node: Node
    ) throws(SQLPushdownRefusal) -> (Node, LookupSpec, Port) {
        func refuse(_ why: String) -> SQLPushdownRefusal {
            let place = source.place(of: call.range.start)
            return refusal(
                SQLPipelineDiagnostics.lookupNotLowered, node, "call ':LKP.\(name)' in '\(node.id)' \(why)",
                fix: "keep this path in the runtime", location: place.location, path: source.path, notes: place.notes)
        }
        let found = context.pipeline.nodes.lazy.compactMap { node -> (Node, LookupSpec)? in
            guard case .lookup(let spec) = node.op, !spec.connected, node.id.uppercased() == name.uppercased()
            else { return nil }
            return (node, spec)
        }.first
        guard let (lookup, spec) = found else { throw refuse("names no unconnected lookup instance of the mapping") }
        guard !spec.dynamic else { throw refuse("reads a dynamic cache") }
        guard spec.sourceType != "flat-file" else { throw refuse("looks up a flat file") }
        switch spec.multipleMatch {
        case .error: throw refuse("may find several rows, a row error ('Report Error') SQL cannot raise per row")
        case .all: throw refuse("returns the first of all matches in the order they are read, which SQL does not fix")
        case .first, .last, .any:
            if let why = cacheOrderRefusal(lookup, spec), declaredKeyPorts(lookup, spec) == nil { throw refuse(why) }
        }
        let inputs = lookup.ports.filter { $0.roles.contains(.input) }
        guard arguments.count == inputs.count else {
            throw refuse("passes \(arguments.count) arguments to \(inputs.count) input ports")
        }
        guard let returned = lookup.lookupReturnPort(), returned.roles.contains(.lookup) else {
            throw refuse("returns no lookup port flagged RETURN")
        }
        return (lookup, spec, returned)
    }

    /// `error`, refused at the call `call` of `node` (the Expression stays in the runtime), with
    /// a note naming the lookup where it was found.
    func relocated(_ error: SQLPushdownRefusal, to node: Node, at call: Expr, _ source: ExpressionSource)
        -> SQLPushdownRefusal
    {
        var moved = error.diagnostic
        let place = source.place(of: call.range.start)
        moved.notes = place.notes + ["the lookup is '\(moved.path)', line \(moved.location.line)"] + moved.notes
        moved.location = place.location
        moved.path = source.path
        return SQLPushdownRefusal(node: node.id, diagnostic: moved)
    }

    /// The source text of `expression`.
    static func text(of expression: Expr, in source: ExpressionSource) -> String {
        let scalars = source.text.unicodeScalars.dropFirst(expression.range.start)
            .prefix(max(0, expression.range.end - expression.range.start))
        return String(String.UnicodeScalarView(scalars))
    }
}
