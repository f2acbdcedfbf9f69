import IR

/// The end-of-export pass: every folder-level object the mapping translation did not turn into
/// IR gets a diagnostic (and is marked diagnosed in the ledger), so nothing disappears silently.
enum PCFolderAccounting {
    /// Folder children the workflow translator handles.
    static let workflowKinds: Set<String> = ["SESSION", "TASK", "WORKLET", "WORKFLOW", "SCHEDULER", "CONFIG"]

    /// Accounts for the children of `folder` after all pipelines of the export were built.
    ///
    /// MAPPINGs were accounted for by ``accountMapping(_:path:usage:context:)`` right after their
    /// translation (their subtrees are gone by now); `mappingAccounts` holds the diagnostics that
    /// made, by the MAPPING's position among the folder's children, reported here in their place.
    static func account(
        _ folder: XMLElementNode, usage: PCUsage, mappingAccounts: [Int: [Diagnostic]],
        context: inout PCTranslationContext
    ) {
        let path = ObjectPath().appending("FOLDER", folder.nameAttribute)
        context.report(
            PCMappingDiagnostics.folderSummary,
            "folder '\(folder.nameAttribute)' is not an IR object; its mappings, mapplets and workflows are converted one by one",
            at: folder, path: path)
        context.ledger.diagnose(folder.withoutChildren)
        for (position, child) in folder.children.enumerated() where !workflowKinds.contains(child.name) {
            let childPath = path.appending(child.name, child.nameAttribute)
            switch child.name {
            case "SOURCE", "TARGET", "TRANSFORMATION":
                if !usage.used.contains(PCElementKey(child)) { reportUnused(child, path: childPath, context: &context) }
            case "MAPPING":
                if let accounted = mappingAccounts[position] {
                    context.diagnostics += accounted
                } else {
                    accountInner(child, path: childPath, usage: usage, context: &context)
                }
            case "MAPPLET":
                accountMapplet(child, path: childPath, usage: usage, context: &context)
            case "SHORTCUT":
                PCShortcutAccounting.account(child, path: childPath, usage: usage, context: &context)
            case "EXPRMACRO":
                continue
            default:
                context.report(
                    PCMappingDiagnostics.elementNotConverted,
                    "folder element '\(child.name)'\(child.nameAttribute.isEmpty ? "" : " '\(child.nameAttribute)'") is not converted",
                    at: child, path: childPath)
                context.ledger.diagnose(child)
            }
        }
    }

    /// The transformations of MAPPING `mapping` at `path` that no instance used. Only the
    /// mapping's own instances can use them, so this may run as soon as the mapping is translated.
    static func accountMapping(
        _ mapping: XMLElementNode, path: ObjectPath, usage: PCUsage, context: inout PCTranslationContext
    ) {
        accountInner(mapping, path: path, usage: usage, context: &context)
    }

    private static func accountMapplet(
        _ mapplet: XMLElementNode, path: ObjectPath, usage: PCUsage, context: inout PCTranslationContext
    ) {
        if let uses = usage.mappletUses[PCElementKey(mapplet)] {
            context.report(
                PCMappingDiagnostics.mappletInlined,
                "mapplet '\(mapplet.nameAttribute)' is inlined where it is used instead of becoming its own pipeline",
                at: mapplet, path: path, notes: uses.map { "expanded for \($0)" })
            context.ledger.diagnose(mapplet.withoutChildren)
        }
        accountInner(mapplet, path: path, usage: usage, context: &context)
    }

    /// Transformations of a mapping or mapplet that no instance used, and a mapplet's interface.
    private static func accountInner(
        _ element: XMLElementNode, path: ObjectPath, usage: PCUsage, context: inout PCTranslationContext
    ) {
        for transformation in element.children(named: "TRANSFORMATION")
        where !usage.used.contains(PCElementKey(transformation)) {
            let transformationPath = path.appending("TRANSFORMATION", transformation.nameAttribute)
            if element.name == "MAPPLET", transformation.value("TYPE") == "Mapplet" {
                context.report(
                    PCMappingDiagnostics.elementNotConverted,
                    "the port list of mapplet '\(element.nameAttribute)' is not converted on its own: the mapplet's Input and Output transformations define the same ports",
                    at: transformation, path: transformationPath)
                context.ledger.diagnose(transformation)
                continue
            }
            reportUnused(transformation, path: transformationPath, context: &context)
        }
    }

    private static func reportUnused(_ element: XMLElementNode, path: ObjectPath, context: inout PCTranslationContext) {
        let kind =
            element.name == "TRANSFORMATION"
            ? "\(element.value("TYPE").lowercased()) transformation" : element.name.lowercased()
        context.report(
            PCMappingDiagnostics.unusedDefinition,
            "\(kind) '\(element.nameAttribute)' is not used by any mapping in this export",
            at: element, path: path)
        context.ledger.diagnose(element)
    }
}

/// One diagnostic per SHORTCUT: resolved, unresolved, or unused.
enum PCShortcutAccounting {
    /// Reports `shortcut` according to how the translation used it.
    static func account(
        _ shortcut: XMLElementNode, path: ObjectPath, usage: PCUsage, context: inout PCTranslationContext
    ) {
        let key = PCElementKey(shortcut)
        let target =
            "\(shortcut.value("OBJECTTYPE").lowercased()) '\(shortcut.value("REFOBJECTNAME"))' in folder '\(shortcut.value("FOLDERNAME"))' of repository '\(shortcut.value("REPOSITORYNAME"))'"
        let uses = usage.shortcutUses[key] ?? []
        let message: String
        if usage.unresolvedShortcuts.contains(key) {
            message =
                "shortcut '\(shortcut.nameAttribute)' refers to \(target), which is not in this export; the instances using it are opaque"
        } else if uses.isEmpty {
            message = "shortcut '\(shortcut.nameAttribute)' to \(target) is not used by any converted mapping"
        } else {
            message = "shortcut '\(shortcut.nameAttribute)' to \(target) is resolved inside this export"
        }
        context.report(
            PCMappingDiagnostics.shortcutNote, message, at: shortcut, path: path, notes: uses.map { "used by \($0)" },
            fix: usage.unresolvedShortcuts.contains(key)
                ? "export the shared folder '\(shortcut.value("FOLDERNAME"))' together with this one" : nil)
        context.ledger.diagnose(shortcut)
    }
}
