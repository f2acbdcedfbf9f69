import IR

extension PCFolderWorkflowTranslator {
    /// The user-defined WORKFLOWVARIABLEs of a WORKFLOW or WORKLET as variables; predefined task
    /// variables (`$s_x.Status`, USERDEFINED="NO") are implied by the tasks and only counted in one note.
    mutating func translateVariables(of element: XMLElementNode, path: ObjectPath) -> [Parameter] {
        var variables: [Parameter] = []
        var predefined = 0
        for variable in element.children(named: "WORKFLOWVARIABLE") {
            if !PCWorkflowSettings.flag(variable, "USERDEFINED", default: true) {
                predefined += 1
                continue
            }
            guard let name = PCWorkflowSettings.name(of: variable) else {
                reportNameless(variable, path: path)
                continue
            }
            variables.append(translateVariable(variable, name: name, path: path.appending("WORKFLOWVARIABLE", name)))
        }
        if predefined > 0 {
            let kind = element.name.lowercased()
            report(
                PCWorkflowDiagnostics.predefinedVariablesImplied,
                "\(predefined) predefined task variables of \(kind) '\(path.segments.last?.name ?? "")' are implied "
                    + "by its tasks and not written",
                at: element, path: path)
        }
        return variables
    }

    private mutating func translateVariable(_ variable: XMLElementNode, name: String, path: ObjectPath) -> Parameter {
        let typeName = variable[attribute: "DATATYPE"] ?? ""
        var type = Self.variableType(typeName)
        if type == nil {
            report(
                PCWorkflowDiagnostics.variableTypeUnknown,
                "workflow variable '\(name)' has datatype '\(typeName)', which is not a transformation datatype; "
                    + "it is treated as string(\(Self.defaultStringPrecision))",
                at: variable, path: path, fix: "check the variable's datatype in the repository")
            type = .string(precision: Self.defaultStringPrecision)
        }
        if type != nil, let assumed = Self.assumedPrecision(ofDatatype: typeName) {
            report(
                PCWorkflowDiagnostics.variablePrecisionAssumed,
                "workflow variable '\(name)' is \(typeName.lowercased()) without a precision in the export; it is "
                    + "given \(assumed)",
                at: variable, path: path)
        }
        let isNull = PCWorkflowSettings.flag(variable, "ISNULL", default: false)
        let value = variable[attribute: "DEFAULTVALUE"] ?? ""
        return Parameter(
            name: name, kind: .variable, type: type ?? .string(precision: Self.defaultStringPrecision),
            defaultValue: isNull || value.isEmpty ? nil : value,
            persistent: PCWorkflowSettings.flag(variable, "ISPERSISTENT", default: false),
            description: PCWorkflowSettings.description(of: variable),
            provenance: context.provenance(of: variable, path: path))
    }

    /// The precision given to string workflow variables, which the export writes without one.
    ///
    /// Why 4000: WORKFLOWVARIABLE has no PRECISION attribute (the Workflow Manager asks for none), but
    /// an IR string type needs a bound. 4000 characters holds the values workflow variables usually
    /// carry (dates, file names, SQL fragments) and is the largest VARCHAR2 of the common target
    /// databases. It is an assumption, not PowerCenter's limit [BELIEVED], so every variable that
    /// gets it also gets an IMP0219 note.
    static let defaultStringPrecision = 4000

    /// The precision ``variableType(_:)`` assumes for datatype `name`, in words; nil when the type
    /// needs none.
    static func assumedPrecision(ofDatatype name: String) -> String? {
        switch name.lowercased() {
        case "string", "nstring", "text", "ntext", "binary":
            "\(defaultStringPrecision) characters, a default chosen by the converter"
        case "decimal": "28 digits with scale 10, a default chosen by the converter"
        default: nil
        }
    }

    /// The IR type of a workflow variable datatype. Workflow variables carry no precision: strings get
    /// ``defaultStringPrecision`` characters, decimals 28 digits with scale 10, date/time the default.
    static func variableType(_ name: String) -> DataType? {
        switch name.lowercased() {
        case "string", "nstring", "text", "ntext", "binary":
            DataType(transformationType: name, precision: defaultStringPrecision, scale: 0)
        case "decimal":
            DataType(transformationType: name, precision: 28, scale: 10)
        default:
            DataType(transformationType: name, precision: 0, scale: 0)
        }
    }
}
