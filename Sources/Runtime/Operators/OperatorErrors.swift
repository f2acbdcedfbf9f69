/// The row errors the operators raise (codes RT0020–RT0029 of the row-error range).
public enum OperatorErrors {
    /// Every operator error code with its summary, sorted by code.
    public static let all: [(code: String, summary: String)] = [
        (unknownColumn, "an operator names a column its input does not have"),
        (multipleLookupMatches, "a lookup with policy 'error' found several matching rows"),
        (invalidRowKind, "an update strategy gave a value other than 0, 1, 2 or 3"),
        (sequenceExhausted, "a sequence without cycle passed its end value; the run stops"),
    ]

    /// An operator names a column its input does not have (an engine wiring fault).
    public static let unknownColumn = "RT0020"
    /// A lookup with policy `error` found several matching rows.
    public static let multipleLookupMatches = "RT0021"
    /// An update strategy expression gave a value other than 0–3.
    public static let invalidRowKind = "RT0022"
    /// A sequence without cycle passed its end value.
    public static let sequenceExhausted = "RT0023"

    /// A row error with `code` and `message`.
    static func error(_ code: String, _ message: String) -> RowError {
        RowError(code: code, message: message)
    }
}
