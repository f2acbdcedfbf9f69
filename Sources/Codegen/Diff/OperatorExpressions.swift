import IR

/// The expressions an operator's options hold (conditions), which the diff compares as trees rather
/// than as option text.
enum OperatorExpressions {
    /// `op`'s expressions by key: `condition`, `expression`, `groups[NAME].condition`.
    static func of(_ op: Operator) -> [String: ScalarExpression] {
        switch op {
        case .filter(let spec): ["condition": spec.condition]
        case .join(let spec): ["condition": spec.condition]
        case .lookup(let spec): spec.condition.map { ["condition": $0] } ?? [:]
        case .setRowKind(let spec): ["expression": spec.expression]
        case .transactionControl(let spec): ["condition": spec.condition]
        case .route(let spec):
            Dictionary(
                spec.groups.compactMap { group in group.condition.map { ("groups[\(group.name)].condition", $0) } },
                uniquingKeysWith: { first, _ in first })
        default: [:]
        }
    }

    /// `op` with every expression emptied, so that its remaining options can be compared as settings.
    static func removing(from op: Operator) -> Operator {
        let empty = ScalarExpression("")
        switch op {
        case .filter(var spec):
            spec.condition = empty
            return .filter(spec)
        case .join(var spec):
            spec.condition = empty
            return .join(spec)
        case .lookup(var spec):
            spec.condition = nil
            return .lookup(spec)
        case .setRowKind(var spec):
            spec.expression = empty
            return .setRowKind(spec)
        case .transactionControl(var spec):
            spec.condition = empty
            return .transactionControl(spec)
        case .route(var spec):
            for index in spec.groups.indices { spec.groups[index].condition = nil }
            return .route(spec)
        default:
            return op
        }
    }
}
