import IR

/// How an Expression's variable ports that carry values from row to row are computed in SQL
/// (reference G12, G13, cases 46 and 47). Two shapes are exact, given the order rows arrive in
/// (``SQLRowOrder``):
///
/// - **A previous value**: a variable read before it is computed in the row holds the previous
///   row's value, or its type's initial value (0, '') on the first row. When that variable is
///   computed within its row, its previous value is `LAG(value, 1, initial) OVER (ORDER BY …)`.
/// - **A counter**: `v = v + n`, or `v = IIF(condition, v + n, m)` (or with the branches swapped),
///   `n` and `m` whole numbers. From 0, after row `k` of the input (from 1) `v` is `n × k`, or
///   `m + n × (k − r)` after the last row `r` that took the reset branch:
///   `MAX(CASE WHEN reset THEN k END) OVER (ORDER BY k)`.
///
/// Common tables, because a window function cannot read another:
///
///     EXP_PREV:   SELECT input.*, ROW_NUMBER() OVER (order) AS EXP_ROW,
///                        LAG(w, 1, 0) OVER (order) AS EXP_PREV_w …
///     EXP_RESETS: SELECT EXP_PREV.*, MAX(CASE WHEN reset THEN EXP_ROW END) OVER (ORDER BY EXP_ROW) …
///     EXP_COUNTS: SELECT EXP_RESETS.*, counter values …
///     EXP:        the Expression's ports, reading those columns
struct SQLVariablePlan {
    /// A counter variable.
    struct Counter {
        /// `n`.
        var step: Int64
        /// `m`, the condition and whether the reset branch is taken when the condition is true.
        var reset: (value: Int64, condition: Expr, source: ExpressionSource, whenTrue: Bool)?
    }

    /// The variables (upper case) read before they are computed in the row, each computed within
    /// its row: their previous values are `LAG` columns.
    var previous: Set<String> = []
    /// The counters, by variable name (upper case).
    var counters: [String: Counter] = [:]
    /// Each value `LAG` reads, by variable, as the loop over the variables computes it.
    var lagged: [String: SQLExpression] = [:]
    /// Each counter's reset condition, lowered where the loop reaches it.
    var resets: [String: SQLExpression] = [:]
    /// Each counter's value, over the row number and its last reset.
    var counts: [String: SQLExpression] = [:]
    /// Each bounded counter's check, which stops the statement past the port type's range.
    var checks: [String: SQLExpression] = [:]
    /// Column names: the row number, each previous value, each counter's last reset and value.
    var rowColumn = ""
    var previousColumns: [String: String] = [:]
    var resetColumns: [String: String] = [:]
    var countColumns: [String: String] = [:]
}

extension SQLPipelineBuilder {
    /// The plan of `node`'s variables that carry values across rows; nil when none does. Refuses
    /// any other shape, naming the variable.
    func variablePlan(_ node: Node, input: SQLRelation) throws(SQLPushdownRefusal) -> SQLVariablePlan? {
        guard let (first, _) = context.analysis.staleVariable(of: node) else { return nil }
        let variables = node.ports.filter { $0.roles.contains(.variable) }
        var index: [String: Int] = [:]
        for (position, variable) in variables.enumerated() { index[variable.name.uppercased()] = position }
        var rowLocal: Set<String> = []
        var plan = SQLVariablePlan()
        var parsed: [(expression: Expr, source: ExpressionSource)?] = []
        for variable in variables {
            guard let text = variable.expression?.text, !text.trimmingSpaces().isEmpty else {
                parsed.append(nil)
                continue
            }
            parsed.append(try typed(text, of: node, at: variable.provenance, resultType: variable.type))
        }
        // Within its row: reads inputs and earlier variables that are within their rows.
        for (position, variable) in variables.enumerated() {
            let references = parsed[position].map { OptimizerSupport.references($0.expression) } ?? []
            let read = references.compactMap { index[$0] }
            if read.allSatisfy({ $0 < position && rowLocal.contains(variables[$0].name.uppercased()) }) {
                rowLocal.insert(variable.name.uppercased())
            }
        }
        for (position, variable) in variables.enumerated() {
            let name = variable.name.uppercased()
            guard let (expression, source) = parsed[position] else { continue }
            let stale = OptimizerSupport.references(expression).filter { (index[$0] ?? -1) >= position }
            for read in stale where read != name {
                guard rowLocal.contains(read) else {
                    throw variableRefusal(
                        node, variable,
                        "reads the previous row's '\(read)', which is not computed within its row")
                }
                plan.previous.insert(read)
            }
            guard stale.contains(name) else { continue }
            guard let counter = Self.counter(expression, source, name) else {
                throw variableRefusal(
                    node, variable,
                    "reads its own previous value in a shape SQL does not compute (only v + n and IIF(c, v + n, m))")
            }
            try checkCounterType(variable, node, counter)
            if let reset = counter.reset {
                let inCondition = OptimizerSupport.references(reset.condition).compactMap { index[$0] }
                if let other = inCondition.first(where: { plan.counters[variables[$0].name.uppercased()] != nil }) {
                    throw variableRefusal(
                        node, variable, "resets on a condition that reads counter '\(variables[other].name)'")
                }
            }
            plan.counters[name] = counter
        }
        for name in plan.previous {
            guard let variable = variables.first(where: { $0.name.uppercased() == name }) else { continue }
            guard initialValue(of: variable.type) != nil else {
                throw variableRefusal(
                    node, variable,
                    "is read before it is computed, and its initial value (\(variable.type.canonicalName)) is not "
                        + "written in \(dialect.name)")
            }
        }
        guard input.order.keys.flatMap({ orderings($0) }) != nil, dialect.supportsWindowFunctions else {
            let why = input.order.why ?? "SQL cannot number them"
            throw variableRefusal(
                node, first, "carries a value from row to row, and SQL does not know the order rows arrive in: \(why)")
        }
        return plan
    }

