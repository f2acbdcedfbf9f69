import Foundation
import IR

/// One step of a run, as `--events json` prints it (one JSON object per line).
public struct RunEvent: Hashable, Sendable, Codable {
    /// `run-start`, `node-start`, `node-end`, `run-end`, `diagnostic`; workflows add task events.
    public var event: String
    /// The run's identifier.
    public var run: String
    /// The pipeline (mapping) or workflow.
    public var object: String
    /// The node or task, when the event concerns one.
    public var node: String?
    /// The node's kind (`source-query`, `target`...).
    public var kind: String?
    /// Counters at the end of a node or run.
    public var counters: NodeCounters?
    /// `succeeded` or `failed` at the end.
    public var status: String?
    /// A message (a diagnostic's text).
    public var message: String?
    /// Seconds since the run started.
    public var elapsed: Double

    /// Creates an event.
    public init(
        event: String, run: String, object: String, node: String? = nil, kind: String? = nil,
        counters: NodeCounters? = nil, status: String? = nil, message: String? = nil, elapsed: Double
    ) {
        self.event = event
        self.run = run
        self.object = object
        self.node = node
        self.kind = kind
        self.counters = counters
        self.status = status
        self.message = message
        self.elapsed = elapsed
    }

    /// The event as one line of JSON, keys in a fixed order.
    public var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self), let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
    }
}

/// How a pipeline run ended.
public struct PipelineRunResult: Hashable, Sendable {
    /// Whether every node ran and every target committed.
    public var succeeded: Bool
    /// The run's identifier.
    public var runID: String
    /// The counters of every node that ran, by node id.
    public var counters: [String: NodeCounters]
    /// The node that stopped the run, if one did.
    public var failedNode: String?
    /// Rows rejected or in error, over all nodes.
    public var rejected: Int
    /// Where the rejected rows were written, if anywhere.
    public var rejectFile: String?
    /// The nodes whose outputs came from checkpoints of an earlier attempt (`--resume`).
    public var resumedNodes: [String]
    /// Problems and remarks.
    public var diagnostics: [Diagnostic]
    /// Wall-clock seconds.
    public var seconds: Double
    /// The targets skipped because an earlier attempt of this run committed them.
    public var alreadyCommitted: [String]
}
