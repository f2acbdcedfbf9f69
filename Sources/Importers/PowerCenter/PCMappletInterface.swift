import IR

/// Keeps a mapplet's interface port names (the ports of its TYPE=`Mapplet` TRANSFORMATION, which
/// the parent mapping's connectors use) in the IR: each becomes the attribute `MAPPLET_PORT` on the
/// port of the Input or Output transformation node it refers to (MAPPLETGROUP and REF_FIELD).
///
/// The node ports keep the names the mapplet's own connectors use (`o_NAME`), so the wiring stays
/// exact, and the interface name (`CLEAN_NAME`) is still there for a reader of the IR.
enum PCMappletInterface {
    /// The port attribute that holds the interface name.
    static let attributeName = "MAPPLET_PORT"

    /// Annotates the nodes built for `scope` (a MAPPING or a standalone MAPPLET) and for every
    /// mapplet expanded inside it, recursively; marks each annotated interface as used and
    /// represented, and reports what of it the IR does not keep.
    static func annotate(
        _ nodes: inout [Node], scope: XMLElementNode, folder: String, path: ObjectPath, idPrefix: String,
        index: PCExportIndex, usage: inout PCUsage, context: inout PCTranslationContext, depth: Int = 0
    ) {
        guard depth <= 16 else { return }
        if scope.name == "MAPPLET" {
            keepInterface(of: scope, path: path, idPrefix: idPrefix, nodes: &nodes, usage: &usage, context: &context)
        }
        for instance in scope.children(named: "INSTANCE")
        where instance.value("TYPE").uppercased() == "MAPPLET" || instance.value("TRANSFORMATION_TYPE") == "Mapplet" {
            let prefix = idPrefix + instance.nameAttribute + "."
            guard nodes.contains(where: { $0.id.hasPrefix(prefix) }),
                case .found(let definition) = index.resolve(
                    .mapplet, named: instance.value("TRANSFORMATION_NAME"), inFolder: folder)
            else { continue }
            annotate(
                &nodes, scope: definition.element, folder: definition.folder, path: definition.path, idPrefix: prefix,
                index: index, usage: &usage, context: &context, depth: depth + 1)
        }
    }

    /// Puts the interface names of `mapplet` on its Input/Output nodes (ids `idPrefix + instance`).
    private static func keepInterface(
        of mapplet: XMLElementNode, path: ObjectPath, idPrefix: String, nodes: inout [Node], usage: inout PCUsage,
        context: inout PCTranslationContext
    ) {
        guard let declared = mapplet.children(named: "TRANSFORMATION").first(where: { $0.value("TYPE") == "Mapplet" })
        else { return }
        let declaredPath = path.appending("TRANSFORMATION", declared.nameAttribute)
        let instances = mapplet.children(named: "INSTANCE")
        var missing: [XMLElementNode] = []
        for field in declared.children(named: "TRANSFORMFIELD") {
            let group = field.value("MAPPLETGROUP")
            let instanceName =
                instances.contains { $0.nameAttribute == group }
                ? group : instances.first { $0.value("TRANSFORMATION_NAME") == group }?.nameAttribute
            let portName = field.nonEmpty("REF_FIELD") ?? field.nameAttribute
            guard let instanceName, let nodeIndex = nodes.firstIndex(where: { $0.id == idPrefix + instanceName }),
                let portIndex = nodes[nodeIndex].ports.firstIndex(where: { $0.name == portName })
            else {
                missing.append(field)
                continue
            }
            if !nodes[nodeIndex].ports[portIndex].attributes.contains(where: { $0.name == attributeName }) {
                nodes[nodeIndex].ports[portIndex].attributes.append(Attribute(attributeName, field.nameAttribute))
            }
            context.ledger.represent(field)
        }
        guard missing.count < declared.children(named: "TRANSFORMFIELD").count else { return }
        let firstUse = usage.used.insert(PCElementKey(declared)).inserted
        context.ledger.represent(declared)
        guard firstUse else {
            for field in missing { context.ledger.diagnose(field) }
            return
        }
        for field in missing {
            context.report(
                PCMappingDiagnostics.elementNotConverted,
                "interface port '\(field.nameAttribute)' of mapplet '\(mapplet.nameAttribute)' refers to '\(field.value("MAPPLETGROUP")).\(field.nonEmpty("REF_FIELD") ?? field.nameAttribute)', which is not a port of the mapplet's Input or Output transformations; it is not converted",
                at: field, path: declaredPath.appending("TRANSFORMFIELD", field.nameAttribute),
                fix: "open the mapplet in the Designer, validate it and export it again")
            context.ledger.diagnose(field)
        }
        for attribute in declared.children(named: "TABLEATTRIBUTE") {
            let name = attribute.nameAttribute
            let reason =
                name == "Is Active"
                ? "whether a mapplet is active follows from the transformations inside it"
                : "the IR keeps a mapplet's interface only as port names"
            context.report(
                PCMappingDiagnostics.elementNotConverted,
                "attribute '\(name)'='\(attribute.value("VALUE"))' of the interface of mapplet '\(mapplet.nameAttribute)' is not converted: \(reason)",
                at: attribute, path: declaredPath.appending("TABLEATTRIBUTE", name))
        }
    }
}
