import IR

/// What lowering one pipeline needs that no dialect and no target changes, worked out once and
/// shared by every target's lowering and, through ``SQLPipelineLowering/lower(_:inEach:)``, by
/// every dialect's: the nodes by id, the staging tables, the names taken, the type environments,
/// the expressions parsed and type checked so far, and the refusals no dialect decides.
///
/// Typing is done on first use, not up front, since most targets are refused at an early node.
/// A reference type so that lowering functions that do not mutate the builder can record what
/// they typed; it lives only within one call of ``SQLPipelineLowering/lower(_:)`` or
/// ``SQLPipelineLowering/lower(_:inEach:)`` and is never shared between threads.
final class SQLPipelineAnalysis {
    let pipeline: Pipeline
    let types: PipelineTypeEnvironment
    let nodes: [String: Node]
    /// The staging table of each flat-file source, by source instance.
    let stagingTables: [String: String]
    /// The names (upper case) of the tables the pipeline reads and writes, and of the staging
    /// tables: common tables must not take them.
    let tableNames: Set<String>
    /// Whether some port of the pipeline is a decimal of more than 15 digits.
    let hasWideDecimals: Bool
    /// The ids of the Sequence Generators.
    let sequenceNodes: Set<String>
    /// How often lowering code has read the dialect (``SQLPipelineContext/dialect``).
    var dialectConsultations = 0
    /// The refusal of each target (by index in the pipeline's nodes) whose lowering was refused
    /// without reading the dialect: the same steps refuse it in every dialect.
    var dialectFreeRefusals: [Int: SQLPushdownReport.NotPushedDown] = [:]
    /// Whether node ids are unique, so that an id names one type environment (the typing memo is
    /// off otherwise).
    private let uniqueIDs: Bool
    private var environments: [String: TypeEnvironment] = [:]
    private var typedExpressions: [TypedKey: Expr] = [:]
    private var trees: [String: (tree: Expr, hasErrors: Bool)] = [:]
    private var staleVariables: [String: (variable: Port, reads: String)?] = [:]
    private var selfReads: [String: SQLPushdownRefusal?] = [:]
    private var inputPorts: [String: [Port]] = [:]
    /// ``orderKeepers``, once worked out.
    private var orderKeepersMemo: Set<String>?
    /// The outcome (the refusal, nil when they passed) of each check of a node, by check and node
    /// id, that read no dialect: the same in every dialect lowered with this analysis.
    private var dialectFreeOutcomes: [DialectFreeKey: SQLPushdownRefusal?] = [:]
    /// ``portsRead(of:)`` of every node, once worked out.
    private var portsReadMemo: [String: Set<String>]?
    /// ``transformationNames``, once worked out.
    private var transformationNamesMemo: (names: Set<String>, lengths: Set<Int>)?
    /// Each node's ports and their names' index, by node id, filled node by node on first use.
    private var portIndexes: [String: (ports: [Port], names: NameIndex)] = [:]
    /// The names of the ports ``holdsWideDecimal(_:)`` finds, by node id, once it is first asked.
    private var wideDecimalPorts: [String: Set<String>]?
    /// The port each port of a node (by id) that passes values on unconverted takes them from,
    /// listed once per node on first use (``passedOn(by:)``).
    private var passedOnMemo: [String: [String: PortRef]] = [:]
    /// With repeated node ids, the passed-on ports ``valueType(of:)`` reads, worked out over the
    /// whole pipeline at once (nil with unique ids, where ``passedOnMemo`` lists them per node).
    private let passedOnWithRepeatedIDs: [PortRef: PortRef]?
    /// Whether each node (by id) has an input port receiving values of another type than its own.
    private var receivingOtherTypes: [String: Bool] = [:]

    /// A check ``dialectFree(_:of:_:)`` keeps the outcome of: a node's prechecks
    /// (``SQLPipelineBuilder/precheckNode(_:)``), or a target's checks of its own ports.
    enum DialectFreeCheck: Hashable {
        case node, targetPorts
    }

    private struct DialectFreeKey: Hashable {
        let kind: DialectFreeCheck
        let node: String
    }

    /// What one expression was typed from: its node, its text and the type of the port it sets.
    private struct TypedKey: Hashable {
        let node: String
        let text: String
        let resultType: DataType?
    }

