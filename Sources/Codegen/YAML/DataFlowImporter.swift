import IR

/// Converts the simple DataFlow pipeline shape into an IR pipeline.
///
/// Accepted shapes: `pipeline: {name, description, source, steps, target, schedule}` and the same
/// keys at the top of the document next to an optional `version: 1`. The source becomes a
/// `source` node, each step an `opaque` node (`vendor_type: dataflow:<kind>`: its definition lives
/// in the platform), the target a `target` node, chained in order through one pass-through port
/// named `*` standing for the whole row. Settings are kept verbatim as attributes; the schedule's
/// cron is kept as the pipeline attribute `schedule` (a trailing `# zone` comment is not part of
/// YAML's data and is lost).
struct DataFlowImporter {
    /// The file named in diagnostics.
    let file: String
    /// The document's root mapping.
    let root: YAMLSourceNode

    /// The step kinds of the DataFlow node palette that a step may name.
    static let stepKinds = ["transform", "quality", "ai"]
    private static let bodyKeys: Set<String> = ["source", "steps", "target", "schedule"]
    private static let canonicalKeys: Set<String> = ["origin", "nodes", "provenance"]

    /// Whether `root` is in a DataFlow shape rather than the canonical one.
    static func accepts(_ root: YAMLSourceNode) -> Bool {
        if let body = root["pipeline"]?.entries {
            let keys = Set(body.map(\.key))
            return !keys.isDisjoint(with: bodyKeys) && keys.isDisjoint(with: canonicalKeys)
        }
        guard let keys = root.entries?.map(\.key) else { return false }
        return root["workflow"] == nil && !Set(keys).isDisjoint(with: bodyKeys)
    }

    /// The pipeline (nil when an error was found) and the diagnostics, notes for opaque steps included.
    func read() -> (Pipeline?, [Diagnostic]) {
        let file = file
        var builder = DataFlowPipelineBuilder(file: file, baseName: Self.baseName(of: file))
        builder.diagnostics = CanonicalDocumentReader.versionDiagnostics(of: root, file: file, required: false)
        let wrapped = root["pipeline"]
        if wrapped != nil {
            for entry in root.entries ?? [] where entry.key != "version" && entry.key != "pipeline" {
                builder.diagnostics.append(
                    YAMLDiagnostics.unknownKey(
                        "unknown key '\(entry.key)' at the top of the document",
                        at: SourceLocation(file: file, line: entry.line, column: entry.column),
                        fix: "move it into 'pipeline:' or remove it"))
            }
        }
        let pipeline = builder.build(wrapped ?? root, skipping: wrapped == nil ? ["version"] : [])
        return (builder.diagnostics.hasErrors ? nil : pipeline, builder.diagnostics)
    }

    /// The file name without folders and extension (the pipeline's name when it has none).
    static func baseName(of file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
