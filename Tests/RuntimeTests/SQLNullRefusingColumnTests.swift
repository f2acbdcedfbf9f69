import Codegen
import Foundation
import IR
import Runtime
import Testing

/// A target column declared NOT NULL that may receive NULL. PowerCenter's database rejects such a
/// row and the writer loads the others (reference §2.20, §2.22), as the runtime does; one
/// `INSERT … SELECT` failed as a whole (`migrate verify` said FAILED on SQLite and PostgreSQL for
/// mutated corpus exports, `NOT NULL constraint failed`). The statement now leaves such rows out,
/// and the report says so (CG2091).
@Suite("target columns that refuse NULL")
struct SQLNullRefusingColumnTests {
    /// Source `N_IN (ID* integer key, A integer, B string 10)` → Expression `EXP` (`ID`, `A`, `B`;
    /// `o_C = IIF(A > 0, B, NULL)`) → target `T_N (ID*, A!, C!, D)`: `ID` is never NULL (a source key
    /// passed on), `A` and `C` may be.
    static func export() -> ExportBuilder {
        var export = ExportBuilder()
        export.source("N_IN", ["ID*:i", "A:i", "B:s10"])
        export.transformation(
            "EXP", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("A:i"), ExportBuilder.port("B:s10", "INPUT"),
                ExportBuilder.port("o_C:s10", "OUTPUT", expression: "IIF(A > 0, B, NULL)"),
            ])
        export.target("T_N", ["ID*:i", "A!:i", "C!:s10", "D:i"])
        export.connect("SQ_N_IN", "EXP", ["ID", "A", "B"])
        export.connect("EXP", "T_N", ["ID", "A", "o_C>C"])
        return export
    }

    /// Source `N_IN (ID, A, B)` → Aggregator `AGG` by `ID` (`A = MAX(A)`, `C = MAX(IIF(A > 0, B,
    /// NULL))`) → target `T_K (ID*, A!, C!)`: rows unique on the key, so updates and deletes by it
    /// are pushed down.
    static func keyedExport() -> ExportBuilder {
        var export = ExportBuilder()
        export.source("N_IN", ["ID:i", "A:i", "B:s10"])
        export.transformation(
            "AGG", type: "Aggregator",
            ports: [
                ExportBuilder.port("ID:i", expression: "ID", expressionType: "GROUPBY"),
                ExportBuilder.port("A:i", "INPUT"), ExportBuilder.port("B:s10", "INPUT"),
                ExportBuilder.port("MAX_A:i", "OUTPUT", expression: "MAX(A)"),
                ExportBuilder.port("C:s10", "OUTPUT", expression: "MAX(IIF(A > 0, B, NULL))"),
            ],
            attributes: [("Sorted Input", "NO"), ("Transformation Scope", "All Input")])
        export.target("T_K", ["ID*:i", "A!:i", "C!:s10"])
        export.connect("SQ_N_IN", "AGG", ["ID", "A", "B"])
        export.connect("AGG", "T_K", ["ID", "MAX_A>A", "C"])
        return export
    }

    static func sql(_ pipeline: Pipeline, _ configure: (inout SQLPipelineLowering) -> Void = { _ in })
        throws -> (text: String, report: SQLPushdownReport)
    {
        let dialect = try #require(SQLDialects.named("sqlite"))
        var lowering = SQLPipelineLowering(dialect)
        configure(&lowering)
        let sql = lowering.lower(PassManager().run(pipeline).pipeline)
        return (SQLPipelineScript.text(sql, dialect: dialect), sql.report)
    }

    @Test("the insert leaves out rows with NULL in A or C, not by ID, and says so")
    func insertFilters() throws {
        let pipeline = try ExecutorHarness().pipeline(Self.export())
        let (text, report) = try Self.sql(pipeline)
        #expect(report.pushedDown == ["T_N"], "\(report.diagnostics)")
        #expect(text.contains("WHERE A IS NOT NULL AND "), "\(text)")
        #expect(!text.contains("ID IS NOT NULL"), "ID is a source key passed on: \(text)")
        let note = try #require(report.leftOutRows.first)
        #expect(report.leftOutRows.count == 1 && note.code.rawValue == "CG2091" && note.severity == .note)
        #expect(note.message.contains("'A', 'C'") && !note.message.contains("'ID'"), "\(note.message)")
        #expect(report.notes.contains(note))
    }

    @Test("a delete writes no value and is not filtered; an update is")
    func deleteNotFiltered() throws {
        let pipeline = try ExecutorHarness().pipeline(Self.keyedExport())
        let (deleted, deleteReport) = try Self.sql(pipeline) { lowering in
            lowering = SQLPipelineLowering(lowering.dialect, treatRowsAs: .delete)
        }
        #expect(deleteReport.pushedDown == ["T_K"], "\(deleteReport.diagnostics)")
        #expect(deleted.contains("DELETE FROM"), "\(deleted)")
        #expect(!deleted.contains("IS NOT NULL"), "\(deleted)")
        #expect(deleteReport.leftOutRows.isEmpty)
        let (updated, updateReport) = try Self.sql(pipeline) { lowering in
            lowering = SQLPipelineLowering(lowering.dialect, treatRowsAs: .update)
        }
        #expect(updateReport.pushedDown == ["T_K"], "\(updateReport.diagnostics)")
        #expect(updated.contains("UPDATE") && updated.contains("IS NOT NULL"), "\(updated)")
        #expect(updateReport.leftOutRows.first?.message.contains("'ID', 'A', 'C'") == true)
    }

    @Test("a session that stops after some errors keeps the statement unfiltered, without the note")
    func stopOnErrorsUnfiltered() throws {
        let pipeline = try ExecutorHarness().pipeline(Self.export())
        let (text, report) = try Self.sql(pipeline) { $0.stopOnErrors = 5 }
        #expect(!text.contains("IS NOT NULL"), "\(text)")
        #expect(report.leftOutRows.isEmpty)
    }

    /// Source `U_IN (ID* key, B, NAME)` → Union `UN` (group A: `ID`, `NAME`; group B: `second`,
    /// `NAME`) → target `T_U (ID!, NAME!)`.
    static func unionExport(second: String) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("U_IN", ["ID*:i", "B:i", "NAME:s10"])
        export.union("UN", id: "i", name: "s10")
        export.target("T_U", ["ID!:i", "NAME!:s10"])
        export.connect("SQ_U_IN", "UN", ["ID>ID1", "NAME>NAME1", "\(second)>ID2", "NAME>NAME2"])
        export.connect("UN", "T_U", ["ID", "NAME"])
        return export
    }

    @Test("a union of source keys needs no condition; one of a nullable column does, and agrees")
    func union() throws {
        let keys = try Self.sql(try ExecutorHarness().pipeline(Self.unionExport(second: "ID")))
        #expect(keys.report.pushedDown == ["T_U"], "\(keys.report.diagnostics)")
        #expect(keys.text.contains("NAME IS NOT NULL") && !keys.text.contains("ID IS NOT NULL"), "\(keys.text)")
        let pipeline = try ExecutorHarness().pipeline(Self.unionExport(second: "B"))
        let nullable = try Self.sql(pipeline)
        #expect(nullable.text.contains("ID IS NOT NULL"), "\(nullable.text)")
        let report = PushdownVerifier(engines: [.native, .sqlite], rowsPerSource: 40, seed: 1).verify(pipeline)
        #expect(report.verdict == .agree, "\(report.text)")
    }

    @Test("a NOT NULL column left unconnected keeps an inserted target in the runtime, and verify says so")
    func unconnected() throws {
        var export = ExportBuilder()
        export.source("N_IN", ["ID*:i", "A:i"])
        export.target("T_Z", ["ID*:i", "A:i", "Z!:i", "W:i"])
        export.connect("SQ_N_IN", "T_Z", ["ID", "A"])
        let pipeline = try ExecutorHarness().pipeline(export)
        let (_, report) = try Self.sql(pipeline)
        #expect(report.pushedDown.isEmpty)
        let refusal = try #require(report.notPushedDown.first?.diagnostic)
        #expect(refusal.code.rawValue == "CG2013" && refusal.message.contains("'Z'"), "\(refusal.message)")
        #expect(!refusal.message.contains("'W'"), "W may be NULL: \(refusal.message)")
        let verified = PushdownVerifier(engines: [.native, .sqlite], rowsPerSource: 20, seed: 1).verify(pipeline)
        #expect(verified.verdict == .notPushedDown, "\(verified.text)")
    }

    @Test("native and SQLite agree, and rows were left out", arguments: [1, 2, 3] as [UInt64])
    func agreesOnSQLite(seed: UInt64) throws {
        let pipeline = try ExecutorHarness().pipeline(Self.export())
        let report = PushdownVerifier(engines: [.native, .sqlite], rowsPerSource: 40, seed: seed).verify(pipeline)
        #expect(report.verdict == .agree, "\(report.text)")
        let rows = report.targets.first?.rows["sqlite"] ?? 0
        #expect(rows > 0 && rows < 40, "\(report.text)")
    }
}

extension PostgresTests {
    @Suite("target columns that refuse NULL, on PostgreSQL")
    struct NullRefusingColumnsOnPostgres {
        @Test("native, SQLite and PostgreSQL agree", arguments: [1, 2] as [UInt64])
        func agrees(seed: UInt64) throws {
            let pipeline = try ExecutorHarness().pipeline(SQLNullRefusingColumnTests.export())
            let report = try SQLPipelineExecution.verifyOnPostgres(pipeline, seed: seed)
            #expect(report.verdict == .agree, "\(report.text)")
            let rows = report.targets.first?.rows["postgres"] ?? 0
            #expect(rows > 0 && rows < 40, "\(report.text)")
        }
    }
}
