import Foundation
import IR
import Importers
import Testing

@testable import Codegen

/// Imports every PowerCenter export of the shared corpus and checks that each pipeline and workflow
/// survives YAML → IR → YAML unchanged. Skipped, with the reason shown, when the corpus is absent.
@Suite("Canonical YAML round trip over the PowerCenter corpus")
struct CorpusRoundTripTests {
    /// ../shared/corpus/powercenter relative to the repository root.
    static let corpus = GoldenFile.folder.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/powercenter")

    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
        .filter { $0.uppercased().hasSuffix(".XML") }.sorted()

    @Test(
        "every imported pipeline and workflow reads back equal and re-renders byte-identical",
        .enabled(if: !files.isEmpty, "skipped: the corpus folder ../shared/corpus/powercenter is absent"))
    func corpusRoundTrips() {
        var documents = 0
        for name in Self.files {
            let result = PowerCenterImporter().importFile(atPath: Self.corpus.appendingPathComponent(name).path)
            let expected =
                result.pipelines.map { CanonicalDocument.pipeline($0.adoptingFile($0.origin.file)) }
                + result.workflows.map { CanonicalDocument.workflow($0.withProvenanceFile($0.origin.file)) }
            for document in expected {
                documents += 1
                let text = CanonicalYAML.render(document)
                let (parsed, diagnostics) = CanonicalYAML.parse(text, file: name + ".yaml")
                #expect(diagnostics.isEmpty, "\(name): \(diagnostics.prefix(3).map(\.description))")
                #expect(parsed == document, "\(name): the document read back differs")
                #expect(parsed.map(CanonicalYAML.render) == text, "\(name): re-rendering differs")
            }
        }
        #expect(documents > 0)
    }

    @Test(
        "every rendered corpus document validates against the JSON Schema",
        .enabled(if: !files.isEmpty, "skipped: the corpus folder ../shared/corpus/powercenter is absent"),
        .enabled(
            if: YAMLSchemaTests.pythonReady,
            "skipped: python3 with the 'yaml' and 'jsonschema' modules is not installed"))
    func corpusValidatesAgainstSchema() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for name in Self.files {
            let result = PowerCenterImporter().importFile(atPath: Self.corpus.appendingPathComponent(name).path)
            let texts = result.pipelines.map(CanonicalYAML.render) + result.workflows.map(CanonicalYAML.render)
            for (index, text) in texts.enumerated() {
                let path = folder.appendingPathComponent("\(name)-\(index).yaml").path
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                paths.append(path)
            }
        }
        let result = try #require(
            YAMLSchemaTests.run(["-c", YAMLSchemaTests.validator, YAMLSchemaTests.schema.path] + paths))
        #expect(result.status == 0, "\(result.output.prefix(2000))")
        #expect(result.output.contains("checked \(paths.count) failed 0"))
    }
}
