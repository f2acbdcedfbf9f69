import IR

/// Builds the IR pipeline of a DataFlow-shaped document (see ``DataFlowImporter``).
struct DataFlowPipelineBuilder {
    /// The file named in diagnostics.
    let file: String
    /// The pipeline's name when the document names none.
    let baseName: String
    /// Everything found so far.
    var diagnostics: [Diagnostic] = []
    private var nodes: [Node] = []
    private var pipelinePath = ObjectPath()

    /// What the `*` port stands for.
    static let rowPortDescription = "the whole row: DataFlow steps declare no columns"

    init(file: String, baseName: String) {
        self.file = file
        self.baseName = baseName
    }

    /// The file name without folders, used as the origin and provenance file.
    private var originFile: String { file.split(separator: "/").last.map(String.init) ?? file }

    /// The pipeline described by `body`, or nil when it is not a mapping.
    mutating func build(_ body: YAMLSourceNode, skipping: Set<String>) -> Pipeline? {
        guard let entries = body.entries else {
            diagnostics.append(
                YAMLDiagnostics.wrongShape(
                    "expected a mapping for 'pipeline', found \(body.summary)", at: location(body),
                    fix: "write the pipeline's keys under 'pipeline:'"))
            return nil
        }
        let name = body["name"].flatMap { setting($0, key: "name") } ?? baseName
        pipelinePath = ObjectPath([.init("PIPELINE", name)])
        var description: String?
        var attributes: [Attribute] = []
        for entry in entries where !skipping.contains(entry.key) {
            switch entry.key {
            case "name", "source", "steps", "target": break
            case "description": description = setting(entry.value, key: entry.key)
            case "schedule": attributes += scheduleAttributes(entry.value)
            default:
                if let text = setting(entry.value, key: entry.key) { attributes.append(Attribute(entry.key, text)) }
            }
        }
        if let source = body["source"] {
            addEndpoint(source, isSource: true)
        } else {
            diagnostics.append(
                YAMLDiagnostics.missingKey(
                    "missing key 'source' in pipeline '\(name)'", at: location(body), path: pipelinePath,
                    fix: "add 'source: {connection: NAME}'"))
        }
        if let steps = body["steps"] { addSteps(steps) }
        if let target = body["target"] { addEndpoint(target, isSource: false) }
        return Pipeline(
            name: name, description: description,
            origin: Origin(tool: "DataFlow", file: originFile, path: pipelinePath), nodes: nodes,
            attributes: attributes, provenance: provenance(pipelinePath, body))
    }

    // MARK: Nodes

    private mutating func addEndpoint(_ node: YAMLSourceNode, isSource: Bool) {
        let key = isSource ? "source" : "target"
        guard let settings = node.entries else {
            diagnostics.append(
                YAMLDiagnostics.wrongShape(
                    "expected a mapping for '\(key)', found \(node.summary)", at: location(node), path: pipelinePath,
                    fix: "write '\(key): {connection: NAME}'"))
            return
        }
        let attributes = attributes(of: settings)
        guard
            let connection = settings.first(where: { $0.key == "connector" || $0.key == "connection" })?.value
                .scalarText
        else {
            diagnostics.append(
                YAMLDiagnostics.dataflowConnection(
                    "the \(key) has no 'connector' or 'connection'", at: location(node), path: pipelinePath,
                    fix: "add 'connection: NAME' (or 'connector: NAME')"))
            return
        }
        let table = node["table"]?.scalarText ?? connection
        let path = pipelinePath.appending(isSource ? "SOURCE" : "TARGET", connection)
        let op: Operator = isSource ? .source(SourceSpec(table: table)) : .target(TargetSpec(table: table))
        let port = rowPort(roles: isSource ? [.output] : [.input], path: path, at: node)
        nodes.append(
            Node(
                id: uniqueID(key), op: op, ports: [port], attributes: attributes, provenance: provenance(path, node)))
    }

