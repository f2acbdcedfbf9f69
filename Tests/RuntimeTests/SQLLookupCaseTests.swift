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
        let export = ExecutorRowLocalTests.lookup(policy: "Use First Value", caseSensitive: false)
        let result = try harness.run(export)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        #expect(try harness.rows("SELECT ID, V FROM T_LKP", columns: 2) == ["1|a"])
        let report = SQLPipelineLowering(SQLiteDialect()).lower(try harness.pipeline(export)).report
        #expect(report.diagnostics.map(\.code.rawValue) == ["CG2012"])
        #expect(report.diagnostics.first?.message.contains("ignoring case") == true, "\(report.diagnostics)")
    }
}
