import IR

/// The problems found while type checking every expression of a pipeline or workflow, beyond
/// those of the parser and type checker themselves (codes RT0210–RT0219).
public enum PipelineTypingDiagnostics {
    /// A `$$` name in SQL text (an override, a source filter, pre/post SQL) is not declared.
    public static let unknownSQLParameter = DiagnosticDescriptor(
        "RT0210", .warning, "a SQL override or filter names a parameter that is not declared")

    /// Every descriptor, sorted by code.
    public static let all: [DiagnosticDescriptor] = [unknownSQLParameter]
}
