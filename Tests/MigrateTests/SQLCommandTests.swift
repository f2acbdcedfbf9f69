import Foundation
import Testing

/// `migrate sql`: the script per dialect, a node's preview and profile, optimizer switches, exit codes.
@Suite struct SQLCommandTests {
    static let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/powercenter")
    static let goldens = TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/sql")

    @Test func printsTheReviewedScript() throws {
        let result = try runMigrate([
            "sql", Self.fixtures.appendingPathComponent("union/input.xml").path, "--dialect", "oracle",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let golden = try String(contentsOf: Self.goldens.appendingPathComponent("union/oracle.sql"), encoding: .utf8)
        #expect(result.stdout == golden)
    }

    @Test func aTargetThatStaysInTheRuntimeIsNamedAndExitsOne() throws {
        let result = try runMigrate([
            "sql", Self.fixtures.appendingPathComponent("aggregator/input.xml").path, "--dialect", "postgres",
        ])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        // The target column SAL is narrower than the sum it receives (CG2008, found before any SQL is
        // built); the aggregator's last-row port (CG2007) would keep it in the runtime too.
        #expect(result.stderr.contains("[CG2008]") && result.stderr.contains("INSTANCE[T_OUT]/PORT[SAL]"))
    }

    @Test func previewAndProfileOfANode() throws {
        let export = Self.fixtures.appendingPathComponent("union/input.xml").path
        let preview = try runMigrate([
            "sql", export, "--dialect", "postgres", "--node", "UN_ALL", "--preview", "--rows", "3",
        ])
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.hasSuffix("FROM UN_ALL_ROWS\nLIMIT 3;\n"), "\(preview.stdout)")
        let profile = try runMigrate(["sql", export, "--dialect", "sqlserver", "--node", "UN_ALL", "--profile"])
        #expect(profile.status == 0, "\(profile.stderr)")
        #expect(profile.stdout.contains("AS NULL_PERCENT") && profile.stdout.contains("SELECT TOP 5"))
        #expect(try runMigrate(["sql", export, "--dialect", "postgres", "--node", "UN_ALL"]).status == 2)
        #expect(try runMigrate(["sql", export, "--dialect", "postgres", "--node", "NOPE", "--preview"]).status == 2)
    }

    @Test func theExportsSessionApplies() throws {
        // The demo's session enables high precision, so its decimal(16,4) charge is no reason to stop
        // (without the session it would be: "without high precision", CG2008). What stops the
        // target is EXP_CHARGE's v_MINUTES, a CEIL computed as decimal(21,11) into an integer port
        // (CG2008), found before any SQL is built; EXP_PREPARE's ERROR(), which SQL cannot raise
        // per row (CG2002), would stop it too.
        let demo = TestPaths.packageRoot.appendingPathComponent("Examples/telecom/telecom_cdr.XML").path
        let result = try runMigrate(["sql", demo, "--dialect", "postgres"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("[CG2008] port 'v_MINUTES' of 'EXP_CHARGE'"), "\(result.stderr)")
        #expect(!result.stderr.contains("without high precision"))
    }

    @Test func optimizerSwitches() throws {
        let export = Self.fixtures.appendingPathComponent("union/input.xml").path
        let unknown = try runMigrate(["sql", export, "--dialect", "postgres", "--disable-pass", "nope"])
        #expect(unknown.status == 2 && unknown.stderr.contains("CG3002"))
        let dumped = try runMigrate(["sql", export, "--dialect", "postgres", "--dump-ir-after", "fold-constants"])
        #expect(dumped.status == 0)
        #expect(dumped.stderr.contains("-- IR of m_union after fold-constants\npipeline \"m_union\""))
    }
}
