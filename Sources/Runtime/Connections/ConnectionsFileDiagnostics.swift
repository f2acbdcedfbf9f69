import IR

/// The problems found in a connections file (codes RT0450–RT0469).
public enum ConnectionsFileDiagnostics {
    /// The file cannot be read or is not YAML.
    public static let unreadable = DiagnosticDescriptor("RT0450", .error, "the connections file cannot be read")
    /// A key the format does not have.
    public static let unknownKey = DiagnosticDescriptor("RT0451", .error, "a key of the connections file is unknown")
    /// A value of the wrong shape (a list where a text is expected...).
    public static let invalidValue = DiagnosticDescriptor(
        "RT0452", .error, "a value of the connections file has the wrong shape")
    /// A connection type no connector is registered for.
    public static let unknownType = DiagnosticDescriptor("RT0453", .error, "no connector has this connection type")
    /// A required key is missing.
    public static let missingKey = DiagnosticDescriptor("RT0454", .error, "a required key is missing")
    /// A secret written inline instead of named by an environment variable.
    public static let inlineSecret = DiagnosticDescriptor(
        "RT0455", .error, "a secret is written in the connections file")
    /// The environment variable a secret comes from is not set.
    public static let missingEnvironmentVariable = DiagnosticDescriptor(
        "RT0456", .error, "the environment variable holding a secret is not set")
    /// Opening a connection failed.
    public static let connectFailed = DiagnosticDescriptor("RT0457", .error, "the connection cannot be opened")

    /// Every descriptor, sorted by code.
    public static let all: [DiagnosticDescriptor] = [
        unreadable, unknownKey, invalidValue, unknownType, missingKey, inlineSecret, missingEnvironmentVariable,
        connectFailed,
    ]
}
