import IR

/// A ``FlatFileFormat`` resolved into the characters and switches the reader and writer use
/// (reference §1.2 FLATFILE attributes).
public struct FlatFileOptions: Hashable, Sendable {
    /// Delimited (true) or fixed width (false).
    public var delimited: Bool
    /// The field delimiters; any one of them ends a field.
    public var delimiters: [Unicode.Scalar]
    /// The quote character, nil for `NONE`.
    public var quote: Unicode.Scalar?
    /// The escape character, if any.
    public var escape: Unicode.Scalar?
    /// KEEPESCAPECHAR: the escape character stays in the field's text.
    public var keepEscape: Bool
    /// CONSECDELIMITERSASONE: a run of delimiters ends one field.
    public var consecutiveDelimitersAsOne: Bool
    /// NULL_CHARACTER: a field made only of this character is NULL.
    public var nullCharacter: Unicode.Scalar?
    /// STRIPTRAILINGBLANKS: trailing blanks are cut from every field.
    public var stripTrailingBlanks: Bool
    /// Header rows skipped when reading.
    public var skipRows: Int
    /// The code page.
    public var codePage: FlatFileCodePage
    /// The positions of fields whose values no port reads (set by the reader's caller, never by
    /// the format): such a string field that fits its port is not decoded and reads as NULL;
    /// a field that might be a row error (any other type, a string longer than its port) is
    /// converted as usual, so the file's rows and row errors are the same as without it.
    public var unreadFields: Set<Int> = []

    /// Resolves `format`: `/t`, `\t` and octal `\011` spellings of delimiters, quote names
    /// `DOUBLE`/`SINGLE`/`NONE`, YES/NO switches from the format's attributes.
    public init(_ format: FlatFileFormat) {
        delimited = format.delimited
        let decoded = Self.decodeDelimiters(format.delimiters ?? ",")
        delimiters = decoded.isEmpty ? [","] : decoded
        quote = Self.quoteCharacter(format.quote)
        escape = Self.firstScalar(format.escape)
        let attributes = format.attributes
        keepEscape = Self.flag("KEEPESCAPECHAR", attributes)
        consecutiveDelimitersAsOne = Self.flag("CONSECDELIMITERSASONE", attributes)
        nullCharacter = Self.firstScalar(Self.value("NULL_CHARACTER", attributes))
        stripTrailingBlanks = Self.flag("STRIPTRAILINGBLANKS", attributes)
        skipRows = max(0, format.skipRows)
        codePage = FlatFileCodePage(named: format.codePage)
    }

    /// The delimiter characters of an exported DELIMITERS value.
    static func decodeDelimiters(_ text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        var scalars = Array(text.unicodeScalars)[...]
        while let first = scalars.popFirst() {
            guard first == "/" || first == "\\", let next = scalars.first else {
                result.append(first)
                continue
            }
            if next == "t" {
                scalars.removeFirst()
                result.append("\t")
            } else if first == "\\", let octal = octalScalar(&scalars) {
                result.append(octal)
            } else {
                result.append(first)
            }
        }
        return result
    }

    /// Reads three octal digits (`011` → tab) from the front of `scalars`.
    private static func octalScalar(_ scalars: inout ArraySlice<Unicode.Scalar>) -> Unicode.Scalar? {
        let digits = scalars.prefix(3)
        guard digits.count == 3, digits.allSatisfy({ ("0"..."7").contains($0) }) else { return nil }
        let value = digits.reduce(UInt32(0)) { $0 * 8 + ($1.value - 48) }
        scalars.removeFirst(3)
        return Unicode.Scalar(value)
    }

    private static func quoteCharacter(_ name: String?) -> Unicode.Scalar? {
        switch (name ?? "NONE").uppercased() {
        case "DOUBLE", "\"": "\""
        case "SINGLE", "'": "'"
        default: nil
        }
    }

    private static func firstScalar(_ text: String?) -> Unicode.Scalar? {
        text?.unicodeScalars.first
    }

    private static func value(_ name: String, _ attributes: [Attribute]) -> String? {
        attributes.first { $0.name.uppercased() == name }?.value
    }

    private static func flag(_ name: String, _ attributes: [Attribute]) -> Bool {
        value(name, attributes)?.uppercased() == "YES"
    }
}
