import IR

/// The diagnostics of the canonical YAML reader (codes CG0001–CG0099), sorted by code.
public enum YAMLDiagnostics {
    /// The text is not well-formed YAML (libyaml's message and position).
    public static let syntaxError = DiagnosticDescriptor("CG0001", .error, "the text is not well-formed YAML")
    /// An anchor (`&a`) or alias (`*a`) was used.
    public static let anchorOrAlias = DiagnosticDescriptor("CG0002", .error, "anchors and aliases are not allowed")
    /// A tag (`!!str`, `!x`) was used.
    public static let tag = DiagnosticDescriptor("CG0003", .error, "tags are not allowed")
    /// A merge key (`<<`) was used.
    public static let mergeKey = DiagnosticDescriptor("CG0004", .error, "merge keys are not allowed")
    /// A mapping holds the same key twice.
    public static let duplicateKey = DiagnosticDescriptor("CG0005", .error, "a key appears twice in a mapping")
    /// A mapping key is a mapping or a sequence.
    public static let complexKey = DiagnosticDescriptor("CG0006", .error, "a mapping key is not a scalar")
    /// The file holds more than one YAML document.
    public static let multipleDocuments = DiagnosticDescriptor("CG0007", .error, "the file holds several documents")
    /// The file holds no document.
    public static let emptyDocument = DiagnosticDescriptor("CG0008", .error, "the file holds no document")
    /// The document has no `version` key.
    public static let missingVersion = DiagnosticDescriptor("CG0010", .error, "the document has no 'version'")
    /// The document's version is not one this reader knows.
    public static let unsupportedVersion = DiagnosticDescriptor(
        "CG0011", .error, "the document's version is not supported")
    /// The document is neither a pipeline nor a workflow.
    public static let unknownDocumentKind = DiagnosticDescriptor(
        "CG0012", .error, "the document is neither a pipeline nor a workflow")
    /// A mapping holds a key the schema does not define.
    public static let unknownKey = DiagnosticDescriptor("CG0020", .error, "a key is not part of the schema")
    /// A mapping lacks a required key.
    public static let missingKey = DiagnosticDescriptor("CG0021", .error, "a required key is missing")
    /// A value is a mapping, sequence or scalar where another shape is expected.
    public static let wrongShape = DiagnosticDescriptor("CG0022", .error, "a value has the wrong shape")
    /// A scalar is not a valid string, integer, number or boolean.
    public static let invalidScalar = DiagnosticDescriptor("CG0023", .error, "a scalar has the wrong type")
    /// A value is null where one is required.
    public static let unexpectedNull = DiagnosticDescriptor("CG0024", .error, "a required value is null")
    /// A value is well-typed but not valid (an unknown datatype, node kind, port role, ...).
    public static let invalidValue = DiagnosticDescriptor("CG0025", .error, "a value is not valid")
    /// Decoding failed in a way the reader does not know (a bug in a type's `Decodable`).
    public static let decodingFault = DiagnosticDescriptor("CG0026", .error, "decoding failed unexpectedly")
    /// A DataFlow step names no transform, quality or ai kind.
    public static let dataflowStepKind = DiagnosticDescriptor(
        "CG0030", .error, "a DataFlow step does not say what it is")
    /// A DataFlow source or target names no connector or connection.
    public static let dataflowConnection = DiagnosticDescriptor(
        "CG0031", .error, "a DataFlow source or target has no connector or connection")
    /// A DataFlow setting is not a scalar.
    public static let dataflowSetting = DiagnosticDescriptor("CG0032", .error, "a DataFlow setting is not a scalar")
    /// A DataFlow step became an opaque node (its definition lives in the platform).
    public static let dataflowOpaqueStep = DiagnosticDescriptor(
        "CG0040", .note, "a DataFlow step was kept as an opaque node")

    /// Every descriptor, sorted by code.
    public static let all: [DiagnosticDescriptor] = [
        syntaxError, anchorOrAlias, tag, mergeKey, duplicateKey, complexKey, multipleDocuments, emptyDocument,
        missingVersion, unsupportedVersion, unknownDocumentKind, unknownKey, missingKey, wrongShape,
        invalidScalar, unexpectedNull, invalidValue, decodingFault, dataflowStepKind, dataflowConnection,
        dataflowSetting, dataflowOpaqueStep,
    ]
}
