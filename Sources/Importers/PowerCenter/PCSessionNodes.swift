import IR

extension PCFolderWorkflowTranslator {
    /// One ``NodeSettings`` per session transformation instance (node = SINSTANCENAME), merged with
    /// the SESSIONEXTENSIONs of that instance, then with the task instance's SESSIONEXTENSION overrides.
    ///
    /// Settings kept per node: SESSTRANSFORMATIONINST ATTRIBUTEs (SQL query, source filter, target
    /// table name, ...), `SESSTRANSFORMATIONINST.PARTITIONTYPE`, FLATFILE overrides as
    /// `FLATFILE.<attribute>`, `SESSIONEXTENSION.TYPE`/`.SUBTYPE`/`.DSQINSTNAME`, the extension's
    /// ATTRIBUTEs (target load type, insert/update/delete options, truncate, pre/post SQL, ...) and
    /// its connection's ATTRIBUTEs. Partition lists and group markers are not kept.
    func nodeSettings(session: PCWorkflowDefinition, instance: XMLElementNode) -> [NodeSettings] {
        var order: [String] = []
        var nodes: [String: NodeSettings] = [:]
        func node(_ name: String, _ element: XMLElementNode) -> NodeSettings {
            if let existing = nodes[name] { return existing }
            order.append(name)
            let path = session.path.appending("SESSTRANSFORMATIONINST", name)
            return NodeSettings(node: name, provenance: context.provenance(of: element, path: path))
        }
        for element in session.element.children(named: "SESSTRANSFORMATIONINST") {
            guard let name = element[attribute: "SINSTANCENAME"] else { continue }
            var settings = node(name, element)
            settings.attributes += Self.transformationInstanceSettings(element)
            nodes[name] = settings
        }
        for element in session.element.children(named: "SESSIONEXTENSION") {
            guard let name = element[attribute: "SINSTANCENAME"] else { continue }
            var settings = node(name, element)
            Self.apply(extension: element, to: &settings, overriding: false)
            nodes[name] = settings
        }
        for element in instance.children(named: "SESSIONEXTENSION") {
            guard let name = element[attribute: "SINSTANCENAME"] else { continue }
            var settings = node(name, element)
            Self.apply(extension: element, to: &settings, overriding: true)
            nodes[name] = settings
        }
        return order.compactMap { nodes[$0] }
    }

    private static func transformationInstanceSettings(_ element: XMLElementNode) -> [Attribute] {
        var settings = PCWorkflowSettings.attributeChildren(of: element)
        if let partitionType = element[attribute: "PARTITIONTYPE"] {
            settings.append(Attribute("SESSTRANSFORMATIONINST.PARTITIONTYPE", partitionType))
        }
        for flatFile in element.children(named: "FLATFILE") {
            settings += PCWorkflowSettings.flattened(flatFile)
        }
        return settings
    }

    /// Merges one SESSIONEXTENSION: its connection (a session-level extension fills a missing one,
    /// an instance-level override replaces it) and its settings (appended, or overriding by name).
    private static func apply(extension element: XMLElementNode, to settings: inout NodeSettings, overriding: Bool) {
        var extensionSettings: [Attribute] = []
        for name in ["TYPE", "SUBTYPE", "DSQINSTNAME"] {
            if let value = element[attribute: name] {
                extensionSettings.append(Attribute("SESSIONEXTENSION.\(name)", value))
            }
        }
        extensionSettings += PCWorkflowSettings.attributeChildren(of: element)
        let references = element.children(named: "CONNECTIONREFERENCE")
        for (offset, reference) in references.enumerated() {
            extensionSettings += PCWorkflowSettings.attributeChildren(of: reference)
            let connection = connectionName(reference)
            if offset == 0 {
                if overriding || settings.connection == nil, let connection {
                    settings.connection = connection
                    settings.connectionType = connectionType(reference)
                }
            } else {
                let label = reference[attribute: "CNXREFNAME"] ?? "\(offset + 1)"
                extensionSettings.append(Attribute("connection:\(label)", connection ?? ""))
            }
        }
        settings.attributes =
            overriding
            ? PCWorkflowSettings.overriding(settings.attributes, with: extensionSettings)
            : settings.attributes + extensionSettings
    }

    /// VARIABLE when the connection is parameterised, else CONNECTIONNAME; nil when both are empty.
    private static func connectionName(_ reference: XMLElementNode) -> String? {
        if let variable = reference[attribute: "VARIABLE"], !variable.isEmpty { return variable }
        if let name = reference[attribute: "CONNECTIONNAME"], !name.isEmpty { return name }
        return nil
    }

    /// `CONNECTIONTYPE/CONNECTIONSUBTYPE` (or the type alone); nil when the type is empty.
    private static func connectionType(_ reference: XMLElementNode) -> String? {
        guard let type = reference[attribute: "CONNECTIONTYPE"], !type.isEmpty else { return nil }
        guard let subtype = reference[attribute: "CONNECTIONSUBTYPE"], !subtype.isEmpty else { return type }
        return "\(type)/\(subtype)"
    }
}
