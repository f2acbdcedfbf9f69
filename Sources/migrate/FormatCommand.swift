import ArgumentParser
import Codegen
import Foundation
import IR

/// `migrate fmt`: prints (or rewrites) YAML documents in canonical form.
struct Format: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Print a pipeline or workflow YAML document in canonical form (or rewrite it with --write)."
    )

    @Argument(help: "YAML documents.")
    var files: [String]

    @Flag(name: .long, help: "Rewrite each file in place instead of printing it.")
    var write = false

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let (texts, unreadable) = readTextFiles(files)
        var diagnostics = unreadable
        var ioProblem = !unreadable.isEmpty
        for (file, data) in texts {
            let (output, problems) = CanonicalYAML.format(String(decoding: data, as: UTF8.self), file: file)
            diagnostics += problems
            guard let output, !problems.hasErrors else { continue }
            if write {
                if data != Data(output.utf8) {
                    do {
                        try Data(output.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
                    } catch {
                        diagnostics.append(CLIDiagnostics.unwritable(file, error))
                        ioProblem = true
                    }
                }
            } else {
                StandardOutput.write(output)
            }
        }
        common.printer.print(diagnostics)
        if ioProblem { throw ExitCode(ExitStatus.usageOrIO) }
        if diagnostics.hasErrors { throw ExitCode(ExitStatus.conversionErrors) }
    }
}

/// Reads each named file as UTF-8 text; unreadable files become CLI0001 diagnostics.
func readTextFiles(_ files: [String]) -> (texts: [(file: String, data: Data)], problems: [Diagnostic]) {
    var texts: [(file: String, data: Data)] = []
    var problems: [Diagnostic] = []
    for file in files {
        if let data = FileManager.default.contents(atPath: file) {
            texts.append((file, data))
        } else {
            problems.append(CLIDiagnostics.unreadable(file))
        }
    }
    return (texts, problems)
}

/// `migrate check`: validates YAML documents against the schema and the IR invariants.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check pipeline and workflow YAML documents: schema, then IR verification."
    )

    @Argument(help: "YAML documents.")
    var files: [String]

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let (texts, unreadable) = readTextFiles(files)
        var diagnostics = unreadable
        for (file, data) in texts {
            let (document, problems) = CanonicalYAML.parse(String(decoding: data, as: UTF8.self), file: file)
            diagnostics += problems
            switch document {
            case .pipeline(let pipeline): diagnostics += pipeline.verify()
            case .workflow(let workflow): diagnostics += workflow.verify()
            case .parameters, nil: break
            }
        }
        common.printer.print(diagnostics)
        if !unreadable.isEmpty { throw ExitCode(ExitStatus.usageOrIO) }
        if diagnostics.hasErrors { throw ExitCode(ExitStatus.conversionErrors) }
    }
}
