/// Prints expressions with the fewest parentheses that keep the tree's meaning.
struct SQLExpressionPrinter {
    let dialect: any SQLDialect
    let printer: SQLPrinter

    /// `expression` inside a context that binds with strength `context` (0: none).
    func print(_ expression: SQLExpression, context: Int) -> String {
        switch expression {
        case .column(let table, let name):
            return (table.map { dialect.identifier($0) + "." } ?? "") + dialect.identifier(name)
        case .literal(let literal): return print(literal)
        case .unary(let op, let operand):
            // NOT binds looser than comparisons; unary minus tighter than anything binary.
            let strength = op == .not ? 3 : 8
            var inner = print(operand, context: strength)
            // `--` starts a comment: a minus before a negative operand gets parentheses.
            if op != .not, inner.hasPrefix("-") { inner = "(" + inner + ")" }
            let text = (op == .not ? "NOT " : "-") + inner
            return wrap(text, strength, context)
        case .binary(let op, let left, let right): return binary(op, left, right, context: context)
        case .function(let name, let arguments):
            return name + "(" + arguments.map { print($0, context: 0) }.joined(separator: ", ") + ")"
        case .caseWhen(let branches, let otherwise):
            var text = "CASE"
            for branch in branches {
                text += " WHEN " + print(branch.condition, context: 0) + " THEN " + print(branch.result, context: 0)
            }
            if let otherwise { text += " ELSE " + print(otherwise, context: 0) }
            return text + " END"
        case .cast(let value, let type):
            return "CAST(" + print(value, context: 0) + " AS " + dialect.castTypeName(type) + ")"
        case .isNull(let value, let negated):
            return wrap(print(value, context: 5) + (negated ? " IS NOT NULL" : " IS NULL"), 4, context)
        case .inList(let value, let list, let negated):
            let items = list.map { print($0, context: 0) }.joined(separator: ", ")
            return wrap(print(value, context: 5) + (negated ? " NOT IN (" : " IN (") + items + ")", 4, context)
        case .window(let function, let partitionBy, let orderBy):
            var clauses: [String] = []
            if !partitionBy.isEmpty {
                clauses.append("PARTITION BY " + partitionBy.map { print($0, context: 0) }.joined(separator: ", "))
            }
            if !orderBy.isEmpty { clauses.append("ORDER BY " + printer.orderList(orderBy)) }
            return print(function, context: 0) + " OVER (" + clauses.joined(separator: " ") + ")"
        case .subquery(let query): return "(" + printer.print(query, indent: "  ") + ")"
        case .exists(let query, let negated):
            return wrap((negated ? "NOT EXISTS (" : "EXISTS (") + printer.print(query, indent: "  ") + ")", 3, context)
        case .star(let table): return (table.map { dialect.identifier($0) + "." } ?? "") + "*"
        case .collate(let value, let collation):
            return wrap(print(value, context: 8) + " COLLATE " + collation, 8, context)
        case .verbatim(let text): return SQLVerbatimText.parenthesized(text)
        }
    }

    private func binary(_ op: SQLBinaryOperator, _ left: SQLExpression, _ right: SQLExpression, context: Int)
        -> String
    {
        let strength = op.precedence
        let lhs = print(left, context: strength)
        // A right operand of equal strength needs parentheses unless the operator is associative.
        let rhs = print(right, context: op.isAssociative ? strength : strength + 1)
        switch (op, dialect.moduloStyle, dialect.concatStyle) {
        case (.modulo, .modFunction, _):
            return "MOD(" + print(left, context: 0) + ", " + print(right, context: 0) + ")"
        case (.modulo, .modOperator, _): return wrap(lhs + " MOD " + rhs, strength, context)
        case (.concat, _, .plus): return wrap(lhs + " + " + rhs, SQLBinaryOperator.add.precedence, context)
        default: return wrap(lhs + " " + op.rawValue + " " + rhs, strength, context)
        }
    }

    private func wrap(_ text: String, _ strength: Int, _ context: Int) -> String {
        strength < context ? "(" + text + ")" : text
    }

    private func print(_ literal: SQLLiteral) -> String {
        switch literal {
        case .null: return "NULL"
        case .string(let text): return dialect.stringLiteral(text)
        case .integer(let value): return value < 0 ? "(\(value))" : String(value)
        case .decimal(let text): return text.hasPrefix("-") ? "(\(text))" : text
        case .double(let value):
            guard dialect.readsExponentLiteralsAsDoubles else {
                return print(.cast(.literal(.decimal(doubleText(value, bare: true))), .double), context: 0)
            }
            return doubleText(value)
        case .boolean(let value):
            return dialect.hasBooleanLiterals ? (value ? "TRUE" : "FALSE") : (value ? "1" : "0")
        case .date(let text): return dialect.dateLiteral(text)
        case .timestamp(let text): return dialect.timestampLiteral(text)
        }
    }

    /// A double as an exact literal: the shortest round-tripping digits with an exponent, which
    /// most dialects read as a double (``SQLDialect/readsExponentLiteralsAsDoubles``); the
    /// nearest double to those digits is the value itself, so a cast of them is exact too.
    private func doubleText(_ value: Double, bare: Bool = false) -> String {
        var text = "\(value)"
        if !text.contains("e") && !text.contains("E") { text += "E0" }
        return value < 0 && !bare ? "(" + text + ")" : text
    }
}
