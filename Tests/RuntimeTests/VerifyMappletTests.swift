import Foundation
import IR
import Importers
import Testing

@testable import Runtime

/// A mapplet on its own (fixture mapplet_unused) is not run: its boundaries get rows only inside a
/// mapping, so verify says so (RT0524) instead of reporting a failed native run.
@Suite struct VerifyMappletTests {
    @Test("a mapplet alone is named as not verified on its own, not as a failure")
    func mappletAlone() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/powercenter/mapplet_unused/input.xml").path
        let imported = PowerCenterImporter().importFile(atPath: path)
        let mapplet = try #require(imported.pipelines.first { $0.kind == .mapplet })
        let report = PushdownVerifier(engines: [.native, .sqlite]).verify(mapplet)
        #expect(report.verdict == .notPushedDown)
        #expect(report.problems.isEmpty)
        let refusal = try #require(report.notPushedDown.first)
        #expect(refusal.code == "RT0524")
        #expect(refusal.node == "mplt_CLEAN")
        #expect(
            refusal.message
                == "'mplt_CLEAN' is a mapplet, which runs only inside a mapping; it is verified where a mapping "
                + "of the export uses it")
    }
}
