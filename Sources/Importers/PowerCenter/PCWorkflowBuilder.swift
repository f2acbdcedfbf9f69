import IR

extension PCFolderWorkflowTranslator {
    /// Builds the IR workflow of a WORKFLOW or WORKLET element at `path`, looking definitions up in
    /// `chain` (its own scope first, the folder last).
    mutating func buildWorkflow(
        _ element: XMLElementNode, name: String, path: ObjectPath, chain: [PCWorkflowScope]
    ) -> Workflow {
        let tasks = translateInstances(of: element, path: path, chain: chain)
        let links = translateLinks(of: element, path: path, taskNames: Set(tasks.map(\.name)))
        let schedule = element.name == "WORKFLOW" ? workflowSchedule(of: element, path: path) : nil
        return Workflow(
            name: name, description: PCWorkflowSettings.description(of: element), origin: context.origin(path: path),
            variables: translateVariables(of: element, path: path), schedule: schedule, tasks: tasks, links: links,
            attributes: containerAttributes(of: element), provenance: context.provenance(of: element, path: path))
    }

    /// Every TASKINSTANCE of the container; a repeated name is dropped with an error.
    private mutating func translateInstances(of element: XMLElementNode, path: ObjectPath, chain: [PCWorkflowScope])
        -> [WorkflowTask]
    {
        var tasks: [WorkflowTask] = []
        var seen: Set<String> = []
        for instance in element.children(named: "TASKINSTANCE") {
            if let name = PCWorkflowSettings.name(of: instance), !seen.insert(name).inserted {
                report(
                    PCWorkflowDiagnostics.taskInstanceDuplicate,
                    "a second task instance named '\(name)' in '\(path.segments.last?.name ?? "")' is dropped; "
                        + "links name the first one",
                    at: instance, path: path.appending("TASKINSTANCE", name),
                    fix: "rename one of the task instances in the repository")
                context.ledger.diagnose(instance)
                continue
            }
            if let task = translateInstance(instance, containerPath: path, chain: chain) { tasks.append(task) }
        }
        return tasks
    }

    /// Every WORKFLOWLINK whose tasks exist; the others are reported and diagnosed.
    private mutating func translateLinks(of element: XMLElementNode, path: ObjectPath, taskNames: Set<String>)
        -> [WorkflowLink]
    {
        element.children(named: "WORKFLOWLINK").compactMap { link in
            let from = link[attribute: "FROMTASK"] ?? ""
            let to = link[attribute: "TOTASK"] ?? ""
            let linkPath = path.appending("WORKFLOWLINK", "\(from)->\(to)")
            let unknown = [from, to].filter { !taskNames.contains($0) }
            guard unknown.isEmpty else {
                let names = unknown.map { "'\($0)'" }.joined(separator: " and ")
                report(
                    PCWorkflowDiagnostics.linkTaskUnknown,
                    "link from '\(from)' to '\(to)' names \(names), not a task instance of "
                        + "'\(path.segments.last?.name ?? "")'; the link is dropped",
                    at: link, path: linkPath, fix: "correct or delete the link in the repository and export again")
                context.ledger.diagnose(link)
                return nil
            }
            context.ledger.represent(link)
            let text = link[attribute: "CONDITION"] ?? ""
            let condition = text.allSatisfy(\.isWhitespace) ? nil : ScalarExpression(text)
            return WorkflowLink(
                from: from, to: to, condition: condition, provenance: context.provenance(of: link, path: linkPath))
        }
    }

    /// ATTRIBUTE children, the element's own XML attributes (`WORKFLOW.SERVERNAME`; NAME, DESCRIPTION
    /// and VERSIONNUMBER are left out), user-defined events and non-empty metadata extensions.
    private func containerAttributes(of element: XMLElementNode) -> [Attribute] {
        var attributes = PCWorkflowSettings.attributeChildren(of: element)
        attributes += element.attributes
            .filter { !["NAME", "DESCRIPTION", "VERSIONNUMBER"].contains($0.name) }
            .map { Attribute("\(element.name).\($0.name)", $0.value) }
        for event in element.children(named: "WORKFLOWEVENT") {
            attributes += PCWorkflowSettings.flattened(event)
        }
        attributes += Self.metadataExtensions(of: element)
        return attributes
    }

    /// Non-empty METADATAEXTENSION values, named `METADATAEXTENSION:<name>`.
    static func metadataExtensions(of element: XMLElementNode) -> [Attribute] {
        element.children(named: "METADATAEXTENSION").compactMap { extensionElement in
            guard let name = extensionElement[attribute: "NAME"], let value = extensionElement[attribute: "VALUE"],
                !value.isEmpty
            else { return nil }
            return Attribute("METADATAEXTENSION:\(name)", value)
        }
    }

    /// The workflow's schedule: its own SCHEDULER child, or the folder's reusable one it names.
    private mutating func workflowSchedule(of workflow: XMLElementNode, path: ObjectPath) -> Schedule? {
        if let scheduler = workflow.children(named: "SCHEDULER").first {
            let name = PCWorkflowSettings.name(of: scheduler) ?? "Scheduler"
            return translateSchedule(scheduler, path: path.appending("SCHEDULER", name), workflowPath: path)
        }
        guard let name = workflow[attribute: "SCHEDULERNAME"], !name.isEmpty else { return nil }
        guard PCWorkflowSettings.flag(workflow, "REUSABLE_SCHEDULER", default: false) else {
            report(
                PCWorkflowDiagnostics.schedulerUndefined,
                "workflow '\(path.segments.last?.name ?? "")' names non-reusable scheduler '\(name)', but the export "
                    + "holds no SCHEDULER inside the workflow; the schedule is unknown and the workflow is converted "
                    + "as run on demand",
                at: workflow, path: path, fix: "export the workflow again so that its scheduler is included")
            return nil
        }
        guard let scheduler = schedulers[name] else {
            report(
                PCWorkflowDiagnostics.schedulerMissing,
                "workflow '\(path.segments.last?.name ?? "")' uses reusable scheduler '\(name)', which is not in "
                    + "this export; the workflow is converted without a schedule",
                at: workflow, path: path, fix: "export the scheduler together with the workflow")
            return nil
        }
        return translateSchedule(scheduler, path: folderPath.appending("SCHEDULER", name), workflowPath: path)
    }
}
