import IR

/// An Expression transformation (`project`): variable ports keep their values across rows, so
/// rows are evaluated one at a time, in order (reference §2.2).
final class ProjectRunner: NodeRunner {
    var evaluator: ExpressionTransformationEvaluator

    init(layout: NodeLayout, compiler: NodeCompiler) throws(NodeFailure) {
        let (evaluator, diagnostics) = ExpressionTransformationEvaluator.make(
            node: layout.node, parameters: compiler.parameters, mappingVariables: compiler.mappingVariables,
            lookups: compiler.lookups, userFunctions: compiler.userFunctions, settings: compiler.settings,
            typeEnvironment: compiler.types.environment(of: layout.node))
        guard let evaluator else { throw NodeCompiler.failure(layout.node, nil, diagnostics) }
        self.evaluator = evaluator
        super.init(layout: layout)
    }

    override func consume(_ batch: RowBatch, group: String, _ context: RunContext) throws(NodeFailure)
        -> [String: RowBatch]
    {
        try consume(InputBatch(batch), group: group, context)
    }

    /// Evaluates the rows one at a time, each read into one reused buffer.
    override func consume(_ input: InputBatch, group: String, _ context: RunContext) throws(NodeFailure)
        -> [String: RowBatch]
    {
        var output = RowBatch(columns: evaluator.outputNames)
        output.rows.reserveCapacity(input.count)
        output.kinds.reserveCapacity(input.count)
        var row: [Value] = []
        // The evaluator and the state are class properties: used `inout` per row they would pay a
        // dynamic exclusivity check each time, so the loop works on local copies written back once.
        var evaluator = self.evaluator
        var state = context.state
        defer {
            self.evaluator = evaluator
            context.state = state
        }
        // The input rows kept, once one is dropped.
        var kept: [Int]?
        for index in 0..<input.count {
            input.fill(&row, at: index)
            let kind = input.kinds[index]
            state.rowKind = kind
            do throws(RowError) {
                output.append(try evaluator.evaluate(row, state: &state), kind: kind)
                kept?.append(index)
            } catch {
                if error.isAbort { throw aborted(error) }
                context.reject(id, error, kind: kind, values: row)
                if kept == nil { kept = Array(0..<index) }
            }
        }
        if let kept { output.streamPositions = input.streamPositions(keeping: kept) }
        count(context, in: input.count, out: output.count)
        return ["": output]
    }

    func aborted(_ error: RowError) -> NodeFailure {
        failure(
            RunDiagnostics.sessionAborted, "node '\(node.id)' called ABORT: \(error.message)",
            fix: "see the data that triggered it")
    }
}

/// A Filter: keeps rows whose condition is TRUE; FALSE and NULL drop the row silently (reference §2.3).
final class FilterRunner: NodeRunner {
    let condition: CompiledExpression
    let projection: PassThroughProjection

    init(layout: NodeLayout, spec: FilterSpec, compiler: NodeCompiler) throws(NodeFailure) {
        condition = try compiler.compile(spec.condition.text, in: layout.node, columns: layout.inputNames(""))
        projection = try PassThroughProjection(layout: layout, outputGroup: "")
        super.init(layout: layout)
    }

    override func consume(_ batch: RowBatch, group: String, _ context: RunContext) throws(NodeFailure)
        -> [String: RowBatch]
    {
        var output = RowBatch(columns: layout.outputNames(""))
        for (row, kind) in zip(batch.rows, batch.kinds) {
            context.state.rowKind = kind
            var values = row
            do throws(RowError) {
                guard try CompiledExpression.isTrue(try condition.evaluate(&values, state: &context.state)) else {
                    continue
                }
                output.append(projection.apply(row), kind: kind)
            } catch {
                if error.isAbort {
                    throw failure(
                        RunDiagnostics.sessionAborted, "node '\(node.id)' called ABORT: \(error.message)",
                        fix: "see the data")
                }
                context.reject(id, error, kind: kind, values: row)
            }
        }
        count(context, in: batch.count, out: output.count)
        return ["": output]
    }
}

/// A Router: each row goes to every group whose condition is TRUE, and to the default group when
/// none is (reference §2.7).
final class RouteRunner: NodeRunner {
    let conditions: [(group: String, condition: CompiledExpression)]
    let defaultGroup: String?
    var projections: [String: PassThroughProjection] = [:]

    init(layout: NodeLayout, spec: RouteSpec, compiler: NodeCompiler) throws(NodeFailure) {
        var conditions: [(String, CompiledExpression)] = []
        for group in spec.groups {
            let text = group.condition?.text ?? "FALSE"
            conditions.append((group.name, try compiler.compile(text, in: layout.node, columns: layout.inputNames(""))))
        }
        self.conditions = conditions
        defaultGroup = spec.defaultGroup
        super.init(layout: layout)
        for group in layout.outputGroups {
            projections[group] = try PassThroughProjection(layout: layout, outputGroup: group)
        }
    }

