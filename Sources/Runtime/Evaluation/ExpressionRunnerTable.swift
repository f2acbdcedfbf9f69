import IR

/// The input rows of an expression run, read from CSV text (the `migrate expr --rows` file).
///
/// The first record is a header naming the ports (matched case-insensitively, surrounding blanks
/// ignored). Fields are separated by commas and records by LF or CRLF; blank lines are skipped. A
/// field in double quotes may hold commas, line breaks and doubled quotes (`""`). An unquoted empty
/// field and the unquoted word `NULL` (any case) are NULL; a quoted field is always a string, so
/// `""` is the empty string and `"NULL"` the word.
public struct ExpressionRunnerTable: Hashable, Sendable {
    /// The column names from the header, in order.
    public var columns: [String]
    /// The field texts of each row, in column order; nil is NULL.
    public var rows: [[String?]]

    /// Creates a table; every row should have one field per column.
    public init(columns: [String], rows: [[String?]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Reads CSV `text`; `file` names it in diagnostics. Returns nil with RT0200–RT0202 errors when
    /// the text is not a table.
    public static func parse(_ text: String, file: String) -> (table: ExpressionRunnerTable?, diagnostics: [Diagnostic])
    {
        var reader = CSVRecordReader(Array(text.unicodeScalars), file: file)
        var records: [(line: Int, fields: [CSVField])] = []
        while let record = reader.nextRecord() { records.append(record) }
        guard !reader.diagnostics.hasErrors else { return (nil, reader.diagnostics) }
        guard let header = records.first else {
            let d = ExpressionRunnerDiagnostics.invalidHeader(
                "'\(file)' has no header row", at: SourceLocation(file: file, line: 1, column: 1),
                fix: "write the port names on the first line, separated by commas")
            return (nil, [d])
        }
        var diagnostics = headerProblems(header.fields, line: header.line, file: file)
        let columns = header.fields.map { $0.text.trimmingSpaces() }
        var rows: [[String?]] = []
        for record in records.dropFirst() {
            guard record.fields.count == columns.count else {
                diagnostics.append(
                    ExpressionRunnerDiagnostics.wrongFieldCount(
                        "the row has \(record.fields.count) fields but the header names \(columns.count) columns",
                        at: SourceLocation(file: file, line: record.line, column: 1),
                        fix: "give every row one field per header column; write NULL or leave a field empty for NULL"))
                continue
            }
            rows.append(record.fields.map(\.value))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (ExpressionRunnerTable(columns: columns, rows: rows), diagnostics)
    }

    /// RT0202 for empty and repeated column names.
    static func headerProblems(_ fields: [CSVField], line: Int, file: String) -> [Diagnostic] {
        var seen: Set<String> = []
        var problems: [Diagnostic] = []
        for field in fields {
            let name = field.text.trimmingSpaces()
            let location = SourceLocation(file: file, line: line, column: field.column)
            if name.isEmpty {
                problems.append(
                    ExpressionRunnerDiagnostics.invalidHeader(
                        "a column of the header has no name", at: location, fix: "name every column after a port"))
            } else if !seen.insert(name.uppercased()).inserted {
                problems.append(
                    ExpressionRunnerDiagnostics.invalidHeader(
                        "the header names column '\(name)' twice", at: location,
                        fix: "name each port once (names are not case-sensitive)"))
            }
        }
        return problems
    }
}

/// One CSV field: its text, whether it was quoted, and the column it starts at.
struct CSVField {
    let text: String
    let quoted: Bool
    let column: Int

    /// The field's value: NULL for an unquoted empty field or unquoted `NULL`.
    var value: String? {
        if !quoted, text.isEmpty || text.uppercased() == "NULL" { return nil }
        return text
    }
}

/// Splits CSV text into records of fields, tracking lines and columns for diagnostics.
struct CSVRecordReader {
    let scalars: [Unicode.Scalar]
    let file: String
    var index = 0
    var line = 1
    var column = 1
    var diagnostics: [Diagnostic] = []

    init(_ scalars: [Unicode.Scalar], file: String) {
        self.scalars = scalars
        self.file = file
    }

    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func advance() {
        if current == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    /// Whether the reader is at a line break (LF, or CR before LF).
    var atLineBreak: Bool {
        current == "\n" || (current == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n")
    }

    mutating func skipLineBreak() {
        if current == "\r" { advance() }
        advance()
    }

    /// The next non-blank record, or nil at the end (or after a malformed field).
    mutating func nextRecord() -> (line: Int, fields: [CSVField])? {
        while atLineBreak { skipLineBreak() }
        guard current != nil, !diagnostics.hasErrors else { return nil }
        let recordLine = line
        var fields: [CSVField] = []
        while true {
            guard let field = nextField() else { return nil }
            fields.append(field)
            if current == "," {
                advance()
                continue
            }
            if atLineBreak { skipLineBreak() }
            return (recordLine, fields)
        }
    }

    mutating func nextField() -> CSVField? {
        let start = column
        if current == "\"" { return quotedField(start) }
        var text = String.UnicodeScalarView()
        while let scalar = current, scalar != ",", !atLineBreak {
            if scalar == "\"" {
                report(
                    "a double quote inside an unquoted field",
                    "put the whole field in double quotes and double the quote")
                return nil
            }
            text.append(scalar)
            advance()
        }
        return CSVField(text: String(text), quoted: false, column: start)
    }

    mutating func quotedField(_ start: Int) -> CSVField? {
        let (openLine, openColumn) = (line, column)
        advance()
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = current else {
                report(
                    "the quoted field that starts at line \(openLine), column \(openColumn) is not closed",
                    "add the closing double quote", line: openLine, column: openColumn)
                return nil
            }
            advance()
            if scalar != "\"" {
                text.append(scalar)
            } else if current == "\"" {
                text.append("\"")
                advance()
            } else {
                break
            }
        }
        guard current == nil || current == "," || atLineBreak else {
            report("text follows the closing quote of a field", "put a comma after the closing quote")
            return nil
        }
        return CSVField(text: String(text), quoted: true, column: start)
    }

    mutating func report(_ message: String, _ fix: String, line: Int? = nil, column: Int? = nil) {
        let location = SourceLocation(file: file, line: line ?? self.line, column: column ?? self.column)
        diagnostics.append(ExpressionRunnerDiagnostics.malformedTable(message, at: location, fix: fix))
    }
}
