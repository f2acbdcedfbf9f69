import IR

/// Makes the primary key of a synthetic source table hold no NULL and no key twice, as a real source
/// table's does: the ports marked `.primary` or `.primaryForeign` (KEYTYPE="PRIMARY KEY"), one value
/// per row for a one-column key, one tuple per row for a composite key.
///
/// It runs on the filled columns, so the other columns, the random streams and every key value that
/// is neither NULL nor a repeat stay as ``TableFilling`` made them (special cases, condition values,
/// a shared domain's values, each taken once). Rows are walked in order: a NULL key value is replaced
/// by its column's next fresh value (``FreshKeyValues``), and a key that repeats an earlier row's gets
/// a fresh value in one column, which makes the tuple new. The column changed is the last key port
/// without a shared domain, else the last one with one, so join keys keep their domain values where
/// they can. Keys are compared by ``KeyIdentity`` (strings ignoring case and trailing blanks).
///
/// Limits: a type that holds fewer distinct values than the table has rows cannot be made distinct.
/// A string(1) key has 37 (the empty string and 0 … 9, A … Z, case and trailing blanks ignored), a
/// decimal(1,0) key 19, a binary(0) key 1. The row count is kept: once a column's values run out,
/// the rows after keep the generator's values (repeats), and a composite key tries its other
/// columns first. A NULL stays only when every value of the type is held by an earlier row,
/// which the NULLs of the first rows never meet unless the type has no value at all (a string(0)
/// column). A lookup table's key is the one its definition declares (the importer marks those
/// lookup ports); a lookup table without one may hold several rows per key, which its
/// multiple-match policy decides between.
struct UniquePrimaryKeys {
    /// The positions of the key columns in the table, in port order.
    let positions: [Int]
    /// The key columns in the order one is changed to make a repeated key new.
    let changeOrder: [Int]
    private var fresh: [Int: FreshKeyValues] = [:]

    /// Makes the key of `shape`'s table (filled as `columns`, one array per column) unique, when
    /// the table has a primary key.
    static func enforce(on columns: inout [[Value]], shape: TableShape, domains: [TableColumn: KeyDomain]) {
        guard var keys = UniquePrimaryKeys(shape: shape, domains: domains, columns: columns)
        else { return }
        keys.makeUnique(&columns)
    }

    /// The key of `shape`'s table filled as `columns`, or nil when no port is part of a primary key.
    init?(shape: TableShape, domains: [TableColumn: KeyDomain], columns: [[Value]]) {
        positions = shape.columns.indices.filter { Self.isPrimary(shape.columns[$0]) }
        guard !positions.isEmpty else { return nil }
        var withDomain: [Int] = []
        var withoutDomain: [Int] = []
        for position in positions {
            let port = shape.columns[position]
            let domain = domains[TableColumn(table: shape.name, column: port.name)]
            if domain == nil { withoutDomain.append(position) } else { withDomain.append(position) }
            fresh[position] = FreshKeyValues(holding: columns[position], type: port.type, domain: domain)
        }
        changeOrder = withoutDomain.reversed() + withDomain.reversed()
    }

    /// Whether `port` is part of the primary key.
    static func isPrimary(_ port: Port) -> Bool {
        port.key == .primary || port.key == .primaryForeign
    }

    /// Replaces NULL key values and repeated keys in `columns` by fresh values, row by row.
    mutating func makeUnique(_ columns: inout [[Value]]) {
        let rowCount = columns.first?.count ?? 0
        var seen: Set<[Value]> = []
        for row in 0..<rowCount {
            var renewed = false
            for position in positions where columns[position][row].isNull {
                guard let value = fresh[position]?.next() else { continue }
                columns[position][row] = value
                renewed = true
            }
            if !renewed && seen.contains(key(of: row, in: columns)) {
                renew(row, in: &columns)
            }
            seen.insert(key(of: row, in: columns))
            for position in positions { fresh[position]?.record(columns[position][row]) }
        }
    }

    /// Gives row `row` a fresh value in the first column of ``changeOrder`` that has one left.
    private mutating func renew(_ row: Int, in columns: inout [[Value]]) {
        for position in changeOrder {
            guard let value = fresh[position]?.next() else { continue }
            columns[position][row] = value
            return
        }
    }

    private func key(of row: Int, in columns: [[Value]]) -> [Value] {
        positions.map { KeyIdentity.of(columns[$0][row]) }
    }
}
