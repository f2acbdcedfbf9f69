import IR

/// Runs the tasks of one workflow level (the workflow, or a worklet's inner workflow) one after
/// another, following the links (reference §6.1).
///
/// - The start task runs first. When a task finishes, the conditions of its outgoing links are
///   evaluated on the task variables (no condition = TRUE; NULL = FALSE, G3).
/// - A task that waits for all inputs (TREAT_INPUTLINK_AS_AND = YES) is ready when every inbound
///   link was evaluated TRUE and cannot run once one is FALSE; otherwise it is ready when one is
///   TRUE and cannot run once all are FALSE [BELIEVED]. A task that cannot run makes its outgoing
///   links FALSE, so "did not run" propagates downstream unless a task is reached another way.
/// - Tasks that become ready when the same task finishes queue in `workflow.tasks` order.
struct WorkflowLevelRun {
    var graph: WorkflowGraph
    /// The enclosing worklets' names.
    let prefix: [String]
    var linkValues: [Bool?]
    var states: [TaskState]
    var taskVariables: TaskVariables
    /// The compiled link conditions (nil: always TRUE, or not compilable: FALSE, see `brokenLinks`).
    var conditions: [WorkflowExpression?] = []
    var brokenLinks: Set<Int> = []
    /// The status of the task that finished last, for `$task.PrevTaskStatus` [BELIEVED: the status
    /// of the task the service ran before this one].
    var lastStatus: TaskStatus = .notStarted
    var queue: [Int] = []
    /// The level's declared variables when it ended, by declared name.
    var finalVariables: [String: Value] = [:]

    /// Where a task is in the run.
    enum TaskState: Equatable {
        case waiting, queued, finished(TaskStatus), notRun
    }

    init(_ workflow: Workflow, prefix: [String]) {
        graph = WorkflowGraph(workflow)
        self.prefix = prefix
        linkValues = Array(repeating: nil, count: graph.links.count)
        states = Array(repeating: .waiting, count: graph.tasks.count)
        taskVariables = TaskVariables(taskNames: graph.tasks.map(\.name))
    }

    /// Runs the level and returns its status: FAILED when a task flagged fail-parent-if-fails
    /// failed, or one flagged fail-parent-if-did-not-run did not run [BELIEVED, §6.1]; else SUCCEEDED.
    mutating func run(_ context: inout WorkflowRunContext, _ runner: inout some WorkflowTaskRunner) -> TaskStatus {
        let shadowed = context.declare(graph.workflow.variables)
        defer {
            finalVariables = context.values(of: graph.workflow.variables)
            context.restore(shadowed)
        }
        compileConditions(&context)
        let roots = graph.roots()
        let unlinked = graph.unlinked(roots: roots)
        context.diagnostics += graph.diagnostics
        for index in unlinked { markNotRun(index, &context, runner: &runner) }
        queue = roots
        for index in roots { states[index] = .queued }
        while !queue.isEmpty {
            let index = queue.removeFirst()
            let status = carryOut(index, &context, &runner)
            states[index] = .finished(status)
            lastStatus = status
            evaluateLinks(from: index, status: status, &context, &runner)
        }
        reportNeverReady(&context, &runner)
        return levelStatus(context.options)
    }

    /// The path of a task of this level.
    func path(_ index: Int) -> [String] { prefix + [graph.tasks[index].name] }

    /// Compiles every link condition once; a condition that cannot compile makes its link FALSE (RT0300).
    mutating func compileConditions(_ context: inout WorkflowRunContext) {
        let scope = context.scope(taskNames: graph.tasks.map(\.name))
        for (number, link) in graph.links.enumerated() {
            guard let text = link.condition?.text,
                !text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
            else {
                conditions.append(nil)
                continue
            }
            let location = link.provenance.location
            let (compiled, diagnostics) = WorkflowExpression.compile(
                text, in: scope, path: link.provenance.path, location: location)
            context.diagnostics += diagnostics
            conditions.append(compiled)
            if compiled == nil {
                brokenLinks.insert(number)
                context.diagnostics.append(
                    WorkflowRunDiagnostics.invalidLinkCondition(
                        "the condition of the link from '\(link.from)' to '\(link.to)' cannot be evaluated; "
                            + "the link is not taken", at: location, path: link.provenance.path,
                        fix: "correct the condition (see the diagnostics before this one)"))
            }
        }
    }

