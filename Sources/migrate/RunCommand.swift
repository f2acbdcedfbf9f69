import ArgumentParser
import Codegen
import Foundation
import IR
import Importers
import Runtime

/// `migrate run`: runs a mapping or workflow natively, on real connections or synthetic data.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a mapping or workflow natively with PowerCenter's semantics.",
        discussion: """
            Reads an export (XML) or converted YAML documents. Targets are written in one transaction \
            per connection, committed at the end; node outputs are checkpointed under \
            <runs>/<RUN_ID>/ so --resume RUN_ID restarts a failed run. Exit 0 on success, 1 when a node \
            cannot run or the run fails (named, with the reason), 2 on a usage or IO error.
            """
    )

    @Argument(help: "An export file (.xml) or YAML documents (pipelines, workflows).")
    var inputs: [String]

    @Option(name: .long, help: "The mapping to run.")
    var mapping: String?

    @Option(name: .long, help: "The workflow to run.")
    var workflow: String?

    @Option(name: .long, help: "The connections file (YAML) mapping connection names to databases.")
    var connections: String?

    @Option(name: .long, help: "A PowerCenter parameter file.")
    var params: String?

    @Option(name: .long, help: "Print events as they happen: json (one object per line on standard output).")
    var events: EventsFormat?

    @Option(name: .long, help: "Resume the failed run RUN_ID from its checkpoints.")
    var resume: String?

    @Option(name: .long, help: "Run on N synthetic rows per source in a scratch database instead of connections.")
    var generate: Int?

    @Option(name: .long, help: "The seed of the synthetic data.")
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Run the commands of workflow command tasks (otherwise they are reported only).")
    var allowCommands = false

    @Option(name: .long, help: "The folder holding run folders.")
    var runs: String = ".migrate/runs"

    @Option(name: .long, help: "Rows per batch moved between nodes.")
    var batchSize: Int = 65_536

    @OptionGroup var common: CommonOptions

    enum EventsFormat: String, ExpressibleByArgument {
        case json
    }

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give an export file or YAML documents") }
        guard mapping == nil || workflow == nil else { throw ValidationError("give --mapping or --workflow, not both") }
        if let generate, generate < 0 { throw ValidationError("--generate must be 0 or more") }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1") }
        guard generate != nil || connections != nil else {
            throw ValidationError("give --connections FILE, or --generate N to run on synthetic data")
        }
    }

    func run() async throws {
        var diagnostics: [Diagnostic] = []
        var pipelines: [Pipeline] = []
        var workflows: [Workflow] = []
        for input in inputs {
            let loaded = RunInputs.load(input)
            pipelines += loaded.pipelines
            workflows += loaded.workflows
            diagnostics += loaded.diagnostics
        }
        var connectionsFile: ConnectionsFile?
        if let connections {
            let (file, problems) = ConnectionsFile.read(path: connections)
            diagnostics += problems
            guard let file else {
                common.printer.print(diagnostics)
                throw ExitCode(ExitStatus.usageOrIO)
            }
            connectionsFile = file
        }
        guard !diagnostics.hasErrors else {
            common.printer.print(diagnostics)
            throw ExitCode(ExitStatus.usageOrIO)
        }
        let parameterFile = try common.parameterFile(params, &diagnostics)
        let printEvents = events == .json
        // MIGRATE_TEST_KILL_AT=NODE makes the process SIGKILL itself right after NODE's checkpoint:
        // the crash tests use it to stop a run at a known point (they also kill at random points).
        let killAt = ProcessInfo.processInfo.environment["MIGRATE_TEST_KILL_AT"]
        var sink: (@Sendable (RunEvent) -> Void)?
        if printEvents || killAt != nil {
            sink = { event in
                if printEvents { StandardOutput.write(event.jsonLine + "\n") }
                if let killAt, event.event == "checkpoint", event.node == killAt { kill(getpid(), SIGKILL) }
            }
        }
        var request = RunRequest(
            pipelines: pipelines, workflows: workflows, mapping: mapping, workflow: workflow,
            connections: connectionsFile, generateRows: generate, seed: seed,
            allowCommands: allowCommands, runsDirectory: runs, resumeRunID: resume, batchSize: batchSize,
            events: sink)
        request.parameterFile = parameterFile
        let outcome = RunService.run(request)
        if printEvents {
            StandardOutput.write(RunSummary.json(outcome) + "\n")
        } else {
            StandardOutput.write(RunSummary.text(outcome))
        }
        let sessionDiagnostics = outcome.sessions.flatMap { $0.result.diagnostics }
        common.printer.print(diagnostics + outcome.diagnostics + sessionDiagnostics)
        if outcome.object.isEmpty && !outcome.diagnostics.isEmpty { throw ExitCode(ExitStatus.usageOrIO) }
        if !outcome.succeeded { throw ExitCode(ExitStatus.conversionErrors) }
    }
}

