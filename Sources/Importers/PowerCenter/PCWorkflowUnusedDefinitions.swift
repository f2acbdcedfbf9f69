import IR

extension PCFolderWorkflowTranslator {
    /// Reports the reusable definitions of the folder, and the definitions inside converted workflows
    /// and worklets, that no task instance runs; each is diagnosed in the ledger.
    mutating func reportUnusedDefinitions() {
        for kind in PCWorkflowScope.kinds {
            for element in folder.children(named: kind) where !used.contains(PCWorkflowElementKey(element)) {
                reportUnusedReusable(element, kind: kind)
            }
        }
        for workflow in folder.children(named: "WORKFLOW") {
            guard let name = PCWorkflowSettings.name(of: workflow) else { continue }
            reportUnusedInline(in: workflow, path: folderPath.appending("WORKFLOW", name))
        }
        for worklet in folder.children(named: "WORKLET") where used.contains(PCWorkflowElementKey(worklet)) {
            guard let name = PCWorkflowSettings.name(of: worklet) else { continue }
            reportUnusedInline(in: worklet, path: folderPath.appending("WORKLET", name))
        }
    }

    private mutating func reportUnusedReusable(_ element: XMLElementNode, kind: String) {
        guard let name = PCWorkflowSettings.name(of: element) else {
            reportNameless(element, path: folderPath)
            return
        }
        let word = kind.lowercased()
        report(
            PCWorkflowDiagnostics.reusableDefinitionUnused,
            "reusable \(word) '\(name)' is not used by any workflow in this export; "
                + "it is converted where a workflow runs it",
            at: element, path: folderPath.appending(kind, name),
            fix: "export it together with the workflows that run it to convert it as part of them")
        context.ledger.diagnose(element)
    }

    /// Checks the SESSION, TASK and WORKLET children of a WORKFLOW or used WORKLET, recursing into
    /// used worklets.
    private mutating func reportUnusedInline(in container: XMLElementNode, path: ObjectPath) {
        for kind in PCWorkflowScope.kinds {
            for element in container.children(named: kind) {
                guard let name = PCWorkflowSettings.name(of: element) else {
                    reportNameless(element, path: path)
                    continue
                }
                let elementPath = path.appending(kind, name)
                if used.contains(PCWorkflowElementKey(element)) {
                    if kind == "WORKLET" { reportUnusedInline(in: element, path: elementPath) }
                    continue
                }
                report(
                    PCWorkflowDiagnostics.inlineDefinitionUnused,
                    "\(kind.lowercased()) '\(name)' of \(container.name.lowercased()) '\(path.segments.last?.name ?? "")' "
                        + "has no task instance and never runs; it is not converted",
                    at: element, path: elementPath,
                    fix: "delete it in the repository, or add a task instance that runs it")
                context.ledger.diagnose(element)
            }
        }
    }
}
