import Codegen
import Foundation
import IR

/// What to run and how: the library side of `migrate run` (the CLI only parses arguments and
/// prints), so that a server can run pipelines the same way.
public struct RunRequest: Sendable {
    /// The pipelines of the input (an export or YAML documents).
    public var pipelines: [Pipeline]
    /// The workflows of the input.
    public var workflows: [Workflow]
    /// The mapping to run, by name.
    public var mapping: String?
    /// The workflow to run, by name.
    public var workflow: String?
    /// The connections file, if any.
    public var connections: ConnectionsFile?
    /// Parameter values (`$$NAME` → text), from a parameter file.
    public var parameters: [String: String]
    /// A parameter file: each session gets the values of its most specific sections (reference
    /// §6.3), below `parameters`, which win.
    public var parameterFile: ParameterFile?
    /// Rows per source of synthetic data (`--generate`), or nil for real connections.
    public var generateRows: Int?
    /// The seed of the synthetic data.
    public var seed: UInt64
    /// Whether workflow command tasks run.
    public var allowCommands: Bool
    /// The folder holding run folders (`<runs>/<RUN_ID>/`).
    public var runsDirectory: String
    /// The run to resume, if any.
    public var resumeRunID: String?
    /// Rows per batch.
    public var batchSize: Int
    /// Receives events as they happen.
    public var events: (@Sendable (RunEvent) -> Void)?

    /// Creates a request.
    public init(
        pipelines: [Pipeline], workflows: [Workflow] = [], mapping: String? = nil, workflow: String? = nil,
        connections: ConnectionsFile? = nil, parameters: [String: String] = [:], generateRows: Int? = nil,
        seed: UInt64 = 1, allowCommands: Bool = false, runsDirectory: String = ".migrate/runs",
        resumeRunID: String? = nil, batchSize: Int = 65_536, events: (@Sendable (RunEvent) -> Void)? = nil
    ) {
        self.pipelines = pipelines
        self.workflows = workflows
        self.mapping = mapping
        self.workflow = workflow
        self.connections = connections
        self.parameters = parameters
        parameterFile = nil
        self.generateRows = generateRows
        self.seed = seed
        self.allowCommands = allowCommands
        self.runsDirectory = runsDirectory
        self.resumeRunID = resumeRunID
        self.batchSize = batchSize
        self.events = events
    }
}

extension RunRequest {
    /// The parameter values a session (the last element of `path`, after its worklets) or, with an
    /// empty path, the workflow itself sees: the parameter file's most specific sections for it,
    /// then the explicit `parameters` over them.
    func parameterValues(folder: String, workflow: String?, path: [String]) -> [String: String] {
        var values: [String: String] = [:]
        if let parameterFile {
            let identity = RunIdentity(
                folder: folder, workflow: workflow ?? "", worklets: Array(path.dropLast()),
                session: workflow == nil ? nil : path.last)
            for entry in parameterFile.values(for: identity) { values[entry.name] = entry.value }
        }
        for (name, value) in parameters { values[name] = value }
        return values
    }
}

/// The outcome of a `migrate run`.
public struct RunOutcome: Sendable {
    /// The run's identifier (give it to `--resume`).
    public var runID: String
    /// The run's folder (checkpoints, rejects).
    public var runDirectory: String
    /// The object run (`mapping NAME` or `workflow NAME`).
    public var object: String
    /// Whether everything ran.
    public var succeeded: Bool
    /// Each session's pipeline result, in the order they ran.
    public var sessions: [(task: String, result: PipelineRunResult)]
    /// Each workflow task's status line, in the order they ran (workflows only).
    public var tasks: [(task: String, status: String, message: String)]
    /// Problems that stopped the run before any session (unknown mapping, bad connections).
    public var diagnostics: [Diagnostic]
    /// Wall-clock seconds.
    public var seconds: Double
}

