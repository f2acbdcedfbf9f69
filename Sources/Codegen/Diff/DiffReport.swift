import IR

/// Two versions of one pipeline and the edit script between them (what the graphical renderers draw).
public struct PipelineComparison: Hashable, Sendable {
    /// The old version.
    public var old: Pipeline
    /// The new version.
    public var new: Pipeline
    /// The edit script.
    public var diff: PipelineDiff

    /// Compares `old` with `new`.
    public init(old: Pipeline, new: Pipeline) {
        self.old = old
        self.new = new
        self.diff = PipelineDiffer.diff(old: old, new: new)
    }
}

/// A workflow's settings (schedule, session options such as write modes, tasks, links) that differ.
public struct WorkflowDiff: Hashable, Sendable, Codable {
    /// The workflow's name.
    public var name: String
    /// The differing settings, keyed as in the canonical YAML (`schedule.cron`, `tasks[s_x].session…`).
    public var settings: [ValueChange]

    /// Creates a workflow diff.
    public init(name: String, settings: [ValueChange]) {
        self.name = name
        self.settings = settings
    }
}

/// The diff of two sets of pipelines and workflows (two files or two folders), matched by name.
public struct DiffReport: Hashable, Sendable, Codable {
    /// Pipelines only in the new set.
    public var addedPipelines: [String] = []
    /// Pipelines only in the old set.
    public var removedPipelines: [String] = []
    /// Pipelines in both sets with no semantic change.
    public var unchangedPipelines: [String] = []
    /// Edit scripts of the pipelines that changed, by new name.
    public var pipelines: [PipelineDiff] = []
    /// Workflows only in the new set.
    public var addedWorkflows: [String] = []
    /// Workflows only in the old set.
    public var removedWorkflows: [String] = []
    /// Workflows whose settings changed.
    public var workflows: [WorkflowDiff] = []
    /// Every compared pipeline pair, changed or not (not encoded).
    public var comparisons: [PipelineComparison] = []

    /// An empty report (no pipelines or workflows compared).
    public init() {}

    /// Whether anything differs.
    public var hasChanges: Bool {
        !addedPipelines.isEmpty || !removedPipelines.isEmpty || !pipelines.isEmpty || !addedWorkflows.isEmpty
            || !removedWorkflows.isEmpty || !workflows.isEmpty
    }

    /// Compares two sets. Pipelines and workflows pair by name; when each side has exactly one
    /// pipeline, the two pair whatever their names.
    public static func compare(
        oldPipelines: [Pipeline], newPipelines: [Pipeline], oldWorkflows: [Workflow] = [],
        newWorkflows: [Workflow] = []
    ) -> DiffReport {
        var report = DiffReport()
        let pairs = NamePairing(
            old: oldPipelines.map(\.name), new: newPipelines.map(\.name),
            pairSingletons: oldPipelines.count == 1 && newPipelines.count == 1)
        report.addedPipelines = pairs.added
        report.removedPipelines = pairs.removed
        for (oldIndex, newIndex) in pairs.pairs {
            let comparison = PipelineComparison(old: oldPipelines[oldIndex], new: newPipelines[newIndex])
            report.comparisons.append(comparison)
            if comparison.diff.isEmpty {
                report.unchangedPipelines.append(comparison.new.name)
            } else {
                report.pipelines.append(comparison.diff)
            }
        }
        let flows = NamePairing(old: oldWorkflows.map(\.name), new: newWorkflows.map(\.name), pairSingletons: false)
        report.addedWorkflows = flows.added
        report.removedWorkflows = flows.removed
        for (oldIndex, newIndex) in flows.pairs {
            let settings = SettingsFlattening.changes(
                settings(of: oldWorkflows[oldIndex]), settings(of: newWorkflows[newIndex]))
            if !settings.isEmpty {
                report.workflows.append(WorkflowDiff(name: newWorkflows[newIndex].name, settings: settings))
            }
        }
        report.unchangedPipelines.sort()
        return report
    }

    /// A workflow's settings without provenance, notes, origin and the computed confidence.
    static func settings(of workflow: Workflow) -> [String: String] {
        let ignored = ["provenance", "definition", "notes", "origin", "confidence"]
        return SettingsFlattening.flatten(workflow).filter { entry in
            let parts = entry.key.split(separator: ".").map { String($0.prefix { $0 != "[" }) }
            return !parts.contains { ignored.contains($0) }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case addedPipelines = "added_pipelines", removedPipelines = "removed_pipelines"
        case unchangedPipelines = "unchanged_pipelines", pipelines
        case addedWorkflows = "added_workflows", removedWorkflows = "removed_workflows", workflows
    }
}

/// Pairs two name lists: equal names pair; the rest are added or removed (sorted).
struct NamePairing {
    var pairs: [(old: Int, new: Int)] = []
    var added: [String] = []
    var removed: [String] = []

    init(old: [String], new: [String], pairSingletons: Bool) {
        var oldByName: [String: Int] = [:]
        for (index, name) in old.enumerated() where oldByName[name] == nil { oldByName[name] = index }
        var usedOld: Set<Int> = []
        for (index, name) in new.enumerated() {
            if let oldIndex = oldByName[name], usedOld.insert(oldIndex).inserted {
                pairs.append((oldIndex, index))
            } else if pairSingletons {
                pairs.append((0, 0))
                usedOld.insert(0)
            } else {
                added.append(name)
            }
        }
        removed = old.enumerated().filter { !usedOld.contains($0.offset) }.map(\.element)
        pairs.sort { (new[$0.new], $0.new) < (new[$1.new], $1.new) }
        added.sort()
        removed.sort()
    }
}
