/// Splits transformation-language text into tokens (reference §3.1).
///
/// Never fails: characters it cannot place become error tokens (`unknownCharacter`,
/// `unterminatedString`, ...) that the parser turns into diagnostics. Whitespace (line breaks
/// CR LF, LF and CR included) and comments (`--` or `//` to the end of the line) are skipped.
/// Offsets are Unicode-scalar offsets into the text. The last token is always `.end`.
public enum ExpressionLexer {
    /// The words that are keywords in any letter case.
    static let keywords: Set<String> = ["AND", "OR", "NOT", "TRUE", "FALSE", "NULL"]
    /// ``keywords`` with their scalars, for comparing names without upper-casing them.
    static let keywordScalars = keywords.sorted().map { (word: $0, scalars: Array($0.unicodeScalars)) }

    /// The tokens of `text`, ending with `.end`.
    public static func tokens(in text: String) -> [ExpressionToken] {
        var scanner = ExpressionScanner(Array(text.unicodeScalars))
        var tokens: [ExpressionToken] = []
        while true {
            scanner.skipWhitespaceAndComments()
            guard scanner.position < scanner.scalars.count else { break }
            tokens.append(scanner.nextToken())
        }
        let endOffset = tokens.last?.range.end ?? 0
        tokens.append(ExpressionToken(.end, text: "", range: TextRange(start: endOffset, end: endOffset)))
        return tokens
    }

    /// Whether `text` holds nothing but blanks and comments (`-- note`): no expression.
    public static func isBlank(_ text: String) -> Bool {
        var scanner = ExpressionScanner(Array(text.unicodeScalars))
        scanner.skipWhitespaceAndComments()
        return scanner.position >= scanner.scalars.count
    }
}

