import IR

/// The columns of one synthetic table, taken from a source or lookup node.
struct TableShape {
    /// The table name (the node id).
    var name: String
    /// Whether the node is a source (else a lookup).
    var isSource: Bool
    /// The ports that become columns, in port order, without names repeated (ignoring case, as
    /// SQL does).
    var columns: [Port]

    /// The tables of `pipeline`: source nodes (their output ports) and lookup nodes with a table, a
    /// SQL override or a flat file (their `lookup` ports), in node order; a repeated node id is
    /// kept once.
    static func shapes(of pipeline: Pipeline) -> [TableShape] {
        var shapes: [TableShape] = []
        var seen: Set<String> = []
        for node in pipeline.nodes where seen.insert(node.id).inserted {
            switch node.op {
            case .source:
                shapes.append(TableShape(name: node.id, isSource: true, columns: distinct(node.outputPorts)))
            case .lookup(let spec) where spec.table != nil || spec.sqlOverride != nil || spec.sourceType == "flat-file":
                let ports = node.ports.filter { $0.roles.contains(.lookup) }
                shapes.append(TableShape(name: node.id, isSource: false, columns: distinct(ports)))
            default: continue
            }
        }
        return shapes
    }

    private static func distinct(_ ports: [Port]) -> [Port] {
        var seen: Set<String> = []
        return ports.filter { seen.insert($0.name.uppercased()).inserted }
    }
}

/// Fills one table: special rows first (each column's special cases, spread so that not every
/// column is NULL in the same row), then random ordinary rows; key columns draw from their domain;
/// a primary key then holds no NULL and no key twice (``UniquePrimaryKeys``).
struct TableFilling {
    /// The table's columns.
    let shape: TableShape
    /// The shared domain of each compared column.
    let domains: [TableColumn: KeyDomain]
    /// The values the pipeline's conditions compare each column with.
    var conditionValues: [TableColumn: [Value]] = [:]
    /// The dataset's seed.
    let seed: UInt64

    /// The table with `rows` rows.
    func table(rows count: Int) -> SyntheticTable {
        let specials = shape.columns.map(specialValues)
        let specialRows = specials.map(\.count).max() ?? 0
        var columns: [[Value]] = []
        for (position, port) in shape.columns.enumerated() {
            let offset = specialRows == 0 ? 0 : position % specialRows
            columns.append(values(port, specials: specials[position], offset: offset, span: specialRows, count: count))
        }
        UniquePrimaryKeys.enforce(on: &columns, shape: shape, domains: domains)
        let rows = (0..<count).map { row in columns.map { $0[row] } }
        let names = shape.columns.map(\.name)
        return SyntheticTable(
            name: shape.name, columns: names, types: shape.columns.map(\.type),
            rows: RowSet(columns: names, rows: rows))
    }

    /// NULL when the column may hold it, then (for columns that are not compared keys) the type's specials.
    private func specialValues(_ port: Port) -> [Value] {
        let nulls: [Value] = port.nullable == false ? [] : [.null]
        if domains[TableColumn(table: shape.name, column: port.name)] != nil { return nulls }
        return nulls + SyntheticValues.specials(for: port.type)
    }

    /// The `count` values of one column: special `i` in row `(offset + i) % span`, others ordinary.
    private func values(_ port: Port, specials: [Value], offset: Int, span: Int, count: Int) -> [Value] {
        var random = SplitMix64(seed: seed, stream: "column:\(shape.name).\(port.name)")
        let domain = domains[TableColumn(table: shape.name, column: port.name)]
        let chosen = conditionValues[TableColumn(table: shape.name, column: port.name)].flatMap {
            $0.isEmpty ? nil : $0
        }
        var ordinaryRow = 0
        return (0..<count).map { row in
            if row < span {
                let slot = (row - offset + span) % span
                if slot < specials.count { return specials[slot] }
            }
            defer { ordinaryRow += 1 }
            guard let domain else {
                // The random value is drawn either way, so the other rows do not depend on it.
                let ordinary = SyntheticValues.ordinary(for: port.type, using: &random)
                guard let chosen, ordinaryRow % 2 == 0 else { return ordinary }
                return chosen[(ordinaryRow / 2) % chosen.count]
            }
            return domain.value(domain.index(table: shape.name, row: ordinaryRow, using: &random), as: port.type)
        }
    }
}
