import Codegen
import Foundation
import IR
import Runtime
import Testing

/// An expression whose every result is NULL (`IIF(c, NULL, NULL)`, `DECODE(A, 1, NULL)`) lowers to
/// a CASE of NULLs, which PostgreSQL types as text: written to a numeric column it failed the
/// statement (`column "sal" is of type numeric but expression is of type text`, verdict FAILED
/// where the native run succeeded; found with the expression_variables fixture's output changed to
/// `IIF(ID > 5, NULL, NULL)`). The common table now casts it to its port's type.
extension PostgresTests {
    @Suite("a CASE of NULLs, on PostgreSQL")
    struct UntypedNullOnPostgres {
        /// Source `N_IN (ID, A)` → Expression `EXP` (`ID`; `o_DEC` decimal(8,2), `o_STR` string 5,
        /// `o_INT` integer, each computing `expression`) → target `T_N (ID, DEC, STR, INT)`.
        static func export(_ expression: String) -> ExportBuilder {
            var export = ExportBuilder()
            export.source("N_IN", ["ID*:i", "A:i"])
            export.transformation(
                "EXP", type: "Expression",
                ports: [
                    ExportBuilder.port("ID:i"), ExportBuilder.port("A:i", "INPUT"),
                    ExportBuilder.port("o_DEC:n8.2", "OUTPUT", expression: expression),
                    ExportBuilder.port("o_STR:s5", "OUTPUT", expression: expression),
                    ExportBuilder.port("o_INT:i", "OUTPUT", expression: expression),
                ])
            export.target("T_N", ["ID:i", "DEC:n8.2", "STR:s5", "INT:i"])
            export.connect("SQ_N_IN", "EXP", ["ID", "A"])
            export.connect("EXP", "T_N", ["ID", "o_DEC>DEC", "o_STR>STR", "o_INT>INT"])
            return export
        }

        @Test(
            "every column of a CASE of NULLs is cast to its port's type, and the rows agree",
            arguments: ["IIF(A > 0, NULL, NULL)", "DECODE(A, 1, NULL)"])
        func agrees(_ expression: String) throws {
            let pipeline = try ExecutorHarness().pipeline(Self.export(expression))
            let postgres = try #require(SQLDialects.named("postgres"))
            let sql = SQLPipelineLowering(postgres).lower(PassManager().run(pipeline).pipeline)
            let text = SQLPipelineScript.text(sql, dialect: postgres)
            #expect(text.contains("CAST(CASE WHEN"), "\(text)")
            #expect(!text.contains("END AS o_"), "a CASE of NULLs left untyped: \(text)")
            for seed: UInt64 in [1, 2] {
                let report = try SQLPipelineExecution.verifyOnPostgres(pipeline, seed: seed)
                #expect(report.verdict == .agree, "\(report.text)")
                #expect(report.targets.first?.rows["postgres"] ?? 0 > 0, "\(report.text)")
            }
        }
    }
}
