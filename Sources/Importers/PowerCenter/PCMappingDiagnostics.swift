import IR

/// The diagnostics of the PowerCenter mapping translator (export structure, folders, mappings,
/// mapplets, transformations, shortcuts): codes IMP0100–IMP0199.
///
/// Severity policy: a construct that is kept but not yet convertible (an opaque node) is an
/// **error**, so the mapping reads "converted with errors"; an assumption or best guess the reviewer
/// must check is a **warning**; bookkeeping that loses nothing (a definition no mapping uses, an
/// inlined mapplet, a resolved shortcut) is a **note**.
public enum PCMappingDiagnostics {
    /// The document's root element is not POWERMART.
    public static let notAPowerCenterExport = DiagnosticDescriptor(
        "IMP0100", .error, "the root element is not POWERMART")
    /// POWERMART holds no REPOSITORY.
    public static let missingRepository = DiagnosticDescriptor(
        "IMP0101", .error, "the export has no REPOSITORY element")
    /// REPOSITORY holds no FOLDER.
    public static let missingFolder = DiagnosticDescriptor(
        "IMP0102", .warning, "the repository has no FOLDER element, so nothing is converted")
    /// An element the translator does not convert (kept out of the IR, named here).
    public static let elementNotConverted = DiagnosticDescriptor(
        "IMP0103", .note, "an element is not converted")
    /// Two objects of one kind share a name in one folder.
    public static let duplicateObjectName = DiagnosticDescriptor(
        "IMP0104", .warning, "two objects of one kind share a name; the first is used for references")
    /// Two instances share a name in one mapping; the later one is renamed.
    public static let duplicateInstanceName = DiagnosticDescriptor(
        "IMP0105", .error, "two instances share a name in one mapping")
    /// Two ports share a name in one transformation; the later one is renamed.
    public static let duplicatePortName = DiagnosticDescriptor(
        "IMP0106", .error, "two ports share a name in one transformation")
    /// A folder-level definition that no converted mapping uses.
    public static let unusedDefinition = DiagnosticDescriptor(
        "IMP0107", .note, "a definition is not used by any mapping in this export")
    /// A shortcut that resolved inside the export, or that nothing uses (a used shortcut that does
    /// not resolve gets ``shortcutOutsideExport`` instead).
    public static let shortcutNote = DiagnosticDescriptor(
        "IMP0108", .note, "a shortcut was resolved inside the export or is unused")
    /// A used shortcut whose folder or object is not in the export.
    public static let unresolvedShortcut = DiagnosticDescriptor(
        "IMP0109", .error, "a shortcut refers to an object that is not in this export")
    /// An instance whose definition is neither in the export nor a shortcut.
    public static let missingDefinition = DiagnosticDescriptor(
        "IMP0110", .error, "an instance's definition is not in this export")
    /// A connector naming an instance the mapping does not have.
    public static let danglingConnectorInstance = DiagnosticDescriptor(
        "IMP0111", .error, "a connector names an instance that does not exist")
    /// A connector naming a port the instance does not have, or a port of the wrong direction.
    public static let danglingConnectorField = DiagnosticDescriptor(
        "IMP0112", .error, "a connector names a port that does not exist or cannot be connected that way")
    /// Two connectors feed one input port.
    public static let inputConnectedTwice = DiagnosticDescriptor(
        "IMP0113", .error, "an input port is fed by more than one connector")
    /// A transformation datatype the IR does not know.
    public static let unknownTransformationType = DiagnosticDescriptor(
        "IMP0114", .warning, "a port's transformation datatype is unknown; a string is assumed")
    /// A native column type with no known transformation datatype.
    public static let unknownNativeType = DiagnosticDescriptor(
        "IMP0115", .warning, "a column's native datatype is unknown; a best guess is used")
    /// A PORTTYPE token the translator does not know.
    public static let unknownPortType = DiagnosticDescriptor(
        "IMP0116", .warning, "a port type token is unknown")
    /// A transformation type that is recognised but not yet convertible (kept as an opaque node).
    public static let opaqueTransformation = DiagnosticDescriptor(
        "IMP0117", .error, "a transformation is kept as an opaque node: not yet convertible")
    /// A transformation type the translator does not recognise (kept as an opaque node).
    public static let unknownTransformation = DiagnosticDescriptor(
        "IMP0118", .error, "a transformation type is unknown; kept as an opaque node")
    /// A known transformation whose settings cannot be expressed exactly (kept as an opaque node).
    public static let inexpressibleTransformation = DiagnosticDescriptor(
        "IMP0119", .error, "a transformation's settings cannot be expressed; kept as an opaque node")
    /// An option value that could not be read; the PowerCenter default is used.
    public static let invalidOptionValue = DiagnosticDescriptor(
        "IMP0120", .warning, "an option value is invalid; the default is used")
    /// A mapplet instance was expanded into the mapping.
    public static let mappletInstanceExpanded = DiagnosticDescriptor(
        "IMP0121", .note, "a mapplet instance is expanded into the mapping")
    /// A mapplet definition is inlined where it is used instead of becoming its own pipeline.
    public static let mappletInlined = DiagnosticDescriptor(
        "IMP0122", .note, "a mapplet is inlined into the mappings that use it")
    /// Mapplets nest deeper than the limit, or a mapplet contains itself.
    public static let mappletTooDeep = DiagnosticDescriptor(
        "IMP0123", .error, "mapplets nest too deeply or recursively")
    /// A connector addresses a mapplet port that the mapplet's interface does not define.
    public static let unknownMappletPort = DiagnosticDescriptor(
        "IMP0124", .error, "a connector names a mapplet port the mapplet does not define")
    /// A user-defined function (EXPRMACRO) that no pipeline uses.
    public static let userFunctionNote = DiagnosticDescriptor(
        "IMP0125", .note, "a user-defined function is not used by any converted mapping")
    /// A target load order entry naming an unknown target instance.
    public static let unknownLoadOrderTarget = DiagnosticDescriptor(
        "IMP0126", .warning, "a target load order entry names an unknown target instance")
    /// A source qualifier's associated source instance does not exist.
    public static let unknownAssociatedSource = DiagnosticDescriptor(
        "IMP0127", .warning,
        "a source qualifier names no associated source instance, or one that is missing or no source")
    /// The translator produced a pipeline that breaks an IR invariant (a translator bug).
    public static let pipelineSanity = DiagnosticDescriptor(
        "IMP0128", .error, "the converted pipeline breaks an IR invariant")
    /// A mapplet parameter clashes with a different mapping parameter of the same name (no longer
    /// raised: mapplet parameters are named `<instance>.$$P`, see ``mappletParameterScoped``).
    public static let parameterClash = DiagnosticDescriptor(
        "IMP0129", .warning, "a mapplet parameter clashes with a mapping parameter of the same name")
    /// A folder has no IR object of its own; its objects are converted one by one.
    public static let folderSummary = DiagnosticDescriptor(
        "IMP0130", .note, "a folder is not an IR object; its objects are converted one by one")
    /// A mapplet parameter or variable is renamed `<mapplet instance>.$$P` in the mapping.
    public static let mappletParameterScoped = DiagnosticDescriptor(
        "IMP0131", .note, "a mapplet parameter is scoped to its mapplet instance in the mapping")
    /// A distinct sorter sorts on every port; the ports that are not declared keys are appended.
    public static let distinctSortKeys = DiagnosticDescriptor(
        "IMP0132", .note, "a sorter that removes duplicates sorts on all ports")
    /// An instance's node id differs from its name because another instance has the name.
    public static let instanceRenamed = DiagnosticDescriptor(
        "IMP0133", .note, "an instance's node id differs from its name so that node ids stay unique")
    /// A transformation set to sorted input is fed by rows that are not sorted.
    public static let unsortedInput = DiagnosticDescriptor(
        "IMP0134", .warning, "a transformation expects sorted input but its input is not sorted")
    /// Rows flagged for update or delete reach a target that has no key column.
    public static let updateWithoutKey = DiagnosticDescriptor(
        "IMP0135", .warning, "rows flagged for update or delete reach a target without key columns")
    /// A used shortcut refers to an object outside the export.
    public static let shortcutOutsideExport = DiagnosticDescriptor(
        "IMP0136", .note, "a used shortcut refers to an object outside this export")

    /// Every descriptor, sorted by code.
    public static let all: [DiagnosticDescriptor] = [
        notAPowerCenterExport, missingRepository, missingFolder, elementNotConverted, duplicateObjectName,
        duplicateInstanceName, duplicatePortName, unusedDefinition, shortcutNote, unresolvedShortcut,
        missingDefinition, danglingConnectorInstance, danglingConnectorField, inputConnectedTwice,
        unknownTransformationType, unknownNativeType, unknownPortType, opaqueTransformation,
        unknownTransformation, inexpressibleTransformation, invalidOptionValue, mappletInstanceExpanded,
        mappletInlined, mappletTooDeep, unknownMappletPort, userFunctionNote, unknownLoadOrderTarget,
        unknownAssociatedSource, pipelineSanity, parameterClash, folderSummary, mappletParameterScoped,
        distinctSortKeys, instanceRenamed, unsortedInput, updateWithoutKey, shortcutOutsideExport,
    ]
}
