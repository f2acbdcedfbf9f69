import IR

/// Groups the table columns whose values are compared with each other into equivalence classes, so
/// that they can share one small domain of values and joins and lookups both match and miss.
///
/// Columns are compared by a lookup condition (`ID = IN_ID AND D <= IN_D`: lookup port against the
/// input port, traced back to its table), by a join condition (both sides traced back), and, as a
/// fallback, by having the same name (ignoring case) in several source tables of the same type family.
struct KeyClasses {
    /// The classes: each sorted, at least two columns, in a fixed order.
    private(set) var classes: [[TableColumn]] = []

    /// The classes of `pipeline`, whose synthetic tables are `tableColumns` (sources in `sources`).
    init(pipeline: Pipeline, tableColumns: [String: [String]], sources: Set<String>) {
        let tracing = KeyColumnTracing(pipeline: pipeline, tableColumns: tableColumns)
        var groups = UnionFind()
        let calls = LookupCalls(pipeline: pipeline, tracing: tracing)
        for node in pipeline.nodes {
            switch node.op {
            case .lookup(let spec):
                guard let condition = spec.condition else { continue }
                for (left, right) in Self.comparedNames(condition.text) {
                    for column in Self.lookupSides(node, left, right, tracing: tracing, calls: calls) {
                        groups.union(column.0, column.1)
                    }
                }
            case .join(let spec):
                for (left, right) in Self.comparedNames(spec.condition.text) {
                    let sides = tracing.origins(node: node.id, port: left)
                        .union(tracing.origins(node: node.id, port: right)).sorted()
                    for other in sides.dropFirst() { groups.union(sides[0], other) }
                }
            default: continue
            }
        }
        Self.unionSameNames(pipeline: pipeline, sources: sources, tableColumns: tableColumns, into: &groups)
        classes = groups.classes().filter { $0.count > 1 }
    }

    /// The pairs of names compared (`=`, `<`, `<=`, `>`, `>=`, `<>`) in the conjunctions of a condition.
    static func comparedNames(_ text: String) -> [(String, String)] {
        let (expression, diagnostics) = ExpressionParser.parse(ExpressionSource(text))
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return [] }
        var pairs: [(String, String)] = []
        collectComparisons(expression, into: &pairs)
        return pairs
    }

    private static func collectComparisons(_ expression: Expr, into pairs: inout [(String, String)]) {
        guard case .binary(let op, let left, let right) = expression.kind else { return }
        switch op {
        case .and:
            collectComparisons(left, into: &pairs)
            collectComparisons(right, into: &pairs)
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            if let a = KeyColumnTracing.passedThroughName(left), let b = KeyColumnTracing.passedThroughName(right) {
                pairs.append((a, b))
            }
        default: return
        }
    }

    /// The column pairs one comparison of lookup `node`'s condition links: the lookup column (when
    /// the lookup has a table) with every table column the input side's value comes from.
    private static func lookupSides(
        _ node: Node, _ left: String, _ right: String, tracing: KeyColumnTracing, calls: LookupCalls
    ) -> [(TableColumn, TableColumn)] {
        func isLookupPort(_ name: String) -> Bool {
            KeyColumnTracing.port(of: node, named: name)?.roles.contains(.lookup) == true
        }
        let (lookupName, inputName) = isLookupPort(left) || !isLookupPort(right) ? (left, right) : (right, left)
        guard let lookupPort = KeyColumnTracing.port(of: node, named: lookupName),
            tracing.tableColumns[node.id]?.contains(lookupPort.name) == true
        else { return [] }
        let lookupColumn = TableColumn(table: node.id, column: lookupPort.name)
        var inputs = tracing.origins(node: node.id, port: inputName)
        inputs.formUnion(calls.origins(lookup: node.id, port: inputName))
        return inputs.sorted().map { (lookupColumn, $0) }
    }

    /// Joins same-named columns (ignoring case) of different source tables of the same type family.
    private static func unionSameNames(
        pipeline: Pipeline, sources: Set<String>, tableColumns: [String: [String]], into groups: inout UnionFind
    ) {
        var byName: [String: [(TableColumn, DataType.Family)]] = [:]
        for node in pipeline.nodes where sources.contains(node.id) {
            for name in tableColumns[node.id] ?? [] {
                guard let port = KeyColumnTracing.port(of: node, named: name) else { continue }
                byName[name.uppercased(), default: []].append(
                    (TableColumn(table: node.id, column: name), port.type.family))
            }
        }
        for name in byName.keys.sorted() {
            let members = byName[name] ?? []
            for (column, family) in members.dropFirst()
            where family == members[0].1 && column.table != members[0].0.table {
                groups.union(members[0].0, column)
            }
        }
    }
}

/// Disjoint sets of table columns.
struct UnionFind {
    private var parent: [TableColumn: TableColumn] = [:]

    /// The representative of `column`'s set.
    mutating func find(_ column: TableColumn) -> TableColumn {
        var root = column
        while let next = parent[root], next != root { root = next }
        parent[column] = root
        return root
    }

    /// Puts `a` and `b` in one set (the smaller representative wins, so the result is order-free).
    mutating func union(_ a: TableColumn, _ b: TableColumn) {
        let (x, y) = (find(a), find(b))
        guard x != y else { return }
        if x < y { parent[y] = x } else { parent[x] = y }
    }

    /// Every set, each sorted, ordered by first member.
    mutating func classes() -> [[TableColumn]] {
        var sets: [TableColumn: [TableColumn]] = [:]
        for column in Array(parent.keys) { sets[find(column), default: []].append(column) }
        return sets.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }
}
