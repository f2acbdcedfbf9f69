import IR

/// Corrects diagnostics the flow translator made for one pipeline, where the finished nodes know
/// better: connector messages (IMP0111, IMP0112) say which instance or port is missing, and
/// opaque-node errors (IMP0117–IMP0119) point at the instance their object path names.
///
/// Runs from ``PCMappingTranslator`` over the diagnostics appended while the pipeline was built.
enum PCCheckDiagnosticWording {
    /// Codes of the errors that the node draft places at the definition but whose path names the instance.
    private static let nodeCodes: Set<DiagnosticCode> = [
        PCMappingDiagnostics.opaqueTransformation.code, PCMappingDiagnostics.unknownTransformation.code,
        PCMappingDiagnostics.inexpressibleTransformation.code,
    ]

    /// Rewrites `context.diagnostics[first...]` in place.
    static func run(_ nodes: [Node], since first: Int, context: inout PCTranslationContext) {
        let byID = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let byPath = Dictionary(nodes.map { ($0.provenance.path, $0) }, uniquingKeysWith: { first, _ in first })
        for index in context.diagnostics.indices where index >= first {
            var diagnostic = context.diagnostics[index]
            switch diagnostic.code {
            case PCMappingDiagnostics.danglingConnectorInstance.code:
                diagnostic.message = instanceMessage(diagnostic.message)
            case PCMappingDiagnostics.danglingConnectorField.code:
                diagnostic.message = fieldMessage(diagnostic.message, byID: byID)
            case let code where nodeCodes.contains(code):
                if let node = byPath[diagnostic.path] { diagnostic.location = node.provenance.location }
            default: continue
            }
            context.diagnostics[index] = diagnostic
        }
    }

    /// `connector from instance 'X' does not exist in 'm'` →
    /// `instance 'X', which the connector reads from, does not exist in 'm'`.
    static func instanceMessage(_ message: String) -> String {
        for (prefix, verb) in [("connector from instance '", "reads from"), ("connector to instance '", "writes to")] {
            guard message.hasPrefix(prefix) else { continue }
            let rest = message.dropFirst(prefix.count)
            guard let end = rest.range(of: "' does not exist") else { return message }
            return "instance '\(rest[..<end.lowerBound])', which the connector \(verb), does not exist\(rest[end.upperBound...])"
        }
        return message
    }

    /// `connector writes 'T.P', which is not an input port` → `… but 'T' has no port 'P'` when the
    /// port does not exist; when it exists, the message says what it is instead.
    static func fieldMessage(_ message: String, byID: [String: Node]) -> String {
        for (prefix, role, wanted) in [
            ("connector writes '", PortRoles.input, "an input"), ("connector reads '", PortRoles.output, "an output"),
        ] {
            guard message.hasPrefix(prefix) else { continue }
            let rest = message.dropFirst(prefix.count)
            guard let end = rest.range(of: "', which is not"), let dot = rest[..<end.lowerBound].lastIndex(of: ".")
            else { return message }
            let nodeID = String(rest[..<dot])
            let portName = String(rest[rest.index(after: dot)..<end.lowerBound])
            let verb = prefix.hasPrefix("connector writes") ? "writes" : "reads"
            guard let node = byID[nodeID] else { return message }
            guard let port = node.port(named: portName) else {
                return "connector \(verb) '\(nodeID).\(portName)', but '\(nodeID)' has no port '\(portName)'"
            }
            guard !port.roles.contains(role) else { return message }
            let roles = port.roles.names.joined(separator: ", ")
            return "connector \(verb) '\(nodeID).\(portName)', which is a port of '\(nodeID)' but not \(wanted) port (roles: \(roles.isEmpty ? "none" : roles))"
        }
        return message
    }
}
