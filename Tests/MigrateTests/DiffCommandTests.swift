import Foundation
import Testing

/// End-to-end checks of `migrate diff` through the built binary: exit codes 0 (no change), 1 (a
/// change) and 2 (an input error), the output formats, `--out`, and a folder pair's summary.
@Suite(.serialized) struct DiffCommandTests {
    static let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/diff")

    static func fixture(_ caseName: String, _ file: String) -> String {
        fixtures.appendingPathComponent(caseName).appendingPathComponent(file).path
    }

    static func golden(_ caseName: String, _ file: String) -> String {
        String(decoding: FileManager.default.contents(atPath: fixture(caseName, file)) ?? Data(), as: UTF8.self)
    }

    @Test func noSemanticChangeExitsZero() throws {
        let result = try runMigrate([
            "diff", Self.fixture("formatting_only", "old.xml"), Self.fixture("formatting_only", "new.xml"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "no semantic change\n")
    }

    @Test(arguments: ["text", "json", "mermaid"]) func aChangeExitsOneAndPrintsTheGolden(format: String) throws {
        let extensions = ["text": "txt", "json": "json", "mermaid": "mmd"]
        let result = try runMigrate([
            "diff", Self.fixture("add_filter", "old.xml"), Self.fixture("add_filter", "new.xml"), "--format", format,
        ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout == Self.golden("add_filter", "expected.\(extensions[format] ?? "")"))
    }

    @Test func htmlAndSVGAreWrittenToOutAndNeedNoNetwork() throws {
        let scratch = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for format in ["html", "svg"] {
            let out = scratch.appendingPathComponent("diff.\(format)")
            let result = try runMigrate([
                "diff", Self.fixture("rename_transformation", "old.xml"),
                Self.fixture("rename_transformation", "new.xml"),
                "--format", format, "--out", out.path,
            ])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            let page = String(decoding: FileManager.default.contents(atPath: out.path) ?? Data(), as: UTF8.self)
            #expect(page.contains("<svg"))
            #expect(page.contains("EXP_CALC → EXP_COMPUTE"))
            #expect(page.components(separatedBy: "<g class=\"node ").count - 1 == 8)
            #expect(!page.contains("src=\"http") && !page.contains("href=\"http") && !page.contains("url(http"))
        }
    }

    @Test func aFolderPairGivesASummaryAndOneDiffPerChangedPipeline() throws {
        let scratch = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let old = scratch.appendingPathComponent("old")
        let new = scratch.appendingPathComponent("new")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: new.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let other = Self.golden("formatting_yaml", "old.yaml").replacingOccurrences(
            of: "  name: m_emp\n", with: "  name: m_other\n")
        let extra = other.replacingOccurrences(of: "  name: m_other\n", with: "  name: m_extra\n")
        try Data(Self.golden("add_filter", "old.xml").utf8).write(to: old.appendingPathComponent("m_emp.xml"))
        try Data(other.utf8).write(to: old.appendingPathComponent("other.yaml"))
        try Data(Self.golden("add_filter", "new.xml").utf8).write(to: new.appendingPathComponent("m_emp.xml"))
        try Data(other.utf8).write(to: new.appendingPathComponent("sub/other.yaml"))
        try Data(extra.utf8).write(to: new.appendingPathComponent("extra.yml"))
        let result = try runMigrate(["diff", old.path, new.path])
        #expect(result.status == 1, "\(result.stderr)")
        let expected =
            "summary: 2 pipelines compared, 1 changed, 1 added, 0 removed\n+ pipeline m_extra\n"
            + Self.golden("add_filter", "expected.txt")
        #expect(result.stdout == expected)
    }

    @Test func inputErrorsExitTwoWithACode() throws {
        let file = Self.fixture("add_filter", "old.xml")
        let missing = try runMigrate(["diff", file, "/nonexistent/new.xml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("[CG4000] '/nonexistent/new.xml' does not exist"))
        let mixed = try runMigrate(["diff", file, Self.fixtures.path])
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("[CG4001]"))
        let badFormat = try runMigrate(["diff", file, file, "--format", "pdf"])
        #expect(badFormat.status == 2)
    }

    @Test func anUnreadableYAMLIsAnInputError() throws {
        let scratch = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let broken = scratch.appendingPathComponent("broken.yaml")
        try Data("version: 1\npipeline: [\n".utf8).write(to: broken)
        let result = try runMigrate(["diff", Self.fixture("formatting_yaml", "old.yaml"), broken.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error:"))
    }
}
