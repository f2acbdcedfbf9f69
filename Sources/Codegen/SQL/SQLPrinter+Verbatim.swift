/// How a dialect renames a derived table's columns by position.
public enum SQLDerivedColumnNaming: Hashable, Sendable {
    /// `(query) AS t (a, b)`.
    case aliasList
    /// `(WITH t (a, b) AS (query) SELECT * FROM t) t`, where derived tables take no column list
    /// but common tables do (Oracle, SQLite).
    case commonTable
    /// Neither form exists (BigQuery).
    case unsupported
}

/// Text written by the mapping's author for its own database (SQL overrides, source filters,
/// user-defined joins, Pre SQL and Post SQL): trusted text from the export, not translated, and
/// printed as it is apart from the blanks and semicolons around it.
enum SQLVerbatimText {
    /// `text` without leading blanks and trailing blanks or semicolons.
    static func trimmed(_ text: String) -> String {
        var trimmed = Substring(text)
        while let last = trimmed.last, last == ";" || last.isWhitespace { trimmed.removeLast() }
        while let first = trimmed.first, first.isWhitespace { trimmed.removeFirst() }
        return String(trimmed)
    }

    /// Whether the text's last line holds a `--` comment, which would swallow what follows it
    /// on that line.
    static func endsInLineComment(_ text: String) -> Bool {
        let lastLine = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).last ?? ""
        return lastLine.contains("--")
    }

    /// `(text)`, the closing parenthesis on a line of its own when the text ends in a comment.
    static func parenthesized(_ text: String) -> String {
        let body = trimmed(text)
        return "(" + body + (endsInLineComment(body) ? "\n)" : ")")
    }
}

extension SQLPrinter {
    /// A derived table of trusted text: `(text) AS alias`, its columns named by position in the
    /// dialect's form when `columns` is not empty.
    func printVerbatim(_ text: String, alias: String, columns: [String], indent: String) -> String {
        let body = SQLVerbatimText.trimmed(text)
        let query = "(\n\(indent)  " + body + "\n\(indent))"
        let name = dialect.identifier(alias)
        guard !columns.isEmpty else { return query + aliasClause(alias) }
        let list = "(" + columns.map(dialect.identifier).joined(separator: ", ") + ")"
        switch dialect.derivedColumnNaming {
        case .aliasList, .unsupported:
            return query + aliasClause(alias) + " " + list
        case .commonTable:
            return "(\n\(indent)  WITH \(name) \(list) AS (\n\(indent)  " + body + "\n\(indent)  )\n\(indent)  "
                + "SELECT * FROM \(name)\n\(indent))" + aliasClause(alias)
        }
    }
}
