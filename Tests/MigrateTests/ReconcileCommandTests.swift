import Foundation
import Runtime
import Testing

/// `migrate reconcile`: exit 0 on a match, 1 on differences, 2 on usage errors, with the report on
/// standard output.
@Suite struct ReconcileCommandTests {
    /// Two SQLite files holding `legacy` and `migrated` rows of one table (decimals as text in the
    /// legacy file, as NUMERIC in the migrated one).
    func databases(legacy: String, migrated: String) throws -> URL {
        let folder = TestPaths.temporaryFolder()
        let a = try SQLiteConnection(path: folder.appendingPathComponent("legacy.db").path)
        try a.execute("CREATE TABLE sales (id INTEGER PRIMARY KEY, amount TEXT); INSERT INTO sales VALUES \(legacy)")
        let b = try SQLiteConnection(path: folder.appendingPathComponent("migrated.db").path)
        try b.execute(
            "CREATE TABLE sales (id INTEGER PRIMARY KEY, amount NUMERIC(10,2)); INSERT INTO sales VALUES \(migrated)")
        return folder
    }

    @Test func matchingTablesExitZero() throws {
        let folder = try databases(legacy: "(1, '10.50'), (2, '3')", migrated: "(1, 10.5), (2, 3.00)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runMigrate(
            ["reconcile", "--source", "legacy.db:sales", "--target", "migrated.db:sales"], in: folder)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("keys: id (from primary key)"))
        #expect(result.stdout.contains("rows: 2 matched, 0 missing from the target, 0 extra in the target"))
        #expect(result.stdout.hasSuffix("verdict: match\n"))
    }

    @Test func differencesExitOneUnlessWithinTheThreshold() throws {
        let folder = try databases(legacy: "(1, '10.50'), (2, '3'), (3, '4')", migrated: "(1, 10.5), (2, 3.01), (3, 4)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let strict = try runMigrate(
            ["reconcile", "--source", "legacy.db:sales", "--target", "migrated.db:sales", "--format", "json"],
            in: folder)
        #expect(strict.status == 1, "\(strict.stderr)")
        #expect(strict.stdout.contains("\"verdict\" : \"differs\""))
        #expect(strict.stdout.contains("\"target\" : \"3.01\""))
        let lenient = try runMigrate(
            ["reconcile", "--source", "legacy.db:sales", "--target", "migrated.db:sales", "--threshold", "0.34"],
            in: folder)
        #expect(lenient.status == 0, "\(lenient.stdout)")
        #expect(lenient.stdout.contains("within threshold (33.33% of rows differ; threshold 34%)"))
    }

    @Test func usageErrorsExitTwoWithACode() throws {
        let folder = try databases(legacy: "(1, '1')", migrated: "(1, 1)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let noTable = try runMigrate(
            ["reconcile", "--source", "legacy.db", "--target", "migrated.db:sales"], in: folder)
        #expect(noTable.status == 2)
        #expect(noTable.stderr.contains("RT0500"))
        let missing = try runMigrate(
            ["reconcile", "--source", "legacy.db:nope", "--target", "migrated.db:sales"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("RT0502") && missing.stderr.contains("'nope'"))
        let badKey = try runMigrate(
            ["reconcile", "--source", "legacy.db:sales", "--target", "migrated.db:sales", "--keys", "x"], in: folder)
        #expect(badKey.status == 2)
        #expect(badKey.stderr.contains("RT0503"))
        let noFile = try runMigrate(
            ["reconcile", "--source", "absent.db:t", "--target", "migrated.db:sales"], in: folder)
        #expect(noFile.status == 2)
        #expect(noFile.stderr.contains("RT0501"))
    }
}
