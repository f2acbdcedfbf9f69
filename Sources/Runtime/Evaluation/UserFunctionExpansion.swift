import IR

/// The user-defined functions of a pipeline, compiled from the attributes the importer keeps:
/// `:UDF.<name>` (the body) and `:UDF.<name> prototype` (see ``UserFunctionPrototype``).
///
/// Every function is compiled once, callees before callers, when the resolver is made. A call binds
/// the arguments by position, converted to the declared argument types, evaluates the body, and
/// converts the result to the return type. A function that calls itself, directly or through
/// others, is not compiled (RT0191); neither is one whose prototype or body is in error. Calls of
/// those then fail to resolve (RT0156) where they are compiled.
public struct PipelineUserFunctions: UserFunctionResolver {
    /// The problems found in the prototypes and bodies.
    public let diagnostics: [Diagnostic]
    /// The signatures by upper-case name, for the type environment of the expressions that call them.
    public let signatures: [String: CallableSignature]
    let functions: [String: CompiledUserFunction]

    /// Compiles the user functions among `pipeline`'s attributes.
    public init(pipeline: Pipeline, parameters: [String: Value] = [:], settings: EvaluationSettings) {
        self.init(
            attributes: pipeline.attributes, parameters: parameters, settings: settings, path: pipeline.provenance.path)
    }

    /// Compiles the user functions among `attributes`; `path` is the owner reported in diagnostics.
    public init(
        attributes: [Attribute], parameters: [String: Value] = [:], settings: EvaluationSettings,
        path: ObjectPath = ObjectPath()
    ) {
        var builder = UserFunctionBuilder(
            definitions: UserFunctionBuilder.definitions(attributes, path: path), parameters: parameters,
            settings: settings)
        for name in builder.definitions.keys.sorted() { builder.build(name, callers: []) }
        diagnostics = builder.diagnostics
        signatures = builder.definitions.compactMapValues { $0.prototype?.signature }
        functions = builder.compiled
    }

    /// The compiled function `name` taking `arity` arguments; nil for other kinds, unknown or
    /// uncompiled functions and other arities.
    public func userFunction(_ kind: ExternalCallKind, named name: String, arity: Int) -> ExternalFunction? {
        guard kind == .userFunction, let function = functions[name.uppercased()],
            function.arguments.count == arity
        else { return nil }
        return function.call
    }
}

/// One compiled user function.
struct CompiledUserFunction: Sendable {
    let arguments: [UserFunctionPrototype.Argument]
    let returnType: DataType?
    let body: CompiledExpression
    let settings: EvaluationSettings

    /// Binds `values` to the arguments, evaluates the body and converts the result.
    @Sendable func call(_ values: [Value], _ state: inout EvaluationState) throws(RowError) -> Value {
        var row = values
        for (i, argument) in arguments.enumerated() {
            if let type = argument.bindingType {
                row[i] = try PortCoercion.coerce(row[i], to: type, settings, port: argument.name)
            }
        }
        let result = try body.evaluate(&row, state: &state)
        guard let returnType else { return result }
        return try PortCoercion.coerce(result, to: returnType, settings, port: "return value")
    }
}

/// Compiles user functions depth first, detecting cycles.
struct UserFunctionBuilder {
    let definitions: [String: UserFunctionDefinition]
    let parameters: [String: Value]
    let settings: EvaluationSettings
    var compiled: [String: CompiledUserFunction] = [:]
    var finished: Set<String> = []
    /// The functions on a cycle of calls: reported once (RT0191), never compiled.
    var cyclic: Set<String> = []
    var diagnostics: [Diagnostic] = []

    /// The definitions in `attributes`, by upper-case name (see ``UserFunctionDefinition``).
    static func definitions(_ attributes: [Attribute], path: ObjectPath) -> [String: UserFunctionDefinition] {
        UserFunctionDefinition.definitions(attributes, path: path)
    }

