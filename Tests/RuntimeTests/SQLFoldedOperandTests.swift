import Codegen
import Foundation
import IR
import Runtime
import Testing

/// An operation with a constant NULL operand: the runtime computes its other operands first and
/// rejects the row where one fails, while PostgreSQL folds the operation to NULL while planning
/// and computes none of them. Found by a hand-made export: `INSTR(NULL, LPAD(NAME, N * 100000))`
/// gave DIFFER on PostgreSQL (native 5 rows, PostgreSQL 30, seed 1) before such an expression was
/// kept in the runtime.
extension PostgresTests {
    @Suite("an operand that can fail beside a constant NULL, on PostgreSQL")
    struct FoldedOperandOnPostgres {
        /// Source `P_IN (ID, NAME, N)` → Expression `EXP` (`ID`, `o_POS = <expression>`, and input
        /// `GONE` string 10 that no connector feeds) → target `T_P (ID, POS)`.
        static func export(_ expression: String) -> ExportBuilder {
            var export = ExportBuilder()
            export.source("P_IN", ["ID*:i", "NAME:s10", "N:i"])
            export.transformation(
                "EXP", type: "Expression",
                ports: [
                    ExportBuilder.port("ID:i"), ExportBuilder.port("NAME:s10", "INPUT"),
                    ExportBuilder.port("N:i", "INPUT"), ExportBuilder.port("GONE:s10", "INPUT"),
                    ExportBuilder.port(
                        "o_POS:i", "OUTPUT", expression: expression, defaultValue: "ERROR('transformation error')"),
                ])
            export.target("T_P", ["ID:i", "POS:i"])
            export.connect("SQ_P_IN", "EXP", ["ID", "NAME", "N"])
            export.connect("EXP", "T_P", ["ID", "o_POS>POS"])
            return export
        }

        @Test("the operand that can fail keeps the target in the runtime instead of giving DIFFER")
        func failingOperandIsNotPushedDown() throws {
            let pipeline = try ExecutorHarness().pipeline(Self.export("INSTR(NULL, LPAD(NAME, N * 100000))"))
            for seed: UInt64 in [1, 2] {
                let report = try SQLPipelineExecution.verifyOnPostgres(pipeline, seed: seed)
                #expect(report.verdict == .notPushedDown, "\(report.text)")
                #expect(report.text.contains("without the operand that can fail"), "\(report.text)")
            }
        }

        @Test(
            "a port no connector feeds is a constant NULL too: beside an operand that can fail, it stays in the runtime"
        )
        func unconnectedPortIsAConstantNull() throws {
            // `GONE` has no connector: its value is NULL on every row, which PostgreSQL folds as it
            // folds the literal.
            let pipeline = try ExecutorHarness().pipeline(Self.export("INSTR(GONE, LPAD(NAME, N * 100000))"))
            for seed: UInt64 in [1, 2] {
                let report = try SQLPipelineExecution.verifyOnPostgres(pipeline, seed: seed)
                #expect(report.verdict == .notPushedDown, "\(report.text)")
                #expect(report.text.contains("without the operand that can fail"), "\(report.text)")
            }
        }

        @Test("an operand that cannot fail is pushed down, and the rows agree")
        func safeOperandAgrees() throws {
            let pipeline = try ExecutorHarness().pipeline(Self.export("INSTR(NULL, NAME)"))
            let report = try SQLPipelineExecution.verifyOnPostgres(pipeline, seed: 1)
            #expect(report.verdict == .agree, "\(report.text)")
        }
    }
}
