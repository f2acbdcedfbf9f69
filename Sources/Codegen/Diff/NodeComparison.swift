import IR

/// Compares two versions of one node: options, attributes, description, condition trees and ports.
struct NodeComparison {
    /// The pipeline-wide pairing.
    let matching: PipelineMatching

    /// The change from `old` to `new`, or nil when they mean the same.
    func compare(old: Node, new: Node, moved: Bool) -> NodeChange? {
        let options = SettingsFlattening.changes(Self.settings(of: old), Self.settings(of: new))
        let comparison = ExpressionComparison(renamedPorts: matching.renamedPorts(ofOld: old.id))
        let oldExpressions = OperatorExpressions.of(old.op)
        let newExpressions = OperatorExpressions.of(new.op)
        let expressions = Set(oldExpressions.keys).union(newExpressions.keys).sorted().compactMap {
            comparison.change(key: $0, old: oldExpressions[$0], new: newExpressions[$0])
        }
        let ports = comparePorts(old: old, new: new, comparison: comparison, moved: moved)
        guard old.id != new.id || moved || !options.isEmpty || !expressions.isEmpty || !ports.isEmpty else {
            return nil
        }
        return NodeChange(
            status: .changed, oldID: old.id, newID: new.id, kind: new.op.kindName,
            matchedBy: matching.nodes.reason[new.id], options: options, expressions: expressions, ports: ports)
    }

    /// A node's settings without its id, ports, notes, provenance and expressions; keys read
    /// `operator`, option names, `attributes[NAME].value` and `description`.
    static func settings(of node: Node) -> [String: String] {
        var bare = node
        bare.id = ""
        bare.ports = []
        bare.notes = []
        bare.provenance = .synthesized
        bare.definition = nil
        bare.op = OperatorExpressions.removing(from: node.op)
        let expressionKeys = Set(OperatorExpressions.of(node.op).keys.map { "options." + $0 })
        var result: [String: String] = [:]
        for (key, value) in SettingsFlattening.flatten(bare)
        where key != "id" && !key.hasPrefix("provenance") && !expressionKeys.contains(key) {
            if key == "kind" {
                result["operator"] = value
            } else if key.hasPrefix("options.") {
                result[String(key.dropFirst("options.".count))] = value
            } else {
                result[key] = value
            }
        }
        return result
    }

    private func comparePorts(old: Node, new: Node, comparison: ExpressionComparison, moved: Bool) -> [PortChange] {
        let pairs = matching.ports[old.id]?.newForOld ?? [:]
        let paired = Set(pairs.values)
        var changes: [PortChange] = []
        for port in old.ports {
            guard let newName = pairs[port.name], let newPort = new.port(named: newName) else {
                changes.append(PortChange(status: .removed, oldName: port.name, newName: nil))
                continue
            }
            if let change = comparePort(old: port, new: newPort, comparison: comparison, moved: moved) {
                changes.append(change)
            }
        }
        for port in new.ports where !paired.contains(port.name) {
            changes.append(PortChange(status: .added, oldName: nil, newName: port.name))
        }
        return changes.sorted {
            (($0.newName ?? $0.oldName) ?? "", $0.status) < (($1.newName ?? $1.oldName) ?? "", $1.status)
        }
    }

    /// Compares two versions of one port; when the node moved, a link that only changed its upstream
    /// node (same port name) is explained by the move and not repeated.
    private func comparePort(old: Port, new: Port, comparison: ExpressionComparison, moved: Bool) -> PortChange? {
        var settings = SettingsFlattening.changes(Self.settings(of: old), Self.settings(of: new))
        let oldSource = old.source.map(matching.translate)
        let explainedByMove =
            moved && oldSource != nil && new.source != nil
            && oldSource?.port.uppercased() == new.source?.port.uppercased()
        if oldSource != new.source && !explainedByMove {
            settings.append(
                ValueChange(key: "source", old: old.source.map(\.description), new: new.source.map(\.description)))
        }
        let expressions = [
            comparison.change(key: "expression", old: old.expression, new: new.expression),
            comparison.change(key: "default", old: old.defaultValue, new: new.defaultValue),
        ].compactMap { $0 }
        guard old.name != new.name || !settings.isEmpty || !expressions.isEmpty else { return nil }
        return PortChange(
            status: .changed, oldName: old.name, newName: new.name, changes: settings, expressions: expressions)
    }

    /// A port's settings without its name, link, expressions and provenance.
    static func settings(of port: Port) -> [String: String] {
        var bare = port
        bare.name = ""
        bare.source = nil
        bare.expression = nil
        bare.defaultValue = nil
        bare.provenance = .synthesized
        return SettingsFlattening.flatten(bare).filter { $0.key != "name" && !$0.key.hasPrefix("provenance") }
    }
}
