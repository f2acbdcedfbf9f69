import Foundation
import IR

/// How to run one pipeline.
public struct PipelineRunOptions: Sendable {
    /// The run's identifier (checkpoints and target commit markers carry it).
    public var runID: String
    /// The session running the mapping (row kind, node connections and attributes), if any.
    public var session: SessionSpec?
    /// Parameter and variable values as text (`$$NAME` → value), e.g. from a parameter file.
    public var parameters: [String: String]
    /// The evaluation settings (session start time, BELIEVED switches).
    public var settings: EvaluationSettings
    /// Rows per batch moved between nodes.
    public var batchSize: Int
    /// Where node outputs are checkpointed; nil for no checkpoints.
    public var checkpointDirectory: String?
    /// Where rejected rows are written; nil to keep them in the result only.
    public var rejectFile: String?
    /// Receives each event as it happens.
    public var events: (@Sendable (RunEvent) -> Void)?
    /// The session's "Stop on errors": the run fails once this many row errors happened (0: never).
    public var stopOnErrors: Int = 0

    /// Creates options.
    public init(
        runID: String, session: SessionSpec? = nil, parameters: [String: String] = [:], settings: EvaluationSettings,
        batchSize: Int = 65_536, checkpointDirectory: String? = nil, rejectFile: String? = nil,
        events: (@Sendable (RunEvent) -> Void)? = nil
    ) {
        self.runID = runID
        self.session = session
        self.parameters = parameters
        self.settings = settings
        self.batchSize = batchSize
        self.checkpointDirectory = checkpointDirectory
        self.rejectFile = rejectFile
        self.events = events
    }
}

/// Runs IR pipelines natively with PowerCenter's semantics (reference §2).
///
/// Nodes run in topological order. Source Qualifiers read their data and blocking nodes
/// (aggregate, join, sort, rank) produce theirs once all input has arrived; each such output is
/// pushed downstream in batches through the row-local nodes (expression, filter, lookup, router,
/// update strategy, union, normalizer) to the next blocking node or a target. Targets write inside
/// one transaction per connection, committed at the end together with a marker row naming the run,
/// so a failed run leaves them unchanged and a resumed run never writes a target twice.
public enum PipelineExecutor {
    /// Runs `pipeline` with `resources`; never throws: failures are in the result.
    public static func run(_ pipeline: Pipeline, resources: RunResources, options: PipelineRunOptions)
        -> PipelineRunResult
    {
        let run = PipelineRun(pipeline: pipeline, resources: resources, options: options)
        return run.execute()
    }
}

/// The state of one pipeline run.
final class PipelineRun {
    let pipeline: Pipeline
    let resources: RunResources
    let options: PipelineRunOptions
    let context: RunContext
    let started = Date()
    var order: [String] = []
    var layouts: [String: NodeLayout] = [:]
    var runners: [String: NodeRunner] = [:]
    var sequences: [String: SequenceGenerator] = [:]
    var constantSequenceValues: [String: SequenceValues] = [:]
    /// The sequences some port reads NEXTVAL of (the others give a constant CURRVAL).
    var sequencesReadingNextValue: Set<String> = []
    var transactions: [(name: String, connection: any RelationalConnection)] = []
    var startedNodes: Set<String> = []
    var resumed: [String] = []
    var committedBefore: Set<String> = []
    var postSQL: [(Node, String, String?)] = []
    let checkpoints: CheckpointStore?

    init(pipeline: Pipeline, resources: RunResources, options: PipelineRunOptions) {
        self.pipeline = pipeline
        self.resources = resources
        self.options = options
        checkpoints = options.checkpointDirectory.map(CheckpointStore.init)
        let (values, variables) = Self.parameterValues(pipeline, options)
        var state = EvaluationState(mappingVariables: variables)
        state.rowKind = .insert
        context = RunContext(
            settings: options.settings, state: state, parameters: values, session: options.session,
            treatRowsAs: .treatingRows(of: pipeline, under: options.session), resources: resources)
    }

