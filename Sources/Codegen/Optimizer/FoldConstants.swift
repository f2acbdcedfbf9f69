import IR

/// Computes the parts of expressions that only combine literals, so that generated SQL and
/// reviewers see the value, not the arithmetic.
///
/// Before: `IIF(TRUE, PRICE * 2, PRICE / 0)` stays (the dropped branch could raise an error, and
/// whether it is evaluated is not ours to change). `'EUR' || '/' || 'USD'` becomes `'EUR/USD'`,
/// `60 * 60 * 24` becomes `86400`, `NOT FALSE` becomes `TRUE`, `IIF(1 = 1, A, B)` becomes `A` when
/// `B` cannot raise an error and `A` has the type the IIF had.
///
/// Integer arithmetic is folded only within 32-bit integers, and every folded part must type check
/// to the type the original part had, so a fold never changes a type (integer vs decimal division
/// downstream) or a result.
public struct FoldConstants: PipelinePass {
    /// `fold-constants`.
    public let name = "fold-constants"
    /// What the pass does.
    public let summary = "compute the parts of expressions that combine only literals"

    /// Creates the pass.
    public init() {}

    /// The same, parsing through `expressions`. Only a node with a place to fold (``hasFoldSite(_:)``)
    /// is type checked.
    public func run(_ pipeline: Pipeline, expressions: inout ParsedExpressions, notes: inout [Diagnostic])
        -> Pipeline
    {
        // The folded nodes are collected and written after the loop: written inside it, the
        // compiler makes the node array unique before the loop starts, copying every node of a
        // pipeline where nothing folds (nearly all of them), which the pass manager then had to
        // compare node by node to find nothing changed.
        var folded: [(index: Int, node: Node)] = []
        for n in pipeline.nodes.indices {
            guard Self.mayFold(n, of: pipeline, &expressions) else { continue }
            let node = pipeline.nodes[n]
            let environment = OptimizerSupport.environment(node, pipeline)
            var result = node
            var changed = false
            switch node.op {
            case .project:
                for p in node.ports.indices {
                    guard let text = node.ports[p].expression?.text,
                        let folded = fold(text, environment, &expressions)
                    else { continue }
                    result.ports[p].expression = ScalarExpression(folded)
                    changed = true
                    notes.append(
                        OptimizerSupport.note(name, "folded '\(text)' to '\(folded)'", node.ports[p].provenance))
                }
            case .filter(let spec):
                guard let folded = fold(spec.condition.text, environment, &expressions) else { continue }
                result.op = .filter(FilterSpec(condition: ScalarExpression(folded)))
                changed = true
                notes.append(OptimizerSupport.note(name, "folded the condition to '\(folded)'", node.provenance))
            case .route(var spec):
                for g in spec.groups.indices {
                    guard let text = spec.groups[g].condition?.text, let folded = fold(text, environment, &expressions)
                    else {
                        continue
                    }
                    spec.groups[g].condition = ScalarExpression(folded)
                    changed = true
                }
                if changed {
                    result.op = .route(spec)
                    notes.append(OptimizerSupport.note(name, "folded group conditions", node.provenance))
                }
            default:
                continue
            }
            if changed { folded.append((n, result)) }
        }
        guard !folded.isEmpty else { return pipeline }
        var result = pipeline
        for (index, node) in folded { result.nodes[index] = node }
        return result
    }

    /// The folded text of `text`, or nil when nothing folds.
    func fold(_ text: String, _ environment: TypeEnvironment, _ expressions: inout ParsedExpressions) -> String? {
        guard let typed = expressions.typed(text, in: environment) else { return nil }
        let folded = fold(typed)
        guard folded != typed else { return nil }
        let printed = ExpressionPrinter.canonical(folded)
        // The whole folded expression must type check to the type the original had.
        guard expressions.typed(printed, in: environment)?.type == typed.type else { return nil }
        return printed
    }

    /// Whether a text this pass folds in the node at `index` of `pipeline` has a place to fold: an
    /// Expression's port expressions, a Filter's condition, a Router's group conditions. The node
    /// is read in place: nearly every node has nothing to fold, and copying each costs more.
    static func mayFold(_ index: Int, of pipeline: Pipeline, _ expressions: inout ParsedExpressions) -> Bool {
        func folds(_ text: String?) -> Bool { text.flatMap { expressions.parsed($0) }.map(hasFoldSite) ?? false }
        switch pipeline.nodes[index].op {
        case .project:
            return pipeline.nodes[index].ports.indices.contains {
                folds(pipeline.nodes[index].ports[$0].expression?.text)
            }
        case .filter(let spec): return folds(spec.condition.text)
        case .route(let spec): return spec.groups.contains { folds($0.condition?.text) }
        default: return false
        }
    }