    private mutating func addSteps(_ node: YAMLSourceNode) {
        guard case .sequence(let items) = node.content else {
            diagnostics.append(
                YAMLDiagnostics.wrongShape(
                    "expected a sequence for 'steps', found \(node.summary)", at: location(node), path: pipelinePath,
                    fix: "write each step as an item '- transform: NAME'"))
            return
        }
        for (index, item) in items.enumerated() { addStep(item, number: index + 1) }
    }

    private mutating func addStep(_ item: YAMLSourceNode, number: Int) {
        guard let settings = item.entries else {
            diagnostics.append(
                YAMLDiagnostics.wrongShape(
                    "expected a mapping for step \(number), found \(item.summary)", at: location(item),
                    path: pipelinePath,
                    fix: "write the step as '- transform: NAME'"))
            return
        }
        let kinds = settings.filter { DataFlowImporter.stepKinds.contains($0.key) }
        guard kinds.count == 1, let kind = kinds.first, let name = kind.value.scalarText, !kind.value.isNull else {
            let found = kinds.isEmpty ? "names no kind" : "names \(kinds.count == 1 ? "no name" : "several kinds")"
            diagnostics.append(
                YAMLDiagnostics.dataflowStepKind(
                    "step \(number) \(found); expected exactly one of 'transform', 'quality' or 'ai' with a name",
                    at: location(item), path: pipelinePath, fix: "write the step as '- transform: NAME'"))
            return
        }
        let path = pipelinePath.appending("STEP", name)
        let note = YAMLDiagnostics.dataflowOpaqueStep(
            "DataFlow \(kind.key) '\(name)' is defined in the platform; it is kept as an opaque node",
            at: location(item), path: path, fix: "nothing to do unless the step should be converted to IR operators")
        diagnostics.append(note)
        let spec = OpaqueSpec(
            vendorType: "dataflow:\(kind.key)",
            reason: "a DataFlow platform \(kind.key); its definition is not part of the pipeline")
        nodes.append(
            Node(
                id: uniqueID(name), op: .opaque(spec),
                ports: [rowPort(roles: [.input, .output], path: path, at: item)],
                attributes: attributes(of: settings), notes: [ConversionNote(note)], provenance: provenance(path, item))
        )
    }

    /// The `*` port; an input one is fed by the previous node's `*` port.
    private func rowPort(roles: PortRoles, path: ObjectPath, at node: YAMLSourceNode) -> Port {
        let source = roles.contains(.input) ? nodes.last.map { PortRef(node: $0.id, port: "*") } : nil
        return Port(
            name: "*", type: .string(precision: 0), roles: roles, source: source,
            description: Self.rowPortDescription, provenance: provenance(path.appending("PORT", "*"), node))
    }

    private func uniqueID(_ base: String) -> String {
        let used = Set(nodes.map(\.id))
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return candidate
    }

    // MARK: Settings

    private mutating func attributes(of settings: [YAMLSourceEntry]) -> [Attribute] {
        settings.compactMap { entry in setting(entry.value, key: entry.key).map { Attribute(entry.key, $0) } }
    }

    private mutating func scheduleAttributes(_ node: YAMLSourceNode) -> [Attribute] {
        guard let entries = node.entries else {
            return setting(node, key: "schedule").map { [Attribute("schedule", $0)] } ?? []
        }
        return entries.compactMap { entry in
            setting(entry.value, key: entry.key).map { Attribute("schedule.\(entry.key)", $0) }
        }
    }

    /// The text of a scalar setting (empty for null); a diagnostic for a mapping or sequence.
    private mutating func setting(_ node: YAMLSourceNode, key: String) -> String? {
        if node.isNull { return "" }
        if let text = node.scalarText { return text }
        diagnostics.append(
            YAMLDiagnostics.dataflowSetting(
                "setting '\(key)' is \(node.summary), not a scalar", at: location(node), path: pipelinePath,
                fix: "write the setting as a single value"))
        return nil
    }

    private func provenance(_ path: ObjectPath, _ node: YAMLSourceNode) -> Provenance {
        Provenance(path: path, location: SourceLocation(file: originFile, line: node.line, column: node.column))
    }

    private func location(_ node: YAMLSourceNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
    }
}