    /// Parameter values (typed from their declarations) and the initial mapping variables.
    static func parameterValues(_ pipeline: Pipeline, _ options: PipelineRunOptions) -> (
        [String: Value], [String: Value]
    ) {
        var values: [String: Value] = [:]
        var variables: [String: Value] = [:]
        let given = Dictionary(
            options.parameters.map { (EvaluationState.key($0.key), $0.value) }, uniquingKeysWith: { _, b in b })
        for parameter in pipeline.parameters {
            let key = EvaluationState.key(parameter.name)
            let text = given[key] ?? parameter.defaultValue
            // No value anywhere: the datatype's initial value (0, '', 1753-01-01), as PowerCenter
            // starts a parameter or variable without one [BELIEVED].
            let initial =
                options.settings.valuelessParameterIsInitialValue
                ? PortCoercion.initialValue(of: parameter.type, options.settings) : Value.null
            let value =
                text == nil
                ? initial
                : (try? ExpressionRunner.value(
                    fromText: text, as: parameter.type, settings: options.settings, port: parameter.name)) ?? .null
            if parameter.kind == .variable {
                variables[key] = value
            } else {
                values[parameter.name] = value
            }
        }
        for (key, text) in options.parameters
        where !pipeline.parameters.contains(where: {
            EvaluationState.key($0.name) == EvaluationState.key(key)
        }) {
            values[key] = .string(text)
        }
        return (values, variables)
    }

    func emit(
        _ event: String, node: String? = nil, kind: String? = nil, counters: NodeCounters? = nil,
        status: String? = nil, message: String? = nil
    ) {
        options.events?(
            RunEvent(
                event: event, run: options.runID, object: pipeline.name, node: node, kind: kind, counters: counters,
                status: status, message: message, elapsed: Date().timeIntervalSince(started)))
    }

    func execute() -> PipelineRunResult {
        emit("run-start")
        var failure: NodeFailure?
        do throws(NodeFailure) {
            try prepare()
            try drive()
            try finishTargets()
            try commit()
        } catch {
            failure = error
            rollback()
        }
        for (_, runner) in runners { (runner as? TargetRunner)?.discardFile() }
        if let failure { context.diagnostics.append(failure.diagnostic) }
        for id in order where startedNodes.contains(id) {
            emit("node-end", node: id, kind: layouts[id]?.node.op.kindName, counters: context.counters[id])
        }
        let rejectFile = writeRejects()
        for diagnostic in context.diagnostics where diagnostic.severity != .note {
            emit("diagnostic", node: diagnostic.path.segments.last?.name, message: diagnostic.description)
        }
        let seconds = Date().timeIntervalSince(started)
        let failedNode = failure.map { f in
            order.first { id in layouts[id].map { f.diagnostic.path == $0.node.provenance.path } ?? false }
                ?? f.diagnostic.path.segments.last?.name ?? "?"
        }
        emit("run-end", status: failure == nil ? "succeeded" : "failed", message: failedNode.map { "failed at \($0)" })
        return PipelineRunResult(
            succeeded: failure == nil, runID: options.runID, counters: context.counters, failedNode: failedNode,
            rejected: context.rejectedCount, rejectFile: rejectFile, resumedNodes: resumed,
            diagnostics: context.diagnostics, seconds: seconds, alreadyCommitted: committedBefore.sorted())
    }

    /// Orders the nodes and builds every node's runner; all nodes that cannot run are reported.
    func prepare() throws(NodeFailure) {
        switch ExecutionOrder.of(pipeline) {
        case .success(let order): self.order = order
        case .failure(let failure): throw failure
        }
        for node in pipeline.nodes { layouts[node.id] = NodeLayout(node) }
        let loader = LookupLoader(resources: resources)
        let lookups = try UnconnectedLookups.load(pipeline, loader: loader, context: context)
        let userFunctions = PipelineUserFunctions(
            pipeline: pipeline, parameters: context.parameters, settings: context.settings)
        let types = PipelineTypeEnvironment(
            pipeline: pipeline, userFunctions: userFunctions.signatures, highPrecision: context.settings.highPrecision)
        var variableTypes: [String: DataType] = [:]
        for parameter in pipeline.parameters where parameter.kind == .variable {
            variableTypes[parameter.name] = parameter.type
        }
        let compiler = NodeCompiler(
            types: types, parameters: context.parameters, mappingVariables: variableTypes, lookups: lookups,
            userFunctions: userFunctions, settings: context.settings)
        var failures = RowOrigins.misalignedInputs(pipeline)
        for id in order {
            guard let layout = layouts[id] else { continue }
            do throws(NodeFailure) {
                try build(layout, compiler: compiler, loader: loader)
            } catch {
                failures.append(error)
            }
        }
        guard let first = failures.first else { return }
        context.diagnostics += failures.dropFirst().map(\.diagnostic)
        throw first
    }

