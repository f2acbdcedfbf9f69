/// Renders a pipeline comparison as a static SVG: the union DAG in a layered layout, added nodes and
/// edges green, removed red (dashed), changed amber, renamed nodes labelled `OLD → NEW`.
public enum DiffSVGRenderer {
    /// Fill and stroke colours per state.
    static func colours(_ state: DiffGraph.State) -> (fill: String, stroke: String) {
        switch state {
        case .unchanged: ("#f5f5f5", "#9e9e9e")
        case .changed: ("#fff1cc", "#d49b00")
        case .added: ("#dcf5dc", "#2e9d2e")
        case .removed: ("#fde2e2", "#d33a3a")
        }
    }

    /// The SVG document for `comparison`.
    public static func render(_ comparison: PipelineComparison) -> String {
        let graph = DiffGraph(comparison)
        let layout = LayeredLayout(count: graph.vertices.count, edges: graph.edges.map { ($0.from, $0.to) })
        return render(graph, layout: layout, title: comparison.diff.newName)
    }

    /// A small SVG saying there is nothing to draw.
    public static func renderEmpty() -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="240" height="40" viewBox="0 0 240 40" \
        font-family="Helvetica, Arial, sans-serif" font-size="12">
        <text x="10" y="24">no pipeline to draw</text>
        </svg>

        """
    }

    /// The SVG document for a graph already laid out.
    static func render(_ graph: DiffGraph, layout: LayeredLayout, title: String, idPrefix: String = "node-") -> String {
        let width = Int(layout.width.rounded(.up))
        let height = Int(layout.height.rounded(.up))
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" \
            viewBox="0 0 \(width) \(height)" font-family="Helvetica, Arial, sans-serif" font-size="12">
            <title>\(escaped(title))</title>
            <defs>\(markers())</defs>
            <rect width="100%" height="100%" fill="#ffffff"/>

            """
        svg += legend()
        svg += "<g class=\"edges\">\n"
        for edge in graph.edges { svg += self.edge(edge, layout: layout) }
        svg += "</g>\n<g class=\"nodes\">\n"
        for (index, vertex) in graph.vertices.enumerated() {
            svg += node(vertex, index: index, at: layout.positions[index], idPrefix: idPrefix)
        }
        svg += "</g>\n</svg>\n"
        return svg
    }

    private static func markers() -> String {
        [DiffGraph.State.unchanged, .added, .removed].map { state in
            "<marker id=\"arrow-\(state.rawValue)\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" "
                + "markerWidth=\"9\" markerHeight=\"9\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\""
                + edgeColour(state) + "\"/></marker>"
        }.joined()
    }

    private static func legend() -> String {
        var text = "<g class=\"legend\">\n"
        let items: [(String, DiffGraph.State)] = [
            ("unchanged", .unchanged), ("changed", .changed), ("added", .added), ("removed", .removed),
        ]
        for (offset, item) in items.enumerated() {
            let x = LayeredLayout.margin + Double(offset) * 110
            let (fill, stroke) = colours(item.1)
            text += "<rect x=\"\(format(x))\" y=\"\(format(LayeredLayout.margin))\" width=\"16\" height=\"16\" "
            text += "fill=\"\(fill)\" stroke=\"\(stroke)\"/>"
            text += "<text x=\"\(format(x + 22))\" y=\"\(format(LayeredLayout.margin + 12))\">\(item.0)</text>\n"
        }
        return text + "</g>\n"
    }

    private static func edge(_ edge: DiffGraph.Edge, layout: LayeredLayout) -> String {
        let a = layout.positions[edge.from]
        let b = layout.positions[edge.to]
        let x1 = a.x + LayeredLayout.nodeWidth
        let y1 = a.y + LayeredLayout.nodeHeight / 2
        let x2 = b.x
        let y2 = b.y + LayeredLayout.nodeHeight / 2
        let bend = max(abs(x2 - x1) / 2, 30)
        let path =
            "M\(format(x1)),\(format(y1)) C\(format(x1 + bend)),\(format(y1)) \(format(x2 - bend)),\(format(y2)) "
            + "\(format(x2)),\(format(y2))"
        let state = edge.state == .changed ? DiffGraph.State.unchanged : edge.state
        let dash = edge.state == .removed ? " stroke-dasharray=\"5 4\"" : ""
        let widthValue = edge.state == .unchanged ? "1.2" : "2"
        return
            "<path class=\"edge \(edge.state.rawValue)\" d=\"\(path)\" fill=\"none\" stroke=\"\(edgeColour(state))\" "
            + "stroke-width=\"\(widthValue)\"\(dash) marker-end=\"url(#arrow-\(state.rawValue))\"/>\n"
    }

    private static func edgeColour(_ state: DiffGraph.State) -> String {
        state == .unchanged ? "#8a8a8a" : colours(state).stroke
    }

    private static func node(_ vertex: DiffGraph.Vertex, index: Int, at point: LayeredLayout.Point, idPrefix: String)
        -> String
    {
        let (fill, stroke) = colours(vertex.state)
        let dash = vertex.state == .removed ? " stroke-dasharray=\"5 3\"" : ""
        let centre = point.x + LayeredLayout.nodeWidth / 2
        var text = "<g class=\"node \(vertex.state.rawValue)\" id=\"\(idPrefix)\(index)\" data-index=\"\(index)\">"
        text += "<title>\(escaped(vertex.label)) (\(escaped(vertex.kind)), \(vertex.state.rawValue))</title>"
        text += "<rect x=\"\(format(point.x))\" y=\"\(format(point.y))\" width=\"\(format(LayeredLayout.nodeWidth))\" "
        text += "height=\"\(format(LayeredLayout.nodeHeight))\" rx=\"6\" fill=\"\(fill)\" stroke=\"\(stroke)\" "
        text += "stroke-width=\"1.5\"\(dash)/>"
        text +=
            "<text x=\"\(format(centre))\" y=\"\(format(point.y + 19))\" text-anchor=\"middle\" font-weight=\"bold\">"
        text += "\(escaped(shortened(vertex.label, 28)))</text>"
        text += "<text x=\"\(format(centre))\" y=\"\(format(point.y + 35))\" text-anchor=\"middle\" fill=\"#555\">"
        text += "\(escaped(vertex.kind))</text></g>\n"
        return text
    }

    /// `text` cut to `limit` characters with an ellipsis.
    static func shortened(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// A coordinate with at most one decimal.
    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// `text` escaped for XML content and attribute values.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
