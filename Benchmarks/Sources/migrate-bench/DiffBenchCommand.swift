import Codegen
import IR

/// `migrate-bench diff [--nodes N] [--repeat R]`: builds a synthetic pipeline of N nodes (default 200)
/// and an edited copy (renames, changed expressions, a removed and an added node), then times the
/// semantic diff and each renderer (best of R runs, default 5) and prints the figures.
enum DiffBenchCommand {
    /// The usage line.
    static let usage = "migrate-bench diff [--nodes N] [--repeat R]"

    /// Runs the command; returns the exit status.
    static func run(_ arguments: [String]) -> Int32 {
        let nodes = option("--nodes", in: arguments).flatMap(Int.init) ?? 200
        let repeats = option("--repeat", in: arguments).flatMap(Int.init) ?? 5
        guard nodes >= 2, repeats >= 1 else {
            printError("usage: " + usage)
            return 2
        }
        let (old, new) = editedPair(nodes: nodes)
        var report = DiffReport()
        let diffSeconds = best(repeats) { report = DiffReport.compare(oldPipelines: [old], newPipelines: [new]) }
        guard let comparison = report.comparisons.first else { return 1 }
        print("diff of \(nodes) nodes: \(comparison.diff.changeCount) changes")
        print("  semantic diff   \(milliseconds(diffSeconds)) ms")
        var total = diffSeconds
        let renderers: [(String, () -> String)] = [
            ("text", { DiffTextRenderer().render(report) }),
            ("json", { DiffJSONRenderer.render(report) }),
            ("mermaid", { DiffMermaidRenderer.render(report) }),
            ("svg", { DiffSVGRenderer.render(comparison) }),
            ("html", { DiffHTMLRenderer.render(report) }),
        ]
        for (name, render) in renderers {
            var bytes = 0
            let seconds = best(repeats) { bytes = render().utf8.count }
            total += seconds
            print(
                "  \(name.padding(toLength: 15, withPad: " ", startingAt: 0)) \(milliseconds(seconds)) ms (\(bytes) bytes)"
            )
        }
        print("  diff + every renderer \(milliseconds(total)) ms")
        return 0
    }

    private static func best(_ repeats: Int, _ work: () -> Void) -> Double {
        var fastest = Double.infinity
        for _ in 0..<repeats {
            let start = monotonicSeconds()
            work()
            fastest = min(fastest, monotonicSeconds() - start)
        }
        return fastest
    }

    private static func milliseconds(_ seconds: Double) -> String { format(seconds * 1000, 1) }

    private static func option(_ name: String, in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    /// A web of projects and filters under one source, every ninth node a target; the copy renames
    /// every 40th node, rewrites every 25th expression, drops the last node and adds a filter.
    static func editedPair(nodes count: Int) -> (Pipeline, Pipeline) {
        let old = pipeline(nodes: count)
        var new = old
        for index in stride(from: 7, to: count - 1, by: 40) {
            let id = new.nodes[index].id
            new.nodes[index].id = id + "_R"
            new.nodes[index].provenance = at(id + "_R")
            for n in new.nodes.indices {
                for p in new.nodes[n].ports.indices where new.nodes[n].ports[p].source?.node == id {
                    new.nodes[n].ports[p].source?.node = id + "_R"
                }
            }
        }
        for index in stride(from: 3, to: count, by: 25) {
            guard let p = new.nodes[index].ports.firstIndex(where: { $0.expression != nil }) else { continue }
            new.nodes[index].ports[p].expression = ScalarExpression("IN * 3 + 1")
        }
        new.nodes.removeLast()
        new.nodes.append(
            Node(
                id: "FIL_NEW", op: .filter(FilterSpec(condition: ScalarExpression("V > 0"))),
                ports: [port("V", roles: [.input, .output], source: PortRef(node: new.nodes[1].id, port: "V"))],
                provenance: at("FIL_NEW")))
        return (old, new)
    }

    private static func pipeline(nodes count: Int) -> Pipeline {
        var nodes = [Node(id: "SRC", op: .source(SourceSpec(table: "S")), ports: [port("V")], provenance: at("SRC"))]
        var generator = SeededGenerator(seed: 42)
        for index in 1..<count {
            let upstream = nodes[max(0, nodes.count - 1 - Int(generator.next() % UInt64(min(nodes.count, 6))))].id
            let link = PortRef(node: upstream, port: "V")
            let node: Node
            if index % 9 == 0 {
                node = Node(
                    id: "TGT_\(index)", op: .target(TargetSpec(table: "T\(index)")),
                    ports: [port("V", roles: .input, source: link)], provenance: at("TGT_\(index)"))
            } else if index % 4 == 0 {
                node = Node(
                    id: "FIL_\(index)", op: .filter(FilterSpec(condition: ScalarExpression("V > \(index)"))),
                    ports: [port("V", roles: [.input, .output], source: link)], provenance: at("FIL_\(index)"))
            } else {
                var output = port("V")
                output.expression = ScalarExpression("IN + \(index)")
                node = Node(
                    id: "EXP_\(index)", op: .project(ProjectSpec()),
                    ports: [port("IN", roles: .input, source: link), output], provenance: at("EXP_\(index)"))
            }
            nodes.append(node)
        }
        let mapping = ObjectPath([.init("FOLDER", "F"), .init("MAPPING", "m_bench")])
        return Pipeline(
            name: "m_bench", origin: Origin(tool: "PowerCenter", file: "m.xml", path: mapping), nodes: nodes,
            provenance: Provenance(path: mapping, location: SourceLocation(file: "m.xml")))
    }

    private static func port(_ name: String, roles: PortRoles = .output, source: PortRef? = nil) -> Port {
        Port(name: name, type: .integer, roles: roles, source: source, provenance: .synthesized)
    }

    private static func at(_ id: String) -> Provenance {
        let path = ObjectPath([.init("FOLDER", "F"), .init("MAPPING", "m_bench"), .init("INSTANCE", id)])
        return Provenance(path: path, location: SourceLocation(file: "m.xml", line: 1))
    }
}
