import IR

/// Why a target's load path is not pushed down to SQL (codes CG2000–CG2099). Each is a warning:
/// the path stays in the runtime, which computes it exactly. One, ``verbatimSQL``, stops
/// nothing: it marks SQL text from the export that a pushed-down path sends to the database
/// unchanged, a warning so that a reviewer sees it without `--verbose`. Another, a note,
/// ``nullRefusingColumns``, stops nothing either: it says which rows a pushed-down statement
/// leaves out.
public enum SQLPipelineDiagnostics {
    /// A kind of transformation that is not lowered to SQL (yet, or not exactly).
    public static let operatorNotLowered = DiagnosticDescriptor(
        "CG2001", .warning, "a transformation is not lowered to SQL")
    /// An expression that cannot be written exactly in the dialect.
    public static let expressionNotLowered = DiagnosticDescriptor(
        "CG2002", .warning, "an expression cannot be written exactly in SQL")
    /// An expression with parse or type errors.
    public static let invalidExpression = DiagnosticDescriptor(
        "CG2003", .warning, "an expression has errors and is not lowered to SQL")
    /// An Expression transformation with variable ports.
    public static let variablePorts = DiagnosticDescriptor(
        "CG2004", .warning, "an Expression transformation with variable ports is not lowered to SQL")
    /// A source qualifier whose SQL text cannot be kept exactly.
    public static let sourceSQL = DiagnosticDescriptor(
        "CG2005", .warning, "a source qualifier's SQL text is not lowered to SQL")
    /// A join condition that is not a conjunction of detail = master equalities, or keys that
    /// compare differently in SQL.
    public static let joinCondition = DiagnosticDescriptor(
        "CG2006", .warning, "a joiner condition is not lowered to SQL")
    /// An aggregator port that is neither a group-by key nor a plain aggregate.
    public static let aggregatePort = DiagnosticDescriptor(
        "CG2007", .warning, "an aggregator port is not lowered to SQL")
    /// A port whose value would be converted differently in SQL than in the runtime.
    public static let portConversion = DiagnosticDescriptor(
        "CG2008", .warning, "a port's value conversion is not lowered to SQL")
    /// Ports whose rows SQL cannot line up (several upstream transformations, a missing input).
    public static let inputRows = DiagnosticDescriptor(
        "CG2009", .warning, "a transformation's input rows cannot be lined up in SQL")
    /// A target that is not a relational table loaded by insert.
    public static let targetNotLowered = DiagnosticDescriptor(
        "CG2010", .warning, "a target load is not lowered to SQL")
    /// A port with a default value that changes its value.
    public static let portDefault = DiagnosticDescriptor(
        "CG2011", .warning, "a port's default value is not lowered to SQL")
    /// A lookup whose rows or choice of row SQL cannot reproduce.
    public static let lookupNotLowered = DiagnosticDescriptor(
        "CG2012", .warning, "a lookup is not lowered to SQL")
    /// A target write mode (update, upsert, delete by key) the dialect or the rows cannot do exactly.
    public static let writeModeNotLowered = DiagnosticDescriptor(
        "CG2013", .warning, "a target write mode is not lowered to SQL")
    /// An Update Strategy whose row kinds SQL cannot compute or carry.
    public static let rowKindNotLowered = DiagnosticDescriptor(
        "CG2014", .warning, "an update strategy is not lowered to SQL")
    /// A transformation whose result depends on the order rows arrive in (Sequence Generator,
    /// an Aggregator's last-row port, a variable port carried from row to row), where SQL does
    /// not know that order or cannot compute the value from it exactly.
    public static let rowOrder = DiagnosticDescriptor(
        "CG2015", .warning, "a transformation that depends on row order is not lowered to SQL")
    /// SQL text written by the mapping's author (a source qualifier's SQL override, source filter
    /// or user-defined join, a lookup's SQL override or source filter) emitted as it is, in the
    /// dialect of the database it was written for: trusted, not translated, for a reviewer to see.
    public static let verbatimSQL = DiagnosticDescriptor(
        "CG2090", .warning, "an export's SQL text is emitted verbatim, not translated")
    /// Rows a pushed-down target's statement leaves out because a column the target declares
    /// NOT NULL (or primary key) would receive NULL: PowerCenter's database rejects each such row
    /// and the writer loads the others; the SQL leaves them out and writes no reject file.
    public static let nullRefusingColumns = DiagnosticDescriptor(
        "CG2091", .note, "rows a target's NOT NULL column refuses are left out")

    /// Every descriptor, sorted by code.
    public static let all: [DiagnosticDescriptor] = [
        operatorNotLowered, expressionNotLowered, invalidExpression, variablePorts, sourceSQL, joinCondition,
        aggregatePort, portConversion, inputRows, targetNotLowered, portDefault, lookupNotLowered, writeModeNotLowered,
        rowKindNotLowered, rowOrder, verbatimSQL, nullRefusingColumns,
    ]
}
