import IR

/// The problems that stop a table reconciliation (codes RT0500–RT0519).
public enum ReconcileDiagnostics {
    /// A `CONN:TABLE` argument that names no table.
    public static let invalidTableReference = DiagnosticDescriptor(
        "RT0500", .error, "a table reference is not CONNECTION:TABLE")
    /// The connection is not in the connections file.
    public static let unknownConnection = DiagnosticDescriptor(
        "RT0501", .error, "the connection is not in the connections file")
    /// The table does not exist on its connection.
    public static let missingTable = DiagnosticDescriptor("RT0502", .error, "the table does not exist")
    /// A key column is not a column of both tables.
    public static let unknownKey = DiagnosticDescriptor("RT0503", .error, "a key column is not in both tables")
    /// The two tables have no column name in common.
    public static let noCommonColumns = DiagnosticDescriptor(
        "RT0504", .error, "the tables have no column in common")
    /// Reading a table failed.
    public static let readFailed = DiagnosticDescriptor("RT0505", .error, "a table cannot be read")

    /// Every descriptor, sorted by code.
    public static let all: [DiagnosticDescriptor] = [
        invalidTableReference, unknownConnection, missingTable, unknownKey, noCommonColumns, readFailed,
    ]
}
