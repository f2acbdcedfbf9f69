/// What reconciling a legacy table with its migrated copy found: schema differences, row counts,
/// per-column aggregates and checksums, and the rows that are missing, extra or different.
public struct ReconcileReport: Hashable, Sendable, Codable {
    /// One table as read.
    public struct Side: Hashable, Sendable, Codable {
        /// The connection name (or SQLite file) the table was read from.
        public var connection: String
        /// The table, schema-qualified when it was given so.
        public var table: String
        /// The number of rows.
        public var rows: Int
        /// The columns as the database declares them.
        public var columns: [DatabaseColumn]
    }

    /// A difference between the two tables' columns.
    public struct SchemaDifference: Hashable, Sendable, Codable {
        /// `only-in-source`, `only-in-target` or `type-differs`.
        public var kind: String
        /// The column.
        public var column: String
        /// The source's declared type, when the source has the column.
        public var source: String?
        /// The target's declared type, when the target has the column.
        public var target: String?
    }

    /// The aggregates of one column on both sides.
    public struct ColumnComparison: Hashable, Sendable, Codable {
        /// The column.
        public var column: String
        /// What both sides are compared as.
        public var kind: DatabaseColumn.ValueKind
        /// The source's aggregates.
        public var source: ColumnProfile
        /// The target's aggregates.
        public var target: ColumnProfile

        /// Whether every aggregate agrees.
        public var agrees: Bool { source == target }
    }

    /// The outcome.
    public enum Verdict: String, Hashable, Sendable, Codable {
        /// Every row matched.
        case match
        /// Some rows differ, no more than the threshold allows.
        case withinThreshold = "within-threshold"
        /// More rows differ than the threshold allows.
        case differs
    }

    /// The legacy table.
    public var source: Side
    /// The migrated table.
    public var target: Side
    /// Where the key came from: `--keys`, `primary key`, or `none` (whole rows as multisets).
    public var keySource: String
    /// The column differences.
    public var schema: [SchemaDifference]
    /// The aggregates of the columns both tables have.
    public var columns: [ColumnComparison]
    /// The row comparison.
    public var rows: RowComparison
    /// The largest fraction of differing rows still accepted.
    public var threshold: Double

    /// The outcome (see ``decide()``).
    public var verdict: Verdict = .match

    /// The fraction of rows that differ, of the larger table.
    public var differingFraction: Double {
        let base = max(source.rows, target.rows)
        return base == 0 ? 0 : Double(rows.differing) / Double(base)
    }

    /// Sets ``verdict`` from the rows: a match when every row matched, within the threshold when
    /// the differing fraction is no more than ``threshold``.
    public mutating func decide() {
        if rows.isEqual {
            verdict = .match
        } else {
            verdict = differingFraction <= threshold ? .withinThreshold : .differs
        }
    }
}
