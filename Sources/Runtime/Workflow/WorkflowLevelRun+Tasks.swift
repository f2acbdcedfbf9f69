import IR

extension WorkflowLevelRun {
    /// Carries out one ready task by its kind, reports it, records its task variables, and
    /// returns its status.
    mutating func carryOut(
        _ index: Int, _ context: inout WorkflowRunContext, _ runner: inout some WorkflowTaskRunner
    ) -> TaskStatus {
        let task = graph.tasks[index]
        let taskPath = path(index)
        let previous = lastStatus
        guard task.enabled else {
            let now = context.options.time()
            let result = TaskRunResult(status: .disabled, startTime: now, endTime: now)
            runner.event(
                WorkflowEvent(
                    kind: .taskDisabled, path: taskPath, status: .disabled, message: "the task is disabled",
                    time: now))
            finish(task, result, previous: previous, condition: nil, &context)
            return .disabled
        }
        let start = context.options.time()
        runner.event(WorkflowEvent(kind: .taskStarted, path: taskPath, message: task.kind.kindName, time: start))
        let outcome = perform(task, path: taskPath, start: start, &context, &runner)
        runner.event(
            WorkflowEvent(
                kind: .taskFinished, path: taskPath, status: outcome.result.status,
                message: outcome.result.errorMessage, time: outcome.result.endTime))
        finish(task, outcome.result, previous: previous, condition: outcome.condition, &context)
        return outcome.result.status
    }

    /// Records a task's result in the run and in the task variables.
    mutating func finish(
        _ task: WorkflowTask, _ result: TaskRunResult, previous: TaskStatus, condition: Value?,
        _ context: inout WorkflowRunContext
    ) {
        context.records.append(TaskRunRecord(path: prefix + [task.name], result: result))
        taskVariables.record(task.name, result, previous: previous, condition: condition)
    }

    /// What carrying out a task produced: its result and, for a decision, its condition value.
    struct Outcome {
        var result: TaskRunResult
        var condition: Value? = nil
    }

    /// Does what the task's kind says.
    mutating func perform(
        _ task: WorkflowTask, path taskPath: [String], start: DateTimeValue, _ context: inout WorkflowRunContext,
        _ runner: inout some WorkflowTaskRunner
    ) -> Outcome {
        switch task.kind {
        case .start:
            return Outcome(result: TaskRunResult(status: .succeeded, startTime: start, endTime: start))
        case .session(let spec):
            return Outcome(result: runner.runSession(task, spec, path: taskPath))
        case .command(let commands):
            var command = CommandTaskRun(task: task, path: taskPath, commands: commands)
            return Outcome(result: command.run(start: start, &context, &runner))
        case .email:
            return Outcome(result: emailNotSent(task, path: taskPath, start: start, &context, &runner))
        case .decision(let condition):
            return decide(task, condition, start: start, &context)
        case .assignment(let assignments):
            return Outcome(result: assign(task, assignments, start: start, &context))
        case .worklet(let inner):
            var level = WorkflowLevelRun(inner, prefix: taskPath)
            let status = level.run(&context, &runner)
            return Outcome(result: TaskRunResult(status: status, startTime: start, endTime: context.options.time()))
        case .timer, .eventWait, .eventRaise, .control, .opaque:
            return Outcome(result: notSupported(task, path: taskPath, start: start, &context, &runner))
        }
    }

    /// An email task: reported, never sent (RT0309 note); SUCCEEDED.
    func emailNotSent(
        _ task: WorkflowTask, path taskPath: [String], start: DateTimeValue, _ context: inout WorkflowRunContext,
        _ runner: inout some WorkflowTaskRunner
    ) -> TaskRunResult {
        runner.event(
            WorkflowEvent(
                kind: .emailNotSent, path: taskPath, message: "the runner does not send emails", time: start))
        context.diagnostics.append(
            WorkflowRunDiagnostics.emailNotSent(
                "email task '\(task.name)' was reached; no email is sent", at: task.provenance.location,
                path: task.provenance.path, fix: "send the notification from the scheduler that runs the workflow"))
        return TaskRunResult(status: .succeeded, startTime: start, endTime: start)
    }

    /// A timer, event-wait, event-raise, control or unknown task (RT0306); it takes
    /// ``WorkflowRunOptions/unsupportedTaskStatus``.
    func notSupported(
        _ task: WorkflowTask, path taskPath: [String], start: DateTimeValue, _ context: inout WorkflowRunContext,
        _ runner: inout some WorkflowTaskRunner
    ) -> TaskRunResult {
        let status = context.options.unsupportedTaskStatus
        let message =
            if case .opaque(let vendor) = task.kind {
                "the task was imported as opaque '\(vendor)' (unknown kind or missing definition) and cannot run"
            } else {
                "\(task.kind.kindName) tasks are not carried out at run time"
            }
        runner.event(
            WorkflowEvent(kind: .taskNotSupported, path: taskPath, status: status, message: message, time: start))
        context.diagnostics.append(
            WorkflowRunDiagnostics.unsupportedTask(
                "task '\(task.name)': \(message); its status is \(status.rawValue)", at: task.provenance.location,
                path: task.provenance.path,
                fix: "replace the task with a scheduler step, or set the status such tasks take"))
        return TaskRunResult(
            status: status, startTime: start, endTime: start, errorCode: status == .succeeded ? 0 : 1,
            errorMessage: status == .succeeded ? "" : message)
    }
}
