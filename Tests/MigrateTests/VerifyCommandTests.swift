import Foundation
import Testing

/// `migrate verify`: the verdict per mapping, the rows per engine, exit codes.
@Suite struct VerifyCommandTests {
    static let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/powercenter")

    @Test func aUnionOfOneSourceAgreesNativelyAndOnSQLite() throws {
        let export = Self.fixtures.appendingPathComponent("union/input.xml").path
        let result = try runMigrate(["verify", export, "--generate", "20", "--seed", "5"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("m_union: AGREE (native, sqlite; 20 rows per source, seed 5)"))
        #expect(result.stdout.contains("T_OUT (T_OUT): native 40, sqlite 40 rows, equal"), "\(result.stdout)")
    }

    @Test func aNodeNotPushedDownIsNamedAndIsNoFailure() throws {
        let export = Self.fixtures.appendingPathComponent("expression_variables/input.xml").path
        let result = try runMigrate(["verify", export, "--generate", "5", "--format", "json"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("\"verdict\" : \"not-pushed-down\""))
        #expect(result.stdout.contains("\"node\" : \"EXP_CALC\"") && result.stdout.contains("\"code\" : \"CG2004\""))
    }

    @Test func usageErrorsExitTwo() throws {
        let export = Self.fixtures.appendingPathComponent("union/input.xml").path
        #expect(try runMigrate(["verify", export, "--engines", "native,oracle"]).status == 2)
        #expect(try runMigrate(["verify", export, "--engines", "postgres"]).status == 2)
        #expect(try runMigrate(["verify", export, "--mapping", "m_none"]).status == 2)
        let pass = try runMigrate(["verify", export, "--disable-pass", "no-such-pass"])
        #expect(pass.status == 2 && pass.stderr.contains("CG3002"))
    }
}
