import IR

/// The import check that parses and type-checks every expression of every pipeline and workflow
/// in its context (``PipelineExpressionTyping``), so that expression
/// errors and conversions appear in the conversion report and as notes on the converted objects.
public struct ExpressionTypingCheck: ImportCheck {
    /// Whether decimals keep 28 digits ("Enable high precision"); off by default, as in PowerCenter.
    public var highPrecision: Bool

    /// Creates the check.
    public init(highPrecision: Bool = false) {
        self.highPrecision = highPrecision
    }

    /// The typing diagnostics of every pipeline and workflow of `result`.
    public func check(_ result: ImportResult) -> [Diagnostic] {
        result.pipelines.flatMap { PipelineExpressionTyping.check($0, highPrecision: highPrecision) }
            + result.workflows.flatMap { PipelineExpressionTyping.check($0) }
    }
}
