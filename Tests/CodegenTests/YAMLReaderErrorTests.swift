import Foundation
import IR
import Testing

@testable import Codegen

/// One bad input and the diagnostic it must produce.
struct BadInput: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let code: String
    let line: Int
    let column: Int
    let message: String
    var testDescription: String { "\(code) \(name)" }
}

@Suite("Canonical YAML reader diagnostics")
struct YAMLReaderErrorTests {
    static let small: [BadInput] = [
        BadInput(
            name: "syntax", text: "a: b: c\n", code: "CG0001", line: 1, column: 5,
            message: "mapping values are not allowed"),
        BadInput(
            name: "anchor", text: "version: 1\npipeline: &p\n  name: x\nother: *p\n", code: "CG0002", line: 2,
            column: 11, message: "anchors and aliases"),
        BadInput(
            name: "tag", text: "version: 1\npipeline:\n  name: !!str x\n", code: "CG0003", line: 3, column: 9,
            message: "tag 'tag:yaml.org,2002:str' is not allowed"),
        BadInput(
            name: "merge key", text: "version: 1\npipeline:\n  <<: {name: x}\n", code: "CG0004", line: 3, column: 3,
            message: "merge keys"),
        BadInput(
            name: "duplicate key (Yams)", text: "version: 1\nversion: 1\n", code: "CG0005", line: 1, column: 1,
            message: "key 'version' appears more than once"),
        BadInput(
            name: "duplicate key (quoted)", text: "version: 1\n1: a\n\"1\": b\n", code: "CG0005", line: 3, column: 1,
            message: "key '1' appears more than once"),
        BadInput(
            name: "complex key", text: "version: 1\n? [a]\n: b\n", code: "CG0006", line: 2, column: 3,
            message: "not a mapping, sequence"),
        BadInput(
            name: "two documents", text: "version: 1\n---\nversion: 1\n", code: "CG0007", line: 2, column: 1,
            message: "more than one YAML document"),
        BadInput(name: "empty", text: "# nothing\n", code: "CG0008", line: 0, column: 0, message: "no YAML document"),
        BadInput(
            name: "no version", text: "pipeline:\n  name: x\n", code: "CG0010", line: 1, column: 1,
            message: "missing key 'version'"),
        BadInput(
            name: "version 2", text: "version: 2\npipeline: {}\n", code: "CG0011", line: 1, column: 10,
            message: "unsupported version 2"),
        BadInput(
            name: "neither kind", text: "version: 1\n", code: "CG0012", line: 1, column: 1,
            message: "neither of 'pipeline', 'workflow' and 'parameters'"),
        BadInput(
            name: "root is a list", text: "- a\n", code: "CG0012", line: 1, column: 1,
            message: "expected a mapping with 'version'"),
        BadInput(
            name: "top-level key", text: "version: 1\nworkflow: {}\nextra: 1\n", code: "CG0020", line: 3, column: 1,
            message: "unknown key 'extra' at the top"),
        BadInput(
            name: "version text", text: "version: one\npipeline: {}\n", code: "CG0023", line: 1, column: 10,
            message: "expected an integer for 'version'"),
        BadInput(
            name: "step kind", text: "pipeline:\n  source: {connection: c}\n  steps:\n    - name: x\n", code: "CG0030",
            line: 4, column: 7, message: "step 1 names no kind"),
        BadInput(
            name: "no connection", text: "source: {table: t}\n", code: "CG0031", line: 1, column: 9,
            message: "the source has no 'connector' or 'connection'"),
        BadInput(
            name: "setting not scalar", text: "pipeline:\n  source: {connection: c, options: [1]}\n", code: "CG0032",
            line: 2, column: 36, message: "setting 'options' is a sequence"),
        BadInput(
            name: "dataflow missing source", text: "pipeline:\n  name: p\n  steps: []\n", code: "CG0021", line: 2,
            column: 3, message: "missing key 'source' in pipeline 'p'"),
    ]

    @Test("each bad input gives its diagnostic at its position", arguments: small)
    func reportsAtPosition(_ bad: BadInput) {
        let (document, diagnostics) = CanonicalYAML.parse(bad.text, file: "bad.yaml")
        #expect(document == nil)
        let match = diagnostics.first { $0.code.rawValue == bad.code }
        #expect(match != nil, "no \(bad.code) among \(diagnostics.map(\.description))")
        guard let match else { return }
        #expect(match.location == IR.SourceLocation(file: "bad.yaml", line: bad.line, column: bad.column), "\(match)")
        #expect(match.message.contains(bad.message), "\(match.message)")
        #expect(match.severity == .error)
        #expect(match.fix != nil)
    }

    /// A golden file with one line replaced; the replacement must apply.
    static func golden(_ name: String, replacing old: String, with new: String) throws -> String {
        let text = try #require(GoldenFile.read("\(name)/expected.yaml"))
        let changed = text.replacingOccurrences(of: old, with: new)
        #expect(changed != text, "'\(old)' not found in \(name)")
        return changed
    }

    static func diagnostics(_ text: String) -> [Diagnostic] { CanonicalYAML.parse(text, file: "m.yaml").diagnostics }

