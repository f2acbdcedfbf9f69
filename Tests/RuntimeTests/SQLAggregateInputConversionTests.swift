import Codegen
import Foundation
import IR
import Runtime
import Testing

/// An Aggregator's input port of another type than the values it receives: the runtime groups and
/// aggregates the values unconverted. The SQL summed the column as the database reads it (found with
/// a mutated corpus export whose source qualifier port became a string: PostgreSQL refused
/// `sum(text)`, verdict FAILED; SQLite summed the text). Such a port is now refused (CG2008) unless
/// every value fits it unchanged.
@Suite("an Aggregator's inputs of other types")
struct SQLAggregateInputConversionTests {
    /// Source `A_IN (ID* integer, V string 10 or integer)` → Aggregator `AGG` grouped by `ID`
    /// (`V` an input of `type`, `TOTAL = function(V)` of `type`) → target `T_A (ID, TOTAL)`.
    static func export(source: String, port type: String, function: String = "SUM") -> ExportBuilder {
        var export = ExportBuilder()
        export.source("A_IN", ["ID*:i", "V:\(source)"])
        export.transformation(
            "AGG", type: "Aggregator",
            ports: [
                ExportBuilder.port("ID:i", expression: "ID", expressionType: "GROUPBY"),
                ExportBuilder.port("V:\(type)", "INPUT"),
                ExportBuilder.port("TOTAL:\(type)", "OUTPUT", expression: "\(function)(V)"),
            ],
            attributes: [("Sorted Input", "NO"), ("Transformation Scope", "All Input")])
        export.target("T_A", ["ID:i", "TOTAL:\(type)"])
        export.connect("SQ_A_IN", "AGG", ["ID", "V"])
        export.connect("AGG", "T_A", ["ID", "TOTAL"])
        return export
    }

    @Test("a string summed as an integer is kept in the runtime (CG2008 at the port)")
    func stringToIntegerRefused() throws {
        let pipeline = try ExecutorHarness().pipeline(Self.export(source: "s10", port: "i"))
        for dialect in SQLDialects.all {
            let report = SQLPipelineLowering(dialect).lower(PassManager().run(pipeline).pipeline).report
            #expect(report.pushedDown.isEmpty, "\(dialect.name)")
            let refusal = report.notPushedDown.first
            #expect(refusal?.node == "AGG" && refusal?.diagnostic.code.rawValue == "CG2008", "\(dialect.name)")
            #expect(
                refusal?.diagnostic.message.contains("port 'V' of 'AGG' is integer and receives string(10) values")
                    == true, "\(refusal?.diagnostic.message ?? "")")
        }
    }

    @Test("an integer read into a double port is refused too; into a bigint port it fits, and agrees")
    func widening() throws {
        let sqlite = try #require(SQLDialects.named("sqlite"))
        let double = try ExecutorHarness().pipeline(Self.export(source: "i", port: "d", function: "MAX"))
        let refused = SQLPipelineLowering(sqlite).lower(PassManager().run(double).pipeline).report
        #expect(refused.notPushedDown.first?.diagnostic.code.rawValue == "CG2008", "\(refused.diagnostics)")
        let pipeline = try ExecutorHarness().pipeline(Self.export(source: "i", port: "b"))
        let sql = SQLPipelineLowering(sqlite).lower(PassManager().run(pipeline).pipeline)
        let text = SQLPipelineScript.text(sql, dialect: sqlite)
        #expect(sql.report.pushedDown == ["T_A"], "\(sql.report.diagnostics)")
        #expect(text.contains("SUM(V)"), "\(text)")
        let report = PushdownVerifier(engines: [.native, .sqlite], rowsPerSource: 40, seed: 2).verify(pipeline)
        #expect(report.verdict == .agree, "\(report.text)")
    }
}

extension PostgresTests {
    @Suite("an Aggregator's inputs converted, on PostgreSQL")
    struct AggregateInputConversionOnPostgres {
        @Test("an integer summed in a bigint port agrees on PostgreSQL")
        func agrees() throws {
            let pipeline = try ExecutorHarness().pipeline(
                SQLAggregateInputConversionTests.export(source: "i", port: "b"))
            let report = try SQLPipelineExecution.verifyOnPostgres(pipeline, seed: 1)
            #expect(report.verdict == .agree, "\(report.text)")
        }
    }
}
