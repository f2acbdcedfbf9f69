import IR
import Importers

/// Paths and helpers shared by the XML reader tests.
enum XMLReaderTestSupport {
    /// The package root, found from this file's path (`<root>/Tests/ImportersTests/<file>`).
    static let packageRoot: String = {
        var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return components.joined(separator: "/")
    }()

    /// The hostile fixture `name` under Tests/Fixtures/xml/hostile.
    static func hostile(_ name: String) -> String {
        packageRoot + "/Tests/Fixtures/xml/hostile/" + name
    }

    /// The PowerCenter corpus folder beside the repository (`../shared/corpus/powercenter`).
    static let corpusFolder = packageRoot + "/../shared/corpus/powercenter"

    /// Reads `text` (as UTF-8 bytes) with the hardened reader.
    static func read(_ text: String, expectedRoot: String? = nil) -> XMLReadResult {
        HardenedXMLReader.read(bytes: Array(text.utf8), file: "test.xml", expectedRoot: expectedRoot)
    }

    /// Every attribute value and text in the tree, for leak checks.
    static func allText(_ node: XMLElementNode?) -> [String] {
        guard let node else { return [] }
        var texts = node.attributes.map(\.value)
        if let text = node.text { texts.append(text) }
        for child in node.children { texts += allText(child) }
        return texts
    }

    /// The error diagnostics' codes, in order.
    static func errorCodes(_ result: XMLReadResult) -> [String] {
        result.diagnostics.filter { $0.severity == .error }.map(\.code.rawValue)
    }

    /// Runs `body` and returns its result with the wall time it took, in seconds.
    static func timed<T>(_ body: () -> T) -> (T, Double) {
        let clock = ContinuousClock()
        var value: T?
        let duration = clock.measure { value = body() }
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return (value!, seconds)
    }
}
