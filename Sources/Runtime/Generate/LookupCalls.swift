import IR

/// Where the inputs of unconnected lookups come from: each `:LKP.name(a, b)` call in any port's
/// expression passes its arguments, in order, to the lookup's input ports; an argument that is a
/// port of the calling node (possibly converted or trimmed) is traced back to its table columns.
struct LookupCalls {
    /// Table columns feeding each input port, by lookup node id then input port name.
    private var fed: [String: [String: Set<TableColumn>]] = [:]

    /// The calls of `pipeline`, traced with `tracing`.
    init(pipeline: Pipeline, tracing: KeyColumnTracing) {
        let lookups = Dictionary(
            pipeline.nodes.compactMap { node -> (String, Node)? in
                guard case .lookup = node.op else { return nil }
                return (node.id.uppercased(), node)
            }, uniquingKeysWith: { first, _ in first })
        guard !lookups.isEmpty else { return }
        for node in pipeline.nodes {
            for port in node.ports {
                guard let text = port.expression?.text, text.contains(":") else { continue }
                let (expression, _) = ExpressionParser.parse(ExpressionSource(text))
                record(calls(in: expression), caller: node.id, lookups: lookups, tracing: tracing)
            }
        }
    }

    /// The table columns that calls pass to input port `port` of lookup `lookup`.
    func origins(lookup: String, port: String) -> Set<TableColumn> {
        fed[lookup]?[port] ?? fed[lookup]?.first { $0.key.uppercased() == port.uppercased() }?.value ?? []
    }

    private mutating func record(
        _ calls: [(String, [Expr])], caller: String, lookups: [String: Node], tracing: KeyColumnTracing
    ) {
        for (name, arguments) in calls {
            // A mapplet's call names the lookup of its own instance (`MPL_1.LKP` for `:LKP.LKP`).
            let scoped = Node.mappletScopes(of: caller).lazy.compactMap { lookups[$0 + name.uppercased()] }.first
            guard let lookup = scoped ?? lookups[name.uppercased()] else { continue }
            let inputs = lookup.ports.filter { $0.roles.contains(.input) }
            for (input, argument) in zip(inputs, arguments) {
                guard let passed = KeyColumnTracing.passedThroughName(argument) else { continue }
                fed[lookup.id, default: [:]][input.name, default: []]
                    .formUnion(tracing.origins(node: caller, port: passed))
            }
        }
    }

    /// Every `:LKP` call in `expression`, with its arguments.
    private func calls(in expression: Expr) -> [(String, [Expr])] {
        var found: [(String, [Expr])] = []
        if case .external(.lookup, let name, let arguments) = expression.kind { found.append((name, arguments)) }
        for child in expression.children { found += calls(in: child) }
        return found
    }
}
