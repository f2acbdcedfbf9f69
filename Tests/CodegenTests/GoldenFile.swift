import Foundation
import Testing

/// Golden files under Tests/Fixtures/yaml. With MIGRATE_UPDATE_GOLDENS=1 a check rewrites the file
/// and still records a failure, so a recording run never passes.
enum GoldenFile {
    /// Tests/Fixtures/yaml.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/yaml")

    static var updating: Bool { ProcessInfo.processInfo.environment["MIGRATE_UPDATE_GOLDENS"] == "1" }

    /// The text of a fixture file, or nil (with a recorded issue) when it is missing.
    static func read(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let url = folder.appendingPathComponent(relative)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing fixture \(relative)", sourceLocation: sourceLocation)
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Compares `actual` with the golden file, pointing at the first differing line.
    static func check(_ actual: String, _ relative: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(relative)
        if updating {
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            Issue.record(
                "rewrote golden \(relative): review it, then run again without MIGRATE_UPDATE_GOLDENS",
                sourceLocation: sourceLocation)
            return
        }
        guard let expected = read(relative, sourceLocation: sourceLocation) else { return }
        guard actual != expected else { return }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = Array(zip(a, e)).firstIndex { $0 != $1 } ?? min(a.count, e.count)
        let got = line < a.count ? String(a[line]) : "<end>"
        let want = line < e.count ? String(e[line]) : "<end>"
        Issue.record(
            "\(relative) differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)",
            sourceLocation: sourceLocation)
    }
}
