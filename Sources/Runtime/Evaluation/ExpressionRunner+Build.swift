import IR

/// Builds the row loop of an expression run stage by stage: inputs and parameters, then parse,
/// type check and compile of the variable ports and the expression. Collects the diagnostics.
struct ExpressionRunBuild {
    let request: ExpressionRunRequest
    var diagnostics: [Diagnostic] = []
    /// False when a port, parameter or the table is wrong (nothing was compiled).
    var inputsValid = true
    /// The expression in canonical form, once it parses.
    var canonical: String?
    /// The expression's checked type.
    var type: DataType?

    /// Where input problems are located: they come from arguments, not from a file.
    static let inputLocation = SourceLocation(file: "<input>")

    init(_ request: ExpressionRunRequest) {
        self.request = request
    }

    var settings: EvaluationSettings { request.settings }

    /// The loop that evaluates rows, or nil with diagnostics.
    mutating func makeLoop() -> ExpressionRunLoop? {
        let inputs = inputPorts()
        let (constants, mappingVariables, parameterTypes) = parameterValues()
        reportDuplicates(inputs.map(\.name) + request.variables.map(\.name), kind: "port")
        reportDuplicates(request.parameters.map(\.qualifiedName), kind: "parameter")
        guard !diagnostics.hasErrors else {
            inputsValid = false
            return nil
        }
        var slots: [String: Int] = [:]
        var ports: [String: DataType] = [:]
        for (slot, input) in inputs.enumerated() { (slots[input.name], ports[input.name]) = (slot, input.type) }
        for (offset, variable) in request.variables.enumerated() {
            (slots[variable.name], ports[variable.name]) = (inputs.count + offset, variable.type)
        }
        let typeEnvironment = TypeEnvironment(
            ports: ports, parameters: parameterTypes, site: .expression, highPrecision: settings.highPrecision)
        let environment = CompileEnvironment(
            slots: slots, parameters: constants, mappingVariables: Set(mappingVariables.keys), settings: settings)
        let main = compileMain(typeEnvironment, environment)
        let variables = compileVariables(typeEnvironment, environment, firstSlot: inputs.count)
        guard let main, let variables, !diagnostics.hasErrors else { return nil }
        var row: [Value] = Array(repeating: .null, count: inputs.count + variables.count)
        for variable in variables { row[variable.slot] = PortCoercion.initialValue(of: variable.type, settings) }
        return ExpressionRunLoop(
            inputs: inputs, variables: variables, expression: main, settings: settings, row: row,
            state: EvaluationState(mappingVariables: mappingVariables))
    }

    /// The declared ports, then the table's other columns as string ports; each with its column.
    func inputPorts() -> [ExpressionRunLoop.Input] {
        let columns = request.table?.columns ?? []
        let declared = Set(request.ports.map { $0.name.uppercased() })
        var inputs: [ExpressionRunLoop.Input] = []
        for port in request.ports {
            let column = columns.firstIndex { $0.uppercased() == port.name.uppercased() }
            inputs.append(
                .init(slot: inputs.count, name: port.name, type: port.type, fixedText: port.value, column: column))
        }
        for (column, name) in columns.enumerated() where !declared.contains(name.uppercased()) {
            let type = DataType.string(precision: ExpressionRunner.defaultStringPrecision)
            inputs.append(.init(slot: inputs.count, name: name, type: type, fixedText: nil, column: column))
        }
        return inputs
    }

    /// The parameters' values: `$` ones as compile-time constants, `$$` ones as mapping variables
    /// kept in the state; and every parameter's type for the type checker.
    mutating func parameterValues()
        -> (constants: [String: Value], mappingVariables: [String: Value], types: [String: DataType])
    {
        var constants: [String: Value] = [:]
        var mappingVariables: [String: Value] = [:]
        var types: [String: DataType] = [:]
        for parameter in request.parameters {
            let name = parameter.qualifiedName
            let type = parameter.type ?? ExpressionRunner.inferredType(ofParameterText: parameter.value)
            types[name] = type
            do throws(RowError) {
                let value = try ExpressionRunner.value(
                    fromText: parameter.value, as: type, settings: settings, port: name)
                if name.hasPrefix("$$") { mappingVariables[name] = value } else { constants[name] = value }
            } catch {
                diagnostics.append(
                    ExpressionRunnerDiagnostics.invalidParameterValue(
                        "the value of '\(name)' is not a \(type.canonicalName): \(error.message)",
                        at: Self.inputLocation, path: ObjectPath().appending("PARAMETER", name),
                        fix: "give a value of the parameter's datatype, or declare the datatype as NAME:TYPE=VALUE"))
            }
        }
        return (constants, mappingVariables, types)
    }

    /// RT0203 for every name given more than once (names are not case-sensitive).
    mutating func reportDuplicates(_ names: [String], kind: String) {
        var seen: Set<String> = []
        var reported: Set<String> = []
        for name in names where !seen.insert(name.uppercased()).inserted && reported.insert(name.uppercased()).inserted
        {
            diagnostics.append(
                ExpressionRunnerDiagnostics.duplicatePort(
                    "\(kind) '\(name)' is given more than once", at: Self.inputLocation,
                    fix: "give each \(kind) once (names are not case-sensitive)"))
        }
    }

    /// Parses, checks and compiles the expression, recording its canonical form and type.
    mutating func compileMain(_ types: TypeEnvironment, _ environment: CompileEnvironment) -> CompiledExpression? {
        let source = ExpressionSource(request.expression)
        let (parsed, parseDiagnostics) = ExpressionParser.parse(source)
        diagnostics += parseDiagnostics
        guard !parseDiagnostics.hasErrors else { return nil }
        canonical = ExpressionPrinter.canonical(parsed)
        let (compiled, checkedType) = check(parsed, source, portType: nil, types, environment)
        type = checkedType
        return compiled
    }

    /// Compiles the variable ports in order; nil when any of them cannot run.
    mutating func compileVariables(_ types: TypeEnvironment, _ environment: CompileEnvironment, firstSlot: Int)
        -> [ExpressionRunLoop.Variable]?
    {
        var variables: [ExpressionRunLoop.Variable] = []
        var failed = false
        for (offset, variable) in request.variables.enumerated() {
            let source = ExpressionSource(variable.expression, path: ObjectPath().appending("PORT", variable.name))
            let (parsed, parseDiagnostics) = ExpressionParser.parse(source)
            diagnostics += parseDiagnostics
            guard !parseDiagnostics.hasErrors,
                let compiled = check(parsed, source, portType: variable.type, types, environment).compiled
            else {
                failed = true
                continue
            }
            variables.append(
                .init(slot: firstSlot + offset, name: variable.name, type: variable.type, expression: compiled))
        }
        return failed ? nil : variables
    }

    /// Type checks and compiles a parsed expression; returns it compiled (nil on errors) and its type.
    mutating func check(
        _ parsed: Expr, _ source: ExpressionSource, portType: DataType?, _ types: TypeEnvironment,
        _ environment: CompileEnvironment
    ) -> (compiled: CompiledExpression?, type: DataType?) {
        let (checked, typeDiagnostics) = ExpressionTypeChecker.check(
            parsed, in: types, source: source, portType: portType)
        diagnostics += typeDiagnostics
        guard !typeDiagnostics.hasErrors else { return (nil, nil) }
        var environment = environment
        environment.source = source
        let (compiled, compileDiagnostics) = ExpressionCompiler.compile(checked, in: environment)
        diagnostics += compileDiagnostics
        return (compiled, checked.type)
    }
}