/// Runs mappings and workflows natively.
public enum RunService {
    /// Runs what `request` asks for.
    public static func run(_ request: RunRequest) -> RunOutcome {
        let started = Date()
        let runID = request.resumeRunID ?? newRunID()
        let directory = (request.runsDirectory as NSString).appendingPathComponent(runID)
        var outcome = RunOutcome(
            runID: runID, runDirectory: directory, object: "", succeeded: false, sessions: [], tasks: [],
            diagnostics: [], seconds: 0)
        let manifest = RunManifest.loadOrCreate(directory: directory, resuming: request.resumeRunID != nil)
        guard let manifest else {
            outcome.diagnostics.append(
                RunDiagnostics.unknownObject(
                    "there is no run '\(runID)' under '\(request.runsDirectory)' to resume",
                    at: SourceLocation(file: directory), fix: "give the RUN_ID a failed run printed"))
            return outcome
        }
        let settings = ExpressionRunner.settings(now: manifest.startTime, highPrecision: false)
        if request.mapping == nil,
            let name = request.workflow ?? (request.workflows.count == 1 ? request.workflows[0].name : nil),
            let workflow = request.workflows.first(where: { $0.name.uppercased() == name.uppercased() })
        {
            outcome.object = "workflow \(workflow.name)"
            WorkflowSessions.run(
                workflow, request: request, settings: settings, runID: runID, directory: directory, into: &outcome)
        } else if request.workflow == nil,
            let name = request.mapping
                ?? (request.workflows.isEmpty && request.pipelines.count == 1 ? request.pipelines[0].name : nil),
            let pipeline = request.pipelines.first(where: { $0.name.uppercased() == name.uppercased() })
        {
            outcome.object = "mapping \(pipeline.name)"
            let session = request.workflows.lazy.compactMap { sessionTask(for: pipeline.name, in: $0) }.first
            let result = runPipeline(
                pipeline, session: session?.spec, request: request,
                settings: Self.settings(settings, session: session?.attributes ?? []), runID: runID,
                directory: directory, label: pipeline.name,
                stopOnErrors: Self.stopOnErrors(session?.attributes ?? []))
            outcome.sessions.append((pipeline.name, result))
            outcome.succeeded = result.succeeded
        } else {
            let names = request.pipelines.map { "mapping \($0.name)" } + request.workflows.map { "workflow \($0.name)" }
            outcome.diagnostics.append(
                RunDiagnostics.unknownObject(
                    "the input has no \(request.workflow.map { "workflow '\($0)'" } ?? request.mapping.map { "mapping '\($0)'" } ?? "mapping or workflow")",
                    at: SourceLocation(file: ""), fix: "choose one of: \(names.joined(separator: ", "))"))
        }
        outcome.seconds = Date().timeIntervalSince(started)
        return outcome
    }

    /// A new run identifier: the UTC time and a random suffix.
    static func newRunID() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: Date()) + "-" + String(UInt32.random(in: 0..<UInt32.max), radix: 16)
    }

    /// The first session task of `workflow` (or its worklets) that runs `pipeline`.
    static func sessionTask(for pipeline: String, in workflow: Workflow) -> (
        spec: SessionSpec, attributes: [Attribute]
    )? {
        workflow.sessionTask(running: pipeline)
    }

    /// `settings` with the session's own: "Enable high precision" (decimal ports hold exact
    /// decimals rather than doubles, reference §4.4) and its configuration's "DateTime Format String"
    /// (the format TO_DATE and TO_CHAR use without one).
    static func settings(_ settings: EvaluationSettings, session attributes: [Attribute]) -> EvaluationSettings {
        var adjusted = settings
        if let value = attribute("Enable high precision", attributes) {
            adjusted.highPrecision = value.uppercased() == "YES"
        }
        if let format = attribute("DateTime Format String", attributes), !format.isEmpty {
            adjusted.dateTimeFormat = format
        }
        return adjusted
    }

    /// The session's "Stop on errors" (0: never stop).
    static func stopOnErrors(_ attributes: [Attribute]) -> Int {
        SessionLowering.stopOnErrors(attributes)
    }

    /// A session attribute, from the session itself or its configuration object (`config:` prefix).
    static func attribute(_ name: String, _ attributes: [Attribute]) -> String? {
        attributes.sessionValue(name)
    }

    /// Runs one pipeline (a session or `--mapping`), with synthetic data when asked.
    static func runPipeline(
        _ pipeline: Pipeline, session: SessionSpec?, request: RunRequest, settings: EvaluationSettings, runID: String,
        directory: String, label: String, workflowName: String? = nil, stopOnErrors: Int = 0
    ) -> PipelineRunResult {
        let safe = String(label.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" })
        var scratch: (any RelationalConnection)?
        if let rows = request.generateRows {
            let path = directory + "/\(safe).scratch.sqlite"
            let fresh = !FileManager.default.fileExists(atPath: path)
            do {
                let connection = try SQLiteConnection(path: path)
                if fresh {
                    let dataset = SyntheticData.generate(for: pipeline, rowsPerSource: rows, seed: request.seed)
                    try SyntheticData.load(dataset, into: connection)
                }
                scratch = SQLiteRelationalConnection(connection)
            } catch {
                return PipelineRunResult(
                    succeeded: false, runID: runID, counters: [:], failedNode: nil, rejected: 0, rejectFile: nil,
                    resumedNodes: [],
                    diagnostics: [
                        RunDiagnostics.readFailed(
                            "cannot create the synthetic data of '\(pipeline.name)': \(error)",
                            at: pipeline.provenance.location, fix: "check the run directory")
                    ], seconds: 0, alreadyCommitted: [])
            }
        }
        let resources = RunResources(file: request.connections, scratch: scratch)
        var parameters = request.parameterValues(
            folder: pipeline.origin.path.segments.first { $0.kind == "FOLDER" }?.name ?? "",
            workflow: workflowName, path: label.split(separator: "/").map(String.init))
        let builtins = Self.builtInParameters(pipeline, session: label, workflow: workflowName)
        for (name, value) in builtins where parameters[name] == nil { parameters[name] = value }
        var options = PipelineRunOptions(
            runID: runID + (label == pipeline.name ? "" : "/" + label), session: session,
            parameters: parameters, settings: settings,
            batchSize: request.batchSize, checkpointDirectory: directory + "/checkpoints/" + safe,
            rejectFile: directory + "/" + safe + ".bad", events: request.events)
        options.stopOnErrors = stopOnErrors
        return PipelineExecutor.run(pipeline, resources: resources, options: options)
    }
}

