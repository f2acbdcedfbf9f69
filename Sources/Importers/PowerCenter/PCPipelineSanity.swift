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
            let ports = pipeline.nodes[position].ports
            var roles: [String: PortRoles] = [:]
            roles.reserveCapacity(ports.count)
            for port in ports.indices {
                let name = ports[port].name
                if roles[name] == nil {
                    roles[name] = ports[port].roles
                } else {
                    problems.append("port '\(id).\(name)' is defined twice")
                }
            }
            rolesByName.append(roles)
        }
        // Ports are read in place (by index): copying each whole port here costs more than the check.
        for position in pipeline.nodes.indices {
            let ports = pipeline.nodes[position].ports
            for port in ports.indices {
                guard let source = ports[port].source else { continue }
                let id = pipeline.nodes[position].id
                guard let upstream = firstByID[source.node] else {
                    problems.append("port '\(id).\(ports[port].name)' reads missing node '\(source.node)'")
                    continue
                }
                guard let roles = rolesByName[upstream][source.port], roles.contains(.output) else {
                    problems.append("port '\(id).\(ports[port].name)' reads '\(source)', which is not an output port")
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
