import IR

/// Runs one node: receives batches on its input groups and returns batches per output group.
/// Row-local nodes answer each batch at once; blocking ones (aggregate, sort, rank, join) keep
/// what they need and answer in ``finish(_:)``.
class NodeRunner {
    let layout: NodeLayout
    /// The node's id, kept apart so that hot loops do not copy the node to read it.
    let id: String
    var node: Node { layout.node }

    init(layout: NodeLayout) {
        self.layout = layout
        id = layout.node.id
    }

    /// Whether the node answers only when all its input has arrived.
    var isBlocking: Bool { false }

    /// Handles one batch of input group `group`, whose columns are that group's input ports.
    func consume(_ batch: RowBatch, group: String, _ context: RunContext) throws(NodeFailure) -> [String: RowBatch] {
        [:]
    }

    /// Handles the input of group `group` read in place from the upstream batches; runners that
    /// only read their input rows override this to take them without building them.
    func consume(_ input: InputBatch, group: String, _ context: RunContext) throws(NodeFailure) -> [String: RowBatch] {
        try consume(input.batch, group: group, context)
    }

    /// Called once after the last batch; blocking nodes return their rows here.
    func finish(_ context: RunContext) throws(NodeFailure) -> [String: RowBatch] { [:] }

    /// A failure of this node with `descriptor`.
    func failure(_ descriptor: DiagnosticDescriptor, _ message: String, fix: String) -> NodeFailure {
        NodeFailure(descriptor(message, at: node.provenance.location, path: node.provenance.path, fix: fix))
    }

    /// Counts `input` rows in and `output` rows out.
    func count(_ context: RunContext, in input: Int, out output: Int) {
        context.counters[id, default: NodeCounters()].rowsIn += input
        context.counters[id, default: NodeCounters()].rowsOut += output
    }
}

/// How each output port of a pass-through node (filter, router, sorter, update strategy...) takes
/// its value: the input port of the same name, or the input port its expression names.
struct PassThroughProjection {
    let columns: [Int]

    /// The projection of `group`'s output ports onto the node's input ports, or nil with the name
    /// of an output port that is neither.
    init(layout: NodeLayout, outputGroup: String, inputGroup: String = "") throws(NodeFailure) {
        let inputs = layout.inputNames(inputGroup).map { $0.uppercased() }
        var columns: [Int] = []
        for index in layout.outputPorts[outputGroup] ?? [] {
            let port = layout.node.ports[index]
            let name = port.roles.contains(.input) ? port.name : (port.expression?.text ?? port.name)
            guard let column = inputs.firstIndex(of: name.trimmingCharacters(in: .whitespaces).uppercased()) else {
                throw NodeFailure(
                    RunDiagnostics.unsupportedNode(
                        "output port '\(port.name)' of node '\(layout.node.id)' is not a pass-through of an input port",
                        at: port.provenance.location, path: port.provenance.path,
                        fix: "compute the value in an Expression transformation before this node"))
            }
            columns.append(column)
        }
        self.columns = columns
        identity = columns == Array(0..<inputs.count)
    }

    /// Whether every input port passes to the output in order (the row is passed on as it is).
    let identity: Bool

    /// The output row of `row`.
    @inline(__always)
    func apply(_ row: [Value]) -> [Value] {
        if identity { return row }
        var result: [Value] = []
        result.reserveCapacity(columns.count)
        for column in columns { result.append(row[column]) }
        return result
    }

}

/// Compiles the expressions and conditions of a node in its type environment: the pipeline's
/// parameters and variables, unconnected lookups and user functions.
struct NodeCompiler {
    let types: PipelineTypeEnvironment
    let parameters: [String: Value]
    let mappingVariables: [String: DataType]
    let lookups: (any LookupResolver)?
    let userFunctions: (any UserFunctionResolver)?
    let settings: EvaluationSettings

    /// Parses and type checks `text` as written in `node`; nil with diagnostics when it is in error.
    func check(_ text: String, in node: Node, resultType: DataType? = nil, environment: TypeEnvironment? = nil)
        -> (expression: Expr?, diagnostics: [Diagnostic])
    {
        let source = ExpressionSource(text, path: node.provenance.path, location: node.provenance.location)
        let (parsed, parseDiagnostics) = ExpressionParser.parse(source)
        guard !parseDiagnostics.hasErrors else { return (nil, parseDiagnostics) }
        let (typed, typeDiagnostics) = ExpressionTypeChecker.check(
            parsed, in: environment ?? types.environment(of: node), source: source, portType: resultType)
        guard !typeDiagnostics.hasErrors else { return (nil, parseDiagnostics + typeDiagnostics) }
        return (typed, parseDiagnostics + typeDiagnostics)
    }

    /// Compiles a checked expression for rows laid out as `slots` says.
    func compile(_ expression: Expr, text: String, in node: Node, slots: [String: Int])
        -> (compiled: CompiledExpression?, diagnostics: [Diagnostic])
    {
        let environment = CompileEnvironment(
            slots: Dictionary(slots.map { ($0.key.uppercased(), $0.value) }, uniquingKeysWith: { a, _ in a }),
            parameters: parameters, mappingVariables: Set(mappingVariables.keys),
            lookups: ScopedLookups.resolver(lookups, for: node.id), userFunctions: userFunctions, settings: settings,
            source: ExpressionSource(text, path: node.provenance.path, location: node.provenance.location))
        return ExpressionCompiler.compile(expression, in: environment)
    }

    /// Parses, checks and compiles `text` written in `node` for rows laid out as `columns`.
    func compile(_ text: String, in node: Node, columns: [String], resultType: DataType? = nil) throws(NodeFailure)
        -> CompiledExpression
    {
        let (checked, diagnostics) = check(text, in: node, resultType: resultType)
        let slots = Dictionary(columns.enumerated().map { ($1.uppercased(), $0) }, uniquingKeysWith: { a, _ in a })
        guard let checked else { throw Self.failure(node, text, diagnostics) }
        let (compiled, compileDiagnostics) = compile(checked, text: text, in: node, slots: slots)
        guard let compiled else { throw Self.failure(node, text, diagnostics + compileDiagnostics) }
        return compiled
    }

    /// The failure of a node whose expression `text` (nil: one of its port expressions) does not
    /// compile, naming the first error; a long or multi-line expression is shortened.
    static func failure(_ node: Node, _ text: String?, _ diagnostics: [Diagnostic]) -> NodeFailure {
        let first = diagnostics.first { $0.severity == .error }
        let what: String
        if let text {
            let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
            let short = line.count > 60 ? String(line.prefix(60)) + "…" : line
            what = "expression '\(short)\(short == text ? "" : (short.hasSuffix("…") ? "" : " …"))' of node"
        } else {
            what = "a port expression of node"
        }
        return NodeFailure(
            RunDiagnostics.nodeDoesNotCompile(
                "\(what) '\(node.id)' cannot be compiled"
                    + (first.map { ": [\($0.code)] \($0.message)" } ?? ""),
                at: node.provenance.location, path: node.provenance.path,
                fix: first?.fix ?? "correct the expression in the mapping"))
    }
}
