import IR

/// An input port of an expression run.
public struct ExpressionRunnerPort: Hashable, Sendable {
    /// The port name (matched case-insensitively).
    public var name: String
    /// The port's datatype; the value text is converted to it.
    public var type: DataType
    /// The value text, nil for NULL; a rows-table column of the same name replaces it row by row.
    public var value: String?

    /// Creates a port.
    public init(name: String, type: DataType, value: String? = nil) {
        self.name = name
        self.type = type
        self.value = value
    }
}

/// A variable port: computed on every row, in declaration order, before the expression, and
/// keeping its value from one row to the next (reference §2.2, G12; cases 46–47).
public struct ExpressionRunnerVariable: Hashable, Sendable {
    /// The port name.
    public var name: String
    /// The port's datatype; it starts at 0, '' or 0001-01-01 and results are converted to it.
    public var type: DataType
    /// The port's expression text.
    public var expression: String

    /// Creates a variable port.
    public init(name: String, type: DataType, expression: String) {
        self.name = name
        self.type = type
        self.expression = expression
    }
}

/// A mapping parameter or variable with a value. A name starting with `$$` (or written without
/// any `$`, which means `$$`) is a mapping variable: SETVARIABLE and its kin update it, and the
/// update is seen by later rows. A `$name` is a session parameter, a constant.
public struct ExpressionRunnerParameter: Hashable, Sendable {
    /// The name as written, with or without its `$` signs.
    public var name: String
    /// The datatype, or nil to infer it from the value (``ExpressionRunner/inferredType(ofParameterText:)``).
    public var type: DataType?
    /// The value text, nil for NULL.
    public var value: String?

    /// Creates a parameter.
    public init(name: String, type: DataType? = nil, value: String?) {
        self.name = name
        self.type = type
        self.value = value
    }

    /// The name with its `$` signs: `$$` added when the name has none.
    public var qualifiedName: String { name.hasPrefix("$") ? name : "$$" + name }
}

/// What to evaluate: an expression, its ports, parameters and rows, and the session settings.
public struct ExpressionRunRequest: Sendable {
    /// The expression text.
    public var expression: String
    /// The input ports, with their values for a single row (or fixed across the table's rows).
    public var ports: [ExpressionRunnerPort]
    /// Variable ports computed before the expression on every row.
    public var variables: [ExpressionRunnerVariable]
    /// Parameter and mapping-variable values.
    public var parameters: [ExpressionRunnerParameter]
    /// Rows to evaluate, or nil for one row made of the ports' values. Columns the ports do not
    /// declare are ports of type `string(65535)` (``ExpressionRunner/defaultStringPrecision``).
    public var table: ExpressionRunnerTable?
    /// The session settings (high precision, SYSDATE, SESSSTARTTIME, date format).
    public var settings: EvaluationSettings

    /// Creates a request.
    public init(
        expression: String, ports: [ExpressionRunnerPort] = [], variables: [ExpressionRunnerVariable] = [],
        parameters: [ExpressionRunnerParameter] = [], table: ExpressionRunnerTable? = nil,
        settings: EvaluationSettings
    ) {
        self.expression = expression
        self.ports = ports
        self.variables = variables
        self.parameters = parameters
        self.table = table
        self.settings = settings
    }
}

/// The outcome of an expression run.
public struct ExpressionRunResult: Sendable {
    /// How far the run got.
    public enum Outcome: Hashable, Sendable {
        /// Every row was evaluated (a row may still have failed: see ``rows``).
        case evaluated
        /// A port, parameter or the rows table is wrong; nothing was evaluated.
        case invalidInput
        /// The expression (or a variable port's) does not parse, type check or compile.
        case invalidExpression
    }

    /// How far the run got.
    public var outcome: Outcome
    /// The expression in canonical form, when it parses.
    public var canonical: String?
    /// The expression's datatype, when it type checks and has one (`NULL` alone has none).
    public var type: DataType?
    /// Per row, the value or the row error, in row order.
    public var rows: [Result<Value, RowError>]
    /// Everything the stages reported.
    public var diagnostics: [Diagnostic]
}

/// Parses, type checks, compiles and evaluates one expression over typed input ports, row by row
/// (issue 3; the library behind `migrate expr`).
///
/// Rows share one ``EvaluationState`` and the variable ports' values, so variable ports and
/// SETVARIABLE behave as in a session: each row sees what the previous rows left.
public enum ExpressionRunner {
    /// Runs `request`.
    public static func run(_ request: ExpressionRunRequest) -> ExpressionRunResult {
        var build = ExpressionRunBuild(request)
        guard var loop = build.makeLoop() else {
            return ExpressionRunResult(
                outcome: build.inputsValid ? .invalidExpression : .invalidInput, canonical: build.canonical,
                type: build.type, rows: [], diagnostics: build.diagnostics)
        }
        let tableRows = request.table?.rows ?? [[]]
        let rows = tableRows.map { loop.evaluate($0) }
        return ExpressionRunResult(
            outcome: .evaluated, canonical: build.canonical, type: build.type, rows: rows,
            diagnostics: build.diagnostics)
    }
}

/// The evaluation of rows: inputs converted, variable ports computed, then the expression.
struct ExpressionRunLoop {
    /// An input port: its slot, and where its value text comes from.
    struct Input {
        let slot: Int
        let name: String
        let type: DataType
        let fixedText: String?
        let column: Int?
    }

    /// A variable port: its slot and compiled expression.
    struct Variable {
        let slot: Int
        let name: String
        let type: DataType
        let expression: CompiledExpression
    }

    let inputs: [Input]
    let variables: [Variable]
    let expression: CompiledExpression
    let settings: EvaluationSettings
    var row: [Value]
    var state: EvaluationState

    /// Evaluates one row given its table fields (empty without a table).
    mutating func evaluate(_ fields: [String?]) -> Result<Value, RowError> {
        do throws(RowError) {
            for input in inputs {
                var text = input.fixedText
                if let column = input.column, column < fields.count { text = fields[column] }
                row[input.slot] = try ExpressionRunner.value(
                    fromText: text, as: input.type, settings: settings, port: input.name)
            }
            for variable in variables {
                let value = try variable.expression.evaluate(&row, state: &state)
                row[variable.slot] = try PortCoercion.coerce(value, to: variable.type, settings, port: variable.name)
            }
            return .success(try expression.evaluate(&row, state: &state))
        } catch {
            return .failure(error)
        }
    }
}
