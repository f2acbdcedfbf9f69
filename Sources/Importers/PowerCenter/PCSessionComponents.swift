import IR

extension PCFolderWorkflowTranslator {
    /// The session's SESSIONCOMPONENTs as ``SessionSpec/components`` (name = component TYPE, value =
    /// one command, one `variable = value` assignment, or the referenced task's name) plus the
    /// settings of the component tasks, named `<component type>: <name>`.
    ///
    /// Tasks nested in components are not task instances: they are diagnosed with one note per
    /// session. A reusable command task named by a component is looked up and its commands copied.
    mutating func sessionComponents(of session: PCWorkflowDefinition, chain: [PCWorkflowScope])
        -> (components: [Attribute], settings: [Attribute])
    {
        var components: [Attribute] = []
        var settings: [Attribute] = []
        var nestedTasks: [XMLElementNode] = []
        for component in session.element.children(named: "SESSIONCOMPONENT") {
            let type = component[attribute: "TYPE"] ?? "Session component"
            let reference = component[attribute: "REFOBJECTNAME"] ?? ""
            if PCWorkflowSettings.flag(component, "REUSABLE", default: false) {
                let copied = reusableComponent(
                    component, type: type, reference: reference, session: session, chain: chain)
                components += copied.components
                settings += copied.settings
                continue
            }
            for task in component.children(named: "TASK") {
                nestedTasks.append(task)
                let commands = Self.commands(of: task, type: type)
                components +=
                    commands.isEmpty && task[attribute: "TYPE"] == "Email"
                    ? [Attribute(type, reference)] : commands
                settings += Self.prefixed(PCWorkflowSettings.attributeChildren(of: task), type: type)
            }
            components += PCWorkflowSettings.valuePairs(of: component).map {
                Attribute(type, "\($0[attribute: "NAME"] ?? "") = \($0[attribute: "VALUE"] ?? "")")
            }
        }
        if !nestedTasks.isEmpty { reportNestedTasks(nestedTasks, session: session) }
        return (components, settings)
    }

    private static func commands(of task: XMLElementNode, type: String) -> [Attribute] {
        PCWorkflowSettings.valuePairs(of: task).map { Attribute(type, $0[attribute: "VALUE"] ?? "") }
    }

    private static func prefixed(_ attributes: [Attribute], type: String) -> [Attribute] {
        attributes.map { Attribute("\(type): \($0.name)", $0.value) }
    }

    /// Copies the commands of the reusable task a component names, or keeps the name with a warning
    /// when the task is not in the export.
    private mutating func reusableComponent(
        _ component: XMLElementNode, type: String, reference: String, session: PCWorkflowDefinition,
        chain: [PCWorkflowScope]
    ) -> (components: [Attribute], settings: [Attribute]) {
        let sessionName = session.path.segments.last?.name ?? ""
        guard let task = PCWorkflowLookup.find(kind: "TASK", named: reference, reusable: true, in: chain) else {
            report(
                PCWorkflowDiagnostics.componentTaskMissing,
                "session '\(sessionName)' runs reusable task '\(reference)' as its '\(type)', but the task is not "
                    + "in this export; only its name is kept",
                at: component, path: session.path, fix: "export the reusable task together with the session")
            return ([Attribute(type, reference)], [])
        }
        used.insert(PCWorkflowElementKey(task.element))
        report(
            PCWorkflowDiagnostics.componentTaskCopied,
            "reusable task '\(reference)' is used as a session component; its commands are copied into each "
                + "session that runs it",
            at: task.element, path: task.path)
        context.ledger.diagnose(task.element)
        let commands = Self.commands(of: task.element, type: type)
        return (
            commands.isEmpty ? [Attribute(type, reference)] : commands,
            Self.prefixed(PCWorkflowSettings.attributeChildren(of: task.element), type: type)
        )
    }

    /// `the task` or `the 3 tasks`.
    static func theTasks(_ count: Int) -> String {
        count == 1 ? "the task" : "the \(count) tasks"
    }

    /// One note per session naming the tasks nested in its components; each is diagnosed.
    private mutating func reportNestedTasks(_ tasks: [XMLElementNode], session: PCWorkflowDefinition) {
        let names = tasks.map { "'\($0[attribute: "NAME"] ?? "")'" }.joined(separator: ", ")
        report(
            PCWorkflowDiagnostics.sessionComponentTasksKept,
            "session '\(session.path.segments.last?.name ?? "")' keeps \(Self.theTasks(tasks.count)) of its session "
                + "components (\(names)) as component settings, not as workflow tasks",
            at: session.element, path: session.path)
        for task in tasks { context.ledger.diagnose(task) }
    }
}
