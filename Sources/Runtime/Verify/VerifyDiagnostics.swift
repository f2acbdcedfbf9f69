import IR

/// The problems of `migrate verify`'s scratch engines (codes RT0520–RT0539).
public enum VerifyDiagnostics {
    /// The synthetic data cannot be loaded into an engine's scratch tables.
    public static let loadFailed = DiagnosticDescriptor("RT0520", .error, "the synthetic data cannot be loaded")
    /// The postgres engine was asked for without a connection.
    public static let noPostgres = DiagnosticDescriptor("RT0521", .error, "no PostgreSQL connection was given")

    /// A table of `--data DIR` has no CSV file.
    public static let dataFileMissing = DiagnosticDescriptor("RT0522", .error, "a data file is missing")
    /// A CSV file of `--data DIR` lacks a column or holds a value that does not convert.
    public static let dataFileInvalid = DiagnosticDescriptor("RT0523", .error, "a data file cannot be read")

    /// Every descriptor, sorted by code.
    /// A mapplet on its own: it runs, and is verified, only inside a mapping.
    public static let mappletAlone = DiagnosticDescriptor(
        "RT0524", .note, "a mapplet is verified inside the mappings that use it")

    public static let all: [DiagnosticDescriptor] = [
        loadFailed, noPostgres, dataFileMissing, dataFileInvalid, mappletAlone,
    ]
}
