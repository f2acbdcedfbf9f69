import Foundation
import IR
import Testing

@testable import Importers

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Builds ``XMLElementNode`` trees with Foundation's XMLParser, for the workflow translator tests.
///
/// Attributes are sorted by name (PowerCenter exports write them that way; XMLParser hands them over
/// in a dictionary). Lines come from `parser.lineNumber` at the start tag, which is exact for start
/// tags written on one line; columns are left 0 (unknown).
final class PCWorkflowTestTreeBuilder: NSObject, XMLParserDelegate {
    private var stack: [XMLElementNode] = []
    private(set) var root: XMLElementNode?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        let attributes = attributeDict.sorted { $0.key < $1.key }.map { XMLAttribute(name: $0.key, value: $0.value) }
        stack.append(XMLElementNode(name: elementName, attributes: attributes, line: parser.lineNumber))
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        let element = stack.removeLast()
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }

    /// Parses `data`; nil when the text is not well-formed XML.
    static func tree(from data: Data) -> XMLElementNode? {
        let parser = XMLParser(data: data)
        let builder = PCWorkflowTestTreeBuilder()
        parser.delegate = builder
        guard parser.parse() else { return nil }
        return builder.root
    }
}

/// What one run of the workflow translator over a file produced.
struct PCWorkflowTestOutcome {
    var workflows: [Workflow]
    var diagnostics: [Diagnostic]
    var inventory: [InventoryEntry]

    /// The workflow named `name`.
    func workflow(_ name: String) -> Workflow? { workflows.first { $0.name == name } }

    /// `code@line` of every diagnostic, in report order.
    var codesAndLines: [String] { diagnostics.sortedForReport().map { "\($0.code)@\($0.location.line)" } }

    /// The inventory entry of `kind`.
    func entry(_ kind: String) -> InventoryEntry? { inventory.first { $0.kind == kind } }
}

/// Fixture and corpus access for the workflow translator tests.
enum PowerCenterWorkflowTestSupport {
    /// The element kinds the workflow translator is responsible for.
    static let workflowKinds = ["SESSION", "WORKLET", "WORKFLOW", "TASK", "TASKINSTANCE", "WORKFLOWLINK"]

    /// `Tests/Fixtures/powercenter/workflows`.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/powercenter/workflows")

    /// `../shared/corpus/powercenter` seen from the repository root (searched upwards from this file).
    static var corpus: URL? {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("shared/corpus/powercenter")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    /// Translates every FOLDER of the fixture `name` (`<name>/input.xml`).
    static func fixture(_ name: String) throws -> PCWorkflowTestOutcome {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("\(name)/input.xml"))
        let root = try #require(PCWorkflowTestTreeBuilder.tree(from: data))
        return translate(root: root, file: "input.xml")
    }

    /// Registers `root` in a fresh context's ledger and translates each FOLDER below it.
    static func translate(root: XMLElementNode, file: String) -> PCWorkflowTestOutcome {
        var context = PCTranslationContext(file: file)
        context.ledger.register(tree: root)
        var workflows: [Workflow] = []
        for folder in folders(in: root) {
            let path = ObjectPath().appending("FOLDER", folder[attribute: "NAME"] ?? "")
            workflows += PCWorkflowTranslator.translate(folder: folder, folderPath: path, context: &context)
        }
        return PCWorkflowTestOutcome(
            workflows: workflows, diagnostics: context.diagnostics, inventory: context.ledger.entries(file: file))
    }

    private static func folders(in element: XMLElementNode) -> [XMLElementNode] {
        element.name == "FOLDER" ? [element] : element.children.flatMap { folders(in: $0) }
    }
}

extension WorkflowTask {
    /// The session spec, when the task is a session.
    var session: SessionSpec? {
        if case .session(let spec) = kind { return spec }
        return nil
    }

    /// The nested workflow, when the task is a worklet.
    var worklet: Workflow? {
        if case .worklet(let workflow) = kind { return workflow }
        return nil
    }

    /// The value of the first attribute named `name`.
    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
}
