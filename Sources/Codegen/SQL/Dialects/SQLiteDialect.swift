/// SQLite (3.30 and later: `NULLS FIRST|LAST`, window functions).
///
/// SQLite has type affinities, not types: decimals are declared `TEXT` so no digit is lost to a
/// binary double (a `DECIMAL` column has NUMERIC affinity and stores a REAL), and timestamps are
/// ISO-8601 text, which is how the runtime's SQLite connector stores them.
public struct SQLiteDialect: SQLDialect {
    /// Creates the dialect.
    public init() {}

    /// `sqlite`.
    public var name: String { "sqlite" }
    /// No `MERGE`; upserts use `INSERT … ON CONFLICT`.
    public var supportsMerge: Bool { false }
    /// No `TRUNCATE`; `DELETE FROM` empties a table.
    public var supportsTruncate: Bool { false }
    /// Booleans are the integers 1 and 0.
    public var hasBooleanLiterals: Bool { false }
    /// Decimals are stored as text and computed as binary doubles.
    public var hasExactDecimals: Bool { false }
    /// `ltrim(x, ' ')`: blanks only.
    public var trimNeedsBlankArgument: Bool { true }

    /// SQLite's declared types (affinities).
    public func typeName(_ type: SQLType) -> String {
        switch type {
        case .varchar, .nvarchar, .decimal, .timestamp, .date: "TEXT"
        case .smallint, .integer, .bigint, .boolean: "INTEGER"
        case .double, .real: "REAL"
        case .binary: "BLOB"
        }
    }

    /// SQLite has no date literal; dates are ISO text.
    public func dateLiteral(_ text: String) -> String { stringLiteral(text) }
    /// SQLite has no timestamp literal; timestamps are ISO text.
    public func timestampLiteral(_ text: String) -> String { stringLiteral(text) }
}
