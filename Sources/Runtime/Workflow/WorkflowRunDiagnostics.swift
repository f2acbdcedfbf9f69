import IR

/// The problems the workflow runner reports (codes RT0300–RT0349).
public enum WorkflowRunDiagnostics {
    /// A link condition that does not parse, type check or compile; the link is not taken.
    public static let invalidLinkCondition = DiagnosticDescriptor(
        "RT0300", .error, "a link condition cannot be evaluated")
    /// A link, decision or assignment expression that failed while it was evaluated.
    public static let evaluationFailed = DiagnosticDescriptor(
        "RT0301", .error, "a workflow expression failed when it was evaluated")
    /// A link whose source or target is not a task of the workflow.
    public static let unknownLinkTask = DiagnosticDescriptor(
        "RT0302", .error, "a link names a task that does not exist")
    /// A task other than the start task that no link leads to.
    public static let unlinkedTask = DiagnosticDescriptor(
        "RT0303", .warning, "a task is not linked from the start task")
    /// A workflow without a start task.
    public static let noStartTask = DiagnosticDescriptor("RT0304", .warning, "the workflow has no start task")
    /// A task that waits for links that never finish (a cycle of links).
    public static let taskNeverReady = DiagnosticDescriptor(
        "RT0305", .error, "a task waits for links that are never evaluated")
    /// A timer, event-wait, event-raise, control or unknown task.
    public static let unsupportedTask = DiagnosticDescriptor(
        "RT0306", .warning, "the task kind is not carried out at run time")
    /// A command task whose commands were not run because commands are not allowed.
    public static let commandNotRun = DiagnosticDescriptor("RT0307", .warning, "the commands were not run")
    /// A shell that could not be started.
    public static let commandNotStarted = DiagnosticDescriptor("RT0308", .error, "a command could not be started")
    /// An email task: no email is sent.
    public static let emailNotSent = DiagnosticDescriptor("RT0309", .note, "the email was not sent")
    /// An assignment that does not parse, type check or compile, or names an undeclared variable.
    public static let invalidAssignment = DiagnosticDescriptor(
        "RT0310", .error, "an assignment cannot be evaluated")
    /// A decision condition that does not parse, type check or compile.
    public static let invalidDecision = DiagnosticDescriptor(
        "RT0311", .error, "a decision condition cannot be evaluated")
    /// A workflow variable whose parameter-file or initial value does not convert to its type.
    public static let invalidVariableValue = DiagnosticDescriptor(
        "RT0312", .error, "a workflow variable value does not fit its datatype")
    /// Two tasks of one workflow with the same name (names are not case-sensitive).
    public static let duplicateTask = DiagnosticDescriptor("RT0313", .error, "a task name is used twice")

    /// Every descriptor, sorted by code.
    public static let all: [DiagnosticDescriptor] = [
        invalidLinkCondition, evaluationFailed, unknownLinkTask, unlinkedTask, noStartTask, taskNeverReady,
        unsupportedTask, commandNotRun, commandNotStarted, emailNotSent, invalidAssignment, invalidDecision,
        invalidVariableValue, duplicateTask,
    ]
}
