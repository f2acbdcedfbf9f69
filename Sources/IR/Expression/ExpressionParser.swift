/// An expression's text together with where it came from, for diagnostics.
public struct ExpressionSource: Hashable, Sendable {
    /// The expression text exactly as the export held it.
    public var text: String
    /// The object path of the object holding the expression (a port, a condition's owner).
    public var path: ObjectPath
    /// The export element holding the expression; nil to locate diagnostics in `<expression>`.
    public var location: SourceLocation?

    /// Creates a source.
    public init(_ text: String, path: ObjectPath = ObjectPath(), location: SourceLocation? = nil) {
        self.text = text
        self.path = path
        self.location = location
    }
}

/// Parses the PowerCenter transformation language into ``Expr`` trees.
///
/// Precedence climbing over the levels of reference §3.2 (unary `+ - NOT` tightest, then
/// `* / %`, `+ -`, `||`, `< <= > >=`, `= <> != ^=`, `AND`, `OR`; all left-associative). The parser
/// never fails: bad input yields diagnostics and `.invalid` nodes, and it resynchronises at `,`,
/// `)` or the end so that several errors in one expression are all reported.
public enum ExpressionParser {
    /// The deepest nesting of parentheses, calls and prefix operators accepted; deeper input yields
    /// one diagnostic instead of a stack overflow.
    public static let maximumNesting = 200
    /// The deepest tree accepted, counting chains of infix operators (a real export concatenates
    /// 199 columns with `||`, a left-leaning tree 199 deep); bounds recursion in every tree walk.
    public static let maximumTreeDepth = 1000

    /// Switches for readings of the grammar the reference marks BELIEVED (§3.2).
    public struct Options: Hashable, Sendable {
        /// `NOT` binds tighter than comparison, so `NOT A = B` is `(NOT A) = B` (the default, the
        /// literal reading of the §3.2 table, BELIEVED); false reads it as `NOT (A = B)`: the
        /// operand of `NOT` then extends over every operator above `AND`.
        public var notBindsTighterThanComparison: Bool

        /// Creates options; the defaults are the reference's stated behaviour.
        public init(notBindsTighterThanComparison: Bool = true) {
            self.notBindsTighterThanComparison = notBindsTighterThanComparison
        }
    }

    /// Parses `source`; returns the tree (with `.invalid` where it recovered) and the diagnostics.
    public static func parse(
        _ source: ExpressionSource, options: Options = Options()
    ) -> (expression: Expr, diagnostics: [Diagnostic]) {
        var parsing = ExpressionParsing(source, options: options)
        let expression = parsing.parseWhole()
        return (expression, parsing.diagnostics)
    }
}

/// The parser's state while it walks one expression's tokens.
struct ExpressionParsing {
    /// Built-in variables (bare names; `SYSTIMESTAMP()` without arguments too).
    static let builtins: Set<String> = ["SYSDATE", "SESSSTARTTIME", "SYSTIMESTAMP", "WORKFLOWSTARTTIME"]
    /// Named constants of the update strategy and transaction control.
    static let constants: Set<String> = [
        "DD_INSERT", "DD_UPDATE", "DD_DELETE", "DD_REJECT", "TC_CONTINUE_TRANSACTION", "TC_COMMIT_BEFORE",
        "TC_COMMIT_AFTER", "TC_ROLLBACK_BEFORE", "TC_ROLLBACK_AFTER",
    ]

    let tokens: [ExpressionToken]
    let source: ExpressionSource
    /// Built on the first diagnostic (``locator``): most expressions have none.
    var builtLocator: ExpressionLocator?
    var index = 0
    var diagnostics: [Diagnostic] = []
    /// Set once the depth limit is hit: the rest of the input is skipped and nothing more reported.
    var abandoned = false
    /// Set once an error was reported at the end of the input, so that one cause yields one error.
    var reportedAtEnd = false
    /// Offsets that already have a diagnostic: one place, one error.
    var reportedOffsets: Set<Int> = []
    /// The grammar switches (`NOT` binding).
    let options: ExpressionParser.Options

    init(_ source: ExpressionSource, options: ExpressionParser.Options = ExpressionParser.Options()) {
        tokens = ExpressionLexer.tokens(in: source.text)
        self.source = source
        self.options = options
    }

    /// Line and column of offsets into the text, built once, when first needed.
    var locator: ExpressionLocator {
        mutating get { ExpressionLocator.reusing(&builtLocator, of: source) }
    }

    var current: ExpressionToken { tokens[index] }
    var next: ExpressionToken { tokens[min(index + 1, tokens.count - 1)] }
    var atEnd: Bool { current.kind == .end }

