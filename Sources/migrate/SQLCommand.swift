import ArgumentParser
import Codegen
import Foundation
import IR
import Importers
import Runtime

/// `migrate sql`: prints the SQL that loads each target of a mapping in one dialect, and says on
/// standard error which target loads stay in the runtime and why.
struct SQLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Print push-down SQL for a mapping's targets in one dialect.",
        discussion: """
            Reads an export (XML) or a converted pipeline (YAML). Prints one statement per target load \
            path (INSERT INTO target … SELECT …, with one common table per transformation; MERGE, \
            INSERT … ON CONFLICT or UPDATE then INSERT for targets written by key), each after a \
            comment naming the mapping and the target and ended by ';'. A flat-file source is read by the \
            runtime into a staging table (STG_<source>; its CREATE TABLE is printed after a comment saying \
            so) and a flat-file target's rows are a query whose rows the runtime writes to the file (printed \
            after a comment saying so, without INSERT); a note (CG2101, CG2102) names each. SQL text from \
            the export (a source qualifier's SQL override, source filter or user-defined join, a lookup's \
            SQL override or source filter) is emitted verbatim, only in the dialect of the database it was \
            written for, its parameters taken from --params; a warning (CG2090) shows each for review. \
            What a dialect cannot compute exactly is not printed: a diagnostic names the node and the \
            reason. Dialects: \
            \(SQLDialects.all.map(\.name).joined(separator: ", ")). Exit codes: 0 every target pushed \
            down; 1 some target stays in the runtime; 2 a usage or input error.
            """
    )

    @Argument(help: "An export file (.xml) or a pipeline YAML document.")
    var input: String

    @Option(name: .long, help: "The SQL dialect.")
    var dialect: String

    @Option(name: .long, help: "The mapping (default: every mapping of the input).")
    var mapping: String?

    @Option(name: .long, help: ArgumentHelp("A target loaded by truncate-insert.", valueName: "TARGET"))
    var truncate: [String] = []

    @Option(
        name: .customLong("treat-rows-as"),
        help: ArgumentHelp(
            "The session's 'Treat source rows as': insert, update, delete or data-driven (default: the session's in the export, else insert).",
            valueName: "KIND"))
    var treatRowsAs: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A target loaded with 'Update else Insert' (rows flagged update are upserted).", valueName: "TARGET"))
    var upsert: [String] = []

    @Flag(name: .customLong("high-precision"), help: "Enable high precision (decimals keep 28 digits).")
    var highPrecision = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A PowerCenter parameter file: its values (the sections for the mapping's session) are substituted into the SQL overrides, source filters and joins emitted verbatim.",
            valueName: "FILE"))
    var params: String?

    @Option(name: .long, help: ArgumentHelp("Print SQL for this transformation's rows instead.", valueName: "NODE"))
    var node: String?

    @Flag(name: .long, help: "With --node: its first --rows rows, in the dialect's limit syntax.")
    var preview = false

    @Flag(
        name: .long, help: "With --node: a profile of its columns (type, NULLs, distinct values, min/max, top values).")
    var profile = false

    @Option(name: .long, help: "Rows of a --preview.")
    var rows: Int = 100

    @Option(name: .long, help: ArgumentHelp("An optimizer pass not to run (repeatable).", valueName: "NAME"))
    var disablePass: [String] = []

    @Option(
        name: .long, help: ArgumentHelp("Print the IR after this optimizer pass on standard error.", valueName: "NAME"))
    var dumpIrAfter: [String] = []

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard SQLDialects.named(dialect) != nil else {
            throw ValidationError(
                "unknown dialect '\(dialect)'; use one of \(SQLDialects.all.map(\.name).joined(separator: ", "))")
        }
        guard treatRowsAs.map({ RowKindDefault(rawValue: $0.lowercased()) != nil }) ?? true else {
            throw ValidationError("unknown row kind '\(treatRowsAs ?? "")'; use insert, update, delete or data-driven")
        }
        guard node == nil || preview != profile else {
            throw ValidationError("with --node give --preview or --profile")
        }
        guard node != nil || (!preview && !profile) else {
            throw ValidationError("--preview and --profile need --node")
        }
        guard rows > 0 else { throw ValidationError("--rows must be positive") }
    }

    func run() async throws {
        guard let dialect = SQLDialects.named(dialect) else { throw ExitCode(ExitStatus.usageOrIO) }
        let loaded = RunInputs.load(input)
        var pipelines = loaded.pipelines
        if let mapping { pipelines = pipelines.filter { $0.name.uppercased() == mapping.uppercased() } }
        guard !loaded.diagnostics.hasErrors, !pipelines.isEmpty else {
            common.printer.print(loaded.diagnostics)
            if loaded.diagnostics.isEmpty {
                StandardError.write("error: no mapping\(mapping.map { " named '\($0)'" } ?? "") in '\(input)'\n")
            }
            throw ExitCode(ExitStatus.usageOrIO)
        }
        let unknownPasses = PassManager.validate(disablePass + dumpIrAfter)
        guard unknownPasses.isEmpty else {
            common.printer.print(unknownPasses)
            throw ExitCode(ExitStatus.usageOrIO)
        }
        let passes = PassManager(disabled: Set(disablePass), dumpAfter: Set(dumpIrAfter))
        // What each pass changed (CG3000 notes, shown with --verbose) and any pass undone (CG3001).
        var optimizerDiagnostics: [Diagnostic] = []
        pipelines = pipelines.map { pipeline in
            let outcome = passes.run(pipeline)
            for (pass, text) in outcome.dumps {
                StandardError.write("-- IR of \(pipeline.name) after \(pass)\n\(text)\n")
            }
            optimizerDiagnostics += outcome.diagnostics
            return outcome.pipeline
        }
        if let node {
            try printNodeQueries(node, pipelines, dialect)
            return
        }
        var diagnostics = loaded.diagnostics + optimizerDiagnostics
        let parameterFile = try common.parameterFile(params, &diagnostics)
        var complete = true
        var scripts: [String] = []
        for pipeline in pipelines {
            var lowering = lowering(pipeline, dialect, workflows: loaded.workflows)
            lowering.parameters = parameterFile.map { Self.parameterValues($0, pipeline, loaded.workflows) }
            let sql = lowering.lower(pipeline)
            if !sql.loads.isEmpty || !sql.fileLoads.isEmpty {
                scripts.append(SQLPipelineScript.text(sql, dialect: dialect))
            }
            diagnostics += sql.report.diagnostics + sql.report.notes
            complete = complete && sql.report.notPushedDown.isEmpty
        }
        StandardOutput.write(scripts.joined(separator: "\n"))
        common.printer.print(diagnostics)
        if !complete { throw ExitCode(ExitStatus.conversionErrors) }
    }

    /// The lowering of `pipeline` under its session in the export (row kind, high precision, target
    /// options, Pre SQL and Post SQL), with this command's switches on top.
    func lowering(_ pipeline: Pipeline, _ dialect: any SQLDialect, workflows: [Workflow]) -> SQLPipelineLowering {
        let session = SessionLowering.session(for: pipeline, in: workflows)
        let base = SessionLowering.lowering(
            dialect, pipeline, session?.spec,
            highPrecision: highPrecision || SessionLowering.highPrecision(session))
        var options = base.targetOptions
        for target in upsert {
            options[target, default: SQLTargetWriteOptions()].updateAsUpdate = false
            options[target, default: SQLTargetWriteOptions()].updateElseInsert = true
        }
        var lowering = SQLPipelineLowering(
            dialect, options: base.options, truncatedTargets: base.truncatedTargets.union(truncate),
            treatRowsAs: treatRowsAs.flatMap { RowKindDefault(rawValue: $0.lowercased()) } ?? base.treatRowsAs,
            targetOptions: options)
        lowering.targetSQL = base.targetSQL
        lowering.session = session?.spec
        lowering.stopOnErrors = SessionLowering.stopOnErrors(session)
        return lowering
    }

    /// The values of `file` for the session running `pipeline` (its folder, workflow, worklets and
    /// session name choose the sections, the most specific winning; reference §6.3).
    static func parameterValues(_ file: ParameterFile, _ pipeline: Pipeline, _ workflows: [Workflow]) -> [String:
        String]
    {
        let folder = pipeline.origin.path.segments.first { $0.kind == "FOLDER" }?.name ?? ""
        var identity = RunIdentity(folder: folder, workflow: "")
        for workflow in workflows {
            guard let path = sessionPath(running: pipeline.name, in: workflow.tasks) else { continue }
            identity = RunIdentity(
                folder: folder, workflow: workflow.name, worklets: Array(path.dropLast()), session: path.last)
            break
        }
        var values: [String: String] = [:]
        for entry in file.values(for: identity) { values[entry.name] = entry.value }
        return values
    }

    /// The worklet names and the session name leading to the session that runs `pipeline`.
    static func sessionPath(running pipeline: String, in tasks: [WorkflowTask]) -> [String]? {
        for task in tasks {
            switch task.kind {
            case .session(let spec) where spec.pipeline.uppercased() == pipeline.uppercased(): return [task.name]
            case .worklet(let inner):
                if let path = sessionPath(running: pipeline, in: inner.tasks) { return [task.name] + path }
            default: continue
            }
        }
        return nil
    }

    /// Prints the preview or profile SQL of `id` in the first pipeline that has it.
    func printNodeQueries(_ id: String, _ pipelines: [Pipeline], _ dialect: any SQLDialect) throws {
        guard let pipeline = pipelines.first(where: { $0.node(id: id) != nil }) ?? pipelines.first else {
            throw ExitCode(ExitStatus.usageOrIO)
        }
        let queries = SQLNodeQueries(dialect, options: SQLLoweringOptions(highPrecision: highPrecision))
        let printer = SQLPrinter(dialect)
        let result: Result<[SQLStatement], SQLNodeQueries.Refusal> =
            preview ? queries.preview(pipeline, node: id, rows: rows).map { [$0] } : queries.profile(pipeline, node: id)
        switch result {
        case .success(let statements):
            StandardOutput.write(statements.map { printer.print($0) + ";\n" }.joined(separator: "\n"))
        case .failure(let refusal):
            common.printer.print([refusal.diagnostic])
            throw ExitCode(pipeline.node(id: id) == nil ? ExitStatus.usageOrIO : ExitStatus.conversionErrors)
        }
    }
}
