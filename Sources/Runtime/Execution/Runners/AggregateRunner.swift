import Foundation
import IR

/// One aggregate function call found in an Aggregator port's expression, compiled against the
/// node's input columns.
struct AggregateCallPlan {
    let function: AggregateFunction
    let argument: CompiledExpression?
    /// The input column the argument is, when it is a bare port reference (read without evaluating).
    let column: Int?
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
    /// Per call: how its state is kept in the group's cell.
    var kinds: [AggregateCellKind] = []
    /// Per group, in group order, `stride` values side by side: the group's row (its last or first,
    /// as `ungroupedValue` says; `inputCount` values), then one cell per call
    /// (``AggregateCellKind``). One flat array, so that a row's group is one place in memory and
    /// adding to it mutates in place.
    var store: [Value] = []
    /// The full accumulators of calls whose cells hold an index (AVG, MEDIAN, ...).
    var general: [AggregateAccumulator] = []
    /// The values of a row as the runner keeps it: the input columns, then the group-by ports
    /// computed from them (``computedKeys``).
    let inputCount: Int
    /// The group-by ports that are not inputs, in `spec.groupBy` order: each an output port whose
    /// expression (no aggregate) is evaluated on every row, its value the row's key (a public
    /// export groups by `TRUNC(LAST_DAY(ADD_TO_DATE(SYSDATE, 'DD', -7)), 'DD')` and
    /// `$PMWorkflowName`); their values follow the input columns.
    let computedKeys: [ComputedKey]

    /// A group-by port that is not an input port.
    struct ComputedKey {
        /// The port's name.
        let port: String
        let expression: CompiledExpression
        /// The port's type, which its values are converted to (as an Expression's port's).
        let type: DataType
        /// The port's name, upper case.
        var name: String { port.uppercased() }
    }
    /// The values per group in `store`: `inputCount + calls.count`.
    var stride: Int { inputCount + calls.count }
    /// A number that depends on memory read ahead of time (kept so that the reads stay).
    var touched = 0
    /// Whether every call's argument is an input column and no call has a filter (rows are read,
    /// never evaluated).
    var plainArguments = false

    enum AggregateOutputPlan {
        case column(Int)
        /// A computed port: its expression, whose value is converted to the port's type as an
        /// Expression transformation converts its ports' results (reference §2.2: a SUM in a
        /// string(10) port is cut to 10 characters; SQL casts it so too).
        case expression(CompiledExpression, type: DataType, port: String)
    }

    override var isBlocking: Bool { true }

    init(layout: NodeLayout, spec: AggregateSpec, compiler: NodeCompiler) throws(NodeFailure) {
        self.spec = spec
        let inputs = layout.inputNames("")
        let upper = inputs.map { $0.uppercased() }
        var keys: [Int] = []
        var computed: [ComputedKey] = []
        for name in spec.groupBy {
            if let column = upper.firstIndex(of: name.uppercased()) {
                keys.append(column)
                continue
            }
            keys.append(inputs.count + computed.count)
            computed.append(try Self.computedKey(name, layout: layout, inputs: upper, compiler))
        }
        inputCount = inputs.count + computed.count
        computedKeys = computed
        keyColumns = keys
        groups = GroupTable(keyColumns: keys)
        super.init(layout: layout)
        try plan(inputs: inputs, compiler: compiler)
        kinds = calls.map { AggregateCellKind($0.function) }
        plainArguments = calls.allSatisfy { $0.column != nil && $0.filter == nil }
    }

