/// A stage that turns one input file into IR: the boundary between a vendor importer and the
/// rest of the toolchain. The batch converter is given a list of them and asks each in turn.
public protocol ImportStage: Sendable {
    /// A short name for reports (`PowerCenter`).
    var formatName: String { get }

    /// Whether this stage reads the file whose first bytes are `prefix` (up to 4 KiB) and whose
    /// path is `path`. Decides by content where it can, not by extension.
    func recognizes(prefix: [UInt8], path: String) -> Bool

    /// File extensions (lower case, without the dot) this stage takes a file by when the user named
    /// the file explicitly and no stage recognized its content, so that the stage can say precisely
    /// what is wrong with it (empty, not XML, wrong root element, ...).
    var fileExtensions: Set<String> { get }

    /// Imports the file. Never throws for bad input: problems are diagnostics in the result.
    func importFile(atPath path: String) -> ImportResult
}

extension ImportStage {
    /// No extensions by default: only content decides.
    public var fileExtensions: Set<String> { [] }
}

/// A check run on every import result before it is rendered and reported, adding diagnostics
/// (for example: type checking every expression in its context). Checks never change the IR.
public protocol ImportCheck: Sendable {
    /// The diagnostics this check has about `result`.
    func check(_ result: ImportResult) -> [Diagnostic]
}
