import IR

extension PCFolderWorkflowTranslator {
    /// The session ATTRIBUTE mapped to ``SessionSpec/rowKind``.
    static let rowKindAttribute = "Treat source rows as"

    /// Builds a session task from its SESSION definition and the instance's overrides (instance
    /// ATTRIBUTE, SESSIONEXTENSION and CONFIGREFERENCE win over the session's).
    ///
    /// Task attributes: the session ATTRIBUTEs except `Treat source rows as` (overridden by the
    /// instance's), `SESSION.SORTORDER`, the configuration as `config:<name>`, settings of component
    /// tasks as `<component type>: <name>`, and non-empty metadata extensions.
    mutating func sessionBody(
        _ definition: PCWorkflowDefinition, instance: XMLElementNode, path: ObjectPath, chain: [PCWorkflowScope],
        notes: inout [ConversionNote]
    ) -> PCTaskBody {
        let session = definition.element
        var settings = PCWorkflowSettings.overriding(
            PCWorkflowSettings.attributeChildren(of: session),
            with: PCWorkflowSettings.attributeChildren(of: instance))
        let rowKindText = settings.first { $0.name == Self.rowKindAttribute }?.value
        settings.removeAll { $0.name == Self.rowKindAttribute }
        let rowKind = rowKind(rowKindText, session: definition, notes: &notes)
        if let sortOrder = session[attribute: "SORTORDER"] {
            settings.append(Attribute("SESSION.SORTORDER", sortOrder))
        }
        let (config, configSettings) = sessionConfig(session: definition, instance: instance, instancePath: path)
        let components = sessionComponents(of: definition, chain: chain)
        settings += configSettings + components.settings + Self.metadataExtensions(of: session)
        settings += Self.instanceValuePairs(of: instance)
        let spec = SessionSpec(
            pipeline: session[attribute: "MAPPINGNAME"] ?? "", rowKind: rowKind, config: config,
            nodes: nodeSettings(session: definition, instance: instance), components: components.components)
        return PCTaskBody(kind: .session(spec), attributes: settings, definition: definition)
    }

    private static func instanceValuePairs(of instance: XMLElementNode) -> [Attribute] {
        PCWorkflowSettings.valuePairs(of: instance).map {
            Attribute("variable:\($0[attribute: "NAME"] ?? "")", $0[attribute: "VALUE"] ?? "")
        }
    }

    /// `Insert`, `Update`, `Delete`, `Data driven` (any case); absent → insert; other values warn.
    private mutating func rowKind(_ text: String?, session: PCWorkflowDefinition, notes: inout [ConversionNote])
        -> RowKindDefault
    {
        guard let text else { return .insert }
        switch text.lowercased().filter({ !$0.isWhitespace }) {
        case "insert", "": return .insert
        case "update": return .update
        case "delete": return .delete
        case "datadriven": return .dataDriven
        default:
            report(
                PCWorkflowDiagnostics.rowKindUnknown,
                "session '\(session.path.segments.last?.name ?? "")' treats source rows as '\(text)', which is not "
                    + "Insert, Update, Delete or Data driven; rows are treated as inserts",
                at: session.element, path: session.path,
                fix: "set 'Treat source rows as' to one of Insert, Update, Delete or Data driven", notes: &notes)
            return .insert
        }
    }

    /// The configuration name and its settings as `config:<name>`: the CONFIG object's ATTRIBUTEs,
    /// overridden by the session's CONFIGREFERENCE ATTRIBUTEs, then by the instance's.
    private mutating func sessionConfig(
        session: PCWorkflowDefinition, instance: XMLElementNode, instancePath: ObjectPath
    )
        -> (name: String?, settings: [Attribute])
    {
        let sessionReference = session.element.children(named: "CONFIGREFERENCE").first
        let instanceReference = instance.children(named: "CONFIGREFERENCE").first
        guard let reference = instanceReference ?? sessionReference else { return (nil, []) }
        let name = reference[attribute: "REFOBJECTNAME"].flatMap { $0.isEmpty ? nil : $0 }
        var settings: [Attribute] = []
        if let name, let config = configs[name] {
            settings = PCWorkflowSettings.attributeChildren(of: config)
        } else if let name, missingConfigs.insert(name).inserted {
            report(
                PCWorkflowDiagnostics.sessionConfigMissing,
                "session configuration '\(name)', used by session '\(session.path.segments.last?.name ?? "")' and "
                    + "maybe others, is not in this export; only the settings sessions override are known",
                at: sessionReference ?? reference,
                path: (sessionReference == nil ? instancePath : session.path).appending("CONFIGREFERENCE", name),
                fix: "export the session configuration object together with the session")
        }
        for override in [sessionReference, instanceReference].compactMap({ $0 }) {
            settings = PCWorkflowSettings.overriding(settings, with: PCWorkflowSettings.attributeChildren(of: override))
        }
        return (name, settings.map { Attribute("config:\($0.name)", $0.value) })
    }
}
