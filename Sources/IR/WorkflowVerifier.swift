/// Checks a workflow: unique task names, links between existing tasks, no cycle; recursively for worklets.
public enum WorkflowVerifier {
    /// Verifies `workflow` and its nested worklets.
    public static func verify(_ workflow: Workflow) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var names: Set<String> = []
        for task in workflow.tasks {
            if !names.insert(task.name).inserted {
                diagnostics.append(
                    DiagnosticDescriptor.duplicateTaskName(
                        "task '\(task.name)' appears more than once in workflow '\(workflow.name)'",
                        at: task.provenance.location, path: task.provenance.path))
            }
            if case .worklet(let inner) = task.kind { diagnostics += verify(inner) }
        }
        var successors: [String: [String]] = [:]
        for link in workflow.links {
            for end in [link.from, link.to] where !names.contains(end) {
                diagnostics.append(
                    DiagnosticDescriptor.unknownLinkTask(
                        "link '\(link.from)' → '\(link.to)' names unknown task '\(end)'",
                        at: link.provenance.location, path: link.provenance.path))
            }
            successors[link.from, default: []].append(link.to)
        }
        if let cycleStart = firstTaskOnCycle(workflow.tasks.map(\.name), successors: successors),
            let task = workflow.task(named: cycleStart)
        {
            diagnostics.append(
                DiagnosticDescriptor.workflowCycle(
                    "task '\(cycleStart)' lies on a cycle of links in workflow '\(workflow.name)'",
                    at: task.provenance.location, path: task.provenance.path))
        }
        return diagnostics
    }

    /// Depth-first search with colours; returns a task on a cycle, if any.
    private static func firstTaskOnCycle(_ tasks: [String], successors: [String: [String]]) -> String? {
        var state: [String: Int] = [:]  // 1 = on stack, 2 = done
        for start in tasks where state[start] == nil {
            var stack: [(String, Int)] = [(start, 0)]
            state[start] = 1
            while let (task, index) = stack.last {
                let next = successors[task] ?? []
                if index < next.count {
                    stack[stack.count - 1].1 += 1
                    let successor = next[index]
                    switch state[successor] {
                    case 1: return successor
                    case nil:
                        state[successor] = 1
                        stack.append((successor, 0))
                    default: break
                    }
                } else {
                    state[task] = 2
                    stack.removeLast()
                }
            }
        }
        return nil
    }
}

extension Workflow {
    /// The workflow's invariant violations (empty when well-formed). See ``WorkflowVerifier``.
    public func verify() -> [Diagnostic] { WorkflowVerifier.verify(self) }
}
