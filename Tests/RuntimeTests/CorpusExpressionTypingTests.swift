import Foundation
import IR
import Importers
import Runtime
import Testing

/// Every expression of the real exports in `../shared/corpus/powercenter` parses and type checks in
/// the environment it is written in (issue 3). Every error is printed with its location and
/// counted; the ones the corpus itself is wrong about are listed below with the reason.
@Suite("Corpus expression typing")
struct CorpusExpressionTypingTests {
    /// `<repo>/../shared/corpus/powercenter`.
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/powercenter")
        .path

    static var corpusFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []
        return names.filter { $0.lowercased().hasSuffix(".xml") }.sorted().map { "\(corpus)/\($0)" }
    }

    /// Errors the corpus itself is responsible for: file, code, a fragment of the message, how many
    /// times it occurs, and why. Each must occur exactly that often (an entry that stops matching is stale).
    static let explained: [ExplainedTypingError] = [
        ExplainedTypingError(
            file: "ahmedtaha89__Informatica-PowerCenter-Tasks__Update_Strategy__m_ups_emp.XML", code: "IR0105",
            fragment: "unexpected character '.'", count: 1,
            reason: "hand-written, not exported: the update-strategy expression ISNULL(LKP_TGT_EMP.EMPLOYEE_ID) "
                + "names a port with a transformation prefix, which the language has no syntax for, and the "
                + "mapping has no transformation LKP_TGT_EMP (also listed in ExpressionCorpusTests)")
        // s_m_INCR_DM_DIM_EQUIPMENT.XML's 11 unconnected lookups flag no RETURN port; each has one
        // LOOKUP/OUTPUT port, which its 15 :LKP calls return (Node.lookupReturnPort, BELIEVED).
    ]

    @Test(
        "every corpus expression parses and type checks, or its error is explained",
        .enabled(if: !corpusFiles.isEmpty, "corpus folder ../shared/corpus/powercenter is absent: skipped"))
    func corpusExpressionsTypeCheck() {
        var total = ExpressionTypingReport()
        for file in Self.corpusFiles {
            let result = PowerCenterImporter().importFile(atPath: file)
            for pipeline in result.pipelines { total.add(PipelineExpressionTyping.report(pipeline)) }
            for workflow in result.workflows { total.add(PipelineExpressionTyping.report(workflow)) }
        }
        var unexplained: [Diagnostic] = []
        var used: [ExplainedTypingError: Int] = [:]
        for diagnostic in total.diagnostics where diagnostic.severity == .error {
            if let known = Self.explained.first(where: { $0.matches(diagnostic) }) {
                used[known, default: 0] += 1
                print("explained: \(diagnostic)\n  reason: \(known.reason)")
            } else {
                unexplained.append(diagnostic)
                print("UNEXPLAINED: \(diagnostic)\n  \(diagnostic.notes.joined(separator: "\n  "))")
            }
        }
        for diagnostic in total.diagnostics where diagnostic.severity == .warning { print("warning: \(diagnostic)") }
        print("Corpus expression typing summary\n\(total.summary.report())")
        #expect(total.summary.totalChecked > 1000)
        #expect(unexplained.count == 0, "unexplained type errors (printed above with their locations)")
        for known in Self.explained {
            #expect(
                used[known, default: 0] == known.count, "explained error occurs a different number of times: \(known)")
        }
    }
}

/// A type error in the corpus that is the corpus's fault, and why.
struct ExplainedTypingError: Hashable, CustomStringConvertible {
    var file: String
    var code: String
    var fragment: String
    var count: Int
    var reason: String

    func matches(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.location.file.hasSuffix(file) && diagnostic.code.rawValue == code
            && diagnostic.message.contains(fragment)
    }

    var description: String { "\(file): [\(code)] \(fragment) (\(reason))" }
}
