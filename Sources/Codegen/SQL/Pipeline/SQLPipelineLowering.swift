import IR

/// Lowers whole pipelines to SQL: per relational target, the statements that write the rows the
/// runtime would write there (`INSERT INTO target (columns) WITH … SELECT …`, or by key `MERGE`,
/// `INSERT … ON CONFLICT`, `UPDATE … FROM`, `DELETE … WHERE EXISTS` as the session's row kinds and
/// the target options ask; ``SQLTargetWriter``), with one common table per transformation, named
/// after it.
///
/// Flat files stay with the runtime at the edges: a flat-file source is read by the runtime into a
/// staging table the SQL reads (``SQLSourceStaging``), and a flat-file target's rows are a query
/// whose result the runtime writes to the file (``SQLFileTargetLoad``). Both are runtime steps of
/// the report, which is then partial.
///
/// Only what the dialect computes exactly is emitted (reference §2, §3; docs/decisions/0002 for
/// the join sides). A target whose path holds anything else is not pushed down: the report names
/// the node and gives a located CG2xxx diagnostic, and the runtime keeps that path.
public struct SQLPipelineLowering: Sendable {
    /// The dialect to lower into.
    public internal(set) var dialect: any SQLDialect
    /// Session settings that change what expressions compute.
    public let options: SQLLoweringOptions
    /// The targets loaded in truncate-insert mode (their rows are removed first), by instance name.
    public let truncatedTargets: Set<String>
    /// The session's "Treat source rows as" (PowerCenter's default: insert); only data-driven
    /// sessions write each row with its update strategy's kind.
    public let treatRowsAs: RowKindDefault
    /// Each target's writer options by instance name; a target not named has PowerCenter's defaults.
    public let targetOptions: [String: SQLTargetWriteOptions]
    /// Each target's Pre SQL and Post SQL by instance name, as a session sets them (a target not
    /// named here uses its mapping attributes "Pre SQL" / "Post SQL").
    public var targetSQL: [String: SQLTargetSQL] = [:]
    /// Whether Pre SQL and Post SQL are written around the target's statements (verification on
    /// scratch databases leaves them out, as the native runtime does there).
    public var includesTargetSQL = true
    /// The session running the pipeline, for its flat-file settings (`Source filename`, `Output
    /// filename`, their directories, `Append if Exists`); nil: the runtime's defaults.
    public var session: SessionSpec?
    /// The parameter values (a parameter file's, by name, `$$` included or not; compared without
    /// case) substituted into SQL text from the export before it is emitted verbatim; a mapping
    /// parameter not named here takes its declared default. nil: text naming a parameter keeps
    /// its path in the runtime, which substitutes it at run time.
    public var parameters: [String: String]?
    /// Whether SQL text from the export (source qualifier overrides, filters and joins, lookup
    /// overrides and filters) may be emitted verbatim. Verification on scratch data turns it off:
    /// the native run does not apply those texts there, so such paths stay in the runtime.
    public var includesSourceSQL = true
    /// The session's "Stop on errors" (0, PowerCenter's default: never stop). A row the runtime
    /// rejects is counted toward it, which SQL cannot do, so where it is set, nothing that rejects
    /// rows is lowered.
    public var stopOnErrors = 0
    /// Whether each target's checks that build no SQL run before its rows are lowered
    /// (``SQLPipelineBuilder/precheck(_:_:table:)``); off only in tests, to show that this changes
    /// no statement and no target's pushdown.
    var prechecksTargets = true

    /// Creates a lowering for `dialect`.
    public init(
        _ dialect: any SQLDialect, options: SQLLoweringOptions = SQLLoweringOptions(),
        truncatedTargets: Set<String> = [], treatRowsAs: RowKindDefault = .insert,
        targetOptions: [String: SQLTargetWriteOptions] = [:]
    ) {
        self.dialect = dialect
        self.options = options
        self.truncatedTargets = truncatedTargets
        self.treatRowsAs = treatRowsAs
        self.targetOptions = targetOptions
    }

    /// The SQL of every target of `pipeline` that can be pushed down, and the report.
    public func lower(_ pipeline: Pipeline) -> SQLPipelineSQL {
        lower(pipeline, SQLPipelineAnalysis(pipeline: pipeline, highPrecision: options.highPrecision))
            .fittingCommonTables(dialect)
    }

    /// The SQL of `pipeline` in each of `dialects` (this lowering's settings, its own dialect
    /// aside), in order: the same as ``lower(_:)`` with each dialect, but the work no dialect
    /// changes (typing the expressions, finding the nodes and names, refusals no dialect decides)
    /// is done once, and a dialect that answers every question an earlier dialect's lowering asked
    /// as that one did gets its result without lowering again (``SQLDialectRecord``).
    public func lower(_ pipeline: Pipeline, inEach dialects: [any SQLDialect]) -> [SQLPipelineSQL] {
        let analysis = SQLPipelineAnalysis(pipeline: pipeline, highPrecision: options.highPrecision)
        var lowered: [(record: SQLDialectRecord, sql: SQLPipelineSQL)] = []
        return dialects.map { dialect in
            if let same = lowered.first(where: { $0.record.holds(in: dialect) }) {
                return same.sql.naming(dialect).fittingCommonTables(dialect)
            }
            let record = SQLDialectRecord()
            var lowering = self
            lowering.dialect = SQLRecordingDialect(base: dialect, record: record)
            let sql = lowering.lower(pipeline, analysis)
            lowered.append((record, sql))
            let named = sql.naming(dialect)
            assert(!"\(named)".contains("\u{0}"), "a dialect's name or message text outside a diagnostic")
            return named.fittingCommonTables(dialect)
        }
    }

