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

    @Flag(
        name: .long,
        help:
            "Verify each mapping by execution (native against its SQLite SQL, on synthetic data) and record the verdict."
    )
    var verify = false

    @Option(name: .long, help: "Synthetic rows per source for --verify.")
    var verifyRows: Int = 25

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
        var result = await converter.run(files) { progress.update($0) }
        progress.finish()
        if verify { result = Self.verified(result, rows: verifyRows) }

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

extension Convert {
    /// `report` with each converted mapping verified by execution: the verdict recorded on the
    /// object, and its confidence halved when the SQL computed other rows or failed.
    static func verified(_ report: ConversionReport, rows: Int) -> ConversionReport {
        var report = report
        // The `.sql` files convert writes are lowered after the optimizer's passes (BatchSQL): the
        // verdict must be about that SQL.
        let verifier = PushdownVerifier(
            engines: [.native, .sqlite], rowsPerSource: rows, seed: 1, passes: PassManager())
        for f in report.files.indices where report.files[f].objects.contains(where: { $0.kind == "mapping" }) {
            let imported = PowerCenterImporter().importFile(atPath: report.files[f].file)
            for o in report.files[f].objects.indices where report.files[f].objects[o].kind == "mapping" {
                let object = report.files[f].objects[o]
                guard
                    let pipeline = imported.pipelines.first(where: {
                        $0.name == object.name && $0.origin.path == object.path
                    })
                else { continue }
                let outcome = verifier.verify(pipeline, workflows: imported.workflows)
                let record = ObjectVerification(
                    verdict: outcome.verdict.rawValue, engines: outcome.engines,
                    agreeing: outcome.targets.filter { $0.comparisons.values.allSatisfy(\.isEqual) }.count,
                    notPushedDown: outcome.notPushedDown.count, detail: detail(outcome))
                report.files[f].objects[o].verification = record
                if record.lowersConfidence {
                    report.files[f].objects[o].confidence = (object.confidence * 50).rounded() / 100
                }
            }
        }
        return report
    }

    /// The first problem, difference or target kept in the runtime, as one line.
    static func detail(_ report: VerificationReport) -> String? {
        if let problem = report.problems.first { return problem }
        for target in report.targets {
            for (engine, comparison) in target.comparisons.sorted(by: { $0.key < $1.key }) where !comparison.isEqual {
                return
                    "\(target.target) on \(engine): \(comparison.missing) native rows missing, \(comparison.extra) extra"
            }
        }
        if let refusal = report.notPushedDown.first {
            return
                "\(refusal.target) kept in the runtime at node '\(refusal.node)': [\(refusal.code)] \(refusal.message)"
        }
        return nil
    }
}
