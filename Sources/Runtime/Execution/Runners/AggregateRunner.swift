import Foundation
import IR

/// One aggregate function call found in an Aggregator port's expression, compiled against the
/// node's input columns.
struct AggregateCallPlan {
    let function: AggregateFunction
    let argument: CompiledExpression?
    let filter: CompiledExpression?
    let percentage: Double
}

/// An Aggregator: groups rows as they arrive and accumulates each group's aggregates, so input
/// is never held (reference §2.4). Ports that are neither grouped nor aggregated output the
/// group's last row (`last-row`). An output expression may combine aggregates with arithmetic and
/// functions (`SUM(A) / COUNT(B)`); aggregates become slots after the input columns, and input
/// ports it names read the group's last row. Nested aggregates (`MAX(COUNT(X))`) do not run here.
final class AggregateRunner: NodeRunner {
    let spec: AggregateSpec
    let keyColumns: [Int]
    var calls: [AggregateCallPlan] = []
    /// Per output port: an input column (grouped or last-row), or a compiled expression.
    var outputs: [AggregateOutputPlan] = []
    /// The run's settings, boxed once for all the groups' accumulators.
    var shared: SharedSettings?

    func sharedSettings(_ context: RunContext) -> SharedSettings {
        if let shared { return shared }
        let box = SharedSettings(context.settings)
        shared = box
        return box
    }

    /// Calls that are the inner aggregate of a nested one, with the outer function.
    var outer: [Int: AggregateFunction] = [:]
    var groups: GroupTable
    /// The groups' accumulators, `calls.count` per group, in group order: one flat array, so that
    /// adding a row's values mutates them in place.
    var accumulators: [AggregateAccumulator] = []
    /// Each group's row (its last or first, as `ungroupedValue` says), `inputCount` values per
    /// group, in group order: one flat array, so that keeping a row copies values, not arrays.
    var chosen: [Value] = []
    let inputCount: Int

    enum AggregateOutputPlan {
        case column(Int)
        case expression(CompiledExpression)
    }

    override var isBlocking: Bool { true }

    init(layout: NodeLayout, spec: AggregateSpec, compiler: NodeCompiler) throws(NodeFailure) {
        self.spec = spec
        let inputs = layout.inputNames("")
        inputCount = inputs.count
        let upper = inputs.map { $0.uppercased() }
        var keys: [Int] = []
        for name in spec.groupBy {
            guard let column = upper.firstIndex(of: name.uppercased()) else {
                throw NodeFailure(
                    RunDiagnostics.unsupportedNode(
                        "group-by port '\(name)' of aggregator '\(layout.node.id)' is not an input port",
                        at: layout.node.provenance.location, path: layout.node.provenance.path,
                        fix: "group by input ports"))
            }
            keys.append(column)
        }
        keyColumns = keys
        groups = GroupTable(keyColumns: keys)
        super.init(layout: layout)
        try plan(inputs: inputs, compiler: compiler)
    }

    private func plan(inputs: [String], compiler: NodeCompiler) throws(NodeFailure) {
        let upper = inputs.map { $0.uppercased() }
        let slots = Dictionary(upper.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for index in layout.outputPorts[""] ?? [] {
            let port = node.ports[index]
            if port.roles.contains(.input), let column = upper.firstIndex(of: port.name.uppercased()) {
                outputs.append(.column(column))
                continue
            }
            guard let text = port.expression?.text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                outputs.append(.column(-1))
                continue
            }
            let (checked, diagnostics) = compiler.check(text, in: node, resultType: port.type)
            guard let checked else { throw NodeCompiler.failure(node, text, diagnostics) }
            var found: [(AggregateFunction, [Expr])] = []
            let rewritten = try extract(checked, &found, text: text)
            for (function, arguments) in found {
                calls.append(try callPlan(function, arguments, text: text, slots: slots, compiler: compiler))
            }
            var allSlots = slots
            for offset in 0..<calls.count { allSlots["__AGG\(offset)"] = upper.count + offset }
            let (compiled, compileDiagnostics) = compiler.compile(rewritten, text: text, in: node, slots: allSlots)
            guard let compiled else { throw NodeCompiler.failure(node, text, compileDiagnostics) }
            outputs.append(.expression(compiled))
        }
    }

