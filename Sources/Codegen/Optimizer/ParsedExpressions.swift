import IR

/// The expression texts parsed so far, by text: what one run of the passes shares, since a parse
/// depends on the text alone (typing also depends on the node's ports, which passes change).
///
/// The passes of one ``PassManager/run(_:)`` see the same texts again and again (every pass reads
/// every expression, and prune-unused-ports repeats until nothing changes); parsing each text once
/// removes most of the optimizer's work. A value owned by that run, never shared between runs.
public struct ParsedExpressions: Sendable {
    /// Each text seen, with its tree (nil when the parser reported an error).
    private var trees: [String: Expr?] = [:]
    /// Each text whose references were asked for, with them (nil when it does not parse).
    private var readNames: [String: Set<String>?] = [:]

    /// An empty memo.
    public init() {}

    /// `text` parsed; nil when the parser reports an error (parsed once per text).
    public mutating func parsed(_ text: String) -> Expr? {
        if let known = trees[text] { return known }
        let tree = OptimizerSupport.parsed(text)
        trees[text] = .some(tree)
        return tree
    }

    /// The port names `text` reads, upper case (``OptimizerSupport/collectReferences(_:into:)``);
    /// nil when it does not parse (found once per text).
    public mutating func references(_ text: String) -> Set<String>? {
        if let known = readNames[text] { return known }
        var names: Set<String>?
        if let tree = parsed(text) {
            var found: Set<String> = []
            OptimizerSupport.collectReferences(tree, into: &found)
            names = found
        }
        readNames[text] = .some(names)
        return names
    }

    /// `text` parsed and type checked in `environment`; nil when either reports an error. A NULL
    /// literal has no type.
    public mutating func typed(_ text: String, in environment: TypeEnvironment) -> Expr? {
        guard let parsed = parsed(text) else { return nil }
        return OptimizerSupport.typed(parsed, text, in: environment)
    }
}
