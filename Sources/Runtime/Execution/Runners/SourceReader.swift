import Foundation
import IR

/// Reads the rows of a Source Qualifier (`source-query`): a flat file as its source definition
/// describes it, or the generated SELECT (or the SQL override) on the source connection
/// (reference §2.1). In a `--generate` run every source is the scratch table named after the
/// source node, and overrides, joins and filters are not applied (the data is synthetic).
struct SourceReader {
    let pipeline: Pipeline
    let resources: RunResources

    /// The rows of `node`, one column per output port, and the SQL run after the session.
    func read(_ layout: NodeLayout, spec: SourceQuerySpec, context: RunContext) throws(NodeFailure) -> RowBatch {
        let node = layout.node
        let outputs = (layout.outputPorts[""] ?? []).map { node.ports[$0] }
        let sources = spec.sources.compactMap { pipeline.node(id: $0) }
        // Without a source and without an override there is no table to select from.
        guard !sources.isEmpty || usesOverride(node, spec, context) else {
            throw NodeFailure(
                RunDiagnostics.readFailed(
                    "source qualifier '\(node.id)' reads no source: no associated source instance names a source "
                        + "of the mapping, none is connected to it, and it has no SQL query",
                    at: node.provenance.location, path: node.provenance.path,
                    fix: "connect the source qualifier to its source in the Designer and re-export"))
        }
        let connectionName =
            context.settings(of: node.id)?.connection
            ?? sources.lazy.compactMap { context.settings(of: $0.id)?.connection }.first
        let (_, connection) = try resources.connection(named: connectionName, for: node)
        if let pre = spec.preSQL, resources.scratch == nil, !pre.trimmingCharacters(in: .whitespaces).isEmpty {
            try runStatements(context.substitute(pre), on: connection, node: node)
        }
        let sql = query(node, spec: spec, outputs: outputs, sources: sources, connection: connection, context: context)
        // Columns are read as their source definition's types, then converted to the port's type
        // as PowerCenter converts native values (reference §2.1); an override's columns have no
        // definition and are read as the ports' types.
        let overridden = usesOverride(node, spec, context)
        let readTypes = outputs.map { port in
            overridden
                ? port.type
                : port.source.flatMap { pipeline.node(id: $0.node)?.port(named: $0.port)?.type } ?? port.type
        }
        do throws(ConnectorError) {
            let rows: RowSet
            do throws(ConnectorError) {
                rows = try connection.query(sql, types: readTypes)
            } catch {
                // Synthetic data: a join written for another database may not run on SQLite; the
                // sources are then read without it (a warning says so).
                guard resources.scratch != nil, sources.count > 1 else { throw error }
                context.diagnostics.append(
                    RunDiagnostics.unsupportedCondition(
                        "the join of source qualifier '\(node.id)' does not run on the synthetic data (\(error.message)); "
                            + "its sources are matched row by row instead", at: node.provenance.location,
                        path: node.provenance.path, fix: "nothing to do for a trial run on synthetic data",
                        severity: .warning))
                let plain = query(
                    node, spec: spec, outputs: outputs, sources: sources, connection: connection, context: context,
                    scratchJoin: false)
                rows = try connection.query(plain, types: readTypes)
            }
            context.counters[node.id, default: NodeCounters()].rowsIn += rows.rows.count
            return convert(rows.rows, from: readTypes, to: outputs, node: node, context: context)
        } catch {
            throw NodeFailure(
                RunDiagnostics.readFailed(
                    "source qualifier '\(node.id)' cannot read: [\(error.code)] \(error.message)",
                    at: node.provenance.location, path: node.provenance.path,
                    fix: "check the source tables on the connection; the query was: \(sql)"))
        }
    }

