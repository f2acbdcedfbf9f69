import IR

/// The end-of-export correction for shortcuts: a shortcut that mapping instances use but that does
/// not resolve inside the export is not "resolved inside the export or unused" (IMP0108); its note
/// becomes IMP0136 (``PCMappingDiagnostics/shortcutOutsideExport``), keeping its message, notes
/// and fix. The instances themselves carry the IMP0109 error.
///
/// Must run after ``PCFolderAccounting`` has reported every SHORTCUT.
enum PCCheckShortcuts {
    /// Re-codes the IMP0108 notes of the unresolved shortcuts of `folders`.
    static func recodeUnresolved(folders: [XMLElementNode], usage: PCUsage, context: inout PCTranslationContext) {
        var locations: Set<SourceLocation> = []
        for folder in folders {
            for shortcut in folder.children(named: "SHORTCUT")
            where usage.unresolvedShortcuts.contains(PCElementKey(shortcut)) {
                locations.insert(context.location(of: shortcut))
            }
        }
        guard !locations.isEmpty else { return }
        let target = PCMappingDiagnostics.shortcutOutsideExport
        for index in context.diagnostics.indices
        where context.diagnostics[index].code == PCMappingDiagnostics.shortcutNote.code
            && locations.contains(context.diagnostics[index].location)
        {
            context.diagnostics[index].code = target.code
            context.diagnostics[index].severity = target.severity
        }
    }
}
