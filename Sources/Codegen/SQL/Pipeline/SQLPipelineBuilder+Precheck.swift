import IR

/// The checks of a target's path that need no SQL, run before its rows are lowered.
///
/// Lowering refuses a target at the first node on its path it cannot lower exactly. Many
/// refusals depend only on the export: a port converting values in a way SQL does not (CG2008),
/// a wide decimal without high precision, an expression with errors, a target that reads its
/// own table or runs Pre SQL written for another database (CG2010). Found after the SQL of every
/// node upstream of them was built, such a refusal costs that work in each dialect, and since
/// that work reads the dialect, it is not known to hold in every dialect
/// (``SQLPipelineAnalysis/dialectFreeRefusals``). Here they are made first, with no SQL built,
/// in the order lowering makes them: each node's, upstream in the order lowering reaches them,
/// then the target's columns, its Pre and Post SQL, and whether it reads its own table.
///
/// Whether a target is pushed down does not change: each check here is one lowering makes, on a
/// node it lowers, before it could succeed. Which refusal is named can: where lowering would
/// first have refused an earlier node for another reason (say, a function this dialect lacks),
/// the target is now named with the reason found here.
extension SQLPipelineBuilder {
    /// Refuses `node`, a target, where a check that builds no SQL refuses it or a node on its path.
    mutating func precheck(_ node: Node, _ spec: TargetSpec, table: SQLTableName?) throws(SQLPushdownRefusal) {
        try precheckUpstream(of: node)
        try precheckTargetPorts(node, spec)
        guard let table else { return }
        // The texts are built again after the rows; here only whether they are refused counts.
        var probe = self
        _ = try probe.targetTexts(node, spec)
        try context.lowering.checkNotReadingItself(node, table, context)
    }

    /// The checks of target `node`'s own ports: the width and type of the values each column
    /// receives. Where an earlier dialect's lowering found they read no dialect, its outcome is
    /// taken as it is (the ports of a target with thousands of columns are not checked again).
    func precheckTargetPorts(_ node: Node, _ spec: TargetSpec) throws(SQLPushdownRefusal) {
        try context.analysis.dialectFree(.targetPorts, of: node) { () throws(SQLPushdownRefusal) in
            for port in context.analysis.inputs(of: node) {
                guard let ref = port.source else { continue }
                let from = sourceType(ref, declared: true) ?? port.type
                if spec.flatFile == nil { try checkTargetStringWidth(port, of: node, receiving: from) }
                try checkConverts(from: from, to: port.type, node, port)
                if spec.flatFile == nil {
                    try checkTargetColumnType(port, of: node, receiving: sourceType(ref) ?? from)
                }
            }
        }
    }

    /// ``precheckNode(_:)`` of each node the input ports of `node` read, in order (not the
    /// Sequence Generators, which lowering numbers rows with rather than lowers). Ports are read
    /// in place: copying each costs more than the check on nodes with thousands of ports.
    mutating func precheckUpstream(of node: Node) throws(SQLPushdownRefusal) {
        var seen: Set<String> = []
        var last: String?
        for index in node.ports.indices where node.ports[index].roles.contains(.input) {
            guard let ref = node.ports[index].source, ref.node != last else { continue }
            last = ref.node
            guard !isSequencePort(ref), seen.insert(ref.node).inserted, let producer = context.nodes[ref.node]
            else { continue }
            try precheckNode(producer)
        }
    }

    /// The checks ``lower(_:group:)`` makes of `node` before lowering it, those of the nodes
    /// upstream, and for an Expression, the conversions of its ports; once per node, refusing
    /// again as it first refused. Reusing what read the dialect counts as reading it, as in
    /// ``relation(of:group:)``.
    mutating func precheckNode(_ node: Node) throws(SQLPushdownRefusal) {
        if let known = prechecked[node.id] {
            if known.consulted { context.analysis.dialectConsultations += 1 }
            if let refusal = known.refusal { throw refusal }
            return
        }
        let analysis = context.analysis
        let consultations = analysis.dialectConsultations
        do {
            // Checks that read no dialect in an earlier dialect's lowering come out the same here.
            try analysis.dialectFree(.node, of: node) { () throws(SQLPushdownRefusal) in try nodeChecks(node) }
        } catch {
            prechecked[node.id] = (error, analysis.dialectConsultations != consultations)
            throw error
        }
        prechecked[node.id] = (nil, analysis.dialectConsultations != consultations)
    }

    /// The checks of ``precheckNode(_:)``, upstream ones included.
    private mutating func nodeChecks(_ node: Node) throws(SQLPushdownRefusal) {
        switch node.op {
        case .sourceQuery:
            try checkLowPrecisionDecimals(node)
            try checkPassedValueTypes(node)
        case .project, .filter, .route, .sort, .union, .join, .aggregate, .lookup, .rank, .unpivot, .setRowKind,
            .transactionControl:
            try checkLowPrecisionDecimals(node)
            try checkPassedValueTypes(node)
            if case .lookup = node.op { try checkLookupDefaults(node) }
            if case .project = node.op { _ = try inputDefaults(node) }
            try precheckUpstream(of: node)
            if case .project = node.op { try precheckConversions(node) }
        default:
            // Lowering refuses any other transformation, or reads it otherwise.
            break
        }
    }

    /// The conversions ``lowerProject(_:)`` makes in an Expression, in its order: each input to
    /// its port's type, then each variable's and each output port's expression to its port's
    /// type. None where a variable carries values from row to row: lowering first works out how
    /// (``variablePlan(_:input:)``, which may refuse), then computes some variables otherwise.
    func precheckConversions(_ node: Node) throws(SQLPushdownRefusal) {
        guard context.analysis.staleVariable(of: node) == nil else { return }
        if context.analysis.receivesOtherTypes(node) {
            for port in context.analysis.inputs(of: node) {
                guard let ref = port.source, let from = sourceType(ref), from != port.type else { continue }
                try checkConverts(from: from, to: port.type, node, port)
            }
        }
        for port in node.ports where port.roles.contains(.variable) { try precheckResult(port, of: node) }
        for port in node.ports where port.roles.contains(.output) && !port.roles.contains(.input) {
            try precheckResult(port, of: node)
        }
    }

    /// The conversion of the value `port`'s expression computes to the port's type.
    func precheckResult(_ port: Port, of node: Node) throws(SQLPushdownRefusal) {
        guard let text = port.expression?.text, !text.trimmingSpaces().isEmpty else { return }
        let (expression, _) = try typed(text, of: node, at: port.provenance, resultType: port.type)
        try checkConverts(from: expression.type ?? port.type, to: port.type, node, port)
    }
}
