import IR

/// The import stage for PowerCenter parameter files (`.prm`, `.par`, `.txt`, ...): recognised by
/// content, a text whose first meaningful line is a `[section]` heading.
public struct ParameterFileImporter: ImportStage {
    /// Creates the stage.
    public init() {}

    /// `parameter file`.
    public var formatName: String { "PowerCenter parameter file" }

    /// Whether the first line that is not blank or a comment is a bracketed heading.
    public func recognizes(prefix: [UInt8], path: String) -> Bool {
        guard !prefix.contains(0) else { return false }
        let text = String(decoding: prefix, as: UTF8.self)
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let trimmed = String(line).trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            return trimmed.hasPrefix("[") && trimmed.hasSuffix("]")
                && ParameterScope(heading: String(trimmed.dropFirst().dropLast())) != nil
        }
        return false
    }

    /// Reads the parameter file.
    public func importFile(atPath path: String) -> ImportResult {
        let (file, diagnostics) = ParameterFileReader.read(contentsOf: path)
        let ok = !diagnostics.contains {
            $0.code == DiagnosticDescriptor.parameterFileUnreadable.code
                || $0.code == DiagnosticDescriptor.parameterFileNotText.code
        }
        return ImportResult(file: path, parameterFiles: ok ? [file] : [], diagnostics: diagnostics)
    }
}
