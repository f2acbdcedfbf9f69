import IR

/// A set of rows SQL can read: a common table (or a table) and the columns holding the values
/// of the ports it carries, by the port that produced them.
struct SQLRelation {
    /// The common table or table the rows are read from.
    var table: SQLTableName
    /// The column holding each port's value.
    var columns: [PortRef: String]
    /// The rows' kinds, when an Update Strategy set them.
    var rowKind: SQLRowKindInfo? = nil
    /// The order the runtime receives the rows in, when SQL can reproduce it.
    var order: SQLRowOrder = .undefined("the rows' order is not defined")

    /// `FROM table [AS alias]`.
    func from(alias: String? = nil) -> SQLFromItem {
        .table(table, alias: alias == table.name ? nil : alias)
    }

    /// The column holding `ref`'s value, qualified by `alias` when given.
    func column(_ ref: PortRef, alias: String? = nil) -> SQLExpression? {
        columns[ref].map { .column(table: alias, name: $0) }
    }
}

/// The rows one target receives: its connected columns, the query computing them (with every
/// common table, no `WHERE` of its own) and the rows' kinds.
struct SQLTargetRows {
    /// The target columns, in port order.
    var columns: [String]
    /// `WITH … SELECT column AS port … FROM input`.
    var select: SQLSelect
    /// The kinds, when an Update Strategy set them (otherwise every row is an insert).
    var rowKind: SQLRowKindInfo?
    /// The columns the target declares NOT NULL (or primary key) that may receive NULL, each with
    /// its value: the runtime's database rejects such a row (``SQLPipelineBuilder/isNeverNull(_:depth:)``).
    var refusingNull: [(column: String, value: SQLExpression)] = []
}

extension Operator {
    /// Whether this is a target.
    var isTarget: Bool {
        if case .target = self { return true }
        return false
    }
}

/// Builds the statements of a pipeline's targets in one dialect: walks upstream from each target,
/// lowering each node once into a common table (a node several targets read is lowered for the
/// first and reused by the others, as is a node's refusal), and refuses a target with the first
/// check on its path that builds no SQL and fails (``precheck(_:_:table:)``), else with the first
/// node on its path that cannot be lowered exactly. Each target's statement holds the common
/// tables it reads (``SQLTableReferences``).
struct SQLPipelineBuilder {
    let context: SQLPipelineContext
    /// The common tables so far, in dependency order.
    var tables: [SQLCommonTable] = []
    /// The relations built so far, by node and output group.
    var relations: [String: SQLRelation] = [:]
    /// The refusal of each node and output group that could not be lowered, and whether lowering
    /// it read the dialect.
    var failures: [String: (refusal: SQLPushdownRefusal, consulted: Bool)] = [:]
    /// Whether lowering each relation read the dialect (through its own node or upstream ones).
    var consulted: [String: Bool] = [:]
    /// The outcome of ``precheckNode(_:)`` by node: its refusal, if any, and whether it read the dialect.
    var prechecked: [String: (refusal: SQLPushdownRefusal?, consulted: Bool)] = [:]
    /// The common table whose lowering wrote each note of ``verbatimNotes``, by index.
    var noteTables: [Int: String] = [:]
    /// The names taken (upper case): common tables and the tables read.
    var usedNames: Set<String>
    /// The flat-file sources read so far, each staged into a table by the runtime.
    var staged: [SQLSourceStaging] = []
    /// A warning (CG2090) per SQL text from the export emitted verbatim, in order of lowering.
    var verbatimNotes: [Diagnostic] = []

    init(context: SQLPipelineContext) {
        self.context = context
        usedNames = context.analysis.tableNames
    }

    var dialect: any SQLDialect { context.dialect }

