/// What a Transaction Control condition can yield (reference §2.15): the `TC_*` constants its
/// results are made of, read from the expression's shape (`IIF` and `DECODE` results, constants).
public enum TransactionControlOutcomes {
    /// The actions that leave every row in the targets once the run commits.
    public static let keepingRows: Set<String> = ["TC_CONTINUE_TRANSACTION", "TC_COMMIT_BEFORE", "TC_COMMIT_AFTER"]

    /// The `TC_*` constants `text` can yield (upper case), or nil when a result is anything else
    /// (a port, a number, a call) or the text does not parse.
    public static func possible(_ text: String) -> Set<String>? {
        let (expression, diagnostics) = ExpressionParser.parse(ExpressionSource(text))
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        return results(expression)
    }

    /// Whether the condition `text` can only continue or commit, so a run that succeeds keeps
    /// every row it wrote; false when it may roll back or its value is not known.
    public static func keepsEveryRow(_ text: String) -> Bool {
        guard let outcomes = possible(text) else { return false }
        return outcomes.isSubset(of: keepingRows)
    }

    private static func results(_ expression: Expr) -> Set<String>? {
        switch expression.kind {
        case .constant(let name) where name.uppercased().hasPrefix("TC_"): return [name.uppercased()]
        case .call(let name, let arguments) where name == "IIF" && (arguments.count == 2 || arguments.count == 3):
            // IIF(c, a) gives 0 (TC_CONTINUE_TRANSACTION) when c is false.
            let otherwise = arguments.count == 3 ? results(arguments[2]) : ["TC_CONTINUE_TRANSACTION"]
            guard let then = results(arguments[1]), let otherwise else { return nil }
            return then.union(otherwise)
        case .call(let name, let arguments) where name == "DECODE" && arguments.count >= 3:
            // DECODE(v, s1, r1, …, [default]): the results at even positions and the default; no
            // default gives NULL, which is not an action.
            guard arguments.count % 2 == 0 else { return nil }
            var all: Set<String> = []
            for index in stride(from: 2, to: arguments.count, by: 2) {
                guard let some = results(arguments[index]) else { return nil }
                all.formUnion(some)
            }
            guard let fallback = results(arguments[arguments.count - 1]) else { return nil }
            return all.union(fallback)
        default: return nil
        }
    }
}
