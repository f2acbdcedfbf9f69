import IR

/// What became of one converted object.
public enum ObjectStatus: String, Hashable, Sendable, Codable {
    /// Converted with exact semantics and no warning.
    case converted
    /// Converted, with warnings a reviewer must read.
    case convertedWithWarnings = "converted-with-warnings"
    /// Not converted (errors); its YAML, if written, holds opaque parts for review only.
    case notConverted = "not-converted"
}

/// One reason an object is not fully converted.
public struct ObjectReason: Hashable, Sendable, Codable {
    /// The diagnostic code.
    public var code: DiagnosticCode
    /// Its severity.
    public var severity: Severity
    /// Its message.
    public var message: String
    /// Where it is.
    public var location: SourceLocation
    /// The object path it concerns.
    public var path: ObjectPath
}

/// The outcome for one pipeline or workflow.
public struct ObjectReport: Hashable, Sendable, Codable {
    /// `mapping`, `mapplet` or `workflow`.
    public var kind: String
    /// The object's name.
    public var name: String
    /// Its object path in the export.
    public var path: ObjectPath
    /// The YAML written for it, relative to the output folder.
    public var output: String
    /// What became of it.
    public var status: ObjectStatus
    /// A score in 0...1: the share converted exactly (approximations count half, opaque parts zero).
    public var confidence: Double
    /// The warnings and errors behind the status, in report order.
    public var reasons: [ObjectReason]
    /// What `migrate convert --verify` found when it ran the mapping natively and as SQL.
    public var verification: ObjectVerification? = nil
}

/// The outcome of verifying one mapping by execution (`migrate convert --verify`).
public struct ObjectVerification: Hashable, Sendable, Codable {
    /// `agree`, `partial`, `not-pushed-down`, `differ` or `failed`.
    public var verdict: String
    /// The engines run.
    public var engines: [String]
    /// Targets whose SQL rows equal the native ones on every engine.
    public var agreeing: Int
    /// Targets kept in the runtime (named in `detail`).
    public var notPushedDown: Int
    /// The first difference, problem or target kept in the runtime, as text.
    public var detail: String?

    /// Creates a verification record.
    public init(verdict: String, engines: [String], agreeing: Int, notPushedDown: Int, detail: String?) {
        self.verdict = verdict
        self.engines = engines
        self.agreeing = agreeing
        self.notPushedDown = notPushedDown
        self.detail = detail
    }

    /// Whether the SQL computed other rows than the native run, or failed: the mapping's
    /// confidence is then halved (its SQL cannot be trusted as it stands).
    public var lowersConfidence: Bool { verdict == "differ" || verdict == "failed" }
}

/// The outcome for one input file.
public struct FileReport: Hashable, Sendable, Codable {
    /// The input file as named.
    public var file: String
    /// The format that read it, or nil when none recognized it.
    public var format: String?
    /// The worst status of its objects; `not-converted` when the file could not be read.
    public var status: ObjectStatus
    /// Per-kind conservation counts.
    public var inventory: [InventoryEntry]
    /// The objects found.
    public var objects: [ObjectReport]
    /// Every diagnostic of the file, in report order.
    public var diagnostics: [Diagnostic]
}

/// The outcome of a batch conversion.
public struct ConversionReport: Hashable, Sendable, Codable {
    /// The report format's version.
    public var version: Int = 1
    /// Objects converted exactly.
    public var converted: Int
    /// Objects converted with warnings.
    public var convertedWithWarnings: Int
    /// Objects not converted.
    public var notConverted: Int
    /// Files that could not be converted at all.
    public var failedFiles: Int
    /// Per-file outcomes, in input order.
    public var files: [FileReport]

    private enum CodingKeys: String, CodingKey {
        case version, converted, convertedWithWarnings = "converted_with_warnings"
        case notConverted = "not_converted", failedFiles = "failed_files", files
    }

    /// Summarises `files`.
    public init(files: [FileReport]) {
        self.files = files
        let objects = files.flatMap(\.objects)
        converted = objects.filter { $0.status == .converted }.count
        convertedWithWarnings = objects.filter { $0.status == .convertedWithWarnings }.count
        notConverted = objects.filter { $0.status == .notConverted }.count
        failedFiles = files.filter { $0.objects.isEmpty && $0.diagnostics.hasErrors }.count
    }

    /// Every diagnostic of every file.
    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }

    /// Whether every inventoried element of every file is accounted for.
    public var isConserved: Bool { files.allSatisfy { $0.inventory.allSatisfy(\.isConserved) } }
}
