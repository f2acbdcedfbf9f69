extension TypeCheckPass {
    /// Types `-x`, `+x` and `NOT x`.
    mutating func checkUnary(_ op: UnaryOperator, _ operand: Expr, in expression: Expr) -> Expr {
        let typedOperand = check(operand)
        var typed = Expr(.unary(op, typedOperand), range: expression.range)
        let numeric = numericOperand(typedOperand, of: "'\(op.rawValue)'")
        typed.type = op == .not ? .integer : numeric
        return typed
    }

    /// Types an infix operation.
    mutating func checkBinary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, in expression: Expr) -> Expr {
        let l = check(left)
        let r = check(right)
        var typed = Expr(.binary(op, l, r), range: expression.range)
        switch op {
        case .add, .subtract, .multiply, .divide, .modulo:
            typed.type = arithmeticType(op, l, r, in: expression)
        case .concat:
            typed.type = concatenationType(l, r)
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
            checkComparison(op, l, r)
            typed.type = .integer
        case .and, .or:
            _ = numericOperand(l, of: "'\(op.rawValue)'")
            _ = numericOperand(r, of: "'\(op.rawValue)'")
            typed.type = .integer
        }
        return typed
    }

    /// The numeric type an operand computes as: numbers as they are, strings as double (with a
    /// note), NULL as unknown; dates and binary are reported.
    mutating func numericOperand(_ operand: Expr, of what: String) -> DataType? {
        guard let type = operand.type else { return nil }
        switch type.family {
        case .numeric:
            return type
        case .string:
            noteStringToNumber(operand)
            return .double
        case .dateTime, .binary:
            report(
                TypeDiagnostics.wrongOperandType, "\(what) needs a number, not '\(type.canonicalName)'",
                at: operand.range, fix: "convert the operand to a number or use a date function")
            return nil
        }
    }

    private mutating func arithmeticType(_ op: BinaryOperator, _ l: Expr, _ r: Expr, in expression: Expr) -> DataType? {
        let isDate = { (e: Expr) in e.type?.family == .dateTime }
        if (op == .add || op == .subtract) && (isDate(l) || isDate(r)) {
            report(
                TypeDiagnostics.dateArithmetic, "dates cannot be added or subtracted with '\(op.rawValue)'",
                at: expression.range,
                fix: op == .add
                    ? "use ADD_TO_DATE(date, 'DD', n) to add days"
                    : "use DATE_DIFF(d1, d2, 'DD') or ADD_TO_DATE with a negative amount")
            return nil
        }
        let left = numericOperand(l, of: "'\(op.rawValue)'")
        let right = numericOperand(r, of: "'\(op.rawValue)'")
        switch (left, right) {
        case (let a?, let b?): return TypeRules.arithmetic(op, a, b, highPrecision: environment.highPrecision)
        case (let a?, nil) where l.type == nil || r.type == nil: return a
        case (nil, let b?) where l.type == nil || r.type == nil: return b
        default: return nil
        }
    }

    /// `||`: operands become strings (binary is reported); the result is as long as both.
    private mutating func concatenationType(_ l: Expr, _ r: Expr) -> DataType {
        var unicode = false
        var length = 0
        for operand in [l, r] {
            guard let type = operand.type else { continue }
            if type.family == .binary {
                report(
                    TypeDiagnostics.wrongOperandType, "'||' cannot concatenate binary data",
                    at: operand.range, fix: "encode the value first, for example with ENCODE_BASE64")
                continue
            }
            if case .nstring = type { unicode = true }
            if case .ntext = type { unicode = true }
            length += TypeRules.renderedPrecision(of: type)
        }
        return unicode ? .nstring(precision: length) : .string(precision: length)
    }

    /// Comparisons: same families compare; a string meets a number as a number (note) and a date
    /// as a date; numbers never meet dates; binary only meets binary.
    private mutating func checkComparison(_ op: BinaryOperator, _ l: Expr, _ r: Expr) {
        guard let a = l.type, let b = r.type, a.family != b.family else { return }
        switch (a.family, b.family) {
        case (.string, .numeric): noteStringToNumber(l)
        case (.numeric, .string): noteStringToNumber(r)
        case (.string, .dateTime), (.dateTime, .string): break
        default:
            report(
                TypeDiagnostics.wrongOperandType,
                "'\(op.rawValue)' cannot compare '\(a.canonicalName)' with '\(b.canonicalName)'",
                at: r.range, fix: "convert one side so both are numbers, strings or dates")
        }
    }
}
