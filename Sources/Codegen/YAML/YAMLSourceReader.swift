import IR
import Yams

/// Reads YAML text into a ``YAMLSourceNode`` tree with Yams (libyaml), turning syntax errors into
/// diagnostics and rejecting what canonical YAML never holds: anchors, aliases, tags, merge keys,
/// duplicate and non-scalar keys, several documents.
enum YAMLSourceReader {
    /// The document's root node (nil when there is none or the text is not YAML) and the problems found.
    static func read(_ text: String, file: String) -> (root: YAMLSourceNode?, diagnostics: [Diagnostic]) {
        do {
            let parser = try Parser(yaml: text)
            guard let node = try parser.singleRoot() else {
                let fix = "write a document starting with 'version: 1'"
                return (
                    nil,
                    [YAMLDiagnostics.emptyDocument("the file holds no YAML document", at: .init(file: file), fix: fix)]
                )
            }
            // Anchors are weak references owned by the parser: inspect them while it lives.
            var converter = NodeConverter(file: file, text: text)
            let root = withExtendedLifetime(parser) { converter.convert(node) }
            return (root, converter.diagnostics)
        } catch let error as YamlError {
            return (nil, [diagnostic(for: error, in: text, file: file)])
        } catch {
            return (nil, [YAMLDiagnostics.syntaxError("\(error)", at: .init(file: file))])
        }
    }

