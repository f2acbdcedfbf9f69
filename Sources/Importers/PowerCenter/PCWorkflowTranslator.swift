import IR

/// Translates the workflow side of one PowerCenter FOLDER (WORKFLOW, WORKLET, SESSION, TASK,
/// TASKINSTANCE, WORKFLOWLINK, WORKFLOWVARIABLE, SCHEDULER, CONFIG) into IR workflows.
///
/// Conservation: every TASKINSTANCE, WORKFLOWLINK and WORKFLOW it converts is represented in the
/// ledger, and so is every SESSION, TASK or WORKLET definition a converted task instance runs
/// (`WorkflowTask.definition` carries it). Definitions no task instance runs, links that cannot be
/// kept and tasks nested in session components are diagnosed.
///
/// Settings with no typed IR field are kept verbatim as attributes. Naming of those attributes:
/// `ATTRIBUTE` children keep their NAME; XML attributes of elements are written `ELEMENT.ATTRIBUTE`
/// (`WORKFLOW.SERVERNAME`, `FLATFILE.DELIMITERS`, `TIMER.TIMERTYPE`); the settings of the session
/// configuration (the referenced CONFIG object's ATTRIBUTEs, overridden by CONFIGREFERENCE
/// ATTRIBUTEs of the session and then of the task instance) are written `config:<name>`; worklet
/// instance variable assignments are written `variable:<name>`; settings of tasks nested in session
/// components are written `<component type>: <name>`; non-empty metadata extensions are written
/// `METADATAEXTENSION:<name>`; VALUEPAIRs of opaque tasks are written `VALUEPAIR:<name>`.
/// Left out on purpose: NAME, DESCRIPTION (typed fields) and VERSIONNUMBER (repository bookkeeping)
/// of workflows and worklets, partition lists of session transformation instances.
///
/// A reusable definition is translated once per task instance that runs it; its diagnostics are
/// reported once (same code, position and message).
enum PCWorkflowTranslator {
    /// Translates every WORKFLOW of `folder`; reports unused reusable definitions.
    static func translate(folder: XMLElementNode, folderPath: ObjectPath, context: inout PCTranslationContext)
        -> [Workflow]
    {
        var translator = PCFolderWorkflowTranslator(folder: folder, folderPath: folderPath, context: context)
        let workflows = translator.translateWorkflows()
        translator.reportUnusedDefinitions()
        context = translator.context
        return workflows
    }
}

/// The state of one folder's workflow translation.
struct PCFolderWorkflowTranslator {
    /// The shared translation context (diagnostics, ledger, locations).
    var context: PCTranslationContext
    /// The FOLDER element.
    let folder: XMLElementNode
    /// `FOLDER[name]`.
    let folderPath: ObjectPath
    /// Reusable SESSION, TASK and WORKLET definitions.
    let folderScope: PCWorkflowScope
    /// Folder-level CONFIG objects by name.
    let configs: [String: XMLElementNode]
    /// Folder-level reusable SCHEDULERs by name.
    let schedulers: [String: XMLElementNode]
    /// Definitions some converted task instance runs (or a session component copies).
    var used: Set<PCWorkflowElementKey> = []
    /// Diagnostics already reported (a reusable definition is translated once per use).
    private var reported: Set<String> = []
    /// Names of session configurations already reported missing (reported once per folder).
    var missingConfigs: Set<String> = []
    /// The worklets being expanded, outermost first (cycle guard).
    var workletStack: [(key: PCWorkflowElementKey, name: String)] = []

    init(folder: XMLElementNode, folderPath: ObjectPath, context: PCTranslationContext) {
        self.context = context
        self.folder = folder
        self.folderPath = folderPath
        folderScope = PCWorkflowScope(container: folder, path: folderPath, isFolder: true)
        configs = Self.byName(folder.children(named: "CONFIG"))
        schedulers = Self.byName(folder.children(named: "SCHEDULER"))
    }

    private static func byName(_ elements: [XMLElementNode]) -> [String: XMLElementNode] {
        Dictionary(
            elements.compactMap { element in PCWorkflowSettings.name(of: element).map { ($0, element) } },
            uniquingKeysWith: { first, _ in first })
    }

    /// Records a diagnostic once: the same code, position and message are reported only the first time.
    mutating func report(
        _ descriptor: DiagnosticDescriptor, _ message: String, at element: XMLElementNode, path: ObjectPath,
        fix: String? = nil, notes: inout [ConversionNote]
    ) {
        notes.append(ConversionNote(code: descriptor.code, severity: descriptor.severity, message: message))
        report(descriptor, message, at: element, path: path, fix: fix)
    }

    /// Records a diagnostic once, without attaching it to a task.
    mutating func report(
        _ descriptor: DiagnosticDescriptor, _ message: String, at element: XMLElementNode, path: ObjectPath,
        fix: String? = nil
    ) {
        let key = "\(descriptor.code)|\(element.line)|\(element.column)|\(message)"
        guard reported.insert(key).inserted else { return }
        context.report(descriptor, message, at: element, path: path, fix: fix)
    }

    /// Translates every WORKFLOW child of the folder.
    mutating func translateWorkflows() -> [Workflow] {
        folder.children(named: "WORKFLOW").compactMap { element in
            guard let name = PCWorkflowSettings.name(of: element) else {
                reportNameless(element, path: folderPath)
                return nil
            }
            let path = folderPath.appending("WORKFLOW", name)
            let scope = PCWorkflowScope(container: element, path: path, isFolder: false)
            let workflow = buildWorkflow(element, name: name, path: path, chain: [scope, folderScope])
            context.ledger.represent(element)
            return workflow
        }
    }

    /// Reports and diagnoses an element without NAME.
    mutating func reportNameless(_ element: XMLElementNode, path: ObjectPath) {
        report(
            PCWorkflowDiagnostics.elementWithoutName,
            "\(element.name.lowercased()) without NAME cannot be referred to and is not converted",
            at: element, path: path, fix: "give the object a name in the repository and export it again")
        context.ledger.diagnose(element)
    }
}