    func build(_ layout: NodeLayout, compiler: NodeCompiler, loader: LookupLoader) throws(NodeFailure) {
        let node = layout.node
        switch node.op {
        case .source, .sourceQuery: break
        case .project: runners[node.id] = try ProjectRunner(layout: layout, compiler: compiler)
        case .filter(let spec): runners[node.id] = try FilterRunner(layout: layout, spec: spec, compiler: compiler)
        case .route(let spec): runners[node.id] = try RouteRunner(layout: layout, spec: spec, compiler: compiler)
        case .setRowKind(let spec):
            runners[node.id] = try SetRowKindRunner(layout: layout, spec: spec, compiler: compiler)
        case .aggregate(let spec):
            runners[node.id] = try AggregateRunner(layout: layout, spec: spec, compiler: compiler)
        case .join(let spec): runners[node.id] = try JoinRunner(layout: layout, spec: spec)
        case .sort(let spec): runners[node.id] = try SortRunner(layout: layout, spec: spec)
        case .rank(let spec): runners[node.id] = RankRunner(layout: layout, spec: spec)
        case .union(let spec): runners[node.id] = UnionRunner(layout: layout, spec: spec)
        case .unpivot(let spec): runners[node.id] = UnpivotRunner(layout: layout, spec: spec)
        case .sequence(let spec):
            sequences[node.id] = SequenceGenerator(spec: spec)
            let readsNext = pipeline.nodes.contains { other in
                other.ports.contains { $0.source?.node == node.id && $0.source?.port.uppercased() == "NEXTVAL" }
            }
            if readsNext { sequencesReadingNextValue.insert(node.id) }
        case .lookup(let spec):
            if spec.connected {
                runners[node.id] = try LookupRunner(layout: layout, spec: spec, loader: loader, compiler: compiler)
            }
        case .transactionControl(let spec):
            if let outcomes = TransactionControlOutcomes.possible(spec.condition.text),
                let rollback = outcomes.sorted().first(where: { $0.hasPrefix("TC_ROLLBACK") })
            {
                // Passing the rows on would write rows PowerCenter rolls back.
                throw NodeFailure(
                    RunDiagnostics.unsupportedNode(
                        "transaction control '\(node.id)' can roll back rows (\(rollback)), which the runtime does not "
                            + "reproduce: it commits each target once, at the end of the run",
                        at: node.provenance.location, path: node.provenance.path,
                        fix: "run this mapping in PowerCenter, or replace the rollback with a filter of the rows"))
            }
            runners[node.id] = try PassThroughRunner(passThrough: layout)
            context.diagnostics.append(
                RunDiagnostics.transactionControlIgnored(
                    "transaction control '\(node.id)' passes rows on; each target commits once, at the end of the run",
                    at: node.provenance.location, path: node.provenance.path,
                    fix: "nothing to do unless a failed run must keep its earlier commits"))
        case .output: runners[node.id] = try PassThroughRunner(passThrough: layout)
        case .target(let spec):
            runners[node.id] = TargetRunner(layout: layout, spec: spec, resources: resources) {
                [unowned self] name, connection throws(NodeFailure) in try self.begin(name, connection, node)
            }
        case .input:
            throw NodeFailure(
                RunDiagnostics.unsupportedNode(
                    "'\(node.id)' is the input of a mapplet; a mapplet runs only inside a mapping",
                    at: node.provenance.location, path: node.provenance.path, fix: "run a mapping that uses the mapplet"
                ))
        case .opaque(let spec):
            throw NodeFailure(
                RunDiagnostics.unsupportedNode(
                    "node '\(node.id)' (\(spec.vendorType)) cannot run natively: \(spec.reason)",
                    at: node.provenance.location, path: node.provenance.path,
                    fix: "replace the transformation, or run the mapping where it is supported"))
        }
    }

    /// Opens the run's transaction on a target connection (once), and learns whether an earlier
    /// attempt of this run already committed there.
    func begin(_ name: String, _ connection: any RelationalConnection, _ node: Node) throws(NodeFailure) {
        guard !transactions.contains(where: { $0.name == name }) else { return }
        do throws(ConnectorError) {
            committedBefore.formUnion(try RunMarker.targets(of: options.runID, on: connection))
            try connection.begin()
        } catch {
            throw NodeFailure(
                RunDiagnostics.writeFailed(
                    "cannot start a transaction on connection '\(name)': \(error.message)",
                    at: node.provenance.location, path: node.provenance.path, fix: "check the connection"))
        }
        transactions.append((name, connection))
    }

