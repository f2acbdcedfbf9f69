import Foundation
import IR
import Runtime
import Testing

/// Unconnected and range-condition lookups in the native executor (reference §2.6).
@Suite("Executor lookups")
struct ExecutorLookupTests {
    @Test("unconnected :LKP returns the lookup's return port; cached NULL matches NULL")
    func unconnectedLookup() throws {
        let harness = try ExecutorHarness()
        try ExecutorRowLocalTests.lookupData(harness)
        var export = ExportBuilder()
        export.source("L_IN", ["ID:n10", "K:n4"])
        export.transformation(
            "EXP", type: "Expression",
            ports: [
                ExportBuilder.port("ID:n10", expression: "ID"), ExportBuilder.port("K:n4", "INPUT"),
                ExportBuilder.port("o_V:s20", "OUTPUT", expression: ":LKP.LKP_U(K)"),
            ])
        export.transformation(
            "LKP_U", type: "Lookup Procedure",
            ports: [
                ExportBuilder.port("K:n4", "LOOKUP/OUTPUT"), ExportBuilder.port("V:s20", "LOOKUP/RETURN/OUTPUT"),
                ExportBuilder.port("IN_K:n4", "INPUT"),
            ],
            attributes: [
                ("Lookup table name", "LKT"), ("Lookup caching enabled", "YES"),
                ("Lookup policy on multiple match", "Use First Value"), ("Lookup condition", "K = IN_K"),
                ("Connection Information", "$Source"), ("Source Type", "Database"),
            ])
        export.target("T_LKP", ["ID:n10", "V:s20"])
        export.connect("SQ_L_IN", "EXP", ["ID", "K"])
        export.connect("EXP", "T_LKP", ["ID", "o_V>V"])
        let result = try harness.run(export)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // §2.6: the argument binds to IN_K; the RETURN port V comes back: K=1 → first of 'a','b'
        // (ordered by the remaining port) = 'a'; K=2 → 'c'; NULL → the NULL key's 'n' (cached,
        // case 43); K=9 → no match → NULL.
        #expect(try harness.rows("SELECT ID, V FROM T_LKP", columns: 2).sorted() == ["1|a", "2|c", "3|n", "4|NULL"])
    }

    @Test("lookup with a range condition 'D <= IN_D' picks the last qualifying row")
    func rangeLookup() throws {
        let harness = try ExecutorHarness()
        try harness.table(
            "PR_IN", ["ID:n10", "P:n4", "D:n4"],
            [["1", "1", "25"], ["2", "1", "5"], ["3", "1", "30"], ["4", "2", "30"]])
        try harness.table(
            "PRICES", ["P:n4", "D:n4", "PRICE:n8.2"], [["1", "10", "100"], ["1", "30", "300"], ["1", "20", "200"]])
        var export = ExportBuilder()
        export.source("PR_IN", ["ID:n10", "P:n4", "D:n4"])
        export.transformation(
            "LKP_R", type: "Lookup Procedure",
            ports: [
                ExportBuilder.port("ID:n10"), ExportBuilder.port("IN_P:n4", "INPUT"),
                ExportBuilder.port("IN_D:n4", "INPUT"), ExportBuilder.port("P:n4", "LOOKUP/OUTPUT"),
                ExportBuilder.port("D:n4", "LOOKUP/OUTPUT"), ExportBuilder.port("PRICE:n8.2", "LOOKUP/OUTPUT"),
            ],
            attributes: [
                ("Lookup table name", "PRICES"), ("Lookup caching enabled", "YES"),
                ("Lookup policy on multiple match", "Use Last Value"), ("Lookup condition", "P = IN_P AND D <= IN_D"),
                ("Connection Information", "$Source"), ("Source Type", "Database"),
            ])
        export.target("T_PR", ["ID:n10", "PRICE:n8.2"])
        export.connect("SQ_PR_IN", "LKP_R", ["ID", "P>IN_P", "D>IN_D"])
        export.connect("LKP_R", "T_PR", ["ID", "PRICE"])
        let result = try harness.run(export)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // §2.6: candidates with P = IN_P and D <= IN_D, ordered by the condition columns; Last →
        // highest D. ID 1 (D ≤ 25): D 10, 20 → 200. ID 2 (D ≤ 5): none → NULL. ID 3 (D ≤ 30):
        // 10, 20, 30 → 300. ID 4: no P = 2 → NULL.
        #expect(
            try harness.rows("SELECT ID, PRICE FROM T_PR", columns: 2).sorted() == [
                "1|200", "2|NULL", "3|300", "4|NULL",
            ])
    }
}