    /// The SQL of `pipeline`, whose dialect-free facts `analysis` holds.
    private func lower(_ pipeline: Pipeline, _ analysis: SQLPipelineAnalysis) -> SQLPipelineSQL {
        let context = SQLPipelineContext(analysis: analysis, lowering: self)
        var loads: [SQLTargetLoad] = []
        var fileLoads: [SQLFileTargetLoad] = []
        var staging: [SQLSourceStaging] = []
        var refused: [SQLPushdownReport.NotPushedDown] = []
        var verbatim: [Diagnostic] = []
        var leftOutRows: [Diagnostic] = []
        var builder = SQLPipelineBuilder(context: context)
        for index in pipeline.nodes.indices {
            // Only targets are copied out of the pipeline.
            guard case .target(let spec) = pipeline.nodes[index].op else { continue }
            let node = pipeline.nodes[index]
            // A refusal no dialect decided stands in every dialect.
            if let known = analysis.dialectFreeRefusals[index] {
                refused.append(known)
                continue
            }
            let consulted = analysis.dialectConsultations
            defer { builder.claimNotes(for: node) }
            do {
                if prechecksTargets {
                    try builder.precheck(node, spec, table: spec.flatFile == nil ? Self.table(of: spec) : nil)
                }
                let rows = try builder.targetQuery(node, spec)
                if spec.flatFile != nil {
                    fileLoads.append(try builder.fileTargetLoad(node, spec, rows))
                } else {
                    let (load, leftOut) = try load(
                        node, spec, rows, context, texts: try builder.targetTexts(node, spec))
                    loads.append(load)
                    leftOutRows += leftOut.map { [$0] } ?? []
                }
                let read = SQLTableReferences.of(rows.select)
                staging += builder.staged.filter { step in
                    read.contains(step.table.name.uppercased()) && !staging.contains { $0.source == step.source }
                }
                verbatim += builder.notes(reading: read).filter { note in !verbatim.contains(note) }
            } catch {
                let refusal = SQLPushdownReport.NotPushedDown(
                    target: node.id, node: error.node, diagnostic: error.diagnostic)
                if analysis.dialectConsultations == consulted { analysis.dialectFreeRefusals[index] = refusal }
                refused.append(refusal)
            }
        }
        // Targets load in the mapping's target load order; those it does not name keep theirs.
        let order = Dictionary(
            pipeline.targetLoadOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        loads = loads.enumerated().sorted { a, b in
            (order[a.element.target] ?? Int.max, a.offset) < (order[b.element.target] ?? Int.max, b.offset)
        }.map(\.element)
        fileLoads = fileLoads.enumerated().sorted { a, b in
            (order[a.element.target] ?? Int.max, a.offset) < (order[b.element.target] ?? Int.max, b.offset)
        }.map(\.element)
        var report = SQLPushdownReport(
            pipeline: pipeline.name, pushedDown: loads.map(\.target) + fileLoads.map(\.target),
            notPushedDown: refused, runtimeSteps: SQLRuntimeSteps.steps(staging, fileLoads))
        report.verbatimTexts = verbatim
        report.leftOutRows = leftOutRows
        return SQLPipelineSQL(
            pipeline: pipeline.name, loads: loads, report: report, staging: staging, fileLoads: fileLoads)
    }

    /// The statements loading `node`: a truncate when asked, then the writes of its rows; and the
    /// note on the rows they leave out (CG2091), if any.
    private func load(
        _ node: Node, _ spec: TargetSpec, _ rows: SQLTargetRows, _ context: SQLPipelineContext,
        texts: (pre: [SQLStatement], post: [SQLStatement])
    ) throws(SQLPushdownRefusal) -> (SQLTargetLoad, leftOut: Diagnostic?) {
        let table = Self.table(of: spec)
        try checkNotReadingItself(node, table, context)
        let options = targetOptions[node.id] ?? SQLTargetWriteOptions()
        let writer = SQLTargetWriter(context: context, node: node, spec: spec, rows: rows, options: options)
        var statements: [SQLStatement] = []
        let (pre, post) = texts
        statements += pre
        if truncatedTargets.contains(node.id) || options.truncate { statements.append(.truncate(table)) }
        statements += try writer.statements(table)
        statements += post
        return (
            SQLTargetLoad(target: node.id, path: node.provenance.path, table: table, statements: statements),
            writer.nullRefusalNote(writer.codesByOperation().keys)
        )
    }
}

extension SQLPipelineLowering {
    /// Refuses a target whose table is also read on its path (a source or lookup table of the same
    /// schema and name). In one database the statement would read the rows it writes, while
    /// PowerCenter reads the source through the source's connection, usually another database
    /// (a mapping copying `EMP` to `EMP`); which of the two the migrated pipeline means is not in
    /// the export.
    func checkNotReadingItself(_ node: Node, _ table: SQLTableName, _ context: SQLPipelineContext)
        throws(SQLPushdownRefusal)
    {
        // No dialect changes the answer: it is found once per target.
        let refusal = context.analysis.selfRead(of: node) { selfRead(node, table, context) }
        if let refusal { throw refusal }
    }

