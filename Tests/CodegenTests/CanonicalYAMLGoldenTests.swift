import Codegen
import Foundation
import IR
import Testing

/// A hand-built IR value with its golden rendering in Tests/Fixtures/yaml/<name>/expected.yaml.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    let name: String
    let document: CanonicalDocument
    var testDescription: String { name }

    static let all: [GoldenCase] = [
        GoldenCase(name: "pipeline-all-operators", document: .pipeline(SamplePipelines.allOperators)),
        GoldenCase(name: "workflow-all-tasks", document: .workflow(SampleWorkflows.allTasks)),
        GoldenCase(name: "pipeline-strings", document: .pipeline(SampleStrings.pipeline)),
        GoldenCase(name: "pipeline-empty", document: .pipeline(SampleStrings.empty)),
    ]
}

@Suite("Canonical YAML golden files")
struct CanonicalYAMLGoldenTests {
    @Test("renders the golden text", arguments: GoldenCase.all)
    func rendersGolden(_ golden: GoldenCase) {
        GoldenFile.check(CanonicalYAML.render(golden.document), "\(golden.name)/expected.yaml")
    }

    @Test("reads the golden text back to the same IR and the same bytes", arguments: GoldenCase.all)
    func roundTrips(_ golden: GoldenCase) throws {
        let text = CanonicalYAML.render(golden.document)
        let (document, diagnostics) = CanonicalYAML.parse(text, file: "\(golden.name).yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let parsed = try #require(document)
        #expect(parsed == golden.document)
        #expect(CanonicalYAML.render(parsed) == text)
        let (formatted, formatDiagnostics) = CanonicalYAML.format(text, file: "x.yaml")
        #expect(formatted == text)
        #expect(formatDiagnostics.isEmpty)
    }

    @Test("output is LF-only, ends with one newline, starts with the version")
    func byteForm() {
        for golden in GoldenCase.all {
            let text = CanonicalYAML.render(golden.document)
            #expect(text.hasPrefix("version: 1\n"))
            #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
            #expect(!text.unicodeScalars.contains("\r"))
            #expect(!text.unicodeScalars.contains("\t"))
            #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") }, "no trailing blanks")
        }
    }
}
