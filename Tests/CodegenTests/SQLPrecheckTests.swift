import Foundation
import IR
import Importers
import Testing

@testable import Codegen

/// The checks of a target's path that build no SQL, run before its rows are lowered
/// (``SQLPipelineBuilder/precheck(_:_:table:)``): they change which refusal is named where a
/// target has several, never which targets are pushed down or what their statements are.
@Suite("SQL prechecks of a target's path")
struct SQLPrecheckTests {
    /// Each fixture export (powercenter and sql) and, when present, each corpus export.
    static func exports() throws -> [String] {
        let fixtures = SQLGenerationSharingTests.fixtures
        let sql = fixtures.deletingLastPathComponent().appendingPathComponent("sql")
        var paths: [String] = []
        for folder in [fixtures, sql] {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                let path = folder.appendingPathComponent(name).appendingPathComponent("input.xml").path
                if FileManager.default.fileExists(atPath: path) { paths.append(path) }
            }
        }
        return paths + CorpusRoundTripTests.files.map { CorpusRoundTripTests.corpus.appendingPathComponent($0).path }
    }

    static func lowered(_ pipeline: Pipeline, _ dialect: any SQLDialect, prechecks: Bool) -> SQLPipelineSQL {
        var lowering = SQLPipelineLowering(dialect)
        lowering.prechecksTargets = prechecks
        return lowering.lower(pipeline)
    }

    @Test("with or without the prechecks, every export pushes down the same targets with the same statements")
    func samePushdown() throws {
        let exports = try Self.exports()
        // The fixtures alone where the corpus is absent (its own tests say they are skipped).
        #expect(exports.count > (CorpusRoundTripTests.files.isEmpty ? 20 : 30))
        var renamed = 0
        for path in exports {
            for pipeline in PowerCenterImporter().importFile(atPath: path).pipelines {
                let optimized = PassManager().run(pipeline).pipeline
                for dialect in SQLDialects.all {
                    let with = Self.lowered(optimized, dialect, prechecks: true)
                    let without = Self.lowered(optimized, dialect, prechecks: false)
                    let place = "\(pipeline.name) in \(dialect.name)"
                    #expect(with.loads == without.loads, "\(place)")
                    #expect(with.fileLoads == without.fileLoads, "\(place)")
                    #expect(with.staging == without.staging, "\(place)")
                    #expect(with.report.pushedDown == without.report.pushedDown, "\(place)")
                    #expect(
                        with.report.notPushedDown.map(\.target) == without.report.notPushedDown.map(\.target),
                        "\(place)")
                    if with.report.notPushedDown != without.report.notPushedDown { renamed += 1 }
                }
            }
        }
        // The fixtures alone have targets named otherwise (the aggregator's, below).
        #expect(renamed > 0)
    }

    @Test("a refusal that needs no SQL is named before one found lowering a node upstream")
    func staticRefusalIsNamedFirst() throws {
        // The aggregator's last-row port NAME cannot be lowered (CG2007); the target column SAL,
        // decimal(8,2), receives the decimal(10,2) sum, which SQL does not convert as the runtime.
        let pipeline = try SQLPipelineLoweringTests.pipeline("aggregator")
        for dialect in SQLDialects.all {
            let with = Self.lowered(pipeline, dialect, prechecks: true).report
            #expect(with.nodesNotPushedDown == ["T_OUT"], "\(dialect.name)")
            #expect(with.diagnostics.map(\.code) == ["CG2008"], "\(dialect.name)")
            #expect(with.diagnostics.first?.message.contains("port 'SAL' of 'T_OUT' converts decimal(10,2)") == true)
            let without = Self.lowered(pipeline, dialect, prechecks: false).report
            #expect(without.nodesNotPushedDown == ["AGG_DEPT"], "\(dialect.name)")
        }
        // Found before the dialect is read, it is the same in every dialect lowered together.
        let together = SQLPipelineLowering(SQLiteDialect()).lower(pipeline, inEach: SQLDialects.all)
        #expect(Set(together.map(\.report.diagnostics)).count == 1)
    }
}
