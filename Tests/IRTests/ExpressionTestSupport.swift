import IR

/// Test helpers for the expression lexer, parser and printer.
enum ExpressionTestSupport {
    /// Parses `text` without an element location.
    static func parse(_ text: String, location: SourceLocation? = nil) -> (expression: Expr, diagnostics: [Diagnostic])
    {
        ExpressionParser.parse(ExpressionSource(text, path: ObjectPath().appending("PORT", "p"), location: location))
    }

    /// A compact prefix notation of the tree, written by hand in the expectations:
    /// `(op left right)` for binary nodes, `(neg x)`/`(pos x)`/`(not x)` for prefix operators,
    /// `NAME[args]` for calls, `:LKP.name[args]` for external calls, `'s'` strings, `!` invalid,
    /// `b:NAME` built-ins, `c:NAME` constants, `p:NAME` parameters, `t:task.attr` task variables.
    static func tree(_ e: Expr) -> String {
        switch e.kind {
        case .number(let text): return text
        case .string(let value): return "'\(value)'"
        case .null: return "NULL"
        case .boolean(let value): return value ? "TRUE" : "FALSE"
        case .constant(let name): return "c:\(name)"
        case .builtin(let name): return "b:\(name)"
        case .reference(let name): return name
        case .parameter(let name): return "p:\(name)"
        case .taskVariable(let task, let attribute): return "t:\(task).\(attribute)"
        case .unary(let op, let operand):
            let name = op == .negate ? "neg" : op == .plus ? "pos" : "not"
            return "(\(name) \(tree(operand)))"
        case .binary(let op, let left, let right): return "(\(op.rawValue) \(tree(left)) \(tree(right)))"
        case .call(let name, let arguments): return "\(name)[\(arguments.map(tree).joined(separator: " "))]"
        case .external(let kind, let name, let arguments):
            return ":\(kind.rawValue).\(name)[\(arguments.map(tree).joined(separator: " "))]"
        case .star: return "*"
        case .invalid: return "!"
        }
    }

    /// The prefix notation of `text`'s tree (diagnostics ignored).
    static func tree(_ text: String) -> String { tree(parse(text).expression) }

    /// `line:column message` of each diagnostic, for compact expectations.
    static func errors(_ text: String) -> [String] {
        parse(text).diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
    }
}
