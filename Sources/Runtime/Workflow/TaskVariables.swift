import IR

/// The predefined task variables of one workflow level (reference §6.1, names BELIEVED), as the
/// state values workflow expressions read.
///
/// A task that has not run reads Status = NOTSTARTED, zero counts and error code, an empty
/// message and NULL times (chosen). FirstErrorCode and FirstErrorMsg read the task's error code
/// and message (the runner keeps one error per task).
struct TaskVariables {
    /// The values by state key (``WorkflowExpression/taskKey(_:_:)``).
    private(set) var values: [String: Value] = [:]

    /// Sets every task of `names` to "not started".
    init(taskNames: [String]) {
        for name in taskNames { setNotStarted(name) }
    }

    /// Records a task's run: its result, the status of the task that ran before it, and (for a
    /// decision) its condition.
    mutating func record(_ name: String, _ result: TaskRunResult, previous: TaskStatus, condition: Value? = nil) {
        set(name, "Status", .integer(result.status.code))
        set(name, "PrevTaskStatus", .integer(previous.code))
        set(name, "StartTime", .dateTime(result.startTime))
        set(name, "EndTime", .dateTime(result.endTime))
        set(name, "ErrorCode", .integer(Int64(result.errorCode)))
        set(name, "ErrorMsg", .string(result.errorMessage))
        set(name, "FirstErrorCode", .integer(Int64(result.errorCode)))
        set(name, "FirstErrorMsg", .string(result.errorMessage))
        set(name, "SrcSuccessRows", .integer(result.srcSuccessRows))
        set(name, "SrcFailedRows", .integer(result.srcFailedRows))
        set(name, "TgtSuccessRows", .integer(result.tgtSuccessRows))
        set(name, "TgtFailedRows", .integer(result.tgtFailedRows))
        set(name, "TotalTransErrors", .integer(result.totalTransErrors))
        if let condition { set(name, "Condition", condition) }
    }

    private mutating func setNotStarted(_ name: String) {
        set(name, "Status", .integer(TaskStatus.notStarted.code))
        set(name, "PrevTaskStatus", .integer(TaskStatus.notStarted.code))
        set(name, "StartTime", .null)
        set(name, "EndTime", .null)
        for attribute in ["ErrorCode", "FirstErrorCode", "SrcSuccessRows", "SrcFailedRows", "TgtSuccessRows"] {
            set(name, attribute, .integer(0))
        }
        for attribute in ["TgtFailedRows", "TotalTransErrors"] { set(name, attribute, .integer(0)) }
        set(name, "ErrorMsg", .string(""))
        set(name, "FirstErrorMsg", .string(""))
        set(name, "Condition", .null)
    }

    private mutating func set(_ task: String, _ attribute: String, _ value: Value) {
        values[WorkflowExpression.taskKey(task, attribute)] = value
    }
}
