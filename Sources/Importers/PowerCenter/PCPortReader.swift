import IR

/// The flags of a PowerCenter PORTTYPE (`INPUT/OUTPUT/MASTER`, `LOOKUP/RETURN/OUTPUT`, ...).
struct PCPortType: Equatable {
    /// The IR roles.
    var roles: PortRoles = []
    /// Whether the port belongs to a Joiner's master side.
    var master = false
    /// Tokens that are neither roles nor MASTER (`GENERATED KEY`, unknown ones).
    var otherTokens: [String] = []

    /// Tokens that are known but carry no IR role; they are kept verbatim in the port's attributes.
    static let knownNonRoleTokens: Set<String> = ["GENERATED KEY", "GENERATED COLUMN ID", "DEFAULT"]

    /// The port types exports write most, read once (a lookup here is far cheaper than splitting).
    private static let common: [String: PCPortType] = Dictionary(
        uniqueKeysWithValues: [
            "INPUT", "OUTPUT", "INPUT/OUTPUT", "LOCAL VARIABLE", "VARIABLE", "LOOKUP/OUTPUT", "LOOKUP/RETURN/OUTPUT",
            "INPUT/OUTPUT/MASTER", "INPUT/MASTER", "LOOKUP", "LOOKUP/INPUT/OUTPUT", "OUTPUT/MASTER",
        ].map { ($0, PCPortType(parsing: $0)) })

    /// Splits `text` on `/` and reads each token.
    init(_ text: String) {
        if let known = Self.common[text] {
            self = known
            return
        }
        self.init(parsing: text)
    }

    private init(parsing text: String) {
        for raw in text.split(separator: "/") {
            let token = String(raw).trimmingSpaces().uppercased()
            switch token {
            case "INPUT": roles.insert(.input)
            case "OUTPUT": roles.insert(.output)
            case "LOCAL VARIABLE", "VARIABLE": roles.insert(.variable)
            case "LOOKUP": roles.insert(.lookup)
            case "RETURN": roles.insert(.returnValue)
            case "MASTER": master = true
            case "": continue
            default: otherTokens.append(token)
            }
        }
    }

    /// Tokens the translator does not know at all.
    var unknownTokens: [String] { otherTokens.filter { !Self.knownNonRoleTokens.contains($0) } }
}

/// Reads TRANSFORMFIELD, SOURCEFIELD and TARGETFIELD elements into IR ports.
enum PCPortReader {
    /// TRANSFORMFIELD attributes that map to typed port fields (or are order/bookkeeping only).
    private static let mappedFieldAttributes: Set<String> = [
        "NAME", "DATATYPE", "PRECISION", "SCALE", "PORTTYPE", "DEFAULTVALUE", "EXPRESSION", "DESCRIPTION",
        "GROUP", "FIELDNUMBER", "ISSORTKEY", "SORTDIRECTION",
    ]

    /// Column attributes that map to typed port fields or only restate the port order.
    private static let mappedColumnAttributes: Set<String> = [
        "NAME", "DATATYPE", "PRECISION", "SCALE", "NULLABLE", "KEYTYPE", "DESCRIPTION", "FIELDNUMBER",
    ]

    /// Column attributes that are skipped for tables other than fixed-width files.
    private static let mappedNonPhysicalColumnAttributes = mappedColumnAttributes.union(physicalAttributes)

    /// Column attributes whose value is noise when it equals the listed default.
    private static let columnDefaults: [String: String] = [
        "FIELDPROPERTY": "0", "FIELDTYPE": "ELEMITEM", "HIDDEN": "NO", "LEVEL": "0", "OCCURS": "0",
        "ISFILENAMEFIELD": "NO", "EXPRESSIONTYPE": "GENERAL",
    ]

    /// Physical layout attributes, meaningful only for fixed-width files.
    private static let physicalAttributes: Set<String> = ["LENGTH", "OFFSET", "PHYSICALLENGTH", "PHYSICALOFFSET"]

    /// A port from a TRANSFORMFIELD of the node at `nodePath`.
    static func transformPort(
        _ field: XMLElementNode, nodePath: ObjectPath, context: inout PCTranslationContext
    ) -> Port {
        let name = field.nameAttribute
        let path = nodePath.appending("PORT", name)
        let portType = PCPortType(field.value("PORTTYPE"))
        reportUnknownTokens(portType, field: field, path: path, context: &context)
        var attributes = context.attributeFilters.attributes(
            of: field, rule: .transformField, skipping: mappedFieldAttributes, defaults: columnDefaults)
        if !portType.otherTokens.isEmpty { attributes.append(Attribute("PORTTYPE", field.value("PORTTYPE"))) }
        attributes += field.children(named: "TRANSFORMFIELDATTR").map { Attribute($0.nameAttribute, $0.value("VALUE")) }
        var port = Port(
            name: name, type: transformationType(of: field, path: path, context: &context), roles: portType.roles,
            group: field.nonEmpty("GROUP"), expression: nil, defaultValue: field.nonEmpty("DEFAULTVALUE").map(ScalarExpression.init),
            description: field.nonEmpty("DESCRIPTION"), attributes: attributes,
            provenance: context.provenance(of: field, path: path))
        if let text = field.nonEmpty("EXPRESSION"), !(portType.roles.contains(.input) && text == name) {
            port.expression = ScalarExpression(text)
        }
        return port
    }

