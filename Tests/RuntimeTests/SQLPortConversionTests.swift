import Codegen
import Foundation
import IR
import Testing

@testable import Runtime

/// A port of type double receiving whole numbers (integers, decimals of scale 0 and at most 15
/// digits) holds them exactly, as every dialect's CAST to its double does: such paths are pushed
/// down with the cast, and what then reads them as doubles (division) agrees.
@Suite("SQL port conversions to double")
struct SQLPortConversionTests {
    /// Source `W_IN (ID integer, AMOUNT decimal(amount))` read by a Source Qualifier whose AMOUNT
    /// port is a double; `EXP` divides both as doubles (`IDD` is the integer ID in a double port).
    static func export(amount: String) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("W_IN", ["ID:i", "AMOUNT:\(amount)"], qualifier: ["ID:i", "AMOUNT:d15"])
        export.transformation(
            "EXP_D", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("AMOUNT:d15", "INPUT"),
                ExportBuilder.port("IDD:d15", "OUTPUT", expression: "ID"),
                ExportBuilder.port("CENTS:d15", "OUTPUT", expression: "AMOUNT / 100"),
            ])
        export.transformation(
            "EXP_Q", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("IDD:d15", "INPUT"),
                ExportBuilder.port("CENTS:d15"),
                ExportBuilder.port("EIGHTHS:d15", "OUTPUT", expression: "IDD / 8"),
            ])
        export.target("T_D", ["ID:i", "CENTS:d", "EIGHTHS:d"])
        export.connect("SQ_W_IN", "EXP_D", ["ID", "AMOUNT"])
        export.connect("EXP_D", "EXP_Q", ["ID", "IDD", "CENTS"])
        export.connect("EXP_Q", "T_D", ["ID", "CENTS", "EIGHTHS"])
        return export
    }

    @Test("decimal(15,0) and integer into double ports: cast, pushed down, and agreeing on SQLite")
    func wholeNumbersAgree() throws {
        let pipeline = try ExecutorHarness().pipeline(Self.export(amount: "n15"))
        let sql = SQLPipelineLowering(SQLiteDialect()).lower(pipeline)
        #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
        let script = SQLPipelineScript.text(sql, dialect: SQLiteDialect())
        #expect(script.contains("CAST(AMOUNT AS REAL)"), "\(script)")
        #expect(script.contains("CAST(ID AS REAL)"), "\(script)")
        for seed in [1, 2, 3] as [UInt64] {
            let report = PushdownVerifier(engines: [.native, .sqlite], rowsPerSource: 40, seed: seed).verify(pipeline)
            #expect(report.verdict == .agree, "\(report.text)")
        }
    }

    @Test(
        "a decimal with a scale or past 15 digits into a double port stays in the runtime (CG2008)",
        arguments: ["n15.2", "n16"])
    func roundingConversionsAreRefused(amount: String) throws {
        let pipeline = try ExecutorHarness().pipeline(Self.export(amount: amount))
        let report = SQLPipelineLowering(SQLiteDialect()).lower(pipeline).report
        #expect(report.status == .none)
        #expect(report.diagnostics.map(\.code.description) == ["CG2008"], "\(report.diagnostics)")
        #expect(report.diagnostics.first?.message.contains("double") == true, "\(report.diagnostics)")
    }
}

extension PostgresTests {
    @Suite("SQL port conversions to double on PostgreSQL")
    struct PortConversionOnPostgres {
        @Test("decimal(15,0) and integer into double ports agree natively, on SQLite and on PostgreSQL")
        func wholeNumbersAgree() throws {
            // Without the casts PostgreSQL divides the integer ID by 8 as integers.
            let pipeline = try ExecutorHarness().pipeline(SQLPortConversionTests.export(amount: "n15"))
            let report = PushdownVerifier(
                engines: [.native, .sqlite, .postgres], rowsPerSource: 40, seed: 5,
                postgres: try FlatFileOrderOnPostgres.opener()
            ).verify(pipeline)
            #expect(report.verdict == .agree, "\(report.text)")
            #expect(report.engines == ["native", "sqlite", "postgres"])
            let target = try #require(report.targets.first)
            #expect(target.rows["postgres"] == target.rows["native"] && target.rows["native"] != 0)
        }
    }
}

/// An integer into a string port is its decimal digits, cut to the port's precision, natively and
/// in SQL (the synthetic rows hold ±2^31 and 0).
@Suite("SQL port conversions of integers to strings")
struct SQLIntegerTextTests {
    static func export() -> ExportBuilder {
        var export = ExportBuilder()
        export.source("N_IN", ["ID:i", "N:i"])
        export.transformation(
            "EXP_T", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("N:i", "INPUT"),
                ExportBuilder.port("SHORT:s5", "OUTPUT", expression: "N"),
                ExportBuilder.port("WHOLE:s11", "OUTPUT", expression: "N"),
                ExportBuilder.port("SIGN:s1", "OUTPUT", expression: "N"),
            ])
        export.target("T_T", ["ID:i", "SHORT:s5", "WHOLE:s11", "SIGN:s1"])
        export.connect("SQ_N_IN", "EXP_T", ["ID", "N"])
        export.connect("EXP_T", "T_T", ["ID", "SHORT", "WHOLE", "SIGN"])
        return export
    }

    @Test("cast to text and cut where the port is narrower; natively and on SQLite alike")
    func agrees() throws {
        let pipeline = try ExecutorHarness().pipeline(Self.export())
        let sql = SQLPipelineLowering(SQLiteDialect()).lower(pipeline)
        #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
        let script = SQLPipelineScript.text(sql, dialect: SQLiteDialect())
        #expect(script.contains("SUBSTR(CAST(N AS TEXT), 1, 5) AS SHORT"), "\(script)")
        #expect(script.contains("CAST(N AS TEXT) AS WHOLE"), "\(script)")
        #expect(script.contains("SUBSTR(CAST(N AS TEXT), 1, 1) AS SIGN"), "\(script)")
        for seed in [1, 2, 3] as [UInt64] {
            let report = PushdownVerifier(engines: [.native, .sqlite], rowsPerSource: 40, seed: seed).verify(pipeline)
            #expect(report.verdict == .agree, "\(report.text)")
        }
    }
}

extension PostgresTests {
    @Suite("SQL port conversions of integers to strings on PostgreSQL")
    struct IntegerTextOnPostgres {
        @Test("integers into string ports agree natively, on SQLite and on PostgreSQL")
        func agrees() throws {
            let pipeline = try ExecutorHarness().pipeline(SQLIntegerTextTests.export())
            let report = PushdownVerifier(
                engines: [.native, .sqlite, .postgres], rowsPerSource: 40, seed: 4,
                postgres: try FlatFileOrderOnPostgres.opener()
            ).verify(pipeline)
            #expect(report.verdict == .agree, "\(report.text)")
            #expect(report.engines == ["native", "sqlite", "postgres"])
        }
    }
}
