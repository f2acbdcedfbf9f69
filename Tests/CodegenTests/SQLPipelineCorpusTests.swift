import Codegen
import Foundation
import IR
import Importers
import Testing

/// Every mapping of the shared corpus lowered in every dialect: nothing crashes, every target is
/// either pushed down (one INSERT, or a truncate and an INSERT) or kept in the runtime with one
/// located CG20xx diagnostic naming a node of the mapping. Skipped, with the reason shown, when
/// the corpus is absent.
@Suite("SQL pipeline lowering over the PowerCenter corpus")
struct SQLPipelineCorpusTests {
    static let corpus = CorpusRoundTripTests.corpus
    static let files = CorpusRoundTripTests.files

    @Test(
        "every corpus target is pushed down or has a located reason, in every dialect",
        .enabled(if: !files.isEmpty, "skipped: the corpus folder ../shared/corpus/powercenter is absent"))
    func everyTargetIsAccountedFor() {
        var pushed = 0
        for name in Self.files {
            let result = PowerCenterImporter().importFile(atPath: Self.corpus.appendingPathComponent(name).path)
            for pipeline in result.pipelines {
                let targets = pipeline.nodes.filter { if case .target = $0.op { true } else { false } }.map(\.id)
                let ids = Set(pipeline.nodes.map(\.id))
                for dialect in SQLDialects.all {
                    let sql = SQLPipelineLowering(dialect).lower(pipeline)
                    let report = sql.report
                    #expect((report.pushedDown + report.notPushedDown.map(\.target)).sorted() == targets.sorted())
                    for entry in report.notPushedDown {
                        #expect(entry.diagnostic.code.rawValue.hasPrefix("CG20"), "\(entry.diagnostic)")
                        #expect(!entry.diagnostic.location.file.isEmpty, "\(entry.diagnostic)")
                        #expect(ids.contains(entry.node), "\(name): \(entry.node)")
                    }
                    for load in sql.loads {
                        guard case .insert = load.statements.last else {
                            Issue.record("\(name): \(load.target) does not end with an INSERT")
                            continue
                        }
                    }
                    pushed += sql.loads.count
                }
            }
        }
        #expect(pushed > 0)
    }
}
