import IR

/// Diagnostics of the PowerCenter workflow translator (codes IMP0200–IMP0299): workflows, worklets,
/// sessions, tasks, links, workflow variables and schedulers.
public enum PCWorkflowDiagnostics {
    static let taskTypeUnknown = DiagnosticDescriptor(
        "IMP0200", .error, "a task instance has a task type the converter does not know")
    static let taskDefinitionMissing = DiagnosticDescriptor(
        "IMP0201", .error, "a task instance refers to a session, task or worklet that is not in the export")
    static let workletCycle = DiagnosticDescriptor(
        "IMP0202", .error, "a worklet contains itself, directly or through other worklets")
    static let linkTaskUnknown = DiagnosticDescriptor(
        "IMP0203", .error, "a workflow link names a task that is not in its workflow or worklet")
    static let reusableDefinitionUnused = DiagnosticDescriptor(
        "IMP0204", .note, "a reusable session, task or worklet is not used by any workflow in the export")
    static let predefinedVariablesImplied = DiagnosticDescriptor(
        "IMP0205", .note, "predefined task variables are implied by the tasks and not written")
    static let scheduleWithoutCron = DiagnosticDescriptor(
        "IMP0206", .warning, "a schedule has no exact cron equivalent")
    static let schedulerMissing = DiagnosticDescriptor(
        "IMP0207", .warning, "a workflow names a reusable scheduler that is not in the export")
    static let sessionConfigMissing = DiagnosticDescriptor(
        "IMP0208", .note, "a session references a session configuration that is not in the export")
    static let rowKindUnknown = DiagnosticDescriptor(
        "IMP0209", .warning, "a session's 'Treat source rows as' value is not Insert, Update, Delete or Data driven")
    static let variableTypeUnknown = DiagnosticDescriptor(
        "IMP0210", .warning, "a workflow variable has a datatype the converter does not know")
    static let sessionComponentTasksKept = DiagnosticDescriptor(
        "IMP0211", .note, "the tasks inside a session's components are kept as component settings")
    static let inlineDefinitionUnused = DiagnosticDescriptor(
        "IMP0212", .note, "a task, session or worklet defined inside a workflow has no task instance")
    static let taskInstanceDuplicate = DiagnosticDescriptor(
        "IMP0213", .error, "two task instances of one workflow or worklet have the same name")
    static let elementWithoutName = DiagnosticDescriptor(
        "IMP0214", .error, "a workflow object has no NAME and cannot be referred to")
    static let componentTaskMissing = DiagnosticDescriptor(
        "IMP0215", .warning, "a session component refers to a reusable task that is not in the export")
    static let componentTaskCopied = DiagnosticDescriptor(
        "IMP0216", .note, "a reusable command task used as a session component is copied into each session")
    static let schedulerUndefined = DiagnosticDescriptor(
        "IMP0217", .note, "a workflow names a non-reusable scheduler that the export does not contain")
    static let decisionConditionEmpty = DiagnosticDescriptor(
        "IMP0218", .warning, "a decision task has an empty condition")
    static let variablePrecisionAssumed = DiagnosticDescriptor(
        "IMP0219", .note, "a workflow variable has no precision in the export; a default precision is assumed")

    /// Every descriptor, sorted by code.
    public static let all: [DiagnosticDescriptor] = [
        taskTypeUnknown, taskDefinitionMissing, workletCycle, linkTaskUnknown, reusableDefinitionUnused,
        predefinedVariablesImplied, scheduleWithoutCron, schedulerMissing, sessionConfigMissing, rowKindUnknown,
        variableTypeUnknown, sessionComponentTasksKept, inlineDefinitionUnused, taskInstanceDuplicate,
        elementWithoutName, componentTaskMissing, componentTaskCopied, schedulerUndefined, decisionConditionEmpty,
        variablePrecisionAssumed,
    ]
}
