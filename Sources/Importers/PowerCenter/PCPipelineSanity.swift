import IR

/// IR-level checks run on every pipeline the translator produces: unique node ids, unique port
/// names per node, and every port `source` naming an existing node and an output port of it.
/// A failure is a translator bug, reported as IMP0128 so it never passes silently.
enum PCPipelineSanity {
    /// The problems found in `pipeline`, as plain sentences.
    static func problems(in pipeline: Pipeline) -> [String] {
        var problems: [String] = []
        var firstByID: [String: Int] = [:]
        var rolesByName: [[String: PortRoles]] = []
        rolesByName.reserveCapacity(pipeline.nodes.count)
        for position in pipeline.nodes.indices {
            let id = pipeline.nodes[position].id
            if firstByID[id] == nil { firstByID[id] = position } else { problems.append("node id '\(id)' is used twice") }
            var roles: [String: PortRoles] = [:]
            for port in pipeline.nodes[position].ports {
                if roles[port.name] == nil {
                    roles[port.name] = port.roles
                } else {
                    problems.append("port '\(id).\(port.name)' is defined twice")
                }
            }
            rolesByName.append(roles)
        }
        for node in pipeline.nodes {
            for port in node.ports {
                guard let source = port.source else { continue }
                guard let upstream = firstByID[source.node] else {
                    problems.append("port '\(node.id).\(port.name)' reads missing node '\(source.node)'")
                    continue
                }
                guard let roles = rolesByName[upstream][source.port], roles.contains(.output) else {
                    problems.append("port '\(node.id).\(port.name)' reads '\(source)', which is not an output port")
                    continue
                }
            }
        }
        return problems
    }

    /// Reports the problems of `pipeline` at its provenance.
    static func check(_ pipeline: Pipeline, context: inout PCTranslationContext) {
        for problem in problems(in: pipeline) {
            context.diagnostics.append(
                PCMappingDiagnostics.pipelineSanity(
                    "pipeline '\(pipeline.name)': \(problem)", at: pipeline.provenance.location,
                    path: pipeline.provenance.path, fix: "report this translator bug with the export attached"))
        }
    }
}
