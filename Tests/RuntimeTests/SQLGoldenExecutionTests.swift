import Codegen
import Foundation
import IR
import Importers
import Testing

@testable import Runtime

/// The reviewed golden SQL files, run as written: the SQLite golden on SQLite (HR an attached
/// database), the PostgreSQL golden on the throwaway server (HR a schema); the target rows must
/// be the ones worked out by hand (``SQLGoldenExecutionCases``).
@Suite("Golden SQL of the fixtures on SQLite")
struct SQLGoldenExecutionTests {
    /// A fresh SQLite database with an attached database HR, removed after `body`.
    static func withSQLite(_ body: (SQLiteConnection) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "migrate-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let connection = try SQLiteConnection(path: folder.appendingPathComponent("main.db").path)
        try connection.execute("ATTACH DATABASE '\(folder.appendingPathComponent("hr.db").path)' AS HR")
        try body(connection)
    }

    /// The rows of `table` (`columns`), rendered `a|b|NULL` and sorted.
    static func rows(_ table: String, _ columns: [String], _ query: (String, [DataType]) throws -> RowSet) throws
        -> [String]
    {
        let types = Array(repeating: DataType.string(precision: 4000), count: columns.count)
        let set = try query("SELECT \(columns.joined(separator: ", ")) FROM \(table)", types)
        return set.rows.map { $0.map(ExecutorHarness.render).joined(separator: "|") }.sorted()
    }

    @Test("the SQLite golden writes the rows worked out by hand", arguments: SQLGoldenExecutionCases.onSQLite)
    func sqlite(_ c: SQLGoldenExecutionCases.Case) throws {
        try Self.withSQLite { connection in
            let setup =
                SQLGoldenExecutionCases.sources(withoutNullDepartment: c.withoutNullDepartment)
                + SQLGoldenExecutionCases.target(c)
            for statement in setup { try connection.execute(statement) }
            try connection.execute(try SQLGoldenExecutionCases.golden(c.fixture, "sqlite"))
            let found = try Self.rows(c.table, c.columns) { try connection.query($0, types: $1) }
            #expect(found == c.expected.sorted())
        }
    }

    /// docs/golden-sql-review.md, update_strategy: under a session whose "Treat source rows as" is
    /// Insert, the Update Strategy is ignored (reference §2.13, case 48) and every row is inserted,
    /// the ones IIF(SAL > 0, …) would reject too. (Without a session the fixture runs data driven,
    /// as the Workflow Manager sets a session for a mapping with an Update Strategy.)
    @Test("update_strategy under an Insert session inserts every row")
    func insertSessionIgnoresTheStrategy() throws {
        let path = SQLGoldenExecutionCases.fixtures.appendingPathComponent("powercenter/update_strategy/input.xml")
        let result = PowerCenterImporter().importFile(atPath: path.path)
        let pipeline = try #require(result.pipelines.first)
        let dialect = SQLiteDialect()
        let session = SessionSpec(pipeline: pipeline.name, rowKind: .insert)
        let sql = SessionLowering.lowering(dialect, pipeline, session, highPrecision: false).lower(pipeline)
        #expect(sql.report.notPushedDown.isEmpty)
        try Self.withSQLite { connection in
            for statement in SQLGoldenExecutionCases.sources(withoutNullDepartment: false) {
                try connection.execute(statement)
            }
            try connection.execute("CREATE TABLE T_OUT \(SQLGoldenExecutionCases.wideTarget)")
            try connection.execute(SQLPipelineScript.text(sql, dialect: dialect))
            let found = try Self.rows("T_OUT", SQLGoldenExecutionCases.wideColumns) {
                try connection.query($0, types: $1)
            }
            // Employees 5 and 6 (NULL SAL) and 7 (-50) included: the strategy would reject them.
            #expect(found == SQLGoldenExecutionCases.allEmployees.sorted())
        }
    }
}

extension PostgresTests {
    @Suite("golden SQL of the fixtures on PostgreSQL")
    struct GoldenFixtures {
        @Test("the PostgreSQL golden writes the rows worked out by hand", arguments: SQLGoldenExecutionCases.all)
        func postgres(_ c: SQLGoldenExecutionCases.Case) throws {
            try PostgresTests.withSchema { connection in
                // The goldens read HR.EMP and HR.DEPTS (unquoted, so schema hr).
                try connection.execute("DROP SCHEMA IF EXISTS hr CASCADE; CREATE SCHEMA hr")
                defer { try? connection.execute("DROP SCHEMA IF EXISTS hr CASCADE") }
                let setup =
                    SQLGoldenExecutionCases.sources(withoutNullDepartment: c.withoutNullDepartment)
                    + SQLGoldenExecutionCases.target(c)
                for statement in setup { try connection.execute(statement) }
                try connection.execute(try SQLGoldenExecutionCases.golden(c.fixture, "postgres"))
                let found = try SQLGoldenExecutionTests.rows(c.table, c.columns) {
                    try connection.query($0, types: $1)
                }
                #expect(found == c.expected.sorted())
            }
        }
    }
}
