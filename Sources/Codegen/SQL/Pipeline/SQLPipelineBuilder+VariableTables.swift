import IR

extension SQLPipelineBuilder {
    /// Names the columns of `plan`'s common tables, none equal to a column of `input`'s table.
    func nameStateColumns(_ plan: inout SQLVariablePlan, _ node: Node, _ input: SQLRelation) {
        var taken = Set(input.columns.values.map { $0.uppercased() })
        taken.formUnion((input.order.keys ?? []).map { $0.column.uppercased() })
        plan.rowColumn = Self.uniqueName("\(node.id)_ROW_NUMBER", taken: &taken)
        for variable in node.ports where variable.roles.contains(.variable) {
            let name = variable.name.uppercased()
            if plan.previous.contains(name) {
                plan.previousColumns[name] = Self.uniqueName("\(node.id)_PREV_\(variable.name)", taken: &taken)
            }
            if plan.counters[name]?.reset != nil {
                plan.resetColumns[name] = Self.uniqueName("\(node.id)_RESET_\(variable.name)", taken: &taken)
            }
            if plan.counters[name] != nil {
                plan.countColumns[name] = Self.uniqueName("\(node.id)_COUNT_\(variable.name)", taken: &taken)
            }
        }
    }

    /// A counter's value on the current row (``SQLVariablePlan``): its column in the counts'
    /// common table, the value kept in `plan`, the reset condition lowered with the values the
    /// row has there (earlier variables, previous values). Past the range of the port's type, where
    /// the runtime rejects rows (``counterBound(_:highPrecision:)``), the statement fails instead
    /// (``SQLDialect/failure(_:)``, a check in the counts' `WHERE` every row evaluates), so the SQL
    /// never writes a value the runtime would not.
    func counterValue(
        _ counter: SQLVariablePlan.Counter, _ variable: Port, of node: Node, values: [String: SQLExpression],
        plan: inout SQLVariablePlan?
    ) throws(SQLPushdownRefusal) -> SQLExpression {
        let name = variable.name.uppercased()
        let row = SQLExpression.column(table: nil, name: plan?.rowColumn ?? "")
        func literal(_ value: Int64) -> SQLExpression { .literal(.integer(value)) }
        func times(_ value: SQLExpression) -> SQLExpression {
            counter.step == 1 ? value : .binary(.multiply, literal(counter.step), value)
        }
        var value = times(row)
        if let reset = counter.reset, let column = plan?.resetColumns[name] {
            plan?.resets[name] = try lowered(reset.condition, reset.source, columns: values, of: node, condition: true)
            let last = SQLExpression.column(table: nil, name: column)
            let since = SQLExpression.binary(.add, literal(reset.value), times(.binary(.subtract, row, last)))
            value = .caseWhen(branches: [SQLWhen(.isNull(last, negated: true), then: since)], otherwise: value)
        }
        plan?.counts[name] = value
        let count = SQLExpression.column(table: nil, name: plan?.countColumns[name] ?? "")
        guard let bound = Self.counterBound(variable.type, highPrecision: context.lowering.options.highPrecision),
            (bound - abs(counter.reset?.value ?? 0)) / abs(counter.step == 0 ? 1 : counter.step) < Self.outOfReach
        else { return count }
        let message = SQLExpression.binary(
            .concat,
            .literal(
                .string("counter '\(variable.name)' of '\(node.id)' passes \(variable.type.canonicalName) at row ")),
            .cast(row, .varchar(nil)))
        guard let failure = dialect.failure(message) else {
            throw variableRefusal(
                node, variable,
                "counts past the range of \(variable.type.canonicalName) after enough rows, where the runtime rejects "
                    + "rows and \(dialect.name) cannot stop a query")
        }
        let outside = SQLExpression.binary(
            .or, .binary(.greater, value, literal(bound)),
            .binary(.less, value, literal(Self.counterFloor(variable.type, bound))))
        plan?.checks[name] = SQLExpression.failing(when: outside, failure)
        return count
    }