/// The lexer's cursor over the text's scalars.
struct ExpressionScanner {
    let scalars: [Unicode.Scalar]
    var position = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let index = position + ahead
        return index < scalars.count ? scalars[index] : nil
    }

    static func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { ("0"..."9").contains($0) } ?? false }
    /// ASCII letters and `_`, and any non-ASCII character that is not a blank: no operator is
    /// outside ASCII, and exports carry port names with such characters, say a byte order mark
    /// read with a flat file's header (`ï»¿CustomerId` in a Latin-1 export), which lookup
    /// conditions name as they are.
    static func isNameStart(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        if c.isASCII { return c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        return !c.properties.isWhitespace
    }
    static func isNamePart(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return isNameStart(c) || isDigit(c) || c == "$" || c == "#"
    }

    mutating func skipWhitespaceAndComments() {
        while let c = peek() {
            if c.isASCII ? (c == " " || ("\t"..."\r").contains(c)) : c.properties.isWhitespace {
                position += 1
            } else if (c == "-" && peek(1) == "-") || (c == "/" && peek(1) == "/") {
                while let d = peek(), d != "\n", d != "\r" { position += 1 }
            } else {
                return
            }
        }
    }

    /// Advances past a run of name characters.
    mutating func skipName() { while Self.isNamePart(peek()) { position += 1 } }

    func text(from start: Int) -> String {
        let slice = scalars[start..<position]
        if slice.allSatisfy(\.isASCII) {
            return String(unsafeUninitializedCapacity: slice.count) { buffer in
                for (i, c) in slice.enumerated() { buffer[i] = UInt8(truncatingIfNeeded: c.value) }
                return slice.count
            }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: slice)
        return String(result)
    }

    func token(_ kind: ExpressionTokenKind, from start: Int) -> ExpressionToken {
        ExpressionToken(kind, text: text(from: start), range: TextRange(start: start, end: position))
    }

    /// The token starting at the current (non-blank) position.
    mutating func nextToken() -> ExpressionToken {
        let start = position
        let c = scalars[position]
        if c == "'" { return stringLiteral() }
        if Self.isDigit(c) || (c == "." && Self.isDigit(peek(1))) { return number() }
        if c == "$" { return dollarName() }
        if c == ":" { return externalHead() }
        if Self.isNameStart(c) { return name() }
        if let symbol = Self.symbol(c, then: peek(1)) {
            position += symbol.utf8.count
            return token(.symbol(symbol), from: start)
        }
        position += 1
        return token(.unknownCharacter, from: start)
    }

    /// The operator or punctuation symbol (`||`, `<=`, `>=`, `<>`, `!=`, `^=`, `+`, `-`, `*`, `/`,
    /// `%`, `<`, `>`, `=`, `(`, `)`, `,`) starting with `c` then `next`, the longest that matches;
    /// nil when none does.
    static func symbol(_ c: Unicode.Scalar, then next: Unicode.Scalar?) -> String? {
        switch c {
        case "|": next == "|" ? "||" : nil
        case "<": next == "=" ? "<=" : next == ">" ? "<>" : "<"
        case ">": next == "=" ? ">=" : ">"
        case "!": next == "=" ? "!=" : nil
        case "^": next == "=" ? "^=" : nil
        case "+": "+"
        case "-": "-"
        case "*": "*"
        case "/": "/"
        case "%": "%"
        case "=": "="
        case "(": "("
        case ")": ")"
        case ",": ","
        default: nil
        }
    }

    /// `'...'` with `''` standing for one quote; may span lines.
    mutating func stringLiteral() -> ExpressionToken {
        let start = position
        position += 1
        var value = String.UnicodeScalarView()
        while let c = peek() {
            position += 1
            if c == "'" {
                if peek() == "'" {
                    value.append("'")
                    position += 1
                } else {
                    return token(.string(String(value)), from: start)
                }
            } else {
                value.append(c)
            }
        }
        return token(.unterminatedString(String(value)), from: start)
    }

    /// `10`, `10.5`, `10.`, `.5`, `1e3`, `1.5E-3`; letters run into it make it malformed.
    mutating func number() -> ExpressionToken {
        let start = position
        while Self.isDigit(peek()) { position += 1 }
        if peek() == "." {
            position += 1
            while Self.isDigit(peek()) { position += 1 }
        }
        var malformed = false
        if peek() == "e" || peek() == "E" {
            let signed = peek(1) == "+" || peek(1) == "-"
            if Self.isDigit(peek(signed ? 2 : 1)) {
                position += signed ? 2 : 1
                while Self.isDigit(peek()) { position += 1 }
            } else {
                position += signed ? 2 : 1
                malformed = true
            }
        }
        if Self.isNamePart(peek()) || (peek() == "." && Self.isDigit(peek(1))) {
            while Self.isNamePart(peek()) || peek() == "." { position += 1 }
            malformed = true
        }
        return token(malformed ? .malformedNumber : .number, from: start)
    }

    /// A name; `name.$$P` (a mapplet parameter) is one parameter token.
    mutating func name() -> ExpressionToken {
        let start = position
        skipName()
        if peek() == ".", peek(1) == "$", peek(2) == "$", Self.isNamePart(peek(3)) {
            position += 3
            skipName()
            return token(.parameter, from: start)
        }
        return token(Self.keyword(scalars[start..<position]).map { .keyword($0) } ?? .identifier, from: start)
    }

    /// The keyword `name` is in any letter case (upper case), or nil. An ASCII name is compared
    /// with the keywords of its length letter by letter; any other is upper-cased and looked up
    /// (as Swift upper-cases it: `ſ` is `S`).
    static func keyword(_ name: ArraySlice<Unicode.Scalar>) -> String? {
        guard name.allSatisfy(\.isASCII) else {
            var word = String.UnicodeScalarView()
            word.append(contentsOf: name)
            let upper = String(word).uppercased()
            return ExpressionLexer.keywords.contains(upper) ? upper : nil
        }
        return ExpressionLexer.keywordScalars.first { keyword in
            keyword.scalars.count == name.count
                && zip(keyword.scalars, name).allSatisfy {
                    $0 == (("a"..."z").contains($1) ? Unicode.Scalar($1.value - 0x20)! : $1)
                }
        }?.word
    }

    /// `$$NAME`, `$$$NAME`, `$NAME`, `$PMname@TableName`, or the task variable `$task.attribute`.
    mutating func dollarName() -> ExpressionToken {
        let start = position
        var dollars = 0
        while peek() == "$", dollars < 3 {
            position += 1
            dollars += 1
        }
        let nameStart = position
        skipName()
        if position == nameStart { return token(.incompleteParameter, from: start) }
        if dollars == 1, peek() == ".", Self.isNameStart(peek(1)) {
            let task = text(from: nameStart)
            position += 1
            let attributeStart = position
            skipName()
            return token(.taskVariable(task: task, attribute: text(from: attributeStart)), from: start)
        }
        // `$PM<instance>@TableName`: the table name of a source or target instance.
        if dollars == 1, peek() == "@", Self.isNameStart(peek(1)) {
            position += 1
            skipName()
        }
        return token(.parameter, from: start)
    }

    /// `:LKP.name`, `:SP.name`, `:UDF.name`, `:MCR.name` (kind in any letter case).
    mutating func externalHead() -> ExpressionToken {
        let start = position
        position += 1
        let kindStart = position
        while let c = peek(), c.properties.isAlphabetic { position += 1 }
        let kindText = text(from: kindStart)
        guard position > kindStart, peek() == ".", Self.isNameStart(peek(1)) || Self.isDigit(peek(1)) else {
            if position == kindStart { return token(.unknownCharacter, from: start) }
            return token(.unknownExternal(kind: kindText), from: start)
        }
        position += 1
        let nameStart = position
        skipName()
        let name = text(from: nameStart)
        guard let kind = ExternalCallKind(rawValue: kindText.uppercased()) else {
            return token(.unknownExternal(kind: kindText), from: start)
        }
        return token(.external(kind, name: name), from: start)
    }
}