    /// The refusal of target `node` writing `table` when its path also reads that table.
    func selfRead(_ node: Node, _ table: SQLTableName, _ context: SQLPipelineContext) -> SQLPushdownRefusal? {
        let written = Self.key(table.schema, table.name)
        var seen: Set<String> = [node.id]
        var pending = [node]
        while let next = pending.popLast() {
            var read: [(kind: String, key: String)] = []
            switch next.op {
            case .source(let source): read.append(("source", Self.key(source.schema, source.table)))
            case .lookup(let lookup): if let name = lookup.table { read.append(("lookup", Self.key(nil, name))) }
            default: break
            }
            if let hit = read.first(where: { $0.key == written }) {
                return SQLPushdownRefusal(
                    node: node.id,
                    diagnostic: SQLPipelineDiagnostics.targetNotLowered(
                        "target '\(node.id)' writes table '\(table.name)', which its path also reads as \(hit.kind) "
                            + "'\(next.id)': in one database the statement would read the rows it writes",
                        at: node.provenance.location, path: node.provenance.path,
                        fix: "keep this target in the runtime, or give the source and the target different schemas"))
            }
            for p in next.ports.indices {
                guard let upstream = next.ports[p].source?.node, seen.insert(upstream).inserted,
                    let found = context.nodes[upstream]
                else { continue }
                pending.append(found)
            }
        }
        return nil
    }

    /// The table a relational target writes.
    static func table(of spec: TargetSpec) -> SQLTableName {
        SQLTableName(schema: spec.schema.flatMap { $0.isEmpty ? nil : $0 }, spec.table)
    }

    /// A table's identity for comparison: schema (if any) and name, upper-cased.
    static func key(_ schema: String?, _ name: String) -> String {
        let owner = schema.flatMap { $0.isEmpty ? nil : $0.uppercased() }
        return (owner.map { $0 + "." } ?? "") + name.uppercased()
    }
}

/// A target's Pre SQL and Post SQL, as a session sets them.
public struct SQLTargetSQL: Hashable, Sendable {
    /// Run before the target is written.
    public var pre: String?
    /// Run after it is written.
    public var post: String?

    /// Creates the pair.
    public init(pre: String? = nil, post: String? = nil) {
        self.pre = pre
        self.post = post
    }
}

/// The SQL of one pipeline: the target loads pushed down and the report.
public struct SQLPipelineSQL: Hashable, Sendable {
    /// The pipeline's name.
    public var pipeline: String
    /// One load per relational target pushed down, in target load order (each ends with its write).
    public var loads: [SQLTargetLoad]
    /// Which targets are pushed down, and why the others are not.
    public var report: SQLPushdownReport
    /// The flat-file sources the runtime stages into tables before any statement runs, in order
    /// of first use.
    public var staging: [SQLSourceStaging] = []
    /// One query per flat-file target pushed down, whose rows the runtime writes to the file, in
    /// target load order (after every load of ``loads``).
    public var fileLoads: [SQLFileTargetLoad] = []
}

extension SQLPipelineSQL {
    /// The result in `dialect`: each flat-file target's query with its common tables written as
    /// derived tables where the dialect has no `WITH` (``SQLDialect/supportsCommonTables``). Made
    /// here, after lowering, not by it, so that a lowering stands for dialects that differ in
    /// this alone, as the printer does for `INSERT` (``SQLPrinter/insertable(_:)``).
    func fittingCommonTables(_ dialect: any SQLDialect) -> SQLPipelineSQL {
        guard !dialect.supportsCommonTables, !fileLoads.isEmpty else { return self }
        var result = self
        for index in result.fileLoads.indices {
            result.fileLoads[index].query = SQLCommonTableInlining.inline(result.fileLoads[index].query)
        }
        return result
    }
}

/// The statements that load one target.
public struct SQLTargetLoad: Hashable, Sendable {
    /// The target instance.
    public var target: String
    /// Its object path.
    public var path: ObjectPath
    /// The table written.
    public var table: SQLTableName
    /// The statements, in order (a truncate, then the writes, in a transaction when several).
    public var statements: [SQLStatement]
}

/// A refusal: the node that stops a target's path and the diagnostic saying why.
struct SQLPushdownRefusal: Error {
    let node: String
    let diagnostic: Diagnostic
}