extension RunService {
    /// The built-in `$PM…` names a run of `pipeline` gives its expressions: the folder, mapping,
    /// session and workflow names, `migrate` for the services and, without `USER`, the user; and
    /// `$PM<instance>@TableName`, each source and target instance's table as its definition names
    /// it (BELIEVED: a session's table name override is not applied; docs/believed-behaviours.md).
    public static func builtInParameters(_ pipeline: Pipeline, session: String, workflow: String?) -> [String: String] {
        var names = [
            "$PMFolderName": pipeline.origin.path.segments.first { $0.kind == "FOLDER" }?.name ?? "",
            "$PMMappingName": pipeline.name, "$PMSessionName": session, "$PMWorkflowName": workflow ?? "",
            "$PMRepositoryServiceName": "migrate", "$PMIntegrationServiceName": "migrate",
            "$PMRepositoryUserName": ProcessInfo.processInfo.environment["USER"] ?? "migrate",
        ]
        for node in pipeline.nodes {
            switch node.op {
            case .source(let spec): names["$PM\(node.id)@TableName"] = spec.table
            case .target(let spec): names["$PM\(node.id)@TableName"] = spec.table
            default: continue
            }
        }
        return names
    }
}

/// The run folder's `run.json`: the run's fixed start time, so a resumed run computes
/// SESSSTARTTIME and SYSDATE-based values exactly as the first attempt did.
struct RunManifest {
    let startTime: DateTimeValue

    static func loadOrCreate(directory: String, resuming: Bool) -> RunManifest? {
        let path = directory + "/run.json"
        if let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let day = object["start_day"] as? Int, let nanosecond = object["start_nanosecond"] as? Int
        {
            return RunManifest(startTime: DateTimeValue(day: Int32(day), nanosecond: Int64(nanosecond)))
        }
        if resuming { return nil }
        let now = ExpressionRunner.localDateTime(Date())
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let object: [String: Any] = ["start_day": Int(now.day), "start_nanosecond": Int(now.nanosecond)]
        if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
            _ = FileManager.default.createFile(atPath: path, contents: data)
        }
        return RunManifest(startTime: now)
    }
}

/// Runs a workflow's tasks with ``WorkflowRunner``; sessions run their mappings natively.
enum WorkflowSessions {
    static func run(
        _ workflow: Workflow, request: RunRequest, settings: EvaluationSettings, runID: String, directory: String,
        into outcome: inout RunOutcome
    ) {
        var options = WorkflowRunOptions(
            allowCommands: request.allowCommands,
            parameters: request.parameterValues(
                folder: workflow.origin.path.segments.first { $0.kind == "FOLDER" }?.name ?? "",
                workflow: workflow.name,
                path: []),
            now: settings.sessionStart)
        options.clock = { ExpressionRunner.localDateTime(Date()) }
        var runner = WorkflowRunner(workflow: workflow, options: options)
        var sessions = SessionTaskRunner(
            workflow: workflow, request: request, settings: settings, runID: runID, directory: directory)
        let result = runner.run(using: &sessions)
        outcome.sessions = sessions.results
        outcome.tasks = result.tasks.map { record in
            let label = record.path.joined(separator: "/")
            let message =
                sessions.resumedSessions.contains(label)
                ? "completed by an earlier attempt, not run again" : record.result.errorMessage
            return (label, record.result.status.rawValue, message)
        }
        for path in result.notRun { outcome.tasks.append((path.joined(separator: "/"), "NOT RUN", "")) }
        outcome.diagnostics += result.diagnostics
        outcome.succeeded = result.status == .succeeded && sessions.results.allSatisfy { $0.result.succeeded }
    }
}

/// Runs each session task's mapping with ``PipelineExecutor`` and turns its counters into the
/// task variables links test (`$s.Status`, `$s.TgtSuccessRows`...).
struct SessionTaskRunner: WorkflowTaskRunner {
    let workflow: Workflow
    let request: RunRequest
    let settings: EvaluationSettings
    let runID: String
    let directory: String
    var results: [(task: String, result: PipelineRunResult)] = []
    /// The sessions an earlier attempt of the run completed, skipped by this one.
    var resumedSessions: [String] = []
    let started = Date()

