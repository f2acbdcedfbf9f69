import IR

/// Integer ports receiving values their type does not hold (reference G11).
///
/// The runtime computes integer arithmetic in 64 bits; an integer port whose expression gives a
/// value outside its type (`W + 1` for the largest integer) rejects the row (RT0004). SQL would
/// carry the wider value on, or fail writing it. Where ``SQLIntegerBounds`` cannot rule such a
/// value out, the Expression keeps only the rows whose values fit (`WHERE`), as the runtime
/// writes only those; an output port whose default value replaces the failing value, or a
/// session that counts rejected rows ("Stop on errors"), is refused instead.
extension SQLPipelineBuilder {
    /// The condition under which `port`'s value `value` fits the port's integer type, or nil when
    /// every value the expression can give fits (or the port is not a computed integer).
    func integerRangeCheck(_ port: Port, of node: Node, _ value: SQLExpression) throws(SQLPushdownRefusal)
        -> SQLExpression?
    {
        guard !port.roles.contains(.input), let range = SQLIntegerBounds.range(of: port.type),
            let text = port.expression?.text, !text.trimmingSpaces().isEmpty
        else { return nil }
        let (expression, _) = try typed(text, of: node, at: port.provenance, resultType: port.type)
        guard SQLIntegerBounds.range(of: expression.type) != nil,
            !SQLIntegerBounds.within(SQLIntegerBounds.of(expression), range)
        else { return nil }
        func refuse(_ why: String) -> SQLPushdownRefusal {
            refusal(
                SQLPipelineDiagnostics.portConversion, node,
                "port '\(port.name)' of '\(node.id)' can receive a value outside \(port.type.canonicalName), where the "
                    + "runtime rejects the row" + why, fix: "keep this path in the runtime",
                location: port.provenance.location, path: port.provenance.path)
        }
        if let fallback = port.defaultValue?.text.trimmingSpaces(), !fallback.isEmpty,
            !port.roles.contains(.variable)
        {
            guard let tree = context.analysis.parsed(fallback), case .call("ERROR", _) = tree.kind else {
                throw refuse(" or gives the port its default value '\(fallback)'")
            }
        }
        guard context.lowering.stopOnErrors == 0 else {
            throw refuse(
                ", and the session stops after \(context.lowering.stopOnErrors) errors, which SQL cannot count")
        }
        let low = SQLExpression.literal(.integer(Int64(range.lowerBound)))
        let high = SQLExpression.literal(.integer(Int64(range.upperBound)))
        return .binary(
            .or, .isNull(value, negated: false),
            .binary(.and, .binary(.greaterOrEqual, value, low), .binary(.lessOrEqual, value, high)))
    }
}
