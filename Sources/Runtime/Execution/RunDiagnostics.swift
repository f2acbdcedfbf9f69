import IR

/// The problems found when a pipeline is prepared or run natively (codes RT0400–RT0449).
public enum RunDiagnostics {
    /// A node whose operator the native executor does not run.
    public static let unsupportedNode = DiagnosticDescriptor(
        "RT0400", .error, "the node cannot run natively")
    /// A node's expressions or conditions do not compile.
    public static let nodeDoesNotCompile = DiagnosticDescriptor(
        "RT0401", .error, "an expression or condition of the node cannot be compiled")
    /// The nodes form a cycle or reference a missing node.
    public static let invalidGraph = DiagnosticDescriptor(
        "RT0402", .error, "the pipeline's nodes do not form a runnable graph")
    /// A node reads no connection, file or table that the run can resolve.
    public static let unresolvedConnection = DiagnosticDescriptor(
        "RT0403", .error, "a connection, file or table of the node cannot be resolved")
    /// A source or lookup read failed.
    public static let readFailed = DiagnosticDescriptor("RT0404", .error, "reading the node's data failed")
    /// A target write failed as a whole (not one row).
    public static let writeFailed = DiagnosticDescriptor("RT0405", .error, "writing the target failed")
    /// Rows from two upstream nodes that must be aligned are not.
    public static let misalignedInputs = DiagnosticDescriptor(
        "RT0406", .error, "inputs of the node come from different active sources")
    /// ABORT() or an exhausted sequence stopped the run.
    public static let sessionAborted = DiagnosticDescriptor("RT0407", .error, "the session was aborted")
    /// A lookup condition the native lookup cannot evaluate.
    public static let unsupportedCondition = DiagnosticDescriptor(
        "RT0408", .error, "the condition is not a conjunction the native operator evaluates")
    /// A transaction-control node: the run commits each target once, at the end.
    public static let transactionControlIgnored = DiagnosticDescriptor(
        "RT0409", .warning, "user-defined transaction boundaries are not reproduced")
    /// Pre- or post-SQL failed.
    public static let sqlStatementFailed = DiagnosticDescriptor(
        "RT0410", .error, "a pre- or post-SQL statement failed")
    /// A target table was created because the connection allows it.
    public static let targetTableCreated = DiagnosticDescriptor(
        "RT0411", .note, "a missing target table was created from the target definition")
    /// The mapping or workflow named on the command line does not exist.
    public static let unknownObject = DiagnosticDescriptor(
        "RT0412", .error, "the mapping or workflow to run does not exist")

    /// Every descriptor, sorted by code.
    public static let all: [DiagnosticDescriptor] = [
        unsupportedNode, nodeDoesNotCompile, invalidGraph, unresolvedConnection, readFailed, writeFailed,
        misalignedInputs, sessionAborted, unsupportedCondition, transactionControlIgnored, sqlStatementFailed,
        targetTableCreated, unknownObject,
    ]
}
