import IR

/// The problems the expression runner reports about its inputs (codes RT0200–RT0219): the rows
/// table, port and parameter declarations. Problems of the expression itself come from the parser,
/// the type checker and the compiler.
public enum ExpressionRunnerDiagnostics {
    /// A quoted CSV field has no closing quote, or a quote appears inside an unquoted field.
    public static let malformedTable = DiagnosticDescriptor(
        "RT0200", .error, "the rows table is not valid CSV")
    /// A CSV row has more or fewer fields than the header.
    public static let wrongFieldCount = DiagnosticDescriptor(
        "RT0201", .error, "a row of the rows table has a different number of fields than its header")
    /// The header row is missing, or names a column twice or not at all.
    public static let invalidHeader = DiagnosticDescriptor(
        "RT0202", .error, "the header row of the rows table does not name each column once")
    /// Two ports (input or variable), or two parameters, have the same name.
    public static let duplicatePort = DiagnosticDescriptor(
        "RT0203", .error, "two ports or two parameters of the expression have the same name")
    /// A parameter value cannot be converted to the parameter's datatype.
    public static let invalidParameterValue = DiagnosticDescriptor(
        "RT0204", .error, "a parameter value cannot be converted to its datatype")

    /// Every descriptor, sorted by code.
    public static let all: [DiagnosticDescriptor] = [
        malformedTable, wrongFieldCount, invalidHeader, duplicatePort, invalidParameterValue,
    ]
}
