import Codegen
import Foundation
import IR
import Runtime
import Testing

/// A port that can reject rows but that nothing the target writes reads: the runtime computes it
/// and rejects those rows, while no database computes a column nothing reads, so the SQL would
/// write them. Found by a hand-made export (an unconnected `ADD_TO_DATE` 9000 years on, DIFFER on
/// PostgreSQL); here with `LPAD` past the largest string (RT0007), whose SQL stops the statement.
@Suite("SQL: a port that can reject rows and that nothing reads")
struct SQLUnneededFailureTests {
    /// Source `P_IN (ID, NAME, N)` → Expression `EXP` (`ID`, `o_PAD = LPAD(NAME, N)`) → target
    /// `T_P (ID[, PAD])`; `o_PAD` goes to the target only when `connected`.
    static func export(connected: Bool) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("P_IN", ["ID*:i", "NAME:s10", "N:i"])
        export.transformation(
            "EXP", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("NAME:s10", "INPUT"), ExportBuilder.port("N:i", "INPUT"),
                ExportBuilder.port(
                    "o_PAD:s20", "OUTPUT", expression: "LPAD(NAME, N)", defaultValue: "ERROR('transformation error')"),
            ])
        export.target("T_P", connected ? ["ID:i", "PAD:s20"] : ["ID:i"])
        export.connect("SQ_P_IN", "EXP", ["ID", "NAME", "N"])
        export.connect("EXP", "T_P", connected ? ["ID", "o_PAD>PAD"] : ["ID"])
        return export
    }

    @Test("unread, it keeps the target in the runtime in every dialect that would stop the statement")
    func unreadIsRefused() throws {
        let pipeline = try ExecutorHarness().pipeline(Self.export(connected: false))
        // SQLite has no LPAD that cuts longer text, so it refuses the expression itself.
        for dialect in [PostgreSQLDialect(), DuckDBDialect()] as [any SQLDialect] {
            let report = SQLPipelineLowering(dialect).lower(pipeline).report
            #expect(report.nodesNotPushedDown == ["EXP"], "\(dialect.name): \(report.diagnostics)")
            #expect(report.diagnostics.map(\.code) == ["CG2002"], "\(dialect.name)")
            let diagnostic = try #require(report.diagnostics.first)
            #expect(diagnostic.message.contains("port 'o_PAD' of 'EXP' can reject rows"), "\(diagnostic.message)")
            #expect(diagnostic.path.description.hasSuffix("INSTANCE[EXP]/PORT[o_PAD]"), "\(diagnostic.path)")
        }
    }

    @Test("read by the target, it is pushed down with the check that stops the statement")
    func readIsPushedDown() throws {
        let pipeline = try ExecutorHarness().pipeline(Self.export(connected: true))
        let dialect = PostgreSQLDialect()
        let sql = SQLPipelineLowering(dialect).lower(pipeline)
        #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
        #expect(SQLPipelineScript.text(sql, dialect: dialect).contains("past the largest string"))
    }

}

extension PostgresTests {
    @Suite("a port that can reject rows and that nothing reads, on PostgreSQL")
    struct UnneededFailureOnPostgres {
        @Test("unread, verification names the port instead of writing the rows the runtime rejects")
        func verificationDoesNotDiffer() throws {
            let pipeline = try ExecutorHarness().pipeline(SQLUnneededFailureTests.export(connected: false))
            for seed: UInt64 in [1, 2] {
                let report = try SQLPipelineExecution.verifyOnPostgres(pipeline, seed: seed)
                #expect(report.verdict == .notPushedDown, "\(report.text)")
                #expect(report.text.contains("port 'o_PAD' of 'EXP' can reject rows"), "\(report.text)")
            }
        }
    }
}