    mutating func runSession(_ task: WorkflowTask, _ session: SessionSpec, path: [String]) -> TaskRunResult {
        let start = ExpressionRunner.localDateTime(Date())
        let label = path.joined(separator: "/")
        guard let pipeline = request.pipelines.first(where: { $0.name.uppercased() == session.pipeline.uppercased() })
        else {
            return TaskRunResult(
                status: .failed, startTime: start, endTime: start, errorCode: 1,
                errorMessage: "mapping '\(session.pipeline)' of session '\(task.name)' is not in the input")
        }
        let marker = directory + "/sessions/" + label.replacingOccurrences(of: "/", with: "__") + ".done"
        if let done = Self.completed(marker) {
            // An earlier attempt of this run finished this session: resume does not run it again.
            request.events?(
                RunEvent(
                    event: "task-resumed", run: runID, object: workflow.name, node: label, status: "SUCCEEDED",
                    message: "completed by an earlier attempt", elapsed: Date().timeIntervalSince(started)))
            resumedSessions.append(label)
            return done
        }
        let result = RunService.runPipeline(
            pipeline, session: session, request: request,
            settings: RunService.settings(settings, session: task.attributes), runID: runID, directory: directory,
            label: label, workflowName: workflow.name, stopOnErrors: RunService.stopOnErrors(task.attributes))
        results.append((label, result))
        let targets = result.counters.filter { id, _ in
            pipeline.node(id: id).map { if case .target = $0.op { true } else { false } } ?? false
        }
        let sources = result.counters.filter { id, _ in
            pipeline.node(id: id).map { if case .sourceQuery = $0.op { true } else { false } } ?? false
        }
        let failure = result.diagnostics.first { $0.severity == .error }
        let outcome = TaskRunResult(
            status: result.succeeded ? .succeeded : .failed, startTime: start,
            endTime: ExpressionRunner.localDateTime(Date()),
            srcSuccessRows: Int64(sources.values.reduce(0) { $0 + $1.rowsOut }),
            srcFailedRows: Int64(sources.values.reduce(0) { $0 + $1.rowsRejected }),
            tgtSuccessRows: Int64(targets.values.reduce(0) { $0 + $1.rowsOut }),
            tgtFailedRows: Int64(targets.values.reduce(0) { $0 + $1.rowsRejected }),
            totalTransErrors: Int64(result.rejected), errorCode: result.succeeded ? 0 : 1,
            errorMessage: failure.map { "[\($0.code)] \($0.message)" } ?? "")
        if result.succeeded { Self.record(outcome, at: marker) }
        return outcome
    }

    /// The result a completed session left at `path`, if it did.
    static func completed(_ path: String) -> TaskRunResult? {
        guard let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Int64]
        else { return nil }
        func time(_ key: String) -> DateTimeValue {
            DateTimeValue(day: Int32(object[key + "_day"] ?? 0), nanosecond: object[key + "_nanosecond"] ?? 0)
        }
        return TaskRunResult(
            status: .succeeded, startTime: time("start"), endTime: time("end"),
            srcSuccessRows: object["src_success_rows"] ?? 0, srcFailedRows: object["src_failed_rows"] ?? 0,
            tgtSuccessRows: object["tgt_success_rows"] ?? 0, tgtFailedRows: object["tgt_failed_rows"] ?? 0,
            totalTransErrors: object["total_trans_errors"] ?? 0)
    }

    /// Records a completed session's task variables, so a resumed workflow skips it with the
    /// same values for the links that test them.
    static func record(_ result: TaskRunResult, at path: String) {
        let object: [String: Int64] = [
            "start_day": Int64(result.startTime.day), "start_nanosecond": result.startTime.nanosecond,
            "end_day": Int64(result.endTime.day), "end_nanosecond": result.endTime.nanosecond,
            "src_success_rows": result.srcSuccessRows, "src_failed_rows": result.srcFailedRows,
            "tgt_success_rows": result.tgtSuccessRows, "tgt_failed_rows": result.tgtFailedRows,
            "total_trans_errors": result.totalTransErrors,
        ]
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
            _ = FileManager.default.createFile(atPath: path, contents: data)
        }
    }

    mutating func event(_ event: WorkflowEvent) {
        request.events?(
            RunEvent(
                event: "task-" + event.kind.rawValue, run: runID, object: workflow.name,
                node: event.path.joined(separator: "/"), status: event.status?.rawValue,
                message: event.message.isEmpty ? nil : event.message, elapsed: Date().timeIntervalSince(started)))
    }
}
