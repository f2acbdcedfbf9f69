import IR

/// One comparison of two ports in a joiner or lookup condition: `left op right`.
struct PortComparison {
    let left: String
    let op: BinaryOperator
    let right: String
}

/// Joiner and lookup conditions as the native operators evaluate them: comparisons of two ports
/// (`=`, `<>`, `<`, `<=`, `>`, `>=`) joined by AND.
enum PortComparisons {
    /// The comparisons of `text` in order, or nil when it is anything else (or does not parse).
    static func parse(_ text: String) -> [PortComparison]? {
        let (expression, diagnostics) = ExpressionParser.parse(ExpressionSource(text))
        guard !diagnostics.hasErrors else { return nil }
        var comparisons: [PortComparison] = []
        func walk(_ e: Expr) -> Bool {
            switch e.kind {
            case .binary(.and, let l, let r):
                return walk(l) && walk(r)
            case .binary(let op, let l, let r) where mirrored[op] != nil:
                guard case .reference(let a) = l.kind, case .reference(let b) = r.kind else { return false }
                comparisons.append(PortComparison(left: a, op: op, right: b))
                return true
            default:
                return false
            }
        }
        return walk(expression) && !comparisons.isEmpty ? comparisons : nil
    }

    /// Each comparison operator with its sides swapped (`a < b` is `b > a`).
    static let mirrored: [BinaryOperator: BinaryOperator] = [
        .less: .greater, .lessEqual: .greaterEqual, .greater: .less, .greaterEqual: .lessEqual, .equal: .equal,
        .notEqual: .notEqual,
    ]
}