/// Reads what `migrate run` runs: an export through the importers, or canonical YAML documents.
enum RunInputs {
    static func load(_ path: String) -> (pipelines: [Pipeline], workflows: [Workflow], diagnostics: [Diagnostic]) {
        let lower = path.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
            guard let data = FileManager.default.contents(atPath: path) else {
                return ([], [], [CLIDiagnostics.unreadable(path)])
            }
            let (document, problems) = CanonicalYAML.parse(String(decoding: data, as: UTF8.self), file: path)
            switch document {
            case .pipeline(let pipeline): return ([pipeline], [], problems)
            case .workflow(let workflow): return ([], [workflow], problems)
            case .parameters, nil: return ([], [], problems)
            }
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            return ([], [], [CLIDiagnostics.unreadable(path)])
        }
        let result = PowerCenterImporter().importFile(atPath: path)
        return (result.pipelines, result.workflows, result.diagnostics.filter { $0.severity == .error })
    }
}

/// The end-of-run summary, as text or one JSON object.
enum RunSummary {
    static func text(_ outcome: RunOutcome) -> String {
        var text = "run \(outcome.runID): \(outcome.object.isEmpty ? "nothing run" : outcome.object) "
        text += outcome.succeeded ? "succeeded" : "FAILED"
        text += String(format: " in %.2f s\n", outcome.seconds)
        for (task, status, message) in outcome.tasks {
            text += "  task \(task): \(status)\(message.isEmpty ? "" : " (\(message))")\n"
        }
        for (task, result) in outcome.sessions {
            text += "  session \(task): \(result.succeeded ? "succeeded" : "failed")"
            if let node = result.failedNode { text += " at node '\(node)'" }
            text += String(format: " (%.2f s)\n", result.seconds)
            text +=
                "    " + pad("node", 32) + pad("rows in", 12) + pad("rows out", 12) + pad("rejected", 10) + "seconds\n"
            for (node, c) in result.counters.sorted(by: { $0.key < $1.key }) {
                text += "    " + pad(node, 32) + pad(String(c.rowsIn), 12) + pad(String(c.rowsOut), 12)
                text += pad(String(c.rowsRejected), 10) + String(format: "%.3f\n", c.seconds)
                if c.inserted + c.updated + c.deleted > 0 {
                    text += "      inserted \(c.inserted), updated \(c.updated), deleted \(c.deleted)\n"
                }
            }
            if result.rejected > 0 {
                text +=
                    "    rejected rows: \(result.rejected)\(result.rejectFile.map { " (written to \($0))" } ?? "")\n"
            }
            if !result.resumedNodes.isEmpty {
                text += "    resumed from checkpoints: \(result.resumedNodes.joined(separator: ", "))\n"
            }
            if !result.alreadyCommitted.isEmpty {
                text +=
                    "    already committed by an earlier attempt: \(result.alreadyCommitted.joined(separator: ", "))\n"
            }
        }
        if !outcome.succeeded && !outcome.object.isEmpty {
            text += "resume with: --resume \(outcome.runID)\n"
        }
        return text
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func json(_ outcome: RunOutcome) -> String {
        var sessions: [[String: Any]] = []
        for (task, result) in outcome.sessions {
            var counters: [String: Any] = [:]
            for (node, c) in result.counters {
                counters[node] = [
                    "rows_in": c.rowsIn, "rows_out": c.rowsOut, "rows_rejected": c.rowsRejected, "inserted": c.inserted,
                    "updated": c.updated, "deleted": c.deleted, "seconds": c.seconds,
                ]
            }
            sessions.append([
                "task": task, "succeeded": result.succeeded, "failed_node": result.failedNode ?? NSNull(),
                "rejected": result.rejected, "reject_file": result.rejectFile ?? NSNull(), "nodes": counters,
                "resumed_nodes": result.resumedNodes, "seconds": result.seconds,
            ])
        }
        let object: [String: Any] = [
            "event": "summary", "run": outcome.runID, "object": outcome.object, "succeeded": outcome.succeeded,
            "seconds": outcome.seconds, "sessions": sessions,
            "tasks": outcome.tasks.map { ["task": $0.task, "status": $0.status, "message": $0.message] },
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
