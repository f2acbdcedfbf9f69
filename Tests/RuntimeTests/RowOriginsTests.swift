import Foundation
import IR
import Importers
import Runtime
import Testing

/// A node whose ports come from two row streams (fixture router_default: target T_OUT takes ID
/// from router group HIGH and DEPT from group DEFAULT1). PowerCenter does not allow it; the
/// runtime must refuse it before running, not line the rows up — with one row in each group the
/// counts match, and lining up would silently pair unrelated rows.
@Suite struct RowOriginsTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/powercenter/router_default/input.xml").path

    @Test("ports from two router groups: RT0406 before any row is read, even when the counts match")
    func twoRouterGroups() throws {
        let harness = try ExecutorHarness()
        // DEPT 60 goes to HIGH (DEPT > 50), DEPT 30 to DEFAULT1: one row in each group.
        try harness.table(
            "EMP", ["ID*:n10", "NAME:s20", "DEPT:n4", "SAL:n8.2"], [["1", "a", "60", "1"], ["2", "b", "30", "1"]])
        let imported = PowerCenterImporter().importFile(atPath: Self.fixture)
        let pipeline = try #require(imported.pipelines.first)
        let result = harness.execute(pipeline)
        #expect(!result.succeeded)
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.code.description == "RT0406")
        #expect(
            error.message
                == "node 'T_OUT' takes ports from the rows of 'RTR_DEPT.HIGH' and 'RTR_DEPT.DEFAULT1', "
                + "which are different row streams; their rows cannot be lined up")
        #expect(result.counters.values.allSatisfy { $0.rowsIn == 0 }, "no node ran")
        #expect(!(try harness.tables()).contains("T_OUT"), "the target was not created")
    }

    @Test("ports from a source qualifier and a passive expression after it line up: the run succeeds")
    func passiveChain() throws {
        let harness = try ExecutorHarness()
        try harness.table(
            "EMP", ["ID*:n10", "NAME:s20", "DEPT:n4", "SAL:n8.2"],
            [["1", "ann", "10", "50"], ["2", "bob", "20", "500"]])
        let fixture = URL(fileURLWithPath: Self.fixture).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("mapplet_expanded/input.xml").path
        let pipeline = try #require(PowerCenterImporter().importFile(atPath: fixture).pipelines.first)
        let result = harness.execute(pipeline)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        #expect(
            try harness.rows("SELECT ID, NAME, SAL FROM T_OUT ORDER BY ID", columns: 3) == ["1|ANN|100", "2|BOB|500"])
    }
}