    /// The diagnostic for a libyaml or Yams error, at libyaml's line and column.
    static func diagnostic(for error: YamlError, in text: String, file: String) -> Diagnostic {
        let fix = "correct the YAML syntax at this position"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            return YAMLDiagnostics.syntaxError(
                problem, at: location(mark, file), notes: notes(context), fix: fix)
        case .composer(let context, let problem, let mark, _):
            if problem.contains("another document") {
                return YAMLDiagnostics.multipleDocuments(
                    "the file holds more than one YAML document", at: location(mark, file),
                    fix: "keep one pipeline or workflow per file; remove the '---' separator")
            }
            if problem.contains("alias") {
                return YAMLDiagnostics.anchorOrAlias(
                    problem, at: location(mark, file), fix: "write the value out instead of using an alias")
            }
            return YAMLDiagnostics.syntaxError(problem, at: location(mark, file), notes: notes(context), fix: fix)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return YAMLDiagnostics.duplicateKey(
                "key \(keys) appears more than once in a mapping", at: location(context.mark, file),
                fix: "keep one entry per key")
        case .reader(let problem, let offset, _, _):
            let (line, column) = position(ofCharacterOffset: offset ?? 0, in: text)
            return YAMLDiagnostics.syntaxError(
                problem, at: SourceLocation(file: file, line: line, column: column), fix: "save the file as UTF-8")
        default:
            return YAMLDiagnostics.syntaxError("\(error)", at: SourceLocation(file: file), fix: fix)
        }
    }

    private static func location(_ mark: Mark, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    private static func notes(_ context: YamlError.Context?) -> [String] {
        guard let context else { return [] }
        return ["\(context.text) at line \(context.mark.line), column \(context.mark.column)"]
    }

    /// The 1-based line and column of the character at `offset`.
    private static func position(ofCharacterOffset offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}

/// Converts Yams nodes to ``YAMLSourceNode``s, collecting what canonical YAML forbids.
private struct NodeConverter {
    let file: String
    let text: String
    var diagnostics: [Diagnostic] = []
    private var reportedAnchors: Set<[Int]> = []
    private var lines: [Substring]?

    init(file: String, text: String) {
        self.file = file
        self.text = text
    }

    mutating func convert(_ node: Yams.Node) -> YAMLSourceNode {
        let mark = Position(node.mark)
        let placeholder = YAMLSourceNode(content: .scalar("", plain: true), line: mark.line, column: mark.column)
        if hasAnchor(node) {
            // An alias is composed as a copy of its anchored node: report each position once and do
            // not descend, so that a billion-laughs document costs nothing.
            if reportedAnchors.insert([mark.line, mark.column]).inserted {
                diagnostics.append(
                    YAMLDiagnostics.anchorOrAlias(
                        "anchors and aliases ('&name', '*name') are not allowed", at: location(mark),
                        fix: "write the value out in full at each place it is used"))
            }
            return placeholder
        }
        switch node {
        case .scalar(let scalar):
            // Yams reports quoted scalars with the implicit `str` tag.
            let implicitQuoted = scalar.style != .plain && scalar.tag.rawValue == Tag.Name.str.rawValue
            if !implicitQuoted { checkTag(scalar.tag.rawValue, mark) }
            var value = scalar.string
            if scalar.style == .doubleQuoted && opensWithByteOrderMark(mark) { value = "\u{FEFF}" + value }
            return YAMLSourceNode(
                content: .scalar(value, plain: scalar.style == .plain), line: mark.line, column: mark.column)
        case .sequence(let sequence):
            checkTag(sequence.tag.rawValue, mark)
            return YAMLSourceNode(
                content: .sequence(sequence.map { convert($0) }), line: mark.line, column: mark.column)
        case .mapping(let mapping):
            checkTag(mapping.tag.rawValue, mark)
            return YAMLSourceNode(content: .mapping(entries(of: mapping)), line: mark.line, column: mark.column)
        case .alias:
            diagnostics.append(
                YAMLDiagnostics.anchorOrAlias(
                    "aliases ('*name') are not allowed", at: location(mark), fix: "write the value out in full"))
            return placeholder
        }
    }

    private mutating func entries(of mapping: Yams.Node.Mapping) -> [YAMLSourceEntry] {
        var result: [YAMLSourceEntry] = []
        var seen: Set<String> = []
        for (key, value) in mapping {
            let mark = Position(key.mark)
            guard case .scalar(let scalar) = key, !hasAnchor(key) else {
                diagnostics.append(
                    YAMLDiagnostics.complexKey(
                        "a mapping key must be a plain name, not a mapping, sequence or alias", at: location(mark),
                        fix: "use a string key"))
                continue
            }
            checkKeyTag(scalar)
            if scalar.string == "<<" && scalar.style == .plain {
                diagnostics.append(
                    YAMLDiagnostics.mergeKey(
                        "merge keys ('<<') are not allowed", at: location(mark),
                        fix: "write the merged keys out in full"))
                continue
            }
            guard seen.insert(scalar.string).inserted else {
                diagnostics.append(
                    YAMLDiagnostics.duplicateKey(
                        "key '\(scalar.string)' appears more than once in a mapping", at: location(mark),
                        fix: "keep one entry per key"))
                continue
            }
            result.append(
                YAMLSourceEntry(key: scalar.string, line: mark.line, column: mark.column, value: convert(value)))
        }
        return result
    }

    /// Whether the double-quoted scalar at `mark` starts with a byte order mark (written as an
    /// escape or raw). Yams decodes scalars with Foundation, which drops a leading U+FEFF.
    private mutating func opensWithByteOrderMark(_ mark: Position) -> Bool {
        if lines == nil { lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) }
        guard let lines, mark.line >= 1, mark.line <= lines.count else { return false }
        let scalars = lines[mark.line - 1].unicodeScalars
        guard let start = scalars.index(scalars.startIndex, offsetBy: mark.column - 1, limitedBy: scalars.endIndex)
        else { return false }
        let rest = String(scalars[start...].prefix(11)).lowercased()
        return rest.hasPrefix("\"\\ufeff") || rest.hasPrefix("\"\\u0000feff") || rest.hasPrefix("\"\u{FEFF}")
    }

    private func hasAnchor(_ node: Yams.Node) -> Bool {
        switch node {
        case .scalar(let scalar): scalar.anchor != nil
        case .sequence(let sequence): sequence.anchor != nil
        case .mapping(let mapping): mapping.anchor != nil
        case .alias: true
        }
    }

    private mutating func checkTag(_ tag: String, _ mark: Position) {
        guard !tag.isEmpty else { return }
        diagnostics.append(
            YAMLDiagnostics.tag(
                "tag '\(tag)' is not allowed", at: location(mark),
                fix: "remove the tag; quote the value to make it a string"))
    }

    /// Keys' tags were resolved by Yams' duplicate check; only a tag other than the implicit one is explicit.
    private mutating func checkKeyTag(_ scalar: Yams.Node.Scalar) {
        let tag = scalar.tag.rawValue
        guard !tag.isEmpty else { return }
        let implicit = Resolver.default.resolveTag(of: Yams.Node.scalar(Yams.Node.Scalar(scalar.string)))
        if tag != implicit.rawValue { checkTag(tag, Position(scalar.mark)) }
    }

    private func location(_ mark: Position) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: mark.column)
    }
}

/// A node's 1-based line and column (0 when Yams gave none).
private struct Position {
    var line: Int
    var column: Int

    init(_ mark: Mark?) {
        line = mark?.line ?? 0
        column = mark?.column ?? 0
    }
}
