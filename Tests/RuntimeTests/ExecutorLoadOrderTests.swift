import Foundation
import IR
import Testing

@testable import Runtime

/// Target load order (reference §2.21): the IS reads and loads target load plan 1 before it reads
/// plan 2. Plan 2 below looks up the target plan 1 writes, so what it finds shows the order.
@Suite("Executor target load order")
struct ExecutorLoadOrderTests {
    static func export() -> ExportBuilder {
        var export = ExportBuilder()
        export.source("SRC_A", ["K:n4"])
        export.source("SRC_B", ["K:n4"])
        export.target("T_A", ["LK:n4"])
        export.target("T_B", ["K:n4", "FOUND:n4"])
        export.transformation(
            "LKP_A", type: "Lookup Procedure",
            ports: [
                ExportBuilder.port("K:n4", "INPUT/OUTPUT"), ExportBuilder.port("LK:n4", "LOOKUP/OUTPUT"),
            ],
            attributes: [
                ("Lookup table name", "T_A"), ("Lookup caching enabled", "YES"),
                ("Lookup policy on multiple match", "Use First Value"), ("Lookup condition", "LK = K"),
                ("Connection Information", "$Target"), ("Source Type", "Database"),
            ])
        export.connect("SQ_SRC_A", "T_A", ["K>LK"])
        export.connect("SQ_SRC_B", "LKP_A", ["K"])
        export.connect("LKP_A", "T_B", ["K", "LK>FOUND"])
        return export
    }

    @Test("plan T_A first: the lookup of plan T_B sees the rows T_A received; the other order sees none")
    func loadPlansRunInOrder() throws {
        for (order, expected) in [(["T_A", "T_B"], ["1|1", "2|2"]), (["T_B", "T_A"], ["1|NULL", "2|NULL"])] {
            let harness = try ExecutorHarness()
            try harness.table("SRC_A", ["K:n4"], [["1"], ["2"], ["3"]])
            try harness.table("SRC_B", ["K:n4"], [["1"], ["2"]])
            // The lookup's table exists (empty) before any plan runs.
            try harness.table("T_A", ["LK:n4"], [])
            var pipeline = try harness.pipeline(Self.export())
            pipeline.targetLoadOrder = order
            let result = harness.execute(pipeline)
            #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
            #expect(try harness.rows("SELECT K, FOUND FROM T_B", columns: 2).sorted() == expected, "order \(order)")
        }
    }
}
