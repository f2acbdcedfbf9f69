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

    @Test func runsOnCSVFilesGiven() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "ID,NAME,DEPT,SAL\n1,\"Smith, J\",10,1000.50\n2,,20,NULL\n3,\"\"\"Q\"\"\",10,2500\n".write(
            to: folder.appendingPathComponent("EMP.csv"), atomically: true, encoding: .utf8)
        let export = Self.fixtures.appendingPathComponent("union/input.xml").path
        let result = try runMigrate(["verify", export, "--data", folder.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        // Both union groups read the three rows: six target rows.
        #expect(result.stdout.contains("T_OUT (T_OUT): native 6, sqlite 6 rows, equal"), "\(result.stdout)")
        #expect(try runMigrate(["verify", export, "--data", folder.appendingPathComponent("none").path]).status == 2)
    }

    /// Before, any error in the inputs stopped verify with exit 2 (a usage error) and no verdict, on
    /// seven corpus exports among them: a mapping with a transformation that is not convertible now
    /// gets its verdict, naming the node, and the exit status is 1 (the inputs have errors).
    @Test func inputsWithErrorsAreVerifiedAsImported() throws {
        let export = Self.fixtures.appendingPathComponent("sql_transformation/input.xml").path
        let result = try runMigrate(["verify", export, "--generate", "5"])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("[IMP0117]"), "\(result.stderr)")
        #expect(result.stdout.hasPrefix("m_sql_transformation: FAILED"), "\(result.stdout)")
        #expect(result.stdout.contains("node 'SQL_UPD' (SQL Transform) cannot run natively"), "\(result.stdout)")
        #expect(result.stderr.contains("the inputs have errors (above); each mapping was verified as imported"))
    }

    @Test func anExportWithoutMappingsSaysSo() throws {
        let export = Self.fixtures.appendingPathComponent("workflows/basic/input.xml").path
        let result = try runMigrate(["verify", export])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("verify: no mapping to verify: the inputs hold "), "\(result.stderr)")
    }

    @Test func usageErrorsExitTwo() throws {
        let export = Self.fixtures.appendingPathComponent("union/input.xml").path
        #expect(try runMigrate(["verify", export, "--engines", "native,oracle"]).status == 2)
        #expect(try runMigrate(["verify", export, "--engines", "postgres"]).status == 2)
        let unknown = try runMigrate(["verify", export, "--mapping", "m_none"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no mapping named 'm_none'; the inputs hold 'm_union'"))
        let pass = try runMigrate(["verify", export, "--disable-pass", "no-such-pass"])
        #expect(pass.status == 2 && pass.stderr.contains("CG3002"))
    }
}
