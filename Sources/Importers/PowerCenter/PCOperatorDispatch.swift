import IR

/// Chooses the operator for a transformation draft by its TYPE (and TEMPLATENAME for Custom
/// transformations). Recognised but unconvertible types and unknown types become opaque nodes
/// with an error; nothing is a silent pass-through.
enum PCOperatorDispatch {
    /// Types kept as opaque nodes because the IR cannot express them yet, with the reason.
    static let opaqueReasons: [String: String] = [
        "Stored Procedure": "a stored procedure call needs the database at run time",
        "External Procedure": "an external procedure is native code outside the export",
        "XML Source Qualifier": "XML sources are not yet convertible",
        "XML Parser": "XML parsing is not yet convertible",
        "XML Generator": "XML generation is not yet convertible",
        "App Multi-Group Source Qualifier": "application (multi-group) sources are not yet convertible",
        "Application Source Qualifier": "application sources are not yet convertible",
        "MQ Source Qualifier": "message queue sources are not yet convertible",
        "Java": "Java code is not convertible",
        "SQL": "a SQL transformation runs SQL per row against a live connection",
        "HTTP": "HTTP calls are not convertible",
    ]

    /// The operator for `draft`.
    static func op(for draft: inout PCNodeDraft, context: inout PCTranslationContext) -> Operator {
        switch draft.vendorType {
        case "Source Qualifier": return PCRelationalOperators.sourceQuery(&draft, context: &context)
        case "Expression": return .project(ProjectSpec())
        case "Filter": return PCRelationalOperators.filter(&draft, context: &context)
        case "Aggregator": return PCRelationalOperators.aggregate(&draft, context: &context)
        case "Joiner": return PCRelationalOperators.join(&draft, context: &context)
        case "Lookup Procedure": return PCRelationalOperators.lookup(&draft, context: &context)
        case "Router": return PCMultiGroupOperators.route(&draft, context: &context)
        case "Sorter": return PCRelationalOperators.sort(&draft, context: &context)
        case "Rank": return PCRelationalOperators.rank(&draft, context: &context)
        case "Sequence": return PCRelationalOperators.sequence(&draft, context: &context)
        case "Update Strategy": return PCRelationalOperators.setRowKind(&draft, context: &context)
        case "Transaction Control": return PCRelationalOperators.transactionControl(&draft, context: &context)
        case "Normalizer": return PCMultiGroupOperators.unpivot(&draft, context: &context)
        case "Input Transformation", "Output Transformation": return boundary(&draft)
        case "Custom Transformation": return custom(&draft, context: &context)
        default: return unconvertible(&draft, context: &context)
        }
    }

    /// Union is the only Custom template the IR expresses; SQL, Java and the rest are opaque.
    private static func custom(_ draft: inout PCNodeDraft, context: inout PCTranslationContext) -> Operator {
        let template = draft.definition.value("TEMPLATENAME")
        if template.lowercased() == "union transformation" {
            return PCMultiGroupOperators.union(&draft, context: &context)
        }
        draft.vendorType = template.isEmpty ? "Custom Transformation" : template
        let lower = template.lowercased()
        let reason =
            lower.hasPrefix("sql")
            ? opaqueReasons["SQL"]!
            : lower.hasPrefix("java")
                ? opaqueReasons["Java"]!
                : "custom transformation template '\(template)' is native code outside the export"
        return draft.opaque(
            PCMappingDiagnostics.opaqueTransformation,
            reason: "\(reason); '\(draft.id)' is kept with its ports and attributes",
            fix: "rewrite '\(draft.id)' with convertible transformations or implement it in the target platform",
            context: &context)
    }

    private static func unconvertible(_ draft: inout PCNodeDraft, context: inout PCTranslationContext) -> Operator {
        if let reason = opaqueReasons[draft.vendorType] {
            return draft.opaque(
                PCMappingDiagnostics.opaqueTransformation,
                reason: "\(reason); '\(draft.id)' is kept with its ports and attributes",
                fix: "rewrite '\(draft.id)' with convertible transformations or implement it in the target platform",
                context: &context)
        }
        return draft.opaque(
            PCMappingDiagnostics.unknownTransformation,
            reason:
                "transformation type '\(draft.vendorType)' of '\(draft.id)' is unknown; it is kept with its ports and attributes",
            fix: "report this transformation type so the translator can learn it", context: &context)
    }

    /// Mapplet Input/Output: boundaries when the mapplet stands alone, pass-through projections
    /// (every port both input and output) when it is inlined.
    private static func boundary(_ draft: inout PCNodeDraft) -> Operator {
        let isInput = draft.vendorType == "Input Transformation"
        switch draft.mode {
        case .standalone:
            for index in draft.ports.indices { draft.ports[index].roles = isInput ? .output : .input }
            let spec = BoundarySpec(name: draft.instance.nameAttribute)
            return isInput ? .input(spec) : .output(spec)
        case .inlined:
            for index in draft.ports.indices { draft.ports[index].roles = [.input, .output] }
            return .project(ProjectSpec())
        }
    }
}
