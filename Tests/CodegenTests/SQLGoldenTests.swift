import Codegen
import Foundation
import IR
import Importers
import Testing

/// Golden SQL per fixture in every dialect (Tests/Fixtures/sql/<fixture>/<dialect>.sql), each
/// reviewed by hand against reference §2 and reference/dialects.md (docs/golden-sql-review.md):
/// join sides, filters dropping NULL conditions, a data-driven upsert per dialect (MERGE,
/// `ON CONFLICT`, UPDATE then INSERT, delete-insert), common tables or derived tables. The SQL is
/// what `migrate sql` prints: the optimizer's passes, then the lowering under the export's session.
/// A dialect that keeps a target in the runtime has no golden file: the test asserts the exact
/// refusals instead. MIGRATE_UPDATE_GOLDENS=1 rewrites the files and fails the run.
@Suite struct SQLGoldenTests {
    /// Tests/Fixtures.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// One fixture: its export (relative to Tests/Fixtures), and the refusals (`target: node code`)
    /// expected in the dialects that keep a target in the runtime.
    struct Fixture: Sendable {
        var name: String
        var input: String
        var refused: [String: [String]] = [:]

        init(_ name: String, input: String? = nil, refused: [String: [String]] = [:]) {
            self.name = name
            self.input = input ?? "powercenter/\(name)/input.xml"
            self.refused = refused
        }
    }

    /// Every fixture whose mapping lowers in some dialect. Left out, with the reason in
    /// docs/golden-sql-review.md: the fixtures no dialect lowers (aggregator, expression_variables, lookups, mapplet_expanded,
    /// normalizer, rank, router_default, sequence, sorter) or that do not import cleanly.
    static let all: [Fixture] = [
        Fixture("basic", refused: everyDialect(except: "oracle", "T_OUT: SQ_EMP CG2005")),
        Fixture("filter"),
        Fixture("joiner_normal"),
        Fixture("joiner_master_outer"),
        Fixture("joiner_detail_outer"),
        Fixture("joiner_full_outer", refused: ["sybase": ["T_OUT: JNR_EMP_DEPT CG2006"]]),
        Fixture("reusable_override"),
        Fixture("same_name_instances"),
        Fixture("shortcut_resolved"),
        Fixture("transaction_control"),
        Fixture("union"),
        // No session: data driven (a session for a mapping with an Update Strategy is by default);
        // IIF(SAL > 0, DD_UPDATE, DD_REJECT) updates by key a target that has none.
        Fixture("update_strategy", refused: everyDialect(except: "", "T_OUT: T_OUT CG2013")),
        Fixture(
            "update_strategy_upsert", input: "sql/update_strategy_upsert/input.xml",
            refused: ["sqlite": ["T_DEPT_SAL: AGG_DEPT CG2007"]]),
    ]

    /// `refusal` for every dialect but `kept`.
    static func everyDialect(except kept: String, _ refusal: String) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: SQLDialects.all.map(\.name).filter { $0 != kept }.map { ($0, [refusal]) })
    }

    static let cases: [String] = all.flatMap { fixture in SQLDialects.all.map { "\(fixture.name)/\($0.name)" } }

    /// The SQL `migrate sql` prints for `fixture` in `dialect`, and the refusals as `target: node code`.
    static func lower(_ fixture: Fixture, _ dialect: any SQLDialect) throws -> (script: String, refused: [String]) {
        let result = PowerCenterImporter().importFile(
            atPath: fixtures.appendingPathComponent(fixture.input).path)
        let imported = try #require(result.pipelines.first)
        let pipeline = PassManager().run(imported).pipeline
        let session = SessionLowering.session(for: pipeline, in: result.workflows)
        let lowering = SessionLowering.lowering(
            dialect, pipeline, session?.spec, highPrecision: SessionLowering.highPrecision(session))
        let sql = lowering.lower(pipeline)
        let refused = sql.report.notPushedDown.map { "\($0.target): \($0.node) \($0.diagnostic.code.rawValue)" }
        return (SQLPipelineScript.text(sql, dialect: dialect), refused)
    }

    @Test("golden SQL", arguments: cases)
    func golden(_ name: String) throws {
        let parts = name.split(separator: "/").map(String.init)
        let fixture = try #require(Self.all.first { $0.name == parts[0] })
        let dialect = try #require(SQLDialects.named(parts[1]))
        let (script, refused) = try Self.lower(fixture, dialect)
        let expected = fixture.refused[dialect.name] ?? []
        #expect(refused == expected)
        if expected.isEmpty {
            GoldenFile.check(script, "../sql/\(fixture.name)/\(dialect.name).sql")
        } else {
            #expect(script.isEmpty, "a target kept in the runtime emits nothing: \(script)")
            let stray = Self.fixtures.appendingPathComponent("sql/\(fixture.name)/\(dialect.name).sql").path
            #expect(!FileManager.default.fileExists(atPath: stray), "no golden for a refused dialect")
        }
    }

    @Test("every golden file belongs to a case")
    func noStrayGoldens() throws {
        let folder = Self.fixtures.appendingPathComponent("sql")
        let known = Set(Self.cases.map { "\($0).sql" })
        var found: [String] = []
        for fixture in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let files =
                (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(fixture).path))
                ?? []
            found += files.filter { $0.hasSuffix(".sql") }.map { "\(fixture)/\($0)" }
        }
        #expect(found.count >= 100)
        #expect(found.filter { !known.contains($0) }.isEmpty)
    }
}