    init(pipeline: Pipeline, highPrecision: Bool) {
        self.pipeline = pipeline
        types = PipelineTypeEnvironment(pipeline: pipeline, highPrecision: highPrecision)
        nodes = Dictionary(pipeline.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        uniqueIDs = nodes.count == pipeline.nodes.count
        passedOnWithRepeatedIDs = uniqueIDs ? nil : Self.passedOn(in: pipeline)
        stagingTables = SQLFlatFileNames.stagingTables(of: pipeline)
        var names: Set<String> = []
        for node in pipeline.nodes {
            if case .source(let spec) = node.op { names.insert(spec.table.uppercased()) }
            if case .target(let spec) = node.op { names.insert(spec.table.uppercased()) }
            if case .lookup(let spec) = node.op { names.insert((spec.table ?? node.id).uppercased()) }
        }
        tableNames = names.union(stagingTables.values.map { $0.uppercased() })
        hasWideDecimals = pipeline.nodes.contains { node in
            node.ports.contains { SQLPipelineBuilder.isWideDecimal($0.type) }
        }
        sequenceNodes = Set(
            pipeline.nodes.compactMap { node in
                guard case .sequence = node.op else { return nil }
                return node.id
            })
    }

    /// Whether the port `ref` names (the first port of that name) holds a decimal of more than 15
    /// digits exactly: it is such a port, or it passes on unchanged the value of one through
    /// transformations that do not convert values (every node but an Expression or an
    /// Aggregator). The pipeline's such ports are found on the first question.
    func holdsWideDecimal(_ ref: PortRef) -> Bool {
        guard hasWideDecimals else { return false }
        if let wideDecimalPorts { return wideDecimalPorts[ref.node]?.contains(ref.port) ?? false }
        let wide = Self.wideDecimalPorts(of: pipeline)
        wideDecimalPorts = wide
        return wide[ref.node]?.contains(ref.port) ?? false
    }

    /// The names of the wide decimal ports by node id, then of each port that reads one
    /// unchanged, pass after pass over the nodes until one adds none (their order need not be
    /// topological; it mostly is, so two passes are the rule): what ``holdsWideDecimal(_:)``
    /// finds. Only the first port of a name counts. Ports are read in place, and the wide names
    /// of the node a port reads are looked up once for a run of ports reading that node.
    static func wideDecimalPorts(of pipeline: Pipeline) -> [String: Set<String>] {
        var wide: [String: Set<String>] = [:]
        // Adds the name of port `p` of node `n` when it is the first port of that name; true when added.
        func add(_ p: Int, of n: Int, firsts: inout [Int]?) -> Bool {
            if firsts == nil {
                let ports = pipeline.nodes[n].ports
                firsts = NameIndex(count: ports.count) { ports[$0].name }.firsts
            }
            guard firsts?[p] == p else { return false }
            return wide[pipeline.nodes[n].id, default: []].insert(pipeline.nodes[n].ports[p].name).inserted
        }
        for n in pipeline.nodes.indices {
            var firsts: [Int]?
            for p in pipeline.nodes[n].ports.indices
            where SQLPipelineBuilder.isWideDecimal(pipeline.nodes[n].ports[p].type) {
                _ = add(p, of: n, firsts: &firsts)
            }
        }
        guard !wide.isEmpty else { return wide }
        // Only the nodes that pass values on unconverted (not an Expression or an Aggregator).
        let passing = pipeline.nodes.indices.filter { n in
            switch pipeline.nodes[n].op {
            case .project, .aggregate: false
            default: true
            }
        }
        var added = true
        while added {
            added = false
            for n in passing {
                var firsts: [Int]?
                var read: (node: String, wide: Set<String>?)?
                for p in pipeline.nodes[n].ports.indices {
                    guard let source = pipeline.nodes[n].ports[p].source else { continue }
                    if read?.node != source.node { read = (source.node, wide[source.node]) }
                    guard read?.wide?.contains(source.port) ?? false, add(p, of: n, firsts: &firsts) else { continue }
                    added = true
                    // A node reading itself sees its own new name.
                    if source.node == pipeline.nodes[n].id { read = nil }
                }
            }
        }
        return wide
    }

    /// Whether the pipeline's expressions are typed with high precision.
    var highPrecision: Bool { types.highPrecision }

    /// The type environment of `node`'s expressions.
    func environment(of node: Node) -> TypeEnvironment {
        guard uniqueIDs else { return types.environment(of: node) }
        if let known = environments[node.id] { return known }
        let environment = types.environment(of: node)
        environments[node.id] = environment
        return environment
    }

    /// The typed tree of `text` in `node` for a port of `resultType`, when an earlier call gave
    /// one without errors (typing does not depend on where the text is located, its diagnostics
    /// do, so only error-free results are kept).
    func knownTyped(_ text: String, of node: Node, resultType: DataType?) -> Expr? {
        guard uniqueIDs else { return nil }
        return typedExpressions[TypedKey(node: node.id, text: text, resultType: resultType)]
    }

    /// Records `typed`, the error-free typed tree of `text` in `node` for a port of `resultType`.
    func record(_ typed: Expr, for text: String, of node: Node, resultType: DataType?) {
        guard uniqueIDs else { return }
        typedExpressions[TypedKey(node: node.id, text: text, resultType: resultType)] = typed
    }

    /// The tree of `text` as the parser gives it, errors or not, and whether it reported an error
    /// (parsed once per text).
    func tree(_ text: String) -> (tree: Expr, hasErrors: Bool) {
        if let known = trees[text] { return known }
        let (tree, problems) = ExpressionParser.parse(ExpressionSource(text))
        let result = (tree, problems.contains { $0.severity == .error })
        trees[text] = result
        return result
    }

    /// `text` parsed; nil when the parser reports an error.
    func parsed(_ text: String) -> Expr? {
        let (tree, hasErrors) = tree(text)
        return hasErrors ? nil : tree
    }

    /// The refusal of target `node` for reading the table it writes (nil when it does not),
    /// found by `find` once per target.
    func selfRead(of node: Node, _ find: () -> SQLPushdownRefusal?) -> SQLPushdownRefusal? {
        guard uniqueIDs else { return find() }
        if let known = selfReads[node.id] { return known }
        let found = find()
        selfReads[node.id] = .some(found)
        return found
    }

    /// The type of the port `ref` names (the first port of that name), nil when there is none.
    /// Each node's port names are indexed once, so that a lookup neither copies the node nor
    /// scans its ports.
    func type(of ref: PortRef) -> DataType? {
        let ports: [Port]
        let names: NameIndex
        if let known = portIndexes[ref.node] {
            (ports, names) = known
        } else {
            guard let found = nodes[ref.node]?.ports else { return nil }
            (ports, names) = (found, NameIndex(count: found.count) { found[$0].name })
            if uniqueIDs { portIndexes[ref.node] = (ports, names) }
        }
        return names.first(ref.port) { ports[$0].name }.map { ports[$0].type }
    }

    /// The type of the values the port `ref` names holds in the runtime: its own type where the
    /// runtime converts values to it (sources, source qualifiers, an Expression's ports, computed
    /// ports, a lookup's table ports, sequences), and where a transformation passes the value it
    /// receives on unconverted (an input/output port of a Filter, Sorter, Router, Joiner, Lookup,
    /// Rank, Aggregator or Update Strategy; a Router's output port), the type of that value.
    func valueType(of ref: PortRef) -> DataType? {
        var current = ref
        for _ in 0...pipeline.nodes.count * 2 {
            guard let source = passedOnSource(current) else { break }
            current = source
        }
        return type(of: current)
    }

    /// The port whose value the port `ref` names passes on unconverted, nil when it converts or
    /// computes its value.
    private func passedOnSource(_ ref: PortRef) -> PortRef? {
        if let passedOnWithRepeatedIDs { return passedOnWithRepeatedIDs[ref] }
        if let known = passedOnMemo[ref.node] { return known[ref.port] }
        guard let node = nodes[ref.node] else { return nil }
        let passes = Self.passedOn(by: node)
        passedOnMemo[ref.node] = passes
        return passes[ref.port]
    }

    /// Whether some input port of `node` receives values of another type than its own
    /// (``valueType(of:)`` of its source); worked out once per node.
    func receivesOtherTypes(_ node: Node) -> Bool {
        guard uniqueIDs else { return true }
        if let known = receivingOtherTypes[node.id] { return known }
        // Ports are read in place, not copied.
        let found = node.ports.indices.contains { index in
            guard node.ports[index].roles.contains(.input), let source = node.ports[index].source else { return false }
            return valueType(of: source) != node.ports[index].type
        }
        receivingOtherTypes[node.id] = found
        return found
    }

    /// The port each port that passes values on unconverted takes them from (``valueType(of:)``).
    static func passedOn(in pipeline: Pipeline) -> [PortRef: PortRef] {
        var passes: [PortRef: PortRef] = [:]
        for node in pipeline.nodes {
            for (port, source) in passedOn(by: node) { passes[PortRef(node: node.id, port: port)] = source }
        }
        return passes
    }

    /// The port each port of `node` (by name) that passes values on unconverted takes them from.
    static func passedOn(by node: Node) -> [String: PortRef] {
        switch node.op {
        case .project, .source, .sourceQuery, .sequence, .union, .unpivot, .target: return [:]
        default: break
        }
        // The first port of a name stands for it, as `type(of:)` takes it.
        // Ports are read in place, not copied.
        var passes: [String: PortRef] = [:]
        for index in node.ports.indices {
            let roles = node.ports[index].roles
            guard roles.contains(.input), !roles.contains(.lookup), let source = node.ports[index].source else {
                continue
            }
            let name = node.ports[index].name
            if passes[name] == nil { passes[name] = source }
        }
        // A Router's output port names the input port whose value it passes on.
        guard case .route = node.op else { return passes }
        let inputs = passes
        for index in node.ports.indices where !node.ports[index].roles.contains(.input) {
            guard let name = node.ports[index].expression?.text, let source = inputs[name.trimmingSpaces()] else {
                continue
            }
            passes[node.ports[index].name] = source
        }
        return passes
    }

    /// `node`'s input ports (``Node/inputPorts``), listed once per node.
    func inputs(of node: Node) -> [Port] {
        guard uniqueIDs else { return node.inputPorts }
        if let known = inputPorts[node.id] { return known }
        let ports = node.inputPorts
        inputPorts[node.id] = ports
        return ports
    }

    /// `check` of `node`, made once for every dialect lowered with this analysis when it reads no
    /// dialect: an earlier lowering's outcome is thrown again or passes again; otherwise `check`
    /// runs, and its outcome is kept if it read no dialect (``dialectConsultations`` unchanged).
    func dialectFree(
        _ kind: DialectFreeCheck, of node: Node, _ check: () throws(SQLPushdownRefusal) -> Void
    ) throws(SQLPushdownRefusal) {
        let key = DialectFreeKey(kind: kind, node: node.id)
        if uniqueIDs, let known = dialectFreeOutcomes[key] {
            if let refusal = known { throw refusal }
            return
        }
        let consultations = dialectConsultations
        var outcome: SQLPushdownRefusal?
        do { try check() } catch { outcome = error }
        if uniqueIDs, dialectConsultations == consultations { dialectFreeOutcomes[key] = .some(outcome) }
        if let outcome { throw outcome }
    }

    /// The names (upper case) of the ports of node `id` that some port of the pipeline reads;
    /// found for every node in one pass over the ports on first use.
    func portsRead(of id: String) -> Set<String> {
        if let known = portsReadMemo { return known[id] ?? [] }
        var read: [String: Set<String>] = [:]
        for node in pipeline.nodes {
            for index in node.ports.indices {
                guard let source = node.ports[index].source else { continue }
                read[source.node, default: []].insert(source.port.uppercased())
            }
        }
        portsReadMemo = read
        return read[id] ?? []
    }

    /// The ids (upper case) of the nodes that are neither sources nor targets: the names the
    /// statement's common tables take, alone or with a suffix; and their lengths in UTF-8 bytes.
    var transformationNames: (names: Set<String>, lengths: Set<Int>) {
        if let known = transformationNamesMemo { return known }
        let names = Set(
            pipeline.nodes.filter { node in
                switch node.op {
                case .source, .target: false
                default: true
                }
            }.map { $0.id.uppercased() })
        let result = (names, Set(names.map(\.utf8.count)))
        transformationNamesMemo = result
        return result
    }

    /// The nodes whose rows' order a later transformation may depend on: every node upstream of
    /// one that reads a Sequence Generator, an Aggregator that may take a last row's value, or an
    /// Expression whose variables carry values across rows (``orderDependents``). Only these
    /// carry the columns of their ``SQLRowOrder`` into their common tables, so SQL that nothing
    /// numbers keeps no such columns.
    var orderKeepers: Set<String> {
        if let known = orderKeepersMemo { return known }
        var keepers: Set<String> = []
        var pending = pipeline.nodes.filter(dependsOnOrder).flatMap(\.upstreamNodes)
        while let id = pending.popLast() {
            guard keepers.insert(id).inserted, let node = nodes[id] else { continue }
            pending += node.upstreamNodes
        }
        orderKeepersMemo = keepers
        return keepers
    }

    /// Whether `node`'s rows may depend on the order its input arrives in: an Aggregator port that
    /// takes the last row's value (as ``SQLPipelineBuilder/lastRowValue(_:of:values:)`` finds it; an
    /// expression that does not parse counts).
    func dependsOnOrder(_ node: Node) -> Bool {
        if node.ports.contains(where: { $0.source.map { sequenceNodes.contains($0.node) } ?? false }) { return true }
        switch node.op {
        case .project where staleVariable(of: node) != nil: return true
        case .unpivot(let spec): return SQLPipelineBuilder.readsGeneratedKey(of: node, spec, in: pipeline)
        case .aggregate(let spec):
            let keys = Set(spec.groupBy.map { $0.uppercased() })
            return node.outputPorts.contains { port in
                if port.roles.contains(.input) { return !keys.contains(port.name.uppercased()) }
                guard let text = port.expression?.text, !text.trimmingSpaces().isEmpty else { return false }
                guard let tree = parsed(text) else { return true }
                return !SQLPipelineBuilder.isLiteral(tree) && !SQLPipelineBuilder.containsAggregate(tree)
            }
        default: return false
        }
    }

    /// The first variable port of `node` that reads a variable (itself, or one listed after it)
    /// before it is computed in the row, and the name read; nil when there is none.
    func staleVariable(of node: Node) -> (variable: Port, reads: String)? {
        if uniqueIDs, let known = staleVariables[node.id] { return known }
        let variables = node.ports.filter { $0.roles.contains(.variable) }
        // A name read at variable `index` is computed later in the row when a variable at `index`
        // or after has it.
        var lastIndex: [String: Int] = [:]
        for (index, variable) in variables.enumerated() { lastIndex[variable.name.uppercased()] = index }
        var found: (variable: Port, reads: String)?
        for (index, variable) in variables.enumerated() {
            guard let text = variable.expression?.text, let parsed = parsed(text) else { continue }
            let references = OptimizerSupport.references(parsed)
            guard let stale = references.first(where: { (lastIndex[$0] ?? -1) >= index }) else { continue }
            found = (variable, stale)
            break
        }
        if uniqueIDs { staleVariables[node.id] = .some(found) }
        return found
    }
}

/// What every target's lowering of one pipeline in one dialect shares.
struct SQLPipelineContext {
    /// What no dialect changes (shared by the dialects of ``SQLPipelineLowering/lower(_:inEach:)``).
    let analysis: SQLPipelineAnalysis
    let lowering: SQLPipelineLowering

    init(pipeline: Pipeline, lowering: SQLPipelineLowering) {
        self.init(
            analysis: SQLPipelineAnalysis(pipeline: pipeline, highPrecision: lowering.options.highPrecision),
            lowering: lowering)
    }

    init(analysis: SQLPipelineAnalysis, lowering: SQLPipelineLowering) {
        precondition(analysis.highPrecision == lowering.options.highPrecision, "typed with another precision")
        self.analysis = analysis
        self.lowering = lowering
    }

    var pipeline: Pipeline { analysis.pipeline }
    var types: PipelineTypeEnvironment { analysis.types }
    var nodes: [String: Node] { analysis.nodes }
    /// The staging table of each flat-file source, by source instance.
    var stagingTables: [String: String] { analysis.stagingTables }

    /// The dialect; every use is counted, so that a refusal reached without one is known to hold
    /// in every dialect (``SQLPipelineAnalysis/dialectFreeRefusals``). Lowering code reads the
    /// dialect only here (never through `lowering.dialect`).
    var dialect: any SQLDialect {
        analysis.dialectConsultations += 1
        return lowering.dialect
    }
}
