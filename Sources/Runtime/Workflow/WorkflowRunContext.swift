import IR

/// What one workflow run shares across its levels (the workflow and its worklets): the workflow
/// variables, the tasks carried out, and the diagnostics.
struct WorkflowRunContext {
    let options: WorkflowRunOptions
    let settings: EvaluationSettings
    /// Workflow variable values by state key (upper case, no `$$`).
    var variables: [String: Value] = [:]
    /// Visible workflow variables by upper-case name with `$$`, and their declared types.
    var variableTypes: [String: DataType] = [:]
    /// `$` parameters and undeclared `$$` names of the parameter file, as constants.
    var constants: [String: Value] = [:]
    /// Undeclared `$$` names of the parameter file, typed by their value text.
    var constantTypes: [String: DataType] = [:]
    var records: [TaskRunRecord] = []
    var notRun: [[String]] = []
    var diagnostics: [Diagnostic] = []
    /// Parameter-file values by upper-case name.
    let parameterFile: [String: String]

    init(options: WorkflowRunOptions) {
        self.options = options
        settings = options.settings
        parameterFile = Dictionary(
            options.parameters.map { ($0.key.uppercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// Makes every parameter-file value a constant (a declared variable later shadows it).
    mutating func loadConstants() {
        for (name, text) in parameterFile {
            let type = ExpressionRunner.inferredType(ofParameterText: text)
            let value = (try? ExpressionRunner.value(fromText: text, as: type, settings: settings, port: name))
            constants[name] = value ?? .string(text)
            if name.hasPrefix("$$") { constantTypes[name] = type }
        }
    }

    /// The scope of the expressions of a level with tasks `taskNames`.
    func scope(taskNames: [String]) -> WorkflowExpressionScope {
        WorkflowExpressionScope(
            types: constantTypes.merging(variableTypes) { _, declared in declared },
            variableKeys: Set(variableTypes.keys.map(EvaluationState.key)), taskNames: taskNames,
            constants: constants, settings: settings)
    }

    /// The variables a level shadows, to put back with ``restore(_:)`` when it ends.
    struct Shadowed {
        var values: [String: Value?] = [:]
        var types: [String: DataType?] = [:]
    }

    /// Declares `workflow`'s variables with their initial values: the parameter file's, else the
    /// declared default, else the datatype's zero value (reference §6.3 precedence; no persisted
    /// values). Returns what they shadow.
    mutating func declare(_ declared: [Parameter]) -> Shadowed {
        var shadowed = Shadowed()
        for variable in declared {
            let name = variable.name.uppercased()
            let key = EvaluationState.key(name)
            if shadowed.types[name] == nil {
                shadowed.types[name] = .some(variableTypes[name])
                shadowed.values[key] = .some(variables[key])
            }
            variableTypes[name] = variable.type
            variables[key] = initialValue(of: variable)
        }
        return shadowed
    }

    /// Puts back what a level's declarations shadowed.
    mutating func restore(_ shadowed: Shadowed) {
        for (name, type) in shadowed.types { variableTypes[name] = type }
        for (key, value) in shadowed.values { variables[key] = value }
    }

    /// The initial value of a declared variable; RT0312 and the zero value when the text does not fit.
    mutating func initialValue(of variable: Parameter) -> Value {
        let zero = PortCoercion.initialValue(of: variable.type, settings)
        guard let text = parameterFile[variable.name.uppercased()] ?? variable.defaultValue else { return zero }
        do throws(RowError) {
            return try ExpressionRunner.value(
                fromText: text, as: variable.type, settings: settings, port: variable.name)
        } catch {
            if case .dateTime = variable.type, let date = Self.olderFormatDate(text, settings) { return date }
            diagnostics.append(
                WorkflowRunDiagnostics.invalidVariableValue(
                    "the value '\(text)' of '\(variable.name)' is not a \(variable.type.canonicalName): \(error.message)",
                    at: variable.provenance.location, path: variable.provenance.path,
                    fix: "give '\(variable.name)' a value of its datatype in the parameter file or the declaration"))
            return zero
        }
    }

    /// The date/time formats of older exports' initial values, tried after the session's (G16:
    /// exports show `MM/DD/YYYY HH24:MI:SS` without fraction) [BELIEVED].
    static let olderDateFormats = ["MM/DD/YYYY HH24:MI:SS", "MM/DD/YYYY"]

    /// `text` read with one of ``olderDateFormats``, or nil.
    static func olderFormatDate(_ text: String, _ settings: EvaluationSettings) -> Value? {
        for format in olderDateFormats {
            if let date = try? DateFunctions.toDate(.string(text), .string(format), settings: settings) { return date }
        }
        return nil
    }

    /// The current value of each of `declared`, by its declared name.
    func values(of declared: [Parameter]) -> [String: Value] {
        var result: [String: Value] = [:]
        for variable in declared { result[variable.name] = variables[EvaluationState.key(variable.name)] ?? .null }
        return result
    }
}
