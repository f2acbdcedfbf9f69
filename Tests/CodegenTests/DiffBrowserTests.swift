import Codegen
import Foundation
import IR
import Testing

/// Opens the HTML and SVG renderings in headless Chromium: no console message (an inline script
/// error appears as "Uncaught …"), the script filled the side panel, every node is in the DOM, and the
/// screenshot is not a blank page. The PNGs stay in a temporary folder as artifacts (their paths are
/// printed). Skipped, with the reason shown, when `chromium` is not installed.
@Suite("Pipeline diff in headless Chromium", .serialized)
struct DiffBrowserTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static let artifacts: URL = FileManager.default.temporaryDirectory.appendingPathComponent("migrate-diff-browser")

    @Test(
        "the HTML page of a fixture runs without console errors and draws its DAG",
        .enabled(if: chromium != nil, "skipped: chromium is not installed (scripts/setup.sh installs it)"))
    func fixturePageOpensCleanly() throws {
        let report = try DiffFixtures.report("add_filter")
        try check(html: DiffHTMLRenderer.render(report), name: "add_filter", nodes: 9)
    }

    @Test(
        "the HTML page and SVG of a 200-node diff open without console errors",
        .enabled(if: chromium != nil, "skipped: chromium is not installed (scripts/setup.sh installs it)"))
    func largePageOpensCleanly() throws {
        let pair = DiffSyntheticPipelines.pair(nodes: 200)
        let report = DiffReport.compare(oldPipelines: [pair.old], newPipelines: [pair.new])
        #expect(report.hasChanges)
        let nodes = report.comparisons.first.map { DiffGraph($0).vertices.count } ?? 0
        #expect(nodes >= 200)
        try check(html: DiffHTMLRenderer.render(report), name: "synthetic200", nodes: nodes)
        let svg = DiffSVGRenderer.render(try #require(report.comparisons.first))
        let (log, dom) = try open(svg, name: "synthetic200.svg")
        #expect(!log.contains("CONSOLE"), "console output: \(log)")
        #expect(dom.components(separatedBy: "class=\"node ").count - 1 == nodes)
    }

    /// Opens `html`, checks the log, the DOM and the screenshot.
    func check(html: String, name: String, nodes: Int) throws {
        let (log, dom) = try open(html, name: name + ".html")
        #expect(!log.contains("CONSOLE"), "console output: \(log)")
        #expect(dom.contains("<div class=\"cols\">"), "the script did not fill the side panel")
        #expect(dom.components(separatedBy: "class=\"node ").count - 1 == nodes)
    }

    /// Writes `content`, takes a screenshot (checked to be more than a blank page) and dumps the DOM;
    /// returns Chromium's log and the DOM.
    func open(_ content: String, name: String) throws -> (log: String, dom: String) {
        try FileManager.default.createDirectory(at: Self.artifacts, withIntermediateDirectories: true)
        let page = Self.artifacts.appendingPathComponent(name)
        try Data(content.utf8).write(to: page)
        let png = Self.artifacts.appendingPathComponent(name + ".png")
        try? FileManager.default.removeItem(at: png)
        let shot = try run(["--screenshot=\(png.path)", "--window-size=1400,900", page.absoluteString])
        print("diff browser artifact: \(png.path)")
        let size = (try? FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
        // A one-colour 1400×900 PNG compresses to about 5 kB; a drawn DAG with text is far larger.
        #expect(size > 20_000, "the screenshot \(png.path) is \(size) bytes: nothing drawn?")
        let dump = try run(["--dump-dom", page.absoluteString])
        return (shot.log + dump.log, dump.output)
    }

    /// Runs Chromium headless with `arguments`; stops it after 90 seconds.
    func run(_ arguments: [String]) throws -> (output: String, log: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium ?? "chromium")
        process.arguments =
            ["--headless", "--disable-gpu", "--no-sandbox", "--enable-logging=stderr", "--v=0", "--hide-scrollbars"]
            + arguments
        let scratch = Self.artifacts.appendingPathComponent("run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        let err = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let output = String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self)
        let log = String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self)
        return (output, log.split(separator: "\n").filter { $0.contains("CONSOLE") }.joined(separator: "\n"))
    }
}
