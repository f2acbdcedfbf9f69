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

    /// CUSTOMERS → SQ_C → EXP_C (input/output NAME, string(20), default value `text`) → T_C (NAME).
    static func defaulted(_ text: String) -> Pipeline {
        typealias P = VerbatimPipelines
        var name = P.port("EXP_C", "NAME", P.name, [.input, .output], from: PortRef(node: "SQ_C", port: "NAME"))
        name.defaultValue = ScalarExpression(text)
        return P.pipeline([
            P.customers(nil),
            P.node(
                "SQ_C", .sourceQuery(SourceQuerySpec(sources: ["CUSTOMERS"])),
                [P.port("SQ_C", "NAME", P.name, [.input, .output], from: PortRef(node: "CUSTOMERS", port: "NAME"))]),
            P.node("EXP_C", .project(ProjectSpec()), [name]),
            P.node(
                "T_C", .target(TargetSpec(table: "T_C")),
                [P.port("T_C", "NAME", P.name, .input, from: PortRef(node: "EXP_C", port: "NAME"))]),
        ])
    }

    @Test("a node's precheck that read the dialect is not kept for the next dialect: each gets its own outcome")
    func precheckSharing() {
        // '' replaces NULL exactly where the dialect keeps '' apart from NULL: not in Oracle (CG2011).
        let empty = Self.defaulted("''")
        for dialects in [[OracleDialect(), PostgreSQLDialect()], [PostgreSQLDialect(), OracleDialect()]]
            as [[any SQLDialect]]
        {
            let results = Self.together(empty, dialects, highPrecision: false)
            let byName = Dictionary(uniqueKeysWithValues: zip(dialects.map(\.name), results))
            #expect(byName["oracle"]?.report.diagnostics.map(\.code) == ["CG2011"])
            #expect(byName["oracle"]?.report.nodesNotPushedDown == ["EXP_C"])
            #expect(byName["postgres"]?.report.notPushedDown.isEmpty == true)
            #expect(results == Self.oneByOne(empty, dialects, highPrecision: false))
        }
        // A default longer than the port is refused before any dialect is asked: the same everywhere.
        let long = Self.defaulted("'twenty-one characters'")
        let results = Self.together(long, SQLDialects.all, highPrecision: false)
        for sql in results {
            #expect(sql.report.diagnostics.map(\.code) == ["CG2011"])
            #expect(sql.report.nodesNotPushedDown == ["EXP_C"])
        }
        #expect(results == Self.oneByOne(long, SQLDialects.all, highPrecision: false))
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
