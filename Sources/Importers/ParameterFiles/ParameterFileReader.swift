import Foundation
import IR

/// Reads PowerCenter parameter files: `[heading]` lines followed by `name=value` lines.
///
/// Everything before the first `=` is the name (trimmed); the rest of the line is the value, kept
/// verbatim with trailing spaces. Lines starting with `#` or `;` are comments (BELIEVED for `;`, see
/// reference §6.3). A name set twice in one section keeps its first value and gets a warning
/// (PowerCenter's behaviour is not documented; the first-wins choice is ours).
public enum ParameterFileReader {
    /// Reads the file at `path`; IO problems become diagnostics.
    public static func read(contentsOf path: String) -> (file: ParameterFile, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            let diagnostic = DiagnosticDescriptor.parameterFileUnreadable(
                "cannot read parameter file '\(path)'", at: SourceLocation(file: path),
                fix: "check that the file exists and is readable")
            return (ParameterFile(file: path, sections: []), [diagnostic])
        }
        return read(bytes: [UInt8](data), file: path)
    }

    /// Reads parameter-file text given as bytes (UTF-8, or Windows-1252 when not valid UTF-8).
    public static func read(bytes: [UInt8], file: String) -> (file: ParameterFile, diagnostics: [Diagnostic]) {
        let text: String
        if let utf8 = String(validating: bytes, as: UTF8.self) {
            text = utf8
        } else if let latin = String(bytes: bytes, encoding: .windowsCP1252) {
            text = latin
        } else {
            let diagnostic = DiagnosticDescriptor.parameterFileNotText(
                "parameter file '\(file)' is not text", at: SourceLocation(file: file),
                fix: "save the parameter file as UTF-8")
            return (ParameterFile(file: file, sections: []), [diagnostic])
        }
        return parse(text, file: file)
    }

    /// Parses parameter-file text.
    public static func parse(_ text: String, file: String) -> (file: ParameterFile, diagnostics: [Diagnostic]) {
        var sections: [ParameterSection] = []
        var diagnostics: [Diagnostic] = []
        var seenInSection: Set<String> = []
        // "\r\n" is one Character in Swift, so split on both forms of line end.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, rawLine) in lines.enumerated() {
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            let location = SourceLocation(file: file, line: index + 1, column: 1)
            let trimmed = String(line).trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if trimmed.hasPrefix("[") {
                guard trimmed.hasSuffix("]"), trimmed.count > 2 else {
                    diagnostics.append(
                        DiagnosticDescriptor.parameterHeadingMalformed(
                            "heading '\(trimmed)' has no closing ']'", at: location,
                            fix: "write headings as [Global], [folder.WF:workflow] or [folder.WF:workflow.ST:session]"))
                    continue
                }
                let heading = String(trimmed.dropFirst().dropLast())
                guard let scope = scope(ofHeading: heading) else {
                    diagnostics.append(
                        DiagnosticDescriptor.parameterHeadingMalformed(
                            "heading '[\(heading)]' is not a known section form", at: location,
                            fix: "write headings as [Global], [folder.WF:workflow] or [folder.WF:workflow.ST:session]"))
                    continue
                }
                sections.append(ParameterSection(heading: heading, scope: scope, entries: [], location: location))
                seenInSection = []
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                diagnostics.append(
                    DiagnosticDescriptor.parameterLineWithoutEquals(
                        "line '\(trimmed)' is not name=value and is ignored", at: location,
                        fix: "write 'name=value', or start the line with '#' to make it a comment"))
                continue
            }
            let name = String(line[..<equals]).trimmingSpaces()
            let value = String(line[line.index(after: equals)...])
            guard !sections.isEmpty else {
                diagnostics.append(
                    DiagnosticDescriptor.parameterLineOutsideSection(
                        "'\(name)' stands before any section heading and is ignored", at: location,
                        fix: "put it under [Global] or a workflow or session heading"))
                continue
            }
            if !seenInSection.insert(name.lowercased()).inserted {
                diagnostics.append(
                    DiagnosticDescriptor.parameterDuplicate(
                        "'\(name)' is set again in section '[\(sections[sections.count - 1].heading)]'; the first value is used",
                        at: location, fix: "remove one of the two lines"))
                continue
            }
            sections[sections.count - 1].entries.append(ParameterEntry(name: name, value: value, location: location))
        }
        return (ParameterFile(file: file, sections: sections), diagnostics)
    }

    /// Interprets a heading (without brackets); nil when it has no known form.
    static func scope(ofHeading heading: String) -> ParameterScope? { ParameterScope(heading: heading) }
}
