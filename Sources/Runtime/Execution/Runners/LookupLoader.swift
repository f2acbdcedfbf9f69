import Foundation
import IR

/// Reads a lookup's data (its table, override, or flat file; the scratch table in a `--generate`
/// run) and indexes it by the lookup condition.
struct LookupLoader {
    let resources: RunResources

    /// The index of `node`'s lookup data.
    func load(node: Node, spec: LookupSpec, context: RunContext) throws(NodeFailure) -> LookupIndex {
        let condition = try Self.condition(of: node, spec: spec)
        let ports = node.ports.filter { $0.roles.contains(.lookup) }
        let rows = try read(node: node, spec: spec, ports: ports, context: context)
        do throws(RowError) {
            return try LookupIndex(
                table: rows, columns: ports.map(\.name), condition: condition, spec: spec, settings: context.settings)
        } catch {
            throw NodeFailure(
                RunDiagnostics.readFailed(
                    "the data of lookup '\(node.id)' cannot be indexed: \(error.message)",
                    at: node.provenance.location, path: node.provenance.path, fix: "check the lookup's data"))
        }
    }

    /// The condition: a conjunction of `lookup_port op input_port` comparisons (either way round).
    static func condition(of node: Node, spec: LookupSpec) throws(NodeFailure) -> LookupCondition {
        guard let text = spec.condition?.text else {
            throw NodeFailure(
                RunDiagnostics.unsupportedCondition(
                    "lookup '\(node.id)' has no condition", at: node.provenance.location, path: node.provenance.path,
                    fix: "give the lookup a condition such as 'ID = IN_ID'"))
        }
        let lookupNames = Set(node.ports.filter { $0.roles.contains(.lookup) }.map { $0.name.uppercased() })
        var condition = LookupCondition()
        let comparisons = PortComparisons.parse(text)
        var ok = comparisons != nil
        for comparison in comparisons ?? [] {
            let leftIsLookup = lookupNames.contains(comparison.left.uppercased())
            let rightIsLookup = lookupNames.contains(comparison.right.uppercased())
            guard leftIsLookup != rightIsLookup else {
                ok = false
                continue
            }
            // Kept as `lookup op input`.
            let (input, lookup, relation) =
                leftIsLookup
                ? (comparison.right, comparison.left, comparison.op)
                : (comparison.left, comparison.right, PortComparisons.mirrored[comparison.op] ?? comparison.op)
            if relation == .equal {
                condition.equalities.append((input, lookup))
            } else {
                condition.comparisons.append((input, lookup, relation))
            }
        }
        guard ok, !condition.inputs.isEmpty else {
            throw NodeFailure(
                RunDiagnostics.unsupportedCondition(
                    "lookup '\(node.id)' has condition '\(text)'; the native lookup evaluates conjunctions of "
                        + "comparisons between a lookup port and an input port only",
                    at: node.provenance.location, path: node.provenance.path,
                    fix: "rewrite the condition as 'lookup_port op input_port AND ...'"))
        }
        return condition
    }

    /// The lookup's rows, one value per lookup port.
    func read(node: Node, spec: LookupSpec, ports: [IR.Port], context: RunContext) throws(NodeFailure) -> [[Value]] {
        if resources.scratch == nil, isFlatFile(node, spec) {
            return try readFile(node: node, ports: ports, context: context)
        }
        let settingsConnection = context.settings(of: node.id)?.connection
        let (_, connection) = try resources.connection(named: settingsConnection ?? spec.connection, for: node)
        let names = ports.map { connection.quote($0.name) }.joined(separator: ", ")
        var sql: String
        if resources.scratch != nil {
            sql = "SELECT \(names) FROM \(connection.quote(node.id))"
        } else if let override = spec.sqlOverride, !override.trimmingCharacters(in: .whitespaces).isEmpty {
            sql = "SELECT \(names) FROM (\(context.substitute(override))) lookup_override"
        } else {
            let table = context.attribute("Lookup table name", of: node) ?? spec.table ?? node.id
            sql = "SELECT \(names) FROM \(connection.quote(table))"
            if let filter = spec.filter, !filter.trimmingCharacters(in: .whitespaces).isEmpty {
                sql += " WHERE " + context.substitute(filter)
            }
        }
        do throws(ConnectorError) {
            return try connection.query(sql, types: ports.map { $0.type }).rows
        } catch {
            throw NodeFailure(
                RunDiagnostics.readFailed(
                    "lookup '\(node.id)' cannot read its data: [\(error.code)] \(error.message)",
                    at: node.provenance.location, path: node.provenance.path,
                    fix: "check that the table exists on connection '\(spec.connection ?? "default")'; SQL: \(sql)"))
        }
    }

    func isFlatFile(_ node: Node, _ spec: LookupSpec) -> Bool {
        spec.sourceType == "flat-file"
    }

