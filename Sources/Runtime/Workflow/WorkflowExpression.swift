import IR

/// A link condition, decision condition or assignment, compiled to read task variables and
/// workflow variables when it is evaluated.
///
/// The expression compiler has no node for `$task.Attribute` (it reports RT0155) and resolves
/// status names such as `SUCCEEDED` as ports. So the type-checked tree is rewritten first:
/// `$s.Status` becomes a variable read of the key `#S#STATUS` and `SUCCEEDED` the integer
/// ``TaskStatus/code``; declared workflow variables (`$$X`) and the task keys are handed to the
/// compiler as mapping variables, so they are read from ``EvaluationState/mappingVariables`` at
/// run time and assignments are seen by later expressions.
struct WorkflowExpression: Sendable {
    let compiled: CompiledExpression

    /// Evaluates with `values` (keys as ``EvaluationState/key(_:)`` and ``taskKey(_:_:)`` make them).
    func evaluate(_ values: [String: Value]) throws(RowError) -> Value {
        var state = EvaluationState()
        state.mappingVariables = values
        var row: [Value] = []
        return try compiled.evaluate(&row, state: &state)
    }

    /// The state key of a task variable: `#TASK#ATTRIBUTE`, upper case (`#` is in no variable name).
    static func taskKey(_ task: String, _ attribute: String) -> String {
        "#\(task.uppercased())#\(attribute.uppercased())"
    }

    /// Parses, type checks and compiles `text` in `scope`; nil with diagnostics when it cannot run.
    /// When `resultType` is given the result must convert to it (assignments).
    static func compile(
        _ text: String, in scope: WorkflowExpressionScope, resultType: DataType? = nil, path: ObjectPath,
        location: SourceLocation
    ) -> (expression: WorkflowExpression?, diagnostics: [Diagnostic]) {
        let source = ExpressionSource(text, path: path, location: location)
        let (parsed, parseDiagnostics) = ExpressionParser.parse(source)
        guard !parseDiagnostics.hasErrors else { return (nil, parseDiagnostics) }
        let types = TypeEnvironment(parameters: scope.types, tasks: scope.taskNames, site: .workflow)
        let (checked, typeDiagnostics) = ExpressionTypeChecker.check(
            parsed, in: types, source: source, portType: resultType)
        var diagnostics = parseDiagnostics + typeDiagnostics
        guard !typeDiagnostics.hasErrors else { return (nil, diagnostics) }
        var readKeys: Set<String> = []
        let rewritten = rewrite(checked, variables: scope.variableKeys, reads: &readKeys)
        let environment = CompileEnvironment(
            slots: [:], parameters: scope.constants, mappingVariables: readKeys, settings: scope.settings,
            source: source)
        let (compiled, compileDiagnostics) = ExpressionCompiler.compile(rewritten, in: environment)
        diagnostics += compileDiagnostics
        return (compiled.map(WorkflowExpression.init), diagnostics)
    }

    /// Replaces task variables and status names by what the compiler can evaluate, collecting the
    /// state keys the expression reads.
    static func rewrite(_ expression: Expr, variables: Set<String>, reads: inout Set<String>) -> Expr {
        var node = expression
        switch expression.kind {
        case .taskVariable(let task, let attribute):
            let key = taskKey(task, attribute)
            reads.insert(key)
            node.kind = .parameter(key)
        case .reference(let name):
            if let status = TaskStatus(rawValue: name.uppercased()) {
                node.kind = .number(String(status.code))
                node.type = .integer
            }
        case .parameter(let name):
            let key = EvaluationState.key(name)
            if variables.contains(key) { reads.insert(key) }
        case .unary(let op, let operand):
            node.kind = .unary(op, rewrite(operand, variables: variables, reads: &reads))
        case .binary(let op, let left, let right):
            node.kind = .binary(
                op, rewrite(left, variables: variables, reads: &reads),
                rewrite(right, variables: variables, reads: &reads))
        case .call(let name, let arguments):
            node.kind = .call(name: name, arguments: arguments.map { rewrite($0, variables: variables, reads: &reads) })
        case .external(let kind, let name, let arguments):
            node.kind = .external(
                kind, name: name, arguments: arguments.map { rewrite($0, variables: variables, reads: &reads) })
        default:
            break
        }
        return node
    }
}

/// What the expressions of one workflow level may name: its tasks, the visible workflow
/// variables, and parameter-file values that are not variables.
struct WorkflowExpressionScope: Sendable {
    /// Visible workflow variables and parameters by upper-case name with `$$`, and their types.
    var types: [String: DataType]
    /// The state keys of the visible workflow variables (upper case, no `$$`).
    var variableKeys: Set<String>
    /// The task names of this level.
    var taskNames: [String]
    /// Constant values: `$` parameters and undeclared `$$` names from the parameter file.
    var constants: [String: Value]
    /// The evaluation settings.
    var settings: EvaluationSettings
}
