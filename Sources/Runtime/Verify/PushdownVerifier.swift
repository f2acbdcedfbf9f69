import Codegen
import Foundation
import IR

/// Verifies a pipeline by execution (issue 5): typed synthetic data that exercises every branch
/// (``SyntheticData``: NULLs, '' and blanks, boundaries, join and lookup keys that match and
/// miss) runs through the native runtime and through the pipeline's SQL on SQLite and PostgreSQL,
/// and each target's rows are compared as multisets with type-aware equality
/// (``TableComparer``). Targets the SQL lowering refuses are named with the node and the reason.
///
/// Every engine works in scratch space: SQLite files in a temporary folder, a new PostgreSQL
/// schema dropped afterwards. Schema names are dropped from sources, lookups and targets, so the
/// SQL reads the scratch tables.
public struct PushdownVerifier {
    /// The engines to run; the native run always happens (it is the reference).
    public var engines: [VerificationEngine]
    /// Synthetic rows per source and lookup table.
    public var rowsPerSource: Int
    /// The seed of the synthetic data.
    public var seed: UInt64
    /// Opens the PostgreSQL connection (a scratch schema is created in it and dropped).
    public var postgres: (() -> Result<any RelationalConnection, ConnectorError>)?
    /// The optimizer run before lowering; nil runs none.
    public var passes: PassManager?
    /// A folder of CSV files to run on instead of synthetic data (``VerificationData``).
    public var dataFolder: String?

    /// Creates a verifier.
    public init(
        engines: [VerificationEngine] = [.native, .sqlite], rowsPerSource: Int = 25, seed: UInt64 = 1,
        postgres: (() -> Result<any RelationalConnection, ConnectorError>)? = nil, passes: PassManager? = PassManager()
    ) {
        self.engines = engines
        self.rowsPerSource = rowsPerSource
        self.seed = seed
        self.postgres = postgres
        self.passes = passes
    }

    /// Verifies `pipeline` under the first session of `workflows` that runs it (its "Treat source
    /// rows as", "Enable high precision" and target options apply to both the native run and the
    /// SQL), or under PowerCenter's session defaults when none does.
    public func verify(_ pipeline: Pipeline, workflows: [Workflow] = []) -> VerificationReport {
        let session = workflows.lazy.compactMap { RunService.sessionTask(for: pipeline.name, in: $0) }.first
        return verify(pipeline, session: session)
    }

