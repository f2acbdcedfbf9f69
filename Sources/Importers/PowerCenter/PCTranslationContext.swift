import IR

/// State shared by the PowerCenter translators while one export file is turned into IR.
///
/// Translators append diagnostics and mark ledger entries here; nothing is thrown for bad input.
struct PCTranslationContext: Sendable {
    /// The input file as the caller named it (used in every location).
    let file: String
    /// The input file's name without folders (used in `Origin.file`).
    let fileName: String
    /// REPOSITORY NAME, when present.
    var repository: String?
    /// POWERMART CREATION_DATE, when present.
    var exported: String?
    /// Everything said so far.
    var diagnostics: [Diagnostic] = []
    /// Conservation bookkeeping.
    var ledger = ConservationLedger()
    /// The port readers' attribute rules per element shape.
    var attributeFilters = PCAttributeFilters()
    /// TRANSFORMFIELD attributes by position.
    var transformFields = XMLAttributeLayout<PCFieldAttribute>()
    /// SOURCEFIELD and TARGETFIELD attributes by position.
    var columnFields = XMLAttributeLayout<PCFieldAttribute>()
    /// CONNECTOR attributes by position.
    var connectors = XMLAttributeLayout<PCConnectorAttribute>()
    /// Transformation datatypes already parsed.
    var dataTypes = PCDataTypeMemo()
    /// PORTTYPE values already split.
    var portTypes = PCPortTypeMemo()
    /// Native column types already mapped.
    var nativeTypes = PCNativeTypeMemo()

    /// Creates a context for `file`.
    init(file: String) {
        self.file = file
        self.fileName = file.split(separator: "/").last.map(String.init) ?? file
    }

    /// The location of `element`'s start tag.
    func location(of element: XMLElementNode) -> SourceLocation {
        SourceLocation(file: file, line: element.line, column: element.column)
    }

    /// The provenance of `element` at `path`.
    func provenance(of element: XMLElementNode, path: ObjectPath) -> Provenance {
        Provenance(path: path, location: location(of: element))
    }

    /// The origin record for an object at `path`.
    func origin(path: ObjectPath) -> Origin {
        Origin(tool: "PowerCenter", file: fileName, path: path, repository: repository, exported: exported)
    }

    /// Records a diagnostic made from `descriptor` at `element`.
    mutating func report(
        _ descriptor: DiagnosticDescriptor, _ message: String, at element: XMLElementNode, path: ObjectPath,
        notes: [String] = [], fix: String? = nil, severity: Severity? = nil
    ) {
        diagnostics.append(
            descriptor(message, at: location(of: element), path: path, notes: notes, fix: fix, severity: severity))
    }
}
