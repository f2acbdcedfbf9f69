/// The expression type checker's diagnostics (codes IR0150–IR0199).
public enum TypeDiagnostics {
    /// A call names a function the language does not have.
    public static let unknownFunction = DiagnosticDescriptor(
        "IR0150", .error, "a call names a function the transformation language does not have")
    /// A call passes too few or too many arguments.
    public static let wrongArity = DiagnosticDescriptor(
        "IR0151", .error, "a call passes a number of arguments the function does not accept")
    /// A call passes an argument of a type the position does not accept.
    public static let wrongArgumentType = DiagnosticDescriptor(
        "IR0152", .error, "a call passes an argument of a type the function does not accept")
    /// An operator is applied to operands of types it does not accept.
    public static let wrongOperandType = DiagnosticDescriptor(
        "IR0153", .error, "an operator is applied to operands of types it does not accept")
    /// `+` or `-` is applied to a date.
    public static let dateArithmetic = DiagnosticDescriptor(
        "IR0154", .error, "dates are added or subtracted with an operator")
    /// A name is not a port of the transformation.
    public static let unknownPort = DiagnosticDescriptor(
        "IR0155", .error, "an expression names a port that does not exist")
    /// A `$$` name is not a declared parameter or variable.
    public static let unknownParameter = DiagnosticDescriptor(
        "IR0156", .error, "an expression names a parameter or variable that is not declared")
    /// `:LKP.` names an unconnected lookup that does not exist.
    public static let unknownLookup = DiagnosticDescriptor(
        "IR0157", .error, "an expression calls an unconnected lookup that does not exist")
    /// `:UDF.` names a user-defined function that does not exist.
    public static let unknownUserFunction = DiagnosticDescriptor(
        "IR0158", .error, "an expression calls a user-defined function that does not exist")
    /// A task variable names an unknown task or attribute, or is used outside a workflow condition.
    public static let invalidTaskVariable = DiagnosticDescriptor(
        "IR0159", .error, "a task variable is unknown or used outside a workflow condition")
    /// An aggregate function is used outside an Aggregator or Rank.
    public static let aggregateOutsideAggregator = DiagnosticDescriptor(
        "IR0160", .error, "an aggregate function is used outside an aggregator")
    /// Aggregates are nested more than one level deep.
    public static let nestedAggregate = DiagnosticDescriptor(
        "IR0161", .error, "aggregate functions are nested more than one level deep")
    /// A mapping-variable function is used where it is not allowed.
    public static let variableFunctionMisplaced = DiagnosticDescriptor(
        "IR0162", .error, "a variable function is used outside Expression, Filter, Router or Update Strategy")
    /// A date-part format literal is not a known unit.
    public static let unknownDatePart = DiagnosticDescriptor("IR0163", .error, "a date-part format is not a known unit")
    /// A function the converter does not support (LOOKUP).
    public static let unsupportedFunction = DiagnosticDescriptor(
        "IR0164", .error, "a call uses a function the converter does not support")
    /// `:LKP.` names an unconnected lookup that has no return port.
    public static let lookupWithoutReturn = DiagnosticDescriptor(
        "IR0165", .error, "an expression calls an unconnected lookup that has no return port")
    /// A string is converted to a number by its numeric prefix.
    public static let stringToNumber = DiagnosticDescriptor(
        "IR0170", .note, "a string is read as a number by its leading numeric prefix")
    /// A call whose result type cannot be checked (`:SP.`, `:MCR.`).
    public static let uncheckedCall = DiagnosticDescriptor(
        "IR0171", .note, "a stored procedure or macro call is not type checked")
    /// A result of IIF, DECODE or CHOOSE is converted to the first result's type.
    public static let resultConverted = DiagnosticDescriptor(
        "IR0172", .note, "a result of a conditional function is converted to the first result's type")
    /// The result cannot be converted to the port's type.
    public static let resultNotConvertible = DiagnosticDescriptor(
        "IR0180", .error, "the expression's result cannot be converted to the port's type")
    /// The result may be truncated or rounded by the port's type.
    public static let resultNarrowed = DiagnosticDescriptor(
        "IR0181", .note, "the expression's result may be truncated or rounded to the port's type")

    /// Every descriptor, sorted by code.
    public static let all: [DiagnosticDescriptor] = [
        unknownFunction, wrongArity, wrongArgumentType, wrongOperandType, dateArithmetic, unknownPort,
        unknownParameter, unknownLookup, unknownUserFunction, invalidTaskVariable, aggregateOutsideAggregator,
        nestedAggregate, variableFunctionMisplaced, unknownDatePart, unsupportedFunction, lookupWithoutReturn,
        stringToNumber, uncheckedCall, resultConverted, resultNotConvertible, resultNarrowed,
    ]
}
