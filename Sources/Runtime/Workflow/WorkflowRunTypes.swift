import IR

/// The status of a workflow task after a run, as `$task.Status` reads it (reference §6.1).
public enum TaskStatus: String, Hashable, Sendable, CaseIterable {
    /// The task completed.
    case succeeded = "SUCCEEDED"
    /// The task failed.
    case failed = "FAILED"
    /// The task was aborted.
    case aborted = "ABORTED"
    /// The task was stopped.
    case stopped = "STOPPED"
    /// The task is disabled and was skipped.
    case disabled = "DISABLED"
    /// The task did not start.
    case notStarted = "NOTSTARTED"

    /// The integer a workflow condition compares with (`$s.Status = SUCCEEDED`). SUCCEEDED, FAILED,
    /// STOPPED and ABORTED take the repository's run-status codes 1, 3, 4, 5 (BELIEVED, not in the
    /// reference); DISABLED and NOTSTARTED, which have none, take 16 and 0 (chosen). Conditions only
    /// compare statuses with each other, so any distinct numbers behave the same.
    public var code: Int64 {
        switch self {
        case .succeeded: 1
        case .failed: 3
        case .stopped: 4
        case .aborted: 5
        case .disabled: 16
        case .notStarted: 0
        }
    }
}

/// What one task run produced: its status, times and (for sessions) row counts.
public struct TaskRunResult: Hashable, Sendable {
    /// The final status.
    public var status: TaskStatus
    /// When the task started.
    public var startTime: DateTimeValue
    /// When the task ended.
    public var endTime: DateTimeValue
    /// Rows read from the sources.
    public var srcSuccessRows: Int64
    /// Rows the sources rejected.
    public var srcFailedRows: Int64
    /// Rows written to the targets.
    public var tgtSuccessRows: Int64
    /// Rows the targets rejected.
    public var tgtFailedRows: Int64
    /// Transformation errors of the run.
    public var totalTransErrors: Int64
    /// The error code (0 = none; a command's exit code).
    public var errorCode: Int
    /// The error message ('' = none).
    public var errorMessage: String

    /// Creates a result; counts default to zero and the error to none.
    public init(
        status: TaskStatus, startTime: DateTimeValue, endTime: DateTimeValue, srcSuccessRows: Int64 = 0,
        srcFailedRows: Int64 = 0, tgtSuccessRows: Int64 = 0, tgtFailedRows: Int64 = 0, totalTransErrors: Int64 = 0,
        errorCode: Int = 0, errorMessage: String = ""
    ) {
        self.status = status
        self.startTime = startTime
        self.endTime = endTime
        self.srcSuccessRows = srcSuccessRows
        self.srcFailedRows = srcFailedRows
        self.tgtSuccessRows = tgtSuccessRows
        self.tgtFailedRows = tgtFailedRows
        self.totalTransErrors = totalTransErrors
        self.errorCode = errorCode
        self.errorMessage = errorMessage
    }
}

/// What the caller of ``WorkflowRunner`` supplies: it runs sessions and receives progress events.
public protocol WorkflowTaskRunner {
    /// Runs one session task. `path` names the enclosing worklets, then the task itself
    /// (`["wklt_load", "s_m_orders"]`; a top-level session is `["s_m_orders"]`).
    mutating func runSession(_ task: WorkflowTask, _ session: SessionSpec, path: [String]) -> TaskRunResult
    /// Receives one progress event, in the order things happen.
    mutating func event(_ event: WorkflowEvent)
}

/// Something that happened during a workflow run.
public struct WorkflowEvent: Hashable, Sendable {
    /// What happened.
    public enum Kind: String, Hashable, Sendable {
        /// The workflow started (path empty).
        case workflowStarted
        /// A task started.
        case taskStarted
        /// A task finished (its status is set).
        case taskFinished
        /// A task did not run: its links were not satisfied, or it was never reached.
        case taskSkipped
        /// A disabled task was reached and skipped with status DISABLED.
        case taskDisabled
        /// A command task's commands were not run (commands are not allowed).
        case commandNotRun
        /// One command of a command task ran (message: the command name and exit code).
        case commandRan
        /// An email task was reached; no email is sent.
        case emailNotSent
        /// A task kind the runner does not carry out (timer, event wait/raise, control, opaque).
        case taskNotSupported
        /// The workflow finished (its status is set).
        case workflowFinished
    }

    /// What happened.
    public var kind: Kind
    /// The enclosing worklets and the task's name; empty for workflow events.
    public var path: [String]
    /// The task's or workflow's status, when it has one.
    public var status: TaskStatus?
    /// A human-readable detail.
    public var message: String
    /// When it happened.
    public var time: DateTimeValue

    /// Creates an event.
    public init(kind: Kind, path: [String], status: TaskStatus? = nil, message: String = "", time: DateTimeValue) {
        self.kind = kind
        self.path = path
        self.status = status
        self.message = message
        self.time = time
    }
}

/// One task that ran (or was carried out as disabled/not supported), in run order.
public struct TaskRunRecord: Hashable, Sendable {
    /// The enclosing worklets and the task's name.
    public var path: [String]
    /// What the run produced.
    public var result: TaskRunResult

    /// Creates a record.
    public init(path: [String], result: TaskRunResult) {
        self.path = path
        self.result = result
    }
}

/// What a workflow run produced.
public struct WorkflowRunResult: Sendable {
    /// SUCCEEDED, or FAILED when a task flagged fail-parent failed or did not run.
    public var status: TaskStatus
    /// The tasks carried out, in the order they ran (worklet tasks before their worklet's record).
    public var tasks: [TaskRunRecord]
    /// The tasks that did not run, in the order they were found unreachable.
    public var notRun: [[String]]
    /// The top-level workflow variables after the run, by declared name (`$$RUN_COUNT`).
    public var variables: [String: Value]
    /// Problems found while running.
    public var diagnostics: [Diagnostic]

    /// The result of the task at `path`, if it was carried out.
    public func result(_ path: String...) -> TaskRunResult? { tasks.first { $0.path == path }?.result }
}
