import Foundation
import IR

/// How ``WorkflowRunner`` runs a workflow: parameter values, the clock, and the switches for the
/// points the reference marks BELIEVED or leaves open.
public struct WorkflowRunOptions: Sendable {
    /// Whether command tasks really run their shell commands; when false they are reported with a
    /// `commandNotRun` event and take ``commandsNotRunStatus``.
    public var allowCommands: Bool
    /// Values from a parameter file (`$$WF_VAR=10`, `$PMRootDir=/data`), names in any case.
    /// A `$$` value overrides the declared initial value of the workflow variable (reference §6.3).
    public var parameters: [String: String]
    /// The workflow start time (WORKFLOWSTARTTIME, SYSDATE, and every task time unless `clock` is set).
    public var now: DateTimeValue
    /// Reads the time for task start and end times; nil uses `now` throughout (deterministic).
    public var clock: (@Sendable () -> DateTimeValue)?
    /// The shell that runs each command as `shell -c command`.
    public var shell: String
    /// The status of a command task whose commands were not run (``allowCommands`` false).
    /// Chosen default SUCCEEDED: a dry run then follows the workflow's normal path, so the sessions
    /// after a housekeeping command still run; FAILED would stop every `Status = SUCCEEDED` branch
    /// behind any command. The event and a warning say the commands did not run.
    public var commandsNotRunStatus: TaskStatus = .succeeded
    /// The links leaving a disabled task are evaluated with its status DISABLED, so unconditional
    /// links are taken and `Status = SUCCEEDED` links are not (the default, BELIEVED: the reference
    /// only lists DISABLED among the statuses, §6.1); false never takes them.
    public var disabledTaskLinksEvaluated: Bool = true
    /// A disabled task counts as "did not run" for `failParentIfDidNotRun` (BELIEVED, not in the
    /// reference; default false: disabling is deliberate and has its own status).
    public var disabledCountsAsNotRun: Bool = false
    /// Without the attribute "Fail task if any command fails" = YES, a command task runs all its
    /// commands and succeeds when the last one does (the default, BELIEVED from the Workflow Basics
    /// guide; the reference only names the option, §6.1); false fails it when any command fails.
    public var commandTaskSucceedsUnlessLastFails: Bool = true
    /// The status of a timer, event-wait, event-raise, control or unknown task, which the runner
    /// does not carry out. Default FAILED (chosen: nothing pretends the wait or control happened);
    /// SUCCEEDED lets the run continue past it as a no-op.
    public var unsupportedTaskStatus: TaskStatus = .failed

    /// Creates options.
    public init(
        allowCommands: Bool = false, parameters: [String: String] = [:], now: DateTimeValue,
        clock: (@Sendable () -> DateTimeValue)? = nil, shell: String = "/bin/sh"
    ) {
        self.allowCommands = allowCommands
        self.parameters = parameters
        self.now = now
        self.clock = clock
        self.shell = shell
    }

    /// Creates options with `now` read from a `Date` in the local time zone.
    public init(allowCommands: Bool = false, parameters: [String: String] = [:], now: Date, shell: String = "/bin/sh") {
        self.init(
            allowCommands: allowCommands, parameters: parameters, now: ExpressionRunner.localDateTime(now),
            shell: shell)
    }

    /// The evaluation settings of workflow conditions: the workflow start is both SESSSTARTTIME
    /// and SYSDATE.
    var settings: EvaluationSettings {
        EvaluationSettings(
            sessionStart: now, now: now, currentYear: CivilCalendar.parts(now).year)
    }

    /// The current time by the clock, or `now`.
    func time() -> DateTimeValue { clock?() ?? now }
}
