import IR

/// Reads MAPPINGVARIABLE elements (mapping parameters and variables, reference §1.7).
enum PCParameters {
    /// A parameter (ISPARAM=YES) or variable of the mapping or mapplet at `scopePath`.
    static func parameter(
        _ element: XMLElementNode, scopePath: ObjectPath, context: inout PCTranslationContext
    ) -> Parameter {
        let path = scopePath.appending("MAPPINGVARIABLE", element.nameAttribute)
        let isParameter = element.flag("ISPARAM")
        let aggregations: [String: VariableAggregation] = ["NONE": .none, "COUNT": .count, "MIN": .min, "MAX": .max]
        let aggregation = isParameter ? nil : aggregations[element.value("AGGFUNCTION").uppercased()]
        if !isParameter, aggregation == nil, let text = element.nonEmpty("AGGFUNCTION") {
            context.report(
                PCMappingDiagnostics.invalidOptionValue,
                "aggregation '\(text)' of variable '\(element.nameAttribute)' is not COUNT, MIN, MAX or NONE; none is assumed",
                at: element, path: path, fix: "correct the variable's aggregation in the Designer and re-export")
        }
        return Parameter(
            name: element.nameAttribute, kind: isParameter ? .parameter : .variable,
            type: PCPortReader.transformationType(of: element, path: path, context: &context),
            defaultValue: element.nonEmpty("DEFAULTVALUE"), aggregation: aggregation,
            isExpression: element.flag("ISEXPRESSIONVARIABLE"), persistent: !isParameter,
            description: element.nonEmpty("DESCRIPTION"), provenance: context.provenance(of: element, path: path))
    }
}
