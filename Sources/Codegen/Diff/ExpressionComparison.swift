import IR

/// Compares expressions as parsed trees: whitespace, keyword case, comments and redundant parentheses
/// are no change, and a reference to a renamed port counts as the same reference.
struct ExpressionComparison {
    /// Old port names (upper case) → new port names, applied to the old expression's references.
    var renamedPorts: [String: String] = [:]

    /// The change from `old` to `new` at `key`, or nil when both mean the same.
    func change(key: String, old: ScalarExpression?, new: ScalarExpression?) -> ExpressionChange? {
        switch (old, new) {
        case (nil, nil): return nil
        case (let old?, nil): return ExpressionChange(key: key, old: Self.canonical(old), new: nil)
        case (nil, let new?): return ExpressionChange(key: key, old: nil, new: Self.canonical(new))
        case (let old?, let new?):
            if sameMeaning(old, new) { return nil }
            return ExpressionChange(key: key, old: Self.canonical(old), new: Self.canonical(new))
        }
    }

    /// Whether `old` (with renames applied) and `new` parse to the same tree.
    func sameMeaning(_ old: ScalarExpression, _ new: ScalarExpression) -> Bool {
        guard let oldTree = Self.tree(old), let newTree = Self.tree(new) else {
            return Self.squeezed(old.text) == Self.squeezed(new.text)
        }
        return renaming(oldTree) == Self.upperCased(newTree)
    }

    /// The canonical text of `expression`, or its text with runs of white space squeezed when it does
    /// not parse.
    static func canonical(_ expression: ScalarExpression) -> String {
        let (tree, diagnostics) = ExpressionParser.parse(ExpressionSource(expression.text))
        if diagnostics.contains(where: { $0.severity == .error }) { return squeezed(expression.text) }
        return ExpressionPrinter.canonical(tree)
    }

    /// Whether `expression` parses without errors.
    static func parses(_ expression: ScalarExpression) -> Bool { tree(expression) != nil }

    private static func tree(_ expression: ScalarExpression) -> Expr? {
        let (tree, diagnostics) = ExpressionParser.parse(ExpressionSource(expression.text))
        if diagnostics.contains(where: { $0.severity == .error }) { return nil }
        return tree.withoutRangesAndTypes
    }

    private static func squeezed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func renaming(_ tree: Expr) -> Expr {
        Self.mapReferences(tree) { name in
            let upper = name.uppercased()
            return (renamedPorts[upper] ?? upper).uppercased()
        }
    }

    private static func upperCased(_ tree: Expr) -> Expr { mapReferences(tree) { $0.uppercased() } }

    /// `tree` with every port reference rewritten by `rename` (port names are case-insensitive).
    private static func mapReferences(_ tree: Expr, _ rename: (String) -> String) -> Expr {
        let kind: ExprKind =
            switch tree.kind {
            case .reference(let name): .reference(rename(name))
            case .unary(let op, let operand): .unary(op, mapReferences(operand, rename))
            case .binary(let op, let left, let right):
                .binary(op, mapReferences(left, rename), mapReferences(right, rename))
            case .call(let name, let arguments):
                .call(name: name, arguments: arguments.map { mapReferences($0, rename) })
            case .external(let kind, let name, let arguments):
                .external(kind, name: name.uppercased(), arguments: arguments.map { mapReferences($0, rename) })
            default: tree.kind
            }
        return Expr(kind, range: tree.range)
    }
}
