/// Operands: literals, names, parameters, calls and parenthesised expressions.
extension ExpressionParsing {
    /// One operand; on a token that cannot start one, reports it and returns `.invalid`.
    mutating func parsePrimary(depth: Depth) -> Expr {
        let token = current
        switch token.kind {
        case .number: return leaf(.number(token.text))
        case .string(let value): return leaf(.string(value))
        case .keyword("NULL"): return leaf(.null)
        case .keyword("TRUE"): return leaf(.boolean(true))
        case .keyword("FALSE"): return leaf(.boolean(false))
        case .parameter:
            let isSessionStart = token.text.uppercased() == "$$$SESSSTARTTIME"
            return leaf(isSessionStart ? .builtin("$$$SessStartTime") : .parameter(token.text))
        case .taskVariable(let task, let attribute): return leaf(.taskVariable(task: task, attribute: attribute))
        case .identifier: return next.isSymbol("(") ? parseCall(depth: depth) : leaf(Self.classify(name: token.text))
        case .external(let kind, let name): return parseExternal(kind, name: name, depth: depth)
        case .symbol("("): return parseParenthesised(depth: depth)
        case .unterminatedString, .malformedNumber, .incompleteParameter:
            reportUnexpected(token)
            advance()
            return Expr(.invalid, range: token.range)
        case .unknownExternal:
            reportUnexpected(token)
            advance()
            if current.isSymbol("(") { _ = parseArguments(of: token.text, allowingStar: false, depth: depth) }
            return Expr(.invalid, range: token.range)
        default:
            reportUnexpected(
                token, notes: token.isSymbol("*") ? ["'*' is only allowed as the argument of 'COUNT'"] : [])
            skipToSynchronisationPoint()
            return Expr(.invalid, range: token.range)
        }
    }

    /// A single-token node; consumes the token.
    mutating func leaf(_ kind: ExprKind) -> Expr {
        Expr(kind, range: advance().range)
    }

    /// What a bare name means: a built-in variable, a named constant or a reference.
    static func classify(name: String) -> ExprKind {
        let upper = name.uppercased()
        if builtins.contains(upper) { return .builtin(upper) }
        if constants.contains(upper) { return .constant(upper) }
        return .reference(name)
    }

    /// `NAME(args)`; the name is upper-cased; `SYSTIMESTAMP()` is the built-in.
    mutating func parseCall(depth: Depth) -> Expr {
        let nameToken = advance()
        let name = nameToken.text.uppercased()
        let (arguments, end) = parseArguments(of: name, allowingStar: name == "COUNT", depth: depth)
        let range = TextRange(start: nameToken.range.start, end: end)
        if name == "SYSTIMESTAMP", arguments.isEmpty { return Expr(.builtin(name), range: range) }
        return Expr(.call(name: name, arguments: arguments), range: range)
    }

    /// `:LKP.name(args)` and the other external calls.
    mutating func parseExternal(_ kind: ExternalCallKind, name: String, depth: Depth) -> Expr {
        let head = advance()
        guard current.isSymbol("(") else {
            report(
                ExpressionDiagnostics.externalWithoutArguments, "expected '(' after '\(head.text)'",
                at: current.range.start, fix: "add the argument list, for example '\(head.text)()'")
            return Expr(.invalid, range: head.range)
        }
        let (arguments, end) = parseArguments(of: head.text, allowingStar: false, depth: depth)
        return Expr(
            .external(kind, name: name, arguments: arguments), range: TextRange(start: head.range.start, end: end))
    }

