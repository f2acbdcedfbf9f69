import Foundation

/// The engines a pipeline can be verified on: the native runtime (the reference) and the SQL the
/// pipeline lowers to, run on embedded SQLite and on PostgreSQL.
public enum VerificationEngine: String, CaseIterable, Hashable, Sendable, Codable {
    /// The native runtime, PowerCenter's semantics: every other engine is compared with it.
    case native
    /// The SQLite SQL, on an embedded scratch database.
    case sqlite
    /// The PostgreSQL SQL, in a scratch schema of a real server.
    case postgres
}

/// What verifying one pipeline found: per target, the rows each engine wrote and how each SQL
/// engine's rows compare with the native ones; the targets not pushed down, with the node and
/// the reason; and a verdict.
public struct VerificationReport: Hashable, Sendable, Codable {
    /// The outcome.
    public enum Verdict: String, Hashable, Sendable, Codable {
        /// Every target was pushed down and every engine wrote the native rows.
        case agree
        /// Some targets stay in the runtime (named, with the reason); the others agree.
        case partial
        /// No target is pushed down (each named, with the reason).
        case notPushedDown = "not-pushed-down"
        /// An engine wrote other rows than the native run.
        case differ
        /// The native run or a SQL statement failed (and no target that ran differs).
        case failed
    }

    /// One target's rows on each engine.
    public struct Target: Hashable, Sendable, Codable {
        /// The target instance.
        public var target: String
        /// The table written.
        public var table: String
        /// The rows each engine wrote, by engine name.
        public var rows: [String: Int]
        /// Each SQL engine's rows against the native rows, by engine name.
        public var comparisons: [String: RowComparison]
        /// For a flat-file target: the file the runtime writes the SQL's rows to (the rows are
        /// compared before the writer, as the typed values it receives).
        public var file: String? = nil
    }

    /// A flat-file source, read by the runtime's flat-file reader for both the native run and the
    /// SQL's staging table.
    public struct FileSource: Hashable, Sendable, Codable {
        /// The source instance.
        public var source: String
        /// The file read.
        public var file: String
        /// The rows the reader kept.
        public var rows: Int
        /// The records it rejected.
        public var rejected: Int
        /// The first rejection (`line N: reason`), if any.
        public var firstRejection: String?
    }

    /// A target that stays in the runtime.
    public struct Refusal: Hashable, Sendable, Codable {
        /// The engine whose dialect refuses it.
        public var engine: String
        /// The target instance.
        public var target: String
        /// The node that cannot be lowered.
        public var node: String
        /// The diagnostic code.
        public var code: String
        /// Why.
        public var message: String
        /// Where (`file:line:column`).
        public var location: String
    }

    /// The pipeline.
    public var pipeline: String
    /// The engines run, in order.
    public var engines: [String]
    /// Synthetic rows per source table.
    public var rowsPerSource: Int
    /// The seed of the synthetic data.
    public var seed: UInt64
    /// The folder of CSV files run on instead of synthetic data, if any.
    public var dataFolder: String?
    /// The flat-file sources, as the reader read them.
    public var fileSources: [FileSource] = []
    /// The targets pushed down, with their rows.
    public var targets: [Target] = []
    /// The targets not pushed down.
    public var notPushedDown: [Refusal] = []
    /// What failed (a native run, a statement), with the engine.
    public var problems: [String] = []
    /// The outcome.
    public var verdict: Verdict = .agree

    /// Sets ``verdict`` from the targets, refusals and problems. Rows that differ outrank a failure:
    /// a statement that fails is seen, a target that another statement wrote wrongly is not.
    public mutating func decide() {
        if targets.contains(where: { $0.comparisons.values.contains { !$0.isEqual } }) {
            verdict = .differ
        } else if !problems.isEmpty {
            verdict = .failed
        } else if targets.isEmpty && !notPushedDown.isEmpty {
            verdict = .notPushedDown
        } else {
            verdict = notPushedDown.isEmpty ? .agree : .partial
        }
    }

    /// The report as a reviewer reads it: the verdict, each target's rows per engine, the first
    /// differing rows, and each target not pushed down with the node and the reason.
    public var text: String {
        var lines = [
            "\(pipeline): \(verdict.rawValue.uppercased()) (\(engines.joined(separator: ", ")); "
                + (dataFolder.map { "data from \($0))" } ?? "\(rowsPerSource) rows per source, seed \(seed))")
        ]
        for source in fileSources {
            lines.append(
                "  source \(source.source): file '\(source.file)' read by the flat-file reader: \(source.rows) rows, "
                    + "\(source.rejected) rejected" + (source.firstRejection.map { " (first: \($0))" } ?? ""))
        }
        for target in targets {
            let counts = engines.compactMap { engine in target.rows[engine].map { "\(engine) \($0)" } }
            let equal = target.comparisons.values.allSatisfy(\.isEqual)
            let place = target.file.map { "flat file '\($0)', rows before the writer" } ?? target.table
            lines.append(
                "  \(target.target) (\(place)): \(counts.joined(separator: ", ")) rows, \(equal ? "equal" : "DIFFERENT")"
            )
            for engine in engines {
                guard let comparison = target.comparisons[engine], !comparison.isEqual else { continue }
                lines.append(
                    "    \(engine): \(comparison.missing) native rows missing, \(comparison.extra) extra rows")
                lines += comparison.missingSamples.prefix(5).map {
                    "      missing: (" + $0.joined(separator: ", ") + ")"
                }
                lines += comparison.extraSamples.prefix(5).map { "      extra:   (" + $0.joined(separator: ", ") + ")" }
            }
        }
        for refusal in notPushedDown {
            lines.append(
                "  \(refusal.target): not pushed down to \(refusal.engine) at node '\(refusal.node)': "
                    + "[\(refusal.code)] \(refusal.message) (\(refusal.location))")
        }
        lines += problems.map { "  problem: \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as JSON (keys sorted).
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
