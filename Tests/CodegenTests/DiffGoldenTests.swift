import Codegen
import Foundation
import IR
import Importers
import Testing

/// Golden edit scripts: each folder under Tests/Fixtures/diff holds `old.xml|yaml` and `new.xml|yaml`
/// (hand-edited copies of one small mapping) and the expected text, JSON and Mermaid renderings.
/// MIGRATE_UPDATE_GOLDENS=1 rewrites the goldens and still fails.
@Suite struct DiffGoldenTests {
    /// Cases and whether they hold a semantic change.
    static let cases: [(name: String, changed: Bool)] = [
        ("add_filter", true), ("change_expression", true), ("change_join_type", true),
        ("formatting_only", false), ("formatting_yaml", false), ("remove_target", true), ("rename_port", true),
        ("rename_transformation", true),
    ]

    @Test(arguments: cases.map(\.name)) func renderingsMatchGoldens(caseName: String) throws {
        let report = try DiffFixtures.report(caseName)
        DiffGolden.check(DiffTextRenderer().render(report), "\(caseName)/expected.txt")
        DiffGolden.check(DiffJSONRenderer.render(report), "\(caseName)/expected.json")
        DiffGolden.check(DiffMermaidRenderer.render(report), "\(caseName)/expected.mmd")
    }

    @Test(arguments: cases) func changeIsDetectedExactlyWhenThereIsOne(testCase: (name: String, changed: Bool)) throws {
        let report = try DiffFixtures.report(testCase.name)
        #expect(report.hasChanges == testCase.changed)
        #expect(report.comparisons.count == 1)
    }

    @Test func aRenamedTransformationIsARenameNotRemoveAndAdd() throws {
        let diff = try #require(try DiffFixtures.report("rename_transformation").pipelines.first)
        #expect(diff.nodes.count == 1)
        #expect(diff.nodes.first?.oldID == "EXP_CALC")
        #expect(diff.nodes.first?.newID == "EXP_COMPUTE")
        #expect(diff.nodes.first?.matchedBy == .similarity)
        #expect(diff.edges.isEmpty)
    }

    @Test func theTextIsColouredOnlyWhenAsked() throws {
        let report = try DiffFixtures.report("remove_target")
        #expect(!DiffTextRenderer(colour: false).render(report).contains("\u{1B}["))
        #expect(DiffTextRenderer(colour: true).render(report).contains("\u{1B}[31m- node T_AUDIT (target)\u{1B}[0m"))
    }
}

/// Loads the fixture pairs.
enum DiffFixtures {
    /// Tests/Fixtures/diff.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/diff")

    /// The report comparing the case's old and new inputs.
    static func report(_ caseName: String) throws -> DiffReport {
        let old = try pipelines(in: caseName, named: "old")
        let new = try pipelines(in: caseName, named: "new")
        return DiffReport.compare(oldPipelines: old, newPipelines: new)
    }

    /// The pipelines of `<case>/<name>.xml` or `<case>/<name>.yaml`.
    static func pipelines(in caseName: String, named name: String) throws -> [Pipeline] {
        let base = folder.appendingPathComponent(caseName).appendingPathComponent(name)
        let yaml = base.appendingPathExtension("yaml")
        if FileManager.default.fileExists(atPath: yaml.path) {
            let text = String(decoding: try Data(contentsOf: yaml), as: UTF8.self)
            let (document, problems) = CanonicalYAML.parse(text, file: yaml.path)
            #expect(!problems.hasErrors, "\(problems)")
            guard case .pipeline(let pipeline)? = document else { throw FixtureError.notAPipeline(yaml.path) }
            return [pipeline]
        }
        let result = PowerCenterImporter().importFile(atPath: base.appendingPathExtension("xml").path)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return result.pipelines
    }

    /// A fixture that does not hold what the test needs.
    enum FixtureError: Error {
        case notAPipeline(String)
    }
}

/// Golden files under Tests/Fixtures/diff, checked like the YAML goldens: MIGRATE_UPDATE_GOLDENS=1
/// rewrites the file and records a failure, so a recording run never passes.
enum DiffGolden {
    static func check(_ actual: String, _ relative: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let url = DiffFixtures.folder.appendingPathComponent(relative)
        if ProcessInfo.processInfo.environment["MIGRATE_UPDATE_GOLDENS"] == "1" {
            try? Data(actual.utf8).write(to: url)
            Issue.record(
                "rewrote golden \(relative): review it, then run again without MIGRATE_UPDATE_GOLDENS",
                sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden \(relative)", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard actual != expected else { return }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = Array(zip(a, e)).firstIndex { $0 != $1 } ?? min(a.count, e.count)
        let want = line < e.count ? String(e[line]) : "<end>"
        let got = line < a.count ? String(a[line]) : "<end>"
        Issue.record(
            Comment(rawValue: "\(relative) differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)"),
            sourceLocation: sourceLocation)
    }
}
