import IR

extension PCFolderWorkflowTranslator {
    /// The kind and settings of a Start, Command, Email, Decision, Assignment, Timer, Event-Wait,
    /// Event-Raise or Control task defined by a TASK element.
    ///
    /// Command tasks: VALUEPAIR NAME/VALUE in EXECORDER → commands. Assignment tasks: VALUEPAIR
    /// NAME (variable) / VALUE (expression) in EXECORDER → assignments. Decision tasks: the ATTRIBUTE
    /// `Decision Name` holds the condition (empty → no condition). Everything else is kept verbatim.
    static func plainTaskBody(type: String, definition: PCWorkflowDefinition) -> PCTaskBody {
        let element = definition.element
        var attributes = genericSettings(of: element)
        let pairs = PCWorkflowSettings.valuePairs(of: element)
        let kind: TaskKind
        switch type {
        case "Start": kind = .start
        case "Command":
            kind = .command(
                pairs.map {
                    CommandSpec(name: $0[attribute: "NAME"] ?? "", command: $0[attribute: "VALUE"] ?? "")
                })
        case "Email": kind = .email
        case "Decision":
            let text = attributes.first { $0.name == "Decision Name" }?.value ?? ""
            attributes.removeAll { $0.name == "Decision Name" }
            kind = .decision(text.allSatisfy(\.isWhitespace) ? nil : ScalarExpression(text))
        case "Assignment":
            kind = .assignment(pairs.map { Attribute($0[attribute: "NAME"] ?? "", $0[attribute: "VALUE"] ?? "") })
        case "Timer": kind = .timer
        case "Event-Wait": kind = .eventWait
        case "Event-Raise": kind = .eventRaise
        default: kind = .control
        }
        return PCTaskBody(kind: kind, attributes: attributes, definition: definition)
    }

    /// A TASK definition's ATTRIBUTE children and its other non-VALUEPAIR children (TIMER, ...)
    /// flattened as `ELEMENT.ATTRIBUTE`; with `includingValuePairs`, also its VALUEPAIRs as
    /// `VALUEPAIR:<name>` (for tasks whose kind does not type them).
    static func genericSettings(of element: XMLElementNode, includingValuePairs: Bool = false) -> [Attribute] {
        var settings = PCWorkflowSettings.attributeChildren(of: element)
        if includingValuePairs {
            settings += PCWorkflowSettings.valuePairs(of: element).map {
                Attribute("VALUEPAIR:\($0[attribute: "NAME"] ?? "")", $0[attribute: "VALUE"] ?? "")
            }
        }
        for child in element.children where !["ATTRIBUTE", "VALUEPAIR"].contains(child.name) {
            settings += PCWorkflowSettings.flattened(child)
        }
        return settings
    }

    /// Warns that a Decision task has no condition: `$<task>.Condition` has no defined value.
    mutating func reportEmptyDecision(
        _ definition: PCWorkflowDefinition, instanceName: String, notes: inout [ConversionNote]
    ) {
        let name = definition.path.segments.last?.name ?? ""
        report(
            PCWorkflowDiagnostics.decisionConditionEmpty,
            "decision task '\(name)' has an empty condition, so '$\(instanceName).Condition' has no defined value for the "
                + "links that test it; it is converted without a condition",
            at: definition.element, path: definition.path,
            fix: "enter the decision condition in the Workflow Manager and export again", notes: &notes)
    }
}
