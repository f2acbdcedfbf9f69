import IR

/// What a task definition contributes to a task: its kind, its verbatim settings and its element.
struct PCTaskBody {
    var kind: TaskKind
    var attributes: [Attribute] = []
    var definition: PCWorkflowDefinition?
}

extension PCFolderWorkflowTranslator {
    /// The TASKTYPE values whose definitions are TASK elements.
    static let plainTaskTypes: Set<String> = [
        "Start", "Command", "Email", "Decision", "Assignment", "Timer", "Event-Wait", "Event-Raise", "Control",
    ]

    /// Translates one TASKINSTANCE; nil (with a diagnostic) when it has no name.
    mutating func translateInstance(_ instance: XMLElementNode, containerPath: ObjectPath, chain: [PCWorkflowScope])
        -> WorkflowTask?
    {
        guard let name = PCWorkflowSettings.name(of: instance) else {
            reportNameless(instance, path: containerPath)
            return nil
        }
        let path = containerPath.appending("TASKINSTANCE", name)
        var notes: [ConversionNote] = []
        let body = taskBody(of: instance, name: name, path: path, chain: chain, notes: &notes)
        context.ledger.represent(instance)
        if let definition = body.definition {
            used.insert(PCWorkflowElementKey(definition.element))
            context.ledger.represent(definition.element)
        }
        let description =
            PCWorkflowSettings.description(of: instance)
            ?? body.definition.flatMap { PCWorkflowSettings.description(of: $0.element) }
        return WorkflowTask(
            name: name, kind: body.kind,
            enabled: PCWorkflowSettings.flag(instance, "ISENABLED", default: true),
            waitForAllInputs: PCWorkflowSettings.flag(instance, "TREAT_INPUTLINK_AS_AND", default: true),
            failParentIfFails: PCWorkflowSettings.flag(instance, "FAIL_PARENT_IF_INSTANCE_FAILS", default: false),
            failParentIfDidNotRun: PCWorkflowSettings.flag(
                instance, "FAIL_PARENT_IF_INSTANCE_DID_NOT_RUN", default: false),
            attributes: body.attributes, description: description, notes: notes,
            provenance: context.provenance(of: instance, path: path),
            definition: body.definition.map { context.provenance(of: $0.element, path: $0.path) })
    }

    /// Resolves the instance's definition and builds its kind and settings.
    private mutating func taskBody(
        of instance: XMLElementNode, name: String, path: ObjectPath, chain: [PCWorkflowScope],
        notes: inout [ConversionNote]
    ) -> PCTaskBody {
        let type = instance[attribute: "TASKTYPE"] ?? ""
        let taskName = instance[attribute: "TASKNAME"].flatMap { $0.isEmpty ? nil : $0 } ?? name
        let reusable = PCWorkflowSettings.flag(instance, "REUSABLE", default: false)
        let definitionKind =
            switch type {
            case "Session": "SESSION"
            case "Worklet": "WORKLET"
            default: "TASK"
            }
        let definition = PCWorkflowLookup.find(kind: definitionKind, named: taskName, reusable: reusable, in: chain)
        guard type == "Session" || type == "Worklet" || Self.plainTaskTypes.contains(type) else {
            return unknownTypeBody(instance, name: name, type: type, path: path, definition: definition, notes: &notes)
        }
        guard let definition else {
            let word = definitionKind == "TASK" ? "\(type.lowercased()) task" : type.lowercased()
            report(
                PCWorkflowDiagnostics.taskDefinitionMissing,
                "task instance '\(name)' runs \(word) '\(taskName)', which is not in this export; "
                    + "it is kept as an opaque task",
                at: instance, path: path,
                fix: "export the \(word) together with the workflow (include reusable dependencies)", notes: &notes)
            return PCTaskBody(kind: .opaque(type), attributes: Self.instanceSettings(of: instance))
        }
        switch type {
        case "Session":
            return sessionBody(definition, instance: instance, path: path, chain: chain, notes: &notes)
        case "Worklet":
            return workletBody(definition, instance: instance, name: name, path: path, notes: &notes)
        default:
            var body = Self.plainTaskBody(type: type, definition: definition)
            body.attributes = PCWorkflowSettings.overriding(body.attributes, with: Self.instanceSettings(of: instance))
            if case .decision(nil) = body.kind { reportEmptyDecision(definition, instanceName: name, notes: &notes) }
            return body
        }
    }

    /// An opaque task for a TASKTYPE the converter does not know, keeping the definition's settings.
    private mutating func unknownTypeBody(
        _ instance: XMLElementNode, name: String, type: String, path: ObjectPath, definition: PCWorkflowDefinition?,
        notes: inout [ConversionNote]
    ) -> PCTaskBody {
        report(
            PCWorkflowDiagnostics.taskTypeUnknown,
            "task instance '\(name)' has task type '\(type)', which the converter does not know; "
                + "it is kept as an opaque task",
            at: instance, path: path, fix: "replace the task by hand in the converted workflow", notes: &notes)
        let definitionSettings = definition.map { Self.genericSettings(of: $0.element, includingValuePairs: true) }
        return PCTaskBody(
            kind: .opaque(type), attributes: (definitionSettings ?? []) + Self.instanceSettings(of: instance),
            definition: definition)
    }

    /// Settings written on the task instance itself: ATTRIBUTE overrides, VALUEPAIR variable
    /// assignments (`variable:<name>`) and other children flattened.
    static func instanceSettings(of instance: XMLElementNode) -> [Attribute] {
        var settings = PCWorkflowSettings.attributeChildren(of: instance)
        for pair in PCWorkflowSettings.valuePairs(of: instance) {
            settings.append(Attribute("variable:\(pair[attribute: "NAME"] ?? "")", pair[attribute: "VALUE"] ?? ""))
        }
        for child in instance.children where !["ATTRIBUTE", "VALUEPAIR"].contains(child.name) {
            settings += PCWorkflowSettings.flattened(child)
        }
        return settings
    }

    /// Expands a worklet instance into a nested workflow, refusing a worklet that contains itself.
    private mutating func workletBody(
        _ definition: PCWorkflowDefinition, instance: XMLElementNode, name: String, path: ObjectPath,
        notes: inout [ConversionNote]
    ) -> PCTaskBody {
        let key = PCWorkflowElementKey(definition.element)
        let workletName = definition.path.segments.last?.name ?? name
        if workletStack.contains(where: { $0.key == key }) {
            let cycle = (workletStack.map(\.name) + [workletName]).map { "'\($0)'" }.joined(separator: " → ")
            report(
                PCWorkflowDiagnostics.workletCycle,
                "worklet '\(workletName)' contains itself (\(cycle)); the inner instance is kept as an opaque task",
                at: instance, path: path, fix: "break the cycle in the repository: a worklet cannot run itself",
                notes: &notes)
            return PCTaskBody(kind: .opaque("Worklet"), attributes: Self.instanceSettings(of: instance))
        }
        workletStack.append((key, workletName))
        let scope = PCWorkflowScope(container: definition.element, path: definition.path, isFolder: false)
        let workflow = buildWorkflow(
            definition.element, name: workletName, path: definition.path, chain: [scope] + definition.chain)
        workletStack.removeLast()
        return PCTaskBody(
            kind: .worklet(workflow), attributes: Self.instanceSettings(of: instance), definition: definition)
    }
}
