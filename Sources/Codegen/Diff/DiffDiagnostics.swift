import IR

/// The pipeline diff's diagnostics (codes CG4000–CG4019).
public enum DiffDiagnostics {
    /// A diff input path is missing or is neither a file nor a folder.
    public static let missingInput = DiagnosticDescriptor("CG4000", .error, "a diff input does not exist")
    /// One input is a folder and the other a file.
    public static let mixedInputs = DiagnosticDescriptor(
        "CG4001", .error, "one diff input is a folder and the other a file")
    /// An input holds no pipeline and no workflow.
    public static let emptyInput = DiagnosticDescriptor("CG4002", .error, "a diff input holds no pipeline")
    /// Two pipelines (or workflows) on one side share a name; only the first is compared.
    public static let duplicateName = DiagnosticDescriptor(
        "CG4003", .warning, "two pipelines on one side of a diff have the same name")

    /// Every descriptor, sorted by code.
    public static let all: [DiagnosticDescriptor] = [missingInput, mixedInputs, emptyInput, duplicateName]

    /// CG4000 for `path`.
    public static func missing(_ path: String) -> Diagnostic {
        missingInput(
            "'\(path)' does not exist", at: SourceLocation(file: path),
            fix: "name an export (.xml), a pipeline document (.yaml) or a folder of them")
    }

    /// CG4001 for the two paths.
    public static func mixed(old: String, new: String) -> Diagnostic {
        mixedInputs(
            "'\(old)' and '\(new)' are not both files or both folders", at: SourceLocation(file: old),
            fix: "compare a file with a file, or a folder with a folder")
    }

    /// CG4002 for `path`.
    public static func empty(_ path: String) -> Diagnostic {
        emptyInput(
            "'\(path)' holds no pipeline or workflow", at: SourceLocation(file: path),
            fix: "check that it is a PowerCenter export or a canonical pipeline document")
    }

    /// CG4003 for every name that `pipelines` repeat.
    public static func duplicates(in pipelines: [Pipeline]) -> [Diagnostic] {
        var seen: Set<String> = []
        return pipelines.compactMap { pipeline in
            if seen.insert(pipeline.name).inserted { return nil }
            return duplicateName(
                "pipeline '\(pipeline.name)' appears more than once; only the first is compared",
                at: pipeline.provenance.location, path: pipeline.origin.path,
                fix: "give the pipelines distinct names, or compare the files one by one")
        }
    }
}
