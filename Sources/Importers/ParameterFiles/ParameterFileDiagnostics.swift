import IR

/// Diagnostics of the parameter-file reader (codes IMP0300–IMP0349).
extension DiagnosticDescriptor {
    static let parameterFileUnreadable = DiagnosticDescriptor("IMP0300", .error, "the parameter file cannot be read")
    static let parameterLineOutsideSection = DiagnosticDescriptor(
        "IMP0301", .warning, "a line stands before the first section heading")
    static let parameterLineWithoutEquals = DiagnosticDescriptor(
        "IMP0302", .warning, "a line is neither a heading, a comment nor name=value")
    static let parameterHeadingMalformed = DiagnosticDescriptor(
        "IMP0303", .error, "a section heading cannot be understood")
    static let parameterDuplicate = DiagnosticDescriptor("IMP0304", .warning, "a name is set twice in one section")
    static let parameterFileNotText = DiagnosticDescriptor(
        "IMP0305", .error, "the parameter file is not UTF-8 or Windows-1252 text")
}

/// The catalog of parameter-file diagnostics.
public enum ParameterFileDiagnostics {
    /// Every descriptor, sorted by code.
    public static let all: [DiagnosticDescriptor] = [
        .parameterFileUnreadable, .parameterLineOutsideSection, .parameterLineWithoutEquals,
        .parameterHeadingMalformed, .parameterDuplicate, .parameterFileNotText,
    ]
}
