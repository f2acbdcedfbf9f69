import IR

extension WorkflowLevelRun {
    /// A decision task: evaluates its condition into `$task.Condition` (1 when TRUE, 0 when FALSE
    /// or NULL, G3) and succeeds; a condition that cannot be evaluated fails the task (RT0311,
    /// RT0301). A decision without a condition succeeds with Condition NULL.
    mutating func decide(
        _ task: WorkflowTask, _ condition: ScalarExpression?, start: DateTimeValue,
        _ context: inout WorkflowRunContext
    ) -> Outcome {
        guard let text = condition?.text, !text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else {
            return Outcome(
                result: TaskRunResult(status: .succeeded, startTime: start, endTime: start), condition: .null)
        }
        let (compiled, diagnostics) = WorkflowExpression.compile(
            text, in: context.scope(taskNames: graph.tasks.map(\.name)), path: task.provenance.path,
            location: task.provenance.location)
        context.diagnostics += diagnostics
        guard let compiled else {
            let message = "the decision condition of '\(task.name)' cannot be evaluated"
            context.diagnostics.append(
                WorkflowRunDiagnostics.invalidDecision(
                    message + "; the task fails", at: task.provenance.location, path: task.provenance.path,
                    fix: "correct the condition (see the diagnostics before this one)"))
            return Outcome(result: failed(start, message), condition: .null)
        }
        do throws(RowError) {
            let value = try compiled.evaluate(expressionValues(context))
            let truth: Value = .integer(try CompiledExpression.isTrue(value) ? 1 : 0)
            return Outcome(
                result: TaskRunResult(status: .succeeded, startTime: start, endTime: start), condition: truth)
        } catch {
            report(error, of: "the decision condition of '\(task.name)'", task, &context)
            return Outcome(result: failed(start, error.message), condition: .null)
        }
    }

    /// An assignment task: evaluates each `$$variable = expression` in order, converting the
    /// value to the variable's declared type; later assignments see earlier ones [BELIEVED].
    /// An assignment that cannot be evaluated fails the task and stops it (RT0310, RT0301).
    mutating func assign(
        _ task: WorkflowTask, _ assignments: [Attribute], start: DateTimeValue, _ context: inout WorkflowRunContext
    ) -> TaskRunResult {
        for assignment in assignments {
            let name = assignment.name.uppercased()
            guard let type = context.variableTypes[name] else {
                let message = "'\(assignment.name)' is not a declared workflow variable"
                context.diagnostics.append(
                    WorkflowRunDiagnostics.invalidAssignment(
                        "task '\(task.name)' assigns \(message); the task fails", at: task.provenance.location,
                        path: task.provenance.path, fix: "declare '\(assignment.name)' in the workflow"))
                return failed(start, message)
            }
            let (compiled, diagnostics) = WorkflowExpression.compile(
                assignment.value, in: context.scope(taskNames: graph.tasks.map(\.name)), resultType: type,
                path: task.provenance.path, location: task.provenance.location)
            context.diagnostics += diagnostics
            guard let compiled else {
                let message = "the assignment of '\(assignment.name)' cannot be evaluated"
                context.diagnostics.append(
                    WorkflowRunDiagnostics.invalidAssignment(
                        "task '\(task.name)': \(message); the task fails", at: task.provenance.location,
                        path: task.provenance.path, fix: "correct the expression (see the diagnostics before this one)")
                )
                return failed(start, message)
            }
            do throws(RowError) {
                let value = try compiled.evaluate(expressionValues(context))
                context.variables[EvaluationState.key(name)] = try PortCoercion.coerce(
                    value, to: type, context.settings, port: assignment.name)
            } catch {
                report(error, of: "the assignment of '\(assignment.name)'", task, &context)
                return failed(start, error.message)
            }
        }
        return TaskRunResult(status: .succeeded, startTime: start, endTime: start)
    }

    /// The values expressions of this level read: workflow variables and task variables.
    func expressionValues(_ context: WorkflowRunContext) -> [String: Value] {
        context.variables.merging(taskVariables.values) { _, task in task }
    }

    /// A FAILED result with error code 1 and `message`.
    func failed(_ start: DateTimeValue, _ message: String) -> TaskRunResult {
        TaskRunResult(status: .failed, startTime: start, endTime: start, errorCode: 1, errorMessage: message)
    }

    /// RT0301 for an expression of `task` that failed when evaluated.
    func report(_ error: RowError, of what: String, _ task: WorkflowTask, _ context: inout WorkflowRunContext) {
        context.diagnostics.append(
            WorkflowRunDiagnostics.evaluationFailed(
                "task '\(task.name)': \(what) failed: \(error.message); the task fails",
                at: task.provenance.location, path: task.provenance.path,
                fix: "correct the expression so that it cannot fail"))
    }
}
