import IR

extension SQLPipelineBuilder {
    /// A connected, cached Lookup on a table with a condition of equalities: a LEFT OUTER JOIN
    /// from the input rows to the lookup rows. "Use First/Last Value" keep, per key, the row the
    /// runtime's cache order puts first or last (every lookup column ascending, NULL high), ranked
    /// by `ROW_NUMBER()`; "Use All Values" keeps every match; a cached lookup's NULL key matches a
    /// NULL (reference §2.6). "Use Any Value" keeps the row "Use First Value" keeps, as the runtime
    /// does by default; "Report Error" is refused. Where SQL cannot rank the rows in the cache's
    /// order but the condition compares the table's declared primary key (``declaredKeyPorts(_:_:)``),
    /// at most one row matches and no rank is needed: the statement fails on an input row that
    /// matches several.
    /// A SQL override (its columns matched to the lookup ports by name) or a source filter is
    /// trusted text from the export, emitted verbatim in the dialect of the lookup's database only.
    mutating func lowerLookup(_ node: Node, _ spec: LookupSpec) throws(SQLPushdownRefusal) {
        try checkLookupPolicy(node, spec)
        let looked = try lookupRows(node, spec)
        let lookups = node.ports.filter { $0.roles.contains(.lookup) }
        let inputs = node.ports.filter { $0.roles.contains(.input) && !$0.roles.contains(.lookup) }
        let input = try inputRelation(of: node, ports: inputs.filter { $0.source != nil })
        let values = columns(of: inputs, in: input, alias: "I")
        let keys = try lookupKeys(node, spec, inputs: inputs, lookups: lookups)
        // The lookup compares the values it receives, of their own types.
        try checkKeyTypes(node, spec, keys.map { ($0.0.name, receivedType($0.0), $0.1) })
        var matches: [SQLExpression] = keys.map { inputPort, lookupPort in
            Self.keyMatch(
                values[inputPort.name.uppercased()] ?? .literal(.null), .column(table: "L", name: lookupPort.name),
                nullKeysMatch: spec.nullKeysMatch)
        }
        let (rows, pick) = pickingRows(node, spec, looked, keys: keys.map(\.1), alias: "L", matches: matches)
        if let pick { matches.append(pick) }
        let on = matches.dropFirst().reduce(matches[0]) { .binary(.and, $0, $1) }
        let from = SQLFromItem.join(input.from(alias: "I"), .left, .table(SQLTableName(rows), alias: "L"), on: on)
        let outputs = node.outputPorts
        // One row per input row unless every match is kept: then the input's columns are carried
        // through, as an Expression carries them, so that a later node may read ports of both
        // (the lookup is passive, its rows those of its input).
        var (selected, carried) =
            spec.multipleMatch == .all ? ([], [:]) : Self.carriedColumns(of: input, besides: outputs, alias: "I")
        selected += outputs.map { port in
            port.roles.contains(.lookup)
                ? SQLSelectItem(.column(table: "L", name: port.name), as: port.name)
                : SQLSelectItem(values[port.name.uppercased()] ?? .literal(.null), as: port.name)
        }
        register(node, table: addTable(node.id, .select(SQLSelect(items: selected, from: from))), ports: outputs)
        relations[Self.key(node.id, "")]?.columns.merge(carried, uniquingKeysWith: { own, _ in own })
    }

    /// The rank column of the lookup rows' common table.
    static let rankColumn = "LKP_ROW_NUMBER"
    /// The column of the lookup rows' common table counting the rows of each declared key.
    static let matchCountColumn = "LKP_KEY_ROWS"

    /// The common table a lookup's matches are read from, and the condition (on `alias`) that
    /// keeps the row the policy picks among the rows the join conditions `matches` find: rank 1 in
    /// the cache's order (``rankedLookupRows(_:_:_:partitionBy:)``), or, where SQL cannot rank
    /// them so, the check that a declared key matches once (``keyedLookupRows(_:_:key:)``,
    /// ``repeatedKeyCheck(_:alias:matches:)``); no condition when every match is kept. The
    /// policy must have been checked (``checkLookupPolicy(_:_:)``, ``checkLookupCall(_:_:at:_:of:)``).
    mutating func pickingRows(
        _ node: Node, _ spec: LookupSpec, _ looked: (from: SQLFromItem, filter: SQLExpression?), keys: [Port],
        alias: String, matches: [SQLExpression]
    ) -> (table: String, pick: SQLExpression?) {
        guard spec.multipleMatch != .all else { return (rankedLookupRows(node, spec, looked, partitionBy: keys), nil) }
        if cacheOrderRefusal(node, spec) != nil {
            let table = keyedLookupRows(node, looked, key: declaredKeyPorts(node, spec) ?? [])
            return (table, repeatedKeyCheck(node, alias: alias, matches: matches))
        }
        let first = SQLExpression.binary(.equal, .column(table: alias, name: Self.rankColumn), .literal(.integer(1)))
        return (rankedLookupRows(node, spec, looked, partitionBy: keys), first)
    }

