import Codegen
import Foundation
import IR
import Importers
import Testing

/// End-to-end goldens for a few hand-written PowerCenter fixtures: the canonical YAML of every
/// object the importer makes from `input.xml` must equal `expected.yaml` in the same folder
/// (documents in import order, separated by `---`). MIGRATE_UPDATE_GOLDENS=1 rewrites and fails.
@Suite struct PowerCenterYAMLGoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/powercenter")

    @Test(arguments: ["basic", "workflows/basic"]) func yamlMatchesGolden(caseName: String) throws {
        let folder = Self.fixtures.appendingPathComponent(caseName)
        let result = PowerCenterImporter().importFile(atPath: folder.appendingPathComponent("input.xml").path)
        var documents: [String] = []
        for var pipeline in result.pipelines {
            pipeline.attachNotes(from: result.diagnostics)
            documents.append(CanonicalYAML.render(pipeline))
        }
        for var workflow in result.workflows {
            workflow.attachNotes(from: result.diagnostics)
            documents.append(CanonicalYAML.render(workflow))
        }
        let actual = documents.joined(separator: "---\n")
        for document in documents {
            let (parsed, problems) = CanonicalYAML.parse(document, file: "x.yaml")
            #expect(!problems.hasErrors, "\(problems)")
            #expect(parsed.map(CanonicalYAML.render) == document, "YAML → IR → YAML is not the identity")
        }
        let golden = folder.appendingPathComponent("expected.yaml")
        if ProcessInfo.processInfo.environment["MIGRATE_UPDATE_GOLDENS"] == "1" {
            try Data(actual.utf8).write(to: golden)
            Issue.record("rewrote \(caseName)/expected.yaml: review it, then run without MIGRATE_UPDATE_GOLDENS")
            return
        }
        let expected = String(decoding: try Data(contentsOf: golden), as: UTF8.self)
        #expect(
            actual == expected,
            "\(caseName)/expected.yaml differs; run with MIGRATE_UPDATE_GOLDENS=1 and review the diff")
    }
}
