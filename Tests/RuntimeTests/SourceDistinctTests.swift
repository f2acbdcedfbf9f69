import Codegen
import Foundation
import IR
import Testing

@testable import Runtime

/// "Select Distinct" on a Source Qualifier: PowerCenter's default query lists only the ports
/// connected downstream (reference §2.1, believed), so DISTINCT removes the rows equal on those.
@Suite("Source Qualifier Select Distinct")
struct SourceDistinctTests {
    /// Source `D_IN (ID, A)` whose Source Qualifier selects distinct rows; only `A` reaches `T_D`.
    static func export() -> ExportBuilder {
        var export = ExportBuilder()
        export.source("D_IN", ["ID:i", "A:n1"])
        let index = export.transformations.indices.last ?? 0
        export.transformations[index] = export.transformations[index].replacingOccurrences(
            of: "<TABLEATTRIBUTE NAME =\"Number Of Sorted Ports\"",
            with: "<TABLEATTRIBUTE NAME =\"Select Distinct\" VALUE =\"YES\"/>\n"
                + "<TABLEATTRIBUTE NAME =\"Number Of Sorted Ports\"")
        export.target("T_D", ["A:n1"])
        export.connect("SQ_D_IN", "T_D", ["A"])
        return export
    }

    @Test("DISTINCT applies to the connected ports: two rows equal on A but not on the unconnected ID give one")
    func distinctOverConnectedPorts() throws {
        let harness = try ExecutorHarness()
        try harness.table("D_IN", ["ID:i", "A:n1"], [["1", "7"], ["2", "7"], ["3", "8"]])
        let export = Self.export()
        let pipeline = try harness.pipeline(export)
        guard case .sourceQuery(let spec) = pipeline.node(id: "SQ_D_IN")?.op else {
            Issue.record("no source qualifier")
            return
        }
        #expect(spec.distinct)
        let result = try harness.run(export)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        #expect(try harness.rows("SELECT A FROM T_D ORDER BY A", columns: 1) == ["7", "8"])
    }

    // A decimal(1,0) column holds 19 values (and NULL): 30 rows repeat some.
    @Test("the native run and the SQL agree, with the optimizer's passes and without them", arguments: [true, false])
    func verifyAgrees(passes: Bool) throws {
        let pipeline = try ExecutorHarness().pipeline(Self.export())
        for seed in [1, 2, 3] as [UInt64] {
            let report = PushdownVerifier(
                engines: [.native, .sqlite], rowsPerSource: 30, seed: seed, passes: passes ? PassManager() : nil
            ).verify(pipeline)
            #expect(report.verdict == .agree, "\(report.text)")
        }
    }
}
