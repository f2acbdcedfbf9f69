/// A deterministic Sugiyama-style layout of a DAG, drawn left to right: each node's layer is its
/// longest path from a source (a cycle is broken at its first node), nodes within a layer are ordered
/// by barycentre sweeps, and edges are drawn as curves between the layers.
public struct LayeredLayout: Hashable, Sendable {
    /// A placed node: its top-left corner.
    public struct Point: Hashable, Sendable {
        /// Horizontal position.
        public var x: Double
        /// Vertical position.
        public var y: Double
    }

    /// Node width.
    public static let nodeWidth = 190.0
    /// Node height.
    public static let nodeHeight = 46.0
    /// Horizontal gap between layers.
    public static let layerGap = 70.0
    /// Vertical gap between nodes of one layer.
    public static let rowGap = 22.0
    /// Margin around the drawing (the top margin leaves room for the legend).
    public static let margin = 20.0
    /// Space above the nodes for the legend.
    public static let legendHeight = 34.0

    /// Each node's layer.
    public var layers: [Int]
    /// Each node's top-left corner.
    public var positions: [Point]
    /// The drawing's width.
    public var width: Double
    /// The drawing's height.
    public var height: Double

    /// Lays out `count` nodes joined by `edges` (pairs of node indices, upstream first).
    public init(count: Int, edges: [(from: Int, to: Int)]) {
        var successors = [[Int]](repeating: [], count: count)
        var predecessors = [[Int]](repeating: [], count: count)
        for edge in edges where edge.from != edge.to && edge.from < count && edge.to < count {
            successors[edge.from].append(edge.to)
            predecessors[edge.to].append(edge.from)
        }
        layers = Self.longestPathLayers(successors: successors, predecessors: predecessors)
        let rows = Self.orderedRows(layers: layers, successors: successors, predecessors: predecessors)
        let tallest = rows.map(\.count).max() ?? 0
        let rowStep = Self.nodeHeight + Self.rowGap
        positions = [Point](repeating: Point(x: 0, y: 0), count: count)
        for (layer, row) in rows.enumerated() {
            let offset = Double(tallest - row.count) * rowStep / 2
            for (slot, node) in row.enumerated() {
                positions[node] = Point(
                    x: Self.margin + Double(layer) * (Self.nodeWidth + Self.layerGap),
                    y: Self.margin + Self.legendHeight + offset + Double(slot) * rowStep)
            }
        }
        width = 2 * Self.margin + Double(max(rows.count, 1)) * (Self.nodeWidth + Self.layerGap) - Self.layerGap
        height = 2 * Self.margin + Self.legendHeight + Double(max(tallest, 1)) * rowStep - Self.rowGap
    }

    /// Kahn's algorithm in index order; when only cycles are left, the lowest remaining index goes next.
    static func longestPathLayers(successors: [[Int]], predecessors: [[Int]]) -> [Int] {
        let count = successors.count
        var remaining = predecessors.map(\.count)
        var layer = [Int](repeating: 0, count: count)
        var done = [Bool](repeating: false, count: count)
        var ready = (0..<count).filter { remaining[$0] == 0 }
        var next = 0
        while true {
            let node: Int
            if next < ready.count {
                node = ready[next]
                next += 1
            } else {
                guard let cycleStart = (0..<count).first(where: { !done[$0] }) else { break }
                node = cycleStart
            }
            if done[node] { continue }
            done[node] = true
            for successor in successors[node] where !done[successor] {
                layer[successor] = max(layer[successor], layer[node] + 1)
                remaining[successor] -= 1
                if remaining[successor] == 0 { ready.append(successor) }
            }
        }
        return layer
    }

    /// Nodes per layer, ordered by four sweeps of barycentres (down by predecessors, up by
    /// successors); ties keep the previous order, so the result is deterministic.
    static func orderedRows(layers: [Int], successors: [[Int]], predecessors: [[Int]]) -> [[Int]] {
        let layerCount = (layers.max() ?? -1) + 1
        var rows = [[Int]](repeating: [], count: layerCount)
        for (node, layer) in layers.enumerated() { rows[layer].append(node) }
        var slot = [Double](repeating: 0, count: layers.count)
        func record() {
            for row in rows { for (index, node) in row.enumerated() { slot[node] = Double(index) } }
        }
        record()
        for sweep in 0..<4 {
            let downward = sweep % 2 == 0
            let order = downward ? Array(0..<layerCount) : Array((0..<layerCount).reversed())
            for layer in order {
                let keyed = rows[layer].map { node -> (Double, Double, Int) in
                    let neighbours = downward ? predecessors[node] : successors[node]
                    guard !neighbours.isEmpty else { return (slot[node], slot[node], node) }
                    let centre = neighbours.map { slot[$0] }.reduce(0, +) / Double(neighbours.count)
                    return (centre, slot[node], node)
                }
                rows[layer] = keyed.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.2)
                for (index, node) in rows[layer].enumerated() { slot[node] = Double(index) }
            }
        }
        return rows
    }
}
