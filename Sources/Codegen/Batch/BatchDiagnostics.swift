import IR

/// Diagnostics of the batch converter (codes CG0100–CG0149).
extension DiagnosticDescriptor {
    static let inputMissing = DiagnosticDescriptor("CG0100", .error, "an input path does not exist")
    static let inputNotRecognized = DiagnosticDescriptor("CG0101", .error, "an input file is not in a supported format")
    static let inputSkipped = DiagnosticDescriptor(
        "CG0102", .note, "a file in an input folder is not in a supported format and was skipped")
    static let outputNotWritten = DiagnosticDescriptor("CG0103", .error, "an output file could not be written")
    static let inputUnreadable = DiagnosticDescriptor("CG0104", .error, "an input path cannot be read")
}

/// The catalog of batch-converter diagnostics.
public enum BatchDiagnostics {
    /// Every descriptor, sorted by code.
    public static let all: [DiagnosticDescriptor] = [
        .inputMissing, .inputNotRecognized, .inputSkipped, .outputNotWritten, .inputUnreadable,
    ]
}
