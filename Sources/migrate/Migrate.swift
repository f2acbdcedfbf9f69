import ArgumentParser
import Foundation

/// The `migrate` command-line tool: a thin layer over the libraries that parses arguments, reads and
/// writes files, renders diagnostics and maps outcomes to exit codes.
@main
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Convert legacy ETL exports (Informatica PowerCenter) into canonical DataFlow pipelines.",
        discussion: """
            Exit codes: 0 everything converted (or valid); 1 an object or file has errors (or warnings \
            under --strict); 2 a usage or IO error.
            """,
        subcommands: [
            Convert.self, Assess.self, Format.self, Check.self, ExprCommand.self, RunCommand.self, SQLCommand.self,
            ReconcileCommand.self, DiffCommand.self, VerifyCommand.self,
        ]
    )

    /// Runs the command, mapping argument errors to exit status 2 (ArgumentParser's default is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardError.write(fullMessage(for: error) + "\n")
                Foundation.exit(ExitStatus.usageOrIO)
            }
            exit(withError: error)
        }
    }
}

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "How to print diagnostics on standard error: text or json.")
    var diagnostics: DiagnosticsFormat = .text

    @Flag(name: .long, help: "Also print notes (text diagnostics show only warnings and errors by default).")
    var verbose = false

    /// The printer these options ask for.
    var printer: DiagnosticPrinter { DiagnosticPrinter(format: diagnostics, includeNotes: verbose) }
}

/// How diagnostics are printed.
enum DiagnosticsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// How a report is printed.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// The process exit codes.
enum ExitStatus {
    /// Everything converted or valid.
    static let success: Int32 = 0
    /// Some object or file has errors (or warnings under --strict).
    static let conversionErrors: Int32 = 1
    /// Usage or IO error.
    static let usageOrIO: Int32 = 2
}
