import IR

/// The semantic diff of two versions of a pipeline: an edit script over nodes, ports, options,
/// expression trees and edges, in which formatting (key order, white space, comments, quoting,
/// redundant parentheses, provenance lines) is no change.
public enum PipelineDiffer {
    /// The edit script that turns `old` into `new`.
    public static func diff(old: Pipeline, new: Pipeline) -> PipelineDiff {
        let matching = PipelineMatching(old: old, new: new)
        let oldInputs = inputs(of: old, matching: matching)
        let newInputs = inputs(of: new, matching: nil)
        let comparison = NodeComparison(matching: matching)
        var nodes: [NodeChange] = []
        for node in old.nodes where matching.nodes.newForOld[node.id] == nil {
            nodes.append(NodeChange(status: .removed, oldID: node.id, newID: nil, kind: node.op.kindName))
        }
        for node in new.nodes {
            guard let oldID = matching.nodes.oldForNew[node.id], let oldNode = old.node(id: oldID) else {
                nodes.append(
                    NodeChange(
                        status: .added, oldID: nil, newID: node.id, kind: node.op.kindName,
                        expressions: logic(of: node)))
                continue
            }
            let before = oldInputs[oldID, default: []]
            let after = newInputs[node.id, default: []]
            guard var change = comparison.compare(old: oldNode, new: node, moved: before != after) else { continue }
            if before != after {
                change.oldInputs = before.sorted()
                change.newInputs = after.sorted()
            }
            nodes.append(change)
        }
        nodes.sort { ($0.displayID, $0.status) < ($1.displayID, $1.status) }
        return PipelineDiff(
            oldName: old.name, newName: new.name, settings: settingChanges(old: old, new: new, matching: matching),
            nodes: nodes, edges: edgeChanges(old: old, new: new, matching: matching))
    }

    /// An added node's logic for the reader: its conditions, then its ports' expressions, as
    /// changes from nothing.
    static func logic(of node: Node) -> [ExpressionChange] {
        let conditions = OperatorExpressions.of(node.op).sorted { $0.key < $1.key }.map {
            ExpressionChange(key: $0.key, old: nil, new: ExpressionComparison.canonical($0.value))
        }
        let ports = node.ports.compactMap { port in
            port.expression.map {
                ExpressionChange(
                    key: "port[\(port.name)].expression", old: nil, new: ExpressionComparison.canonical($0))
            }
        }
        return conditions + ports
    }

    /// Node id → ids of its upstream nodes; old ids are translated to new ones when `matching` is given.
    static func inputs(of pipeline: Pipeline, matching: PipelineMatching?) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for node in pipeline.nodes {
            result[node.id] = Set(node.upstreamNodes.map { matching?.nodes.newForOld[$0] ?? $0 })
        }
        return result
    }

    private static func edgeChanges(old: Pipeline, new: Pipeline, matching: PipelineMatching) -> [EdgeChange] {
        let before = edges(of: old, matching: matching)
        let after = edges(of: new, matching: nil)
        let removed = before.subtracting(after).map { EdgeChange(status: .removed, from: $0.from, to: $0.to) }
        let added = after.subtracting(before).map { EdgeChange(status: .added, from: $0.from, to: $0.to) }
        return (removed + added).sorted()
    }

    /// The node-level edges of `pipeline`, in new ids when `matching` is given.
    static func edges(of pipeline: Pipeline, matching: PipelineMatching?) -> Set<NodeEdge> {
        var result: Set<NodeEdge> = []
        for node in pipeline.nodes {
            let to = matching?.nodes.newForOld[node.id] ?? node.id
            for upstream in node.upstreamNodes {
                result.insert(NodeEdge(from: matching?.nodes.newForOld[upstream] ?? upstream, to: to))
            }
        }
        return result
    }

    /// Parameters, target load order, attributes, kind and description; names, origin, provenance and
    /// the computed confidence are left out.
    private static func settingChanges(old: Pipeline, new: Pipeline, matching: PipelineMatching) -> [ValueChange] {
        var translated = old
        translated.targetLoadOrder = old.targetLoadOrder.map { matching.nodes.newForOld[$0] ?? $0 }
        return SettingsFlattening.changes(settings(of: translated), settings(of: new))
    }

    /// A pipeline's own settings, keyed as in its canonical YAML.
    static func settings(of pipeline: Pipeline) -> [String: String] {
        var bare = pipeline
        bare.nodes = []
        bare.notes = []
        bare.provenance = .synthesized
        for index in bare.parameters.indices { bare.parameters[index].provenance = .synthesized }
        let ignored = ["name", "confidence", "origin", "provenance", "nodes"]
        return SettingsFlattening.flatten(bare).filter { entry in
            !ignored.contains { entry.key == $0 || entry.key.hasPrefix($0 + ".") }
                && !entry.key.hasSuffix(".provenance.path")
        }
    }
}

/// A node-level edge: some port of `from` feeds some port of `to`.
struct NodeEdge: Hashable {
    var from: String
    var to: String
}
