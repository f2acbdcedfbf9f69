import IR

// Diagnostics of the hardened XML reader (codes IMP0001–IMP0049): the file cannot be read, is not
// well-formed XML, is not in its declared encoding, or tries to pull in DTDs or entities.
extension DiagnosticDescriptor {
    /// The file is missing, a directory, or cannot be read.
    static let xmlFileUnreadable = DiagnosticDescriptor(
        "IMP0001", .error, "the export file cannot be read")
    /// The file has no bytes.
    static let xmlFileEmpty = DiagnosticDescriptor(
        "IMP0002", .error, "the export file is empty")
    /// The file does not start like an XML document.
    static let xmlNotXML = DiagnosticDescriptor(
        "IMP0003", .error, "the file is not an XML document")
    /// The document breaks an XML well-formedness rule.
    static let xmlMalformed = DiagnosticDescriptor(
        "IMP0004", .error, "the document is not well-formed XML")
    /// The file ends inside an element.
    static let xmlTruncated = DiagnosticDescriptor(
        "IMP0005", .error, "the document ends before all its elements are closed")
    /// The root element is not the one the importer expects.
    static let xmlWrongRoot = DiagnosticDescriptor(
        "IMP0006", .error, "the root element is not the one this importer reads")
    /// The DOCTYPE declares an entity.
    static let xmlEntityDeclared = DiagnosticDescriptor(
        "IMP0007", .error, "the document declares an entity; the parse is stopped")
    /// The DOCTYPE names an external DTD other than PowerCenter's own.
    static let xmlExternalDTD = DiagnosticDescriptor(
        "IMP0008", .error, "the DOCTYPE names an external DTD, which is never loaded")
    /// An entity reference names no known entity.
    static let xmlEntityUndefined = DiagnosticDescriptor(
        "IMP0009", .error, "an entity reference names an entity that is not defined")
    /// The bytes are not valid in the declared encoding.
    static let xmlInvalidEncodingBytes = DiagnosticDescriptor(
        "IMP0010", .error, "the file contains bytes that are not valid in its declared encoding")
    /// The declared encoding is unknown.
    static let xmlUnsupportedEncoding = DiagnosticDescriptor(
        "IMP0011", .error, "the declared encoding is not supported")
    /// libxml2 could not be set up.
    static let xmlParserUnavailable = DiagnosticDescriptor(
        "IMP0012", .error, "the XML parser could not be created")
    /// libxml2 warned about the document.
    static let xmlWarning = DiagnosticDescriptor(
        "IMP0013", .warning, "the XML parser warned about the document")
    /// Elements are nested deeper than the reader allows.
    static let xmlTooDeep = DiagnosticDescriptor(
        "IMP0014", .error, "elements are nested deeper than the reader allows; the parse is stopped")
}

/// The catalog of the hardened XML reader's diagnostics, sorted by code.
public enum XMLDiagnostics {
    /// Every descriptor the XML reader can emit.
    public static let all: [DiagnosticDescriptor] = [
        .xmlFileUnreadable, .xmlFileEmpty, .xmlNotXML, .xmlMalformed, .xmlTruncated, .xmlWrongRoot,
        .xmlEntityDeclared, .xmlExternalDTD, .xmlEntityUndefined, .xmlInvalidEncodingBytes,
        .xmlUnsupportedEncoding, .xmlParserUnavailable, .xmlWarning, .xmlTooDeep,
    ]
}
