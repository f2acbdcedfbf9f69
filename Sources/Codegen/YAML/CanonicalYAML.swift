import IR

/// A document of canonical YAML: one pipeline or one workflow.
public enum CanonicalDocument: Hashable, Sendable {
    /// A `pipeline:` document (a mapping or mapplet).
    case pipeline(Pipeline)
    /// A `workflow:` document.
    case workflow(Workflow)
    /// A `parameters:` document (a parameter file's sections and values).
    case parameters(ParameterFile)
}

/// The canonical YAML form of the IR: rendering, reading and reformatting.
///
/// `render` is deterministic (same IR, same bytes) and `parse` reads back exactly what `render`
/// wrote, so YAML → IR → YAML is the identity on rendered text. `parse` also accepts the simple
/// DataFlow pipeline shape and converts it. docs/yaml-format.md describes the format.
public enum CanonicalYAML {
    /// The text of a pipeline document.
    public static func render(_ pipeline: Pipeline) -> String { document("pipeline", pipeline) }

    /// The text of a workflow document.
    public static func render(_ workflow: Workflow) -> String { document("workflow", workflow) }

    /// The text of a parameter-file document.
    public static func render(_ parameters: ParameterFile) -> String { document("parameters", parameters) }

    /// The text of a document.
    public static func render(_ document: CanonicalDocument) -> String {
        switch document {
        case .pipeline(let pipeline): render(pipeline)
        case .workflow(let workflow): render(workflow)
        case .parameters(let parameters): render(parameters)
        }
    }

    /// Reads a canonical (or DataFlow-shaped) document. The document is nil when any error was found;
    /// every problem is a diagnostic located in `file`.
    public static func parse(_ text: String, file: String) -> (document: CanonicalDocument?, diagnostics: [Diagnostic])
    {
        let (root, problems) = YAMLSourceReader.read(text, file: file)
        guard let root, !problems.hasErrors else { return (nil, problems.sortedForReport()) }
        let (document, diagnostics) = CanonicalDocumentReader(file: file, root: root).read()
        let all = (problems + diagnostics).sortedForReport()
        return (all.hasErrors ? nil : document, all)
    }

    /// Parses then renders: the canonical form of `text` (`migrate fmt`), or nil on errors.
    public static func format(_ text: String, file: String) -> (output: String?, diagnostics: [Diagnostic]) {
        let (document, diagnostics) = parse(text, file: file)
        return (document.map(render), diagnostics)
    }

    private static func document(_ key: String, _ value: some Encodable) -> String {
        let tree: YAMLValue
        do {
            tree = try YAMLTreeEncoder.tree(of: value)
        } catch {
            // The tree encoder never throws; an IR type's encode(to:) throwing is a bug.
            preconditionFailure("internal error: encoding the IR failed: \(error)")
        }
        let version = YAMLValue.number(YAMLNumberFormat.text(CodegenLibrary.canonicalYAMLVersion))
        return YAMLEmitter.document([YAMLEntry(key: "version", value: version), YAMLEntry(key: key, value: tree)])
    }
}
