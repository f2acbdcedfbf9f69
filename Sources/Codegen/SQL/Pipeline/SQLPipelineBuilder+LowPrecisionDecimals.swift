import IR

/// Decimals of more than 15 digits without high precision (reference §3.3, §4.4).
///
/// The native runtime reads such a decimal from a table exactly and passes it on unchanged
/// through the transformations that do not convert values (Filter, Router, Sorter, Union,
/// Joiner, Lookup, Rank, Update Strategy, Normalizer, Transaction Control) into the target,
/// which stores every digit: that path is lowered, since SQL copies the same digits. An
/// Expression or Aggregator port converts it to the nearest double (and arithmetic computes in
/// doubles); that double reaches a numeric target column as the connection's own text of it
/// (15 significant digits in SQLite, the shortest text reading back as the double in
/// PostgreSQL), which no cast reproduces on every connection, and SQLite's CAST of text to REAL
/// is not always the nearest double. Those paths, and every comparison of such a decimal
/// (the runtime compares exact decimals exactly but against a decimal literal as doubles),
/// stay in the runtime.
extension SQLPipelineBuilder {
    /// Refuses a node where, without high precision, a decimal of more than 15 digits would be
    /// converted to a double, compared, or ordered; passes every other node.
    func checkLowPrecisionDecimals(_ node: Node) throws(SQLPushdownRefusal) {
        guard !context.lowering.options.highPrecision, context.analysis.hasWideDecimals else { return }
        switch node.op {
        case .project, .aggregate: try checkConvertingNode(node)
        case .sourceQuery: try checkSourceQualifierTypes(node)
        default: try checkPassingNode(node)
        }
    }

    /// An Expression or Aggregator holds its decimal ports as doubles: refuses a wide decimal
    /// port, and an input fed a wide decimal (converted to the port's type).
    func checkConvertingNode(_ node: Node) throws(SQLPushdownRefusal) {
        // Ports are read in place, not copied.
        for index in node.ports.indices {
            if Self.isWideDecimal(node.ports[index].type) {
                throw wideDecimalRefusal(node, node.ports[index], "holds it as the nearest double")
            }
            if let ref = node.ports[index].source, holdsWideDecimal(ref) {
                throw wideDecimalRefusal(
                    node, node.ports[index], "converts the wide decimal it receives to its type, as a double")
            }
        }
    }

    /// A source qualifier passes a wide decimal on unchanged only when the port has the source
    /// field's type; otherwise the runtime converts it.
    func checkSourceQualifierTypes(_ node: Node) throws(SQLPushdownRefusal) {
        for port in node.ports {
            guard let ref = port.source, let field = sourceType(ref), field != port.type,
                Self.isWideDecimal(field) || Self.isWideDecimal(port.type)
            else { continue }
            throw wideDecimalRefusal(
                node, port, "converts the source field's \(field.canonicalName) to its type, as a double")
        }
    }

    /// A transformation that passes values on: refuses a wide decimal it compares (a condition
    /// or key naming the port) or orders (a lookup's, rank's or sorter's choice of rows on a
    /// dialect that stores decimals as text).
    func checkPassingNode(_ node: Node) throws(SQLPushdownRefusal) {
        // Most nodes have none: ports are copied only when one is. The closure captures the
        // analysis (a reference), not a copy of the builder.
        let analysis = context.analysis
        let isWide = { (index: Int) in
            Self.isWideDecimal(node.ports[index].type)
                || (node.ports[index].source.map(analysis.holdsWideDecimal) ?? false)
        }
        guard node.ports.indices.contains(where: isWide) else { return }
        let wide = node.ports.indices.filter(isWide).map { node.ports[$0] }
        let read = Self.namesRead(by: node.op)
        if let port = wide.first(where: { read.contains($0.name.uppercased()) }) {
            throw wideDecimalRefusal(
                node, port,
                "compares it (the runtime compares exact decimals exactly, but as doubles against a "
                    + "decimal literal)")
        }
        guard !dialect.hasExactDecimals else { return }
        let orders: Bool
        switch node.op {
        case .sort(let spec): orders = spec.distinct
        case .lookup, .rank: orders = true
        default: orders = false
        }
        if orders, let port = wide.first {
            throw wideDecimalRefusal(
                node, port,
                "compares its values to choose rows, which \(dialect.name) would do on its text or as a REAL")
        }
    }

    /// Whether the value `ref` names is a decimal of more than 15 digits held exactly: a wide
    /// decimal port, or a port passed on unchanged from one (through the transformations that
    /// do not convert values).
    func holdsWideDecimal(_ ref: PortRef) -> Bool {
        context.analysis.holdsWideDecimal(ref)
    }

    /// A refusal at `port` of `node` saying what the runtime does with the wide decimal.
    func wideDecimalRefusal(_ node: Node, _ port: IR.Port, _ what: String) -> SQLPushdownRefusal {
        refusal(
            SQLPipelineDiagnostics.portConversion, node,
            "port '\(port.name)' of '\(node.id)' is \(port.type.canonicalName) without high precision: '\(node.id)' "
                + "\(what); \(dialect.wideDecimalReason)",
            fix:
                "enable high precision in the session (migrate sql --high-precision), or keep this path in the runtime",
            location: port.provenance.location, path: port.provenance.path)
    }

    /// A decimal of more than 15 digits, which PowerCenter holds as a double without high precision.
    static func isWideDecimal(_ type: DataType) -> Bool {
        if case .decimal(let precision, _) = type { return precision > 15 }
        return false
    }

    /// The upper-case words of `op`'s conditions, keys and expressions: a port named there may
    /// be compared. Words of SQL texts and string literals count too, which errs toward refusing.
    static func namesRead(by op: Operator) -> Set<String> {
        var texts: [String] = []
        switch op {
        case .filter(let spec): texts = [spec.condition.text]
        case .route(let spec): texts = spec.groups.compactMap { $0.condition?.text }
        case .join(let spec): texts = [spec.condition.text]
        case .lookup(let spec): texts = [spec.condition?.text, spec.sqlOverride, spec.filter].compactMap { $0 }
        case .rank(let spec): texts = [spec.rankBy] + spec.groupBy
        case .setRowKind(let spec): texts = [spec.expression.text]
        case .transactionControl(let spec): texts = [spec.condition.text]
        default: texts = []
        }
        return Set(texts.flatMap(words).map { $0.uppercased() })
    }
}