    override func consume(_ batch: RowBatch, group: String, _ context: RunContext) throws(NodeFailure)
        -> [String: RowBatch]
    {
        let names = layout.outputGroups
        var outputs = names.map { RowBatch(columns: layout.outputNames($0)) }
        // Each condition's output group (and the default group's) as an index into `outputs`.
        let targets = conditions.map { names.firstIndex(of: $0.group) }
        let defaultTarget = defaultGroup.map { names.firstIndex(of: $0) } ?? nil
        let groupProjections = names.map { projections[$0] }
        var matched: [Int?] = []
        var routed = 0
        for index in batch.rows.indices {
            let row = batch.rows[index]
            let kind = batch.kinds[index]
            context.state.rowKind = kind
            var values = row
            // Every condition first: a condition in error rejects the row from all groups (§2.22).
            matched.removeAll(keepingCapacity: true)
            do throws(RowError) {
                for (offset, entry) in conditions.enumerated()
                where try CompiledExpression.isTrue(try entry.condition.evaluate(&values, state: &context.state)) {
                    matched.append(targets[offset])
                }
            } catch {
                context.reject(id, error, kind: kind, values: row)
                continue
            }
            if matched.isEmpty, defaultGroup != nil { matched.append(defaultTarget) }
            for target in matched {
                guard let target, let projection = groupProjections[target] else { continue }
                outputs[target].append(projection.apply(row), kind: kind)
                routed += 1
            }
        }
        count(context, in: batch.count, out: routed)
        return Dictionary(zip(names, outputs), uniquingKeysWith: { first, _ in first })
    }
}

/// An Update Strategy: sets each row's kind; a rejected row is written to the reject file when
/// `Forward Rejected Rows` is on, else dropped (reference §2.13); all of it only when the session
/// treats source rows as data driven (otherwise the strategy is ignored).
final class SetRowKindRunner: NodeRunner {
    let expression: CompiledExpression
    let forwardRejected: Bool
    let projection: PassThroughProjection

    init(layout: NodeLayout, spec: RowKindSpec, compiler: NodeCompiler) throws(NodeFailure) {
        expression = try compiler.compile(spec.expression.text, in: layout.node, columns: layout.inputNames(""))
        forwardRejected = spec.forwardRejected
        projection = try PassThroughProjection(layout: layout, outputGroup: "")
        super.init(layout: layout)
    }

    override func consume(_ batch: RowBatch, group: String, _ context: RunContext) throws(NodeFailure)
        -> [String: RowBatch]
    {
        // Unless the session treats source rows as data driven, the Integration Service ignores
        // the Update Strategy (§2.13 [S3f], case 48): every row passes on, rejected ones too, and
        // the target writes it with the session's kind.
        guard context.treatRowsAs == .dataDriven else {
            let rows = projection.identity ? batch.rows : batch.rows.map(projection.apply)
            count(context, in: batch.count, out: rows.count)
            return ["": RowBatch(columns: layout.outputNames(""), rows: rows, kinds: batch.kinds)]
        }
        var output = RowBatch(columns: layout.outputNames(""))
        for (row, kind) in zip(batch.rows, batch.kinds) {
            context.state.rowKind = kind
            var values = row
            do throws(RowError) {
                let newKind = try RowKind.fromStrategy(try expression.evaluate(&values, state: &context.state))
                if newKind == .reject && !forwardRejected {
                    context.counters[id, default: NodeCounters()].rowsRejected += 1
                    continue
                }
                output.append(projection.apply(row), kind: newKind)
            } catch {
                context.reject(id, error, kind: kind, values: row)
            }
        }
        count(context, in: batch.count, out: output.count)
        return ["": output]
    }
}

/// Rows passed on unchanged: a Transaction Control node (the run commits each target once, at
/// the end; RT0409 says so) and mapplet boundaries.
final class PassThroughRunner: NodeRunner {
    let projection: PassThroughProjection

    init(passThrough layout: NodeLayout) throws(NodeFailure) {
        projection = try PassThroughProjection(layout: layout, outputGroup: "")
        super.init(layout: layout)
    }

    override func consume(_ batch: RowBatch, group: String, _ context: RunContext) throws(NodeFailure)
        -> [String: RowBatch]
    {
        let output = RowBatch(
            columns: layout.outputNames(""), rows: projection.identity ? batch.rows : batch.rows.map(projection.apply),
            kinds: batch.kinds)
        count(context, in: batch.count, out: output.count)
        return ["": output]
    }
}

/// A Union: each input group's rows, mapped to the output ports, in the order they arrive
/// (UNION ALL; reference §2.10).
final class UnionRunner: NodeRunner {
    var mappings: [String: [Int?]] = [:]

