import IR

/// Identifies one element of the export by its kind and start-tag position.
struct PCElementKey: Hashable {
    var kind: String
    var line: Int
    var column: Int

    init(_ element: XMLElementNode) {
        kind = element.name
        line = element.line
        column = element.column
    }
}

/// The kinds of reusable definition an INSTANCE (or a SHORTCUT) can refer to.
enum PCDefinitionKind: Equatable {
    case source
    case target
    /// A transformation of the given TYPE (`Expression`, `Lookup Procedure`, ...).
    case transformation(String)
    case mapplet

    /// The folder-level element name (and SHORTCUT OBJECTTYPE) of this kind.
    var elementName: String {
        switch self {
        case .source: "SOURCE"
        case .target: "TARGET"
        case .transformation: "TRANSFORMATION"
        case .mapplet: "MAPPLET"
        }
    }
}

/// A definition found for an instance: the element, its folder and its object path.
struct PCDefinition {
    /// The SOURCE, TARGET, TRANSFORMATION or MAPPLET element.
    var element: XMLElementNode
    /// The folder holding it.
    var folder: String
    /// Its object path (`FOLDER[f]/SOURCE[s]`).
    var path: ObjectPath
    /// The shortcut it was reached through, if any.
    var shortcut: XMLElementNode?
}

/// What looking up a definition found.
enum PCResolution {
    /// The definition is in the export.
    case found(PCDefinition)
    /// A shortcut names it, but its folder or object is not in the export.
    case unresolvedShortcut(XMLElementNode, folder: String)
    /// Neither a definition nor a shortcut has that name.
    case missing
    /// Found but not usable; the diagnostic saying why has been reported.
    case refused(Diagnostic)
}

/// One FOLDER's reusable objects, by name.
struct PCFolderIndex {
    /// The FOLDER element, without its children.
    var element: XMLElementNode
    /// `FOLDER[name]`.
    var path: ObjectPath
    /// Objects by kind name, then by NAME (the first of duplicates).
    var objects: [String: [String: XMLElementNode]] = [:]

    /// The object of element kind `kind` named `name`.
    func object(_ kind: String, named name: String) -> XMLElementNode? { objects[kind]?[name] }
}

/// The folders of one export and the rules to find an instance's definition, across folders
/// through SHORTCUTs.
struct PCExportIndex {
    /// The folders by NAME.
    private(set) var folders: [String: PCFolderIndex] = [:]

    /// The folder-level kinds indexed by name.
    static let indexedKinds = ["SOURCE", "TARGET", "TRANSFORMATION", "MAPPLET", "MAPPING", "SHORTCUT"]

    /// Indexes `folderElements`, reporting duplicate names.
    init(folders folderElements: [XMLElementNode], context: inout PCTranslationContext) {
        for folder in folderElements {
            let name = folder.nameAttribute
            var index = PCFolderIndex(element: folder.withoutChildren, path: ObjectPath().appending("FOLDER", name))
            for child in folder.children where Self.indexedKinds.contains(child.name) {
                let key = Self.indexKey(child)
                if index.objects[child.name]?[key] != nil {
                    context.report(
                        PCMappingDiagnostics.duplicateObjectName,
                        "\(child.name.lowercased()) '\(child.nameAttribute)' is defined more than once in folder '\(name)'",
                        at: child, path: index.path.appending(child.name, child.nameAttribute),
                        fix: "rename or remove one of them in the repository and re-export")
                    continue
                }
                // MAPPINGs are indexed only to find duplicates; without their subtrees, so that
                // the translation can free each mapping once it is done.
                index.objects[child.name, default: [:]][key] = child.name == "MAPPING" ? child.withoutChildren : child
            }
            if folders[name] == nil { folders[name] = index }
        }
    }

    /// Transformations are keyed by name and type (a lookup and an expression may share a name),
    /// shortcuts by name and object type (a source and a target shortcut may share a name).
    private static func indexKey(_ element: XMLElementNode) -> String {
        switch element.name {
        case "TRANSFORMATION": "\(element.nameAttribute)\u{1}\(element.value("TYPE"))"
        case "SHORTCUT": "\(element.nameAttribute)\u{1}\(element.value("OBJECTTYPE").uppercased())"
        default: element.nameAttribute
        }
    }

    /// Finds the definition of kind `kind` named `name` as seen from folder `folder`: the folder's
    /// own object first, then a SHORTCUT of that name (followed at most `hops` times).
    func resolve(_ kind: PCDefinitionKind, named name: String, inFolder folder: String, hops: Int = 4) -> PCResolution {
        guard let index = folders[folder] else { return .missing }
        let key: String
        if case .transformation(let type) = kind { key = "\(name)\u{1}\(type)" } else { key = name }
        if let element = index.object(kind.elementName, named: key) {
            let path = index.path.appending(kind.elementName, name)
            return .found(PCDefinition(element: element, folder: folder, path: path, shortcut: nil))
        }
        guard let shortcut = index.object("SHORTCUT", named: "\(name)\u{1}\(kind.elementName)"), hops > 0 else {
            return .missing
        }
        let target = shortcut.value("FOLDERNAME")
        guard folders[target] != nil else { return .unresolvedShortcut(shortcut, folder: folder) }
        switch resolve(kind, named: shortcut.value("REFOBJECTNAME"), inFolder: target, hops: hops - 1) {
        case .found(var definition):
            if definition.shortcut == nil { definition.shortcut = shortcut }
            return .found(definition)
        case .unresolvedShortcut, .missing, .refused:
            return .unresolvedShortcut(shortcut, folder: folder)
        }
    }
}
