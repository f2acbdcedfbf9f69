import IR

/// The runtime library: executes pipelines with the legacy tool's exact semantics.
///
/// It starts with the values expressions compute with (``Value``, ``DateTimeValue``, ``RowError``);
/// the expression evaluator, the native engine, the SQLite and PostgreSQL connectors and
/// verification arrive with the expression and runtime issues.
public enum RuntimeLibrary {
    /// The execution engines the runtime will offer, by name.
    public static let plannedEngines = ["native", "sqlite", "postgresql"]
}
