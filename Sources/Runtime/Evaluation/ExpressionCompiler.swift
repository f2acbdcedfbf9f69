import IR

/// Compiles type-checked ``Expr`` trees into ``CompiledExpression`` closures (issue 3).
///
/// Compilation never fails on bad input: what cannot be evaluated becomes a diagnostic
/// (RT0150–RT0199) and the result is nil.
public enum ExpressionCompiler {
    /// Compiles `expression` for rows laid out as `environment.slots` says.
    public static func compile(_ expression: Expr, in environment: CompileEnvironment)
        -> (compiled: CompiledExpression?, diagnostics: [Diagnostic])
    {
        compile(expression, in: environment, specialised: true)
    }

    /// Compiles with or without the typed evaluators (TypedEvaluators.swift); tests compare both.
    static func compile(_ expression: Expr, in environment: CompileEnvironment, specialised: Bool)
        -> (compiled: CompiledExpression?, diagnostics: [Diagnostic])
    {
        var compilation = ExpressionCompilation(environment: environment)
        compilation.specialised = specialised
        let piece = compilation.compile(expression)
        guard !compilation.diagnostics.hasErrors else { return (nil, compilation.diagnostics) }
        let compiled = CompiledExpression(body: piece.eval, constantValue: piece.constant, type: expression.type)
        return (compiled, compilation.diagnostics)
    }

    /// Compiles `expression` with the pieces of the environment given one by one.
    public static func compile(
        _ expression: Expr, slots: [String: Int], parameters: [String: Value] = [:],
        mappingVariables: Set<String> = [], lookups: (any LookupResolver)? = nil,
        userFunctions: (any UserFunctionResolver)? = nil, settings: EvaluationSettings,
        source: ExpressionSource = ExpressionSource("")
    ) -> (compiled: CompiledExpression?, diagnostics: [Diagnostic]) {
        compile(
            expression,
            in: CompileEnvironment(
                slots: slots, parameters: parameters, mappingVariables: mappingVariables, lookups: lookups,
                userFunctions: userFunctions, settings: settings, source: source))
    }
}

/// One run of the compiler: the environment with names upper-cased, and the diagnostics so far.
struct ExpressionCompilation {
    let environment: CompileEnvironment
    let slots: [String: Int]
    let parameters: [String: Value]
    let mappingVariables: Set<String>
    var diagnostics: [Diagnostic] = []
    /// Whether pieces get typed evaluators; off only to compare with the generic closures.
    var specialised = true
    var settings: EvaluationSettings { environment.settings }

    init(environment: CompileEnvironment) {
        self.environment = environment
        slots = Dictionary(environment.slots.map { ($0.key.uppercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        parameters = Dictionary(
            environment.parameters.map { (EvaluationState.key($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        mappingVariables = Set(environment.mappingVariables.map(EvaluationState.key))
    }

    /// Records a diagnostic at `range` of the expression text.
    mutating func report(_ descriptor: DiagnosticDescriptor, _ message: String, at range: TextRange, fix: String) {
        let place = environment.source.place(of: range.start)
        diagnostics.append(
            descriptor(message, at: place.location, path: environment.source.path, notes: place.notes, fix: fix))
    }

    /// Compiles one node (children first); a node in error yields a NULL constant.
    mutating func compile(_ expression: Expr) -> Piece {
        let piece = compileNode(expression)
        guard !specialised else { return piece }
        return Piece(eval: piece.eval, constant: piece.constant, type: piece.type)
    }

    private mutating func compileNode(_ expression: Expr) -> Piece {
        switch expression.kind {
        case .number(let text): return .constant(Literals.number(text, settings), type: expression.type)
        case .string(let value): return .constant(.string(value), type: expression.type)
        case .null: return .constant(.null, type: expression.type)
        case .boolean(let value): return .constant(.integer(value ? 1 : 0), type: .integer)
        case .constant(let name): return .constant(.integer(Literals.namedConstant(name)), type: .integer)
        case .builtin(let name): return .constant(Literals.builtin(name, settings), type: expression.type)
        case .reference(let name): return reference(name, expression)
        case .parameter(let name): return parameter(name, expression)
        case .unary(let op, let operand): return unary(op, compile(operand), expression)
        case .binary(let op, let left, let right): return binary(op, compile(left), compile(right), expression)
        case .call(let name, let arguments): return call(name, arguments, expression)
        case .external(let kind, let name, let arguments): return external(kind, name, arguments, expression)
        case .taskVariable, .star, .invalid:
            report(
                EvaluationDiagnostics.invalidNode, "this part of the expression cannot be evaluated",
                at: expression.range, fix: "correct the expression so that it parses and type checks")
            return .constant(.null)
        }
    }

    mutating func reference(_ name: String, _ expression: Expr) -> Piece {
        guard let slot = slots[name.uppercased()] else {
            report(
                EvaluationDiagnostics.unknownPort, "'\(name)' is not a port of this transformation",
                at: expression.range, fix: "use the name of an input, variable or output port")
            return .constant(.null)
        }
        return .typedReference(slot: slot, type: expression.type)
    }

    mutating func parameter(_ name: String, _ expression: Expr) -> Piece {
        let key = EvaluationState.key(name)
        if mappingVariables.contains(key) {
            return Piece(
                eval: { _, state throws(RowError) in state.mappingVariables[key] ?? .null }, constant: nil,
                type: expression.type)
        }
        if let value = parameters[key] { return .constant(value, type: expression.type) }
        report(
            EvaluationDiagnostics.unknownParameter, "'\(name)' has no value", at: expression.range,
            fix: "declare '\(name)' in the mapping or give it a value in the parameter file")
        return .constant(.null)
    }

    mutating func external(_ kind: ExternalCallKind, _ name: String, _ arguments: [Expr], _ expression: Expr)
        -> Piece
    {
        let pieces = arguments.map { compile($0) }
        let function: ExternalFunction? =
            kind == .lookup
            ? environment.lookups?.lookupFunction(named: name, arity: pieces.count)
            : environment.userFunctions?.userFunction(kind, named: name, arity: pieces.count)
        guard let function else {
            report(
                EvaluationDiagnostics.unresolvedExternalCall,
                "':\(kind.rawValue).\(name)' with \(pieces.count) arguments cannot be resolved", at: expression.range,
                fix: "check the name and the number of arguments of the called object")
            return .constant(.null)
        }
        let evaluators = pieces.map(\.eval)
        return Piece(
            eval: { row, state throws(RowError) in
                var values: [Value] = []
                values.reserveCapacity(evaluators.count)
                for evaluate in evaluators { values.append(try evaluate(&row, &state)) }
                return try function(values, &state)
            }, constant: nil, type: expression.type)
    }
}
