import IR
import Runtime

/// Builds small workflows by hand for the workflow runner tests.
enum WorkflowRunnerFixtures {
    static let file = "wf_test.XML"
    static let root = ObjectPath([.init("FOLDER", "Tests"), .init("WORKFLOW", "wf_test")])
    static let now = DateTimeValue(day: 738_000, nanosecond: 0)

    static func at(_ path: ObjectPath, line: Int) -> Provenance {
        Provenance(path: path, location: SourceLocation(file: file, line: line, column: 1))
    }

    /// A task of `kind`; `line` defaults to 0.
    static func task(
        _ name: String, _ kind: TaskKind, enabled: Bool = true, waitForAll: Bool = true, failParent: Bool = false,
        attributes: [Attribute] = [], line: Int = 0
    ) -> WorkflowTask {
        WorkflowTask(
            name: name, kind: kind, enabled: enabled, waitForAllInputs: waitForAll, failParentIfFails: failParent,
            attributes: attributes, provenance: at(root.appending("TASKINSTANCE", name), line: line))
    }

    /// A session task running pipeline `m_<name>`.
    static func session(_ name: String, enabled: Bool = true, waitForAll: Bool = true, failParent: Bool = false)
        -> WorkflowTask
    {
        task(
            name, .session(SessionSpec(pipeline: "m_\(name)")), enabled: enabled, waitForAll: waitForAll,
            failParent: failParent)
    }

    static func start() -> WorkflowTask { task("Start", .start) }

    /// A link, optionally conditional.
    static func link(_ from: String, _ to: String, _ condition: String? = nil, line: Int = 0) -> WorkflowLink {
        WorkflowLink(
            from: from, to: to, condition: condition.map(ScalarExpression.init),
            provenance: at(root.appending("WORKFLOWLINK", "\(from)->\(to)"), line: line))
    }

    /// A workflow variable.
    static func variable(_ name: String, _ type: DataType, _ initial: String? = nil) -> Parameter {
        Parameter(
            name: name, kind: .variable, type: type, defaultValue: initial,
            provenance: at(root.appending("WORKFLOWVARIABLE", name), line: 0))
    }

    static func workflow(
        _ tasks: [WorkflowTask], _ links: [WorkflowLink], variables: [Parameter] = [], name: String = "wf_test"
    ) -> Workflow {
        Workflow(
            name: name, origin: Origin(tool: "PowerCenter", file: file, path: root), variables: variables,
            tasks: tasks, links: links, provenance: at(root, line: 1))
    }

    /// Runs `workflow` with `sessions` and default options (or `options`).
    static func run(
        _ workflow: Workflow, _ sessions: inout FakeTaskRunner, options: WorkflowRunOptions? = nil
    ) -> WorkflowRunResult {
        var runner = WorkflowRunner(workflow: workflow, options: options ?? WorkflowRunOptions(now: now))
        return runner.run(using: &sessions)
    }
}

/// A task runner that records every call: each session succeeds unless listed in `outcomes`.
struct FakeTaskRunner: WorkflowTaskRunner {
    /// Per session name: its status and target row count.
    var outcomes: [String: (status: TaskStatus, targetRows: Int64)] = [:]
    /// The paths of the sessions run, in order.
    var sessions: [[String]] = []
    var events: [WorkflowEvent] = []

    init(_ outcomes: [String: (status: TaskStatus, targetRows: Int64)] = [:]) {
        self.outcomes = outcomes
    }

    mutating func runSession(_ task: WorkflowTask, _ session: SessionSpec, path: [String]) -> TaskRunResult {
        sessions.append(path)
        let outcome = outcomes[task.name] ?? (.succeeded, 10)
        return TaskRunResult(
            status: outcome.status, startTime: WorkflowRunnerFixtures.now, endTime: WorkflowRunnerFixtures.now,
            srcSuccessRows: outcome.targetRows, tgtSuccessRows: outcome.targetRows,
            errorCode: outcome.status == .succeeded ? 0 : 7,
            errorMessage: outcome.status == .succeeded ? "" : "session failed")
    }

    mutating func event(_ event: WorkflowEvent) { events.append(event) }

    /// The paths of the events of `kind`, joined with `/`.
    func paths(_ kind: WorkflowEvent.Kind) -> [String] {
        events.filter { $0.kind == kind }.map { $0.path.joined(separator: "/") }
    }
}

extension WorkflowRunResult {
    /// The paths of the tasks carried out, joined with `/`, in run order.
    var ran: [String] { tasks.map { $0.path.joined(separator: "/") } }
    /// The paths of the tasks that did not run, joined with `/`.
    var skipped: [String] { notRun.map { $0.joined(separator: "/") } }
    /// The codes of the diagnostics.
    var codes: [String] { diagnostics.map(\.code.rawValue) }
}
