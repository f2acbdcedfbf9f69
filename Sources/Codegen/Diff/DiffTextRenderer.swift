import IR

/// Renders a diff report as plain text for terminals and pull-request comments: `+` added, `-` removed,
/// `~` changed, one item per line, optionally coloured with ANSI escapes (green, red, amber).
public struct DiffTextRenderer: Sendable {
    /// Whether to colour the markers.
    public var colour: Bool

    /// Creates a renderer.
    public init(colour: Bool = false) {
        self.colour = colour
    }

    /// The whole report: a summary when more than one pipeline was compared, then one section per
    /// changed pipeline and workflow; `no semantic change` when nothing differs.
    public func render(_ report: DiffReport) -> String {
        guard report.hasChanges else { return "no semantic change\n" }
        var lines: [String] = []
        let compared = report.comparisons.count + report.addedPipelines.count + report.removedPipelines.count
        if compared > 1 || !report.addedPipelines.isEmpty || !report.removedPipelines.isEmpty {
            lines.append(
                "summary: \(report.comparisons.count) pipelines compared, \(report.pipelines.count) changed, "
                    + "\(report.addedPipelines.count) added, \(report.removedPipelines.count) removed")
            lines += report.removedPipelines.map { marked(.removed, "pipeline \($0)") }
            lines += report.addedPipelines.map { marked(.added, "pipeline \($0)") }
        }
        for diff in report.pipelines { lines += render(diff) }
        for workflow in report.workflows {
            lines.append("workflow \(workflow.name): \(Self.count(workflow.settings.count))")
            lines += workflow.settings.map { "  " + marked(.changed, setting($0)) }
        }
        lines += report.removedWorkflows.map { marked(.removed, "workflow \($0)") }
        lines += report.addedWorkflows.map { marked(.added, "workflow \($0)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One pipeline's edit script.
    public func render(_ diff: PipelineDiff) -> [String] {
        let title = diff.oldName == diff.newName ? diff.newName : "\(diff.oldName) → \(diff.newName)"
        var lines = ["pipeline \(title): \(Self.count(diff.changeCount))"]
        lines += diff.settings.map { "  " + marked(.changed, setting($0)) }
        for node in diff.nodes { lines += render(node).map { "  " + $0 } }
        if !diff.edges.isEmpty {
            lines.append("  edges:")
            lines += diff.edges.map { "    " + marked($0.status, "\($0.from) → \($0.to)") }
        }
        return lines
    }

    /// One node: its header line, then its option, expression, input and port changes indented.
    func render(_ node: NodeChange) -> [String] {
        switch node.status {
        case .added:
            return [marked(.added, "node \(node.displayID) (\(node.kind))")]
                + node.expressions.map { "    \($0.key): \($0.new ?? "")" }
        case .removed: return [marked(.removed, "node \(node.displayID) (\(node.kind))")]
        case .changed: break
        }
        var header = "node \(node.oldID ?? "") "
        if node.isRename { header += "→ \(node.newID ?? "") " }
        header += "(\(node.kind))"
        if node.isRename { header += ": renamed (matched by \(node.matchedBy?.rawValue ?? "id"))" }
        var lines = [marked(.changed, header)]
        if node.isMove {
            lines.append("    inputs: \(Self.list(node.oldInputs)) → \(Self.list(node.newInputs))")
        }
        lines += node.options.map { "    " + setting($0) }
        lines += node.expressions.map { "    " + expression($0) }
        lines += node.ports.flatMap { render($0) }.map { "    " + $0 }
        return lines
    }

    private func render(_ port: PortChange) -> [String] {
        switch port.status {
        case .added: return [marked(.added, "port \(port.newName ?? "")")]
        case .removed: return [marked(.removed, "port \(port.oldName ?? "")")]
        case .changed: break
        }
        var header = "port \(port.oldName ?? "")"
        if port.isRename { header += " → \(port.newName ?? "")" }
        return [marked(.changed, header)] + port.changes.map { "    " + setting($0) }
            + port.expressions.map { "    " + expression($0) }
    }

    private func setting(_ change: ValueChange) -> String {
        "\(change.key): \(change.old ?? "(none)") → \(change.new ?? "(none)")"
    }

    private func expression(_ change: ExpressionChange) -> String {
        "\(change.key): \(change.old ?? "(none)") → \(change.new ?? "(none)")"
    }

    private func marked(_ status: DiffStatus, _ text: String) -> String {
        let (marker, code) =
            switch status {
            case .added: ("+", "32")
            case .removed: ("-", "31")
            case .changed: ("~", "33")
            }
        guard colour else { return "\(marker) \(text)" }
        return "\u{1B}[\(code)m\(marker) \(text)\u{1B}[0m"
    }

    private static func list(_ ids: [String]?) -> String {
        guard let ids, !ids.isEmpty else { return "(none)" }
        return ids.joined(separator: ", ")
    }

    private static func count(_ n: Int) -> String { n == 1 ? "1 change" : "\(n) changes" }
}
