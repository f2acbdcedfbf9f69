import Foundation
import IR

/// Renders a diff report as one self-contained HTML page (inline CSS and JavaScript, no network): the
/// text summary, then per changed pipeline (else the first compared one) its DAG as SVG and a side panel that shows the selected
/// node's before and after configuration side by side, with its edits.
public enum DiffHTMLRenderer {
    /// What the page's script reads for one drawn node.
    struct NodeData: Encodable {
        var label: String
        var kind: String
        var state: String
        var before: [String]?
        var after: [String]?
        var changes: [String]
    }

    /// What the page's script reads for one pipeline.
    struct SectionData: Encodable {
        var name: String
        var nodes: [NodeData]
    }

    /// The page for `report`.
    public static func render(_ report: DiffReport, title: String = "pipeline diff") -> String {
        let changed = Set(report.pipelines.map(\.newName))
        let changedOnes = report.comparisons.filter { changed.contains($0.diff.newName) }
        let shown = changedOnes.isEmpty ? Array(report.comparisons.prefix(1)) : changedOnes
        var sections: [SectionData] = []
        var body = ""
        for (index, comparison) in shown.enumerated() {
            let graph = DiffGraph(comparison)
            let layout = LayeredLayout(count: graph.vertices.count, edges: graph.edges.map { ($0.from, $0.to) })
            sections.append(SectionData(name: comparison.diff.newName, nodes: nodeData(graph, comparison)))
            body += """
                <section class="pipeline" data-section="\(index)">
                <h2>pipeline \(DiffSVGRenderer.escaped(comparison.diff.newName))</h2>
                <div class="row"><div class="diagram">
                \(DiffSVGRenderer.render(graph, layout: layout, title: comparison.diff.newName, idPrefix: "p\(index)-node-"))\
                </div><aside class="panel"><p class="hint">select a node to see its before and after</p></aside></div>
                </section>

                """
        }
        let summary = DiffTextRenderer(colour: false).render(report)
        return page(title: title, summary: summary, body: body, data: json(sections))
    }

    private static func nodeData(_ graph: DiffGraph, _ comparison: PipelineComparison) -> [NodeData] {
        let text = DiffTextRenderer(colour: false)
        return graph.vertices.map { vertex in
            let oldID =
                vertex.state == .removed
                ? vertex.id : (vertex.renamedFrom ?? (vertex.state == .added ? nil : vertex.id))
            let before = oldID.flatMap { comparison.old.node(id: $0) }.map(NodeDescription.lines)
            let after = vertex.state == .removed ? nil : comparison.new.node(id: vertex.id).map(NodeDescription.lines)
            return NodeData(
                label: vertex.label, kind: vertex.kind, state: vertex.state.rawValue, before: before, after: after,
                changes: vertex.change.map { text.render($0) } ?? [])
        }
    }

    /// The sections as JSON safe inside a `<script>` element.
    private static func json(_ sections: [SectionData]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(sections)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
    }

    private static func page(title: String, summary: String, body: String, data: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(DiffSVGRenderer.escaped(title))</title>
        <style>
        \(DiffHTMLAssets.css)
        </style>
        </head>
        <body>
        <h1>\(DiffSVGRenderer.escaped(title))</h1>
        <details open><summary>edit script</summary><pre class="summary">\(DiffSVGRenderer.escaped(summary))</pre></details>
        \(body)<script type="application/json" id="diff-data">\(data)</script>
        <script>
        \(DiffHTMLAssets.script)
        </script>
        </body>
        </html>

        """
    }
}
