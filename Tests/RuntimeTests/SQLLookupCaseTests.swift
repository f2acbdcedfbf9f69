import Codegen
import Foundation
import IR
import Testing

@testable import Runtime

/// A connected lookup that ignores case picks First/Last in an upper-cased string order, which
/// SQL's code-point order does not give: natively 'a' comes before 'B', by code point 'B' first.
@Suite("SQL lookups that ignore case")
struct SQLLookupCaseTests {
    @Test("a case-insensitive First Value lookup picks 'a' over 'B' natively; the SQL lowering refuses it")
    func caseInsensitiveOrderIsRefused() throws {
        let harness = try ExecutorHarness()
        try harness.table("L_IN", ["ID:n10", "K:n4"], [["1", "1"]])
        try harness.table("LKT", ["K:n4", "V:s20"], [["1", "B"], ["1", "a"]])
        var export = ExportBuilder()
        export.source("L_IN", ["ID:n10", "K:n4"])
        export.transformation(
            "LKP", type: "Lookup Procedure",
            ports: [
                ExportBuilder.port("ID:n10"), ExportBuilder.port("IN_K:n4", "INPUT"),
                ExportBuilder.port("K:n4", "LOOKUP/OUTPUT"), ExportBuilder.port("V:s20", "LOOKUP/OUTPUT"),
            ],
            attributes: [
                ("Lookup table name", "LKT"), ("Lookup caching enabled", "YES"),
                ("Lookup policy on multiple match", "Use First Value"), ("Lookup condition", "K = IN_K"),
                ("Connection Information", "$Source"), ("Source Type", "Database"),
                ("Case Sensitive String Comparison", "NO"),
            ])
        export.target("T_LKP", ["ID:n10", "V:s20"])
        export.connect("SQ_L_IN", "LKP", ["ID", "K>IN_K"])
        export.connect("LKP", "T_LKP", ["ID", "V"])
        let result = try harness.run(export)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        #expect(try harness.rows("SELECT ID, V FROM T_LKP", columns: 2) == ["1|a"])
        let report = SQLPipelineLowering(SQLiteDialect()).lower(try harness.pipeline(export)).report
        #expect(report.diagnostics.map(\.code.rawValue) == ["CG2012"])
        #expect(report.diagnostics.first?.message.contains("ignoring case") == true, "\(report.diagnostics)")
    }
}