    /// A port from a SOURCEFIELD or TARGETFIELD of a `database` table, with `roles`.
    static func columnPort(
        _ field: XMLElementNode, roles: PortRoles, database: String?, fixedWidth: Bool, nodePath: ObjectPath,
        context: inout PCTranslationContext
    ) -> Port {
        let name = field.nameAttribute
        let path = nodePath.appending("PORT", name)
        let native = NativeType(
            name: field.value("DATATYPE"), precision: field.integer("PRECISION") ?? 0, scale: field.integer("SCALE") ?? 0)
        let attributes = context.attributeFilters.attributes(
            of: field, rule: fixedWidth ? .fixedWidthColumn : .column,
            skipping: fixedWidth ? mappedColumnAttributes : mappedNonPhysicalColumnAttributes,
            defaults: columnDefaults)
        return Port(
            name: name, type: nativeTransformationType(native, database: database, field: field, path: path, context: &context),
            nativeType: native, roles: roles, nullable: field.nonEmpty("NULLABLE").map { $0.uppercased() != "NOTNULL" },
            key: keyKind(field.value("KEYTYPE")), description: field.nonEmpty("DESCRIPTION"),
            attributes: attributes,
            provenance: context.provenance(of: field, path: path))
    }

    /// Non-empty XML attributes of `element` not in `skipping` and not at their noise default.
    static func verbatimAttributes(
        of element: XMLElementNode, skipping: Set<String>, defaults: [String: String] = [:]
    ) -> [Attribute] {
        let names = element.attributeNames
        var result: [Attribute] = []
        for (position, value) in element.attributeValues.enumerated() where !value.isEmpty {
            let name = names[position]
            guard !skipping.contains(name), defaults.isEmpty || defaults[name] != value else { continue }
            result.append(Attribute(name, value))
        }
        return result
    }

    /// The transformation datatype of a TRANSFORMFIELD (or MAPPINGVARIABLE), with a warning and a
    /// string guess when the name is unknown.
    static func transformationType(
        of field: XMLElementNode, path: ObjectPath, context: inout PCTranslationContext
    ) -> DataType {
        let precision = field.integer("PRECISION") ?? 0
        let name = field.value("DATATYPE")
        if let type = DataType(transformationType: name, precision: precision, scale: field.integer("SCALE") ?? 0) {
            return type
        }
        context.report(
            PCMappingDiagnostics.unknownTransformationType,
            "datatype '\(name)' of '\(field.nameAttribute)' is not a transformation datatype; 'string(\(precision))' is assumed",
            at: field, path: path, fix: "check the port's datatype in the Designer and re-export")
        return .string(precision: precision)
    }

    private static func nativeTransformationType(
        _ native: NativeType, database: String?, field: XMLElementNode, path: ObjectPath,
        context: inout PCTranslationContext
    ) -> DataType {
        if let type = PCNativeTypes.transformationType(
            native: native.name, database: database, precision: native.precision, scale: native.scale)
        {
            return type
        }
        if let type = DataType(transformationType: native.name, precision: native.precision, scale: native.scale) {
            return type
        }
        context.report(
            PCMappingDiagnostics.unknownNativeType,
            "native datatype '\(native.name)' of '\(field.nameAttribute)' (\(database ?? "unknown database")) has no known transformation datatype; 'string(\(native.precision))' is assumed",
            at: field, path: path, fix: "add the type to the native type table or check the column's type")
        return .string(precision: native.precision)
    }

    private static func keyKind(_ text: String) -> KeyKind? {
        switch text.uppercased() {
        case "PRIMARY KEY": .primary
        case "FOREIGN KEY": .foreign
        case "PRIMARY/FOREIGN KEY", "PRIMARY FOREIGN KEY": .primaryForeign
        default: nil
        }
    }

    private static func reportUnknownTokens(
        _ portType: PCPortType, field: XMLElementNode, path: ObjectPath, context: inout PCTranslationContext
    ) {
        for token in portType.unknownTokens {
            context.report(
                PCMappingDiagnostics.unknownPortType,
                "port type token '\(token)' of '\(field.nameAttribute)' is unknown; it is kept as an attribute",
                at: field, path: path, fix: "report this port type so the translator can learn it")
        }
    }
}
