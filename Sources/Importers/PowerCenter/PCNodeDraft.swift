import IR

/// How Input and Output transformations of a mapplet are translated.
enum PCFlowMode: Equatable {
    /// Inlined into a mapping: Input/Output become pass-through projections.
    case inlined
    /// Converted on its own: Input/Output become `.input`/`.output` boundary nodes.
    case standalone
}

/// A node under construction: the instance, its definition, its ports and options, before the
/// operator is chosen. Operator builders read and adjust it and return the operator.
struct PCNodeDraft {
    /// The node id (instance name, prefixed inside expanded mapplets).
    var id: String
    /// `FOLDER[f]/MAPPING[m]/INSTANCE[i]` (or the MAPPLET path for expanded nodes).
    var path: ObjectPath
    /// The INSTANCE element.
    var instance: XMLElementNode
    /// The definition element (TRANSFORMATION, SOURCE or TARGET).
    var definition: XMLElementNode
    /// The vendor type (`Expression`, `Source Definition`, ...).
    var vendorType: String
    /// The ports, in export order.
    var ports: [Port]
    /// The merged TABLEATTRIBUTEs.
    var options: PCOptionBag
    /// Extra verbatim attributes (template names, INITPROPs, metadata extensions, groups).
    var attributes: [Attribute] = []
    /// Conversion notes for the node.
    var notes: [ConversionNote] = []
    /// Whether any connector touches the instance.
    var connected: Bool
    /// Inlined or standalone mapplet translation.
    var mode: PCFlowMode
    /// The id prefix of the enclosing scope (for node ids named in options).
    var idPrefix: String

    /// The ports whose EXPRESSIONTYPE (kept as an attribute) is `type`, in order.
    func ports(withExpressionType type: String) -> [Port] {
        ports.filter { port in port.attributes.contains { $0.name == "EXPRESSIONTYPE" && $0.value == type } }
    }

    /// Records an error diagnostic and a node note, and returns an opaque operator.
    mutating func opaque(
        _ descriptor: DiagnosticDescriptor, reason: String, fix: String, context: inout PCTranslationContext
    ) -> Operator {
        report(descriptor, reason, fix: fix, context: &context)
        return .opaque(OpaqueSpec(vendorType: vendorType, reason: reason))
    }

    /// Records a diagnostic at the instance (the node's path names it) and attaches it to the node
    /// as a note.
    mutating func report(
        _ descriptor: DiagnosticDescriptor, _ message: String, fix: String, context: inout PCTranslationContext
    ) {
        let diagnostic = descriptor(message, at: context.location(of: instance), path: path, fix: fix)
        context.diagnostics.append(diagnostic)
        notes.append(ConversionNote(diagnostic))
    }

    /// The node, once the operator is known.
    func node(op: Operator, context: PCTranslationContext, definitionPath: ObjectPath?) -> Node {
        Node(
            id: id, op: op,
            description: instance.nonEmpty("DESCRIPTION") ?? definition.nonEmpty("DESCRIPTION"),
            ports: ports, attributes: attributes + options.remaining, notes: notes,
            provenance: context.provenance(of: instance, path: path),
            definition: definitionPath.map { context.provenance(of: definition, path: $0) })
    }
}
