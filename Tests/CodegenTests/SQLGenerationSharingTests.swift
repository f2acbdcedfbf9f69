import Foundation
import IR
import Importers
import Testing

@testable import Codegen

/// The work SQL generation shares, checked against doing it again: lowering into several dialects
/// at once (``SQLPipelineLowering/lower(_:inEach:)``, which types expressions once and keeps a
/// refusal no dialect decided) gives exactly what lowering into each dialect alone gives, and the
/// optimizer's shared parses and skipped work change nothing.
@Suite("SQL generation sharing work across dialects and passes")
struct SQLGenerationSharingTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/powercenter")

    static func pipeline(_ name: String) throws -> Pipeline {
        let path = fixtures.appendingPathComponent(name).appendingPathComponent("input.xml").path
        return try #require(PowerCenterImporter().importFile(atPath: path).pipelines.first)
    }

    /// Each dialect's lowering on its own, with or without high precision.
    static func oneByOne(_ pipeline: Pipeline, _ dialects: [any SQLDialect], highPrecision: Bool) -> [SQLPipelineSQL] {
        dialects.map {
            SQLPipelineLowering($0, options: SQLLoweringOptions(highPrecision: highPrecision)).lower(pipeline)
        }
    }

    /// All dialects lowered at once.
    static func together(_ pipeline: Pipeline, _ dialects: [any SQLDialect], highPrecision: Bool) -> [SQLPipelineSQL] {
        let lowering = SQLPipelineLowering(SQLiteDialect(), options: SQLLoweringOptions(highPrecision: highPrecision))
        return lowering.lower(pipeline, inEach: dialects)
    }

    @Test("a refusal that reads the dialect is not kept for the next dialect, in either order")
    func dialectRefusalIsNotShared() throws {
        // Sybase ASE has no FULL OUTER JOIN (CG2006); PostgreSQL pushes the same target down.
        let pipeline = try Self.pipeline("joiner_full_outer")
        for dialects in [[SybaseASEDialect(), PostgreSQLDialect()], [PostgreSQLDialect(), SybaseASEDialect()]]
            as [[any SQLDialect]]
        {
            let results = Self.together(pipeline, dialects, highPrecision: false)
            let byName = Dictionary(uniqueKeysWithValues: zip(dialects.map(\.name), results))
            #expect(byName["sybase"]?.report.diagnostics.map(\.code) == ["CG2006"])
            #expect(byName["sybase"]?.loads.isEmpty == true)
            #expect(byName["postgres"]?.report.notPushedDown.isEmpty == true)
            #expect(byName["postgres"]?.loads.count == 1)
            #expect(results == Self.oneByOne(pipeline, dialects, highPrecision: false))
        }
    }

    @Test("a refusal no dialect decides is the same in every dialect")
    func dialectFreeRefusalIsShared() throws {
        // T_OUT reads two router groups, whose rows SQL cannot line up (CG2009), in any dialect.
        let pipeline = try Self.pipeline("router_default")
        let results = Self.together(pipeline, SQLDialects.all, highPrecision: false)
        #expect(results.count == SQLDialects.all.count)
        for sql in results {
            #expect(sql.report.diagnostics.map(\.code) == ["CG2009"])
            #expect(sql.report.notPushedDown.map(\.target) == ["T_OUT"])
        }
        #expect(results == Self.oneByOne(pipeline, SQLDialects.all, highPrecision: false))
    }

    @Test("every fixture: all dialects at once equal each dialect alone, with and without high precision")
    func fixturesAgree() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).sorted()
        #expect(names.count > 10)
        for name in names {
            let path = Self.fixtures.appendingPathComponent(name).appendingPathComponent("input.xml").path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            for pipeline in PowerCenterImporter().importFile(atPath: path).pipelines {
                let optimized = PassManager().run(pipeline).pipeline
                for highPrecision in [false, true] {
                    #expect(
                        Self.together(optimized, SQLDialects.all, highPrecision: highPrecision)
                            == Self.oneByOne(optimized, SQLDialects.all, highPrecision: highPrecision), "\(name)")
                }
            }
        }
    }

    @Test(
        "every corpus mapping: all dialects at once equal each dialect alone",
        .enabled(
            if: !CorpusRoundTripTests.files.isEmpty, "skipped: the corpus folder ../shared/corpus/powercenter is absent"
        ))
    func corpusAgrees() {
        for name in CorpusRoundTripTests.files {
            let path = CorpusRoundTripTests.corpus.appendingPathComponent(name).path
            for pipeline in PowerCenterImporter().importFile(atPath: path).pipelines {
                let optimized = PassManager().run(pipeline).pipeline
                #expect(
                    Self.together(optimized, SQLDialects.all, highPrecision: false)
                        == Self.oneByOne(optimized, SQLDialects.all, highPrecision: false), "\(name)")
            }
        }
    }

    @Test("the parse memo parses a text once and keeps a failed parse as nil")
    func parsedExpressions() {
        var expressions = ParsedExpressions()
        let tree = expressions.parsed("A + 1")
        let again = expressions.parsed("A + 1")
        let broken = expressions.parsed("A +")
        let brokenAgain = expressions.parsed("A +")
        let typed = expressions.typed("A || 'x'", in: TypeEnvironment(ports: ["A": .string(precision: 3)]))
        #expect(tree.map(OptimizerSupport.references) == ["A"])
        #expect(again == tree)
        #expect(broken == nil && brokenAgain == nil)
        #expect(typed?.type == .string(precision: 4))
    }

    @Test(
        "fold sites: only NOT over TRUE/FALSE, an operator over two literals, or IIF over a literal condition",
        arguments: [
            ("NOT TRUE", true), ("NOT A", false), ("'a' || 'b'", true), ("1 + 2", true), ("A + 2", false),
            ("IIF(TRUE, A, B)", true), ("IIF(0, A, B)", true), ("IIF(NULL, A, B)", true), ("IIF(A, 1, 2)", false),
            ("UPPER(A || ('x' || 'y'))", true), ("DECODE(A, 1, 'one', 'other')", false), ("-1", false),
            ("A = 'x' AND B > 10", false),
        ])
    func foldSites(text: String, expected: Bool) throws {
        var expressions = ParsedExpressions()
        let parsed = expressions.parsed(text)
        let tree = try #require(parsed)
        #expect(FoldConstants.hasFoldSite(tree) == expected)
    }
}
