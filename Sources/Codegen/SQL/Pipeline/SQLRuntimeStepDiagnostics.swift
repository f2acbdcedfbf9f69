import IR

/// The steps of a pushed-down pipeline that the runtime does around its SQL (codes CG2100–CG2199):
/// notes, located at the source or target, that make the pushdown partial without stopping it.
public enum SQLRuntimeStepDiagnostics {
    /// A flat-file source is read by the runtime's reader into a staging table the SQL reads.
    public static let sourceStaged = DiagnosticDescriptor(
        "CG2101", .note, "a flat-file source is staged into a table by the runtime")
    /// A flat-file target's rows are computed by the SQL and written to the file by the runtime.
    public static let fileWritten = DiagnosticDescriptor(
        "CG2102", .note, "a flat-file target's rows are written to the file by the runtime")

    /// Every descriptor, sorted by code.
    public static let all: [DiagnosticDescriptor] = [sourceStaged, fileWritten]
}
