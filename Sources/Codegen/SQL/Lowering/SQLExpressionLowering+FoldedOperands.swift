import IR

/// Operands a database never computes.
///
/// The runtime computes every operand of an operator or a function before it applies it (all
/// but the branches of IIF, DECODE and CHOOSE, and the right operand of AND and OR when the left
/// decides), and rejects the row where one fails (an `ADD_TO_DATE` past the year 9999, an `LPAD`
/// past the largest string). A database computes an operation with a constant NULL operand as
/// NULL without computing the others, and `x AND FALSE` or `x OR TRUE` without computing `x`:
/// PostgreSQL and DuckDB fold them while planning, and lowering itself writes `x + NULL` as NULL.
/// So where such an operation has another operand that can fail, SQL would keep the row the
/// runtime rejects. Such an expression is not lowered; no dialect is asked, since the folding
/// is each planner's choice (found by `migrate verify` on PostgreSQL: `INSTR(NULL, LPAD(s, n))`
/// wrote rows the runtime rejects).
extension Lowering {
    /// The functions whose arguments the runtime computes only as the first one decides.
    static let lazyFunctions: Set<String> = ["IIF", "DECODE", "CHOOSE"]

    /// Refuses `e` where an operation in it has an operand a database may compute it from alone
    /// (a constant that may be NULL; for AND and OR, a constant right operand) and another
    /// operand that can fail.
    func checkFoldedOperands(_ e: Expr) throws(SQLLoweringFailure) {
        let operands: [Expr]
        var folds: (Int, Expr) -> Bool = { Self.mayBeConstantNull($1) }
        switch e.kind {
        case .unary(_, let operand):
            try checkFoldedOperands(operand)
            return
        case .binary(let op, let left, let right):
            operands = [left, right]
            // The runtime computes the right operand of AND and OR only when the left does not
            // decide; a database drops the left where a constant right decides.
            if op == .and || op == .or { folds = { index, operand in index == 1 && Self.isConstant(operand) } }
        case .call(let name, let arguments) where !Self.lazyFunctions.contains(name.uppercased()):
            operands = arguments
        case .call(_, let arguments), .external(_, _, let arguments):
            for argument in arguments { try checkFoldedOperands(argument) }
            return
        default:
            return
        }
        if let constant = operands.indices.first(where: { folds($0, operands[$0]) }),
            operands.indices.contains(where: { index in
                index != constant && !OptimizerSupport.isErrorFree(operands[index])
            })
        {
            throw fail(
                e,
                "the runtime computes every operand here and rejects the row where one fails, but SQL computes "
                    + "this operation from its constant operand alone, without the operand that can fail "
                    + "(PostgreSQL and DuckDB fold it while planning)")
        }
        for operand in operands { try checkFoldedOperands(operand) }
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

    /// Whether `e` is a constant that holds a NULL literal, and so may be NULL.
    static func mayBeConstantNull(_ e: Expr) -> Bool {
        isConstant(e) && containsNull(e)
    }

    /// Whether `e` holds a NULL literal.
    static func containsNull(_ e: Expr) -> Bool {
        switch e.kind {
        case .null: true
        case .unary(_, let operand): containsNull(operand)
        case .binary(_, let left, let right): containsNull(left) || containsNull(right)
        case .call(_, let arguments): arguments.contains(where: containsNull)
        default: false
        }
    }
}
