import IR

/// One compiled node: reads the row (values by slot) and the evaluation state, returns a value or
/// fails the row.
typealias Evaluator = @Sendable (inout [Value], inout EvaluationState) throws(RowError) -> Value

/// An expression compiled once into closures over a row of values addressed by slot index.
///
/// Evaluation never walks the tree or looks names up: ports were resolved to slots, parameters to
/// constants and constant sub-expressions folded when the expression was compiled.
public struct CompiledExpression: Sendable {
    let body: Evaluator
    /// The value of the expression when it does not depend on the row (folded at compile time).
    public let constantValue: Value?
    /// The type the type checker gave the expression, if it was checked.
    public let type: DataType?

    /// Computes the expression for one row. Throws the row's error (division by zero, overflow,
    /// `ERROR()`; `ABORT()` is a row error whose ``RowError/isAbort`` is true).
    @inline(__always)
    public func evaluate(_ row: inout [Value], state: inout EvaluationState) throws(RowError) -> Value {
        try body(&row, &state)
    }

    /// Computes the expression for a row that does not change; convenient for tests and constants.
    public func evaluate(_ row: [Value] = [], state: EvaluationState = EvaluationState()) throws(RowError) -> Value {
        var copy = row
        var stateCopy = state
        return try body(&copy, &stateCopy)
    }

    /// Whether a value is TRUE as a condition (G3, G7): NULL and zero are FALSE.
    public static func isTrue(_ value: Value) throws(RowError) -> Bool {
        try ValueConversion.truth(value) ?? false
    }
}

/// A compiled sub-expression with its value when it is a constant.
struct Piece: Sendable {
    let eval: Evaluator
    let constant: Value?
    /// The checked type, if known.
    let type: DataType?
    /// The piece computed as an integer without `Value`s, when its kinds are known (TypedEvaluators.swift).
    var int: IntEvaluator? = nil
    /// The piece computed as a double without `Value`s, when its kinds are known.
    var double: DoubleEvaluator? = nil
    /// The piece computed as a condition, when its value can only be 1, 0 or NULL.
    var truth: TruthEvaluator? = nil
    /// For a high-precision `/` of two integer pieces: their typed evaluators, so that CEIL and
    /// FLOOR of the quotient can be computed from the integers (IntegerQuotients.swift).
    var intQuotient: (dividend: IntEvaluator, divisor: IntEvaluator)? = nil

    /// A piece that always yields `value`.
    static func constant(_ value: Value, type: DataType? = nil) -> Piece {
        typedConstant(value, type: type)
    }
}

/// What the expression compiler needs besides the expression.
public struct CompileEnvironment: Sendable {
    /// Port name → row slot (matched case-insensitively).
    public var slots: [String: Int]
    /// Parameter values (`$$P`, `$P`), matched case-insensitively with or without the `$` signs.
    public var parameters: [String: Value]
    /// Names of the mapping variables kept in ``EvaluationState/mappingVariables`` (any case, `$$`
    /// optional); references to them read the state, not `parameters`.
    public var mappingVariables: Set<String>
    /// Resolves `:LKP.` calls.
    public var lookups: (any LookupResolver)?
    /// Resolves `:UDF.` and `:SP.` calls.
    public var userFunctions: (any UserFunctionResolver)?
    /// The session settings.
    public var settings: EvaluationSettings
    /// The expression's text and owner, for diagnostic locations.
    public var source: ExpressionSource

    /// Creates an environment.
    public init(
        slots: [String: Int], parameters: [String: Value] = [:], mappingVariables: Set<String> = [],
        lookups: (any LookupResolver)? = nil, userFunctions: (any UserFunctionResolver)? = nil,
        settings: EvaluationSettings, source: ExpressionSource = ExpressionSource("")
    ) {
        self.slots = slots
        self.parameters = parameters
        self.mappingVariables = mappingVariables
        self.lookups = lookups
        self.userFunctions = userFunctions
        self.settings = settings
        self.source = source
    }
}