    /// Verifies `pipeline` under `session` (nil: the session defaults).
    func verify(_ pipeline: Pipeline, session: (spec: SessionSpec, attributes: [Attribute])?) -> VerificationReport {
        let prepared = Self.unqualified(pipeline)
        var engines = [VerificationEngine.native] + self.engines.filter { $0 != .native }
        if postgres == nil { engines.removeAll { $0 == .postgres } }
        var report = VerificationReport(
            pipeline: pipeline.name, engines: engines.map(\.rawValue), rowsPerSource: rowsPerSource, seed: seed)
        if pipeline.kind == .mapplet {
            // Its input and output boundaries get rows only from a mapping that uses it.
            let location = pipeline.provenance.location
            report.notPushedDown.append(
                VerificationReport.Refusal(
                    engine: engines.map(\.rawValue).joined(separator: ", "), target: pipeline.name,
                    node: pipeline.name, code: VerifyDiagnostics.mappletAlone.code.description,
                    message: "'\(pipeline.name)' is a mapplet, which runs only inside a mapping; it is verified "
                        + "where a mapping of the export uses it",
                    location: "\(location.file):\(location.line):\(location.column)"))
            report.decide()
            return report
        }
        let folder = NSTemporaryDirectory() + "migrate-verify-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            try FileManager.default.createDirectory(atPath: folder + "/files", withIntermediateDirectories: true)
            let settings = Self.settings(session)
            report.dataFolder = dataFolder
            var dataset: SyntheticDataset
            if let dataFolder {
                let files = VerificationFlatFiles.sourcesWithFiles(in: dataFolder, prepared, session: session?.spec)
                let (loaded, problems) = VerificationData.load(
                    folder: dataFolder, for: prepared, settings: settings, skipping: files)
                guard let loaded else {
                    report.problems += problems.map { "data: \($0.location.file):\($0.location.line): \($0.message)" }
                    report.decide()
                    return report
                }
                dataset = loaded
            } else {
                dataset = SyntheticData.generate(for: prepared, rowsPerSource: rowsPerSource, seed: seed)
            }
            report.fileSources = try VerificationFlatFiles.read(
                &dataset, prepared, session: session?.spec, settings: settings, folder: folder, dataFolder: dataFolder)
            guard let native = try runNative(prepared, dataset, folder, session?.spec, settings, &report) else {
                report.decide()
                return report
            }
            let optimized = passes?.run(prepared).pipeline ?? prepared
            let lowering = { (dialect: any SQLDialect) in
                Self.lowering(
                    dialect, optimized, session?.spec, highPrecision: settings.highPrecision,
                    stopOnErrors: SessionLowering.stopOnErrors(session))
            }
            for engine in engines where engine != .native {
                try runSQL(engine, optimized, dataset, folder, native: native, lowering, settings, &report)
            }
        } catch {
            report.problems.append("\(error)")
        }
        report.decide()
        return report
    }

    /// The pipeline with schema names dropped from sources, lookups and targets, and neither a key
    /// nor NOT NULL on a flat-file target's ports (a file has no key and writes NULL as an empty
    /// field, reference §2.20; the native run on synthetic data writes the target into a scratch
    /// table, which must then take every row the file would).
    static func unqualified(_ pipeline: Pipeline) -> Pipeline {
        var copy = pipeline
        for index in copy.nodes.indices {
            switch copy.nodes[index].op {
            case .source(var spec):
                spec.schema = nil
                copy.nodes[index].op = .source(spec)
            case .target(var spec):
                spec.schema = nil
                copy.nodes[index].op = .target(spec)
                guard spec.flatFile != nil else { continue }
                for port in copy.nodes[index].ports.indices {
                    copy.nodes[index].ports[port].key = nil
                    copy.nodes[index].ports[port].nullable = nil
                }
            default: break
            }
        }
        return copy
    }

    /// Runs the pipeline natively on `dataset`; the native database, or nil when the run failed
    /// (the reason is in `report`).
    func runNative(
        _ pipeline: Pipeline, _ dataset: SyntheticDataset, _ folder: String, _ session: SessionSpec?,
        _ settings: EvaluationSettings, _ report: inout VerificationReport
    ) throws -> SQLiteRelationalConnection? {
        let database = try SQLiteConnection(path: folder + "/native.sqlite")
        try SyntheticData.load(dataset, into: database)
        let connection = SQLiteRelationalConnection(database)
        let directories = ["PMTargetFileDir", "PMSourceFileDir", "PMLookupFileDir", "PMBadFileDir", "PMTempDir"]
        let file = ConnectionsFile(
            directories: Dictionary(uniqueKeysWithValues: directories.map { ($0, folder + "/files") }),
            baseDirectory: folder)
        // The built-in $PM… names, as `migrate run` gives them (the session named after the mapping).
        let options = PipelineRunOptions(
            runID: "verify", session: session,
            parameters: RunService.builtInParameters(pipeline, session: pipeline.name, workflow: nil),
            settings: settings, rejectFile: folder + "/native.bad")
        let result = PipelineExecutor.run(
            pipeline, resources: RunResources(file: file, scratch: connection, environment: [:]), options: options)
        guard result.succeeded else {
            let reason = result.diagnostics.first { $0.severity == .error }?.message ?? "the run failed"
            report.problems.append("native: \(reason)")
            return nil
        }
        return connection
    }

    /// The evaluation settings of `session` (its high precision and date format) over a fixed clock.
    static func settings(_ session: (spec: SessionSpec, attributes: [Attribute])?) -> EvaluationSettings {
        let now = DateTimeValue(day: 738_000, nanosecond: 0)
        return RunService.settings(
            EvaluationSettings(sessionStart: now, now: now, currentYear: 2024), session: session?.attributes ?? [])
    }

    /// The SQL lowering for `dialect` under `session` (``SessionLowering``), without Pre SQL and
    /// Post SQL: the native run leaves them out on scratch databases, and so does the SQL here.
    static func lowering(
        _ dialect: any SQLDialect, _ pipeline: Pipeline, _ session: SessionSpec?, highPrecision: Bool,
        stopOnErrors: Int = 0
    ) -> SQLPipelineLowering {
        var lowering = SessionLowering.lowering(
            dialect, pipeline, session, highPrecision: highPrecision, stopOnErrors: stopOnErrors)
        lowering.includesTargetSQL = false
        // SQL text from the export (overrides, filters) is left out of the native run on scratch data.
        lowering.includesSourceSQL = false
        return lowering
    }
}