    /// Whether `fold(_:)` can change `e` (parsed, or typed: typing keeps the shape): only where
    /// NOT has a TRUE/FALSE operand, a binary operator two string or number literals, or IIF a
    /// literal condition. The innermost place `fold(_:)` changes has unchanged children, so one
    /// of these stands in the tree as written.
    static func hasFoldSite(_ e: Expr) -> Bool {
        switch e.kind {
        case .unary(.not, let operand):
            if case .boolean = operand.kind { return true }
        case .binary(_, let left, let right):
            if isCombinable(left.kind), isCombinable(right.kind) { return true }
        case .call(let name, let arguments):
            if name.uppercased() == "IIF", let condition = arguments.first?.kind {
                switch condition {
                case .boolean, .number, .null: return true
                default: break
                }
            }
        default:
            break
        }
        return e.children.contains(where: hasFoldSite)
    }

    /// Whether `kind` is a literal ``combine(_:_:_:)`` reads (a string or a number).
    static func isCombinable(_ kind: ExprKind) -> Bool {
        switch kind {
        case .string, .number: true
        default: false
        }
    }

    /// `e` with its literal-only parts computed, bottom up.
    func fold(_ e: Expr) -> Expr {
        var copy = e
        switch e.kind {
        case .unary(let op, let operand):
            let inner = fold(operand)
            copy.kind = .unary(op, inner)
            if op == .not, case .boolean(let truth) = inner.kind { return literal(.boolean(!truth), like: e) ?? copy }
        case .binary(let op, let left, let right):
            let (a, b) = (fold(left), fold(right))
            copy.kind = .binary(op, a, b)
            if let value = Self.combine(op, a.kind, b.kind) { return literal(value, like: e) ?? copy }
        case .call(let name, let arguments):
            let folded = arguments.map(fold)
            copy.kind = .call(name: name, arguments: folded)
            if name.uppercased() == "IIF", let chosen = Self.chosenBranch(folded), chosen.type == e.type {
                return chosen
            }
        default:
            break
        }
        return copy
    }

    /// `value` as a literal when it type checks to `original`'s type; nil otherwise.
    func literal(_ value: ExprKind, like original: Expr) -> Expr? {
        let candidate = Expr(value, range: original.range, type: original.type)
        let text = ExpressionPrinter.canonical(candidate)
        guard let typed = OptimizerSupport.typed(text, in: TypeEnvironment()), typed.type == original.type else {
            return nil
        }
        return typed
    }

    /// The branch of an `IIF` whose condition is a literal, when the other branch cannot raise a
    /// row error (an omitted third argument counts as error-free).
    static func chosenBranch(_ arguments: [Expr]) -> Expr? {
        guard arguments.count == 2 || arguments.count == 3 else { return nil }
        let truth: Bool
        switch arguments[0].kind {
        case .boolean(let value): truth = value
        case .number(let text):
            guard let number = Double(text) else { return nil }
            truth = number != 0
        case .null: truth = false
        default: return nil
        }
        let dropped = truth ? arguments.dropFirst(2).first : arguments[1]
        guard dropped.map(OptimizerSupport.isErrorFree) ?? true else { return nil }
        return truth ? arguments[1] : arguments.dropFirst(2).first
    }

    /// The literal `op` gives for two literals: string concatenation, 32-bit integer `+ - *`, and
    /// integer comparisons; nil for anything else.
    static func combine(_ op: BinaryOperator, _ a: ExprKind, _ b: ExprKind) -> ExprKind? {
        if op == .concat, case .string(let x) = a, case .string(let y) = b { return .string(x + y) }
        guard case .number(let xText) = a, case .number(let yText) = b, let x = Int32(xText), let y = Int32(yText)
        else { return nil }
        let (x64, y64) = (Int64(x), Int64(y))
        let result: Int64
        switch op {
        case .add: result = x64 + y64
        case .subtract: result = x64 - y64
        case .multiply: result = x64 * y64
        case .less: return .boolean(x < y)
        case .lessEqual: return .boolean(x <= y)
        case .greater: return .boolean(x > y)
        case .greaterEqual: return .boolean(x >= y)
        case .equal: return .boolean(x == y)
        case .notEqual: return .boolean(x != y)
        default: return nil
        }
        guard let fits = Int32(exactly: result), fits >= 0 else { return nil }
        return .number(String(fits))
    }
}
