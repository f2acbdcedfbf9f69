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
        _ field: borrowing XMLElementNode, nodePath: ObjectPath, context: inout PCTranslationContext
    ) -> Port {
        let name = context.transformFields.text(.name, of: field)
        let path = nodePath.appending("PORT", name)
        let portTypeText = context.transformFields.text(.portType, of: field)
        let portType = context.portTypes.portType(portTypeText)
        reportUnknownTokens(portType, field: field, name: name, path: path, context: &context)
        var attributes = context.attributeFilters.attributes(
            of: field, rule: .transformField, skipping: mappedFieldAttributes, defaults: columnDefaults)
        if !portType.otherTokens.isEmpty { attributes.append(Attribute("PORTTYPE", portTypeText)) }
        field.forEachChild(named: "TRANSFORMFIELDATTR") {
            attributes.append(Attribute($0.nameAttribute, $0.value("VALUE")))
        }
        let type = transformationType(
            named: context.transformFields.text(.dataType, of: field),
            precision: integer(context.transformFields.nonEmpty(.precision, of: field)),
            scale: integer(context.transformFields.nonEmpty(.scale, of: field)), field: field, fieldName: name,
            path: path, context: &context)
        let group = context.transformFields.nonEmpty(.group, of: field)
        let defaultValue = context.transformFields.nonEmpty(.defaultValue, of: field).map(ScalarExpression.init)
        let description = context.transformFields.nonEmpty(.description, of: field)
        var expression: ScalarExpression?
        if let text = context.transformFields.nonEmpty(.expression, of: field),
            !(portType.roles.contains(.input) && text == name)
        {
            expression = ScalarExpression(text)
        }
        return Port(
            name: name, type: type, roles: portType.roles, group: group, expression: expression,
            defaultValue: defaultValue,
            description: description, attributes: attributes, provenance: context.provenance(of: field, path: path))
    }

    /// A port from a SOURCEFIELD or TARGETFIELD of a `database` table, with `roles`.
    static func columnPort(
        _ field: borrowing XMLElementNode, roles: PortRoles, database: String?, fixedWidth: Bool, nodePath: ObjectPath,
        context: inout PCTranslationContext
    ) -> Port {
        let name = context.columnFields.text(.name, of: field)
        let path = nodePath.appending("PORT", name)
        let native = NativeType(
            name: context.columnFields.text(.dataType, of: field),
            precision: integer(context.columnFields.nonEmpty(.precision, of: field)) ?? 0,
            scale: integer(context.columnFields.nonEmpty(.scale, of: field)) ?? 0)
        let attributes = context.attributeFilters.attributes(
            of: field, rule: fixedWidth ? .fixedWidthColumn : .column,
            skipping: fixedWidth ? mappedColumnAttributes : mappedNonPhysicalColumnAttributes,
            defaults: columnDefaults)
        let type = nativeTransformationType(
            native, database: database, field: field, fieldName: name, path: path, context: &context)
        let nullable = context.columnFields.nonEmpty(.nullable, of: field).map { $0.uppercased() != "NOTNULL" }
        let key = keyKind(context.columnFields.text(.keyType, of: field))
        let description = context.columnFields.nonEmpty(.description, of: field)
        return Port(
            name: name, type: type, nativeType: native, roles: roles, nullable: nullable, key: key,
            description: description, attributes: attributes, provenance: context.provenance(of: field, path: path))
    }

    /// `text` as an integer when it is not nil (like ``XMLElementNode/integer(_:)`` of a non-empty value).
    @inline(__always)
    private static func integer(_ text: String?) -> Int? {
        guard let text else { return nil }
        return Int(text.trimmingSpaces())
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
        transformationType(
            named: field.value("DATATYPE"), precision: field.integer("PRECISION"), scale: field.integer("SCALE"),
            field: field, fieldName: field.nameAttribute, path: path, context: &context)
    }

    /// The transformation datatype `name` (with `precision` and `scale` as read) of `field`.
    private static func transformationType(
        named name: String, precision: Int?, scale: Int?, field: borrowing XMLElementNode, fieldName: String,
        path: ObjectPath, context: inout PCTranslationContext
    ) -> DataType {
        let precision = precision ?? 0
        if let type = context.dataTypes.transformationType(name, precision: precision, scale: scale ?? 0) {
            return type
        }
        context.report(
            PCMappingDiagnostics.unknownTransformationType,
            "datatype '\(name)' of '\(fieldName)' is not a transformation datatype; 'string(\(precision))' is assumed",
            at: field, path: path, fix: "check the port's datatype in the Designer and re-export")
        return .string(precision: precision)
    }

    private static func nativeTransformationType(
        _ native: NativeType, database: String?, field: borrowing XMLElementNode, fieldName: String, path: ObjectPath,
        context: inout PCTranslationContext
    ) -> DataType {
        if let type = context.nativeTypes.transformationType(
            native: native.name, database: database, precision: native.precision, scale: native.scale)
        {
            return type
        }
        if let type = context.dataTypes.transformationType(
            native.name, precision: native.precision, scale: native.scale)
        {
            return type
        }
        context.report(
            PCMappingDiagnostics.unknownNativeType,
            "native datatype '\(native.name)' of '\(fieldName)' (\(database ?? "unknown database")) has no known transformation datatype; 'string(\(native.precision))' is assumed",
            at: field, path: path, fix: "add the type to the native type table or check the column's type")
        return .string(precision: native.precision)
    }

    /// The key kind a field's KEYTYPE names; nil for `NOT A KEY` and anything else.
    static func keyKind(_ text: String) -> KeyKind? {
        switch text.uppercased() {
        case "PRIMARY KEY": .primary
        case "FOREIGN KEY": .foreign
        case "PRIMARY/FOREIGN KEY", "PRIMARY FOREIGN KEY": .primaryForeign
        default: nil
        }
    }

    private static func reportUnknownTokens(
        _ portType: PCPortType, field: borrowing XMLElementNode, name: String, path: ObjectPath,
        context: inout PCTranslationContext
    ) {
        for token in portType.unknownTokens {
            context.report(
                PCMappingDiagnostics.unknownPortType,
                "port type token '\(token)' of '\(name)' is unknown; it is kept as an attribute",
                at: field, path: path, fix: "report this port type so the translator can learn it")
        }
    }
}
