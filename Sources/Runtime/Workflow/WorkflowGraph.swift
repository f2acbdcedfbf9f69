import IR

/// The tasks and links of one workflow level, indexed, with the links that name unknown tasks
/// and the repeated task names left out (RT0302, RT0313).
struct WorkflowGraph {
    let workflow: Workflow
    /// The tasks that take part, in `workflow.tasks` order.
    private(set) var tasks: [WorkflowTask] = []
    /// The links that take part.
    private(set) var links: [WorkflowLink] = []
    /// Task index by upper-case name.
    private(set) var index: [String: Int] = [:]
    /// Link indexes into each task, and out of each task.
    private(set) var incoming: [[Int]] = []
    private(set) var outgoing: [[Int]] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(_ workflow: Workflow) {
        self.workflow = workflow
        for task in workflow.tasks {
            guard index[task.name.uppercased()] == nil else {
                diagnostics.append(
                    WorkflowRunDiagnostics.duplicateTask(
                        "task '\(task.name)' is defined more than once; the later one does not run",
                        at: task.provenance.location, path: task.provenance.path,
                        fix: "rename one of the tasks (names are not case-sensitive)"))
                continue
            }
            index[task.name.uppercased()] = tasks.count
            tasks.append(task)
        }
        incoming = Array(repeating: [], count: tasks.count)
        outgoing = Array(repeating: [], count: tasks.count)
        for link in workflow.links { add(link) }
    }

    private mutating func add(_ link: WorkflowLink) {
        guard let from = taskIndex(link.from), let to = taskIndex(link.to) else {
            let missing = taskIndex(link.from) == nil ? link.from : link.to
            diagnostics.append(
                WorkflowRunDiagnostics.unknownLinkTask(
                    "the link from '\(link.from)' to '\(link.to)' names '\(missing)', which is not a task of "
                        + "workflow '\(workflow.name)'; the link is ignored",
                    at: link.provenance.location, path: link.provenance.path,
                    fix: "correct the task name of the link or add the task"))
            return
        }
        outgoing[from].append(links.count)
        incoming[to].append(links.count)
        links.append(link)
    }

    /// The index of the task named `name` (any case).
    func taskIndex(_ name: String) -> Int? { index[name.uppercased()] }

    /// The tasks the run starts with: the start tasks, or (RT0304) every task without inbound
    /// links when there is none.
    mutating func roots() -> [Int] {
        let starts = tasks.indices.filter { if case .start = tasks[$0].kind { true } else { false } }
        guard starts.isEmpty else { return starts }
        if !tasks.isEmpty {
            diagnostics.append(
                WorkflowRunDiagnostics.noStartTask(
                    "workflow '\(workflow.name)' has no start task; the tasks no link leads to start it",
                    at: workflow.provenance.location, path: workflow.provenance.path,
                    fix: "add a start task linked to the first tasks"))
        }
        return tasks.indices.filter { incoming[$0].isEmpty }
    }

    /// The tasks no link leads to that are not roots (RT0303: they cannot run).
    mutating func unlinked(roots: [Int]) -> [Int] {
        let found = tasks.indices.filter { incoming[$0].isEmpty && !roots.contains($0) }
        for index in found {
            let task = tasks[index]
            diagnostics.append(
                WorkflowRunDiagnostics.unlinkedTask(
                    "task '\(task.name)' is not linked from the start task, so it does not run",
                    at: task.provenance.location, path: task.provenance.path,
                    fix: "link the task from the start task or from another task"))
        }
        return found
    }
}