    /// The condition that stops the statement where the join conditions `matches` hold for a
    /// lookup row (of `alias`, ``keyedLookupRows(_:_:key:)``) sharing its declared key with
    /// others; checked only on pairs that match, so rows nobody looks up may repeat a key. nil
    /// when the dialect cannot fail (``declaredKeyPorts(_:_:)`` has then refused).
    func repeatedKeyCheck(_ node: Node, alias: String, matches: [SQLExpression]) -> SQLExpression? {
        let count = SQLExpression.column(table: alias, name: Self.matchCountColumn)
        let several = SQLExpression.binary(.greater, count, .literal(.integer(1)))
        let message = SQLExpression.binary(
            .concat, .literal(.string("lookup '\(node.id)' matches rows of one declared primary key: ")),
            .cast(count, .varchar(nil)))
        guard let failure = dialect.failure(message), let matched = SQLExpression.all(matches) else { return nil }
        return SQLExpression.failing(when: .binary(.and, several, matched), failure)
    }

    /// The common table of `node`'s rows `looked`: every lookup port and the number of rows
    /// sharing their values of `key` (the table's declared primary key).
    mutating func keyedLookupRows(_ node: Node, _ looked: (from: SQLFromItem, filter: SQLExpression?), key: [Port])
        -> String
    {
        let lookups = node.ports.filter { $0.roles.contains(.lookup) }
        var items = lookups.map { SQLSelectItem(.column(table: nil, name: $0.name)) }
        let count = SQLExpression.window(
            .function(name: "COUNT", arguments: [.star(table: nil)]),
            partitionBy: key.map { .column(table: nil, name: $0.name) }, orderBy: [])
        items.append(SQLSelectItem(count, as: Self.matchCountColumn))
        let query = SQLQuery.select(SQLSelect(items: items, from: looked.from, filter: looked.filter))
        if let known = tables.first(where: { $0.query == query }) { return known.name }
        return addTable("\(node.id)_ROWS", query)
    }

    /// The common table of `node`'s rows `looked` (``lookupRows(_:_:)``): every lookup port and, unless
    /// every match is kept, their rank per key (the lookup ports `keys`) in the order the
    /// runtime's cache puts them (every lookup column ascending, NULL high; "Use Last Value"
    /// reversed), so that rank 1 is the row the policy picks. The policy must have been checked
    /// (``checkLookupPolicy(_:_:)`` refuses the columns the dialect cannot order as the runtime).
    mutating func rankedLookupRows(
        _ node: Node, _ spec: LookupSpec, _ looked: (from: SQLFromItem, filter: SQLExpression?),
        partitionBy keys: [Port]
    ) -> String {
        let lookups = node.ports.filter { $0.roles.contains(.lookup) }
        var items = lookups.map { SQLSelectItem(.column(table: nil, name: $0.name)) }
        if spec.multipleMatch != .all {
            let last = spec.multipleMatch == .last
            let order = lookups.map { port in
                let column = SQLExpression.column(table: nil, name: port.name)
                return SQLOrdering(
                    runtimeOrder(column, port.type) ?? column, descending: last, nulls: last ? .first : .last)
            }
            let rank = SQLExpression.window(
                .function(name: "ROW_NUMBER", arguments: []),
                partitionBy: keys.map { .column(table: nil, name: $0.name) }, orderBy: order)
            items.append(SQLSelectItem(rank, as: Self.rankColumn))
        }
        let query = SQLQuery.select(SQLSelect(items: items, from: looked.from, filter: looked.filter))
        // Two calls of one lookup (or a call in two Expressions) read the same rows.
        if let known = tables.first(where: { $0.query == query }) { return known.name }
        return addTable("\(node.id)_ROWS", query)
    }

    /// `value` matches the lookup column `column`: equal, or (a cached lookup, reference §2.6)
    /// both NULL.
    static func keyMatch(_ value: SQLExpression, _ column: SQLExpression, nullKeysMatch: Bool) -> SQLExpression {
        let equal = SQLExpression.binary(.equal, value, column)
        guard nullKeysMatch else { return equal }
        let bothNull = SQLExpression.binary(.and, .isNull(value, negated: false), .isNull(column, negated: false))
        return .binary(.or, equal, bothNull)
    }

