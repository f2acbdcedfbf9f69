/// A stable, line-oriented text form of IR documents for golden tests and `--dump-ir`.
///
/// One line per pipeline, parameter, node, option and port; option fields are listed in their
/// declaration order, so adding a field to a spec changes the dump (and the goldens) visibly.
public enum TextDump {
    /// Dumps a pipeline.
    public static func dump(_ pipeline: Pipeline) -> String {
        var out = "pipeline \(quoted(pipeline.name)) kind=\(pipeline.kind.rawValue) origin=\(pipeline.origin.path)"
        out += " \(position(pipeline.provenance))\n"
        for parameter in pipeline.parameters {
            out += "  \(parameter.kind.rawValue) \(parameter.name) \(parameter.type.canonicalName)"
            if let value = parameter.defaultValue { out += " default=\(quoted(value))" }
            out += "\n"
        }
        for node in pipeline.nodes {
            out += "  node \(quoted(node.id)) \(node.op.kindName) \(position(node.provenance))"
            if let definition = node.definition { out += " def=\(position(definition))" }
            out += "\n"
            out += fields(of: node.op, indent: "    ")
            for port in node.ports { out += "    " + line(for: port) + "\n" }
            for attribute in node.attributes {
                out += "    attr \(quoted(attribute.name))=\(quoted(attribute.value))\n"
            }
            for note in node.notes { out += "    note \(note.severity.rawValue) [\(note.code)] \(note.message)\n" }
        }
        if !pipeline.targetLoadOrder.isEmpty {
            out += "  load-order \(pipeline.targetLoadOrder.map(quoted).joined(separator: " "))\n"
        }
        return out
    }

    /// Dumps a workflow (worklets nested and indented).
    public static func dump(_ workflow: Workflow, indent: String = "") -> String {
        var out =
            "\(indent)workflow \(quoted(workflow.name)) origin=\(workflow.origin.path) \(position(workflow.provenance))\n"
        for variable in workflow.variables {
            out += "\(indent)  \(variable.kind.rawValue) \(variable.name) \(variable.type.canonicalName)"
            if let value = variable.defaultValue { out += " default=\(quoted(value))" }
            out += "\n"
        }
        if let schedule = workflow.schedule {
            out += "\(indent)  schedule mode=\(schedule.mode) cron=\(schedule.cron.map(quoted) ?? "-")\n"
        }
        for task in workflow.tasks {
            var flags: [String] = []
            if !task.enabled { flags.append("disabled") }
            if !task.waitForAllInputs { flags.append("any-input") }
            if task.failParentIfFails { flags.append("fail-parent") }
            if task.failParentIfDidNotRun { flags.append("fail-parent-if-not-run") }
            out += "\(indent)  task \(quoted(task.name)) \(task.kind.kindName) \(position(task.provenance))"
            out += flags.isEmpty ? "\n" : " [\(flags.joined(separator: ","))]\n"
            switch task.kind {
            case .session(let spec):
                out += "\(indent)    session pipeline=\(quoted(spec.pipeline)) rows=\(spec.rowKind.rawValue)"
                out += " config=\(spec.config.map(quoted) ?? "-")\n"
                for settings in spec.nodes {
                    out +=
                        "\(indent)    settings \(quoted(settings.node)) connection=\(settings.connection.map(quoted) ?? "-")"
                    out += " attributes=\(settings.attributes.count)\n"
                }
            case .worklet(let inner):
                out += dump(inner, indent: indent + "    ")
            case .command(let commands):
                for command in commands {
                    out += "\(indent)    command \(quoted(command.name))=\(quoted(command.command))\n"
                }
            case .decision(let condition):
                out += "\(indent)    condition \(condition.map { quoted($0.text) } ?? "-")\n"
            case .assignment(let pairs):
                for pair in pairs { out += "\(indent)    assign \(pair.name)=\(quoted(pair.value))\n" }
            case .opaque(let type):
                out += "\(indent)    vendor-type \(quoted(type))\n"
            case .start, .email, .timer, .eventWait, .eventRaise, .control: break
            }
            for note in task.notes {
                out += "\(indent)    note \(note.severity.rawValue) [\(note.code)] \(note.message)\n"
            }
        }
        for link in workflow.links {
            out += "\(indent)  link \(quoted(link.from)) -> \(quoted(link.to))"
            if let condition = link.condition { out += " if \(quoted(condition.text))" }
            out += "\n"
        }
        return out
    }

    private static func line(for port: Port) -> String {
        var text = "port \(quoted(port.name)) \(port.type.canonicalName) [\(port.roles.names.joined(separator: ","))]"
        if let native = port.nativeType { text += " native=\(native.name)(\(native.precision),\(native.scale))" }
        if let group = port.group { text += " group=\(quoted(group))" }
        if let source = port.source { text += " <- \(quoted(source.node)).\(quoted(source.port))" }
        if let expression = port.expression { text += " = \(quoted(expression.text))" }
        if let value = port.defaultValue { text += " default=\(quoted(value.text))" }
        if let key = port.key { text += " key=\(key.rawValue)" }
        if port.nullable == false { text += " not-null" }
        if !port.attributes.isEmpty { text += " attrs=\(port.attributes.count)" }
        return text + " \(position(port.provenance))"
    }

    /// One `label: value` line per stored property of the operator's spec, recursively.
    private static func fields(of op: Operator, indent: String) -> String {
        guard let spec = Mirror(reflecting: op).children.first?.value else { return "" }
        return Mirror(reflecting: spec).children.map { child in
            "\(indent)\(child.label ?? "_"): \(render(child.value))\n"
        }.joined()
    }

    private static func render(_ value: Any) -> String {
        switch value {
        case let text as String: return quoted(text)
        case let expression as ScalarExpression: return quoted(expression.text)
        case let type as DataType: return type.canonicalName
        case let flag as Bool: return flag ? "true" : "false"
        case let number as Int: return String(number)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return "-" }
            return render(wrapped)
        case .collection:
            return "[" + mirror.children.map { render($0.value) }.joined(separator: ", ") + "]"
        case .struct:
            return "{" + mirror.children.map { "\($0.label ?? "_")=\(render($0.value))" }.joined(separator: " ") + "}"
        case .enum:
            if let raw = value as? any RawRepresentable { return "\(raw.rawValue)" }
            return "\(value)"
        default:
            return "\(value)"
        }
    }

    private static func position(_ provenance: Provenance) -> String {
        "@\(provenance.location.line):\(provenance.location.column)"
    }

    /// Quotes text so that every character is visible: `"a\"b\r\n"`.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
