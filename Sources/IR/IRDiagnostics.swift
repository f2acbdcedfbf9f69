/// The IR verifier's diagnostics (codes IR0001–IR0099).
extension DiagnosticDescriptor {
    static let duplicateNodeID = DiagnosticDescriptor("IR0001", .error, "two nodes of a pipeline share an id")
    static let duplicatePortName = DiagnosticDescriptor("IR0002", .error, "two ports of a node share a name")
    static let unknownSourceNode = DiagnosticDescriptor(
        "IR0003", .error, "a port is fed from a node that does not exist")
    static let unknownSourcePort = DiagnosticDescriptor(
        "IR0004", .error, "a port is fed from a port that does not exist or is not an output")
    static let pipelineCycle = DiagnosticDescriptor("IR0005", .error, "the pipeline's nodes form a cycle")
    static let inputNotFed = DiagnosticDescriptor("IR0006", .error, "a node that consumes rows has no connected input")
    static let incompatibleTypes = DiagnosticDescriptor(
        "IR0007", .warning, "a port is fed a value of a type it cannot take")
    static let unknownOptionPort = DiagnosticDescriptor(
        "IR0008", .error, "an operator option names a port the node does not have")
    static let unknownOptionNode = DiagnosticDescriptor(
        "IR0009", .error, "an option names a node the pipeline does not have")
    static let inputWithoutRole = DiagnosticDescriptor("IR0010", .error, "a port has a source but is not an input")
    static let duplicateTaskName = DiagnosticDescriptor("IR0020", .error, "two tasks of a workflow share a name")
    static let unknownLinkTask = DiagnosticDescriptor("IR0021", .error, "a link names a task that does not exist")
    static let workflowCycle = DiagnosticDescriptor("IR0022", .error, "the workflow's links form a cycle")
}

/// The catalog of IR verifier diagnostics.
public enum IRDiagnostics {
    /// Every descriptor, sorted by code.
    public static let all: [DiagnosticDescriptor] = [
        .duplicateNodeID, .duplicatePortName, .unknownSourceNode, .unknownSourcePort, .pipelineCycle,
        .inputNotFed, .incompatibleTypes, .unknownOptionPort, .unknownOptionNode, .inputWithoutRole,
        .duplicateTaskName, .unknownLinkTask, .workflowCycle,
    ]
}