    /// Refuses the lookups whose rows or choice of row SQL cannot reproduce.
    func checkLookupPolicy(_ node: Node, _ spec: LookupSpec) throws(SQLPushdownRefusal) {
        func refuse(_ why: String) -> SQLPushdownRefusal {
            refusal(
                SQLPipelineDiagnostics.lookupNotLowered, node, "lookup '\(node.id)' \(why)",
                fix: "keep this path in the runtime")
        }
        guard spec.connected, spec.cached, !spec.dynamic else {
            throw refuse("is not a connected, static, cached lookup")
        }
        guard spec.sourceType != "flat-file" else { throw refuse("reads a flat file") }
        switch spec.multipleMatch {
        case .error: throw refuse("reports an error on several matches, which SQL cannot raise per row")
        case .first, .last, .any:
            // "Use Any Value" returns the row "Use First Value" would, as the runtime does by default
            // (EvaluationSettings.anyLookupValueIsFirstInCacheOrder): PowerCenter promises some match.
            if let why = cacheOrderRefusal(node, spec), declaredKeyPorts(node, spec) == nil { throw refuse(why) }
        case .all: break
        }
    }

    /// Why SQL cannot rank `node`'s rows in the runtime's cache order, or nil when it can. The
    /// runtime orders strings upper-cased when the lookup ignores case (rows equal but for case
    /// stay in read order); SQL orders them by code point.
    func cacheOrderRefusal(_ node: Node, _ spec: LookupSpec) -> String? {
        guard dialect.supportsWindowFunctions else { return "needs ROW_NUMBER(), which \(dialect.name) lacks" }
        let lookups = node.ports.filter { $0.roles.contains(.lookup) }
        if let port = lookups.first(where: { runtimeOrder(.column(table: nil, name: $0.name), $0.type) == nil }) {
            return "orders \(port.type.canonicalName) column '\(port.name)' to pick a value, which \(dialect.name) "
                + "does not order as the runtime does"
        }
        guard !spec.caseSensitive, let port = lookups.first(where: \.type.isString) else { return nil }
        return "orders string column '\(port.name)' ignoring case to pick a value, keeping rows equal but for case "
            + "in the order they are read, which SQL does not reproduce"
    }

    /// The lookup ports of the lookup table's declared primary key (the importer gives them their
    /// key kind from the table's definition) when the condition compares every one of them with
    /// an input port: then at most one row matches an input row while the key holds, and the
    /// statement checks that it does (``SQLDialect/failure(_:)``). nil when the ports carry no
    /// key, the condition leaves part of it out, or the dialect cannot fail a statement.
    func declaredKeyPorts(_ node: Node, _ spec: LookupSpec) -> [Port]? {
        let lookups = node.ports.filter { $0.roles.contains(.lookup) }
        let key = lookups.filter { $0.key == .primary || $0.key == .primaryForeign }
        guard !key.isEmpty, dialect.supportsWindowFunctions,
            dialect.answer({ $0.failure(.literal(.string(""))) != nil })
        else {
            return nil
        }
        let inputs = node.ports.filter { $0.roles.contains(.input) && !$0.roles.contains(.lookup) }
        guard let pairs = try? lookupKeys(node, spec, inputs: inputs, lookups: lookups) else { return nil }
        let compared = Set(pairs.map { $0.1.name.uppercased() })
        return key.allSatisfy { compared.contains($0.name.uppercased()) } ? key : nil
    }

    /// The rows looked up: the lookup table, or its SQL override as a derived table (columns
    /// matched by name), and the source filter as a condition on them.
    mutating func lookupRows(_ node: Node, _ spec: LookupSpec) throws(SQLPushdownRefusal)
        -> (from: SQLFromItem, filter: SQLExpression?)
    {
        let override = spec.sqlOverride.flatMap { $0.trimmingSpaces().isEmpty ? nil : $0 }
        let filter = spec.filter.flatMap { $0.trimmingSpaces().isEmpty ? nil : $0 }
        let subject = "lookup '\(node.id)'"
        if override != nil, filter != nil {
            throw refusal(
                SQLPipelineDiagnostics.lookupNotLowered, node,
                "\(subject) has both a SQL override and a source filter; whether the filter applies to the override "
                    + "is not settled (the runtime ignores it)", fix: "keep this path in the runtime")
        }
        let descriptor = SQLPipelineDiagnostics.lookupNotLowered
        if let override {
            let text = try verbatimText(
                override, "SQL override", of: subject, node, origin: lookupOrigin(node, spec), descriptor)
            return (.verbatim(text, alias: "\(node.id)_OVERRIDE", columns: []), nil)
        }
        let table = SQLFromItem.table(SQLTableName(spec.table ?? node.id), alias: nil)
        guard let filter else { return (table, nil) }
        let text = try verbatimText(
            filter, "source filter", of: subject, node, origin: lookupOrigin(node, spec), descriptor)
        return (table, .verbatim(text))
    }