    /// Group-by port `name`, which is not an input port: an output
    /// port computing its value from the input columns (`inputs`), with no aggregate.
    private static func computedKey(
        _ name: String, layout: NodeLayout, inputs: [String], _ compiler: NodeCompiler
    ) throws(NodeFailure) -> ComputedKey {
        let node = layout.node
        func refused(_ why: String) -> NodeFailure {
            NodeFailure(
                RunDiagnostics.unsupportedNode(
                    "group-by port '\(name)' of aggregator '\(node.id)' \(why)", at: node.provenance.location,
                    path: node.provenance.path, fix: "group by input ports or output ports computed from them"))
        }
        guard
            let port = node.ports.first(where: {
                $0.name.uppercased() == name.uppercased() && $0.roles.contains(.output) && !$0.roles.contains(.input)
                    && !$0.roles.contains(.variable)
            }),
            let text = port.expression?.text, !text.trimmingCharacters(in: .whitespaces).isEmpty
        else { throw refused("is neither an input port nor an output port with an expression") }
        let (checked, diagnostics) = compiler.check(text, in: node, resultType: port.type)
        guard let checked else { throw NodeCompiler.failure(node, text, diagnostics) }
        guard !containsAggregate(checked) else { throw refused("computes an aggregate") }
        let slots = Dictionary(inputs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let (compiled, compileDiagnostics) = compiler.compile(checked, text: text, in: node, slots: slots)
        guard let compiled else { throw NodeCompiler.failure(node, text, compileDiagnostics) }
        return ComputedKey(port: port.name, expression: compiled, type: port.type)
    }

    private func plan(inputs: [String], compiler: NodeCompiler) throws(NodeFailure) {
        var upper = inputs.map { $0.uppercased() }
        upper += computedKeys.map(\.name)
        let slots = Dictionary(upper.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for index in layout.outputPorts[""] ?? [] {
            let port = node.ports[index]
            if port.roles.contains(.input), let column = upper.firstIndex(of: port.name.uppercased()) {
                outputs.append(.column(column))
                continue
            }
            if let key = computedKeys.firstIndex(where: { $0.name == port.name.uppercased() }) {
                outputs.append(.column(inputs.count + key))
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
            outputs.append(.expression(compiled, type: port.type, port: port.name))
        }
    }

    /// `expression` with each aggregate call replaced by a reference to its slot `__AGGn`.
    private func extract(_ expression: Expr, _ found: inout [(AggregateFunction, [Expr])], text: String)
        throws(NodeFailure) -> Expr
    {
        var copy = expression
        switch expression.kind {
        case .call(let name, let arguments):
            let isStar = arguments.first?.kind == .star
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
        let argumentExpression = function == .countRows || rest.isEmpty ? nil : rest.removeFirst()
        let argument = try argumentExpression.map { e throws(NodeFailure) in try compiled(e) }
        var column: Int?
        if case .reference(let name)? = argumentExpression?.kind, let slot = slots[name.uppercased()] {
            column = slot
        }
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
        return AggregateCallPlan(
            function: function, argument: argument, column: column, filter: filter, percentage: percentage)
    }

    override func consume(_ batch: RowBatch, group: String, _ context: RunContext) throws(NodeFailure)
        -> [String: RowBatch]
    {
        try consume(InputBatch(batch), group: group, context)
    }

    /// Adds each row to its group, each row read into one reused buffer. Rows go in windows: the
    /// key hashes of a window's rows are computed and their table slots and likely groups read
    /// first, so that the cache misses of many rows overlap; then each row is added in order
    /// exactly as alone.
    override func consume(_ input: InputBatch, group: String, _ context: RunContext) throws(NodeFailure)
        -> [String: RowBatch]
    {
        let cellSettings = sharedSettings(context)
        let windowSize = 32
        var window = [[Value]](repeating: [], count: windowSize)
        var hashes = [Int](repeating: 0, count: windowSize)
        // Per row of the window: false when computing a group-by port failed (the row is rejected).
        var keyed = [Bool](repeating: true, count: windowSize)
        var values = [Value](repeating: .null, count: calls.count)
        var filters = [Value?](repeating: nil, count: calls.count)
        // The groups live in locals while rows are added: no exclusivity checks on the properties.
        var groups = self.groups
        var store = self.store
        var general = self.general
        self.groups = GroupTable(keyColumns: keyColumns, capacity: 1)
        self.store = []
        self.general = []
        defer {
            self.groups = groups
            self.store = store
            self.general = general
        }
        var start = 0
        while start < input.count {
            let size = Swift.min(windowSize, input.count - start)
            for offset in 0..<size {
                input.fill(&window[offset], at: start + offset)
                if !computedKeys.isEmpty {
                    keyed[offset] = computeKeys(&window[offset], kind: input.kinds[start + offset], context)
                }
                hashes[offset] = groups.keyHash(window[offset])
            }
            touched &+= Self.readAhead(hashes[0..<size], groups, store, stride: stride)
            for offset in 0..<size where keyed[offset] {
                add(
                    window[offset], hash: hashes[offset], &values, &filters, cellSettings, context,
                    &groups, &store, &general)
            }
            start += size
        }
        count(context, in: input.count, out: 0)
        return [:]
    }

    /// Appends the computed group-by ports' values to `row` (its input columns); false, with the
    /// row rejected, when one fails (or a row of the right width, the values NULL, to hash).
    func computeKeys(_ row: inout [Value], kind: RowKind, _ context: RunContext) -> Bool {
        let inputs = row
        do throws(RowError) {
            for key in computedKeys {
                var scratch = inputs
                let value = try key.expression.evaluate(&scratch, state: &context.state)
                row.append(try PortCoercion.coerce(value, to: key.type, context.settings, port: key.port))
            }
            return true
        } catch {
            context.reject(id, error, kind: kind, values: inputs)
            row = inputs + [Value](repeating: .null, count: computedKeys.count)
            return false
        }
    }

    override func finish(_ context: RunContext) throws(NodeFailure) -> [String: RowBatch] {
        var output = RowBatch(columns: layout.outputNames(""))
        let width = calls.count
        var finalOuter: [Int: AggregateAccumulator] = [:]
        if groups.count == 0 && keyColumns.isEmpty && !spec.emptyInputYieldsNoRow {
            _ = groups.insert([]) { _ in true }
            startGroup([Value](repeating: .null, count: inputCount), context, &store, &general)
        }
        var positions = emissionOrder(context.settings)
        var rows = positions.map(chosenRow)
        if !outer.isEmpty, let last = rows.last, let lastPosition = positions.last {
            // Nested aggregates collapse all groups into one row: the outer functions over the
            // per-group inner values, the other outputs from the last group (reference §2.4).
            do throws(RowError) {
                var outers: [Int: AggregateAccumulator] = [:]
                for (index, function) in outer {
                    var accumulator = AggregateAccumulator(function, settings: context.settings)
                    for position in positions { try accumulator.add(try result(group: position, call: index)) }
                    outers[index] = accumulator
                }
                finalOuter = outers
            } catch {
                context.reject(id, error, kind: .insert, values: last)
            }
            rows = [last]
            positions = [lastPosition]
        }
        output.rows.reserveCapacity(rows.count)
        output.kinds.reserveCapacity(rows.count)
        for group in rows.indices {
            var row = rows[group]
            do throws(RowError) {
                for index in 0..<width {
                    if let accumulator = finalOuter[index] {
                        row.append(try accumulator.result())
                    } else {
                        row.append(try result(group: positions[group], call: index))
                    }
                }
                var values: [Value] = []
                values.reserveCapacity(outputs.count)
                for plan in outputs {
                    switch plan {
                    case .column(let column): values.append(column >= 0 ? row[column] : .null)
                    case .expression(let expression, let type, let port):
                        let value = try expression.evaluate(&row, state: &context.state)
                        values.append(try PortCoercion.coerce(value, to: type, context.settings, port: port))
                    }
                }
                output.append(values, kind: .insert)
            } catch {
                context.reject(id, error, kind: .insert, values: rows[group])
            }
        }
        count(context, in: 0, out: output.count)
        groups = GroupTable(keyColumns: keyColumns)
        store = []
        general = []
        return ["": output]
    }
}

/// Decimal to Double without Foundation's bridging in every caller.
enum NSDecimalNumberBridge {
    static func double(_ value: Decimal) -> Double { Double(truncating: value as NSNumber) }
}
