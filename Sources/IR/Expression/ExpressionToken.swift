/// What kind of token the expression lexer found.
public enum ExpressionTokenKind: Hashable, Sendable {
    /// A numeric literal; the token's text is the number as written (`10`, `.5`, `1.5E-3`).
    case number
    /// A string literal; the associated value is its content (quotes removed, doubled quotes undone).
    case string(String)
    /// A name: port, function, built-in variable or named constant, as written.
    case identifier
    /// `AND`, `OR`, `NOT`, `TRUE`, `FALSE` or `NULL`, upper case.
    case keyword(String)
    /// A parameter or variable as written: `$$NAME`, `$NAME`, `$$$SessStartTime`, `mplt.$$NAME`.
    case parameter
    /// A predefined task variable `$task.attribute` (the task name without its `$`).
    case taskVariable(task: String, attribute: String)
    /// The head of an external call, `:LKP.name` (the name as written); a `(` must follow.
    case external(ExternalCallKind, name: String)
    /// An operator or punctuation: `+ - * / % || < <= > >= = <> != ^= ( ) ,`.
    case symbol(String)
    /// A string literal without its closing quote (the content up to the end of the text).
    case unterminatedString(String)
    /// A number run into letters or an incomplete exponent (`12abc`, `1e+`).
    case malformedNumber
    /// `$` or `$$` with no name after it.
    case incompleteParameter
    /// `:KIND.name` with a kind that is not LKP, SP, UDF or MCR.
    case unknownExternal(kind: String)
    /// A character that is not part of the language.
    case unknownCharacter
    /// The end of the text (its range is empty, just after the last real token).
    case end
}

/// One token of an expression: its kind, its text as written and where it is.
public struct ExpressionToken: Hashable, Sendable {
    /// The token's kind.
    public var kind: ExpressionTokenKind
    /// The token's source text, exactly as written.
    public var text: String
    /// The token's Unicode-scalar range in the expression text.
    public var range: TextRange

    /// Creates a token.
    public init(_ kind: ExpressionTokenKind, text: String, range: TextRange) {
        self.kind = kind
        self.text = text
        self.range = range
    }

    /// Whether the token is the symbol `symbol`.
    func isSymbol(_ symbol: String) -> Bool { kind == .symbol(symbol) }

    /// Whether the token is the keyword `keyword` (upper case).
    func isKeyword(_ keyword: String) -> Bool { kind == .keyword(keyword) }

    /// How diagnostics name the token: `'AND'`, or `end of expression`.
    var quotedForMessage: String {
        kind == .end ? "end of expression" : "'\(text)'"
    }
}
