import IR

/// Builds IR nodes for mapping instances whose definition was found: sources, targets and
/// transformations. Marks the instance, definition and ports as represented in the ledger.
enum PCNodeBuilder {
    /// Definition XML attributes that are typed elsewhere or repository bookkeeping.
    private static let bookkeeping: Set<String> = [
        "NAME", "TYPE", "DESCRIPTION", "OBJECTVERSION", "VERSIONNUMBER", "REUSABLE", "COMPONENTVERSION",
        "CRCVALUE", "TEMPLATEID", "DATABASETYPE", "DBDNAME", "OWNERNAME", "BUSINESSNAME",
    ]

    /// Where a node sits: its id, object path, and how the surrounding flow is translated.
    struct Placement {
        var id: String
        var path: ObjectPath
        var connected: Bool
        var mode: PCFlowMode
        var idPrefix: String
    }

    /// A source node (`Source Definition` instance).
    static func source(
        _ instance: XMLElementNode, _ definition: PCDefinition, at placement: Placement,
        context: inout PCTranslationContext
    ) -> Node {
        let element = definition.element
        let database = element.nonEmpty("DATABASETYPE")
        let flatFile = element.children(named: "FLATFILE").first.map(flatFileFormat)
        let ports = columnPorts(
            of: element, field: "SOURCEFIELD", roles: .output, database: database, flatFile: flatFile,
            placement: placement,
            context: &context)
        let spec = SourceSpec(
            table: element.nameAttribute, schema: element.nonEmpty("OWNERNAME"), database: database,
            catalog: element.nonEmpty("DBDNAME"), flatFile: flatFile)
        return finish(
            instance, definition, placement, vendorType: "Source Definition", ports: ports,
            handledChildren: ["SOURCEFIELD", "FLATFILE"], context: &context
        ) { _, _ in .source(spec) }
    }

    /// The column ports of a source or target definition, from its `field` children in order; fixed-width
    /// files keep their positions. Exactly sized: the ports stay in the IR, and growth slack would too.
    private static func columnPorts(
        of element: XMLElementNode, field: String, roles: PortRoles, database: String?, flatFile: FlatFileFormat?,
        placement: Placement, context: inout PCTranslationContext
    ) -> [Port] {
        let fixedWidth = flatFile.map { !$0.delimited } ?? false
        var ports: [Port] = []
        ports.reserveCapacity(element.childCount(named: field))
        element.forEachChild(named: field) {
            ports.append(
                PCPortReader.columnPort(
                    $0, roles: roles, database: database, fixedWidth: fixedWidth, nodePath: placement.path,
                    context: &context))
        }
        return ports
    }

    /// A target node (`Target Definition` instance).
    static func target(
        _ instance: XMLElementNode, _ definition: PCDefinition, at placement: Placement,
        context: inout PCTranslationContext
    ) -> Node {
        let element = definition.element
        let database = element.nonEmpty("DATABASETYPE")
        let flatFile = element.children(named: "FLATFILE").first.map(flatFileFormat)
        let ports = columnPorts(
            of: element, field: "TARGETFIELD", roles: .input, database: database, flatFile: flatFile,
            placement: placement,
            context: &context)
        let spec = TargetSpec(
            table: element.nameAttribute, schema: element.nonEmpty("OWNERNAME"), database: database, flatFile: flatFile)
        return finish(
            instance, definition, placement, vendorType: "Target Definition", ports: ports,
            handledChildren: ["TARGETFIELD", "FLATFILE"], context: &context
        ) { _, _ in .target(spec) }
    }

    /// A transformation node; the operator is chosen by ``PCOperatorDispatch``.
    static func transformation(
        _ instance: XMLElementNode, _ definition: PCDefinition, at placement: Placement,
        context: inout PCTranslationContext
    ) -> Node {
        // Exactly sized: the ports stay in the IR, and growth slack would stay with them.
        var ports: [Port] = []
        ports.reserveCapacity(definition.element.childCount(named: "TRANSFORMFIELD"))
        definition.element.forEachChild(named: "TRANSFORMFIELD") { field in
            context.ledger.represent(field)
            ports.append(PCPortReader.transformPort(field, nodePath: placement.path, context: &context))
        }
        return finish(
            instance, definition, placement, vendorType: definition.element.value("TYPE"), ports: ports,
            handledChildren: ["TRANSFORMFIELD"], context: &context
        ) { draft, context in PCOperatorDispatch.op(for: &draft, context: &context) }
    }

    private static func finish(
        _ instance: XMLElementNode, _ definition: PCDefinition, _ placement: Placement, vendorType: String,
        ports: [Port], handledChildren: Set<String>, context: inout PCTranslationContext,
        makeOperator build: (inout PCNodeDraft, inout PCTranslationContext) -> Operator
    ) -> Node {
        context.ledger.represent(instance)
        context.ledger.represent(definition.element)
        var draft = PCNodeDraft(
            id: placement.id, path: placement.path, instance: instance, definition: definition.element,
            vendorType: vendorType, ports: ports,
            options: PCOptionBag(definition: definition.element, instance: instance, path: placement.path),
            connected: placement.connected, mode: placement.mode, idPrefix: placement.idPrefix)
        let op = build(&draft, &context)
        uniquePorts(&draft, context: &context)
        var handled = handledChildren.union(["TABLEATTRIBUTE"])
        if case .opaque = op {} else { handled.formUnion(consumedChildren(vendorType)) }
        draft.attributes =
            PCNodeBuilder.definitionAttributes(definition.element)
            + PCChildAttributes.attributes(of: definition.element, skipping: handled)
            + PCChildAttributes.attributes(of: instance, skipping: ["TABLEATTRIBUTE", "ASSOCIATED_SOURCE_INSTANCE"])
            + draft.attributes
        return draft.node(op: op, context: context, definitionPath: definition.path)
    }