    /// The rows `node` receives, converted to its column types, and their kinds (for a flat-file
    /// target too: ``fileTargetLoad(_:_:_:)`` turns them into the rows the runtime writes).
    mutating func targetQuery(_ node: Node, _ spec: TargetSpec) throws(SQLPushdownRefusal) -> SQLTargetRows {
        let ports = context.analysis.inputs(of: node).filter { $0.source != nil }
        guard !ports.isEmpty else {
            throw refusal(
                SQLPipelineDiagnostics.inputRows, node, "target '\(node.id)' has no connected ports",
                fix: "connect the target's ports")
        }
        let input = try inputRelation(of: node, ports: ports)
        var items: [SQLSelectItem] = []
        var refusingNull: [(column: String, value: SQLExpression)] = []
        for port in ports {
            guard let ref = port.source, let value = input.column(ref) else { continue }
            // The runtime hands a target the value as it is (the database, or the flat-file writer
            // that also writes the SQL's rows, converts it): the declared type says how the port
            // was lowered.
            let from = sourceType(ref, declared: true) ?? port.type
            if spec.flatFile == nil { try checkTargetStringWidth(port, of: node, receiving: from) }
            let fitted = try fit(value, from: from, to: port.type, node, port)
            if spec.flatFile == nil {
                try checkTargetColumnType(port, of: node, receiving: sourceType(ref) ?? from)
            }
            items.append(SQLSelectItem(fitted, as: port.name))
            if spec.flatFile == nil, Self.refusesNull(port), !(fitted == value && isNeverNull(ref)) {
                refusingNull.append((port.name, fitted))
            }
        }
        var select = SQLSelect(items: items, from: input.from())
        select.with = SQLTableReferences.needed(tables, by: SQLTableReferences.of(select))
        try checkUnneededFailures(select, of: node)
        return SQLTargetRows(
            columns: ports.map(\.name), select: select, rowKind: input.rowKind, refusingNull: refusingNull)
    }

    /// A relational target column shorter than the strings it can receive: the database decides
    /// what a longer value does (Oracle, SQL Server and PostgreSQL reject the row, SQLite keeps it
    /// whole, Teradata may cut it; reference §2.20), where SQL would cut it or fail the statement.
    func checkTargetStringWidth(_ port: Port, of node: Node, receiving from: DataType) throws(SQLPushdownRefusal) {
        let (limit, width) = (Self.precision(of: port.type), Self.precision(of: from))
        guard from.isString, port.type.isString, limit > 0, width == 0 || width > limit else { return }
        throw refusal(
            SQLPipelineDiagnostics.portConversion, node,
            "target column '\(port.name)' of '\(node.id)' holds \(limit) characters and receives strings of up to "
                + (width == 0 ? "any length" : "\(width)")
                + "; the database decides what a longer one does (most reject the row), which SQL would cut instead",
            fix: "keep this path in the runtime, or make the port no wider than the column",
            location: port.provenance.location, path: port.provenance.path)
    }

    /// A relational target column of a type the values it receives would be converted to (a
    /// decimal(10,2) value passed on unconverted through a Filter's decimal(10,0) port into a
    /// decimal(10,0) column): the database converts it as it stores it, each its own way (SQLite
    /// keeps it, PostgreSQL rounds it), so SQL and the runtime agree only on the same database.
    func checkTargetColumnType(_ port: Port, of node: Node, receiving from: DataType) throws(SQLPushdownRefusal) {
        guard from != port.type, !(from.isString && port.type.isString),
            fitting(from: from, to: port.type, node) != .unchanged
        else { return }
        throw refusal(
            SQLPipelineDiagnostics.portConversion, node,
            "target column '\(port.name)' of '\(node.id)' is \(port.type.canonicalName) and receives "
                + "\(from.canonicalName) values passed on unconverted; each database converts them its own way as "
                + "it stores them", fix: "keep this path in the runtime, or convert the values in an Expression",
            location: port.provenance.location, path: port.provenance.path)
    }

    /// The one relation holding every port `ports` read; refuses when they come from rows SQL
    /// cannot line up.
    mutating func inputRelation(of node: Node, ports: [Port]) throws(SQLPushdownRefusal) -> SQLRelation {
        let all = ports.compactMap(\.source)
        // The closures capture the set of Sequence Generators alone, not a copy of the builder.
        let sequenceNodes = context.analysis.sequenceNodes
        let sequences = all.filter { sequenceNodes.contains($0.node) }
        let refs = sequences.isEmpty ? all : all.filter { !sequenceNodes.contains($0.node) }
        if refs.isEmpty, let sequence = sequences.first {
            throw refusal(
                SQLPipelineDiagnostics.rowOrder, node,
                "'\(node.id)' reads only sequence '\(sequence.node)', whose rows SQL cannot count",
                fix: "keep this path in the runtime")
        }
        var candidates: [SQLRelation] = []
        var seen: Set<String> = []
        for ref in refs where seen.insert(ref.node).inserted {
            candidates.append(try relation(producing: ref, for: node))
        }
        guard let found = candidates.first(where: { relation in refs.allSatisfy { relation.columns[$0] != nil } })
        else {
            throw refusal(
                SQLPipelineDiagnostics.inputRows, node,
                "'\(node.id)' reads ports of \(seen.sorted().map { "'\($0)'" }.joined(separator: ", ")), "
                    + "whose rows SQL cannot line up",
                fix: "keep this path in the runtime, or read every port through one transformation")
        }
        return sequences.isEmpty ? found : try withSequenceValues(found, sequences, for: node)
    }

