import ArgumentParser
import Codegen
import Foundation
import IR

/// `migrate diff`: the semantic diff of two versions of a pipeline (or two folders of them) for
/// reviewers, as text, JSON, Mermaid, SVG or self-contained HTML.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two pipelines (or two folders of them), ignoring formatting.",
        discussion: """
            OLD and NEW are PowerCenter exports (.xml) or canonical pipeline documents (.yaml), or two \
            folders of them (searched recursively; pipelines and workflows pair by name). Nodes pair by \
            id, then by provenance, then by similarity, so a renamed transformation is a rename. \
            Expressions compare as parsed trees: white space, keyword case, comments and redundant \
            parentheses are no change. Formats: text (coloured on a terminal unless NO_COLOR is set), \
            json (the edit script), mermaid, svg (the first changed pipeline's DAG) and html (a \
            self-contained page). Exit codes: 0 no semantic change; 1 some change; 2 a usage or input \
            error.
            """
    )

    /// The output formats.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, html, svg, mermaid
    }

    @Argument(help: "The old version: a file or a folder.")
    var old: String

    @Argument(help: "The new version: a file or a folder of the same kind.")
    var new: String

    @Option(name: .long, help: "Output format: text, json, html, svg or mermaid.")
    var format: OutputFormat = .text

    @Option(name: .long, help: ArgumentHelp("Write the output to FILE instead of standard output.", valueName: "FILE"))
    var out: String?

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let inputs = DiffInputs.load(old: old, new: new)
        common.printer.print(inputs.diagnostics)
        guard let oldSide = inputs.old, let newSide = inputs.new else { throw ExitCode(ExitStatus.usageOrIO) }
        let report = DiffReport.compare(
            oldPipelines: oldSide.pipelines, newPipelines: newSide.pipelines, oldWorkflows: oldSide.workflows,
            newWorkflows: newSide.workflows)
        let output = render(report)
        if let out {
            do {
                try Data(output.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                common.printer.print([CLIDiagnostics.unwritable(out, error)])
                throw ExitCode(ExitStatus.usageOrIO)
            }
        } else {
            StandardOutput.write(output)
        }
        if report.hasChanges { throw ExitCode(ExitStatus.conversionErrors) }
    }

    /// The report in the chosen format.
    func render(_ report: DiffReport) -> String {
        switch format {
        case .text: return DiffTextRenderer(colour: out == nil && Self.terminalWantsColour).render(report)
        case .json: return DiffJSONRenderer.render(report)
        case .mermaid: return DiffMermaidRenderer.render(report)
        case .html: return DiffHTMLRenderer.render(report, title: "diff \(old) → \(new)")
        case .svg:
            let changed = Set(report.pipelines.map(\.newName))
            let first = report.comparisons.first { changed.contains($0.diff.newName) } ?? report.comparisons.first
            return first.map(DiffSVGRenderer.render) ?? DiffSVGRenderer.renderEmpty()
        }
    }

    /// Colour only on a terminal, and never when NO_COLOR is set.
    static var terminalWantsColour: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}

/// The pipelines and workflows of one side of a diff.
struct DiffSide {
    var pipelines: [Pipeline] = []
    var workflows: [Workflow] = []
}

/// Loads the two sides of a diff: two files, or two folders searched recursively for exports and
/// pipeline documents. A side is nil when it cannot be compared (its reason is a diagnostic).
enum DiffInputs {
    static func load(old: String, new: String) -> (old: DiffSide?, new: DiffSide?, diagnostics: [Diagnostic]) {
        let oldIsFolder = isFolder(old)
        let newIsFolder = isFolder(new)
        var diagnostics: [Diagnostic] = []
        for path in [old, new] where oldIsFolder == nil || newIsFolder == nil {
            if isFolder(path) == nil { diagnostics.append(DiffDiagnostics.missing(path)) }
        }
        guard let oldIsFolder, let newIsFolder else { return (nil, nil, diagnostics) }
        guard oldIsFolder == newIsFolder else { return (nil, nil, [DiffDiagnostics.mixed(old: old, new: new)]) }
        let (oldSide, oldProblems) = side(old, folder: oldIsFolder)
        let (newSide, newProblems) = side(new, folder: newIsFolder)
        diagnostics = oldProblems + newProblems
        guard !diagnostics.hasErrors else { return (nil, nil, diagnostics) }
        diagnostics += DiffDiagnostics.duplicates(in: oldSide.pipelines)
        diagnostics += DiffDiagnostics.duplicates(in: newSide.pipelines)
        return (oldSide, newSide, diagnostics)
    }

    /// Whether `path` is a folder (nil when it does not exist).
    static func isFolder(_ path: String) -> Bool? {
        var directory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &directory) else { return nil }
        return directory.boolValue
    }

    private static func side(_ path: String, folder: Bool) -> (DiffSide, [Diagnostic]) {
        var side = DiffSide()
        var diagnostics: [Diagnostic] = []
        for file in folder ? files(in: path) : [path] {
            let loaded = RunInputs.load(file)
            side.pipelines += loaded.pipelines
            side.workflows += loaded.workflows
            diagnostics += loaded.diagnostics
        }
        if side.pipelines.isEmpty && side.workflows.isEmpty && !diagnostics.hasErrors {
            diagnostics.append(DiffDiagnostics.empty(path))
        }
        return (side, diagnostics)
    }

    /// The `.xml`, `.yaml` and `.yml` files under `folder`, sorted.
    static func files(in folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let lower = relative.lowercased()
            guard lower.hasSuffix(".xml") || lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") else { continue }
            let full = (folder as NSString).appendingPathComponent(relative)
            if isFolder(full) == false { result.append(full) }
        }
        return result.sorted()
    }
}
