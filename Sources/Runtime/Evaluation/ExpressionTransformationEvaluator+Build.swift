import IR

extension ExpressionTransformationEvaluator {
    /// Builds the evaluator of a `project` node: parses, type checks and compiles every variable
    /// and output expression and every default value. Returns nil with diagnostics when any of
    /// them cannot be evaluated.
    ///
    /// `mappingVariables` gives the type of each `$$` mapping variable kept in
    /// ``EvaluationState/mappingVariables``; `parameters` gives the values of the others.
    /// `typeEnvironment`, when given, is what expressions are type checked in (a pipeline's, with
    /// its declared parameter types, unconnected lookups and user functions); by default the
    /// node's ports and the parameters' value types.
    public static func make(
        node: Node, parameters: [String: Value] = [:], mappingVariables: [String: DataType] = [:],
        lookups: (any LookupResolver)? = nil, userFunctions: (any UserFunctionResolver)? = nil,
        settings: EvaluationSettings, typeEnvironment: TypeEnvironment? = nil
    ) -> (evaluator: ExpressionTransformationEvaluator?, diagnostics: [Diagnostic]) {
        guard case .project = node.op else {
            let d = EvaluationDiagnostics.wrongNodeKind(
                "node '\(node.id)' is a '\(node.op.kindName)' node, not an expression transformation",
                at: node.provenance.location, path: node.provenance.path,
                fix: "evaluate only 'project' nodes with this evaluator")
            return (nil, [d])
        }
        var builder = EvaluatorBuilder(
            node: node, parameters: parameters, mappingVariables: mappingVariables, lookups: lookups,
            userFunctions: userFunctions, settings: settings, typeEnvironment: typeEnvironment)
        return builder.build()
    }
}

/// Builds an ``ExpressionTransformationEvaluator`` step by step, collecting diagnostics.
struct EvaluatorBuilder {
    let node: Node
    let environment: CompileEnvironment
    let typeEnvironment: TypeEnvironment
    var diagnostics: [Diagnostic] = []

    init(
        node: Node, parameters: [String: Value], mappingVariables: [String: DataType],
        lookups: (any LookupResolver)?, userFunctions: (any UserFunctionResolver)?, settings: EvaluationSettings,
        typeEnvironment: TypeEnvironment? = nil
    ) {
        self.node = node
        var slots: [String: Int] = [:]
        for (index, port) in node.ports.enumerated() where slots[port.name.uppercased()] == nil {
            slots[port.name.uppercased()] = index
        }
        environment = CompileEnvironment(
            slots: slots, parameters: parameters, mappingVariables: Set(mappingVariables.keys),
            lookups: ScopedLookups.resolver(lookups, for: node.id), userFunctions: userFunctions, settings: settings)
        var parameterTypes = mappingVariables
        for (name, value) in parameters { parameterTypes[name] = Self.type(of: value) }
        self.typeEnvironment =
            typeEnvironment
            ?? TypeEnvironment(
                ports: Dictionary(node.ports.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a }),
                parameters: parameterTypes, site: .expression, highPrecision: settings.highPrecision)
    }

    /// The datatype a parameter value is typed as.
    static func type(of value: Value) -> DataType {
        switch value {
        case .integer: .bigInteger
        case .decimal: .decimal(precision: 28, scale: 10)
        case .double, .null: .double
        case .string(let s): .string(precision: max(1, s.count))
        case .dateTime: .dateTime(precision: 29, scale: 9)
        case .binary(let b): .binary(precision: max(1, b.count))
        }
    }

    mutating func build() -> (evaluator: ExpressionTransformationEvaluator?, diagnostics: [Diagnostic]) {
        var inputs: [InputStep] = []
        var variables: [ComputeStep] = []
        var outputs: [OutputStep] = []
        var row: [Value] = Array(repeating: .null, count: node.ports.count)
        for (slot, port) in node.ports.enumerated() {
            if port.roles.contains(.input) {
                inputs.append(InputStep(slot: slot, name: port.name, type: port.type, fallback: defaultValue(of: port)))
                if port.roles.contains(.output) { outputs.append(.passThrough(slot)) }
            } else if port.roles.contains(.variable) {
                row[slot] = PortCoercion.initialValue(of: port.type, environment.settings)
                if let step = computeStep(port, slot) { variables.append(step) }
            } else if port.roles.contains(.output), let step = computeStep(port, slot) {
                outputs.append(.computed(step, defaultValue(of: port)))
            }
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let evaluator = ExpressionTransformationEvaluator(
            inputNames: inputs.map(\.name), outputNames: node.outputPorts.map(\.name), inputs: inputs,
            variables: variables, outputs: outputs, settings: environment.settings, row: row)
        return (evaluator, diagnostics)
    }

    /// The source of a port's expression or default value, located at the port.
    func source(_ text: String, of port: Port) -> ExpressionSource {
        ExpressionSource(text, path: port.provenance.path, location: port.provenance.location)
    }

    /// Parses, checks and compiles `text` for `port`; nil (with diagnostics) when it cannot run.
    mutating func compile(_ text: String, of port: Port, resultType: DataType?) -> CompiledExpression? {
        let source = source(text, of: port)
        let (parsed, parseDiagnostics) = ExpressionParser.parse(source)
        diagnostics += parseDiagnostics
        guard !parseDiagnostics.hasErrors else { return nil }
        let (typed, typeDiagnostics) = ExpressionTypeChecker.check(
            parsed, in: typeEnvironment, source: source, portType: resultType)
        diagnostics += typeDiagnostics
        guard !typeDiagnostics.hasErrors else { return nil }
        var environment = self.environment
        environment.source = source
        let (compiled, compileDiagnostics) = ExpressionCompiler.compile(typed, in: environment)
        diagnostics += compileDiagnostics
        return compiled
    }

    mutating func computeStep(_ port: Port, _ slot: Int) -> ComputeStep? {
        let text = port.expression?.text ?? ""
        // No expression, or only a comment (a public export's variable port holds
        // `--Killed all links for Alt 1 and Alt 2`): NULL, as for a port without one.
        guard !ExpressionLexer.isBlank(text) else {
            let expression = CompiledExpression(
                body: { _, _ throws(RowError) in .null }, constantValue: .null, type: port.type)
            return ComputeStep(slot: slot, name: port.name, type: port.type, expression: expression)
        }
        guard let compiled = compile(text, of: port, resultType: port.type) else { return nil }
        return ComputeStep(slot: slot, name: port.name, type: port.type, expression: compiled)
    }

    /// A port's default value: none, `ERROR(msg)`, or a constant expression.
    mutating func defaultValue(of port: Port) -> PortDefault? {
        guard let text = port.defaultValue?.text, !text.trimmingSpaces().isEmpty else { return nil }
        let (parsed, parseDiagnostics) = ExpressionParser.parse(source(text, of: port))
        if case .call(let name, let arguments) = parsed.kind, name.uppercased() == "ERROR" {
            if case .string(let message)? = arguments.first?.kind { return .error(message) }
            return .error("transformation error")
        }
        guard !parseDiagnostics.hasErrors, let compiled = compile(text, of: port, resultType: nil),
            let constant = compiled.constantValue,
            let value = try? PortCoercion.coerce(constant, to: port.type, environment.settings, port: port.name)
        else {
            diagnostics.append(
                EvaluationDiagnostics.invalidDefaultValue(
                    "the default value '\(text)' of port '\(port.name)' is not a constant or ERROR(...)",
                    at: port.provenance.location, path: port.provenance.path,
                    fix: "use a constant such as 0, 'N/A' or NULL, or ERROR('message')"))
            return nil
        }
        return .value(value)
    }
}
