import Foundation
import IR
import Testing

@testable import Importers

/// Every real export in `../shared/corpus/powercenter` converts without a crash, conserves every
/// element, and yields pipelines whose port sources all resolve. Prints a summary for review.
@Suite("PowerCenter corpus")
struct PowerCenterCorpusTests {
    /// `<repo>/../shared/corpus/powercenter`.
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/powercenter")
        .path

    static var corpusFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []
        return names.filter { $0.lowercased().hasSuffix(".xml") }.sorted().map { "\(corpus)/\($0)" }
    }

    @Test(
        "the corpus converts, conserves every element and keeps port sources sane",
        .enabled(if: !corpusFiles.isEmpty, "corpus folder ../shared/corpus/powercenter is absent: skipped"))
    func corpusConverts() {
        var summary = CorpusSummary()
        for file in Self.corpusFiles {
            let result = PowerCenterImporter().importFile(atPath: file)
            let name = (file as NSString).lastPathComponent
            let unaccounted = result.inventory.flatMap { entry in
                entry.unaccounted.map { "\(entry.kind) at line \($0.line)" }
            }
            #expect(result.isConserved, "\(name): unaccounted \(unaccounted.prefix(20))")
            for pipeline in result.pipelines {
                let problems = PCPipelineSanity.problems(in: pipeline)
                #expect(problems.isEmpty, "\(name) \(pipeline.name): \(problems.prefix(10))")
            }
            #expect(!result.diagnostics.contains { $0.code == "IMP0128" }, "\(name): translator sanity diagnostics")
            summary.add(result)
        }
        print(summary.report())
    }
}

/// Counts for the corpus summary.
private struct CorpusSummary {
    var files = 0
    var pipelines = 0
    var mapplets = 0
    var nodes = 0
    var opaque: [String: Int] = [:]
    var kinds: [String: Int] = [:]
    var codes: [String: Int] = [:]
    var verifierCodes: [String: Int] = [:]
    var samples: [String: [String]] = [:]

    mutating func add(_ result: ImportResult) {
        files += 1
        pipelines += result.pipelines.count
        mapplets += result.pipelines.filter { $0.kind == .mapplet }.count
        for pipeline in result.pipelines {
            nodes += pipeline.nodes.count
            for node in pipeline.nodes {
                kinds[node.op.kindName, default: 0] += 1
                if case .opaque(let spec) = node.op { opaque[spec.vendorType, default: 0] += 1 }
            }
            for diagnostic in pipeline.verify() {
                verifierCodes[diagnostic.code.rawValue, default: 0] += 1
                if samples[diagnostic.code.rawValue, default: []].count < 3 {
                    samples[diagnostic.code.rawValue, default: []].append("\(pipeline.name): \(diagnostic.message)")
                }
            }
        }
        for diagnostic in result.diagnostics {
            codes["\(diagnostic.code) \(diagnostic.severity.rawValue)", default: 0] += 1
            let isMine = diagnostic.code.rawValue.hasPrefix("IMP01")
            if isMine, diagnostic.severity >= .warning, samples[diagnostic.code.rawValue, default: []].count < 3 {
                let file = (diagnostic.location.file as NSString).lastPathComponent
                samples[diagnostic.code.rawValue, default: []].append(
                    "\(file):\(diagnostic.location.line): \(diagnostic.message)")
            }
        }
    }

    func report() -> String {
        func list(_ counts: [String: Int]) -> String {
            counts.sorted { $0.key < $1.key }.map { "    \($0.key): \($0.value)" }.joined(separator: "\n")
        }
        return """
            PowerCenter corpus summary
              files: \(files), pipelines: \(pipelines) (mapplets: \(mapplets)), nodes: \(nodes), opaque nodes: \(opaque.values.reduce(0, +))
              node kinds:
            \(list(kinds))
              opaque by vendor type:
            \(list(opaque))
              diagnostics by code:
            \(list(codes))
              verifier findings by code (Pipeline.verify):
            \(list(verifierCodes))
              samples of mapping warnings/errors and verifier findings:
            \(samples.sorted { $0.key < $1.key }.flatMap { entry in entry.value.map { "    \(entry.key) \($0)" } }.joined(separator: "\n"))
            """
    }
}
