import Codegen
import IR
import Testing

@Suite("DataFlow pipeline shapes")
struct DataFlowImportTests {
    static let cases = ["dataflow-subscriber-360", "dataflow-version-1"]

    @Test("converts to the canonical golden form, which is then a fixed point", arguments: cases)
    func convertsToCanonical(_ name: String) throws {
        let input = try #require(GoldenFile.read("\(name)/input.yaml"))
        let (document, diagnostics) = CanonicalYAML.parse(input, file: "pipelines/\(name).yaml")
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description))")
        let canonical = CanonicalYAML.render(try #require(document))
        GoldenFile.check(canonical, "\(name)/expected.yaml")
        let (again, againDiagnostics) = CanonicalYAML.format(canonical, file: "\(name).yaml")
        #expect(againDiagnostics.isEmpty)
        #expect(again == canonical)
        #expect(CanonicalYAML.parse(canonical, file: "x.yaml").document == document)
    }

    @Test("steps become opaque nodes chained through the '*' port, with a note each")
    func stepsAreChained() throws {
        let input = try #require(GoldenFile.read("dataflow-subscriber-360/input.yaml"))
        let (document, diagnostics) = CanonicalYAML.parse(input, file: "dir/subscriber.yaml")
        guard case .pipeline(let pipeline)? = document else {
            Issue.record("expected a pipeline")
            return
        }
        #expect(pipeline.name == "subscriber-360")
        #expect(pipeline.origin.tool == "DataFlow")
        #expect(pipeline.origin.file == "subscriber.yaml")
        #expect(pipeline.nodes.map(\.id) == ["source", "enrich-roaming", "gdpr-pii-mask"])
        #expect(pipeline.nodes.map(\.op.kindName) == ["source", "opaque", "opaque"])
        #expect(pipeline.nodes[1].ports.first?.source == PortRef(node: "source", port: "*"))
        #expect(pipeline.nodes[2].ports.first?.source == PortRef(node: "enrich-roaming", port: "*"))
        #expect(pipeline.attributes == [Attribute("schedule", "0 2 * * *")])
        #expect(diagnostics.map(\.code.rawValue) == ["CG0040", "CG0040"])
        #expect(diagnostics.map(\.location.line) == [5, 6])
        #expect(diagnostics.map(\.location.column) == [7, 7])
        #expect(diagnostics.allSatisfy { $0.severity == .note && $0.location.file == "dir/subscriber.yaml" })
    }

    @Test("repeated step names get distinct ids")
    func repeatedNames() throws {
        let text = "pipeline:\n  source: {connection: c}\n  steps:\n    - transform: source\n    - transform: source\n"
        let (document, _) = CanonicalYAML.parse(text, file: "p.yaml")
        guard case .pipeline(let pipeline)? = document else {
            Issue.record("expected a pipeline")
            return
        }
        #expect(pipeline.name == "p")
        #expect(pipeline.nodes.map(\.id) == ["source", "source-2", "source-3"])
    }
}
