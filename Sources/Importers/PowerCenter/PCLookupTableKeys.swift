import IR

/// The primary key of the table a Lookup reads, from the folder's definition of that table.
///
/// A Lookup Procedure's ports (TRANSFORMFIELDs) carry no key; the SOURCE or TARGET definition
/// named by its `Lookup table name` does (KEYTYPE on its fields). When the folder (or a shortcut
/// in it) defines that table, the lookup reads it without a SQL override (whose rows are the
/// override's, not the table's), and every column of the definition's primary key is a lookup
/// port of the same name (compared without case), those lookup ports get the column's key kind:
/// at most one table row then matches a condition that compares all of them, whatever the
/// multiple-match policy (the SQL lowering relies on it, and checks it on the rows it reads).
/// A source and a target definition of the same name must declare the same key; otherwise, and
/// when no definition is found, the ports are left as they are.
enum PCLookupTableKeys {
    /// Gives the lookup ports of every such Lookup in `nodes` their table's key kinds.
    static func annotate(_ nodes: inout [Node], folder: String, index: PCExportIndex) {
        for n in nodes.indices {
            guard case .lookup(let spec) = nodes[n].op, let table = spec.table, !table.isEmpty,
                spec.sqlOverride?.trimmingSpaces().isEmpty ?? true,
                let key = declaredKey(of: table, folder: folder, index: index), !key.isEmpty
            else { continue }
            var positions: [(Int, KeyKind)] = []
            for (column, kind) in key {
                guard
                    let p = nodes[n].ports.firstIndex(where: {
                        $0.roles.contains(.lookup) && $0.name.uppercased() == column
                    })
                else { break }
                positions.append((p, kind))
            }
            guard positions.count == key.count else { continue }
            for (p, kind) in positions where nodes[n].ports[p].key == nil { nodes[n].ports[p].key = kind }
        }
    }

    /// The primary-key columns (upper case) and their kinds of the definition of `table` seen
    /// from `folder`; nil when no definition is found or two of them disagree.
    static func declaredKey(of table: String, folder: String, index: PCExportIndex) -> [(String, KeyKind)]? {
        var found: [[(String, KeyKind)]] = []
        for (kind, field) in [(PCDefinitionKind.source, "SOURCEFIELD"), (.target, "TARGETFIELD")] {
            guard case .found(let definition) = index.resolve(kind, named: table, inFolder: folder) else { continue }
            found.append(
                definition.element.children(named: field).compactMap { field in
                    PCPortReader.keyKind(field.value("KEYTYPE")).flatMap { kind in
                        kind == .foreign ? nil : (field.nameAttribute.uppercased(), kind)
                    }
                })
        }
        guard let first = found.first,
            found.allSatisfy({ $0.map(\.0) == first.map(\.0) && $0.map(\.1) == first.map(\.1) })
        else { return nil }
        return first
    }
}
