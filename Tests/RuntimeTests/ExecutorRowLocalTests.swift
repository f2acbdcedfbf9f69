import Foundation
import IR
import Runtime
import Testing

/// Router, Sequence Generator and Lookup semantics of the native executor (reference §2.6,
/// §2.7, §2.12).
@Suite("Executor row-local operators")
struct ExecutorRowLocalTests {
    @Test("router: a row enters every true group; default only when none is true; NULL is false")
    func router() throws {
        let harness = try ExecutorHarness()
        try harness.table("RT_IN", ["ID:n10", "A:n4"], [["1", "10"], ["2", "4"], ["3", "1"], ["4", "NULL"]])
        let export = ExportBuilder.router(first: "A &gt; 5", second: "A &gt; 3")
        let result = try harness.run(export)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // §2.7 / case 49: A = 10 meets A > 5 and A > 3 → G1 and G2; A = 4 → G2 only; A = 1 → no
        // group → DEFAULT; A = NULL makes both conditions NULL = FALSE → DEFAULT.
        #expect(try harness.rows("SELECT ID, A FROM T_G1", columns: 2).sorted() == ["1|10"])
        #expect(try harness.rows("SELECT ID, A FROM T_G2", columns: 2).sorted() == ["1|10", "2|4"])
        #expect(try harness.rows("SELECT ID, A FROM T_DEF", columns: 2).sorted() == ["3|1", "4|NULL"])
    }

