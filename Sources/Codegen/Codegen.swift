import IR

/// The code generators: canonical YAML now; push-down SQL and pipeline diffs later.
public enum CodegenLibrary {
    /// The version written as `version:` in canonical YAML documents.
    public static let canonicalYAMLVersion = 1
}