    /// The relation of the node and output group that produce `ref`.
    mutating func relation(producing ref: PortRef, for consumer: Node) throws(SQLPushdownRefusal) -> SQLRelation {
        guard let producer = context.nodes[ref.node] else {
            throw refusal(
                SQLPipelineDiagnostics.inputRows, consumer, "'\(consumer.id)' reads unknown node '\(ref.node)'",
                fix: "correct the connection")
        }
        if case .setRowKind = producer.op, !consumer.op.isTarget, context.lowering.treatRowsAs == .dataDriven {
            throw refusal(
                SQLPipelineDiagnostics.rowKindNotLowered, consumer,
                "'\(consumer.id)' reads update strategy '\(producer.id)', whose row kinds SQL carries only into a target",
                fix: "connect the update strategy directly to the target, or keep this path in the runtime")
        }
        var group = ""
        if case .route = producer.op { group = producer.port(named: ref.port)?.group ?? "" }
        return try relation(of: producer, group: group)
    }

    /// The relation of `node`'s output `group`, lowering the node on first use (and refusing
    /// again as it first refused). Reusing what read the dialect counts as reading it, so that a
    /// target's refusal is taken as the same in every dialect only when nothing on its path read
    /// the dialect (``SQLPipelineAnalysis/dialectFreeRefusals``).
    mutating func relation(of node: Node, group: String) throws(SQLPushdownRefusal) -> SQLRelation {
        let key = Self.key(node.id, group)
        if let known = relations[key] {
            if consulted[key] == true { context.analysis.dialectConsultations += 1 }
            return known
        }
        if let failed = failures[key] {
            if failed.consulted { context.analysis.dialectConsultations += 1 }
            throw failed.refusal
        }
        let consultations = context.analysis.dialectConsultations
        let notes = verbatimNotes.count
        do {
            try lower(node, group: group)
        } catch {
            failures[key] = (error, context.analysis.dialectConsultations != consultations)
            throw error
        }
        guard let built = relations[key] else {
            throw refusal(
                SQLPipelineDiagnostics.inputRows, node, "'\(node.id)' has no output group '\(group)'",
                fix: "correct the connection")
        }
        consulted[key] = context.analysis.dialectConsultations != consultations
        for index in notes..<verbatimNotes.count where noteTables[index] == nil {
            noteTables[index] = built.table.name.uppercased()
        }
        return built
    }

    /// Gives the notes written for `target` outside any common table to that target alone.
    mutating func claimNotes(for target: Node) {
        for index in verbatimNotes.indices where noteTables[index] == nil { noteTables[index] = "\u{1}" + target.id }
    }

    /// The notes of ``verbatimNotes`` written lowering the common tables `names` (upper case) or
    /// outside any of them (for the target at hand), in order.
    func notes(reading names: Set<String>) -> [Diagnostic] {
        verbatimNotes.indices.filter { noteTables[$0].map(names.contains) ?? true }.map { verbatimNotes[$0] }
    }

    /// Lowers one node into common tables and relations.
    mutating func lower(_ node: Node, group: String) throws(SQLPushdownRefusal) {
        try checkLowPrecisionDecimals(node)
        try checkPassedValueTypes(node)
        switch node.op {
        case .sourceQuery(let spec): try lowerSourceQuery(node, spec)
        case .project: try lowerProject(node)
        case .filter(let spec): try lowerFilter(node, spec)
        case .route(let spec): try lowerRoute(node, spec, group: group)
        case .sort(let spec): try lowerSort(node, spec)
        case .union(let spec): try lowerUnion(node, spec)
        case .join(let spec): try lowerJoin(node, spec)
        case .aggregate(let spec): try lowerAggregate(node, spec)
        case .lookup(let spec):
            try checkLookupDefaults(node)
            try lowerLookup(node, spec)
        case .rank(let spec): try lowerRank(node, spec)
        case .unpivot(let spec): try lowerNormalizer(node, spec)
        case .setRowKind(let spec): try lowerSetRowKind(node, spec)
        case .transactionControl(let spec): try lowerTransactionControl(node, spec)
        default:
            throw refusal(
                SQLPipelineDiagnostics.operatorNotLowered, node,
                "'\(node.id)' is \(Self.article(node.op.kindName)) \(node.op.kindName) transformation, which is not lowered "
                    + "to SQL",
                fix: "keep this path in the runtime (`migrate run`)")
        }
    }

