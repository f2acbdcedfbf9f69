import IR

/// Operands a database never computes.
///
/// The runtime computes every operand of an operator or a function before it applies it (all
/// but the branches of IIF, DECODE and CHOOSE, and the right operand of AND and OR when the left
/// decides), and rejects the row where one fails (an `ADD_TO_DATE` past the year 9999, an `LPAD`
/// past the largest string). A database computes an operation with a constant NULL operand as
/// NULL without computing the others (through operations that read the row too: `INSTR(NULL, B)`
/// is NULL whatever `B` is), and `x AND FALSE` or `x OR TRUE` without computing `x`: PostgreSQL
/// and DuckDB fold them while planning, and lowering itself writes `x + NULL` as NULL.
/// So where such an operation has another operand that can fail, SQL would keep the row the
/// runtime rejects. Likewise SQL's `IN` stops at the first item that matches, while the runtime
/// computes every item. Such an expression is not lowered; no dialect is asked, since the folding
/// is each planner's choice (found by `migrate verify` on PostgreSQL: `INSTR(NULL, LPAD(s, n))`
/// wrote rows the runtime rejects; and by the random expressions of `SQLExpressionDifferentialTests`).
extension Lowering {
    /// The functions whose arguments the runtime computes only as the first one decides (a call's
    /// name is upper case).
    static let lazyFunctions: Set<String> = ["IIF", "DECODE", "CHOOSE"]

    /// `e` with each reference to a port whose column is a NULL constant (a port no connector
    /// feeds) written as the NULL literal, which a database folds alike; `e` itself when there is none.
    func withNullPorts(_ e: Expr) -> Expr {
        guard columns.values.contains(where: \.isNullConstant) else { return e }
        func rewrite(_ e: Expr) -> Expr {
            var copy = e
            switch e.kind {
            case .reference(let name) where columns[name.uppercased()]?.isNullConstant == true: copy.kind = .null
            case .unary(let op, let operand): copy.kind = .unary(op, rewrite(operand))
            case .binary(let op, let left, let right): copy.kind = .binary(op, rewrite(left), rewrite(right))
            case .call(let name, let arguments): copy.kind = .call(name: name, arguments: arguments.map(rewrite))
            case .external(let kind, let name, let arguments):
                copy.kind = .external(kind, name: name, arguments: arguments.map(rewrite))
            default: break
            }
            return copy
        }
        return rewrite(e)
    }

    /// Refuses `e` where an operation in it has an operand a database may compute it from alone
    /// (one that may fold to NULL; for AND and OR, a right operand the database can decide while
    /// planning) and another operand that can fail.
    func checkFoldedOperands(_ e: Expr) throws(SQLLoweringFailure) {
        let operands: [Expr]
        var folds: (Int, Expr) -> Bool = { Self.mayFoldToNull($1) }
        switch e.kind {
        case .unary(_, let operand):
            try checkFoldedOperands(operand)
            return
        case .binary(let op, let left, let right):
            operands = [left, right]
            // The runtime computes the right operand of AND and OR only when the left does not
            // decide; a database drops the left where a right it can decide while planning decides.
            if op == .and || op == .or { folds = { index, operand in index == 1 && Self.isDecidable(operand) } }
        case .call("IN", let arguments) where arguments.dropFirst().contains(where: Self.canFail):
            // SQL's IN stops at the first item that matches, while the runtime computes every item.
            throw fail(
                e,
                "the runtime computes every item of IN and rejects the row where one fails, but SQL stops at the "
                    + "first item that matches, without the items after it")
        case .call(let name, let arguments) where !Self.lazyFunctions.contains(name):
            operands = arguments
        case .call(_, let arguments), .external(_, _, let arguments):
            for argument in arguments { try checkFoldedOperands(argument) }
            return
        default:
            return
        }
        if let constant = operands.indices.first(where: { folds($0, operands[$0]) }),
            operands.indices.contains(where: { index in index != constant && Self.canFail(operands[index]) })
        {
            throw fail(
                e,
                "the runtime computes every operand here and rejects the row where one fails, but SQL may compute "
                    + "this operation from an operand that is NULL or decided while planning, without the operand "
                    + "that can fail (PostgreSQL and DuckDB fold it)")
        }
        for operand in operands { try checkFoldedOperands(operand) }
    }

    /// Whether computing `e` (type checked) can reject the row. As
    /// ``OptimizerSupport/isErrorFree(_:)`` says, with two refinements that keep the common
    /// `SUBSTR(S, INSTR(S, '-') + 1)` in SQL: integer `+`, `-`, `*` and negation whose bounds
    /// (``SQLIntegerBounds``) stay within the runtime's 64 bits cannot fail, and neither can
    /// `INSTR` of two strings. Errs towards yes: a yes only keeps an expression in the runtime.
    static func canFail(_ e: Expr) -> Bool {
        let within64Bits = { SQLIntegerBounds.within(SQLIntegerBounds.of(e), SQLIntegerBounds.int64) }
        switch e.kind {
        case .unary(.negate, let operand) where SQLIntegerBounds.range(of: operand.type) != nil:
            return canFail(operand) || !within64Bits()
        case .binary(let op, let left, let right)
        where (op == .add || op == .subtract || op == .multiply) && SQLIntegerBounds.range(of: left.type) != nil
            && SQLIntegerBounds.range(of: right.type) != nil:
            return canFail(left) || canFail(right) || !within64Bits()
        case .call("INSTR", let arguments)
        where arguments.count == 2 && arguments.allSatisfy({ $0.type?.isString == true }):
            return arguments.contains(where: canFail)
        default:
            return !OptimizerSupport.isErrorFree(e, operands: { !canFail($0) })
        }
    }

    /// Whether `e` reads nothing from the row or the session: a database may compute it while
    /// planning.
    static func isConstant(_ e: Expr) -> Bool {
        switch e.kind {
        case .number, .string, .null, .boolean, .constant: true
        case .unary(_, let operand): isConstant(operand)
        case .binary(_, let left, let right): isConstant(left) && isConstant(right)
        case .call(_, let arguments): arguments.allSatisfy(isConstant)
        default: false
        }
    }

    /// Whether a database may decide `e` while planning: a constant, or AND, OR or NOT over one
    /// (`FALSE AND x` is FALSE).
    static func isDecidable(_ e: Expr) -> Bool {
        switch e.kind {
        case .binary(.and, let left, let right), .binary(.or, let left, let right):
            isConstant(e) || isDecidable(left) || isDecidable(right)
        case .unary(.not, let operand): isDecidable(operand)
        default: isConstant(e)
        }
    }

    /// Whether a database may compute `e` as NULL while planning: a NULL literal; an operation with
    /// an operand that may be (SQL's operators and functions give NULL for a NULL operand without
    /// computing the others); an IIF, DECODE or CHOOSE whose choice it can decide and one of whose
    /// results may be. Errs towards yes: a yes only keeps an expression in the runtime.
    static func mayFoldToNull(_ e: Expr) -> Bool {
        switch e.kind {
        case .null: return true
        case .unary(_, let operand): return mayFoldToNull(operand)
        case .binary(_, let left, let right): return mayFoldToNull(left) || mayFoldToNull(right)
        case .call(let name, let arguments) where lazyFunctions.contains(name):
            guard let choice = arguments.first else { return false }
            return isDecidable(choice) && arguments.dropFirst().contains(where: mayFoldToNull)
        case .call(_, let arguments): return arguments.contains(where: mayFoldToNull)
        default: return false
        }
    }
}