    /// The database a lookup reads: the one the session's connection reference names
    /// (`CONNECTIONTYPE` Relational, `CONNECTIONSUBTYPE` the database), else the sources' for
    /// `$Source` and the targets' for `$Target` (one type for all); a named connection without a
    /// reference has no known type.
    func lookupOrigin(_ node: Node, _ spec: LookupSpec) -> SQLTextOrigin {
        let settings = context.lowering.session?.nodes.first { $0.node == node.id }
        let connection = settings?.connection ?? spec.connection ?? ""
        let owner = connection.isEmpty ? "its connection (not given)" : "connection '\(connection)'"
        if let type = settings?.connectionType, type.uppercased().hasPrefix("RELATIONAL/") {
            return SQLTextOrigin(owner: owner, database: String(type.dropFirst("Relational/".count)))
        }
        var types: Set<String?> = []
        for other in context.pipeline.nodes {
            switch (connection.uppercased(), other.op) {
            case ("$SOURCE", .source(let source)) where source.flatFile == nil: types.insert(source.database)
            case ("$TARGET", .target(let target)) where target.flatFile == nil: types.insert(target.database)
            default: continue
            }
        }
        guard types.count == 1, let database = types.first else {
            return SQLTextOrigin(owner: owner + (types.count > 1 ? ", of several database types" : ""), database: nil)
        }
        return SQLTextOrigin(owner: owner, database: database)
    }

    /// The (input, lookup) port pairs of a condition `lookup_port = input_port AND …`.
    func lookupKeys(_ node: Node, _ spec: LookupSpec, inputs: [Port], lookups: [Port]) throws(SQLPushdownRefusal)
        -> [(Port, Port)]
    {
        let text = spec.condition?.text ?? ""
        func refuse(_ why: String) -> SQLPushdownRefusal {
            refusal(
                SQLPipelineDiagnostics.lookupNotLowered, node, "lookup '\(node.id)' \(why)",
                fix: "keep this path in the runtime")
        }
        let find = { (ports: [Port], name: String) in ports.first { $0.name.uppercased() == name.uppercased() } }
        var pairs: [(Port, Port)] = []
        for term in Self.conjuncts(ExpressionParser.parse(ExpressionSource(text)).expression) {
            guard case .binary(.equal, let l, let r) = term.kind, case .reference(let a) = l.kind,
                case .reference(let b) = r.kind
            else { throw refuse("has condition '\(text)', not equalities of ports") }
            if let i = find(inputs, b), let k = find(lookups, a) {
                pairs.append((i, k))
            } else if let i = find(inputs, a), let k = find(lookups, b) {
                pairs.append((i, k))
            } else {
                throw refuse("compares '\(a)' and '\(b)', which are not one input and one lookup port")
            }
        }
        guard !pairs.isEmpty else { throw refuse("has no condition") }
        return pairs
    }

    /// Refuses keys that SQL compares differently from the runtime's cache: each (name, type) of
    /// the value looked up against its lookup port. Strings are compared exactly (case-sensitive,
    /// in a dialect that compares them so); other values only within one family of types.
    func checkKeyTypes(_ node: Node, _ spec: LookupSpec, _ keys: [(String, DataType?, Port)])
        throws(SQLPushdownRefusal)
    {
        for (name, type, k) in keys {
            guard let type else { continue }  // a NULL literal: only a NULL row can match it
            let strings = type.isString && k.type.isString
            guard strings || type.family == k.type.family,
                !strings || (spec.caseSensitive && dialect.comparesStringsExactly)
            else {
                throw refusal(
                    SQLPipelineDiagnostics.lookupNotLowered, node,
                    "lookup '\(node.id)' compares keys '\(name)' and '\(k.name)' differently from \(dialect.name)",
                    fix: "keep this path in the runtime")
            }
        }
    }
}
