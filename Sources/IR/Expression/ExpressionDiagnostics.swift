/// The expression parser's diagnostics (codes IR0100–IR0149).
public enum ExpressionDiagnostics {
    /// The expression holds nothing but blanks and comments.
    public static let emptyExpression = DiagnosticDescriptor(
        "IR0100", .error, "the expression holds nothing but blanks and comments")
    /// A token appears where the grammar does not allow it.
    public static let unexpectedToken = DiagnosticDescriptor(
        "IR0101", .error, "a token appears where the grammar does not allow it")
    /// The expression ends before it is complete.
    public static let unexpectedEnd = DiagnosticDescriptor(
        "IR0102", .error, "the expression ends before it is complete")
    /// A parenthesis or an argument list is not closed.
    public static let unclosedParenthesis = DiagnosticDescriptor(
        "IR0103", .error, "a parenthesis or an argument list is not closed")
    /// A string literal has no closing quote.
    public static let unterminatedString = DiagnosticDescriptor(
        "IR0104", .error, "a string literal has no closing quote")
    /// A character that is not part of the language.
    public static let unknownCharacter = DiagnosticDescriptor(
        "IR0105", .error, "a character that is not part of the transformation language")
    /// A number is run into letters or has an incomplete exponent.
    public static let malformedNumber = DiagnosticDescriptor(
        "IR0106", .error, "a number is run into letters or has an incomplete exponent")
    /// `$` or `$$` has no name after it.
    public static let incompleteParameter = DiagnosticDescriptor(
        "IR0107", .error, "a parameter sign has no name after it")
    /// A `:KIND.name` reference has a kind other than LKP, SP, UDF or MCR.
    public static let unknownExternalKind = DiagnosticDescriptor(
        "IR0108", .error, "an external call names a kind other than LKP, SP, UDF or MCR")
    /// A `:LKP.name` (or other external) reference is not followed by an argument list.
    public static let externalWithoutArguments = DiagnosticDescriptor(
        "IR0109", .error, "an external call has no argument list")
    /// The expression nests deeper than the parser's limit.
    public static let nestingTooDeep = DiagnosticDescriptor(
        "IR0110", .error, "the expression nests deeper than the parser's limit")

    /// Every descriptor, sorted by code.
    public static let all: [DiagnosticDescriptor] = [
        emptyExpression, unexpectedToken, unexpectedEnd, unclosedParenthesis, unterminatedString,
        unknownCharacter, malformedNumber, incompleteParameter, unknownExternalKind,
        externalWithoutArguments, nestingTooDeep,
    ]
}

/// Turns offsets in an expression into diagnostic locations and source-excerpt notes.
///
/// With an element location, diagnostics point at that element and the first note gives the
/// line and column inside the expression; without one they point into `<expression>` directly.
/// Either way the offending line and a caret line follow as notes.
struct ExpressionLocator {
    let source: ExpressionSource
    let scalars: [Unicode.Scalar]
    /// Offset of the first scalar of each line.
    let lineStarts: [Int]

    /// `built`, or a locator of `source` made now and kept in `built`: a parse or type check
    /// that reports nothing never decodes the text a second time.
    static func reusing(_ built: inout ExpressionLocator?, of source: ExpressionSource) -> ExpressionLocator {
        if let built { return built }
        let made = ExpressionLocator(source)
        built = made
        return made
    }

    init(_ source: ExpressionSource) {
        self.source = source
        scalars = Array(source.text.unicodeScalars)
        var starts = [0]
        var index = 0
        while index < scalars.count {
            let c = scalars[index]
            index += 1
            if c == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
            if c == "\r" || c == "\n" { starts.append(index) }
        }
        lineStarts = starts
    }

    /// The 1-based line and column of `offset`.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        var line = 0
        while line + 1 < lineStarts.count, lineStarts[line + 1] <= offset { line += 1 }
        return (line + 1, offset - lineStarts[line] + 1)
    }

    /// The text of 1-based `line`, without its line break.
    func lineText(_ line: Int) -> [Unicode.Scalar] {
        var end = lineStarts[line - 1]
        while end < scalars.count, scalars[end] != "\r", scalars[end] != "\n" { end += 1 }
        return Array(scalars[lineStarts[line - 1]..<end])
    }

    /// Where a diagnostic about `offset` points, and its leading notes.
    func place(_ offset: Int) -> (location: SourceLocation, notes: [String]) {
        let (line, column) = lineAndColumn(of: offset)
        let text = lineText(line)
        var caret = String.UnicodeScalarView()
        for c in text.prefix(column - 1) { caret.append(c == "\t" ? "\t" : " ") }
        caret.append("^")
        var excerpt = String.UnicodeScalarView()
        excerpt.append(contentsOf: text)
        let excerptNotes = [String(excerpt), String(caret)]
        if let element = source.location {
            return (element, ["at line \(line), column \(column) of the expression"] + excerptNotes)
        }
        return (SourceLocation(file: "<expression>", line: line, column: column), excerptNotes)
    }

    /// `column C`, or `line L, column C` when `offset` is on another line than `reference`.
    func position(of offset: Int, seenFrom reference: Int) -> String {
        let (line, column) = lineAndColumn(of: offset)
        return line == lineAndColumn(of: reference).line ? "column \(column)" : "line \(line), column \(column)"
    }

    /// A diagnostic of kind `descriptor` about the text at `offset`.
    func diagnostic(
        _ descriptor: DiagnosticDescriptor, _ message: String, at offset: Int, notes: [String] = [],
        fix: String
    ) -> Diagnostic {
        let (location, leading) = place(offset)
        return descriptor(message, at: location, path: source.path, notes: leading + notes, fix: fix)
    }
}
