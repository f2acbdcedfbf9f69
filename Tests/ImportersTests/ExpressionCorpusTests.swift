import Foundation
import IR
import Importers
import Testing

/// Every expression of the real exports in `../shared/corpus/powercenter` parses without a
/// diagnostic and survives the print → parse → print round trip. Prints a summary for review.
@Suite("Expression corpus")
struct ExpressionCorpusTests {
    /// `<repo>/../shared/corpus/powercenter`.
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/powercenter")
        .path

    static var corpusFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []
        return names.filter { $0.lowercased().hasSuffix(".xml") }.sorted().map { "\(corpus)/\($0)" }
    }

    /// Corpus expressions that are genuinely not valid PowerCenter: file, a fragment of the text,
    /// and the reason. Each must still fail to parse (an entry that starts parsing is stale).
    static let knownInvalid: [KnownInvalidExpression] = [
        KnownInvalidExpression(
            file: "ahmedtaha89__Informatica-PowerCenter-Tasks__Update_Strategy__m_ups_emp.XML",
            fragment: "ISNULL(LKP_TGT_EMP.EMPLOYEE_ID)",
            reason: "hand-written, not exported: a port is named with a transformation prefix "
                + "('LKP_TGT_EMP.EMPLOYEE_ID'), which the language has no syntax for, and the mapping has "
                + "no transformation LKP_TGT_EMP")
    ]

    @Test(
        "every corpus expression parses and round-trips through the canonical printer",
        .enabled(if: !corpusFiles.isEmpty, "corpus folder ../shared/corpus/powercenter is absent: skipped"))
    func corpusExpressionsParse() {
        var summary = ExpressionCorpusSummary()
        for file in Self.corpusFiles {
            let result = PowerCenterImporter().importFile(atPath: file)
            for source in CorpusExpressionCollector.sources(in: result) {
                summary.check(source, file: (file as NSString).lastPathComponent, knownInvalid: Self.knownInvalid)
            }
        }
        print(summary.report())
        #expect(summary.parsed > 0)
        #expect(
            summary.unexplained.isEmpty,
            "\(summary.unexplained.count) unexplained failures:\n\(summary.unexplained.prefix(30).joined(separator: "\n"))"
        )
        #expect(summary.roundTripFailures.isEmpty, "\(summary.roundTripFailures.prefix(30).joined(separator: "\n"))")
        let stale = Self.knownInvalid.filter { !summary.explained.contains($0) }
        #expect(stale.isEmpty, "known-invalid entries that no longer fail: \(stale)")
    }
}

/// A corpus expression that is not valid PowerCenter, and why.
struct KnownInvalidExpression: Hashable, CustomStringConvertible {
    var file: String
    var fragment: String
    var reason: String

    func matches(_ text: String, file: String) -> Bool { self.file == file && text.contains(fragment) }
    var description: String { "\(file): \(fragment) (\(reason))" }
}

/// Finds every expression text an import result holds, with where it came from.
enum CorpusExpressionCollector {
    /// Port expressions and default values, node conditions, link and decision conditions.
    static func sources(in result: ImportResult) -> [ExpressionSource] {
        var sources: [ExpressionSource] = []
        func add(_ expression: ScalarExpression?, _ provenance: Provenance, _ what: String) {
            guard let expression else { return }
            sources.append(
                ExpressionSource(
                    expression.text, path: provenance.path.appending("EXPRESSION", what),
                    location: provenance.location))
        }
        for pipeline in result.pipelines {
            for node in pipeline.nodes {
                for port in node.ports {
                    add(port.expression, port.provenance, "expression")
                    add(port.defaultValue, port.provenance, "default")
                }
                for (condition, what) in conditions(of: node.op) { add(condition, node.provenance, what) }
            }
        }
        for workflow in result.workflows { collect(workflow, into: &sources) }
        return sources
    }

    static func conditions(of op: Operator) -> [(ScalarExpression?, String)] {
        switch op {
        case .filter(let spec): [(spec.condition, "filter")]
        case .join(let spec): [(spec.condition, "join")]
        case .lookup(let spec): [(spec.condition, "lookup")]
        case .route(let spec): spec.groups.map { ($0.condition, "group \($0.name)") }
        case .setRowKind(let spec): [(spec.expression, "row-kind")]
        case .transactionControl(let spec): [(spec.condition, "transaction-control")]
        default: []
        }
    }

    static func collect(_ workflow: Workflow, into sources: inout [ExpressionSource]) {
        for link in workflow.links {
            guard let condition = link.condition else { continue }
            sources.append(
                ExpressionSource(
                    condition.text, path: link.provenance.path.appending("EXPRESSION", "link"),
                    location: link.provenance.location))
        }
        for task in workflow.tasks {
            switch task.kind {
            case .decision(let condition?):
                sources.append(
                    ExpressionSource(
                        condition.text, path: task.provenance.path.appending("EXPRESSION", "decision"),
                        location: task.provenance.location))
            case .worklet(let inner): collect(inner, into: &sources)
            default: break
            }
        }
    }
}

/// Counts and failures over the corpus.
struct ExpressionCorpusSummary {
    var parsed = 0
    var blank = 0
    var byOrigin: [String: Int] = [:]
    var functions: [String: Int] = [:]
    var externals: [String: Int] = [:]
    var unexplained: [String] = []
    var explained: Set<KnownInvalidExpression> = []
    var roundTripFailures: [String] = []

    mutating func check(_ source: ExpressionSource, file: String, knownInvalid: [KnownInvalidExpression]) {
        // An empty attribute means "no expression" (a pass-through or no default), not an error.
        if source.text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            blank += 1
            return
        }
        parsed += 1
        byOrigin[String(source.path.segments.last?.name.split(separator: " ").first ?? "?"), default: 0] += 1
        let (expression, diagnostics) = ExpressionParser.parse(source)
        if !diagnostics.isEmpty {
            if let known = knownInvalid.first(where: { $0.matches(source.text, file: file) }) {
                explained.insert(known)
                print("known invalid: \(known)\n  \(diagnostics.map(\.description).joined(separator: "\n  "))")
            } else {
                for diagnostic in diagnostics {
                    unexplained.append("\(file): \(diagnostic) \(diagnostic.notes.joined(separator: " | "))")
                }
            }
            return
        }
        count(expression)
        let printed = ExpressionPrinter.canonical(expression)
        let (reparsed, problems) = ExpressionParser.parse(ExpressionSource(printed))
        if !problems.isEmpty || !reparsed.isStructurallyEqual(to: expression)
            || ExpressionPrinter.canonical(reparsed) != printed
        {
            roundTripFailures.append("\(file) \(source.path): \(source.text) → \(printed)")
        }
    }

    mutating func count(_ e: Expr) {
        var stack = [e]
        while let node = stack.popLast() {
            if case .call(let name, _) = node.kind { functions[name, default: 0] += 1 }
            if case .external(let kind, _, _) = node.kind { externals[":\(kind.rawValue)", default: 0] += 1 }
            stack.append(contentsOf: node.children)
        }
    }

    func report() -> String {
        """
        Expression corpus summary
          expressions parsed: \(parsed) (blank, skipped: \(blank)); failures: \(unexplained.count) unexplained, \(explained.count) known invalid
          by origin: \(byOrigin.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
          round-trip failures: \(roundTripFailures.count)
          distinct functions seen: \(functions.count)
            \(functions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
          external calls: \(externals.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        """
    }
}
