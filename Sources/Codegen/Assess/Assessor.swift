import IR

/// Builds an ``Assessment`` from import results.
public enum Assessor {
    /// Assesses the given import results.
    public static func assess(_ results: [ImportResult]) -> Assessment {
        var objects: [String: Int] = [:]
        var operators: [String: Int] = [:]
        var functions: [String: Int] = [:]
        var overrides: [Assessment.SQLOverride] = []
        var mappings: [Assessment.MappingAssessment] = []
        var confidences: [Double] = []
        for result in results {
            for entry in result.inventory { objects[entry.kind, default: 0] += entry.seen }
            let index = DiagnosticIndex(result.diagnostics)
            for pipeline in result.pipelines {
                var drivers: [String] = []
                for node in pipeline.nodes {
                    operators[operatorKey(node.op), default: 0] += 1
                    for text in expressions(of: node) {
                        for name in FunctionUsage.functions(in: text) { functions[name, default: 0] += 1 }
                    }
                    for (option, sql) in sqlTexts(of: node.op) {
                        overrides.append(
                            .init(
                                path: node.provenance.path, option: option, dialect: SQLDialectGuess.guess(sql),
                                excerpt: String(sql.prefix(200))))
                    }
                }
                let score = complexityScore(pipeline, drivers: &drivers)
                var withNotes = pipeline
                withNotes.attachNotes(from: index.candidates(within: pipeline.notePaths))
                let confidence = withNotes.confidence
                confidences.append(confidence)
                mappings.append(
                    .init(
                        file: result.file, path: pipeline.origin.path, nodes: pipeline.nodes.count, tier: tier(score),
                        automation: (confidence * 100).rounded() / 100, drivers: drivers))
            }
            for var workflow in result.workflows {
                workflow.attachNotes(from: result.diagnostics)
                confidences.append(workflow.confidence)
                overrides += sessionSQL(in: workflow)
            }
        }
        let automation = confidences.isEmpty ? 1 : confidences.reduce(0, +) / Double(confidences.count)
        return Assessment(
            files: results.count, objects: objects, operators: operators, functions: functions,
            sqlOverrides: overrides, mappings: mappings, predictedAutomation: (automation * 100).rounded() / 100,
            diagnostics: results.flatMap(\.diagnostics).sortedForReport())
    }

    static func operatorKey(_ op: Operator) -> String {
        if case .opaque(let spec) = op { return "opaque:\(spec.vendorType)" }
        return op.kindName
    }

    /// Every expression text of a node: ports' expressions and defaults, and conditions.
    static func expressions(of node: Node) -> [String] {
        var texts = node.ports.compactMap { $0.expression?.text }
        switch node.op {
        case .filter(let spec): texts.append(spec.condition.text)
        case .join(let spec): texts.append(spec.condition.text)
        case .lookup(let spec): texts += spec.condition.map { [$0.text] } ?? []
        case .route(let spec): texts += spec.groups.compactMap { $0.condition?.text }
        case .setRowKind(let spec): texts.append(spec.expression.text)
        case .transactionControl(let spec): texts.append(spec.condition.text)
        default: break
        }
        return texts
    }

    /// SQL texts held by an operator, with the option that holds each.
    static func sqlTexts(of op: Operator) -> [(String, String)] {
        var texts: [(String, String?)] = []
        switch op {
        case .sourceQuery(let spec):
            texts = [("sql_override", spec.sqlOverride), ("pre_sql", spec.preSQL), ("post_sql", spec.postSQL)]
        case .lookup(let spec):
            texts = [("sql_override", spec.sqlOverride)]
        default: break
        }
        return texts.compactMap { option, text in
            guard let text, !text.trimmingSpaces().isEmpty else { return nil }
            return (option, text)
        }
    }

    /// Session-level SQL overrides (`Sql Query`, `Lookup Sql Override`, `Pre SQL`, `Post SQL`) in
    /// the workflow's sessions, worklets included.
    static func sessionSQL(in workflow: Workflow) -> [Assessment.SQLOverride] {
        let names: Set<String> = ["Sql Query", "Lookup Sql Override", "Pre SQL", "Post SQL"]
        var found: [Assessment.SQLOverride] = []
        for task in workflow.tasks {
            switch task.kind {
            case .session(let spec):
                for settings in spec.nodes {
                    for attribute in settings.attributes
                    where names.contains(attribute.name) && !attribute.value.trimmingSpaces().isEmpty {
                        found.append(
                            .init(
                                path: settings.provenance.path, option: "session: \(attribute.name)",
                                dialect: SQLDialectGuess.guess(attribute.value),
                                excerpt: String(attribute.value.prefix(200))))
                    }
                }
            case .worklet(let inner):
                found += sessionSQL(in: inner)
            default:
                break
            }
        }
        return found
    }

    /// A size-and-difficulty score; `drivers` receives what raised it.
    static func complexityScore(_ pipeline: Pipeline, drivers: inout [String]) -> Int {
        var score = pipeline.nodes.count
        var counts: [String: Int] = [:]
        for node in pipeline.nodes {
            switch node.op {
            case .lookup: counts["lookup", default: 0] += 1; score += 2
            case .join: counts["join", default: 0] += 1; score += 2
            case .aggregate, .rank, .unpivot: counts[node.op.kindName, default: 0] += 1; score += 2
            case .opaque(let spec): counts["opaque \(spec.vendorType)", default: 0] += 1; score += 5
            case .sourceQuery(let spec) where spec.sqlOverride != nil:
                counts["sql override", default: 0] += 1; score += 3
            default: break
            }
            if node.ports.contains(where: { $0.roles.contains(.variable) }) {
                counts["variable ports", default: 0] += 1
                score += 1
            }
        }
        drivers = counts.keys.sorted().map { "\(counts[$0]!) \($0)" }
        return score
    }

    static func tier(_ score: Int) -> Assessment.Tier {
        switch score {
        case ..<8: .simple
        case ..<20: .medium
        case ..<40: .complex
        default: .veryComplex
        }
    }
}
