import IR

/// One aggregate function call: `SUM(AMT, AMT > 0)` is `.sum` over `AMT` with filter `AMT > 0`.
public struct AggregateCall: Sendable {
    /// The function.
    public var function: AggregateFunction
    /// The argument, compiled against the input's columns (nil for `COUNT(*)`).
    public var argument: CompiledExpression?
    /// The optional filter condition; rows where it is FALSE or NULL are left out.
    public var filter: CompiledExpression?
    /// PERCENTILE's percentage.
    public var percentage: Double

    /// Creates a call.
    public init(
        _ function: AggregateFunction, _ argument: CompiledExpression?, filter: CompiledExpression? = nil,
        percentage: Double = 50
    ) {
        self.function = function
        self.argument = argument
        self.filter = filter
        self.percentage = percentage
    }
}

/// What one output port of an aggregate computes.
public enum AggregateOutput: Sendable {
    /// The value of an input column that is neither grouped nor aggregated (and the group-by
    /// columns themselves): the group's last row under `last-row`, its first under `any-row`.
    case column(String)
    /// An aggregate per group.
    case aggregate(AggregateCall)
    /// An aggregate of a per-group aggregate (`MAX(COUNT(ITEM))`): all groups collapse to one row.
    case nested(outer: AggregateFunction, inner: AggregateCall)
}

/// Groups rows and computes aggregates, PowerCenter style (reference §2.4).
///
/// One row per group, groups in order of first appearance (PowerCenter's order is not
/// guaranteed). With a nested aggregate the groups collapse into one row; the other outputs of that
/// row take the last group's values [chosen]. With no rows and no grouping ports the output is
/// empty when `emptyInputYieldsNoRow` [BELIEVED].
public enum Aggregate {
    /// Aggregates `input`; `outputs` are the output columns, named, in order.
    public static func run(
        spec: AggregateSpec, input: RowSet, outputs: [(name: String, value: AggregateOutput)],
        settings: EvaluationSettings
    ) throws(RowError) -> RowSet {
        var groups = KeyComparison.groups(input.rows, keyIndexes: try input.indexes(of: spec.groupBy))
        if groups.isEmpty && (!spec.groupBy.isEmpty || spec.emptyInputYieldsNoRow) {
            return RowSet(columns: outputs.map(\.name))
        }
        if groups.isEmpty { groups = [[]] }
        var rows: [[Value]] = []
        for group in groups {
            rows.append(try groupRow(group, spec, input, outputs.map(\.value), settings))
        }
        let nested = outputs.indices.filter { if case .nested = outputs[$0].value { true } else { false } }
        if !nested.isEmpty { rows = [try collapse(rows, nested: nested, outputs.map(\.value), settings)] }
        return RowSet(columns: outputs.map(\.name), rows: rows)
    }

    /// The output row of one group; a nested output holds its inner (per-group) aggregate.
    private static func groupRow(
        _ group: [Int], _ spec: AggregateSpec, _ input: RowSet, _ outputs: [AggregateOutput],
        _ settings: EvaluationSettings
    ) throws(RowError) -> [Value] {
        var row: [Value] = []
        for output in outputs {
            switch output {
            case .column(let name):
                let position = try input.index(of: name)
                let chosen = spec.ungroupedValue == .lastRow ? group.last : group.first
                row.append(chosen.map { input.rows[$0][position] } ?? .null)
            case .aggregate(let call), .nested(_, let call):
                row.append(try aggregate(call, over: group.map { input.rows[$0] }, settings))
            }
        }
        return row
    }

    /// One aggregate over `rows`.
    static func aggregate(_ call: AggregateCall, over rows: [[Value]], _ settings: EvaluationSettings)
        throws(RowError) -> Value
    {
        var accumulator = AggregateAccumulator(call.function, settings: settings, percentage: call.percentage)
        for row in rows {
            let value = try call.argument?.evaluate(row) ?? .null
            try accumulator.add(value, filter: try call.filter?.evaluate(row))
        }
        return try accumulator.result()
    }

    /// The single row of a nested aggregate: outer functions over the per-group values, other
    /// outputs from the last group.
    private static func collapse(
        _ rows: [[Value]], nested: [Int], _ outputs: [AggregateOutput], _ settings: EvaluationSettings
    ) throws(RowError) -> [Value] {
        var result = rows.last ?? []
        for position in nested {
            guard case .nested(let outer, let inner) = outputs[position] else { continue }
            var accumulator = AggregateAccumulator(outer, settings: settings, percentage: inner.percentage)
            for row in rows { try accumulator.add(row[position]) }
            result[position] = try accumulator.result()
        }
        return result
    }
}