    /// Learns, before any row moves, which targets an earlier attempt of this run committed, so
    /// that not even their first batch is written again.
    func readMarkers() throws(NodeFailure) {
        for id in order {
            guard let target = runners[id] as? TargetRunner, let node = layouts[id]?.node else { continue }
            if resources.scratch == nil, target.spec.flatFile != nil { continue }
            let (_, connection) = try resources.connection(named: context.settings(of: id)?.connection, for: node)
            do throws(ConnectorError) {
                committedBefore.formUnion(try RunMarker.targets(of: options.runID, on: connection))
            } catch {
                throw NodeFailure(
                    RunDiagnostics.writeFailed(
                        "cannot read the run log of target '\(id)': \(error.message)", at: node.provenance.location,
                        path: node.provenance.path, fix: "check the connection"))
            }
        }
    }

    /// Runs every node: drivers (source qualifiers, blocking nodes) in order, their output pushed on.
    func drive() throws(NodeFailure) {
        try readMarkers()
        for (position, id) in order.enumerated() {
            guard let layout = layouts[id] else { continue }
            if case .sourceQuery(let spec) = layout.node.op {
                guard isUsed(id) else { continue }
                let reader = SourceReader(pipeline: pipeline, resources: resources)
                if let post = spec.postSQL { postSQL.append((layout.node, post, context.settings(of: id)?.connection)) }
                // A flat file is streamed, and read again on resume rather than copied into a
                // checkpoint: it is local, and a 10M-row source would cost its size again in writes.
                if let file = reader.flatFileSource(of: spec) {
                    try streamFlatFile(layout, source: file, reader: reader, position: position)
                    continue
                }
                let outputs = try checkpointed(id) { () throws(NodeFailure) -> [String: RowBatch] in
                    let batch = try reader.read(layout, spec: spec, context: context)
                    context.counters[id, default: NodeCounters()].rowsOut += batch.count
                    return ["": batch]
                }
                try push(from: position, outputs)
            } else if let runner = runners[id], runner.isBlocking {
                let outputs = try checkpointed(id) { () throws(NodeFailure) -> [String: RowBatch] in
                    let clock = Date()
                    let result = try runner.finish(context)
                    context.counters[id, default: NodeCounters()].seconds += Date().timeIntervalSince(clock)
                    return result
                }
                try push(from: position, outputs)
            }
        }
    }

    /// Reads a flat-file source in chunks of one batch, pushing each on as soon as it is read, so
    /// a file of any size runs in bounded memory. (A flat file is read again on resume.)
    func streamFlatFile(_ layout: NodeLayout, source: Node, reader: SourceReader, position: Int) throws(NodeFailure) {
        let id = layout.node.id
        markStarted(id)
        let outputs = (layout.outputPorts[""] ?? []).map { layout.node.ports[$0] }
        let clock = Date()
        var downstream = 0.0
        try reader.streamFile(
            layout.node, source: source, outputs: outputs, unread: pipeline.unreadPorts(of: id, among: outputs),
            chunkRows: max(1, options.batchSize), context: context
        ) { batch throws(NodeFailure) in
            context.counters[id, default: NodeCounters()].rowsOut += batch.count
            let pushed = Date()
            try push(from: position, ["": batch])
            downstream += Date().timeIntervalSince(pushed)
        }
        context.counters[id, default: NodeCounters()].seconds += Date().timeIntervalSince(clock) - downstream
    }

    /// Whether any node reads from `id`.
    func isUsed(_ id: String) -> Bool {
        pipeline.nodes.contains { $0.ports.contains { $0.source?.node == id } }
    }

    /// The outputs of driver `id`: from its checkpoint when an earlier attempt saved one, else
    /// computed and saved.
    func checkpointed(_ id: String, _ compute: () throws(NodeFailure) -> [String: RowBatch]) throws(NodeFailure)
        -> [String: RowBatch]
    {
        markStarted(id)
        if let checkpoints, let saved = checkpoints.load(id) {
            resumed.append(id)
            context.counters[id, default: NodeCounters()].rowsOut += saved.values.reduce(0) { $0 + $1.count }
            return saved
        }
        let clock = Date()
        let outputs = try compute()
        if layouts[id].map({ if case .sourceQuery = $0.node.op { true } else { false } }) ?? false {
            context.counters[id, default: NodeCounters()].seconds += Date().timeIntervalSince(clock)
        }
        if let checkpoints {
            do {
                try checkpoints.save(id, outputs)
                emit("checkpoint", node: id, kind: layouts[id]?.node.op.kindName)
            } catch {
                context.diagnostics.append(
                    RunDiagnostics.writeFailed(
                        "cannot checkpoint node '\(id)': \(error)", at: pipeline.provenance.location,
                        fix: "check the run directory", severity: .warning))
            }
        }
        return outputs
    }

