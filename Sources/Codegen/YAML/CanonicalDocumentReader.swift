import IR

/// Reads a document's root mapping: checks `version` and the document kind, then decodes the
/// pipeline or workflow (or hands a DataFlow-shaped document to ``DataFlowImporter``).
struct CanonicalDocumentReader {
    /// The file named in diagnostics.
    let file: String
    /// The document's root node.
    let root: YAMLSourceNode

    private static let kinds = ["pipeline", "workflow", "parameters"]

    /// The document (nil when it could not be decoded) and the problems found.
    func read() -> (CanonicalDocument?, [Diagnostic]) {
        guard let entries = root.entries else {
            return (
                nil,
                [
                    YAMLDiagnostics.unknownDocumentKind(
                        "expected a mapping with 'version' and 'pipeline' or 'workflow', found \(root.summary)",
                        at: location(root),
                        fix: "start the document with 'version: 1' and a 'pipeline:' or 'workflow:' key")
                ]
            )
        }
        if DataFlowImporter.accepts(root) {
            let (pipeline, diagnostics) = DataFlowImporter(file: file, root: root).read()
            return (pipeline.map(CanonicalDocument.pipeline), diagnostics)
        }
        var diagnostics = Self.versionDiagnostics(of: root, file: file, required: true)
        if diagnostics.contains(where: { $0.code == YAMLDiagnostics.unsupportedVersion.code }) {
            return (nil, diagnostics)
        }
        let kindEntries = entries.filter { Self.kinds.contains($0.key) }
        for entry in entries where entry.key != "version" && !Self.kinds.contains(entry.key) {
            diagnostics.append(
                YAMLDiagnostics.unknownKey(
                    "unknown key '\(entry.key)' at the top of the document", at: location(entry),
                    fix: "remove it; a document holds 'version' and one of 'pipeline', 'workflow' or 'parameters'"))
        }
        guard kindEntries.count == 1, let kind = kindEntries.first else {
            let found = kindEntries.isEmpty ? "neither" : "both"
            diagnostics.append(
                YAMLDiagnostics.unknownDocumentKind(
                    "the document has \(found) of 'pipeline', 'workflow' and 'parameters'",
                    at: location(kindEntries.last, or: root),
                    fix: "write one pipeline or one workflow per file"))
            return (nil, diagnostics)
        }
        let (document, problems) = decode(kind)
        return (document, diagnostics + problems)
    }

    /// The problems with the `version` key of `root` (none when it is 1, or absent and not `required`).
    static func versionDiagnostics(of root: YAMLSourceNode, file: String, required: Bool) -> [Diagnostic] {
        func location(_ node: YAMLSourceNode) -> SourceLocation {
            SourceLocation(file: file, line: node.line, column: node.column)
        }
        guard let entry = root.entries?.first(where: { $0.key == "version" }) else {
            guard required else { return [] }
            return [
                YAMLDiagnostics.missingVersion(
                    "missing key 'version'", at: location(root), fix: "add 'version: 1' as the first line")
            ]
        }
        guard case .scalar(let text, plain: true) = entry.value.content, let number = YAMLPlainScalar.integer(text)
        else {
            return [
                YAMLDiagnostics.invalidScalar(
                    "expected an integer for 'version', found \(entry.value.summary)", at: location(entry.value),
                    fix: "write 'version: 1'")
            ]
        }
        guard number == CodegenLibrary.canonicalYAMLVersion else {
            return [
                YAMLDiagnostics.unsupportedVersion(
                    "unsupported version \(number)", at: location(entry.value),
                    notes: ["this reader knows version \(CodegenLibrary.canonicalYAMLVersion)"],
                    fix: "convert the document with a migrate release that reads version \(number)")
            ]
        }
        return []
    }

    private func decode(_ kind: YAMLSourceEntry) -> (CanonicalDocument?, [Diagnostic]) {
        let session = YAMLDecodingSession(file: file, root: root)
        let path = [PathKey(stringValue: kind.key)]
        var document: CanonicalDocument?
        var diagnostics: [Diagnostic] = []
        do {
            if kind.key == "pipeline" {
                let pipeline = try session.decodeValue(Pipeline.self, from: kind.value, at: path)
                document = .pipeline(pipeline.adoptingFile(pipeline.origin.file))
            } else if kind.key == "workflow" {
                let workflow = try session.decodeValue(Workflow.self, from: kind.value, at: path)
                document = .workflow(workflow.withProvenanceFile(workflow.origin.file))
            } else {
                document = .parameters(try session.decodeValue(ParameterFile.self, from: kind.value, at: path))
            }
        } catch {
            diagnostics.append(session.diagnostic(for: error))
        }
        return (document, diagnostics + session.diagnostics + session.unknownKeyDiagnostics())
    }

    private func location(_ node: YAMLSourceNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
    }

    private func location(_ entry: YAMLSourceEntry) -> SourceLocation {
        SourceLocation(file: file, line: entry.line, column: entry.column)
    }

    private func location(_ entry: YAMLSourceEntry?, or node: YAMLSourceNode) -> SourceLocation {
        entry.map(location) ?? location(node)
    }
}
