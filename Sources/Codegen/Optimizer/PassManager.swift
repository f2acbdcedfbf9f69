import Foundation
import IR

/// Runs the optimizer passes in their fixed order, each one followed by IR verification and a
/// check that the pipeline's output schema (every target's ports) did not change; a pass whose
/// result fails either check is undone and reported (CG3001), so the optimizer can only ever
/// return a valid pipeline with the same targets.
public struct PassManager: Sendable {
    /// Every pass, in the order they run.
    public static let standard: [any PipelinePass] = [
        FoldConstants(), MergeFilters(), PushDownFilters(), LookupToJoin(), PruneUnusedPorts(), MergeProjections(),
    ]

    /// The passes, in order (``standard`` unless a test gives others).
    public var passes: [any PipelinePass]
    /// The names of the passes not to run.
    public var disabled: Set<String>
    /// The names of the passes after which to keep a text dump of the pipeline.
    public var dumpAfter: Set<String>

    /// Creates a manager; names must be those of ``standard`` (see ``validate(_:)``).
    public init(
        disabled: Set<String> = [], dumpAfter: Set<String> = [], passes: [any PipelinePass] = PassManager.standard
    ) {
        self.passes = passes
        self.disabled = disabled
        self.dumpAfter = dumpAfter
    }

    /// A diagnostic for each name that is not a pass.
    public static func validate(_ names: some Sequence<String>) -> [Diagnostic] {
        let known = standard.map(\.name)
        return names.filter { !known.contains($0) }.map { name in
            OptimizerDiagnostics.unknownPass(
                "'\(name)' is not an optimizer pass", at: SourceLocation(file: "<arguments>"),
                fix: "use one of: \(known.joined(separator: ", "))")
        }
    }

    /// What running the passes gave.
    public struct Outcome: Sendable {
        /// The optimized pipeline.
        public var pipeline: Pipeline
        /// Notes on what each pass changed, and warnings for passes that were undone.
        public var diagnostics: [Diagnostic]
        /// Each pass run, with its time in seconds.
        public var timings: [(pass: String, seconds: Double)]
        /// The text dumps asked for, by pass name.
        public var dumps: [(pass: String, text: String)]
    }

    /// Runs the enabled passes over `pipeline`.
    public func run(_ pipeline: Pipeline) -> Outcome {
        var outcome = Outcome(pipeline: pipeline, diagnostics: [], timings: [], dumps: [])
        let schema = Self.outputSchema(pipeline)
        var expressions = ParsedExpressions()
        // Whether the current pipeline verified without any error: then a pass's result is
        // verified by what its change can affect alone.
        var verifiedErrorFree = false
        for pass in passes where !disabled.contains(pass.name) {
            let start = Date()
            var notes: [Diagnostic] = []
            let rewritten = pass.run(outcome.pipeline, expressions: &expressions, notes: &notes)
            // A pass that changed nothing needs no verification.
            var problem: String?
            if rewritten != outcome.pipeline {
                let errors = Self.errors(in: rewritten, from: outcome.pipeline, previousErrorFree: verifiedErrorFree)
                problem = errors.first?.message
                if problem == nil && Self.outputSchema(rewritten) != schema { problem = "the targets' ports changed" }
                if problem == nil { verifiedErrorFree = true }
            }
            if let problem {
                outcome.diagnostics.append(
                    OptimizerDiagnostics.passRejected(
                        "pass '\(pass.name)' was undone: \(problem)", at: pipeline.provenance.location,
                        path: pipeline.provenance.path,
                        fix: "run with --disable-pass \(pass.name) and report the pipeline"))
            } else {
                outcome.pipeline = rewritten
                outcome.diagnostics += notes
            }
            outcome.timings.append((pass.name, Date().timeIntervalSince(start)))
            if dumpAfter.contains(pass.name) { outcome.dumps.append((pass.name, TextDump.dump(outcome.pipeline))) }
        }
        return outcome
    }

    /// The errors ``PipelineVerifier`` finds in `rewritten`, a pass's result from `previous`:
    /// checking only what the pass changed when `previous` verified without any error (its
    /// warnings, such as a port fed a type it cannot take, do not make a pass's result unsafe).
    static func errors(in rewritten: Pipeline, from previous: Pipeline, previousErrorFree: Bool) -> [Diagnostic] {
        previousErrorFree
            ? PipelineVerifier.errors(in: rewritten, changedFrom: previous)
            : PipelineVerifier.verify(rewritten).filter { $0.severity == .error }
    }

    /// Every target's id and ports (names, types and roles), which no pass may change.
    static func outputSchema(_ pipeline: Pipeline) -> [String: [TargetPort]] {
        var schema: [String: [TargetPort]] = [:]
        for node in pipeline.nodes {
            guard case .target = node.op else { continue }
            schema[node.id] = node.ports.map { TargetPort(name: $0.name, type: $0.type, roles: $0.roles.rawValue) }
        }
        return schema
    }

    /// What no pass may change about a target's port.
    struct TargetPort: Equatable {
        let name: String
        let type: DataType
        let roles: UInt8
    }
}
