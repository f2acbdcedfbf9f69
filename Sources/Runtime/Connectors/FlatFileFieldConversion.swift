import IR

/// Turning a flat-file field's text into a port's typed value.
///
/// An empty field, or one made only of the NULL character, is NULL (a quoted empty field is an
/// empty string). Numeric ports need the whole field (blanks around it allowed) to be a number
/// — chosen: the evaluator's prefix rule (`'12x'` → 12) would hide bad data, and the reader
/// rejects non-numeric data [BELIEVED]; the value is then converted as linking a string to the
/// port does (``PortCoercion``). Dates are read with the session format.
enum FlatFileFieldConversion {
    /// The value of `field` for `port`, or a row error naming the port.
    static func value(
        of field: FlatFileField, for port: Port, _ options: FlatFileOptions, _ settings: EvaluationSettings
    ) throws(RowError) -> Value {
        var text = field.text
        if options.stripTrailingBlanks { text = stripTrailingBlanks(text) }
        if isNull(text, quoted: field.quoted, options) { return .null }
        switch port.type {
        case .integer, .smallInteger, .bigInteger, .decimal, .double, .real:
            let trimmed = trimBlanks(text)
            guard isNumber(trimmed) else {
                throw FlatFileErrors.error(
                    FlatFileErrors.notANumber, "port '\(port.name)': '\(text.prefix(40))' is not a number")
            }
            return try coerce(.string(trimmed), port, settings, code: FlatFileErrors.valueOutOfRange)
        case .dateTime:
            return try coerce(.string(trimBlanks(text)), port, settings, code: FlatFileErrors.notADate)
        default:
            return try coerce(.string(text), port, settings, code: FlatFileErrors.valueOutOfRange)
        }
    }

    /// Whether an unquoted field is empty (only blanks, for fixed width) or only NULL characters.
    static func isNull(_ text: String, quoted: Bool, _ options: FlatFileOptions) -> Bool {
        if quoted { return false }
        if text.isEmpty { return true }
        if !options.delimited, text.unicodeScalars.allSatisfy({ $0 == " " }) { return true }
        if let null = options.nullCharacter, text.unicodeScalars.allSatisfy({ $0 == null }) { return true }
        return false
    }

    private static func coerce(
        _ value: Value, _ port: Port, _ settings: EvaluationSettings, code: String
    ) throws(RowError) -> Value {
        do {
            return try PortCoercion.coerce(value, to: port.type, settings, port: port.name)
        } catch {
            throw FlatFileErrors.error(code, error.message)
        }
    }

    /// Whether `text` is a plain number: sign, digits with an optional fraction, optional exponent.
    static func isNumber(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes.removeFirst() }
        let whole = digitCount(&bytes)
        var fraction = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes.removeFirst()
            fraction = digitCount(&bytes)
        }
        guard whole + fraction > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes.removeFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes.removeFirst() }
            guard digitCount(&bytes) > 0 else { return false }
        }
        return bytes.isEmpty
    }

    private static func digitCount(_ bytes: inout Substring.UTF8View.SubSequence) -> Int {
        var count = 0
        while let b = bytes.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) {
            bytes.removeFirst()
            count += 1
        }
        return count
    }

    static func stripTrailingBlanks(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }

    /// `text` without leading and trailing blanks and tabs.
    static func trimBlanks(_ text: String) -> String {
        let stripped = stripTrailingBlanks(text).unicodeScalars
        return String(String.UnicodeScalarView(stripped.drop { $0 == " " || $0 == "\t" }))
    }
}
