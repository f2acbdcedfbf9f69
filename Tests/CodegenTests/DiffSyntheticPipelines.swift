import IR

/// A deterministic synthetic pipeline of any size and an edited copy: a source feeding a web of
/// projects and filters (each reading one or two earlier nodes) ending in targets; the copy renames
/// every 40th node, changes every 25th expression, drops the last target and adds a filter.
enum DiffSyntheticPipelines {
    static let mapping = ObjectPath([.init("FOLDER", "F"), .init("MAPPING", "m_synthetic")])

    /// The old and the new version with about `nodes` nodes.
    static func pair(nodes: Int) -> (old: Pipeline, new: Pipeline) {
        let old = pipeline(nodes: nodes)
        var new = old
        for index in stride(from: 7, to: new.nodes.count - 1, by: 40) { rename(&new, index) }
        for index in stride(from: 3, to: new.nodes.count, by: 25) {
            guard let port = new.nodes[index].ports.firstIndex(where: { $0.expression != nil }) else { continue }
            new.nodes[index].ports[port].expression = ScalarExpression("IN * 3 + 1")
        }
        new.nodes.removeLast()
        let feed = new.nodes[1]
        new.nodes.append(
            Node(
                id: "FIL_NEW", op: .filter(FilterSpec(condition: ScalarExpression("V > 0"))),
                ports: [port("V", source: PortRef(node: feed.id, port: "V"))], provenance: at("FIL_NEW")))
        return (old, new)
    }

    static func pipeline(nodes count: Int) -> Pipeline {
        var nodes = [Node(id: "SRC", op: .source(SourceSpec(table: "S")), ports: [port("V")], provenance: at("SRC"))]
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for index in 1..<max(count, 2) {
            let upstream = nodes[max(0, nodes.count - 1 - next(min(nodes.count, 6)))].id
            let id = index % 9 == 0 ? "TGT_\(index)" : (index % 4 == 0 ? "FIL_\(index)" : "EXP_\(index)")
            var ports = [port("V", source: PortRef(node: upstream, port: "V"))]
            let op: Operator
            if id.hasPrefix("TGT") {
                op = .target(TargetSpec(table: id))
            } else if id.hasPrefix("FIL") {
                op = .filter(FilterSpec(condition: ScalarExpression("V > \(index)")))
            } else {
                var input = port("IN", source: PortRef(node: upstream, port: "V"))
                input.roles = .input
                var output = port("V")
                output.expression = ScalarExpression("IN + \(index)")
                ports = [input, output]
                op = .project(ProjectSpec())
            }
            nodes.append(Node(id: id, op: op, ports: ports, provenance: at(id)))
        }
        return Pipeline(
            name: "m_synthetic", origin: Origin(tool: "PowerCenter", file: "m.xml", path: mapping), nodes: nodes,
            provenance: Provenance(path: mapping, location: SourceLocation(file: "m.xml")))
    }

    static func rename(_ pipeline: inout Pipeline, _ index: Int) {
        let old = pipeline.nodes[index].id
        let new = old + "_R"
        pipeline.nodes[index].id = new
        pipeline.nodes[index].provenance = at(new)
        for n in pipeline.nodes.indices {
            for p in pipeline.nodes[n].ports.indices where pipeline.nodes[n].ports[p].source?.node == old {
                pipeline.nodes[n].ports[p].source?.node = new
            }
        }
    }

    static func port(_ name: String, source: PortRef? = nil) -> Port {
        Port(
            name: name, type: .integer, roles: source == nil ? .output : [.input, .output], source: source,
            provenance: .synthesized)
    }

    static func at(_ id: String) -> Provenance {
        Provenance(path: mapping.appending("INSTANCE", id), location: SourceLocation(file: "m.xml", line: 1))
    }
}
