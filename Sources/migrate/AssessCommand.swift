import ArgumentParser
import Codegen
import Foundation
import IR

/// `migrate assess`: the inventory of exports before conversion.
struct Assess: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Inventory exports before conversion: objects, operators, functions, SQL dialects, tiers, automation."
    )

    @Argument(help: "Export files, or folders searched recursively.")
    var inputs: [String]

    @Option(name: .long, help: "Report format on standard output: text or json.")
    var report: ReportFormat = .text

    @Option(name: .long, help: "How many files to read at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let (files, problems) = InputDiscovery.discover(inputs)
        let stages = ImportStages.all
        let results = await withTaskGroup(of: (Int, ImportResult?).self) { group in
            var collected = [ImportResult?](repeating: nil, count: files.count)
            var next = 0
            func startNext() {
                guard next < files.count else { return }
                let index = next
                next += 1
                group.addTask {
                    let path = files[index].path
                    let prefix = FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 4096) } ?? Data()
                    guard let stage = stages.first(where: { $0.recognizes(prefix: [UInt8](prefix), path: path) }) else {
                        return (index, nil)
                    }
                    return (index, stage.importFile(atPath: path))
                }
            }
            for _ in 0..<max(1, min(jobs, files.count)) { startNext() }
            while let (index, result) = await group.next() {
                collected[index] = result
                startNext()
            }
            return collected.compactMap { $0 }
        }
        let assessment = Assessor.assess(results)
        switch report {
        case .json: StandardOutput.write(JSONOutput.encode(assessment) + "\n")
        case .text: StandardOutput.write(AssessmentText.render(assessment))
        }
        common.printer.print(problems)
        if !problems.isEmpty { throw ExitCode(ExitStatus.usageOrIO) }
    }
}