    /// The argument list starting at the current `(`; returns the arguments and the end offset.
    mutating func parseArguments(of callee: String, allowingStar: Bool, depth: Depth) -> ([Expr], Int) {
        let open = advance()
        var arguments: [Expr] = []
        if current.isSymbol(")") { return (arguments, advance().range.end) }
        while true {
            if allowingStar, arguments.isEmpty, current.isSymbol("*"), next.isSymbol(")") || next.isSymbol(",") {
                arguments.append(leaf(.star))
            } else {
                arguments.append(parseBinary(minimumPrecedence: 1, depth: depth.deeper))
            }
            while !current.isSymbol(",") {
                if current.isSymbol(")") { return (arguments, advance().range.end) }
                if atEnd {
                    reportUnclosed(open, what: "the call to '\(callee)'")
                    return (arguments, arguments.last?.range.end ?? open.range.end)
                }
                reportUnexpected(current, note: "expected ',' or ')' in the call to '\(callee)'")
                skipToSynchronisationPoint()
            }
            advance()
        }
    }

    /// `( expression )`; the node's range includes the parentheses.
    mutating func parseParenthesised(depth: Depth) -> Expr {
        let open = advance()
        var inner = parseBinary(minimumPrecedence: 1, depth: depth.deeper)
        if !current.isSymbol(")") && !atEnd {
            reportUnexpected(current, note: "expected an operator or ')'")
            var nesting = 0
            while !atEnd, nesting > 0 || !current.isSymbol(")") {
                if current.isSymbol("(") { nesting += 1 }
                if current.isSymbol(")") { nesting -= 1 }
                advance()
            }
        }
        guard current.isSymbol(")") else {
            reportUnclosed(open, what: "the parenthesis")
            return inner
        }
        inner.range = TextRange(start: open.range.start, end: advance().range.end)
        return inner
    }

    /// `expected ')' to close <what> opened at column C`, at the end of the input.
    mutating func reportUnclosed(_ open: ExpressionToken, what: String) {
        let offset = current.range.start
        let position = locator.position(of: open.range.start, seenFrom: offset)
        report(
            ExpressionDiagnostics.unclosedParenthesis, "expected ')' to close \(what) opened at \(position)",
            at: offset, fix: "add the missing ')'")
    }

    /// Reports `token` where it does not belong, with the diagnostic its kind calls for.
    mutating func reportUnexpected(_ token: ExpressionToken, note: String? = nil) {
        reportUnexpected(token, notes: note.map { [$0] } ?? [])
    }

    /// Reports `token` where it does not belong, with the diagnostic its kind calls for.
    mutating func reportUnexpected(_ token: ExpressionToken, notes: [String]) {
        let at = token.range.start
        switch token.kind {
        case .end:
            report(
                ExpressionDiagnostics.unexpectedEnd, "unexpected end of expression", at: at, notes: notes,
                fix: "complete the expression")
        case .unterminatedString:
            report(
                ExpressionDiagnostics.unterminatedString, "unterminated string literal", at: at,
                fix: "close the string with a single quote; write a quote inside a string as ''")
        case .malformedNumber:
            report(
                ExpressionDiagnostics.malformedNumber, "malformed number '\(token.text)'", at: at,
                fix: "separate the number from the name after it, or complete the exponent")
        case .incompleteParameter:
            report(
                ExpressionDiagnostics.incompleteParameter, "incomplete parameter name '\(token.text)'", at: at,
                fix: "write the parameter's name after the '$' signs")
        case .unknownExternal(let kind):
            report(
                ExpressionDiagnostics.unknownExternalKind, "unknown external call kind ':\(kind)'", at: at,
                fix: "use ':LKP.', ':SP.', ':UDF.' or ':MCR.'")
        case .unknownCharacter:
            let qualified = token.text == "." ? ["a port is named alone, without a transformation prefix"] : []
            report(
                ExpressionDiagnostics.unknownCharacter, "unexpected character '\(token.text)'", at: at,
                notes: qualified + notes, fix: "remove the character, or quote it inside a string literal")
        default:
            report(
                ExpressionDiagnostics.unexpectedToken, "unexpected \(token.quotedForMessage)", at: at,
                notes: notes, fix: "check the operators and parentheses around this token")
        }
    }
}
