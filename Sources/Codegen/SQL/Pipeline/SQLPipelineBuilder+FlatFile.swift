import IR

extension SQLPipelineBuilder {
    /// The flat-file source node `ports` all read, when they read exactly one and it is a flat file.
    func flatFileSource(of ports: [Port]) -> Node? {
        let sources = Set(ports.compactMap { $0.source?.node })
        guard sources.count == 1, let id = sources.first, let source = context.nodes[id],
            case .source(let spec) = source.op, spec.flatFile != nil
        else { return nil }
        return source
    }

    /// A source qualifier over one flat-file source: `SELECT column AS port FROM STG_<source>`,
    /// reading the staging table the runtime fills with its flat-file reader (the rows it keeps;
    /// a record that does not convert is rejected there, as in a native run). Each column is
    /// converted to its port's type as the runtime converts it, or refused (``fit``). The rows
    /// arrive in file order: the staging table's ordinal column is carried along as a column that
    /// is no port, and is the relation's ``SQLRowOrder``, where a later transformation depends on
    /// the order (``SQLPipelineAnalysis/orderKeepers``). `DISTINCT` is refused: the runtime reads
    /// a file without removing duplicates (so the ordinal never makes rows distinct).
    mutating func lowerFlatFileSource(
        _ node: Node, _ spec: SourceQuerySpec, _ source: Node, ports: [Port]
    ) throws(SQLPushdownRefusal) {
        guard case .source(let sourceSpec) = source.op, let format = sourceSpec.flatFile,
            let table = context.stagingTables[source.id]
        else {
            throw refusal(
                SQLPipelineDiagnostics.sourceSQL, node, "source qualifier '\(node.id)' reads no flat-file source",
                fix: "keep this path in the runtime")
        }
        guard !spec.distinct else {
            throw refusal(
                SQLPipelineDiagnostics.sourceSQL, node,
                "source qualifier '\(node.id)' selects distinct rows of flat file '\(source.id)', which the runtime "
                    + "reads without removing duplicates", fix: "keep this path in the runtime, or add a sorter")
        }
        let fields = Self.distinctPorts(source.outputPorts)
        // Field names are distinct without case.
        let fieldIndex = Dictionary(
            fields.indices.map { (fields[$0].name.uppercased(), $0) }, uniquingKeysWith: { first, _ in first })
        var items: [SQLSelectItem] = []
        for port in ports {
            guard let ref = port.source, let field = fieldIndex[ref.port.uppercased()].map({ fields[$0] }) else {
                throw refusal(
                    SQLPipelineDiagnostics.inputRows, node,
                    "port '\(port.name)' of '\(node.id)' reads a field that flat file '\(source.id)' does not define",
                    fix: "correct the connection", location: port.provenance.location, path: port.provenance.path)
            }
            let value = try fit(.column(table: nil, name: field.name), from: field.type, to: port.type, node, port)
            items.append(SQLSelectItem(value, as: port.name))
        }
        // With sorted ports the runtime sorts the staged rows by them (ties in no defined order),
        // as it sorts a relational source; an export may carry the attribute for a file too.
        let order =
            !context.analysis.orderKeepers.contains(node.id)
            ? Self.unused
            : spec.sortedPorts > 0
                ? .undefined(
                    "source qualifier '\(node.id)' sorts the rows of flat file '\(source.id)' by its first "
                        + "\(spec.sortedPorts) ports, which may tie")
                : Self.fileOrder(ordinal: SQLSourceStaging.ordinalColumn(fields: fields.map(\.name)), into: &items)
        let select = SQLSelect(items: items, from: .table(SQLTableName(table), alias: nil))
        register(node, table: addTable(node.id, .select(select)), ports: ports, order: order)
        guard !staged.contains(where: { $0.source == source.id }) else { return }
        staged.append(staging(of: source, sourceSpec, format, fields: fields, table: table, readBy: node))
    }

    /// The file order of a source qualifier selecting `items` from a staging table: its
    /// `ordinal` column, added to `items` under a name no item takes (ignoring case).
    static func fileOrder(ordinal: String, into items: inout [SQLSelectItem]) -> SQLRowOrder {
        var taken = Set(items.compactMap { $0.alias?.uppercased() })
        let column = uniqueName(ordinal, taken: &taken)
        items.append(SQLSelectItem(.column(table: nil, name: ordinal), as: column))
        return .defined([SQLRowOrderKey(column: column, type: .bigInteger, descending: false, nulls: .unspecified)])
    }

