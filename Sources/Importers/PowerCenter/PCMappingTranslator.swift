import IR

/// Turns one MAPPING (or one MAPPLET no mapping uses) into a ``Pipeline``.
enum PCMappingTranslator {
    /// Mapping children translated elsewhere in this file or by the flow translator.
    private static let handledChildren: Set<String> = [
        "TRANSFORMATION", "INSTANCE", "CONNECTOR", "TARGETLOADORDER", "MAPPINGVARIABLE", "ERPINFO",
    ]

    /// The pipeline for MAPPING `element` of folder `folder`.
    static func mapping(
        _ element: XMLElementNode, folder: String, index: PCExportIndex, options: PowerCenterImportOptions,
        usage: inout PCUsage, context: inout PCTranslationContext
    ) -> Pipeline {
        pipeline(
            element, kind: .mapping, folder: folder, index: index, options: options, usage: &usage, context: &context)
    }

    /// The pipeline for a MAPPLET no mapping uses, with `.input`/`.output` boundary nodes.
    static func mapplet(
        _ element: XMLElementNode, folder: String, index: PCExportIndex, options: PowerCenterImportOptions,
        usage: inout PCUsage, context: inout PCTranslationContext
    ) -> Pipeline {
        pipeline(
            element, kind: .mapplet, folder: folder, index: index, options: options, usage: &usage, context: &context)
    }

    private static func pipeline(
        _ element: XMLElementNode, kind: PipelineKind, folder: String, index: PCExportIndex,
        options: PowerCenterImportOptions, usage: inout PCUsage, context: inout PCTranslationContext
    ) -> Pipeline {
        let path = ObjectPath().appending("FOLDER", folder).appending(element.name, element.nameAttribute)
        var flow = PCFlowTranslator(index: index, options: options, usage: usage)
        let scope = PCFlowScope(
            element: element, folder: folder, path: path, idPrefix: "", mode: kind == .mapping ? .inlined : .standalone,
            mappletChain: kind == .mapplet ? [PCElementKey(element)] : [])
        let bindings = flow.translate(scope, context: &context)
        usage = flow.usage
        var nodes = flow.nodes
        PCLookupTableKeys.annotate(&nodes, folder: folder, index: index)
        PCMappletInterface.annotate(
            &nodes, scope: element, folder: folder, path: path, idPrefix: "", index: index, usage: &usage,
            context: &context)
        PCCheckNodeShapes.run(&nodes, context: &context)
        PCCheckRowFlow.run(&nodes, context: &context)
        context.ledger.represent(element)
        var parameters = element.children(named: "MAPPINGVARIABLE").map {
            PCParameters.parameter($0, scopePath: path, context: &context)
        }
        merge(flow.mappletParameters, into: &parameters, context: &context)
        reportUnconvertedChildren(of: element, path: path, context: &context)
        return Pipeline(
            name: element.nameAttribute, kind: kind, description: element.nonEmpty("DESCRIPTION"),
            origin: context.origin(path: path), parameters: parameters, nodes: nodes,
            targetLoadOrder: loadOrder(element, bindings: bindings, path: path, context: &context),
            attributes: PCChildAttributes.attributes(of: element, skipping: handledChildren),
            provenance: context.provenance(of: element, path: path))
    }

    /// TARGETLOADORDER entries sorted by ORDER, as node ids.
    private static func loadOrder(
        _ element: XMLElementNode, bindings: PCBindings, path: ObjectPath, context: inout PCTranslationContext
    ) -> [String] {
        let entries = element.children(named: "TARGETLOADORDER").enumerated().sorted {
            ($0.element.integer("ORDER") ?? Int.max, $0.offset) < ($1.element.integer("ORDER") ?? Int.max, $1.offset)
        }
        return entries.compactMap { entry in
            let name = entry.element.value("TARGETINSTANCE")
            guard case .node(let id) = bindings.lookup(name, instanceClass: "TARGET") else {
                context.report(
                    PCMappingDiagnostics.unknownLoadOrderTarget,
                    "target load order names '\(name)', which is not an instance of the mapping; it is ignored",
                    at: entry.element, path: path, fix: "reset the target load order in the Designer and re-export")
                return nil
            }
            return id
        }
    }

    /// Adds mapplet parameters the mapping does not declare; reports same-named ones that differ.
    private static func merge(
        _ extra: [Parameter], into parameters: inout [Parameter], context: inout PCTranslationContext
    ) {
        for parameter in extra {
            guard let existing = parameters.first(where: { $0.name == parameter.name }) else {
                parameters.append(parameter)
                continue
            }
            if existing.type != parameter.type || existing.kind != parameter.kind {
                context.diagnostics.append(
                    PCMappingDiagnostics.parameterClash(
                        "mapplet parameter '\(parameter.name)' (\(parameter.type.canonicalName)) differs from the mapping's (\(existing.type.canonicalName)); the mapping's is used",
                        at: parameter.provenance.location, path: parameter.provenance.path,
                        fix: "give the mapplet parameter its own name"))
            }
        }
    }

    /// ERPINFO with content is reported; empty ones carry nothing.
    private static func reportUnconvertedChildren(
        of element: XMLElementNode, path: ObjectPath, context: inout PCTranslationContext
    ) {
        for child in element.children(named: "ERPINFO") where !child.attributes.isEmpty || !child.children.isEmpty {
            context.report(
                PCMappingDiagnostics.elementNotConverted,
                "ERPINFO of '\(element.nameAttribute)' is not converted (application source settings)",
                at: child, path: path)
        }
    }
}
