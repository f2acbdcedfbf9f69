import Codegen
import Foundation
import IR
import Testing

@testable import Runtime

/// A connected lookup that finds no row gives each lookup port its default value (reference §2.6
/// "NULL (or their DEFAULTVALUE if set)", BELIEVED; `EvaluationSettings.lookupDefaultOnNoMatch`).
@Suite("Executor lookup defaults")
struct ExecutorLookupDefaultTests {
    /// L_IN → LKP (K = IN_K on LKT, "Use First Value"; V defaults to `vDefault`, K to -1) → T_LKP.
    static func export(vDefault: String) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("L_IN", ["ID:n10", "K:n4"])
        export.transformation(
            "LKP", type: "Lookup Procedure",
            ports: [
                ExportBuilder.port("ID:n10"), ExportBuilder.port("IN_K:n4", "INPUT"),
                ExportBuilder.port("K:n4", "LOOKUP/OUTPUT", defaultValue: "-1"),
                ExportBuilder.port("V:s20", "LOOKUP/OUTPUT", defaultValue: vDefault),
            ],
            attributes: [
                ("Lookup table name", "LKT"), ("Lookup caching enabled", "YES"),
                ("Lookup policy on multiple match", "Use First Value"), ("Lookup condition", "K = IN_K"),
                ("Connection Information", "$Source"), ("Source Type", "Database"),
            ])
        export.target("T_LKP", ["ID:n10", "K:n4", "V:s20"])
        export.connect("SQ_L_IN", "LKP", ["ID", "K>IN_K"])
        export.connect("LKP", "T_LKP", ["ID", "K", "V"])
        return export
    }

    @Test("no match gives the defaults; a match keeps its values, a NULL one too")
    func defaultsOnNoMatch() throws {
        let harness = try ExecutorHarness()
        try harness.table("L_IN", ["ID:n10", "K:n4"], [["1", "1"], ["2", "2"], ["4", "9"]])
        try harness.table("LKT", ["K:n4", "V:s20"], [["1", "a"], ["2", "NULL"]])
        let result = try harness.run(Self.export(vDefault: "'none'"))
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // K = 1 finds (1, a); K = 2 finds (2, NULL): a match, so V stays NULL; K = 9 finds nothing:
        // K takes its default -1 and V 'none'.
        #expect(
            try harness.rows("SELECT ID, K, V FROM T_LKP", columns: 3).sorted() == ["1|1|a", "2|2|NULL", "4|-1|none"])
    }

    @Test("switched off, no match gives NULL")
    func switchedOff() throws {
        let harness = try ExecutorHarness()
        try harness.table("L_IN", ["ID:n10", "K:n4"], [["4", "9"]])
        try harness.table("LKT", ["K:n4", "V:s20"], [["1", "a"]])
        let result = try harness.run(Self.export(vDefault: "'none'")) { $0.lookupDefaultOnNoMatch = false }
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        #expect(try harness.rows("SELECT ID, K, V FROM T_LKP", columns: 3) == ["4|NULL|NULL"])
    }

    @Test("a default that is not a constant fails the node, named")
    func nonConstantDefault() throws {
        let harness = try ExecutorHarness()
        try harness.table("L_IN", ["ID:n10", "K:n4"], [["4", "9"]])
        try harness.table("LKT", ["K:n4", "V:s20"], [["1", "a"]])
        let result = try harness.run(Self.export(vDefault: "IN_K"))
        #expect(!result.succeeded)
        #expect(ExecutorHarness.describe(result).contains("LKP"), "\(ExecutorHarness.describe(result))")
    }

    @Test("the SQL lowering refuses a lookup port with a default (CG2012), not one with NULL")
    func sqlRefuses() throws {
        let harness = try ExecutorHarness()
        let pipeline = try harness.pipeline(Self.export(vDefault: "'none'"))
        let refused = SQLPipelineLowering(SQLiteDialect()).lower(pipeline).report
        #expect(refused.diagnostics.map(\.code.rawValue) == ["CG2012"])
        #expect(refused.diagnostics.first?.message.contains("has default value '-1'") == true)
    }
}