    @discardableResult
    mutating func advance() -> ExpressionToken {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    /// The whole expression; trailing tokens are reported and skipped.
    mutating func parseWhole() -> Expr {
        if atEnd {
            report(
                ExpressionDiagnostics.emptyExpression, "empty expression", at: 0,
                fix: "write an expression, or remove the empty attribute")
            return Expr(.invalid, range: TextRange(start: 0, end: 0))
        }
        let expression = parseBinary(minimumPrecedence: 1, depth: Depth(nesting: 0, tree: 0))
        if !atEnd {
            reportUnexpected(current, note: "expected an operator or the end of the expression")
            index = tokens.count - 1
        }
        return expression
    }

    /// Left-associative precedence climbing over the infix operators.
    mutating func parseBinary(minimumPrecedence: Int, depth: Depth) -> Expr {
        var left = parseUnary(depth: depth)
        var chain = 0
        while let op = Self.binaryOperator(current), op.precedence >= minimumPrecedence {
            chain += 1
            let deeper = Depth(nesting: depth.nesting, tree: depth.tree + chain)
            if exceedsDepth(deeper) { return Expr(.invalid, range: left.range) }
            advance()
            let right = parseBinary(minimumPrecedence: op.precedence + 1, depth: deeper)
            left = Expr(.binary(op, left, right), range: left.range.union(right.range))
        }
        return left
    }

    /// The prefix operators bind tighter than every infix operator, so `NOT A = B` is
    /// `(NOT A) = B`. BELIEVED: this is the literal reading of the table in reference §3.2
    /// (level 2 above level 7); not yet confirmed on a live Integration Service. The switch
    /// ``ExpressionParser/Options/notBindsTighterThanComparison`` gives `NOT (A = B)` instead.
    mutating func parseUnary(depth: Depth) -> Expr {
        if exceedsDepth(depth) { return Expr(.invalid, range: current.range) }
        let op: UnaryOperator? =
            current.isSymbol("-") ? .negate : current.isSymbol("+") ? .plus : current.isKeyword("NOT") ? .not : nil
        guard let op else { return parsePrimary(depth: depth) }
        let token = advance()
        let operand =
            op == .not && !options.notBindsTighterThanComparison
            ? parseBinary(minimumPrecedence: BinaryOperator.and.precedence + 1, depth: depth.deeper)
            : parseUnary(depth: depth.deeper)
        return Expr(.unary(op, operand), range: token.range.union(operand.range))
    }

    /// The infix operator `token` stands for, if any.
    static func binaryOperator(_ token: ExpressionToken) -> BinaryOperator? {
        switch token.kind {
        case .symbol(let text): infixOperator(text)
        case .keyword("AND"): .and
        case .keyword("OR"): .or
        default: nil
        }
    }

    /// The infix operator a symbol names (`!=` and `^=` are `<>`), if any. Asked after every
    /// operand, mostly of `,` and `)`: a one-character symbol is told by its byte, not by
    /// comparing strings.
    static func infixOperator(_ symbol: String) -> BinaryOperator? {
        let utf8 = symbol.utf8
        guard utf8.count == 1, let byte = utf8.first else {
            return symbol == "!=" || symbol == "^=" ? .notEqual : BinaryOperator(rawValue: symbol)
        }
        switch byte {
        case UInt8(ascii: "*"): return .multiply
        case UInt8(ascii: "/"): return .divide
        case UInt8(ascii: "%"): return .modulo
        case UInt8(ascii: "+"): return .add
        case UInt8(ascii: "-"): return .subtract
        case UInt8(ascii: "<"): return .less
        case UInt8(ascii: ">"): return .greater
        case UInt8(ascii: "="): return .equal
        default: return nil
        }
    }

    /// How deep the parser is: in nested parentheses, calls and prefix operators, and in the tree.
    struct Depth {
        var nesting: Int
        var tree: Int
        /// One level of nesting further in.
        var deeper: Depth { Depth(nesting: nesting + 1, tree: tree + 1) }
    }

    /// Whether `depth` is past a limit; reports it once and abandons the rest of the input.
    mutating func exceedsDepth(_ depth: Depth) -> Bool {
        if abandoned { return true }
        let nestingTooDeep = depth.nesting > ExpressionParser.maximumNesting
        guard nestingTooDeep || depth.tree > ExpressionParser.maximumTreeDepth else { return false }
        let message =
            nestingTooDeep
            ? "the expression nests more than \(ExpressionParser.maximumNesting) levels deep"
            : "the expression's operator chains are more than \(ExpressionParser.maximumTreeDepth) levels deep"
        report(
            ExpressionDiagnostics.nestingTooDeep, message, at: current.range.start,
            fix: "split the expression into several ports or variables")
        abandoned = true
        index = tokens.count - 1
        return true
    }

    /// Skips tokens, keeping parentheses balanced, up to a `,` or `)` at this level or the end.
    mutating func skipToSynchronisationPoint() {
        var nesting = 0
        while !atEnd {
            if nesting == 0, current.isSymbol(",") || current.isSymbol(")") { return }
            if current.isSymbol("(") { nesting += 1 }
            if current.isSymbol(")") { nesting -= 1 }
            advance()
        }
    }

    /// Adds a diagnostic, unless the input was abandoned or the end already has one.
    mutating func report(
        _ descriptor: DiagnosticDescriptor, _ message: String, at offset: Int, notes: [String] = [],
        fix: String
    ) {
        if abandoned || !reportedOffsets.insert(offset).inserted { return }
        let atInputEnd = offset >= tokens[tokens.count - 1].range.start && tokens.count > 1
        if atInputEnd && reportedAtEnd { return }
        if atInputEnd { reportedAtEnd = true }
        diagnostics.append(locator.diagnostic(descriptor, message, at: offset, notes: notes, fix: fix))
    }
}
