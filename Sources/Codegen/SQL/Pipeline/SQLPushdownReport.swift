import IR

/// How much of a pipeline runs as SQL: per target load path, pushed down or not, and why not.
public struct SQLPushdownReport: Hashable, Sendable {
    /// Whether the pipeline's target loads are all, some or none pushed down.
    public enum Status: String, Hashable, Sendable {
        /// Every target load is one SQL statement (or a few, for truncate-insert).
        case full
        /// Some target loads are SQL; the others stay in the runtime.
        case partial
        /// No target load is SQL.
        case none
    }

    /// A target load path that stays in the runtime, with the node that stops it.
    public struct NotPushedDown: Hashable, Sendable {
        /// The target instance.
        public var target: String
        /// The transformation that cannot be lowered.
        public var node: String
        /// Why, located at the node or the expression.
        public var diagnostic: Diagnostic

        /// Creates an entry.
        public init(target: String, node: String, diagnostic: Diagnostic) {
            self.target = target
            self.node = node
            self.diagnostic = diagnostic
        }
    }

    /// The pipeline's name.
    public var pipeline: String
    /// The targets pushed down, in pipeline order.
    public var pushedDown: [String]
    /// The targets not pushed down, in pipeline order.
    public var notPushedDown: [NotPushedDown]

    /// Creates a report.
    public init(pipeline: String, pushedDown: [String], notPushedDown: [NotPushedDown]) {
        self.pipeline = pipeline
        self.pushedDown = pushedDown
        self.notPushedDown = notPushedDown
    }

    /// Full when nothing stays in the runtime, none when nothing is pushed down (or there is no
    /// target), partial otherwise.
    public var status: Status {
        if notPushedDown.isEmpty { return pushedDown.isEmpty ? .none : .full }
        return pushedDown.isEmpty ? .none : .partial
    }

    /// The reasons, one per target not pushed down.
    public var diagnostics: [Diagnostic] { notPushedDown.map(\.diagnostic) }

    /// The distinct nodes that keep a target in the runtime, in order of first mention.
    public var nodesNotPushedDown: [String] {
        var seen: Set<String> = []
        return notPushedDown.map(\.node).filter { seen.insert($0).inserted }
    }
}
