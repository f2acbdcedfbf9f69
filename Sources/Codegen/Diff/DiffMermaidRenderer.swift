/// Renders a pipeline comparison as a Mermaid flowchart for Markdown: nodes classed `added`, `removed`
/// or `changed`, added edges thick (`==>`), removed edges dotted (`-.->`).
public enum DiffMermaidRenderer {
    /// The flowchart for `comparison`.
    public static func render(_ comparison: PipelineComparison) -> String {
        let graph = DiffGraph(comparison)
        var lines = [
            "flowchart LR",
            "  classDef added fill:#dcf5dc,stroke:#2e9d2e,color:#000",
            "  classDef removed fill:#fde2e2,stroke:#d33a3a,stroke-dasharray:5 3,color:#000",
            "  classDef changed fill:#fff1cc,stroke:#d49b00,color:#000",
        ]
        for (index, vertex) in graph.vertices.enumerated() {
            var line = "  n\(index)[\"\(escaped(vertex.label))<br/><i>\(escaped(vertex.kind))</i>\"]"
            if vertex.state != .unchanged { line += ":::\(vertex.state.rawValue)" }
            lines.append(line)
        }
        for edge in graph.edges {
            let arrow =
                switch edge.state {
                case .added: "==>"
                case .removed: "-.->"
                case .unchanged, .changed: "-->"
                }
            lines.append("  n\(edge.from) \(arrow) n\(edge.to)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every changed pipeline of a report (else the first compared one), several in fenced blocks under headings.
    public static func render(_ report: DiffReport) -> String {
        let changed = Set(report.pipelines.map(\.newName))
        let changedOnes = report.comparisons.filter { changed.contains($0.diff.newName) }
        let shown = changedOnes.isEmpty ? Array(report.comparisons.prefix(1)) : changedOnes
        if shown.count == 1, let only = shown.first { return render(only) }
        return shown.map { "### pipeline \($0.diff.newName)\n\n```mermaid\n" + render($0) + "```\n" }
            .joined(separator: "\n")
    }

    /// `text` with Mermaid's entity codes for characters that end a label.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\"": result += "#quot;"
            case "<": result += "#lt;"
            case ">": result += "#gt;"
            case "#": result += "#35;"
            default: result.append(character)
            }
        }
        return result
    }
}
