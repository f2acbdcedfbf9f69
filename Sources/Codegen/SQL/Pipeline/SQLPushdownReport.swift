import IR

/// How much of a pipeline runs as SQL: per target load path, pushed down or not, and why not.
public struct SQLPushdownReport: Hashable, Sendable {
    /// Whether the pipeline's target loads are all, some or none pushed down.
    public enum Status: String, Hashable, Sendable {
        /// Every target load is one SQL statement (or a few, for truncate-insert).
        case full
        /// Some target loads are SQL and the others stay in the runtime, or the runtime does a step
        /// around the SQL (stages a flat-file source, writes a flat-file target).
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

    /// A step the runtime does around the SQL of targets pushed down.
    public struct RuntimeStep: Hashable, Sendable {
        /// What the runtime does.
        public enum Kind: String, Hashable, Sendable {
            /// Reads a flat-file source with its own reader into a staging table the SQL reads.
            case stageSource = "stage-source"
            /// Writes the rows the SQL returns to a flat-file target with its own writer.
            case writeFile = "write-file"
        }

        /// What the runtime does.
        public var kind: Kind
        /// The source or target instance.
        public var node: String
        /// The staging table or the file, as the note names it.
        public var object: String
        /// A note located at the source or target, naming the table or the file.
        public var diagnostic: Diagnostic

        /// Creates a step.
        public init(kind: Kind, node: String, object: String, diagnostic: Diagnostic) {
            self.kind = kind
            self.node = node
            self.object = object
            self.diagnostic = diagnostic
        }
    }

    /// The pipeline's name.
    public var pipeline: String
    /// The targets pushed down, in pipeline order.
    public var pushedDown: [String]
    /// The targets not pushed down, in pipeline order.
    public var notPushedDown: [NotPushedDown]
    /// The runtime's steps around the SQL of the targets pushed down (staging, file writes).
    public var runtimeSteps: [RuntimeStep]
    /// One warning (CG2090) per SQL text from the export that the pushed-down SQL holds verbatim
    /// (SQL overrides, source filters, user-defined joins): trusted text, not translated.
    public var verbatimTexts: [Diagnostic] = []
    /// One note (CG2091) per target pushed down whose statements leave out rows with NULL in a
    /// column the target declares NOT NULL, which PowerCenter's database rejects one by one.
    public var leftOutRows: [Diagnostic] = []

    /// Creates a report.
    public init(
        pipeline: String, pushedDown: [String], notPushedDown: [NotPushedDown], runtimeSteps: [RuntimeStep] = []
    ) {
        self.pipeline = pipeline
        self.pushedDown = pushedDown
        self.notPushedDown = notPushedDown
        self.runtimeSteps = runtimeSteps
    }

    /// Full when nothing stays in the runtime and the runtime does no step around the SQL, none
    /// when nothing is pushed down (or there is no target), partial otherwise.
    public var status: Status {
        if pushedDown.isEmpty { return .none }
        return notPushedDown.isEmpty && runtimeSteps.isEmpty ? .full : .partial
    }

    /// The reasons, one per target not pushed down.
    public var diagnostics: [Diagnostic] { notPushedDown.map(\.diagnostic) }

    /// The notes of the runtime's steps, one per staged source and file written, then those of
    /// the SQL texts emitted verbatim, then those of the rows left out.
    public var notes: [Diagnostic] { runtimeSteps.map(\.diagnostic) + verbatimTexts + leftOutRows }

    /// The distinct nodes that keep a target in the runtime, in order of first mention.
    public var nodesNotPushedDown: [String] {
        var seen: Set<String> = []
        return notPushedDown.map(\.node).filter { seen.insert($0).inserted }
    }
}
