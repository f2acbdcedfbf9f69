import ArgumentParser
import Codegen
import Foundation
import IR
import Importers
import Runtime

/// `migrate convert`: converts exports into canonical YAML, in parallel, with a report.
struct Convert: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert export files or folders into canonical YAML pipelines and workflows.",
        discussion: """
            Writes OUT/<input>/<FOLDER>/<mapping>.pipeline.yaml and <workflow>.workflow.yaml. \
            One bad file never stops the batch. Exit 0 when every object converted, 1 when any object \
            has errors (or warnings with --strict), 2 on a usage or IO error.
            """
    )

    @Argument(help: "Export files, or folders searched recursively.")
    var inputs: [String]

    @Option(name: .long, help: "The folder to write YAML into (created if needed).")
    var out: String

    @Option(name: .long, help: "How many files to convert at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Report format on standard output: text or json.")
    var report: ReportFormat = .text

    @Flag(name: .long, help: "Treat warnings as failures for the exit code.")
    var strict = false

    @Option(
        name: .long,
        help:
            "Also write each mapping's SQL, one .sql file per dialect next to its YAML (comma-separated: \(SQLDialects.all.map(\.name).joined(separator: ", ")))."
    )
    var dialect: String?

    @OptionGroup var common: CommonOptions

    /// The dialects --dialect names.
    func sqlDialects() throws -> [any SQLDialect] {
        guard let dialect else { return [] }
        return try dialect.split(separator: ",").map { name in
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let found = SQLDialects.named(trimmed) else {
                throw ValidationError(
                    "unknown dialect '\(trimmed)': use \(SQLDialects.all.map(\.name).joined(separator: ", "))")
            }
            return found
        }
    }

    func validate() throws {
        _ = try sqlDialects()
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard !inputs.isEmpty else { throw ValidationError("give at least one export file or folder") }
    }

    func run() async throws {
        let (files, discoveryProblems) = InputDiscovery.discover(inputs)
        var converter = BatchConverter(
            stages: ImportStages.all, outputFolder: out, jobs: jobs, checks: [ExpressionTypingCheck()])
        converter.dialects = try sqlDialects()
        let progress = ProgressDisplay(total: files.count)
        let result = await converter.run(files) { progress.update($0) }
        progress.finish()

        switch report {
        case .json: StandardOutput.write(JSONOutput.encode(result) + "\n")
        case .text: StandardOutput.write(ReportText.render(result, outputFolder: out))
        }
        common.printer.print(discoveryProblems + result.diagnostics)

        let ioProblem =
            !discoveryProblems.isEmpty
            || result.diagnostics.contains { ["CG0103", "CG0104"].contains($0.code.rawValue) }
        if ioProblem { throw ExitCode(ExitStatus.usageOrIO) }
        let failed = result.notConverted > 0 || result.diagnostics.hasErrors
        let warned = result.convertedWithWarnings > 0 || result.diagnostics.contains { $0.severity == .warning }
        if failed || (strict && warned) { throw ExitCode(ExitStatus.conversionErrors) }
    }
}

/// The importers the CLI offers, in the order they are tried.
enum ImportStages {
    static let all: [any ImportStage] = [PowerCenterImporter(), ParameterFileImporter()]
}
