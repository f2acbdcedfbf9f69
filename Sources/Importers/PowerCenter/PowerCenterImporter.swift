import IR

/// Options of the PowerCenter importer.
public struct PowerCenterImportOptions: Sendable, Hashable {
    /// How deeply mapplets may nest inside mapplets before expansion stops with an error.
    public var maximumMappletDepth: Int

    /// Creates options.
    public init(maximumMappletDepth: Int = 8) {
        self.maximumMappletDepth = maximumMappletDepth
    }
}

/// Imports an Informatica PowerCenter XML export (a POWERMART document) into IR pipelines and
/// workflows.
///
/// Every MAPPING becomes one pipeline; mapplets are inlined where mappings use them, and a mapplet
/// no mapping uses becomes a pipeline of its own; workflows come from ``PCWorkflowTranslator``.
/// Bad input never throws: it becomes diagnostics, and the result's inventory shows that every
/// element of the export is represented in the IR or named by a diagnostic.
public struct PowerCenterImporter: ImportStage, Sendable {
    /// The options in effect.
    public var options: PowerCenterImportOptions

    /// Creates an importer.
    public init(options: PowerCenterImportOptions = .init()) {
        self.options = options
    }

    /// `PowerCenter`.
    public var formatName: String { "PowerCenter" }

    /// Explicitly named `.xml` files that do not look like exports are still read, so the reader can
    /// say why (empty, not XML, wrong root element).
    public var fileExtensions: Set<String> { ["xml"] }

    /// Whether the first bytes contain a POWERMART start tag.
    public func recognizes(prefix: [UInt8], path: String) -> Bool {
        let marker = Array("<POWERMART".utf8)
        guard prefix.count >= marker.count else { return false }
        return (0...(prefix.count - marker.count)).contains { start in
            prefix[start..<(start + marker.count)].elementsEqual(marker)
        }
    }

    /// Reads the file at `path` with ``HardenedXMLReader`` and imports it; reader diagnostics come first.
    public func importFile(atPath path: String) -> ImportResult {
        // The ledger registers the elements as the reader builds them (no walk of the tree after).
        let registration = PCLedgerRegistration()
        var read = HardenedXMLReader.read(contentsOf: path, expectedRoot: "POWERMART", startTags: registration)
        // The tree is handed over, so that each mapping's subtree is freed once it is translated.
        guard read.root != nil else { return ImportResult(file: path, diagnostics: read.diagnostics) }
        var result = importTree(
            releasing: read.root.take()!, ledger: read.startTagsComplete ? registration.take() : nil, file: path)
        result.diagnostics = read.diagnostics + result.diagnostics
        return result
    }

    /// Imports the POWERMART tree `root`, reporting locations in `file`.
    public func importTree(_ root: XMLElementNode, file: String) -> ImportResult {
        importTree(releasing: root, ledger: nil, file: file)
    }

    /// Imports `root`; when the caller holds no other copy, translated mappings' subtrees are freed
    /// as the translation goes (the result is the same either way). `ledger`, when given, has
    /// registered exactly `root`'s elements already.
    private func importTree(
        releasing root: consuming XMLElementNode, ledger: ConservationLedger?, file: String
    ) -> ImportResult {
        var context = PCTranslationContext(file: file)
        if let ledger {
            context.ledger = ledger
        } else {
            context.ledger.register(tree: root)
        }
        guard root.name == "POWERMART" else {
            context.report(
                PCMappingDiagnostics.notAPowerCenterExport,
                "the root element is '\(root.name)', not 'POWERMART'", at: root, path: ObjectPath(),
                fix: "export the objects from the PowerCenter Designer or Repository Manager (File > Export Objects)")
            context.ledger.diagnose(root)
            return result(file: file, context: context)
        }
        context.exported = root.nonEmpty("CREATION_DATE")
        var translation = PCExportTranslation(
            folders: repositoryFolders(of: root, context: &context), options: options, context: &context)
        root.children = []
        let pipelines = translation.run(context: &context)
        return result(file: file, context: context, pipelines: pipelines, workflows: translation.workflows)
    }

    /// The FOLDERs of every REPOSITORY; other children of POWERMART and REPOSITORY are reported.
    private func repositoryFolders(of root: XMLElementNode, context: inout PCTranslationContext) -> [XMLElementNode] {
        let repositories = root.children(named: "REPOSITORY")
        if repositories.isEmpty {
            context.report(
                PCMappingDiagnostics.missingRepository, "the export holds no REPOSITORY element", at: root,
                path: ObjectPath(), fix: "export the objects again; a complete export has POWERMART/REPOSITORY/FOLDER")
        }
        reportOthers(in: root, except: "REPOSITORY", path: ObjectPath(), context: &context)
        var folders: [XMLElementNode] = []
        for repository in repositories {
            context.repository = context.repository ?? repository.nonEmpty("NAME")
            let path = ObjectPath().appending("REPOSITORY", repository.nameAttribute)
            let found = repository.children(named: "FOLDER")
            if found.isEmpty {
                context.report(
                    PCMappingDiagnostics.missingFolder, "repository '\(repository.nameAttribute)' holds no FOLDER",
                    at: repository, path: path,
                    fix: "export the mappings or workflows themselves, not only the repository")
            }
            reportOthers(in: repository, except: "FOLDER", path: path, context: &context)
            folders += found
        }
        return folders
    }