    init(layout: NodeLayout, spec: UnionSpec) {
        super.init(layout: layout)
        let outputs = layout.outputNames("").map { $0.uppercased() }
        for group in layout.inputGroups {
            let inputs = layout.inputNames(group).map { $0.uppercased() }
            var columns = [Int?](repeating: nil, count: outputs.count)
            for mapping in spec.mappings {
                guard let input = inputs.firstIndex(of: mapping.input.uppercased()),
                    let output = outputs.firstIndex(of: mapping.output.uppercased())
                else { continue }
                columns[output] = input
            }
            mappings[group] = columns
        }
    }

    override func consume(_ batch: RowBatch, group: String, _ context: RunContext) throws(NodeFailure)
        -> [String: RowBatch]
    {
        let columns = mappings[group] ?? []
        // Input ports mapped to the output ports in order: the rows pass on as they are.
        let identity = columns.count == batch.columns.count && columns.indices.allSatisfy { columns[$0] == $0 }
        let rows =
            identity ? batch.rows : batch.rows.map { row in columns.map { $0.map { row[$0] } ?? .null } }
        count(context, in: batch.count, out: rows.count)
        return ["": RowBatch(columns: layout.outputNames(""), rows: rows, kinds: batch.kinds)]
    }
}

/// A Normalizer (`unpivot`): one output row per occurrence of the repeated columns, with the
/// generated key (GK, one value per input row, from the key port's stored `SEQUENCE_GENERATOR_VALUE`,
/// else `normalizerFirstKey` [BELIEVED]; not persisted between runs) and the occurrence
/// index (GCID, 1...occurs) (reference §2.11).
final class UnpivotRunner: NodeRunner {
    let spec: UnpivotSpec
    var nextKey: Int64?
    /// Whether the last key given was the largest bigint (the next row stops the run).
    var keyExhausted = false
    var plan: [(output: Int, source: UnpivotSource)] = []
    var occurs = 1

    enum UnpivotSource {
        case occurrence([Int?])
        case key
        case index
        case input(Int)
        case none
    }

    init(layout: NodeLayout, spec: UnpivotSpec) {
        self.spec = spec
        super.init(layout: layout)
        let inputs = layout.inputNames("").map { $0.uppercased() }
        occurs = spec.columns.map(\.occurs).max() ?? 1
        for (offset, index) in (layout.outputPorts[""] ?? []).enumerated() {
            let port = layout.node.ports[index]
            let name = port.name.uppercased()
            if let column = spec.columns.first(where: { $0.output.uppercased() == name }) {
                plan.append((offset, .occurrence(column.inputs.map { inputs.firstIndex(of: $0.uppercased()) })))
            } else if spec.keyPort?.uppercased() == name {
                plan.append((offset, .key))
            } else if spec.indexPorts.contains(where: { $0.uppercased() == name }) {
                plan.append((offset, .index))
            } else if let text = port.expression?.text, let input = inputs.firstIndex(of: text.uppercased()) {
                plan.append((offset, .input(input)))
            } else if let input = inputs.firstIndex(of: name) {
                plan.append((offset, .input(input)))
            } else {
                plan.append((offset, .none))
            }
        }
    }

    override func consume(_ batch: RowBatch, group: String, _ context: RunContext) throws(NodeFailure)
        -> [String: RowBatch]
    {
        var output = RowBatch(columns: layout.outputNames(""))
        if nextKey == nil {
            // The export stores the GK sequence's next value on the key port; without it the
            // settings' first key is used.
            let stored = spec.keyPort.flatMap(node.storedKeyValue(of:))
            nextKey = stored ?? context.settings.normalizerFirstKey
        }
        for (row, kind) in zip(batch.rows, batch.kinds) {
            guard !keyExhausted else {
                throw NodeFailure(
                    RunDiagnostics.sessionAborted(
                        "normalizer '\(node.id)': the generated key passes the largest bigint",
                        at: node.provenance.location, path: node.provenance.path,
                        fix: "give the generated key a smaller stored value (SEQUENCE_GENERATOR_VALUE)"))
            }
            let key = nextKey ?? 1
            let (next, overflow) = key.addingReportingOverflow(1)
            (nextKey, keyExhausted) = (next, overflow)
            for occurrence in 0..<occurs {
                var values = [Value](repeating: .null, count: plan.count)
                for (column, source) in plan {
                    switch source {
                    case .occurrence(let inputs):
                        if occurrence < inputs.count, let input = inputs[occurrence] { values[column] = row[input] }
                    case .key: values[column] = .integer(key)
                    case .index: values[column] = .integer(Int64(occurrence + 1))
                    case .input(let input): values[column] = row[input]
                    case .none: break
                    }
                }
                output.append(values, kind: kind)
            }
        }
        count(context, in: batch.count, out: output.count)
        return ["": output]
    }
}