    /// Children that a successful operator of `vendorType` has turned into typed options.
    private static func consumedChildren(_ vendorType: String) -> Set<String> {
        switch vendorType {
        case "Router", "Custom Transformation": ["GROUP", "FIELDDEPENDENCY"]
        case "Normalizer": ["SOURCEFIELD"]
        default: []
        }
    }

    /// Non-empty definition XML attributes that are not typed elsewhere.
    static func definitionAttributes(_ element: XMLElementNode) -> [Attribute] {
        PCPortReader.verbatimAttributes(of: element, skipping: bookkeeping)
            + (element.nonEmpty("BUSINESSNAME").map { [Attribute("BUSINESSNAME", $0)] } ?? [])
    }

    /// Renames later ports whose name repeats an earlier one (`name#2`) and reports each.
    private static func uniquePorts(_ draft: inout PCNodeDraft, context: inout PCTranslationContext) {
        let ports = draft.ports
        let names = NameIndex(count: ports.count) { ports[$0].name }
        guard names.hasRepeats else { return }
        let firsts = names.firsts
        var occurrences = [Int](repeating: 0, count: firsts.count)
        for index in draft.ports.indices {
            let name = draft.ports[index].name
            occurrences[firsts[index]] += 1
            let count = occurrences[firsts[index]]
            guard count > 1 else { continue }
            draft.ports[index].name = "\(name)#\(count)"
            let provenance = draft.ports[index].provenance
            context.diagnostics.append(
                PCMappingDiagnostics.duplicatePortName(
                    "port '\(name)' of '\(draft.id)' is defined more than once; this one is renamed '\(name)#\(count)'",
                    at: provenance.location, path: provenance.path,
                    fix: "rename one of the ports in the Designer and re-export"))
        }
    }

    /// A FLATFILE element as a file format; unmapped settings are kept verbatim.
    static func flatFileFormat(_ element: XMLElementNode) -> FlatFileFormat {
        let mapped: Set<String> = [
            "DELIMITED", "DELIMITERS", "QUOTE_CHARACTER", "ESCAPE_CHARACTER", "SKIPROWS", "CODEPAGE",
        ]
        return FlatFileFormat(
            delimited: element.flag("DELIMITED", otherwise: true), delimiters: element.nonEmpty("DELIMITERS"),
            quote: element.nonEmpty("QUOTE_CHARACTER")?.lowercased(), escape: element.nonEmpty("ESCAPE_CHARACTER"),
            skipRows: element.integer("SKIPROWS") ?? 0, codePage: element.nonEmpty("CODEPAGE"),
            attributes: PCPortReader.verbatimAttributes(of: element, skipping: mapped))
    }
}

/// Turns child elements with no typed counterpart into verbatim attributes.
enum PCChildAttributes {
    /// Attributes for the children of `element` not named in `skipping`: metadata extensions with a
    /// value as `METADATAEXTENSION:<name>`, initialisation properties as `INITPROP:<name>`, and any
    /// other child as `<ELEMENT>:<name>` with its XML attributes flattened to `K=V; K=V`.
    static func attributes(of element: XMLElementNode, skipping: Set<String>) -> [Attribute] {
        // Siblings mostly share a shape (the fields of a transformation): the skip decision is
        // remembered for the last shape instead of hashing every child's name.
        // The shape is compared by identity; the children hold it, so it cannot be reused meanwhile.
        var lastShape: ObjectIdentifier?
        var lastSkipped = false
        var result: [Attribute] = []
        element.forEachChild { child in
            if ObjectIdentifier(child.shape) != lastShape {
                lastShape = ObjectIdentifier(child.shape)
                lastSkipped = skipping.contains(child.name)
            }
            guard !lastSkipped, let attribute = attribute(of: child) else { return }
            result.append(attribute)
        }
        return result
    }

    /// The verbatim attribute standing for `child`, or nil when it carries nothing.
    private static func attribute(of child: borrowing XMLElementNode) -> Attribute? {
        let label = child.nameAttribute.isEmpty ? child.name : "\(child.name):\(child.nameAttribute)"
        switch child.name {
        case "METADATAEXTENSION":
            return child.nonEmpty("VALUE").map { Attribute(label, $0) }
        case "INITPROP", "TRANSFORMFIELDATTR", "ATTRIBUTE":
            return Attribute(label, child.value("VALUE"))
        default:
            let flat = zip(child.attributeNames, child.attributeValues).filter { $0.0 != "NAME" && !$0.1.isEmpty }
                .map { "\($0.0)=\($0.1)" }.joined(separator: "; ")
            if flat.isEmpty, child.nameAttribute.isEmpty, child.children.isEmpty, child.text == nil { return nil }
            return Attribute(label, flat + (child.text.map { flat.isEmpty ? $0 : "; \($0)" } ?? ""))
        }
    }
}