    func markStarted(_ id: String) {
        guard startedNodes.insert(id).inserted else { return }
        emit("node-start", node: id, kind: layouts[id]?.node.op.kindName)
    }

    /// Pushes `outputs` of the node at `start` through the row-local nodes after it, batch by batch.
    func push(from start: Int, _ outputs: [String: RowBatch]) throws(NodeFailure) {
        let size = max(1, options.batchSize)
        let chunks = outputs.mapValues { $0.chunks(of: size) }
        let count = chunks.values.map(\.count).max() ?? 0
        for index in 0..<count {
            var wave: [String: [String: RowBatch]] = [:]
            wave[order[start]] = chunks.compactMapValues { index < $0.count ? $0[index] : nil }
            try propagate(from: start, wave: &wave)
        }
    }

    func propagate(from start: Int, wave: inout [String: [String: RowBatch]]) throws(NodeFailure) {
        for position in (start + 1)..<order.count {
            let id = order[position]
            guard let runner = runners[id], let layout = layouts[id] else { continue }
            for group in layout.inputGroups {
                guard let input = try input(layout, group, wave) else { continue }
                markStarted(id)
                if runner is TargetRunner, committedBefore.contains(id) { continue }
                let clock = Date()
                var outputs = try runner.consume(input, group: group, context)
                // A passive transformation's rows keep their positions in the stream; a runner that
                // dropped a row in error (Expression, lookup) set its output's positions itself.
                if let positions = input.streamPositions, RowOrigins.isPassive(layout.node.op) {
                    for (name, batch) in outputs where batch.streamPositions == nil && batch.count == positions.count {
                        outputs[name]?.streamPositions = positions
                    }
                }
                context.counters[id, default: NodeCounters()].seconds += Date().timeIntervalSince(clock)
                try checkErrorThreshold(layout.node)
                // A node fed twice in one wave (a Union whose groups read one upstream node, or two
                // groups of one Router) adds the second output to the first, not in its place.
                if !outputs.isEmpty { wave[id, default: [:]].merge(outputs) { old, new in old.appending(new) } }
            }
        }
    }

    /// Fails the session when its row errors reach "Stop on errors" (reference §1.10; 0 never stops).
    func checkErrorThreshold(_ node: Node) throws(NodeFailure) {
        guard options.stopOnErrors > 0, context.errorCount >= options.stopOnErrors else { return }
        throw NodeFailure(
            RunDiagnostics.sessionAborted(
                "the session reached \(context.errorCount) row errors at node '\(node.id)'; 'Stop on errors' is "
                    + "\(options.stopOnErrors)", at: node.provenance.location, path: node.provenance.path,
                fix: "see the reject file for the rows and their reasons"))
    }

    /// `count` values of sequence `id`. When no port reads its NEXTVAL, CURRVAL is a constant
    /// (reference §2.12, [S31c]): the first value's CURRVAL (Current Value + Increment) on every
    /// row [BELIEVED: the documentation says "a constant" without naming it].
    func sequenceValues(_ id: String, _ count: Int) throws(NodeFailure) -> [SequenceValues] {
        guard var generator = sequences[id] else { return [] }
        var values: [SequenceValues] = []
        values.reserveCapacity(count)
        do throws(RowError) {
            if sequencesReadingNextValue.contains(id) || !context.settings.currvalAloneIsConstant {
                for _ in 0..<count { values.append(try generator.next()) }
            } else {
                if constantSequenceValues[id] == nil { constantSequenceValues[id] = try generator.next() }
                if let constant = constantSequenceValues[id] { values = Array(repeating: constant, count: count) }
            }
        } catch {
            let node = layouts[id]?.node
            throw NodeFailure(
                RunDiagnostics.sessionAborted(
                    "sequence '\(id)': \(error.message)", at: node?.provenance.location ?? SourceLocation(file: ""),
                    path: node?.provenance.path ?? ObjectPath(), fix: "raise End Value or turn on Cycle"))
        }
        sequences[id] = generator
        markStarted(id)
        context.counters[id, default: NodeCounters()].rowsOut += count
        return values
    }

