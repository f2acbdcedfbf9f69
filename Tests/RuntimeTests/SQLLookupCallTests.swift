import Codegen
import Foundation
import IR
import Runtime
import Testing

/// The shape of a lowered `:LKP` call and the calls that stay in the runtime, each with its code
/// and place.
@Suite("Lookup calls in SQL")
struct SQLLookupCallTests {
    @Test("two distinct calls of one lookup are two joins to one common table of its ranked rows")
    func oneJoinPerDistinctCall() throws {
        let run = try SQLPipelineExecution(sqlite: SQLPipelineCases.lookupCallsInOneExpression)
        #expect(run.report.status == .full, "\(run.report.diagnostics)")
        let script = run.script
        #expect(script.components(separatedBy: "LKP_U_ROWS AS (").count == 2, "\(script)")
        #expect(script.contains(" L1") && script.contains(" L2") && !script.contains(" L3"), "\(script)")
        #expect(script.components(separatedBy: "LEFT OUTER JOIN").count == 3, "\(script)")
    }

    @Test("a lookup that reports an error on several matches keeps its caller in the runtime (CG2012)")
    func reportErrorIsRefused() throws {
        let report = try Self.report(policy: "Report Error")
        #expect(report.status == .none)
        #expect(report.nodesNotPushedDown == ["EXP"])
        #expect(report.diagnostics.map(\.code) == ["CG2012"])
        let diagnostic = try #require(report.diagnostics.first)
        #expect(diagnostic.message.contains("row error ('Report Error')"), "\(diagnostic.message)")
        #expect(diagnostic.path.description.hasSuffix("INSTANCE[EXP]/PORT[OUT]"), "\(diagnostic.path)")
    }

    @Test("a call whose argument compares differently from the key (a string for a number) is refused (CG2012)")
    func argumentOfAnotherFamilyIsRefused() throws {
        // Natively the string '1' never equals the number 1 in the cache; SQL might convert one.
        let report = try Self.report(policy: "Use First Value", call: ":LKP.LKP_U('1')")
        #expect(report.nodesNotPushedDown == ["EXP"])
        #expect(report.diagnostics.map(\.code) == ["CG2012"])
        let diagnostic = try #require(report.diagnostics.first)
        #expect(diagnostic.message.contains("compares keys ''1'' and 'K'"), "\(diagnostic.message)")
        #expect(diagnostic.notes.contains { $0.contains("the lookup is ") && $0.contains("LKP_U") }, "\(diagnostic)")
    }