    /// Reads a flat-file lookup source: the session's `Lookup source file directory` and
    /// `Lookup source filename`, delimited as its FLATFILE settings say (comma, double quotes by default).
    func readFile(node: Node, ports: [IR.Port], context: RunContext) throws(NodeFailure) -> [[Value]] {
        let name = context.attribute("Lookup source filename", of: node) ?? (spec(node)?.table ?? node.id)
        let path = resources.filePath(
            directory: context.attribute("Lookup source file directory", of: node), name: name,
            defaultDirectory: "PMLookupFileDir")
        // The lookup's FLATFILE settings arrive as one `KEY=VALUE; ...` attribute; the session's
        // `FLATFILE.KEY` attributes override them.
        var settings: [String: String] = [:]
        for pair in (node.attributes.first { $0.name == "FLATFILE" }?.value ?? "").components(separatedBy: "; ") {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            settings[String(pair[..<equals]).trimmingCharacters(in: .whitespaces)] = String(
                pair[pair.index(after: equals)...])
        }
        for attribute in context.settings(of: node.id)?.attributes ?? [] where attribute.name.hasPrefix("FLATFILE.") {
            settings[String(attribute.name.dropFirst("FLATFILE.".count))] = attribute.value
        }
        let format = FlatFileFormat(
            delimited: (settings["DELIMITED"] ?? "YES").uppercased() != "NO", delimiters: settings["DELIMITERS"] ?? ",",
            quote: settings["QUOTE_CHARACTER"].map(Self.quoteName) ?? "double", escape: settings["ESCAPE_CHARACTER"],
            skipRows: Int(settings["SKIPROWS"] ?? "") ?? 0, codePage: settings["CODEPAGE"])
        let reader = FlatFileReader(format: format, ports: ports, settings: context.settings)
        do throws(FlatFileIOError) {
            let result = try reader.read(path: path)
            for error in result.errors {
                context.reject(node.id, error.error, kind: .insert, values: [.string("line \(error.line)")])
            }
            return result.rows.rows
        } catch {
            throw NodeFailure(
                RunDiagnostics.readFailed(
                    "lookup '\(node.id)' cannot read '\(path)': \(error.message)", at: node.provenance.location,
                    path: node.provenance.path, fix: "put the file there or set PMLookupFileDir in the connections file"
                ))
        }
    }

    func spec(_ node: Node) -> LookupSpec? {
        if case .lookup(let spec) = node.op { return spec }
        return nil
    }

    static func quoteName(_ text: String) -> String {
        switch text.uppercased() {
        case "DOUBLE", "\"": "double"
        case "SINGLE", "'": "single"
        default: "none"
        }
    }
}

/// The unconnected lookups of a pipeline, callable as `:LKP.name(args)`: arguments bind to the
/// lookup's input ports in port order; the result is the return port's value, NULL without a match.
struct UnconnectedLookups: LookupResolver {
    struct Entry: Sendable {
        let index: LookupIndex
        let argumentOrder: [Int]
        let returnColumn: Int
        let arity: Int
    }

    let entries: [String: Entry]

    /// Loads every unconnected lookup of `pipeline` that has a return port.
    static func load(_ pipeline: Pipeline, loader: LookupLoader, context: RunContext) throws(NodeFailure)
        -> UnconnectedLookups
    {
        var entries: [String: Entry] = [:]
        for node in pipeline.nodes {
            guard case .lookup(let spec) = node.op, !spec.connected else { continue }
            let names = node.lookupCallNames
            let used = pipeline.nodes.contains { other in
                other.ports.contains { port in
                    guard let text = port.expression?.text.uppercased() else { return false }
                    return names.contains { text.contains(":LKP." + $0) }
                }
            }
            guard used else { continue }
            let index = try loader.load(node: node, spec: spec, context: context)
            let inputs = node.ports.filter { $0.roles.contains(.input) }.map { $0.name.uppercased() }
            let order = index.inputKeys.map { inputs.firstIndex(of: $0.uppercased()) ?? 0 }
            guard let returnPort = node.lookupReturnPort(),
                let column = index.columns.firstIndex(of: returnPort.name)
            else { continue }
            let entry = Entry(index: index, argumentOrder: order, returnColumn: column, arity: inputs.count)
            for name in names where entries[name] == nil { entries[name] = entry }
        }
        return UnconnectedLookups(entries: entries)
    }

    func lookupFunction(named name: String, arity: Int) -> ExternalFunction? {
        guard let entry = entries[name.uppercased()], entry.arity == arity else { return nil }
        return { arguments, _ throws(RowError) in
            let key = entry.argumentOrder.map { $0 < arguments.count ? arguments[$0] : .null }
            switch entry.index.find(key) {
            case nil: return .null
            case .row(let row): return row[entry.returnColumn]
            case .rows(let rows): return rows.first?[entry.returnColumn] ?? .null
            case .error(let error): throw error
            }
        }
    }
}

/// The lookups an expression of an expanded mapplet's node calls: `:LKP.LKP_X` in `MPL_2.EXP` is
/// `MPL_2.LKP_X` when that instance has one (another mapplet's `LKP_X` is not the one called),
/// else the name as the pipeline resolves it (``PipelineTypeEnvironment/lookups(seenBy:)``
/// types the calls the same way).
struct ScopedLookups: LookupResolver {
    let base: any LookupResolver
    /// ``Node/mappletScopes(of:)`` of the calling node, innermost first.
    let scopes: [String]

    /// `base` as node `id` sees it (`base` itself outside mapplets).
    static func resolver(_ base: (any LookupResolver)?, for id: String) -> (any LookupResolver)? {
        guard let base else { return nil }
        let scopes = Node.mappletScopes(of: id)
        return scopes.isEmpty ? base : ScopedLookups(base: base, scopes: scopes)
    }

    func lookupFunction(named name: String, arity: Int) -> ExternalFunction? {
        let upper = name.uppercased()
        for scope in scopes {
            if let function = base.lookupFunction(named: scope + upper, arity: arity) { return function }
        }
        return base.lookupFunction(named: name, arity: arity)
    }
}
