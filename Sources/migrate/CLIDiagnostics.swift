import Foundation
import IR

/// The command-line tool's own diagnostics (codes CLI0001–CLI0099).
enum CLIDiagnostics {
    static let unreadableFile = DiagnosticDescriptor(
        "CLI0001", .error, "a file named on the command line cannot be read")
    static let unwritableFile = DiagnosticDescriptor("CLI0002", .error, "a file cannot be rewritten")

    /// Every descriptor, sorted by code.
    static let all: [DiagnosticDescriptor] = [unreadableFile, unwritableFile]

    static func unreadable(_ file: String) -> Diagnostic {
        unreadableFile("cannot read '\(file)'", at: SourceLocation(file: file), fix: "check the path and permissions")
    }

    static func unwritable(_ file: String, _ error: any Error) -> Diagnostic {
        unwritableFile(
            "cannot rewrite '\(file)': \(error.localizedDescription)", at: SourceLocation(file: file),
            fix: "check the file's permissions")
    }
}
