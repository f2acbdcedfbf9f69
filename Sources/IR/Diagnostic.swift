/// How serious a diagnostic is.
public enum Severity: String, Hashable, Sendable, Codable, Comparable, CaseIterable {
    /// Information for the reviewer; nothing was lost.
    case note
    /// The object was converted, but approximately or with an assumption the reviewer must check.
    case warning
    /// The object, or part of it, was not converted.
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    /// Orders note < warning < error.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A stable diagnostic code: a module prefix and a number (`IMP0007`), never reused.
public struct DiagnosticCode: Hashable, Sendable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The code text, such as `IMP0007`.
    public var rawValue: String

    /// Creates a code from its text.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Creates a code from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Decodes the bare code text.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the bare code text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The code text.
    public var description: String { rawValue }

    /// Orders by text.
    public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }
}

/// A catalog entry: one kind of diagnostic a producer can emit.
///
/// Each producer (importer, IR verifier, codegen, runtime, CLI) declares its descriptors in one
/// catalog file; tests check that codes are unique across catalogs.
public struct DiagnosticDescriptor: Hashable, Sendable {
    /// The stable code.
    public var code: DiagnosticCode
    /// The default severity.
    public var severity: Severity
    /// A short summary of the condition, for documentation and `--explain`.
    public var summary: String

    /// Creates a descriptor.
    public init(_ code: DiagnosticCode, _ severity: Severity, _ summary: String) {
        self.code = code
        self.severity = severity
        self.summary = summary
    }

    /// Makes a diagnostic of this kind.
    public func callAsFunction(
        _ message: String, at location: SourceLocation, path: ObjectPath = ObjectPath(),
        notes: [String] = [], fix: String? = nil, severity: Severity? = nil
    ) -> Diagnostic {
        Diagnostic(
            code: code, severity: severity ?? self.severity, message: message, location: location,
            path: path, notes: notes, fix: fix)
    }
}

/// One problem or remark about the user's input, with where it is and what to do.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The stable code.
    public var code: DiagnosticCode
    /// How serious it is.
    public var severity: Severity
    /// The message: lower-case start, names in quotes, no trailing period.
    public var message: String
    /// The file position.
    public var location: SourceLocation
    /// The object path of the object concerned.
    public var path: ObjectPath
    /// Further lines of explanation.
    public var notes: [String]
    /// What the user can do about it.
    public var fix: String?

    /// Creates a diagnostic.
    public init(
        code: DiagnosticCode, severity: Severity, message: String, location: SourceLocation,
        path: ObjectPath = ObjectPath(), notes: [String] = [], fix: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.path = path
        self.notes = notes
        self.fix = fix
    }

    /// `file:line:col: error: [IMP0007] message (in MAPPING[m_x]/TRANSFORMATION[T])`.
    public var description: String {
        var text = "\(location.description): \(severity.rawValue): [\(code)] \(message)"
        if !path.isEmpty { text += " (in \(path))" }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The most severe level present, or nil when empty.
    public var maximumSeverity: Severity? { map(\.severity).max() }

    /// Sorted by location, then code, then message: the order diagnostics are reported in.
    public func sortedForReport() -> [Diagnostic] {
        sorted {
            ($0.location, $0.code, $0.message, $0.path) < ($1.location, $1.code, $1.message, $1.path)
        }
    }
}
