import Foundation
import IR

/// The rows one node handled in a run.
public struct NodeCounters: Hashable, Sendable, Codable {
    /// Rows that entered the node (read, for a source).
    public var rowsIn = 0
    /// Rows the node passed on (written, for a target).
    public var rowsOut = 0
    /// Rows the node dropped as errors or rejected.
    public var rowsRejected = 0
    /// Target rows inserted.
    public var inserted = 0
    /// Target rows updated.
    public var updated = 0
    /// Target rows deleted.
    public var deleted = 0
    /// Seconds spent in the node.
    public var seconds = 0.0

    /// Creates zero counters.
    public init() {}

    private enum CodingKeys: String, CodingKey {
        case rowsIn = "rows_in", rowsOut = "rows_out", rowsRejected = "rows_rejected", inserted, updated, deleted
        case seconds
    }
}

/// One rejected or failed row: where, why, and its values.
public struct RejectedRow: Hashable, Sendable {
    /// The node that rejected it.
    public var node: String
    /// The row error's code.
    public var code: String
    /// Why.
    public var reason: String
    /// The row's kind when rejected (the reject file's row indicator).
    public var kind: RowKind
    /// The row's values (the node's input).
    public var values: [Value]
}

/// The state shared by the nodes of one pipeline run.
final class RunContext {
    var settings: EvaluationSettings
    var state: EvaluationState
    let parameters: [String: Value]
    let session: SessionSpec?
    /// The session's "Treat source rows as" (``RowKindDefault/treatingRows(of:under:)``).
    let treatRowsAs: RowKindDefault
    let resources: RunResources
    var counters: [String: NodeCounters] = [:]
    var rejected: [RejectedRow] = []
    var rejectedCount = 0
    /// Row errors (transformation errors, refused and disallowed target rows), for "Stop on errors".
    var errorCount = 0
    var diagnostics: [Diagnostic] = []
    let keepRejected: Int

    init(
        settings: EvaluationSettings, state: EvaluationState, parameters: [String: Value], session: SessionSpec?,
        treatRowsAs: RowKindDefault, resources: RunResources, keepRejected: Int = 100_000
    ) {
        self.settings = settings
        self.state = state
        self.parameters = parameters
        self.session = session
        self.treatRowsAs = treatRowsAs
        self.resources = resources
        self.keepRejected = keepRejected
    }

    /// Records a rejected row of `node`; a row the update strategy rejected (`isError` false) is
    /// written to the reject file but is not an error for "Stop on errors".
    func reject(_ node: String, _ error: RowError, kind: RowKind, values: [Value], isError: Bool = true) {
        counters[node, default: NodeCounters()].rowsRejected += 1
        rejectedCount += 1
        if isError { errorCount += 1 }
        if rejected.count < keepRejected {
            rejected.append(
                RejectedRow(node: node, code: error.code, reason: error.message, kind: kind, values: values))
        }
    }

    /// The session's settings of `node` (connection, attributes), if any.
    func settings(of node: String) -> NodeSettings? {
        session?.nodes.first { $0.node == node }
    }

    /// The value of attribute `name` of `node`: the session's when set, else the node's own.
    func attribute(_ name: String, of node: Node) -> String? {
        if let value = settings(of: node.id)?.attributes.first(where: { $0.name == name })?.value { return value }
        return node.attributes.first { $0.name == name }?.value
    }

    /// `text` with `$$NAME` and `$NAME` parameters replaced by their values (reference §2.1:
    /// textual substitution in SQL and filters).
    func substitute(_ text: String) -> String {
        guard text.contains("$") else { return text }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == "$" else {
                result.append(text[index])
                index = text.index(after: index)
                continue
            }
            var end = index
            while end < text.endIndex, text[end] == "$" { end = text.index(after: end) }
            let nameStart = end
            while end < text.endIndex, text[end].isLetter || text[end].isNumber || text[end] == "_" {
                end = text.index(after: end)
            }
            let name = String(text[nameStart..<end])
            if !name.isEmpty, let value = parameterValue(name) {
                result += value
            } else {
                result += text[index..<end]
            }
            index = end
        }
        return result
    }

    private func parameterValue(_ name: String) -> String? {
        let key = name.uppercased()
        for (parameter, value) in parameters {
            var bare = parameter.uppercased()
            while bare.hasPrefix("$") { bare.removeFirst() }
            guard bare == key else { continue }
            return ValueText.plain(value)
        }
        return nil
    }
}

/// Values as plain text (reject files, substitution).
enum ValueText {
    static func plain(_ value: Value) -> String {
        switch value {
        case .null: ""
        case .integer(let v): String(v)
        case .decimal(let v): SQLiteValueText.text(of: v)
        case .double(let v): "\(v)"
        case .string(let v): v
        case .dateTime(let v): SQLiteValueText.text(of: v)
        case .binary(let v): v.map { String(format: "%02X", $0) }.joined()
        }
    }
}
