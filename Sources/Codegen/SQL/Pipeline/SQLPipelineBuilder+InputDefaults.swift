import IR

/// What an Expression's input port does with a NULL input, by its default value.
enum SQLInputDefault {
    /// The constant replaces NULL (`COALESCE(input, constant)`).
    case value(SQLExpression)
    /// `ERROR(…)`: the row is rejected, so SQL leaves it out (`WHERE input IS NOT NULL`).
    case rejectsRow
}

extension SQLPipelineBuilder {
    /// The default values of `node`'s input ports that change a NULL input, by port name (upper
    /// case), as the runtime's Expression receives inputs: a constant replaces NULL; `ERROR(…)`
    /// rejects the row, which then reaches no target (the runtime also counts the error, which SQL
    /// cannot, so a session that stops after some errors, "Stop on errors", is refused). A constant
    /// is lowered where SQL holds it exactly as the port's type does: a whole number in an integer
    /// port's range, a string no longer than the port. Other defaults are refused (CG2011).
    func inputDefaults(_ node: Node) throws(SQLPushdownRefusal) -> [String: SQLInputDefault] {
        var defaults: [String: SQLInputDefault] = [:]
        for port in context.analysis.inputs(of: node) {
            guard let text = port.defaultValue?.text, !text.trimmingSpaces().isEmpty,
                text.trimmingSpaces().uppercased() != "NULL"
            else { continue }
            func refuse(_ why: String) -> SQLPushdownRefusal {
                refusal(
                    SQLPipelineDiagnostics.portDefault, node,
                    "input port '\(port.name)' of '\(node.id)' has default value '\(text)', which replaces NULL inputs"
                        + why, fix: "keep this path in the runtime", location: port.provenance.location,
                    path: port.provenance.path)
            }
            guard let tree = context.analysis.parsed(text) else { throw refuse("") }
            if case .call("ERROR", _) = tree.kind {
                guard context.lowering.stopOnErrors == 0 else {
                    throw refuse(
                        " by rejecting the row, and the session stops after \(context.lowering.stopOnErrors) errors, "
                            + "which SQL cannot count")
                }
                defaults[port.name.uppercased()] = .rejectsRow
                continue
            }
            guard let constant = exactConstant(tree, for: port.type) else {
                throw refuse(", a constant SQL does not hold exactly as \(port.type.canonicalName)")
            }
            defaults[port.name.uppercased()] = .value(constant)
        }
        return defaults
    }

    /// `tree`, a literal, as the value a port of `type` holds: a whole number in an integer type's
    /// range, or a string no longer than a string type's precision (not '' where the dialect does
    /// not keep it: Oracle reads it as NULL); nil otherwise.
    func exactConstant(_ tree: Expr, for type: DataType) -> SQLExpression? {
        if case .string(let text) = tree.kind, type.isString {
            let limit = Self.precision(of: type)
            guard limit == 0 || text.count <= limit, !text.isEmpty || dialect.keepsEmptyStrings else { return nil }
            return .literal(.string(text))
        }
        guard let bits = Self.integerDigits(type), let value = Self.integerLiteral(tree) else { return nil }
        let largest = bits == 64 ? Int64.max : (Int64(1) << (bits - 1)) - 1
        return (-largest - 1...largest).contains(value) ? .literal(.integer(value)) : nil
    }

    /// A literal whole number (`3`, `-40000`) that fits 64 bits.
    static func integerLiteral(_ tree: Expr) -> Int64? {
        switch tree.kind {
        case .number(let text): Int64(text)
        case .unary(.negate, let operand): integerLiteral(operand).flatMap { $0 == Int64.min ? nil : -$0 }
        default: nil
        }
    }

    /// `values` with each input's default applied, and the condition keeping the rows no input
    /// rejects (nil when none does).
    static func applying(_ defaults: [String: SQLInputDefault], to values: inout [String: SQLExpression])
        -> SQLExpression?
    {
        var kept: [SQLExpression] = []
        for (name, rule) in defaults.sorted(by: { $0.key < $1.key }) {
            guard let value = values[name] else { continue }
            switch rule {
            case .value(let constant): values[name] = .function(name: "COALESCE", arguments: [value, constant])
            case .rejectsRow: kept.append(.isNull(value, negated: true))
            }
        }
        return SQLExpression.all(kept)
    }
}
