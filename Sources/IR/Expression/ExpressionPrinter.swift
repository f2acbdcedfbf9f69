/// Prints expressions in one canonical layout.
///
/// Function names, keywords and constants upper case; references and parameters as written;
/// one space around binary operators, none inside parentheses, `, ` between arguments; `<>` for
/// every not-equal; only the parentheses precedence and left-associativity require (`a - (b - c)`
/// keeps them); strings single-quoted with quotes doubled; numbers as written; comments are not
/// in the tree and so not printed. An `.invalid` node prints as `<invalid>`, which can never
/// parse (`<` cannot start an operand), so a printed tree with errors is never taken for a valid one.
///
/// For every expression that parses without errors, parsing the printed text gives the same
/// tree (ranges aside), and printing that tree gives the same text again.
public enum ExpressionPrinter {
    /// The canonical text of `e`.
    public static func canonical(_ e: Expr) -> String {
        var output = ""
        write(e, to: &output)
        return output
    }

    private static func write(_ e: Expr, to output: inout String) {
        switch e.kind {
        case .number(let text): output += text
        case .string(let value): output += quoted(value)
        case .null: output += "NULL"
        case .boolean(let value): output += value ? "TRUE" : "FALSE"
        case .constant(let name), .builtin(let name), .reference(let name), .parameter(let name): output += name
        case .taskVariable(let task, let attribute): output += "$\(task).\(attribute)"
        case .unary(let op, let operand): writeUnary(op, operand, to: &output)
        case .binary(let op, let left, let right): writeBinary(op, left, right, to: &output)
        case .call(let name, let arguments): writeCall(name, arguments, to: &output)
        case .external(let kind, let name, let arguments):
            writeCall(":\(kind.rawValue).\(name)", arguments, to: &output)
        case .star: output += "*"
        case .invalid: output += "<invalid>"
        }
    }

    /// `'...'` with each quote doubled.
    static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    private static func writeUnary(_ op: UnaryOperator, _ operand: Expr, to output: inout String) {
        output += op.rawValue
        let needsParentheses: Bool
        if case .binary = operand.kind { needsParentheses = true } else { needsParentheses = false }
        if op == .not {
            output += " "
        } else if !needsParentheses, case .unary(let inner, _) = operand.kind, inner != .not {
            // `- -x`, never `--x` (a comment) nor `+-x` made ambiguous.
            output += " "
        }
        writeOperand(operand, parenthesised: needsParentheses, to: &output)
    }

    private static func writeBinary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, to output: inout String) {
        writeOperand(left, parenthesised: precedence(of: left) < op.precedence, to: &output)
        output += " \(op.rawValue) "
        writeOperand(right, parenthesised: precedence(of: right) <= op.precedence, to: &output)
    }

    private static func writeCall(_ name: String, _ arguments: [Expr], to output: inout String) {
        output += name + "("
        for (index, argument) in arguments.enumerated() {
            if index > 0 { output += ", " }
            write(argument, to: &output)
        }
        output += ")"
    }

    private static func writeOperand(_ e: Expr, parenthesised: Bool, to output: inout String) {
        if parenthesised { output += "(" }
        write(e, to: &output)
        if parenthesised { output += ")" }
    }

    /// How tightly `e` binds as an operand: binary nodes by their operator, everything else tightest.
    private static func precedence(of e: Expr) -> Int {
        if case .binary(let op, _, _) = e.kind { return op.precedence }
        return BinaryOperator.unaryPrecedence
    }
}

extension Expr {
    /// The same tree with every range set to zero and every type removed, for comparing trees by shape.
    public var withoutRangesAndTypes: Expr {
        let kind: ExprKind =
            switch kind {
            case .unary(let op, let operand): .unary(op, operand.withoutRangesAndTypes)
            case .binary(let op, let left, let right):
                .binary(op, left.withoutRangesAndTypes, right.withoutRangesAndTypes)
            case .call(let name, let arguments): .call(name: name, arguments: arguments.map(\.withoutRangesAndTypes))
            case .external(let kind, let name, let arguments):
                .external(kind, name: name, arguments: arguments.map(\.withoutRangesAndTypes))
            default: kind
            }
        return Expr(kind, range: TextRange(start: 0, end: 0))
    }

    /// Whether `self` and `other` have the same shape, ignoring ranges and types.
    public func isStructurallyEqual(to other: Expr) -> Bool {
        withoutRangesAndTypes == other.withoutRangesAndTypes
    }
}
