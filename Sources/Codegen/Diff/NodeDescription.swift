import IR

/// A node's configuration as sorted text lines (settings, conditions, ports), for the HTML side panel's
/// before/after columns: lines that also appear on the other side are the same, the rest differ.
enum NodeDescription {
    /// The lines describing `node`.
    static func lines(_ node: Node) -> [String] {
        var lines = NodeComparison.settings(of: node).sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        lines += OperatorExpressions.of(node.op).sorted { $0.key < $1.key }.map {
            "\($0.key): \(ExpressionComparison.canonical($0.value))"
        }
        lines += node.ports.map(portLine)
        return lines
    }

    /// `port NAME type [roles] group=G ← NODE.PORT = EXPRESSION`.
    static func portLine(_ port: Port) -> String {
        var line = "port \(port.name) \(port.type.canonicalName) [\(port.roles.names.joined(separator: ","))]"
        if let group = port.group { line += " group=\(group)" }
        if let source = port.source { line += " ← \(source)" }
        if let expression = port.expression { line += " = \(ExpressionComparison.canonical(expression))" }
        if let value = port.defaultValue { line += " default \(ExpressionComparison.canonical(value))" }
        return line
    }
}
