import Foundation
import IR
import Testing

@testable import Importers

/// Reading PowerCenter fixtures and looking things up in the results.
enum PCTestSupport {
    /// `Tests/Fixtures/powercenter`.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/powercenter").path

    /// The input file of fixture `name`.
    static func path(_ name: String) -> String { "\(fixtures)/\(name)/input.xml" }

    /// Imports fixture `name` through the importer's front door.
    static func importCase(_ name: String) -> ImportResult {
        PowerCenterImporter().importFile(atPath: path(name))
    }

    /// Parses XML text into an element tree (the reader is the only switch point).
    static func tree(_ xml: String, file: String = "inline.xml") -> XMLElementNode? {
        HardenedXMLReader.read(bytes: Array(xml.utf8), file: file).root
    }

    /// Everything a healthy translation guarantees: conservation and IR sanity of every pipeline.
    static func expectWellFormed(_ result: ImportResult, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let unaccounted = result.inventory.flatMap { entry in entry.unaccounted.map { "\(entry.kind) at \($0)" } }
        #expect(result.isConserved, "unaccounted: \(unaccounted)", sourceLocation: sourceLocation)
        for pipeline in result.pipelines {
            #expect(PCPipelineSanity.problems(in: pipeline) == [], "\(pipeline.name)", sourceLocation: sourceLocation)
        }
        #expect(!result.diagnostics.contains { $0.code == "IMP0128" }, sourceLocation: sourceLocation)
    }

    /// Verifier findings of severity error, as text.
    static func verifierErrors(_ pipeline: Pipeline) -> [String] {
        pipeline.verify().filter { $0.severity == .error }.map(\.description)
    }
}

extension ImportResult {
    /// The only pipeline (fails the test when there is not exactly one).
    func onlyPipeline(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Pipeline {
        try #require(pipelines.count == 1, "pipelines: \(pipelines.map(\.name))", sourceLocation: sourceLocation)
        return pipelines[0]
    }

    /// The diagnostics with code `code`.
    func diagnostics(_ code: String) -> [Diagnostic] { diagnostics.filter { $0.code.rawValue == code } }

    /// The codes of diagnostics of severity warning or error, sorted.
    var problemCodes: [String] { diagnostics.filter { $0.severity >= .warning }.map(\.code.rawValue).sorted() }
}

extension Pipeline {
    /// The node `id` (fails the test when missing).
    func requireNode(_ id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Node {
        try #require(node(id: id), "nodes: \(nodes.map(\.id))", sourceLocation: sourceLocation)
    }
}

extension Node {
    /// The port `name` (fails the test when missing).
    func requirePort(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> IR.Port {
        try #require(port(named: name), "ports of \(id): \(ports.map(\.name))", sourceLocation: sourceLocation)
    }

    /// The value of attribute `name`, if kept.
    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
}