    /// Adds a common table named after `base` (made unique) and returns its name.
    mutating func addTable(_ base: String, _ query: SQLQuery) -> String {
        let name = Self.uniqueName(base, taken: &usedNames)
        tables.append(SQLCommonTable(name, query))
        return name
    }

    /// `base`, or `base_2`, `base_3`, … the first whose upper case is not in `taken`, which then
    /// holds it.
    static func uniqueName(_ base: String, taken: inout Set<String>) -> String {
        var name = base
        var suffix = 2
        while taken.contains(name.uppercased()) {
            name = "\(base)_\(suffix)"
            suffix += 1
        }
        taken.insert(name.uppercased())
        return name
    }

    /// Records the relation of `node`'s output `group`: a common table whose columns are the
    /// given ports' names.
    mutating func register(
        _ node: Node, group: String = "", table: String, ports: [Port], order: SQLRowOrder? = nil
    ) {
        let columns = Dictionary(
            ports.map { (PortRef(node: node.id, port: $0.name), $0.name) }, uniquingKeysWith: { a, _ in a })
        relations[Self.key(node.id, group)] = SQLRelation(
            table: SQLTableName(table), columns: columns, order: order ?? .lost(node: node.id, kind: node.op.kindName))
        if let index = tables.lastIndex(where: { $0.name == table }) {
            let types = Dictionary(ports.map { ($0.name.uppercased(), $0.type) }, uniquingKeysWith: { a, _ in a })
            tables[index].query = Self.typingNulls(tables[index].query, types)
        }
    }

    /// `query` with each NULL it selects for a port of `types` (by upper-case name) without a
    /// type of its own (a bare NULL, or a CASE of NULLs: ``SQLExpression/isUntypedNull``) cast to
    /// the port's type. A common table's untyped NULL column is text in PostgreSQL and int in SQL
    /// Server, so a later comparison with a number or a string fails the statement (a Joiner
    /// input left unconnected and then filtered on: `operator does not exist: text = integer`),
    /// as does writing it to a numeric column (`IIF(ID > 5, NULL, NULL)` into a decimal: `column
    /// is of type numeric but expression is of type text`).
    static func typingNulls(_ query: SQLQuery, _ types: [String: DataType]) -> SQLQuery {
        switch query {
        case .select(var select):
            for index in select.items.indices {
                guard select.items[index].expression.isUntypedNull,
                    let type = select.items[index].alias.flatMap({ types[$0.uppercased()] })
                else { continue }
                select.items[index].expression = .cast(select.items[index].expression, SQLType(type))
            }
            return .select(select)
        case .union(let all, let parts):
            return .union(all: all, parts.map { typingNulls($0, types) })
        }
    }

    /// `a` or `an` before `word`.
    static func article(_ word: String) -> String {
        guard let first = word.first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }

    static func key(_ node: String, _ group: String) -> String { node + "\u{1}" + group }

    /// The datatype of the values the port `ref` names holds (``SQLPipelineAnalysis/valueType(of:)``:
    /// a port that passes values on unconverted holds its input's), or with `declared` the port's
    /// own type; for a sequence's bigint port whose every value fits an integer, integer
    /// (``sequenceRange(_:)``), so that a port of that type takes it exactly.
    func sourceType(_ ref: PortRef, declared: Bool = false) -> DataType? {
        let analysis = context.analysis
        guard let type = declared ? analysis.type(of: ref) : analysis.valueType(of: ref) else { return nil }
        guard type == .bigInteger, isSequencePort(ref), case .sequence(let spec) = context.nodes[ref.node]?.op,
            let range = Self.sequenceRange(spec), range.lowerBound >= Int64(Int32.min),
            range.upperBound <= Int64(Int32.max)
        else { return type }
        return .integer
    }

    /// The type of the values input port `port` receives (``sourceType(_:declared:)`` of its
    /// source), its own type when it is not connected.
    func receivedType(_ port: Port) -> DataType {
        port.source.flatMap { sourceType($0) } ?? port.type
    }

    /// A refusal at `node` (or at `location`/`path` when given).
    func refusal(
        _ descriptor: DiagnosticDescriptor, _ node: Node, _ message: String, fix: String,
        location: SourceLocation? = nil, path: ObjectPath? = nil, notes: [String] = []
    ) -> SQLPushdownRefusal {
        SQLPushdownRefusal(
            node: node.id,
            diagnostic: descriptor(
                message, at: location ?? node.provenance.location, path: path ?? node.provenance.path, notes: notes,
                fix: fix))
    }
}
