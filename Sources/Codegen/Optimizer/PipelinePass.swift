import IR

/// One optimizer pass: a rewrite of a pipeline that computes the same target rows (and the same
/// row errors) as its input. Passes are listed, in order, in ``PassManager/standard``.
public protocol PipelinePass: Sendable {
    /// The kebab-case name, also the key of `--disable-pass` and `--dump-ir-after`.
    var name: String { get }
    /// What the pass does, in one line.
    var summary: String { get }
    /// The rewritten pipeline, parsing expression texts through `expressions`, which the passes of
    /// one ``PassManager`` run share; `notes` receives what the pass changed, at the changed object.
    func run(_ pipeline: Pipeline, expressions: inout ParsedExpressions, notes: inout [Diagnostic]) -> Pipeline
}

extension PipelinePass {
    /// The pass on its own, parsing through a table of its own.
    public func run(_ pipeline: Pipeline, notes: inout [Diagnostic]) -> Pipeline {
        var expressions = ParsedExpressions()
        return run(pipeline, expressions: &expressions, notes: &notes)
    }
}

/// The problems and notes of the optimizer (codes CG3000–CG3019).
public enum OptimizerDiagnostics {
    /// A pass changed something (a note at the changed object).
    public static let rewritten = DiagnosticDescriptor("CG3000", .note, "an optimizer pass rewrote the pipeline")
    /// A pass's output failed verification or changed the output schema; its result was discarded.
    public static let passRejected = DiagnosticDescriptor(
        "CG3001", .warning, "an optimizer pass produced an invalid pipeline and was undone")
    /// `--disable-pass` or `--dump-ir-after` named no pass.
    public static let unknownPass = DiagnosticDescriptor("CG3002", .error, "no optimizer pass has this name")

    /// Every descriptor, sorted by code.
    public static let all: [DiagnosticDescriptor] = [rewritten, passRejected, unknownPass]
}
