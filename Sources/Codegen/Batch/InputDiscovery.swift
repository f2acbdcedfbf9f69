import Foundation
import IR

/// One file to convert.
public struct InputFile: Hashable, Sendable {
    /// The path as it will be opened.
    public var path: String
    /// The path below the folder argument that held it, or its file name when named directly.
    public var relativePath: String
    /// Whether the user named this file directly (not found inside a folder argument).
    public var named: Bool
}

/// Expands command-line arguments (files and folders) into the list of files to convert.
public enum InputDiscovery {
    /// Files found, and diagnostics for paths that do not exist or cannot be listed.
    ///
    /// Folders are searched recursively; files are sorted by path so the batch is deterministic.
    /// Hidden files and folders (names starting with `.`) are skipped.
    public static func discover(_ arguments: [String]) -> (files: [InputFile], diagnostics: [Diagnostic]) {
        var files: [InputFile] = []
        var diagnostics: [Diagnostic] = []
        let manager = FileManager.default
        func add(path: String, relative: String, named: Bool) {
            files.append(InputFile(path: path, relativePath: relative, named: named))
        }
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                diagnostics.append(
                    DiagnosticDescriptor.inputMissing(
                        "input '\(argument)' does not exist", at: SourceLocation(file: argument),
                        fix: "check the path; give export files or folders that contain them"))
                continue
            }
            guard isDirectory.boolValue else {
                add(path: argument, relative: (argument as NSString).lastPathComponent, named: true)
                continue
            }
            guard let enumerator = manager.enumerator(atPath: argument) else {
                diagnostics.append(
                    DiagnosticDescriptor.inputUnreadable(
                        "folder '\(argument)' cannot be listed", at: SourceLocation(file: argument),
                        fix: "check the folder's permissions"))
                continue
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory {
                        enumerator.skipDescendants()
                    }
                    continue
                }
                if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular { found.append(relative) }
            }
            let root = argument.hasSuffix("/") ? String(argument.dropLast()) : argument
            for relative in found.sorted() {
                add(path: root + "/" + relative, relative: relative, named: false)
            }
        }
        return (files, diagnostics)
    }
}
