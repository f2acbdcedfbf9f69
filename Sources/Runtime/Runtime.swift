import IR

/// The runtime library: executes pipelines with the legacy tool's exact semantics.
///
/// Not yet implemented: the native engine, the SQLite and PostgreSQL connectors and verification
/// arrive with the runtime issue. This namespace exists so the library product has its final shape.
public enum RuntimeLibrary {
    /// The execution engines the runtime will offer, by name.
    public static let plannedEngines = ["native", "sqlite", "postgresql"]
}
