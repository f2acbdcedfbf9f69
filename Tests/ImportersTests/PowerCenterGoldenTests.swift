import Foundation
import IR
import Importers
import Testing

/// Golden tests over every hand-written PowerCenter fixture: the stable IR dump of everything the
/// importer produced, followed by its diagnostics, must equal `expected.ir.txt` beside `input.xml`.
/// With MIGRATE_UPDATE_GOLDENS=1 the file is rewritten and the test still fails, so a recording run
/// never passes; each rewritten golden must be reviewed against its input by hand.
@Suite struct PowerCenterGoldenTests {
    static let fixtures: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/powercenter")

    /// Case folders (relative to Fixtures/powercenter) that hold an input.xml.
    static let cases: [String] = {
        var found: [String] = []
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: fixtures.path) else { return [] }
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix("/input.xml") { found.append(String(relative.dropLast("/input.xml".count))) }
        }
        return found.sorted()
    }()

    /// The golden text for one import: dumps of pipelines and workflows, then diagnostics with paths
    /// relative to the fixture folder.
    static func goldenText(_ result: ImportResult, fixtureFile: String) -> String {
        var out = ""
        for pipeline in result.pipelines { out += TextDump.dump(pipeline) + "\n" }
        for workflow in result.workflows { out += TextDump.dump(workflow) + "\n" }
        out += "diagnostics:\n"
        for diagnostic in result.diagnostics.sortedForReport() {
            var line = diagnostic.description.replacingOccurrences(of: fixtureFile, with: "input.xml")
            if let fix = diagnostic.fix { line += "\n  fix: \(fix)" }
            out += line + "\n"
        }
        out += "inventory:\n"
        for entry in result.inventory {
            out += "  \(entry.kind) seen=\(entry.seen) represented=\(entry.represented) diagnosed=\(entry.diagnosed)\n"
        }
        return out
    }

    @Test(arguments: cases) func importMatchesGolden(caseName: String) throws {
        let folder = Self.fixtures.appendingPathComponent(caseName)
        let input = folder.appendingPathComponent("input.xml").path
        let result = PowerCenterImporter().importFile(atPath: input)
        #expect(result.isConserved, "conservation broken: \(result.inventory.filter { !$0.isConserved })")
        for pipeline in result.pipelines {
            let problems = pipeline.verify()
            #expect(problems.isEmpty, "IR verification of \(pipeline.name): \(problems.map(\.description))")
        }
        for workflow in result.workflows {
            let problems = workflow.verify()
            #expect(problems.isEmpty, "IR verification of \(workflow.name): \(problems.map(\.description))")
        }
        let actual = Self.goldenText(result, fixtureFile: input)
        let goldenURL = folder.appendingPathComponent("expected.ir.txt")
        if ProcessInfo.processInfo.environment["MIGRATE_UPDATE_GOLDENS"] == "1" {
            try Data(actual.utf8).write(to: goldenURL)
            Issue.record(
                "rewrote \(caseName)/expected.ir.txt: review it against input.xml, then run without MIGRATE_UPDATE_GOLDENS"
            )
            return
        }
        guard let expectedData = FileManager.default.contents(atPath: goldenURL.path) else {
            Issue.record(
                "missing golden \(caseName)/expected.ir.txt (run with MIGRATE_UPDATE_GOLDENS=1, then review it)")
            return
        }
        let expected = String(decoding: expectedData, as: UTF8.self)
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(a, e)).firstIndex { $0 != $1 } ?? min(a.count, e.count)
            Issue.record(
                """
                \(caseName)/expected.ir.txt differs at line \(line + 1):
                  expected: \(line < e.count ? String(e[line]) : "<end>")
                  actual:   \(line < a.count ? String(a[line]) : "<end>")
                """)
        }
    }
}