    @Test("a misspelt key is unknown, with a suggestion, and the real key is missing")
    func misspeltKey() throws {
        let text = try Self.golden("pipeline-all-operators", replacing: "      options: {}", with: "      optons: {}")
        let found = Self.diagnostics(text)
        #expect(found.map(\.code.rawValue) == ["CG0021", "CG0020"])
        #expect(
            found.map(\.description) == [
                "m.yaml:109:7: error: [CG0021] missing key 'options' in node 'EXP_1' (in FOLDER[Sales]/MAPPLET[mplt_all]/TRANSFORMATION[EXP_1])",
                "m.yaml:111:7: error: [CG0020] unknown key 'optons' in node 'EXP_1' (in FOLDER[Sales]/MAPPLET[mplt_all]/TRANSFORMATION[EXP_1])",
            ])
        #expect(found.last?.fix == "correct it to 'options', or remove it")
    }

    @Test("a key the type knows but did not read is unknown (a payload of another task kind)")
    func unreadKnownKey() throws {
        let text = try Self.golden(
            "workflow-all-tasks", replacing: "      kind: email\n", with: "      kind: email\n      vendor_type: x\n")
        let found = Self.diagnostics(text)
        #expect(
            found.map(\.description) == [
                "m.yaml:108:7: error: [CG0020] unknown key 'vendor_type' in task 'email_done' (in FOLDER[Sales]/WORKFLOW[wf_all]/TASKINSTANCE[email_done])"
            ])
    }

    @Test("scalar errors name the field and the object, at the value")
    func scalarErrors() throws {
        let cases: [(String, String, String, String)] = [
            (
                "skip_rows: 1", "skip_rows: one", "CG0023",
                "m.yaml:49:22: error: [CG0023] expected a decimal integer for 'skip_rows', found 'one' in node 'SRC_CUSTOMERS'"
            ),
            (
                "distinct: true\n        pre_sql", "distinct: yes\n        pre_sql", "CG0023",
                "m.yaml:89:19: error: [CG0023] expected true or false for 'distinct', found 'yes' in node 'SQ_CUSTOMERS'"
            ),
            (
                "table: CUSTOMERS", "table: 123", "CG0023",
                "m.yaml:40:16: error: [CG0023] expected a string for 'table', found '123', which YAML may read as a number, boolean, date or null; quote it in node 'SRC_CUSTOMERS'"
            ),
            (
                "type: nstring(40)", "type: strin(20)", "CG0025",
                "m.yaml:310:17: error: [CG0025] 'strin(20)' is not a datatype (expected e.g. string(20), decimal(12,2), datetime(29,9)) in port 'NAME' of node 'SRT_1'"
            ),
            (
                "roles: [output, lookup, return]", "roles: [output, lokup, return]", "CG0025",
                "m.yaml:263:27: error: [CG0025] 'lokup' is not a port role (input, output, variable, lookup, return) in port 'VALUE' of node 'LKP_1'"
            ),
            (
                "kind: aggregate", "kind: agregate", "CG0025",
                "m.yaml:173:13: error: [CG0025] 'agregate' is not a node kind"
            ),
            (
                "  confidence: 0.92", "  confidence: 2", "CG0023",
                "m.yaml:12:15: error: [CG0023] expected a number between 0 and 1 for 'confidence', found '2' in pipeline 'mplt_all'"
            ),
            (
                "        scope: all-input", "        scope: [all-input]", "CG0022",
                "m.yaml:179:16: error: [CG0022] expected a string for 'scope', found a sequence in node 'AGG_1'"
            ),
            (
                "  name: mplt_all", "  name: ~", "CG0024",
                "m.yaml:3:9: error: [CG0024] expected a string for 'name', found null in pipeline"
            ),
        ]
        for (old, new, code, expected) in cases {
            let found = Self.diagnostics(try Self.golden("pipeline-all-operators", replacing: old, with: new))
            #expect(found.map(\.code.rawValue) == [code], "\(new): \(found.map(\.description))")
            #expect(
                found.first.map { $0.description.hasPrefix(expected) } == true, "\(found.first?.description ?? "none")")
        }
    }

    @Test("a wrong shape for a sequence names the field")
    func wrongShape() throws {
        let found = Self.diagnostics(try Self.golden("pipeline-empty", replacing: "nodes: []", with: "nodes: x"))
        #expect(
            found.map(\.description) == [
                "m.yaml:10:10: error: [CG0022] expected a sequence for 'nodes', found 'x' in pipeline 'm_empty' (in FOLDER[F]/MAPPING[m_empty])"
            ])
    }

    @Test("an error thrown by something other than the decoder is a decoding fault")
    func decodingFault() {
        struct Odd: Error {}
        let root = YAMLSourceNode(content: .mapping([]), line: 1, column: 1)
        let diagnostic = YAMLDecodingSession(file: "f.yaml", root: root).diagnostic(for: Odd())
        #expect(diagnostic.code.rawValue == "CG0026")
        #expect(diagnostic.location == IR.SourceLocation(file: "f.yaml", line: 1, column: 1))
    }

    @Test("a billion-laughs document is rejected quickly")
    func aliasBomb() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let items = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(items)]\n"
        }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let (document, diagnostics) = CanonicalYAML.parse(text, file: "bomb.yaml")
            #expect(document == nil)
            #expect(diagnostics.contains { $0.code.rawValue == "CG0002" })
        }
        #expect(elapsed < .seconds(5))
    }

    @Test("the catalog is sorted, unique, and in the CG0001–CG0099 range")
    func catalog() {
        let codes = YAMLDiagnostics.all.map(\.code.rawValue)
        #expect(codes == codes.sorted())
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.hasPrefix("CG00") && $0.count == 6 })
    }
}