    /// The smallest value a counter of `type` holds, whose largest is `bound`: one below `-bound`
    /// for the two's-complement integers, `-bound` for a decimal.
    static func counterFloor(_ type: DataType, _ bound: Int64) -> Int64 {
        switch type {
        case .smallInteger, .integer: -bound - 1
        default: -bound
        }
    }

    /// The largest value a counter of `type` holds, past which the runtime rejects the row (nil: no
    /// such limit in reach). Without high precision a decimal port holds a double, which the runtime
    /// does not check against the port's precision (a decimal(4,0) counter goes on to 10000) and which
    /// is exact far beyond any row count.
    static func counterBound(_ type: DataType, highPrecision: Bool) -> Int64? {
        switch type {
        case .smallInteger: Int64(Int16.max)
        case .integer: Int64(Int32.max)
        case .decimal(let precision, _) where precision <= 18 && highPrecision:
            (0..<precision).reduce(Int64(1)) { value, _ in value * 10 } - 1
        default: nil
        }
    }

    /// The common tables of `plan` over `input` (``SQLVariablePlan``); returns the last one's name.
    mutating func stateTables(_ plan: SQLVariablePlan, _ node: Node, _ input: SQLRelation) -> String {
        let order = input.order.keys.flatMap { orderings($0) } ?? []
        var items = [SQLSelectItem(.star(table: input.table.name))]
        if !plan.counters.isEmpty {
            items.append(
                SQLSelectItem(
                    .window(.function(name: "ROW_NUMBER", arguments: []), partitionBy: [], orderBy: order),
                    as: plan.rowColumn))
        }
        for variable in node.ports where variable.roles.contains(.variable) {
            let name = variable.name.uppercased()
            guard let column = plan.previousColumns[name], let value = plan.lagged[name],
                let initial = initialValue(of: variable.type)
            else { continue }
            let lag = SQLExpression.function(name: "LAG", arguments: [value, .literal(.integer(1)), initial])
            items.append(SQLSelectItem(.window(lag, partitionBy: [], orderBy: order), as: column))
        }
        var table = addTable("\(node.id)_PREV", .select(SQLSelect(items: items, from: input.from())))
        if !plan.resets.isEmpty { table = resetTable(plan, node, after: table) }
        guard !plan.counts.isEmpty else { return table }
        var counts = [SQLSelectItem(.star(table: table))]
        for variable in node.ports where variable.roles.contains(.variable) {
            let name = variable.name.uppercased()
            guard let column = plan.countColumns[name], let value = plan.counts[name] else { continue }
            counts.append(SQLSelectItem(value, as: column))
        }
        let checks = node.ports.compactMap { plan.checks[$0.name.uppercased()] }
        let filter = SQLExpression.all(checks)
        return addTable(
            "\(node.id)_COUNTS",
            .select(SQLSelect(items: counts, from: .table(SQLTableName(table), alias: nil), filter: filter)))
    }

    /// The common table marking each counter's last reset, after `table`.
    mutating func resetTable(_ plan: SQLVariablePlan, _ node: Node, after table: String) -> String {
        let row = SQLExpression.column(table: nil, name: plan.rowColumn)
        var resets = [SQLSelectItem(.star(table: table))]
        for variable in node.ports where variable.roles.contains(.variable) {
            let name = variable.name.uppercased()
            guard let column = plan.resetColumns[name], let condition = plan.resets[name],
                let whenTrue = plan.counters[name]?.reset?.whenTrue
            else { continue }
            let marked: SQLExpression =
                whenTrue
                ? .caseWhen(branches: [SQLWhen(condition, then: row)], otherwise: nil)
                : .caseWhen(branches: [SQLWhen(condition, then: .literal(.null))], otherwise: row)
            let last = SQLExpression.function(name: "MAX", arguments: [marked])
            resets.append(
                SQLSelectItem(
                    .window(last, partitionBy: [], orderBy: [SQLOrdering(row, nulls: .unspecified)]), as: column))
        }
        return addTable(
            "\(node.id)_RESETS", .select(SQLSelect(items: resets, from: .table(SQLTableName(table), alias: nil))))
    }
}
