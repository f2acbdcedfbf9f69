import IR

/// How a function computes, once compiled.
enum FunctionImpl: Sendable {
    /// One evaluated argument.
    case one(@Sendable (Value) throws(RowError) -> Value)
    /// Two evaluated arguments.
    case two(@Sendable (Value, Value) throws(RowError) -> Value)
    /// Three evaluated arguments.
    case three(@Sendable (Value, Value, Value) throws(RowError) -> Value)
    /// Any number of evaluated arguments.
    case many(@Sendable ([Value]) throws(RowError) -> Value)
    /// Evaluated arguments and the evaluation state (variable functions, RAND); never folded.
    case stateful(@Sendable ([Value], inout EvaluationState) throws(RowError) -> Value)
    /// A special form that evaluates its own arguments (IIF, DECODE short-circuit).
    case special(Evaluator)
}

/// A compile-time problem found while building a function (an invalid constant pattern, ...).
struct CompileProblem: Error {
    let descriptor: DiagnosticDescriptor
    let message: String
    let fix: String
}

/// What a function builder knows about the call being compiled.
struct FunctionRequest {
    /// The function name, upper case.
    let name: String
    /// The compiled arguments.
    let arguments: [Piece]
    /// The session settings.
    let settings: EvaluationSettings
    /// The call node (its checked type decides IIF's zero value).
    let expression: Expr
    /// The mapping variables known to the state (upper case, no `$$`).
    let mappingVariables: Set<String>
    /// Whether typed forms may be used (TypedSpecialForms.swift).
    var specialised = true
    /// Port name (upper case) → row slot, for fast paths that read a port argument directly.
    var slots: [String: Int] = [:]

    /// The argument count.
    var count: Int { arguments.count }

    /// The constant value of argument `i`, if it has one.
    func constant(_ i: Int) -> Value? { i < arguments.count ? arguments[i].constant : nil }
}

/// A function's arity and builder.
struct FunctionSpec: Sendable {
    /// The fewest arguments.
    let minimum: Int
    /// The most arguments (`Int.max` for variadic functions).
    let maximum: Int
    /// Builds the implementation for one call.
    let make: @Sendable (FunctionRequest) throws(CompileProblem) -> FunctionImpl

    init(
        _ minimum: Int, _ maximum: Int,
        _ make: @escaping @Sendable (FunctionRequest) throws(CompileProblem) -> FunctionImpl
    ) {
        self.minimum = minimum
        self.maximum = maximum
        self.make = make
    }
}

/// The functions the native evaluator implements, by upper-case name.
enum FunctionLibrary {
    static let specs: [String: FunctionSpec] = {
        var all: [String: FunctionSpec] = [:]
        for table in [
            characterFunctions, searchFunctions, conversionFunctions, numericFunctions, specialFunctions,
            testFunctions, variableFunctions, encodingFunctions, dateFunctions, phoneticFunctions, windowFunctions,
            financialFunctions, identifierFunctions,
        ] {
            all.merge(table) { first, _ in first }
        }
        return all
    }()

    /// Wraps a one-argument function so that NULL gives NULL.
    static func strict(_ f: @escaping @Sendable (Value) throws(RowError) -> Value) -> FunctionImpl {
        .one { a throws(RowError) in a.isNull ? .null : try f(a) }
    }

    /// Wraps a two-argument function so that any NULL gives NULL.
    static func strict(_ f: @escaping @Sendable (Value, Value) throws(RowError) -> Value) -> FunctionImpl {
        .two { a, b throws(RowError) in a.isNull || b.isNull ? .null : try f(a, b) }
    }

    /// Wraps a three-argument function so that any NULL gives NULL.
    static func strict(_ f: @escaping @Sendable (Value, Value, Value) throws(RowError) -> Value) -> FunctionImpl {
        .three { a, b, c throws(RowError) in a.isNull || b.isNull || c.isNull ? .null : try f(a, b, c) }
    }

    /// Wraps a variadic function so that any NULL gives NULL.
    static func strictMany(_ f: @escaping @Sendable ([Value]) throws(RowError) -> Value) -> FunctionImpl {
        .many { values throws(RowError) in values.contains(where: \.isNull) ? .null : try f(values) }
    }
}
