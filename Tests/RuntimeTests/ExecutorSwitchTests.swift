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

    @Test("anyLookupValueIsFirstInCacheOrder: 'Use Any Value' gives the lowest match; off, the first read")
    func anyLookupValue() throws {
        // Key k matches (k, z) read first and (k, a): cache order puts (k, a) first.
        let table = RowSet(columns: ["K", "V"], rows: [[.string("k"), .string("z")], [.string("k"), .string("a")]])
        let lookup = Lookup(table: table, keys: [KeyPair("IN_K", "K")], returning: ["V"], policy: .any)
        var settings = EvalHarness.settings()
        #expect(try lookup.returnedValues(for: [.string("k")], settings) == [[.string("a")]])
        settings.anyLookupValueIsFirstInCacheOrder = false
        #expect(try lookup.returnedValues(for: [.string("k")], settings) == [[.string("z")]])
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

/// The session's "Stop on errors" (reference §1.10): 0 never stops; N fails the session at the
/// N-th row error, and the failed session leaves its target unchanged.
@Suite("executor error threshold")
struct ExecutorErrorThresholdTests {
    @Test("three row errors: 0 goes on, 3 stops at the third, 4 goes on")
    func threshold() throws {
        for (limit, succeeds) in [(0, true), (3, false), (4, true)] {
            let harness = try ExecutorHarness()
            // X = 0 makes MOD(25, X) a transformation error (case 24): rows 2, 3 and 4.
            try harness.table(
                "D_IN", ["ID:n10", "X:n10"], [["1", "4"], ["2", "0"], ["3", "0"], ["4", "0"], ["5", "3"]])
            let result = try harness.run(ExecutorEdgeTests.modulusWithErrorDefault(), stopOnErrors: limit)
            #expect(result.succeeded == succeeds, "Stop on errors \(limit): \(ExecutorHarness.describe(result))")
            if succeeds {
                // MOD(25, 4) = 1, MOD(25, 3) = 1.
                #expect(try harness.rows("SELECT ID, M FROM T_D", columns: 2).sorted() == ["1|1", "5|1"])
            } else {
                #expect(result.diagnostics.contains { $0.code.rawValue == "RT0407" })
                #expect(try harness.tables().contains("T_D") == false, "the failed session wrote nothing")
            }
        }
    }
}

/// A relational Source Qualifier read from its checkpoint on resume still runs its post SQL when
/// the session succeeds (reference §2.1: post SQL runs after the session).
@Suite("executor post SQL on resume")
struct ExecutorPostSQLResumeTests {
    @Test("post SQL runs once per successful attempt, also when the source came from a checkpoint")
    func postSQLRunsAfterACheckpointedRead() throws {
        let harness = try ExecutorHarness()
        try harness.table("P_IN", ["ID:n10"], [["1"], ["2"]])
        try harness.table("AUDIT", ["N:n10"], [])
        var export = ExportBuilder()
        export.source("P_IN", ["ID:n10"])
        export.target("T_P", ["ID:n10"])
        export.connect("SQ_P_IN", "T_P", ["ID"])
        var pipeline = try harness.pipeline(export)
        pipeline.nodes = pipeline.nodes.map { node in
            guard case .sourceQuery(var spec) = node.op else { return node }
            spec.postSQL = "INSERT INTO AUDIT VALUES (1)"
            var copy = node
            copy.op = .sourceQuery(spec)
            return copy
        }
        let checkpoints = harness.directory + "/checkpoints"
        let first = harness.execute(pipeline, runID: "r1", checkpoints: checkpoints)
        #expect(first.succeeded, "\(ExecutorHarness.describe(first))")
        #expect(first.resumedNodes.isEmpty)
        // A second attempt under another run id reads SQ_P_IN from the checkpoint the first saved.
        let second = harness.execute(pipeline, runID: "r2", checkpoints: checkpoints)
        #expect(second.succeeded, "\(ExecutorHarness.describe(second))")
        #expect(second.resumedNodes == ["SQ_P_IN"])
        #expect(try harness.rows("SELECT N FROM AUDIT", columns: 1) == ["1", "1"])
    }
}
