import Foundation
import IR
import Testing

@testable import Runtime

/// The executor's BELIEVED behaviours flipped through their `EvaluationSettings` switches
/// (docs/believed-behaviours.md, "Runtime").
@Suite("executor switches")
struct ExecutorSwitchTests {
    @Test("currvalAloneIsConstant = false: CURRVAL advances per row (NEXTVAL 1, 2, 3 → CURRVAL 2, 3, 4)")
    func currvalAdvancesWhenSwitchedOff() throws {
        let harness = try ExecutorHarness()
        try harness.table("SEQ_IN", ["ID:n10"], [["1"], ["2"], ["3"]])
        let export = ExecutorEdgeTests.sequence(connect: [("CURRVAL", "T_A")], targets: ["T_A"])
        let result = try harness.run(export) { $0.currvalAloneIsConstant = false }
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // Current Value 1, Increment By 1: NEXTVAL 1, 2, 3 and CURRVAL = NEXTVAL + 1 per row.
        #expect(try harness.rows("SELECT V FROM T_A", columns: 1).sorted() == ["2", "3", "4"])
    }

    @Test("normalizerFirstKey applies only without a stored SEQUENCE_GENERATOR_VALUE")
    func normalizerKeyStart() throws {
        let harness = try ExecutorHarness()
        try harness.table("N_IN", ["NAME:s20", "A1:n10"], [["p", "1"], ["q", "4"]])
        func export(stored: String?) -> ExportBuilder {
            var export = ExportBuilder()
            export.source("N_IN", ["NAME:s20", "A1:n10"])
            let definition = """
                <SOURCEFIELD DATATYPE ="number" FIELDNUMBER ="1" KEYTYPE ="NOT A KEY" LEVEL ="0" NAME ="amount" OCCURS ="1" PRECISION ="10" SCALE ="0"/>
                """
            let storedText = stored.map { " SEQUENCE_GENERATOR_VALUE =\"\($0)\"" } ?? ""
            export.transformation(
                "NRM", type: "Normalizer",
                ports: [
                    ExportBuilder.port("amount_in1:n10", "INPUT", extra: "REF_SOURCE_FIELD =\"amount\""),
                    ExportBuilder.port("amount:n10", "OUTPUT", extra: "REF_SOURCE_FIELD =\"amount\""),
                    "<TRANSFORMFIELD DATATYPE =\"bigint\" NAME =\"GK_amount\" PORTTYPE =\"GENERATED KEY/OUTPUT\" "
                        + "PRECISION =\"19\" SCALE =\"0\" REF_SOURCE_FIELD =\"amount\"\(storedText)/>",
                ],
                attributes: [("Reset", "NO"), ("Restart", "NO")], body: definition)
            export.target("T_NRM", ["AMOUNT:n10", "GK:i"])
            export.connect("SQ_N_IN", "NRM", ["A1>amount_in1"])
            export.connect("NRM", "T_NRM", ["amount>AMOUNT", "GK_amount>GK"])
            return export
        }
        // A stored value of 40 wins over the switch: GK 40 and 41.
        let stored = try harness.run(export(stored: "40")) { $0.normalizerFirstKey = 7 }
        #expect(stored.succeeded, "\(ExecutorHarness.describe(stored))")
        #expect(try harness.rows("SELECT AMOUNT, GK FROM T_NRM", columns: 2).sorted() == ["1|40", "4|41"])
        // Without one, the switch gives the first key: 7 and 8 (the default would give 1 and 2).
        let fresh = try ExecutorHarness()
        try fresh.table("N_IN", ["NAME:s20", "A1:n10"], [["p", "1"], ["q", "4"]])
        let switched = try fresh.run(export(stored: nil)) { $0.normalizerFirstKey = 7 }
        #expect(switched.succeeded, "\(ExecutorHarness.describe(switched))")
        #expect(try fresh.rows("SELECT AMOUNT, GK FROM T_NRM", columns: 2).sorted() == ["1|7", "4|8"])
    }
}
