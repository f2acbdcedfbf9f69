import ArgumentParser
import Codegen
import Foundation
import IR
import Runtime

/// `migrate verify`: runs a pipeline natively and as SQL on synthetic data and compares the targets.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Run mappings natively and as SQL (SQLite, PostgreSQL) on synthetic data; compare the targets.",
        discussion: """
            The synthetic data covers NULLs, empty and blank strings, boundaries, and join and lookup \
            keys that match and miss. Targets are compared as multisets with type-aware equality; the \
            first differing rows are shown. A target the SQL lowering refuses is named with the node \
            and the reason. A flat-file source's rows are written to a file in its own layout (or taken \
            from --data DIR) and read back with the runtime's flat-file reader, for the native run and \
            for the SQL's staging table alike (rejected records are counted); a flat-file target's \
            query rows are compared with the rows the native run gives its writer. PostgreSQL needs --connections and --postgres NAME (a scratch schema is \
            created and dropped). Errors in the inputs are printed and each mapping is still verified as \
            imported. Exit 0 when every engine agrees (targets not pushed down are named, not \
            failures), 1 when an engine differs or fails or the inputs have errors, 2 on a usage or IO \
            error (no mapping to verify among them).
            """
    )

    @Argument(help: "An export file (.xml) or YAML pipeline documents.")
    var inputs: [String]

    @Option(name: .long, help: "Only this mapping.")
    var mapping: String?

    @Option(name: .long, help: "Engines, comma-separated: native, sqlite, postgres.")
    var engines: String = "native,sqlite"

    @Option(name: .long, help: "Synthetic rows per source table.")
    var generate: Int = 25

    @Option(name: .long, help: "The seed of the synthetic data.")
    var seed: UInt64 = 1

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Run on CSV files instead of synthetic data: one per source and lookup table (TABLE.csv, header row); a flat-file source may instead have its own file, named as the session names it.",
            valueName: "DIR"))
    var data: String?

    @Option(name: .long, help: "The connections file holding the PostgreSQL connection.")
    var connections: String?

    @Option(name: .long, help: "The PostgreSQL connection's name in the connections file.")
    var postgres: String?

    @Option(name: .long, help: "An optimizer pass not to run before lowering (repeatable).")
    var disablePass: [String] = []

    @Option(name: .long, help: "How to print the reports: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard generate > 0 else { throw ValidationError("--generate must be positive") }
    }

    func run() throws {
        var chosen: [VerificationEngine] = []
        for name in engines.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let engine = VerificationEngine(rawValue: name) else {
                throw ValidationError("unknown engine '\(name)': use native, sqlite, postgres")
            }
            chosen.append(engine)
        }
        let unknownPasses = PassManager.validate(disablePass)
        guard unknownPasses.isEmpty else {
            common.printer.print(unknownPasses)
            throw ExitCode(ExitStatus.usageOrIO)
        }
        var pipelines: [Pipeline] = []
        var workflows: [Workflow] = []
        var diagnostics: [Diagnostic] = []
        for input in inputs {
            let loaded = RunInputs.load(input)
            pipelines += loaded.pipelines
            workflows += loaded.workflows
            diagnostics += loaded.diagnostics
        }
        let names = pipelines.map(\.name)
        if let mapping { pipelines = pipelines.filter { $0.name == mapping } }
        guard !pipelines.isEmpty else {
            common.printer.print(diagnostics)
            if let mapping, !names.isEmpty {
                StandardError.write(
                    "verify: no mapping named '\(mapping)'; the inputs hold \(names.map { "'\($0)'" }.joined(separator: ", "))\n"
                )
            } else {
                StandardError.write(
                    "verify: no mapping to verify: the inputs hold \(workflows.count) workflow(s) and no mapping; "
                        + "verify the export that defines the mappings\n")
            }
            throw ExitCode(ExitStatus.usageOrIO)
        }
        // Errors in the inputs (a transformation that is not convertible, a broken connector) are
        // printed, and each mapping is still verified as imported, so that the report names what
        // runs and what does not; the exit status is then 1.
        if diagnostics.hasErrors { common.printer.print(diagnostics) }
        var verifier = PushdownVerifier(
            engines: chosen, rowsPerSource: generate, seed: seed, postgres: try postgresOpener(chosen),
            passes: PassManager(disabled: Set(disablePass)))
        if let data {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: data, isDirectory: &isFolder), isFolder.boolValue else {
                common.printer.print([CLIDiagnostics.unreadable(data)])
                throw ExitCode(ExitStatus.usageOrIO)
            }
            verifier.dataFolder = data
        }
        var failed = false
        var reports: [String] = []
        for pipeline in pipelines {
            let report = verifier.verify(pipeline, workflows: workflows)
            failed = failed || report.verdict == .differ || report.verdict == .failed
            reports.append(format == .json ? report.json : report.text)
        }
        StandardOutput.write(format == .json ? "[\n" + reports.joined(separator: ",\n") + "]\n" : reports.joined())
        if diagnostics.hasErrors {
            StandardError.write("verify: the inputs have errors (above); each mapping was verified as imported\n")
        }
        if failed || diagnostics.hasErrors { throw ExitCode(ExitStatus.conversionErrors) }
    }

    /// Opens the PostgreSQL connection named by --postgres in --connections, when postgres is asked for.
    func postgresOpener(_ engines: [VerificationEngine]) throws -> (
        () -> Result<any RelationalConnection, ConnectorError>
    )? {
        guard engines.contains(.postgres) else { return nil }
        guard let connections, let postgres else {
            throw ValidationError("the postgres engine needs --connections FILE and --postgres NAME")
        }
        let (file, problems) = ConnectionsFile.read(path: connections)
        guard let file, !problems.hasErrors, let entry = file.connections[postgres] else {
            common.printer.print(problems)
            if problems.isEmpty { StandardError.write("verify: connection '\(postgres)' is not in \(connections)\n") }
            throw ExitCode(ExitStatus.usageOrIO)
        }
        return {
            let (connection, problems) = ConnectorRegistry.standard.open(entry)
            guard let connection else {
                return .failure(ConnectorError(code: "RT0457", message: problems.first?.message ?? "cannot connect"))
            }
            return .success(connection)
        }
    }
}
