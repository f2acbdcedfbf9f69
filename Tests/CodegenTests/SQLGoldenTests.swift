import Codegen
import Foundation
import IR
import Importers
import Testing

/// Golden SQL per fixture in every dialect (Tests/Fixtures/sql/<fixture>/<dialect>.sql), reviewed by hand:
/// the join sides of a master outer join (every detail row kept), a union whose groups read one
/// source, and each dialect's shape (common tables, derived tables for SQL Server, no AS before an
/// Oracle table alias). MIGRATE_UPDATE_GOLDENS=1 rewrites them and fails the run.
@Suite struct SQLGoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/powercenter")

    static let cases: [(fixture: String, dialect: String)] = ["joiner_master_outer", "union"].flatMap { fixture in
        SQLDialects.all.map { (fixture, $0.name) }
    }

    @Test("golden SQL", arguments: cases.map { "\($0.fixture)/\($0.dialect)" })
    func golden(_ name: String) throws {
        let parts = name.split(separator: "/").map(String.init)
        let result = PowerCenterImporter().importFile(
            atPath: Self.fixtures.appendingPathComponent("\(parts[0])/input.xml").path)
        let pipeline = try #require(result.pipelines.first)
        let dialect = try #require(SQLDialects.named(parts[1]))
        let sql = SQLPipelineLowering(dialect).lower(pipeline)
        #expect(sql.report.notPushedDown.isEmpty)
        GoldenFile.check(SQLPipelineScript.text(sql, dialect: dialect), "../sql/\(parts[0])/\(parts[1]).sql")
    }
}