    /// Finishes the targets (opening those that received no rows, for truncation and post-SQL).
    func finishTargets() throws(NodeFailure) {
        for id in order {
            guard let target = runners[id] as? TargetRunner, !committedBefore.contains(id) else { continue }
            markStarted(id)
            _ = try target.finish(context)
        }
    }

    /// Commits every target connection with the run's marker rows, then publishes flat files and
    /// runs the sources' post-SQL.
    func commit() throws(NodeFailure) {
        for (name, connection) in transactions {
            let targets = order.filter { id in
                (runners[id] as? TargetRunner)?.connectionName == name && !committedBefore.contains(id)
            }
            do throws(ConnectorError) {
                try RunMarker.record(options.runID, targets: targets, on: connection)
                try connection.commit()
            } catch {
                throw NodeFailure(
                    RunDiagnostics.writeFailed(
                        "cannot commit connection '\(name)': \(error.message)", at: pipeline.provenance.location,
                        path: pipeline.provenance.path, fix: "check the database"))
            }
        }
        transactions = []
        for id in order { try (runners[id] as? TargetRunner)?.publishFile() }
        for (node, sql, connectionName) in postSQL where resources.scratch == nil {
            let (_, connection) = try resources.connection(named: connectionName, for: node)
            try SourceReader(pipeline: pipeline, resources: resources).runStatements(
                context.substitute(sql), on: connection, node: node)
        }
    }

    func rollback() {
        for (_, connection) in transactions { try? connection.rollback() }
        transactions = []
    }

    /// Writes the rejected rows, one line each: node, code, row indicator, reason, values.
    func writeRejects() -> String? {
        guard let path = options.rejectFile, context.rejectedCount > 0 else { return nil }
        var text = "# node\tcode\trow_indicator\treason\tvalues\n"
        let indicators: [RowKind: String] = [.insert: "0", .update: "1", .delete: "2", .reject: "3"]
        for row in context.rejected {
            let values = row.values.map { $0.isNull ? "N:" : "D:" + ValueText.plain($0) }.joined(separator: "|")
            let reason = row.reason.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
            text += "\(row.node)\t\(row.code)\t\(indicators[row.kind] ?? "0")\t\(reason)\t\(values)\n"
        }
        if context.rejectedCount > context.rejected.count {
            text += "# \(context.rejectedCount - context.rejected.count) more rejected rows not listed\n"
        }
        try? FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        guard (try? text.write(toFile: path, atomically: true, encoding: .utf8)) != nil else { return nil }
        return path
    }
}

/// The table in each target database that records which targets a run committed.
enum RunMarker {
    static let table = "migrate_run_log"

    /// The targets run `runID` committed on `connection`.
    static func targets(of runID: String, on connection: any RelationalConnection) throws(ConnectorError) -> Set<String>
    {
        guard try connection.tableExists(table, schema: nil) else { return [] }
        let sql =
            "SELECT \(connection.quote("target")) FROM \(connection.quote(table)) WHERE "
            + "\(connection.quote("run_id")) = '\(runID.replacingOccurrences(of: "'", with: "''"))'"
        var result: Set<String> = []
        for row in try connection.query(sql, types: [.string(precision: 400)]).rows {
            if case .string(let target) = row.first { result.insert(target) }
        }
        return result
    }

    static func record(_ runID: String, targets: [String], on connection: any RelationalConnection)
        throws(ConnectorError)
    {
        let name = connection.quote(table)
        let text = connection.storageType(for: .string(precision: 400))
        try connection.execute(
            "CREATE TABLE IF NOT EXISTS \(name) (\(connection.quote("run_id")) \(text), "
                + "\(connection.quote("target")) \(text), \(connection.quote("committed_at")) \(text))")
        let sql =
            "INSERT INTO \(name) (\(connection.quote("run_id")), \(connection.quote("target")), "
            + "\(connection.quote("committed_at"))) VALUES (\(connection.placeholder(1)), \(connection.placeholder(2)), "
            + "\(connection.placeholder(3)))"
        let now = ISO8601DateFormatter().string(from: Date())
        _ = try connection.executeEach(sql, rows: targets.map { [.string(runID), .string($0), .string(now)] })
    }
}