    func usesOverride(_ node: Node, _ spec: SourceQuerySpec, _ context: RunContext) -> Bool {
        guard resources.scratch == nil, let text = context.attribute("Sql Query", of: node) ?? spec.sqlOverride else {
            return false
        }
        return !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// `rows` read as `types`, converted to the ports' types; a value that does not convert
    /// rejects its row.
    func convert(_ rows: [[Value]], from types: [DataType], to ports: [IR.Port], node: Node, context: RunContext)
        -> RowBatch
    {
        let differing = ports.indices.filter { types[$0] != ports[$0].type }
        guard !differing.isEmpty else { return RowBatch(columns: ports.map(\.name), rows: rows) }
        var kept: [[Value]] = []
        kept.reserveCapacity(rows.count)
        for row in rows {
            var converted = row
            do throws(RowError) {
                for index in differing {
                    converted[index] = try PortCoercion.coerce(
                        row[index], to: ports[index].type, context.settings, port: ports[index].name)
                }
                kept.append(converted)
            } catch {
                context.reject(node.id, error, kind: .insert, values: row)
            }
        }
        return RowBatch(columns: ports.map(\.name), rows: kept)
    }

    func sourceSpec(_ node: Node) -> SourceSpec? {
        if case .source(let spec) = node.op { return spec }
        return nil
    }

    /// The SELECT the Source Qualifier runs.
    func query(
        _ node: Node, spec: SourceQuerySpec, outputs: [IR.Port], sources: [Node], connection: any RelationalConnection,
        context: RunContext, scratchJoin: Bool = true
    ) -> String {
        if resources.scratch == nil, let override = context.attribute("Sql Query", of: node) ?? spec.sqlOverride,
            !override.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        {
            return context.substitute(override)
        }
        // In a --generate run each source is the scratch table named after its node, aliased as
        // the source's table so that a user-defined join written with table names still applies
        // (without it, several sources would give their Cartesian product).
        let tableNames = sources.map { sourceSpec($0)?.table ?? $0.id }
        let alias = Dictionary(
            zip(sources, tableNames).map { source, table in
                (source.id, tableNames.filter { $0 == table }.count > 1 ? source.id : table)
            }, uniquingKeysWith: { a, _ in a })
        // PowerCenter's SELECT lists the ports connected downstream (reference §2.1); only DISTINCT
        // makes the others matter, so it reads NULL for them, as the SQL lowering leaves them out.
        let unread = spec.distinct ? pipeline.unreadPorts(of: node.id, among: outputs) : []
        let columns = outputs.map { port -> String in
            guard let source = port.source, let table = pipeline.node(id: source.node), !unread.contains(port.name)
            else { return "NULL" }
            let name = alias[table.id] ?? sourceSpec(table)?.table ?? table.id
            return connection.quote(name) + "." + connection.quote(source.port)
        }
        let tables = sources.map { source -> String in
            let spec = sourceSpec(source)
            if resources.scratch != nil {
                return connection.quote(source.id) + " AS " + connection.quote(alias[source.id] ?? source.id)
            }
            return connection.qualified(spec?.table ?? source.id, schema: nil)
        }
        var sql = "SELECT " + (spec.distinct ? "DISTINCT " : "") + columns.joined(separator: ", ")
        let join = context.attribute("User Defined Join", of: node) ?? spec.join
        let hasJoin = !(join ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        if resources.scratch != nil, sources.count > 1, !(scratchJoin && hasJoin) {
            // Synthetic sources without a join they can use are matched row by row (their n-th
            // rows together), not multiplied into their Cartesian product.
            let first = connection.quote(alias[sources[0].id] ?? sources[0].id)
            sql += " FROM " + tables[0]
            for (source, table) in zip(sources.dropFirst(), tables.dropFirst()) {
                let name = connection.quote(alias[source.id] ?? source.id)
                sql += " JOIN \(table) ON \(name).rowid = \(first).rowid"
            }
            if spec.sortedPorts > 0 {
                sql +=
                    " ORDER BY " + (1...min(spec.sortedPorts, outputs.count)).map(String.init).joined(separator: ", ")
            }
            return sql
        }
        sql += " FROM " + tables.joined(separator: ", ")
        if resources.scratch == nil || (scratchJoin && sources.count > 1) {
            let filter = resources.scratch == nil ? context.attribute("Source Filter", of: node) ?? spec.filter : nil
            let conditions = [context.attribute("User Defined Join", of: node) ?? spec.join, filter]
                .compactMap { $0 }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            if !conditions.isEmpty {
                sql += " WHERE " + conditions.map { "(" + context.substitute($0) + ")" }.joined(separator: " AND ")
            }
        }
        if spec.sortedPorts > 0 {
            sql += " ORDER BY " + (1...min(spec.sortedPorts, outputs.count)).map(String.init).joined(separator: ", ")
        }
        return sql
    }

    /// Runs `;`-separated statements (`\;` is a literal semicolon).
    func runStatements(_ text: String, on connection: any RelationalConnection, node: Node) throws(NodeFailure) {
        let statements = text.replacingOccurrences(of: "\\;", with: "\u{1}").split(separator: ";")
            .map { $0.replacingOccurrences(of: "\u{1}", with: ";").trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        for statement in statements {
            do throws(ConnectorError) {
                try connection.execute(statement)
            } catch {
                throw NodeFailure(
                    RunDiagnostics.sqlStatementFailed(
                        "pre/post SQL of '\(node.id)' failed: \(error.message)", at: node.provenance.location,
                        path: node.provenance.path, fix: "correct the statement: \(statement)"))
            }
        }
    }

    /// The flat-file source a Source Qualifier reads, if it reads one (never on synthetic data,
    /// which is always in the scratch database).
    func flatFileSource(of spec: SourceQuerySpec) -> Node? {
        guard resources.scratch == nil else { return nil }
        return spec.sources.lazy.compactMap { pipeline.node(id: $0) }.first { sourceSpec($0)?.flatFile != nil }
    }

    /// Reads a flat-file source (the session's `Source file directory` and `Source filename`, else
    /// `$PMSourceFileDir` and the source's name, laid out as its definition says) in chunks of at
    /// most `chunkRows` rows, handing each to `body` as soon as it is read, so that memory stays
    /// bounded whatever the file's size; rows that do not parse are rejected with their line.
    func streamFile(
        _ node: Node, source: Node, outputs: [IR.Port], unread: Set<String> = [], chunkRows: Int,
        context: RunContext, _ body: (RowBatch) throws(NodeFailure) -> Void
    ) throws(NodeFailure) {
        guard let spec = sourceSpec(source), let format = spec.flatFile else { return }
        let name =
            context.attribute("Source filename", of: node) ?? context.attribute("Source filename", of: source)
            ?? spec.table
        let directory =
            context.attribute("Source file directory", of: node)
            ?? context.attribute("Source file directory", of: source)
        let path = resources.filePath(directory: directory, name: name, defaultDirectory: "PMSourceFileDir")
        let filePorts = source.ports.filter { $0.roles.contains(.output) }
        var reader = FlatFileReader(format: format, ports: filePorts, settings: context.settings)
        let fileColumns = filePorts.map { $0.name.uppercased() }
        let mapping = outputs.map { port in
            port.source.flatMap { fileColumns.firstIndex(of: $0.port.uppercased()) }
        }
        // A field that only unread outputs (or none) take is not decoded where that is exact.
        let read = Set(zip(outputs, mapping).compactMap { port, column in unread.contains(port.name) ? nil : column })
        reader.options.unreadFields = Set(fileColumns.indices).subtracting(read)
        let converts = zip(outputs, mapping).map { port, column in
            column.map { filePorts[$0].type != port.type } ?? false
        }
        let identity = mapping == Array(0..<filePorts.count).map { Optional($0) } && !converts.contains(true)
        do {
            try reader.read(path: path, chunkRows: chunkRows) { result in
                for error in result.errors {
                    context.reject(node.id, error.error, kind: .insert, values: [.string("line \(error.line)")])
                }
                context.counters[node.id, default: NodeCounters()].rowsIn +=
                    result.rows.rows.count + result.errors.count
                let rows =
                    identity
                    ? result.rows.rows
                    : convert(result.rows.rows, mapping: mapping, converts: converts, outputs, node, context)
                try body(RowBatch(columns: outputs.map(\.name), rows: rows))
            }
        } catch let failure as NodeFailure {
            throw failure
        } catch {
            throw NodeFailure(
                RunDiagnostics.readFailed(
                    "source qualifier '\(node.id)' cannot read '\(path)': \(error)",
                    at: node.provenance.location, path: node.provenance.path,
                    fix: "put the file there, or set PMSourceFileDir in the connections file"))
        }
    }

    /// File rows mapped to the output ports and converted to their types; a value that does not
    /// convert rejects its row.
    func convert(
        _ fileRows: [[Value]], mapping: [Int?], converts: [Bool], _ outputs: [IR.Port], _ node: Node,
        _ context: RunContext
    ) -> [[Value]] {
        var rows: [[Value]] = []
        rows.reserveCapacity(fileRows.count)
        for row in fileRows {
            var values: [Value] = []
            values.reserveCapacity(outputs.count)
            var failed: RowError?
            for (offset, column) in mapping.enumerated() {
                guard let column else {
                    values.append(.null)
                    continue
                }
                if converts[offset] {
                    do throws(RowError) {
                        values.append(
                            try PortCoercion.coerce(
                                row[column], to: outputs[offset].type, context.settings, port: outputs[offset].name))
                    } catch {
                        failed = error
                        break
                    }
                } else {
                    values.append(row[column])
                }
            }
            if let failed {
                context.reject(node.id, failed, kind: .insert, values: row)
            } else {
                rows.append(values)
            }
        }
        return rows
    }
}

extension Pipeline {
    /// The names of `ports` of node `id` that no node reads (their values are never looked at).
    func unreadPorts(of id: String, among ports: [IR.Port]) -> Set<String> {
        var read: Set<String> = []
        for node in nodes {
            for port in node.ports where port.source?.node == id { read.insert(port.source?.port.uppercased() ?? "") }
        }
        return Set(ports.map(\.name).filter { !read.contains($0.uppercased()) })
    }
}
