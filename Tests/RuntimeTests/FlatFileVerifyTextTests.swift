import Codegen
import Foundation
import IR
import Runtime
import Testing

/// A flat-file target's string field fed an Aggregator's SUM over a whole decimal: the runtime
/// passes the SUM on as a double, which the flat-file writer writes as `2`, and the SQL converts
/// it to the same text. Verification on scratch tables stores the native rows as the writer writes
/// them; stored as SQLite converts a double (`2.0`), they differed from the SQL's (a mutated
/// corpus export, `SUM` for `COUNT`, gave DIFFER on PostgreSQL).
extension PostgresTests {
    @Suite("a flat-file string field fed a double, verified on PostgreSQL")
    struct FlatFileStringOfDoubleOnPostgres {
        @Test("the native rows are compared as the writer writes them")
        func sumIntoStringField() throws {
            var export = ExportBuilder()
            export.source("LINES", ["NAME:s4", "FLAG:n1"], flatFile: ExportBuilder.csv)
            export.transformation(
                "AGG", type: "Aggregator",
                ports: [
                    ExportBuilder.port("NAME:s4", expression: "NAME", expressionType: "GROUPBY"),
                    ExportBuilder.port("FLAG:n1", "INPUT"),
                    ExportBuilder.port("TOTAL:s10", "OUTPUT", expression: "SUM(FLAG)"),
                ],
                attributes: [("Sorted Input", "NO"), ("Transformation Scope", "All Input")])
            export.target("T_FILE", ["NAME:s4", "TOTAL:s10"], flatFile: ExportBuilder.csv)
            export.connect("SQ_LINES", "AGG", ["NAME", "FLAG"])
            export.connect("AGG", "T_FILE", ["NAME", "TOTAL"])
            let pipeline = try ExecutorHarness().pipeline(export)
            for seed: UInt64 in [1, 2] {
                let report = try SQLPipelineExecution.verifyOnPostgres(pipeline, seed: seed)
                #expect(!report.text.contains("postgres 0 rows"), "\(report.text)")
                #expect(report.verdict != .differ, "\(report.text)")
                #expect(report.text.contains("T_FILE") && report.text.contains("equal"), "\(report.text)")
            }
        }
    }
}
