import Codegen
import Foundation
import IR
import Importers
import Testing

/// The diff over the shared PowerCenter corpus: every export against itself, against its YAML round
/// trip and against a copy with its nodes in reverse order is no change; dropping a node is exactly
/// that removal. Skipped, with the reason shown, when the corpus is absent.
@Suite("Pipeline diff over the PowerCenter corpus")
struct DiffCorpusTests {
    /// ../shared/corpus/powercenter relative to the repository root.
    static let corpus = DiffFixtures.folder.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/powercenter")

    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
        .filter { $0.uppercased().hasSuffix(".XML") }.sorted()

    @Test(
        "each export against itself, its YAML round trip and its reversed node order is no change",
        .enabled(if: !files.isEmpty, "skipped: the corpus folder ../shared/corpus/powercenter is absent"))
    func corpusDiffsAgainstItselfAreEmpty() {
        var pipelines = 0
        for name in Self.files {
            let result = PowerCenterImporter().importFile(atPath: Self.corpus.appendingPathComponent(name).path)
            let again = PowerCenterImporter().importFile(atPath: Self.corpus.appendingPathComponent(name).path)
            let same = DiffReport.compare(
                oldPipelines: result.pipelines, newPipelines: again.pipelines, oldWorkflows: result.workflows,
                newWorkflows: again.workflows)
            #expect(!same.hasChanges, "\(name): \(DiffTextRenderer().render(same).prefix(400))")
            let readBack = result.pipelines.compactMap(Self.roundTrip)
            #expect(readBack.count == result.pipelines.count, "\(name): a pipeline did not read back")
            let yaml = DiffReport.compare(oldPipelines: result.pipelines, newPipelines: readBack)
            #expect(!yaml.hasChanges, "\(name): \(DiffTextRenderer().render(yaml).prefix(400))")
            for pipeline in result.pipelines {
                pipelines += 1
                var reversed = pipeline
                reversed.nodes.reverse()
                #expect(PipelineDiffer.diff(old: pipeline, new: reversed).isEmpty, "\(name): \(pipeline.name)")
            }
        }
        #expect(pipelines > 0)
    }

    @Test(
        "dropping a node from each corpus pipeline is exactly that removal plus its edges",
        .enabled(if: !files.isEmpty, "skipped: the corpus folder ../shared/corpus/powercenter is absent"))
    func droppingANodeIsSeen() {
        for name in Self.files {
            let result = PowerCenterImporter().importFile(atPath: Self.corpus.appendingPathComponent(name).path)
            for pipeline in result.pipelines where pipeline.nodes.count > 1 {
                guard let last = pipeline.nodes.last,
                    !pipeline.nodes.contains(where: { $0.upstreamNodes.contains(last.id) })
                else { continue }
                var smaller = pipeline
                smaller.nodes.removeLast()
                let diff = PipelineDiffer.diff(old: pipeline, new: smaller)
                #expect(
                    diff.nodes == [NodeChange(status: .removed, oldID: last.id, newID: nil, kind: last.op.kindName)])
                #expect(diff.edges.count == last.upstreamNodes.count)
                #expect(diff.edges.allSatisfy { $0.status == .removed && $0.to == last.id })
            }
        }
    }

    /// `pipeline` written as canonical YAML and read back.
    static func roundTrip(_ pipeline: Pipeline) -> Pipeline? {
        let (document, problems) = CanonicalYAML.parse(CanonicalYAML.render(pipeline), file: "x.yaml")
        guard case .pipeline(let read)? = document, !problems.hasErrors else { return nil }
        return read
    }
}
