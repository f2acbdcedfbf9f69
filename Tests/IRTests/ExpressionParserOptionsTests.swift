import IR
import Testing

/// The `NOT` binding switch of ``ExpressionParser/Options`` (reference §3.2, BELIEVED).
@Suite struct ExpressionParserOptionsTests {
    @Test func notBindsTighterThanComparisonByDefault() {
        let (tree, diagnostics) = ExpressionParser.parse(ExpressionSource("NOT A = B"))
        #expect(diagnostics.isEmpty)
        guard case .binary(.equal, let left, _) = tree.kind, case .unary(.not, _) = left.kind else {
            Issue.record("expected (NOT A) = B, got \(tree.kind)")
            return
        }
    }

    @Test func notOverComparisonWhenSwitchedOff() {
        let options = ExpressionParser.Options(notBindsTighterThanComparison: false)
        let (tree, diagnostics) = ExpressionParser.parse(ExpressionSource("NOT A = B AND C"), options: options)
        #expect(diagnostics.isEmpty)
        // NOT (A = B) AND C: NOT's operand stops before AND.
        guard case .binary(.and, let left, _) = tree.kind, case .unary(.not, let operand) = left.kind,
            case .binary(.equal, _, _) = operand.kind
        else {
            Issue.record("expected (NOT (A = B)) AND C, got \(tree.kind)")
            return
        }
    }
}
