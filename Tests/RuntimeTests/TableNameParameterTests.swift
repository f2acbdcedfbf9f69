import Foundation
import IR
import Runtime
import Testing

/// `$PM<instance>@TableName`, the table name of a source or target instance (a public export
/// groups an Aggregator by `$PMCADA_IND_CALIDAD@TableName`; before, the lexer stopped at `@`).
@Suite struct TableNameParameterTests {
    /// `S (ID)` → `EXP (ID, T_NAME = $PMT_OUT@TableName, S_NAME = $PMS@tablename)` → `T_OUT`.
    static var export: ExportBuilder {
        var export = ExportBuilder()
        export.source("S", ["ID*:n10"])
        export.transformation(
            "EXP", type: "Expression",
            ports: [
                ExportBuilder.port("ID:n10"),
                ExportBuilder.port("T_NAME:s30", "OUTPUT", expression: "$PMT_OUT@TableName"),
                ExportBuilder.port("S_NAME:s30", "OUTPUT", expression: "$PMS@tablename"),
            ])
        export.target("T_OUT", ["ID*:n10", "T_NAME:s30", "S_NAME:s30"])
        export.connect("SQ_S", "EXP", ["ID"])
        export.connect("EXP", "T_OUT", ["ID", "T_NAME", "S_NAME"])
        return export
    }

    @Test("the name is one parameter token, '@' and all")
    func oneToken() {
        let tokens = ExpressionLexer.tokens(in: "$PMT_OUT@TableName || 'x'")
        #expect(tokens.first?.kind == .parameter && tokens.first?.text == "$PMT_OUT@TableName")
    }

    @Test("a run gives each source and target instance's table; the name matches in any letter case")
    func runGivesTheTables() throws {
        let harness = try ExecutorHarness()
        try harness.table("S", ["ID*:n10"], [["1"], ["2"]])
        var pipeline = try harness.pipeline(Self.export)
        // The definition's table differs from the instance's name: the parameter gives the table.
        let index = try #require(pipeline.nodes.firstIndex { $0.id == "T_OUT" })
        let builtIns = RunService.builtInParameters(pipeline, session: "s", workflow: nil)
        #expect(builtIns["$PMT_OUT@TableName"] == "T_OUT" && builtIns["$PMS@TableName"] == "S")
        guard case .target(var spec) = pipeline.nodes[index].op else { Issue.record("not a target"); return }
        spec.table = "T_OUT_REAL"
        pipeline.nodes[index].op = .target(spec)
        let parameters = RunService.builtInParameters(pipeline, session: "s", workflow: nil)
        #expect(parameters["$PMT_OUT@TableName"] == "T_OUT_REAL")
        let result = harness.execute(pipeline, parameters: parameters)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        let rows = try harness.rows("SELECT ID, T_NAME, S_NAME FROM T_OUT_REAL ORDER BY ID", columns: 3)
        #expect(rows == ["1|T_OUT_REAL|S", "2|T_OUT_REAL|S"])
    }
}
