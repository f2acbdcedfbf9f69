/// One field of a flat-file record, before conversion.
struct FlatFileField: Hashable, Sendable {
    /// The field's text, quotes and escape characters removed.
    var text: String
    /// Whether the field was quoted (a quoted empty field is an empty string, not NULL).
    var quoted: Bool
}

/// One record of a flat file: its fields and the line it starts on.
struct FlatFileRecord: Hashable, Sendable {
    /// The 1-based physical line the record starts on.
    var line: Int
    /// The fields, in file order.
    var fields: [FlatFileField]
    /// Set when the record could not be split (an unterminated quote).
    var error: RowError?
}

/// Splits text into lines and delimited records: quotes (doubled quote inside quotes,
/// delimiters and line breaks inside quotes), escape character, consecutive delimiters as one,
/// CR LF or LF line ends.
struct FlatFileTokenizer {
    let options: FlatFileOptions
    private var scalars: [Unicode.Scalar] = []
    private var position = 0
    private var line = 1

    init(options: FlatFileOptions) { self.options = options }

    /// The text after the first `count` physical lines, and the number of the line it starts on.
    static func skippingLines(_ count: Int, of text: String) -> (rest: Substring, firstLine: Int) {
        var rest = Substring(text)
        var skipped = 0
        while skipped < count, let newline = rest.unicodeScalars.firstIndex(of: "\n") {
            rest = Substring(rest.unicodeScalars[rest.unicodeScalars.index(after: newline)...])
            skipped += 1
        }
        if skipped < count { rest = "" }
        return (rest, count + 1)
    }

    /// The non-blank lines of `text` with their numbers, a CR before each LF removed.
    static func lines(of text: Substring, firstLine: Int) -> [(line: Int, text: [Unicode.Scalar])] {
        var result: [(line: Int, text: [Unicode.Scalar])] = []
        var current: [Unicode.Scalar] = []
        var number = firstLine
        for scalar in text.unicodeScalars {
            guard scalar == "\n" else {
                current.append(scalar)
                continue
            }
            if current.last == "\r" { current.removeLast() }
            if !current.isEmpty { result.append((number, current)) }
            current = []
            number += 1
        }
        if current.last == "\r" { current.removeLast() }
        if !current.isEmpty { result.append((number, current)) }
        return result
    }

    /// The delimited records of `text`; blank lines are skipped.
    mutating func records(of text: Substring, firstLine: Int) -> [FlatFileRecord] {
        scalars = Array(text.unicodeScalars)
        position = 0
        line = firstLine
        var result: [FlatFileRecord] = []
        while position < scalars.count {
            let record = nextRecord()
            if record.fields != [FlatFileField(text: "", quoted: false)] || record.error != nil {
                result.append(record)
            }
        }
        return result
    }

    /// Reads one record, up to and including its line end.
    private mutating func nextRecord() -> FlatFileRecord {
        var record = FlatFileRecord(line: line, fields: [])
        var field = String.UnicodeScalarView()
        var quoted = false
        var inQuotes = false
        while position < scalars.count {
            let scalar = scalars[position]
            position += 1
            if inQuotes {
                inQuotes = readQuoted(scalar, into: &field)
            } else if scalar == options.escape, position < scalars.count, scalars[position] != "\n" {
                appendEscaped(scalar, into: &field)
            } else if scalar == options.quote, field.isEmpty, !quoted {
                inQuotes = true
                quoted = true
            } else if options.delimiters.contains(scalar) {
                record.fields.append(FlatFileField(text: String(field), quoted: quoted))
                (field, quoted) = (String.UnicodeScalarView(), false)
                if options.consecutiveDelimitersAsOne { skipDelimiters() }
            } else if scalar == "\n" {
                line += 1
                break
            } else if !(scalar == "\r" && position < scalars.count && scalars[position] == "\n") {
                field.append(scalar)
            }
        }
        record.fields.append(FlatFileField(text: String(field), quoted: quoted))
        if inQuotes {
            record.error = FlatFileErrors.error(
                FlatFileErrors.unterminatedQuote, "the quoted field \(record.fields.count) is not closed")
        }
        return record
    }

    /// Handles one scalar inside quotes; returns whether the quotes are still open.
    private mutating func readQuoted(_ scalar: Unicode.Scalar, into field: inout String.UnicodeScalarView) -> Bool {
        if scalar == options.escape, scalar != options.quote, position < scalars.count {
            appendEscaped(scalar, into: &field)
            return true
        }
        if scalar == options.quote {
            guard position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
        }
        if scalar == "\n" { line += 1 }
        field.append(scalar)
        return true
    }

    /// Appends the character after an escape character (and the escape itself with KEEPESCAPECHAR).
    private mutating func appendEscaped(_ escape: Unicode.Scalar, into field: inout String.UnicodeScalarView) {
        if options.keepEscape { field.append(escape) }
        let next = scalars[position]
        if next == "\n" { line += 1 }
        field.append(next)
        position += 1
    }

    private mutating func skipDelimiters() {
        while position < scalars.count, options.delimiters.contains(scalars[position]) { position += 1 }
    }
}
