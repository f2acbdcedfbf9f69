import IR

extension SQLPipelineBuilder {
    /// The row-kind constants and their codes (reference §2.13).
    static let rowKindConstants: [String: Int] = ["DD_INSERT": 0, "DD_UPDATE": 1, "DD_DELETE": 2, "DD_REJECT": 3]

    /// An Update Strategy: its rows pass on unchanged, each with a kind code. A constant
    /// expression gives every row its code; any other integer expression becomes a column
    /// `CASE WHEN e IS NULL THEN 0 WHEN e IN (0, 1, 2, 3) THEN e ELSE -1 END` (NULL is an insert
    /// and any other value a row error, as the runtime's `RowKind.fromStrategy` decides).
    /// Unless the session treats source rows as data driven, the Integration Service ignores the
    /// Update Strategy (§2.13 [S3f], case 48): every row passes on, rejected ones too, and takes
    /// the session's kind at the target.
    mutating func lowerSetRowKind(_ node: Node, _ spec: RowKindSpec) throws(SQLPushdownRefusal) {
        let inputs = node.inputPorts
        let input = try inputRelation(of: node, ports: inputs.filter { $0.source != nil })
        let values = columns(of: inputs, in: input)
        let ports = node.outputPorts
        var items = ports.map { SQLSelectItem(values[$0.name.uppercased()] ?? .literal(.null), as: $0.name) }
        guard context.lowering.treatRowsAs == .dataDriven else {
            register(node, table: addTable(node.id, .select(SQLSelect(items: items, from: input.from()))), ports: ports)
            return
        }
        let (expression, source) = try typed(spec.expression.text, of: node, at: node.provenance)
        let kind: SQLRowKind
        if let code = Self.constantRowKind(expression) {
            guard (0...3).contains(code) else {
                throw rowKindRefusal(node, "gives \(code) for every row, which the runtime refuses as a row error")
            }
            kind = .constant(code)
        } else {
            guard let type = expression.type, Self.integerDigits(type) != nil else {
                throw rowKindRefusal(
                    node, "is of type \(expression.type?.canonicalName ?? "unknown"), not an integer row kind")
            }
            let value = try lowered(Self.replacingRowKindConstants(expression), source, columns: values, of: node)
            let codes = Self.possibleRowKinds(expression)
            let code = codes == nil ? Self.checkedRowKind(value) : value
            let names = Set(ports.map { $0.name.uppercased() })
            var name = "ROW_KIND"
            while names.contains(name.uppercased()) { name += "_" }
            items.append(SQLSelectItem(code, as: name))
            kind = .column(name, codes: codes ?? [0, 1, 2, 3])
        }
        register(node, table: addTable(node.id, .select(SQLSelect(items: items, from: input.from()))), ports: ports)
        relations[Self.key(node.id, "")]?.rowKind = SQLRowKindInfo(kind: kind, forwardRejected: spec.forwardRejected)
    }

    /// `value` as the runtime reads a row kind: NULL is 0 (insert), 0-3 themselves, anything else
    /// -1 (a row error: the row is not written).
    static func checkedRowKind(_ value: SQLExpression) -> SQLExpression {
        let codes = (0...3).map { SQLExpression.literal(.integer(Int64($0))) }
        return .caseWhen(
            branches: [
                SQLWhen(.isNull(value, negated: false), then: .literal(.integer(0))),
                SQLWhen(.inList(value, codes, negated: false), then: value),
            ], otherwise: .literal(.integer(-1)))
    }

    /// The codes `expression` may give when it always gives one of 0-3 (a `DD_*` constant or
    /// such a number, or `IIF(condition, a, b)` / `DECODE(…)` with every result and the default
    /// such a constant), sorted; nil otherwise.
    static func possibleRowKinds(_ expression: Expr) -> [Int]? {
        if let code = constantRowKind(expression) {
            if case .null = expression.kind { return nil }
            return (0...3).contains(code) ? [code] : nil
        }
        guard case .call(let name, let arguments) = expression.kind else { return nil }
        var results: [Expr]
        switch name {
        case "IIF" where arguments.count == 3: results = Array(arguments.dropFirst())
        case "DECODE" where arguments.count >= 4 && arguments.count % 2 == 0:
            results = stride(from: 2, to: arguments.count, by: 2).map { arguments[$0] }
            results.append(arguments[arguments.count - 1])
        default: return nil
        }
        var codes: Set<Int> = []
        for result in results {
            guard let some = possibleRowKinds(result) else { return nil }
            codes.formUnion(some)
        }
        return codes.sorted()
    }

    /// The code of a constant row-kind expression (`DD_UPDATE`, `1`, `NULL`), or nil.
    static func constantRowKind(_ expression: Expr) -> Int? {
        switch expression.kind {
        case .constant(let name): return rowKindConstants[name.uppercased()]
        case .number(let text): return Int(text)
        case .null: return 0
        default: return nil
        }
    }

    /// `expression` with `DD_*` constants written as their integer codes.
    static func replacingRowKindConstants(_ expression: Expr) -> Expr {
        var result = expression
        switch expression.kind {
        case .constant(let name):
            if let code = rowKindConstants[name.uppercased()] {
                result.kind = .number(String(code))
                result.type = .integer
            }
        case .unary(let op, let operand): result.kind = .unary(op, replacingRowKindConstants(operand))
        case .binary(let op, let left, let right):
            result.kind = .binary(op, replacingRowKindConstants(left), replacingRowKindConstants(right))
        case .call(let name, let arguments):
            result.kind = .call(name: name, arguments: arguments.map(replacingRowKindConstants))
        default: break
        }
        return result
    }

    func rowKindRefusal(_ node: Node, _ why: String) -> SQLPushdownRefusal {
        refusal(
            SQLPipelineDiagnostics.rowKindNotLowered, node, "the expression of update strategy '\(node.id)' \(why)",
            fix: "keep this path in the runtime, or give the update strategy an integer expression")
    }
}