    private func reportOthers(
        in element: XMLElementNode, except kept: String, path: ObjectPath, context: inout PCTranslationContext
    ) {
        for child in element.children where child.name != kept {
            context.report(
                PCMappingDiagnostics.elementNotConverted,
                "element '\(child.name)' inside '\(element.name)' is not converted",
                at: child, path: path)
            context.ledger.diagnose(child)
        }
    }

    private func result(
        file: String, context: PCTranslationContext, pipelines: [Pipeline] = [], workflows: [Workflow] = []
    ) -> ImportResult {
        ImportResult(
            file: file, pipelines: pipelines, workflows: workflows, diagnostics: context.diagnostics,
            inventory: context.ledger.entries(file: file))
    }
}

/// The order of work for one export: index folders, translate mappings, mapplets no mapping
/// uses, workflows, then account for everything left.
///
/// A mapping's subtree is needed only by its own translation and by the accounting of its unused
/// transformations, so both run together and the subtree is then dropped from ``folders`` (freed
/// when nobody else holds the tree); the accounting's diagnostics wait for their place in the
/// end-of-export pass, so the output does not depend on it.
struct PCExportTranslation {
    private var folders: [XMLElementNode]
    private let options: PowerCenterImportOptions
    private let index: PCExportIndex
    private var usage = PCUsage()
    /// Per folder, per position of a translated MAPPING among the folder's children: the
    /// accounting diagnostics of its unused transformations. (Positions, not element keys: a
    /// hand-built tree may repeat line and column.)
    private var mappingAccounts: [[Int: [Diagnostic]]]
    /// The workflows translated.
    private(set) var workflows: [Workflow] = []

    /// Indexes `folders` (reporting duplicate names into `context`).
    init(folders: [XMLElementNode], options: PowerCenterImportOptions, context: inout PCTranslationContext) {
        self.folders = folders
        self.options = options
        mappingAccounts = Array(repeating: [:], count: folders.count)
        index = PCExportIndex(folders: folders, context: &context)
    }

    /// Runs the translation; returns the pipelines.
    mutating func run(context: inout PCTranslationContext) -> [Pipeline] {
        var pipelines: [Pipeline] = []
        for folder in folders.indices {
            let folderName = folders[folder].nameAttribute
            for child in folders[folder].children.indices where folders[folder].children[child].name == "MAPPING" {
                pipelines.append(translateMapping(at: child, inFolder: folder, named: folderName, context: &context))
            }
        }
        for folder in folders {
            for mapplet in folder.children(named: "MAPPLET") where usage.mappletUses[PCElementKey(mapplet)] == nil {
                pipelines.append(
                    PCMappingTranslator.mapplet(
                        mapplet, folder: folder.nameAttribute, index: index, options: options, usage: &usage,
                        context: &context))
            }
        }
        for folder in folders {
            let path = ObjectPath().appending("FOLDER", folder.nameAttribute)
            workflows += PCWorkflowTranslator.translate(folder: folder, folderPath: path, context: &context)
        }
        PCUserFunctions.attach(from: folders, to: &pipelines, context: &context)
        for folder in folders.indices {
            PCFolderAccounting.account(
                folders[folder], usage: usage, mappingAccounts: mappingAccounts[folder], context: &context)
        }
        PCCheckShortcuts.recodeUnresolved(folders: folders, usage: usage, context: &context)
        for pipeline in pipelines { PCPipelineSanity.check(pipeline, context: &context) }
        return pipelines
    }

    /// Translates the MAPPING at `child` of folder `folder`, accounts for its unused transformations
    /// (keeping the diagnostics for later) and drops its subtree.
    private mutating func translateMapping(
        at child: Int, inFolder folder: Int, named folderName: String, context: inout PCTranslationContext
    ) -> Pipeline {
        let mapping = folders[folder].children[child]
        let pipeline = PCMappingTranslator.mapping(
            mapping, folder: folderName, index: index, options: options, usage: &usage, context: &context)
        var accounted: [Diagnostic] = []
        swap(&accounted, &context.diagnostics)
        PCFolderAccounting.accountMapping(
            mapping, path: ObjectPath().appending("FOLDER", folderName).appending("MAPPING", mapping.nameAttribute),
            usage: usage, context: &context)
        swap(&accounted, &context.diagnostics)
        mappingAccounts[folder][child] = accounted
        folders[folder].children[child].children = []
        return pipeline
    }
}

/// Registers the export's elements in a ledger while the reader builds the tree.
final class PCLedgerRegistration: XMLStartTagSink {
    private var ledger = ConservationLedger()

    /// Registers one element as pending.
    func startTag(_ shape: XMLElementShape, line: Int, column: Int) {
        ledger.register(shape: shape, line: line, column: column)
    }

    /// The ledger, handed over (this registration is empty afterwards).
    func take() -> ConservationLedger {
        defer { ledger = ConservationLedger() }
        return ledger
    }
}