    /// Compiles `name` after the functions it calls; `callers` is the chain being compiled.
    mutating func build(_ name: String, callers: [String]) {
        guard !finished.contains(name), let definition = definitions[name] else { return }
        if let start = callers.firstIndex(of: name) {
            let cycle = (callers[start...] + [name]).compactMap { definitions[$0]?.name }
            report(
                UserFunctionDiagnostics.recursiveCall, definition,
                "user-defined function '\(definition.name)' calls itself: \(cycle.joined(separator: " → "))",
                fix: "rewrite the functions so that none calls itself, directly or through others")
            cyclic.formUnion(callers[start...])
            return
        }
        guard let prototype = definition.prototype, prototype.name.uppercased() == name else {
            finished.insert(name)
            report(
                UserFunctionDiagnostics.invalidPrototype, definition,
                "the prototype '\(definition.prototypeText)' of user-defined function '\(definition.name)' cannot be read",
                fix: "write the prototype as 'TYPE name(argument as type, ...)'")
            return
        }
        let source = ExpressionSource(definition.body, path: definition.path)
        let (parsed, parseDiagnostics) = ExpressionParser.parse(source)
        for callee in Self.calls(in: parsed) { build(callee, callers: callers + [name]) }
        finished.insert(name)
        guard !cyclic.contains(name) else { return }
        compile(definition, prototype, parsed, source, parseDiagnostics)
    }

    private mutating func compile(
        _ definition: UserFunctionDefinition, _ prototype: UserFunctionPrototype, _ parsed: Expr,
        _ source: ExpressionSource, _ parseDiagnostics: [Diagnostic]
    ) {
        let environment = TypeEnvironment(
            ports: Dictionary(prototype.arguments.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a }),
            parameters: parameters.mapValues(EvaluatorBuilder.type(of:)),
            userFunctions: definitions.compactMapValues { $0.prototype?.signature },
            highPrecision: settings.highPrecision)
        let (typed, typeDiagnostics) = ExpressionTypeChecker.check(parsed, in: environment, source: source)
        let resolver = CompiledUserFunctions(functions: compiled)
        let (body, compileDiagnostics) = ExpressionCompiler.compile(
            typed,
            slots: Dictionary(prototype.arguments.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a }),
            parameters: parameters, userFunctions: resolver, settings: settings, source: source)
        let problems = (parseDiagnostics + typeDiagnostics).filter { $0.severity == .error } + compileDiagnostics
        diagnostics += problems
        guard let body, !problems.hasErrors else {
            report(
                UserFunctionDiagnostics.invalidBody, definition,
                "the body of user-defined function '\(definition.name)' cannot be evaluated",
                fix: "correct the errors reported for the function's expression")
            return
        }
        compiled[definition.name.uppercased()] = CompiledUserFunction(
            arguments: prototype.arguments, returnType: prototype.returnType, body: body, settings: settings)
    }

    private mutating func report(
        _ descriptor: DiagnosticDescriptor, _ definition: UserFunctionDefinition, _ message: String, fix: String
    ) {
        let place = ExpressionSource(definition.body, path: definition.path).place(of: 0)
        diagnostics.append(descriptor(message, at: place.location, path: definition.path, notes: place.notes, fix: fix))
    }

    /// The upper-case names of the `:UDF.` calls in `expression`, in order of appearance.
    static func calls(in expression: Expr) -> [String] {
        var names: [String] = []
        if case .external(.userFunction, let name, _) = expression.kind { names.append(name.uppercased()) }
        for child in expression.children { names += calls(in: child) }
        return names
    }
}

/// The functions compiled so far, resolving the calls of the next body.
struct CompiledUserFunctions: UserFunctionResolver {
    let functions: [String: CompiledUserFunction]

    func userFunction(_ kind: ExternalCallKind, named name: String, arity: Int) -> ExternalFunction? {
        guard kind == .userFunction, let function = functions[name.uppercased()],
            function.arguments.count == arity
        else { return nil }
        return function.call
    }
}