    /// Evaluates the outgoing links of a finished task and queues or drops their targets.
    mutating func evaluateLinks(
        from index: Int, status: TaskStatus, _ context: inout WorkflowRunContext,
        _ runner: inout some WorkflowTaskRunner
    ) {
        let disabledBlocked = status == .disabled && !context.options.disabledTaskLinksEvaluated
        for number in graph.outgoing[index] {
            linkValues[number] = disabledBlocked ? false : linkValue(number, &context)
        }
        settleTargets(of: index, &context, &runner)
    }

    /// Whether a link is taken now: its condition is TRUE (RT0301 and FALSE when it fails).
    mutating func linkValue(_ number: Int, _ context: inout WorkflowRunContext) -> Bool {
        guard !brokenLinks.contains(number) else { return false }
        guard let condition = conditions[number] else { return true }
        let link = graph.links[number]
        do throws(RowError) {
            let values = context.variables.merging(taskVariables.values) { _, task in task }
            return try CompiledExpression.isTrue(condition.evaluate(values))
        } catch {
            context.diagnostics.append(
                WorkflowRunDiagnostics.evaluationFailed(
                    "the condition of the link from '\(link.from)' to '\(link.to)' failed: \(error.message); "
                        + "the link is not taken", at: link.provenance.location, path: link.provenance.path,
                    fix: "correct the condition so that it cannot fail"))
            return false
        }
    }

    /// Queues the targets of `index`'s links that became ready (in task order) and marks those
    /// that can no longer run.
    mutating func settleTargets(
        of index: Int, _ context: inout WorkflowRunContext, _ runner: inout some WorkflowTaskRunner
    ) {
        let targets = Set(graph.outgoing[index].map { graph.taskIndex(graph.links[$0].to)! }).sorted()
        for target in targets where states[target] == .waiting {
            switch readiness(target) {
            case .some(true):
                states[target] = .queued
                queue.append(target)
            case .some(false):
                markNotRun(target, &context, runner: &runner)
            case nil:
                break
            }
        }
    }

    /// True when the task can run, false when it never will, nil while links are pending.
    func readiness(_ index: Int) -> Bool? {
        let values = graph.incoming[index].map { linkValues[$0] }
        if graph.tasks[index].waitForAllInputs {
            if values.contains(false) { return false }
            return values.allSatisfy { $0 == true } ? true : nil
        }
        if values.contains(true) { return true }
        return values.allSatisfy { $0 == false } ? false : nil
    }

    /// Records that a task did not run, and makes its outgoing links FALSE.
    mutating func markNotRun(_ index: Int, _ context: inout WorkflowRunContext, runner: inout some WorkflowTaskRunner) {
        states[index] = .notRun
        context.notRun.append(path(index))
        runner.event(
            WorkflowEvent(
                kind: .taskSkipped, path: path(index), status: .notStarted,
                message: "its links are not satisfied", time: context.options.time()))
        for number in graph.outgoing[index] { linkValues[number] = false }
        settleTargets(of: index, &context, &runner)
    }

    /// RT0305 for every task still waiting when nothing more can run (links in a cycle).
    mutating func reportNeverReady(_ context: inout WorkflowRunContext, _ runner: inout some WorkflowTaskRunner) {
        for index in graph.tasks.indices where states[index] == .waiting {
            let task = graph.tasks[index]
            context.diagnostics.append(
                WorkflowRunDiagnostics.taskNeverReady(
                    "task '\(task.name)' waits for links that are never evaluated (the links form a cycle); "
                        + "it does not run", at: task.provenance.location, path: task.provenance.path,
                    fix: "remove the cycle from the links"))
            markNotRun(index, &context, runner: &runner)
        }
    }

    /// FAILED when a fail-parent task failed or did not run, else SUCCEEDED.
    func levelStatus(_ options: WorkflowRunOptions) -> TaskStatus {
        for (index, task) in graph.tasks.enumerated() {
            switch states[index] {
            case .finished(.failed) where task.failParentIfFails:
                return .failed
            case .notRun, .waiting, .queued:
                if task.failParentIfDidNotRun { return .failed }
            case .finished(.disabled) where task.failParentIfDidNotRun && options.disabledCountsAsNotRun:
                return .failed
            default:
                break
            }
        }
        return .succeeded
    }
}