    static func sequence(end: Int, cycle: Bool) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("SEQ_IN", ["ID:n10"])
        export.transformation(
            "SEQ", type: "Sequence",
            ports: ExportBuilder.sequencePorts,
            attributes: [
                ("Start Value", "5"), ("Increment By", "2"), ("End Value", "\(end)"), ("Current Value", "7"),
                ("Cycle", cycle ? "YES" : "NO"), ("Number of Cached Values", "0"), ("Reset", "NO"),
            ])
        export.target("T_SEQ", ["ID:n10", "NV:i", "CV:i"])
        export.connect("SQ_SEQ_IN", "T_SEQ", ["ID"])
        export.connect("SEQ", "T_SEQ", ["NEXTVAL>NV", "CURRVAL>CV"])
        return export
    }

    @Test("sequence: NEXTVAL from Current Value by Increment, CURRVAL = NEXTVAL + increment, cycle to Start")
    func sequenceCycle() throws {
        let harness = try ExecutorHarness()
        try harness.table("SEQ_IN", ["ID:n10"], [["1"], ["2"], ["3"], ["4"], ["5"]])
        let result = try harness.run(Self.sequence(end: 11, cycle: true))
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // §2.12 / case 45: Current 7, Increment 2, End 11 → NEXTVAL 7, 9, 11; 13 would pass End,
        // so Cycle wraps to Start 5, then 7. CURRVAL is NEXTVAL + 2 on the same row: 9, 11, 13, 7, 9.
        #expect(
            try harness.rows("SELECT ID, NV, CV FROM T_SEQ ORDER BY CAST(ID AS INTEGER)", columns: 3) == [
                "1|7|9", "2|9|11", "3|11|13", "4|5|7", "5|7|9",
            ])
    }

    @Test("sequence past End Value without Cycle fails the session and writes nothing")
    func sequenceExhausted() throws {
        let harness = try ExecutorHarness()
        try harness.table("SEQ_IN", ["ID:n10"], [["1"], ["2"], ["3"]])
        let result = try harness.run(Self.sequence(end: 9, cycle: false))
        // §2.12: values 7, 9, then 11 > End 9 without Cycle → the session fails; the target's
        // transaction is rolled back, so rows 1 and 2 are not left behind.
        #expect(!result.succeeded)
        #expect(
            try harness.rows("SELECT name FROM sqlite_master WHERE name = 'T_SEQ'", columns: 1).isEmpty
                || (try harness.rows("SELECT ID FROM T_SEQ", columns: 1)).isEmpty)
    }

    /// Source L_IN(ID, K) → connected lookup on LKT(K, V) by `K = IN_K` → T_LKP(ID, V).
    static func lookup(policy: String, cached: Bool = true, caseSensitive: Bool = true) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("L_IN", ["ID:n10", "K:n4"])
        export.transformation(
            "LKP", type: "Lookup Procedure",
            ports: [
                ExportBuilder.port("ID:n10"), ExportBuilder.port("IN_K:n4", "INPUT"),
                ExportBuilder.port("K:n4", "LOOKUP/OUTPUT"), ExportBuilder.port("V:s20", "LOOKUP/OUTPUT"),
            ],
            attributes: [
                ("Lookup Sql Override", ""), ("Lookup table name", "LKT"), ("Lookup Source Filter", ""),
                ("Lookup caching enabled", cached ? "YES" : "NO"), ("Lookup policy on multiple match", policy),
                ("Lookup condition", "K = IN_K"), ("Connection Information", "$Source"), ("Source Type", "Database"),
                ("Case Sensitive String Comparison", caseSensitive ? "YES" : "NO"),
            ])
        export.target("T_LKP", ["ID:n10", "V:s20"])
        export.connect("SQ_L_IN", "LKP", ["ID", "K>IN_K"])
        export.connect("LKP", "T_LKP", ["ID", "V"])
        return export
    }

    static func lookupData(_ harness: ExecutorHarness) throws {
        try harness.table("L_IN", ["ID:n10", "K:n4"], [["1", "1"], ["2", "2"], ["3", "NULL"], ["4", "9"]])
        try harness.table("LKT", ["K:n4", "V:s20"], [["1", "b"], ["1", "a"], ["2", "c"], ["NULL", "n"]])
    }

    // LKT holds K=1 twice ('b' read first, then 'a'), K=2 'c', K=NULL 'n'. §2.6: a cached lookup
    // matches NULL input to the NULL key (case 43) → ID 3 gets 'n'; K=9 matches nothing → NULL.
    // First/Last order the matches by the condition columns, then the other ports: 'a' < 'b'.
    // `Use All Values` makes the lookup active: one row per match (case 53).
    static let policyCases: [(String, [String])] = [
        ("Use First Value", ["1|a", "2|c", "3|n", "4|NULL"]),
        ("Use Last Value", ["1|b", "2|c", "3|n", "4|NULL"]),
        ("Use All Values", ["1|a", "1|b", "2|c", "3|n", "4|NULL"]),
    ]

    @Test("cached lookup: NULL matches NULL; multiple-match policies first, last, all", arguments: policyCases)
    func lookupPolicies(policy: String, expected: [String]) throws {
        let harness = try ExecutorHarness()
        try Self.lookupData(harness)
        let result = try harness.run(Self.lookup(policy: policy))
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        #expect(try harness.rows("SELECT ID, V FROM T_LKP", columns: 2).sorted() == expected)
    }

    @Test("cached lookup 'Use Any Value' returns one of the matches")
    func lookupAnyValue() throws {
        let harness = try ExecutorHarness()
        try Self.lookupData(harness)
        let result = try harness.run(Self.lookup(policy: "Use Any Value"))
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        let rows = try harness.rows("SELECT ID, V FROM T_LKP", columns: 2).sorted()
        // §2.6: any one matching row (not deterministic by definition): 'a' or 'b' for K=1.
        #expect(rows == ["1|a", "2|c", "3|n", "4|NULL"] || rows == ["1|b", "2|c", "3|n", "4|NULL"])
    }

    @Test("lookup 'Report Error' rejects a row with several matches into the reject file")
    func lookupReportError() throws {
        let harness = try ExecutorHarness()
        try Self.lookupData(harness)
        let result = try harness.run(Self.lookup(policy: "Report Error"))
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // §2.6, §2.22: several matches under Report Error is a row error: row ID 1 is dropped,
        // counted as rejected by the lookup and listed in the reject file; the others pass.
        #expect(try harness.rows("SELECT ID, V FROM T_LKP", columns: 2).sorted() == ["2|c", "3|n", "4|NULL"])
        #expect(result.counters["LKP"]?.rowsRejected == 1)
        #expect(result.rejected == 1)
        let lines = harness.rejectLines()
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("LKP\t") == true)
        // node, code, row indicator 0 (insert), reason, values (the lookup's input row: ID 1, K 1).
        let fields = lines.first?.split(separator: "\t").map(String.init) ?? []
        #expect(fields.count == 5, "\(lines)")
        #expect(fields.count == 5 && fields[2] == "0" && !fields[3].isEmpty)
        #expect(fields.last == "D:1|D:1")
    }

    @Test("uncached lookup: NULL input never matches (SQL equality)")
    func lookupUncachedNull() throws {
        let harness = try ExecutorHarness()
        try Self.lookupData(harness)
        let result = try harness.run(Self.lookup(policy: "Use First Value", cached: false))
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // §2.6: an uncached lookup issues `WHERE K = ?`, so the NULL input of ID 3 finds nothing.
        // (ID 1's value is the first row the database returns: 'a' or 'b'; not checked.)
        let rows = try harness.rows("SELECT ID, V FROM T_LKP", columns: 2).sorted()
        #expect(rows.filter { !$0.hasPrefix("1|") } == ["2|c", "3|NULL", "4|NULL"])
    }
}
