import IR

/// The compile-time problems the expression compiler reports (codes RT0150–RT0199).
public enum EvaluationDiagnostics {
    /// A function the evaluator does not implement yet.
    public static let unsupportedFunction = DiagnosticDescriptor(
        "RT0150", .error, "the function is not yet supported by the native evaluator")
    /// A name that is neither a port nor a variable of the transformation.
    public static let unknownPort = DiagnosticDescriptor("RT0151", .error, "a port reference cannot be resolved")
    /// A `$$` or `$` name with no value.
    public static let unknownParameter = DiagnosticDescriptor(
        "RT0152", .error, "a parameter or variable has no value")
    /// A call of a function the language does not have.
    public static let unknownFunction = DiagnosticDescriptor("RT0153", .error, "the function does not exist")
    /// A call with too few or too many arguments.
    public static let wrongArgumentCount = DiagnosticDescriptor(
        "RT0154", .error, "a function is called with the wrong number of arguments")
    /// A node the evaluator cannot run (a parse error, `*` outside COUNT, a task variable).
    public static let invalidNode = DiagnosticDescriptor(
        "RT0155", .error, "the expression contains a part that cannot be evaluated")
    /// A `:LKP.`, `:SP.`, `:UDF.` or `:MCR.` call nobody provides.
    public static let unresolvedExternalCall = DiagnosticDescriptor(
        "RT0156", .error, "an external call cannot be resolved")
    /// A constant regular expression that does not compile.
    public static let invalidPattern = DiagnosticDescriptor(
        "RT0157", .error, "a regular expression is not valid")
    /// A SET...VARIABLE call whose first argument is not a mapping variable.
    public static let notAMappingVariable = DiagnosticDescriptor(
        "RT0158", .error, "a variable function's first argument is not a mapping variable")
    /// An aggregate function in a row-by-row expression.
    public static let aggregateOutsideAggregator = DiagnosticDescriptor(
        "RT0159", .error, "an aggregate function is used outside an aggregate context")
    /// A port default value that is not a constant or ERROR(...).
    public static let invalidDefaultValue = DiagnosticDescriptor(
        "RT0160", .error, "a port default value cannot be used")
    /// An evaluator given a node of another kind.
    public static let wrongNodeKind = DiagnosticDescriptor(
        "RT0161", .error, "the node is not an expression transformation")

    /// Every descriptor, sorted by code.
    public static let all: [DiagnosticDescriptor] = [
        unsupportedFunction, unknownPort, unknownParameter, unknownFunction, wrongArgumentCount, invalidNode,
        unresolvedExternalCall, invalidPattern, notAMappingVariable, aggregateOutsideAggregator,
        invalidDefaultValue, wrongNodeKind,
    ]
}
