import IR

/// Operator builders for PowerCenter transformations with port groups: Router, Union and
/// Normalizer (reference §2.7, §2.10, §2.11).
enum PCMultiGroupOperators {
    /// Router → `.route`: the INPUT group, OUTPUT groups with their conditions in ORDER, and the
    /// OUTPUT/DEFAULT group. Output ports compute their REF_FIELD input port.
    static func route(_ draft: inout PCNodeDraft, context: inout PCTranslationContext) -> Operator {
        var inputGroup: String?
        var groups: [RouteGroup] = []
        var defaultGroup: String?
        for group in orderedGroups(of: draft.definition) {
            let type = group.value("TYPE").uppercased()
            if type.contains("INPUT") {
                inputGroup = inputGroup ?? group.nameAttribute
            } else if type.contains("DEFAULT") {
                defaultGroup = group.nameAttribute
            } else {
                groups.append(
                    RouteGroup(name: group.nameAttribute, condition: ScalarExpression(group.value("EXPRESSION"))))
            }
        }
        for index in draft.ports.indices where !draft.ports[index].roles.contains(.input) {
            if let position = draft.ports[index].attributes.firstIndex(where: { $0.name == "REF_FIELD" }) {
                let reference = draft.ports[index].attributes.remove(at: position)
                draft.ports[index].expression = ScalarExpression(reference.value)
            }
        }
        guard let input = inputGroup else {
            return draft.opaque(
                PCMappingDiagnostics.inexpressibleTransformation,
                reason: "router '\(draft.id)' has no INPUT group",
                fix: "re-export the mapping; a router always has an input group", context: &context)
        }
        return .route(RouteSpec(inputGroup: input, groups: groups, defaultGroup: defaultGroup))
    }

    /// Union (Custom Transformation, template `Union Transformation`) → `.union`: INPUT groups in
    /// ORDER and the FIELDDEPENDENCY input → output pairs.
    static func union(_ draft: inout PCNodeDraft, context: inout PCTranslationContext) -> Operator {
        let inputs = orderedGroups(of: draft.definition).filter { $0.value("TYPE").uppercased() == "INPUT" }.map(
            \.nameAttribute)
        let mappings = draft.definition.children(named: "FIELDDEPENDENCY").map {
            PortMapping(input: $0.value("INPUTFIELD"), output: $0.value("OUTPUTFIELD"))
        }
        return .union(UnionSpec(inputGroups: inputs, mappings: mappings))
    }

    /// Normalizer → `.unpivot` when every repeated column has exactly OCCURS input ports and one
    /// output port, all repeated columns repeat equally often, and there is at most one generated
    /// key; otherwise an opaque node.
    static func unpivot(_ draft: inout PCNodeDraft, context: inout PCTranslationContext) -> Operator {
        // A COBOL source normalizer stands where a Source Qualifier would: it reads the records
        // of a COBOL (VSAM) file source, with its OCCURS and REDEFINES, not rows from a pipeline.
        if draft.definition.value("ISVSAM_NORMALIZER").uppercased() == "YES" {
            return draft.opaque(
                PCMappingDiagnostics.inexpressibleTransformation,
                reason:
                    "normalizer '\(draft.id)' is a COBOL source normalizer: it reads the records of the COBOL (VSAM) "
                    + "file '\(draft.definition.value("REF_SOURCE_NAME"))', which the runtime does not read",
                fix: "convert the COBOL file to a fixed-width or delimited flat file and read it with a flat-file "
                    + "source, or keep this mapping in PowerCenter", context: &context)
        }
        let fields = draft.definition.children(named: "TRANSFORMFIELD")
        var columns: [UnpivotColumn] = []
        var problems: [String] = []
        let sourceFields = draft.definition.children(named: "SOURCEFIELD")
        // A column that occurs once beside one that repeats is single-occurring: its value is
        // copied to every output row ("returns duplicate data for single-occurring incoming
        // columns"); the Designer names its input port as a non-repeating column's (`NAME_in`, a
        // public export). Only where nothing repeats more than once is OCCURS 1 a repeat of one.
        let repeats = sourceFields.contains { ($0.integer("OCCURS") ?? 0) > 1 }
        for column in sourceFields {
            let name = column.nameAttribute
            var occurs = column.integer("OCCURS") ?? 0
            if occurs == 1 && repeats { occurs = 0 }
            let related = fields.filter { $0.value("REF_SOURCE_FIELD") == name }
            let inputs = related.filter { PCPortType($0.value("PORTTYPE")).roles == [.input] }.map(\.nameAttribute)
            let outputs = related.filter { PCPortType($0.value("PORTTYPE")) == PCPortType("OUTPUT") }.map(
                \.nameAttribute)
            if occurs > 0 {
                if inputs.count == occurs, outputs.count == 1 {
                    columns.append(UnpivotColumn(output: outputs[0], occurs: occurs, inputs: inputs))
                } else {
                    problems.append(
                        "column '\(name)' repeats \(occurs) times but has \(inputs.count) input and \(outputs.count) output ports"
                    )
                }
            } else if inputs.count == 1, outputs.count == 1 {
                setExpression(of: outputs[0], to: inputs[0], in: &draft)
            } else {
                problems.append("column '\(name)' has \(inputs.count) input and \(outputs.count) output ports")
            }
        }
        let keys = generatedPorts(fields, token: "GENERATED KEY")
        if Set(columns.map(\.occurs)).count > 1 {
            problems.append("repeated columns repeat a different number of times")
        }
        if keys.count > 1 { problems.append("it has \(keys.count) generated key ports") }
        if columns.isEmpty { problems.append("no column repeats (OCCURS)") }
        guard problems.isEmpty else {
            return draft.opaque(
                PCMappingDiagnostics.inexpressibleTransformation,
                reason:
                    "normalizer '\(draft.id)' cannot be expressed as an unpivot: \(problems.joined(separator: "; "))",
                fix: "rewrite the normalizer as one repeated group with one generated key", context: &context)
        }
        return .unpivot(
            UnpivotSpec(
                columns: columns, keyPort: keys.first, indexPorts: generatedPorts(fields, token: "GENERATED COLUMN ID"))
        )
    }

    /// GROUP children sorted by ORDER (export order for ties).
    static func orderedGroups(of definition: XMLElementNode) -> [XMLElementNode] {
        definition.children(named: "GROUP").enumerated()
            .sorted {
                ($0.element.integer("ORDER") ?? Int.max, $0.offset) < (
                    $1.element.integer("ORDER") ?? Int.max, $1.offset
                )
            }
            .map(\.element)
    }

    private static func generatedPorts(_ fields: [XMLElementNode], token: String) -> [String] {
        fields.filter { PCPortType($0.value("PORTTYPE")).otherTokens.contains(token) }.map(\.nameAttribute)
    }

    private static func setExpression(of output: String, to input: String, in draft: inout PCNodeDraft) {
        guard let index = draft.ports.firstIndex(where: { $0.name == output }), draft.ports[index].expression == nil
        else { return }
        draft.ports[index].expression = ScalarExpression(input)
    }
}