    @Test("a call outside an Expression transformation is refused with that reason (CG2002)")
    func callInFilterIsRefused() throws {
        let harness = try ExecutorHarness()
        var export = ExportBuilder()
        export.source("U_IN", ["ID:i", "K:i"])
        export.transformation(
            "FIL", type: "Filter", ports: [ExportBuilder.port("ID:i"), ExportBuilder.port("K:i")],
            attributes: [("Filter Condition", "NOT ISNULL(:LKP.LKP_U(K))")])
        export.transformation(
            "LKP_U", type: "Lookup Procedure", ports: SQLPipelineCases.lookupCallPorts,
            attributes: SQLPipelineCases.lookupCallAttributes("Use First Value", true))
        export.target("T_U", ["ID:i", "OUT:i"])
        export.connect("SQ_U_IN", "FIL", ["ID", "K"])
        export.connect("FIL", "T_U", ["ID", "K>OUT"])
        let report = SQLPipelineLowering(SQLiteDialect()).lower(try harness.pipeline(export)).report
        #expect(report.nodesNotPushedDown == ["FIL"])
        #expect(report.diagnostics.map(\.code) == ["CG2002"])
        #expect(
            report.diagnostics.first?.message.contains("is lowered to SQL only in an Expression transformation")
                == true,
            "\(report.diagnostics)")
    }

    @Test("a call of a lookup without a RETURN port has no value: the type error refuses it (CG2003, IR0165)")
    func lookupWithoutReturnIsRefused() throws {
        let ports = SQLPipelineCases.lookupCallPorts.map {
            $0.replacingOccurrences(of: "LOOKUP/RETURN/OUTPUT", with: "LOOKUP/OUTPUT")
        }
        let report = try Self.report(policy: "Use First Value", ports: ports)
        #expect(report.nodesNotPushedDown == ["EXP"])
        #expect(report.diagnostics.map(\.code) == ["CG2003"])
        #expect(report.diagnostics.first?.fix?.contains("IR0165") == true, "\(report.diagnostics)")
    }

    /// LKP_U with one output port and no RETURN flag: IN_K (input), K (lookup), W (lookup/output).
    static let oneOutputPorts = [
        ExportBuilder.port("IN_K:i", "INPUT"), ExportBuilder.port("K:i", "LOOKUP"),
        ExportBuilder.port("W:i", "LOOKUP/OUTPUT"),
    ]

    @Test("a lookup without a RETURN flag but with one output port returns it, natively as in SQL (BELIEVED)")
    func lookupWithOneOutputReturnsIt() throws {
        let export = Self.export(
            ports: Self.oneOutputPorts, attributes: SQLPipelineCases.lookupCallAttributes("Use First Value", true))
        let pipeline = try ExecutorHarness().pipeline(export)
        let lookup = try #require(pipeline.nodes.first { $0.id == "LKP_U" })
        #expect(lookup.lookupReturnPort()?.name == "W")
        #expect(lookup.lookupReturnPort(onlyOutputReturns: false) == nil)
        let report = SQLPipelineLowering(SQLiteDialect()).lower(pipeline).report
        #expect(report.nodesNotPushedDown.isEmpty, "\(report.diagnostics)")
        // The lookup-call cases' table without V. Worked out by hand: key 1 matches W 2, 5 and 1,
        // the cached lookup's first in the order of its lookup ports (K, W) is 1; key 2 gives 7;
        // the NULL key matches the NULL row in a cached lookup (0); 9 matches nothing.
        let harness = try ExecutorHarness()
        try harness.table("U_IN", ["ID:i", "K:i"], [["1", "1"], ["2", "2"], ["3", "NULL"], ["4", "9"]])
        let table = SQLPipelineCases.lookupCallTable
        try harness.table("LKC", ["K:i", "W:i"], table.rows.map { [$0[0], $0[2]] })
        let result = harness.execute(pipeline)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        let rows = try harness.rows("SELECT ID, OUT FROM T_U ORDER BY ID", columns: 2)
        #expect(rows == ["1|1", "2|7", "3|0", "4|NULL"])
        let verdict = PushdownVerifier(engines: [.native, .sqlite], rowsPerSource: 30, seed: 4).verify(pipeline)
        #expect(verdict.verdict == .agree, "\(verdict.text)")
    }

    /// The SQLite pushdown report of U_IN → EXP (OUT = `call`) → T_U, LKP_U with `policy`.
    static func report(
        policy: String, call: String = ":LKP.LKP_U(K)", ports: [String] = SQLPipelineCases.lookupCallPorts
    ) throws -> SQLPushdownReport {
        let export = Self.export(
            call: call, ports: ports, attributes: SQLPipelineCases.lookupCallAttributes(policy, true))
        return SQLPipelineLowering(SQLiteDialect()).lower(try ExecutorHarness().pipeline(export)).report
    }

    /// U_IN (ID, K) → EXP (OUT = `call`) → T_U, the unconnected lookup LKP_U with `ports` and
    /// `attributes`.
    static func export(
        call: String = ":LKP.LKP_U(K)", ports: [String] = SQLPipelineCases.lookupCallPorts,
        attributes: [(String, String)]
    ) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("U_IN", ["ID:i", "K:i"])
        export.transformation(
            "EXP", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("K:i", "INPUT"),
                ExportBuilder.port("OUT:i", "OUTPUT", expression: call),
            ])
        export.transformation("LKP_U", type: "Lookup Procedure", ports: ports, attributes: attributes)
        export.target("T_U", ["ID:i", "OUT:i"])
        export.connect("SQ_U_IN", "EXP", ["ID", "K"])
        export.connect("EXP", "T_U", ["ID", "OUT"])
        return export
    }
}
