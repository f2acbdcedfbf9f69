import Foundation
import IR
import Testing

@testable import Runtime

extension PostgresTests {
    @Suite("verify on a PostgreSQL database in the C locale")
    struct VerifyLocale {
        @Test("UPPER is refused on PostgreSQL, naming why, where upper() changes ASCII letters only")
        func upperInTheCLocale() throws {
            var export = ExportBuilder()
            export.source("U_IN", ["ID:i", "NAME:s20"])
            export.transformation(
                "EXP", type: "Expression",
                ports: [
                    ExportBuilder.port("ID:i"), ExportBuilder.port("NAME:s20", "INPUT"),
                    ExportBuilder.port("UP:s20", "OUTPUT", expression: "UPPER(NAME)"),
                ])
            export.target("T_U", ["ID:i", "UP:s20"])
            export.connect("SQ_U_IN", "EXP", ["ID", "NAME"])
            export.connect("EXP", "T_U", ["ID", "UP"])
            let pipeline = try ExecutorHarness().pipeline(export)
            // The test server's databases are in the C locale (initdb --no-locale); the synthetic
            // strings hold letters outside ASCII, which the runtime upper-cases.
            let report = PushdownVerifier(
                engines: [.native, .postgres], rowsPerSource: 30, seed: 1,
                postgres: try FlatFileOrderOnPostgres.opener()
            ).verify(pipeline)
            #expect(report.verdict == .notPushedDown, "\(report.text)")
            #expect(report.text.contains("postgres changes the case of ASCII letters only"), "\(report.text)")
        }
    }
}
