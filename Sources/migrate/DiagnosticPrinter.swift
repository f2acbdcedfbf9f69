import Foundation
import IR

/// Prints diagnostics on standard error: `file:line:col: severity: [CODE] message (in PATH)`, in colour
/// on a terminal, or as one JSON array with `--diagnostics json`. Text output leaves out notes unless
/// asked for (`--verbose`), and says how many it left out; JSON always has everything.
struct DiagnosticPrinter {
    let format: DiagnosticsFormat
    let includeNotes: Bool
    let colour: Bool

    init(format: DiagnosticsFormat, includeNotes: Bool = true) {
        self.format = format
        self.includeNotes = includeNotes
        self.colour =
            format == .text && isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Prints `diagnostics` in report order.
    func print(_ diagnostics: [Diagnostic]) {
        let sorted = diagnostics.sortedForReport()
        switch format {
        case .json:
            StandardError.write(JSONOutput.encode(sorted) + "\n")
        case .text:
            let shown = includeNotes ? sorted : sorted.filter { $0.severity != .note }
            for diagnostic in shown { StandardError.write(render(diagnostic) + "\n") }
            if shown.count < sorted.count {
                StandardError.write("(\(sorted.count - shown.count) notes not shown; --verbose prints them)\n")
            }
        }
    }

    /// The text form of one diagnostic, with its notes and fix on following lines.
    func render(_ diagnostic: Diagnostic) -> String {
        var severity = diagnostic.severity.rawValue
        if colour {
            let code =
                switch diagnostic.severity {
                case .error: "31"
                case .warning: "33"
                case .note: "36"
                }
            severity = "\u{1B}[1;\(code)m\(severity)\u{1B}[0m"
        }
        var text = "\(diagnostic.location.description): \(severity): [\(diagnostic.code)] \(diagnostic.message)"
        if !diagnostic.path.isEmpty { text += " (in \(diagnostic.path))" }
        for note in diagnostic.notes { text += "\n  note: \(note)" }
        if let fix = diagnostic.fix { text += "\n  fix: \(fix)" }
        return text
    }
}

/// Writes to standard error without buffering surprises.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Writes to standard output.
enum StandardOutput {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Canonical JSON for reports and diagnostics: sorted keys, pretty-printed, no escaped slashes.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