    /// `v + n`, `n + v`, `v - n`, or `IIF(c, v ± n, m)` / `IIF(c, m, v ± n)`, `v` being `name`.
    static func counter(_ expression: Expr, _ source: ExpressionSource, _ name: String) -> SQLVariablePlan.Counter? {
        if let step = step(expression, name) { return SQLVariablePlan.Counter(step: step) }
        guard case .call("IIF", let arguments) = expression.kind, arguments.count == 3,
            !OptimizerSupport.references(arguments[0]).contains(name)
        else { return nil }
        if let step = step(arguments[1], name), let reset = wholeNumber(arguments[2]) {
            return SQLVariablePlan.Counter(step: step, reset: (reset, arguments[0], source, false))
        }
        if let step = step(arguments[2], name), let reset = wholeNumber(arguments[1]) {
            return SQLVariablePlan.Counter(step: step, reset: (reset, arguments[0], source, true))
        }
        return nil
    }

    /// `n` of `v + n`, `n + v` or (as `-n`) `v - n`.
    static func step(_ expression: Expr, _ name: String) -> Int64? {
        guard case .binary(let op, let left, let right) = expression.kind else { return nil }
        let isVariable = { (e: Expr) -> Bool in
            if case .reference(let reference) = e.kind { return reference.uppercased() == name }
            return false
        }
        switch op {
        case .add where isVariable(left): return wholeNumber(right)
        case .add where isVariable(right): return wholeNumber(left)
        case .subtract where isVariable(left): return wholeNumber(right).map { -$0 }
        default: return nil
        }
    }

    /// A literal whole number (`3`, `-1`) of at most 9 digits.
    static func wholeNumber(_ expression: Expr) -> Int64? {
        switch expression.kind {
        case .number(let text) where text.count <= 9: return Int64(text)
        case .unary(.negate, let operand): return wholeNumber(operand).map { -$0 }
        default: return nil
        }
    }

    /// Refuses a counter whose port type the closed form does not hold exactly.
    func checkCounterType(_ variable: Port, _ node: Node, _ counter: SQLVariablePlan.Counter) throws(SQLPushdownRefusal)
    {
        switch variable.type {
        case .integer, .smallInteger, .bigInteger: return
        case .decimal(let precision, 0) where precision <= 15: return
        default:
            throw variableRefusal(
                node, variable, "counts in \(variable.type.canonicalName), which SQL does not count in exactly")
        }
    }

    /// The value a variable of `type` starts with (reference G12), as SQL; nil when the dialect
    /// cannot write it (Oracle's '' is NULL) or for a date or binary.
    func initialValue(of type: DataType) -> SQLExpression? {
        switch type {
        case .integer, .smallInteger, .bigInteger, .decimal, .double, .real: .literal(.integer(0))
        case .string, .nstring, .text, .ntext: dialect.keepsEmptyStrings ? .literal(.string("")) : nil
        case .dateTime, .binary: nil
        }
    }

    func variableRefusal(_ node: Node, _ variable: Port, _ why: String) -> SQLPushdownRefusal {
        refusal(
            SQLPipelineDiagnostics.variablePorts, node, "variable port '\(variable.name)' of '\(node.id)' \(why)",
            fix: "keep this path in the runtime", location: variable.provenance.location,
            path: variable.provenance.path)
    }
}