    /// The staging step of flat-file `source`, read by source qualifier `node`: the file as the
    /// session names it (`Source filename`, `Source file directory`, `Source filetype`) and the
    /// table's columns, typed for the dialect, then the ordinal column (`BIGINT NOT NULL`).
    func staging(
        of source: Node, _ spec: SourceSpec, _ format: FlatFileFormat, fields: [Port], table: String, readBy node: Node
    ) -> SQLSourceStaging {
        let file = SQLFlatFile(
            name: attribute("Source filename", of: [node, source]) ?? spec.table,
            directory: attribute("Source file directory", of: [node, source]), format: format,
            fields: fields.map { SQLFlatFile.Field(name: $0.name, type: $0.type) },
            indirect: attribute("Source filetype", of: [node, source])?.uppercased() == "INDIRECT")
        let ordinal = SQLSourceStaging.ordinalColumn(fields: fields.map(\.name))
        let columns = fields.map { SQLColumnDefinition($0.name, SQLSourceStaging.columnType($0.type, in: dialect)) }
        return SQLSourceStaging(
            source: source.id, sourceQualifier: node.id, path: source.provenance.path,
            location: source.provenance.location, table: SQLTableName(table), file: file,
            columns: columns + [SQLColumnDefinition(ordinal, .bigint, nullable: false)], ordinal: ordinal)
    }

    /// The rows of flat-file target `node`: `rows`' query with one column per input port in port
    /// order (NULL for a port not connected), which the runtime writes with its flat-file writer,
    /// as it writes every row a target receives. Refused when the rows carry an update strategy's
    /// kinds or the session treats rows as updates or deletes: a file takes no keyed writes. The
    /// query keeps its common tables; a dialect without them gets derived tables after lowering
    /// (``SQLPipelineSQL/fittingCommonTables(_:)``).
    func fileTargetLoad(_ node: Node, _ spec: TargetSpec, _ rows: SQLTargetRows) throws(SQLPushdownRefusal)
        -> SQLFileTargetLoad
    {
        guard let format = spec.flatFile else {
            throw refusal(
                SQLPipelineDiagnostics.targetNotLowered, node, "target '\(node.id)' is not a flat file",
                fix: "load the table with SQL")
        }
        try checkFileRows(node, rows)
        let inputs = node.inputPorts
        let connected = Dictionary(
            rows.select.items.compactMap { item in item.alias.map { ($0.uppercased(), item) } },
            uniquingKeysWith: { a, _ in a })
        var select = rows.select
        select.items = inputs.map { port in
            connected[port.name.uppercased()] ?? SQLSelectItem(.literal(.null), as: port.name)
        }
        let defaultName = spec.table.lowercased() + ".out"
        let file = SQLFlatFile(
            name: attribute("Output filename", of: [node]) ?? defaultName,
            directory: attribute("Output file directory", of: [node]), format: format,
            fields: inputs.map { SQLFlatFile.Field(name: $0.name, type: $0.type) },
            appends: attribute("Append if Exists", of: [node])?.uppercased() == "YES")
        return SQLFileTargetLoad(
            target: node.id, path: node.provenance.path, location: node.provenance.location, file: file,
            query: .select(select))
    }

    /// Refuses rows a file cannot take as they are: with an update strategy's row kinds, or under
    /// a session treating rows as updates or deletes.
    func checkFileRows(_ node: Node, _ rows: SQLTargetRows) throws(SQLPushdownRefusal) {
        if rows.rowKind != nil {
            throw refusal(
                SQLPipelineDiagnostics.rowKindNotLowered, node,
                "flat-file target '\(node.id)' receives an update strategy's row kinds, which only the runtime "
                    + "applies to a file", fix: "keep this target in the runtime")
        }
        let kind = context.lowering.treatRowsAs
        guard kind == .insert || kind == .dataDriven else {
            throw refusal(
                SQLPipelineDiagnostics.writeModeNotLowered, node,
                "flat-file target '\(node.id)' is loaded by a session treating rows as '\(kind.rawValue)'; "
                    + "a file takes no keyed writes", fix: "keep this target in the runtime")
        }
    }

    /// The first of `nodes` with a value for attribute `name`: the session's setting for the node,
    /// else the node's own attribute (as the runtime reads them); nil when empty.
    func attribute(_ name: String, of nodes: [Node]) -> String? {
        for node in nodes {
            let session = context.lowering.session?.nodes.first { $0.node == node.id }?.attributes
            let value = session?.first { $0.name == name }?.value ?? node.attributes.first { $0.name == name }?.value
            if let value, !value.trimmingSpaces().isEmpty { return value }
        }
        return nil
    }

    /// `ports` without a name repeated (ignoring case, as SQL columns).
    static func distinctPorts(_ ports: [Port]) -> [Port] {
        var seen: Set<String> = []
        return ports.filter { seen.insert($0.name.uppercased()).inserted }
    }
}
