import IR

/// The problems found while compiling user-defined functions (`:UDF.`, EXPRMACRO), codes RT0190–RT0199.
public enum UserFunctionDiagnostics {
    /// A prototype that is not `TYPE name(argument as type, ...)`.
    public static let invalidPrototype = DiagnosticDescriptor(
        "RT0190", .error, "a user-defined function's prototype cannot be read")
    /// A function that calls itself, directly or through other user functions.
    public static let recursiveCall = DiagnosticDescriptor(
        "RT0191", .error, "a user-defined function calls itself")
    /// A function whose body has errors.
    public static let invalidBody = DiagnosticDescriptor(
        "RT0192", .error, "a user-defined function's body cannot be evaluated")

    /// Every descriptor, sorted by code.
    public static let all: [DiagnosticDescriptor] = [invalidPrototype, recursiveCall, invalidBody]
}
