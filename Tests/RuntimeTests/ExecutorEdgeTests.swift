import Foundation
import IR
import Runtime
import Testing

/// Less common rules of the reference the executor must also follow: CURRVAL alone, NEXTVAL to
/// two targets, unforwarded rejects, port default values (reference §2.2, §2.12, §2.13).
@Suite("Executor edge rules")
struct ExecutorEdgeTests {
    static func sequence(connect: [(String, String)], targets: [String]) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("SEQ_IN", ["ID:n10"])
        export.transformation(
            "SEQ", type: "Sequence",
            ports: ExportBuilder.sequencePorts,
            attributes: [
                ("Start Value", "0"), ("Increment By", "1"), ("End Value", "1000"), ("Current Value", "1"),
                ("Cycle", "NO"), ("Number of Cached Values", "0"), ("Reset", "NO"),
            ])
        for target in targets {
            export.target(target, ["ID:n10", "V:i"])
            export.connect("SQ_SEQ_IN", target, ["ID"])
        }
        for (port, target) in connect { export.connect("SEQ", target, ["\(port)>V"]) }
        return export
    }

    @Test("a source qualifier left with no source fails by name, not with the database's syntax error")
    func qualifierWithoutSource() throws {
        let harness = try ExecutorHarness()
        try harness.table("SEQ_IN", ["ID:n10"], [["1"]])
        var pipeline = try harness.pipeline(Self.sequence(connect: [], targets: ["T_A"]))
        let index = try #require(pipeline.nodes.firstIndex { $0.id == "SQ_SEQ_IN" })
        guard case .sourceQuery(var spec) = pipeline.nodes[index].op else {
            Issue.record("SQ_SEQ_IN is not a source query")
            return
        }
        // What an export naming no source leaves once the importer finds none connected either.
        spec.sources = []
        pipeline.nodes[index].op = .sourceQuery(spec)
        let result = harness.execute(pipeline)
        #expect(!result.succeeded)
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.message.hasPrefix("source qualifier 'SQ_SEQ_IN' reads no source"), "\(error.message)")
    }

    @Test("only CURRVAL connected: the same value on every row")
    func currvalAlone() throws {
        let harness = try ExecutorHarness()
        try harness.table("SEQ_IN", ["ID:n10"], [["1"], ["2"], ["3"]])
        let result = try harness.run(Self.sequence(connect: [("CURRVAL", "T_A")], targets: ["T_A"]))
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        let values = Set(try harness.rows("SELECT V FROM T_A", columns: 1))
        // §2.12 [S31c]: "if only CURRVAL is connected it is a constant" — one value for all rows.
        // Which constant is not documented; the executor gives the first row's CURRVAL, Current
        // Value + Increment [BELIEVED]: Current Value 1, Increment By 1 → 2.
        #expect(values == ["2"], "\(values)")
    }

    @Test("NEXTVAL connected to two targets gives each row of each target its own value")
    func nextvalTwoTargets() throws {
        let harness = try ExecutorHarness()
        try harness.table("SEQ_IN", ["ID:n10"], [["1"], ["2"], ["3"]])
        let result = try harness.run(
            Self.sequence(connect: [("NEXTVAL", "T_A"), ("NEXTVAL", "T_B")], targets: ["T_A", "T_B"]))
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        let values = try harness.rows("SELECT V FROM T_A", columns: 1) + harness.rows("SELECT V FROM T_B", columns: 1)
        // §2.12 [S31b]: two consumers of NEXTVAL each get unique values: 6 distinct values 1...6.
        #expect(values.count == 6)
        #expect(Set(values) == Set((1...6).map(String.init)))
    }

    @Test("DD_REJECT with Forward Rejected Rows NO is dropped without a reject-file line")
    func rejectNotForwarded() throws {
        let harness = try ExecutorHarness()
        try harness.table("U_IN", ["ID:n10", "NAME:s20", "OP:n4"], [["1", "a", "0"], ["2", "b", "3"]])
        var export = ExportBuilder()
        export.source("U_IN", ["ID:n10", "NAME:s20", "OP:n4"])
        export.transformation(
            "UPD", type: "Update Strategy",
            ports: [ExportBuilder.port("ID:n10"), ExportBuilder.port("NAME:s20"), ExportBuilder.port("OP:n4")],
            attributes: [
                ("Update Strategy Expression", "IIF(OP = 3, DD_REJECT, DD_INSERT)"), ("Forward Rejected Rows", "NO"),
            ])
        export.target("T_U", ["ID*:n10", "NAME:s20"])
        export.connect("SQ_U_IN", "UPD", ["ID", "NAME", "OP"])
        export.connect("UPD", "T_U", ["ID", "NAME"])
        let result = try harness.run(export, rowKind: .dataDriven)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // §2.13: Forward Rejected Rows NO → the rejected row is silently dropped (no reject file).
        #expect(try harness.rows("SELECT ID, NAME FROM T_U", columns: 2) == ["1|a"])
        #expect(harness.rejectLines().isEmpty)
        #expect(result.counters["T_U"]?.inserted == 1)
    }

    @Test("port defaults: NULL input takes the input default; an output error drops the row or uses the default")
    func portDefaults() throws {
        let harness = try ExecutorHarness()
        try harness.table("D_IN", ["ID:n10", "NAME:s20", "X:n10"], [["1", "NULL", "4"], ["2", "b", "0"]])
        var export = ExportBuilder()
        export.source("D_IN", ["ID:n10", "NAME:s20", "X:n10"])
        export.transformation(
            "EXP", type: "Expression",
            ports: [
                ExportBuilder.port("ID:n10", expression: "ID"),
                ExportBuilder.port("NAME:s20", "INPUT/OUTPUT", expression: "NAME", defaultValue: "'none'"),
                ExportBuilder.port("X:n10", "INPUT"),
                ExportBuilder.port("o_safe:n10", "OUTPUT", expression: "MOD(25, X)", defaultValue: "-1"),
            ])
        export.target("T_D", ["ID:n10", "NAME:s20", "SAFE:n10"])
        export.connect("SQ_D_IN", "EXP", ["ID", "NAME", "X"])
        export.connect("EXP", "T_D", ["ID", "NAME", "o_safe>SAFE"])
        let result = try harness.run(export)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // §2.2: row 1's NULL NAME is replaced by the input default 'none'; MOD(25, 4) = 1. Row 2's
        // MOD(25, 0) is a transformation error (case 24); the port's constant default -1 is used
        // and the row continues.
        #expect(try harness.rows("SELECT ID, NAME, SAFE FROM T_D", columns: 3).sorted() == ["1|none|1", "2|b|-1"])
    }

    /// `D_IN (ID, X)` → EXP with `o_mod = MOD(25, X)`, default `ERROR(...)` → `T_D (ID, M)`: X = 0 is a
    /// row error.
    static func modulusWithErrorDefault() -> ExportBuilder {
        var export = ExportBuilder()
        export.source("D_IN", ["ID:n10", "X:n10"])
        export.transformation(
            "EXP", type: "Expression",
            ports: [
                ExportBuilder.port("ID:n10", expression: "ID"), ExportBuilder.port("X:n10", "INPUT"),
                ExportBuilder.port(
                    "o_mod:n10", "OUTPUT", expression: "MOD(25, X)", defaultValue: "ERROR('transformation error')"),
            ])
        export.target("T_D", ["ID:n10", "M:n10"])
        export.connect("SQ_D_IN", "EXP", ["ID", "X"])
        export.connect("EXP", "T_D", ["ID", "o_mod>M"])
        return export
    }

    @Test("an output error with the designer default ERROR(...) drops the row into the reject file")
    func outputErrorDropsRow() throws {
        let harness = try ExecutorHarness()
        try harness.table("D_IN", ["ID:n10", "X:n10"], [["1", "4"], ["2", "0"]])
        let result = try harness.run(Self.modulusWithErrorDefault())
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // §2.2, case 24: MOD(25, 0) raises a transformation error; with the default ERROR(...)
        // the row is dropped, counted and listed in the reject file; row 1 gives MOD(25, 4) = 1.
        #expect(try harness.rows("SELECT ID, M FROM T_D", columns: 2) == ["1|1"])
        #expect(result.counters["EXP"]?.rowsRejected == 1)
        #expect(harness.rejectLines().count == 1)
        #expect(harness.rejectLines().first?.hasPrefix("EXP\t") == true)
    }

    @Test("rows leaving an Aggregator are inserts whatever their update strategy said")
    func aggregatorResetsRowKind() throws {
        let harness = try ExecutorHarness()
        try harness.table("U_IN", ["ID:n10", "NAME:s20", "OP:n4"], [["1", "a", "1"], ["2", "b", "1"]])
        var export = ExportBuilder()
        export.source("U_IN", ["ID:n10", "NAME:s20", "OP:n4"])
        export.transformation(
            "UPD", type: "Update Strategy",
            ports: [ExportBuilder.port("ID:n10"), ExportBuilder.port("NAME:s20"), ExportBuilder.port("OP:n4")],
            attributes: [("Update Strategy Expression", "DD_UPDATE"), ("Forward Rejected Rows", "YES")])
        export.transformation(
            "AGG", type: "Aggregator",
            ports: [
                ExportBuilder.port("ID:n10", expression: "ID", expressionType: "GROUPBY"),
                ExportBuilder.port("NAME:s20", expression: "NAME"),
            ])
        export.target("T_AG", ["ID:n10", "NAME:s20"])
        export.connect("SQ_U_IN", "UPD", ["ID", "NAME", "OP"])
        export.connect("UPD", "AGG", ["ID", "NAME"])
        export.connect("AGG", "T_AG", ["ID", "NAME"])
        let result = try harness.run(export, rowKind: .dataDriven)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // §2.4, §2.13: the Aggregator's output rows are inserts, so the data-driven writer INSERTs
        // them (as updates they would be rejected: T_AG has no key to update by).
        #expect(try harness.rows("SELECT ID, NAME FROM T_AG", columns: 2).sorted() == ["1|a", "2|b"])
        #expect(result.counters["T_AG"]?.inserted == 2)
        #expect(result.rejected == 0)
    }

    @Test("a router condition that raises an error drops the row from every group")
    func routerConditionError() throws {
        let harness = try ExecutorHarness()
        try harness.table("RT_IN", ["ID:n10", "A:n4"], [["1", "10"], ["2", "20"]])
        let export = ExportBuilder.router(first: "A &gt; 5", second: "MOD(10, A - 10) = 0")
        let result = try harness.run(export)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // Row 1 (A = 10): G1 is TRUE but G2 is MOD(10, 0), a transformation error (case 24) → a row
        // error (§2.22): the row is dropped from the pipeline and rejected — not also written to
        // G1. Row 2 (A = 20): G1 TRUE, MOD(10, 10) = 0 TRUE → G1 and G2.
        #expect(result.counters["RTR"]?.rowsRejected == 1)
        #expect(try harness.rows("SELECT ID FROM T_G2", columns: 1) == ["2"])
        #expect(try harness.rows("SELECT ID FROM T_DEF", columns: 1) == [])
        let first = try harness.rows("SELECT ID FROM T_G1", columns: 1).sorted()
        #expect(first == ["2"])
    }
}
