import IR

/// Runs an IR workflow task by task, the way the PowerCenter Integration Service does (reference
/// §6.1), with sessions delegated to a ``WorkflowTaskRunner`` (issue 4, `migrate run --workflow`).
///
/// Tasks run one after another, never concurrently, in a deterministic order: a task runs once
/// its inbound links are satisfied, and tasks that become ready together run in `workflow.tasks`
/// order. Link conditions, decision conditions and assignments are the transformation language,
/// with the predefined task variables (`$s.Status`, `$s.TgtSuccessRows`, `$d.Condition`, ...) and
/// the workflow variables (`$$X`). Worklets run their inner workflow recursively; their tasks are
/// reported with the worklet names as a path. Command tasks run only when
/// ``WorkflowRunOptions/allowCommands`` is set; emails are never sent; timers, event waits and
/// raises, control and unknown tasks are reported as not carried out (RT0306).
///
/// ```swift
/// var runner = WorkflowRunner(workflow: workflow, options: WorkflowRunOptions(now: Date()))
/// var sessions = MySessionRunner()
/// let result = runner.run(using: &sessions)
/// ```
public struct WorkflowRunner: Sendable {
    /// The workflow to run.
    public let workflow: Workflow
    /// How to run it.
    public let options: WorkflowRunOptions

    /// Creates a runner.
    public init(workflow: Workflow, options: WorkflowRunOptions) {
        self.workflow = workflow
        self.options = options
    }

    /// Runs the workflow, calling `runner` for each session and each event.
    public mutating func run(using runner: inout some WorkflowTaskRunner) -> WorkflowRunResult {
        var context = WorkflowRunContext(options: options)
        context.loadConstants()
        runner.event(
            WorkflowEvent(kind: .workflowStarted, path: [], message: workflow.name, time: options.time()))
        var level = WorkflowLevelRun(workflow, prefix: [])
        let status = level.run(&context, &runner)
        runner.event(
            WorkflowEvent(
                kind: .workflowFinished, path: [], status: status, message: workflow.name, time: options.time()))
        return WorkflowRunResult(
            status: status, tasks: context.records, notRun: context.notRun, variables: level.finalVariables,
            diagnostics: context.diagnostics)
    }
}