    /// `expression` with each aggregate call replaced by a reference to its slot `__AGGn`.
    private func extract(_ expression: Expr, _ found: inout [(AggregateFunction, [Expr])], text: String)
        throws(NodeFailure) -> Expr
    {
        var copy = expression
        switch expression.kind {
        case .call(let name, let arguments):
            let isStar = arguments.count == 1 && arguments[0].kind == .star
            if let function = AggregateFunction(rawValue: isStar ? "COUNT(*)" : name.uppercased()) {
                let slot = "__AGG\(calls.count + found.count)"
                if let inner = arguments.first, case .call(let innerName, let innerArguments) = inner.kind,
                    let innerFunction = AggregateFunction(rawValue: innerName.uppercased()),
                    !innerArguments.contains(where: Self.containsAggregate), arguments.count == 1
                {
                    // MAX(COUNT(X)): the inner aggregate per group, the outer one over the groups.
                    outer[calls.count + found.count] = function
                    found.append((innerFunction, innerArguments))
                    return Expr(.reference(slot), range: expression.range, type: expression.type)
                }
                if arguments.contains(where: Self.containsAggregate) {
                    throw failure(
                        RunDiagnostics.unsupportedNode,
                        "port expression '\(text)' of aggregator '\(node.id)' nests aggregate functions "
                            + "other than OUTER(INNER(port))",
                        fix: "compute the inner aggregate in one Aggregator and the outer one in a second")
                }
                found.append((function, arguments))
                return Expr(.reference(slot), range: expression.range, type: expression.type)
            }
            var mapped: [Expr] = []
            for argument in arguments { mapped.append(try extract(argument, &found, text: text)) }
            copy.kind = .call(name: name, arguments: mapped)
        case .unary(let op, let operand):
            copy.kind = .unary(op, try extract(operand, &found, text: text))
        case .binary(let op, let left, let right):
            copy.kind = .binary(op, try extract(left, &found, text: text), try extract(right, &found, text: text))
        case .external(let kind, let name, let arguments):
            var mapped: [Expr] = []
            for argument in arguments { mapped.append(try extract(argument, &found, text: text)) }
            copy.kind = .external(kind, name: name, arguments: mapped)
        default:
            break
        }
        return copy
    }

    static func containsAggregate(_ expression: Expr) -> Bool {
        if case .call(let name, _) = expression.kind, AggregateFunction(rawValue: name.uppercased()) != nil {
            return true
        }
        return expression.children.contains(where: containsAggregate)
    }

    private func callPlan(
        _ function: AggregateFunction, _ arguments: [Expr], text: String, slots: [String: Int], compiler: NodeCompiler
    ) throws(NodeFailure) -> AggregateCallPlan {
        func compiled(_ e: Expr) throws(NodeFailure) -> CompiledExpression {
            let (result, diagnostics) = compiler.compile(e, text: text, in: node, slots: slots)
            guard let result else { throw NodeCompiler.failure(node, text, diagnostics) }
            return result
        }
        var rest = arguments
        let argument: CompiledExpression? =
            function == .countRows || rest.isEmpty ? nil : try compiled(rest.removeFirst())
        if function == .countRows, !rest.isEmpty { rest.removeFirst() }
        var percentage = 50.0
        if function == .percentile, !rest.isEmpty {
            let value = try compiled(rest.removeFirst()).constantValue
            switch value {
            case .integer(let v)?: percentage = Double(v)
            case .double(let v)?: percentage = v
            case .decimal(let v)?: percentage = NSDecimalNumberBridge.double(v)
            default: break
            }
        }
        let filter = rest.isEmpty ? nil : try compiled(rest.removeFirst())
        return AggregateCallPlan(function: function, argument: argument, filter: filter, percentage: percentage)
    }

    override func consume(_ batch: RowBatch, group: String, _ context: RunContext) throws(NodeFailure)
        -> [String: RowBatch]
    {
        try consume(InputBatch(batch), group: group, context)
    }

    /// Adds each row to its group, each row read into one reused buffer.
    override func consume(_ input: InputBatch, group: String, _ context: RunContext) throws(NodeFailure)
        -> [String: RowBatch]
    {
        let width = calls.count
        var values = [Value](repeating: .null, count: width)
        var filters = [Value?](repeating: nil, count: width)
        let keepsLastRow = spec.ungroupedValue == .lastRow
        var row: [Value] = []
        for index in 0..<input.count {
            input.fill(&row, at: index)
            do throws(RowError) {
                var scratch = row
                for offset in 0..<width {
                    values[offset] = try calls[offset].argument?.evaluate(&scratch, state: &context.state) ?? .null
                    filters[offset] = try calls[offset].filter?.evaluate(&scratch, state: &context.state)
                }
                let (position, isNew) = groups.insert(row) { isKept(row, position: $0) }
                if isNew { startGroup(row, context) }
                let first = position * width
                for offset in 0..<width {
                    try accumulators[first + offset].add(values[offset], filter: filters[offset])
                }
                if keepsLastRow && !isNew { keep(row, for: position) }
            } catch {
                context.reject(id, error, kind: .insert, values: row)
            }
        }
        count(context, in: input.count, out: 0)
        return [:]
    }

    /// Appends a new group's empty accumulators and its first row.
    private func startGroup(_ row: [Value], _ context: RunContext) {
        let shared = sharedSettings(context)
        for call in calls {
            accumulators.append(AggregateAccumulator(call.function, shared: shared, percentage: call.percentage))
        }
        for column in 0..<inputCount { chosen.append(column < row.count ? row[column] : .null) }
    }

    /// Makes `row` the row kept for group `position`.
    private func keep(_ row: [Value], for position: Int) {
        let first = position * inputCount
        for column in 0..<inputCount { chosen[first + column] = column < row.count ? row[column] : .null }
    }

    /// Whether the row kept for group `position` has the key of `row`.
    @inline(__always)
    private func isKept(_ row: [Value], position: Int) -> Bool {
        let first = position * inputCount
        for column in keyColumns where chosen[first + column] != row[column] { return false }
        return true
    }

    /// The row kept for group `position`.
    private func chosenRow(_ position: Int) -> [Value] {
        Array(chosen[(position * inputCount)..<((position + 1) * inputCount)])
    }

    override func finish(_ context: RunContext) throws(NodeFailure) -> [String: RowBatch] {
        var output = RowBatch(columns: layout.outputNames(""))
        let width = calls.count
        var finalOuter: [Int: AggregateAccumulator] = [:]
        if groups.count == 0 && keyColumns.isEmpty && !spec.emptyInputYieldsNoRow {
            _ = groups.insert([]) { _ in true }
            startGroup([Value](repeating: .null, count: inputCount), context)
        }
        var rows = (0..<groups.count).map(chosenRow)
        if !outer.isEmpty, let last = rows.last {
            // Nested aggregates collapse all groups into one row: the outer functions over the
            // per-group inner values, the other outputs from the last group (reference §2.4).
            do throws(RowError) {
                var outers: [Int: AggregateAccumulator] = [:]
                for (index, function) in outer {
                    var accumulator = AggregateAccumulator(function, settings: context.settings)
                    for group in rows.indices { try accumulator.add(try accumulators[group * width + index].result()) }
                    outers[index] = accumulator
                }
                finalOuter = outers
            } catch {
                context.reject(id, error, kind: .insert, values: last)
            }
            accumulators = Array(accumulators.suffix(width))
            rows = [last]
        }
        output.rows.reserveCapacity(rows.count)
        output.kinds.reserveCapacity(rows.count)
        for group in rows.indices {
            var row = rows[group]
            do throws(RowError) {
                for index in 0..<width {
                    row.append(try (finalOuter[index] ?? accumulators[group * width + index]).result())
                }
                var values: [Value] = []
                values.reserveCapacity(outputs.count)
                for plan in outputs {
                    switch plan {
                    case .column(let column): values.append(column >= 0 ? row[column] : .null)
                    case .expression(let expression):
                        values.append(try expression.evaluate(&row, state: &context.state))
                    }
                }
                output.append(values, kind: .insert)
            } catch {
                context.reject(id, error, kind: .insert, values: rows[group])
            }
        }
        count(context, in: 0, out: output.count)
        groups = GroupTable(keyColumns: keyColumns)
        accumulators = []
        chosen = []
        return ["": output]
    }
}

/// Decimal to Double without Foundation's bridging in every caller.
enum NSDecimalNumberBridge {
    static func double(_ value: Decimal) -> Double { Double(truncating: value as NSNumber) }
}
