/// The human-readable form of an assessment.
public enum AssessmentText {
    /// Renders counts sorted by frequency, the tiers, the SQL dialects and the automation estimate.
    public static func render(_ assessment: Assessment) -> String {
        func table(_ title: String, _ counts: [String: Int]) -> String {
            guard !counts.isEmpty else { return "" }
            let rows = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            return "\(title):\n" + rows.map { "  \($0.key): \($0.value)\n" }.joined()
        }
        var out = "Assessed \(assessment.files) file(s), \(assessment.mappings.count) mapping(s)\n"
        out += "Predicted automation rate: \(Int((assessment.predictedAutomation * 100).rounded()))%\n\n"
        out += table("Objects", assessment.objects)
        out += table("Operators", assessment.operators)
        out += table("Functions", assessment.functions)
        var tiers: [String: Int] = [:]
        for mapping in assessment.mappings { tiers[mapping.tier.rawValue, default: 0] += 1 }
        out += table("Complexity tiers", tiers)
        var dialects: [String: Int] = [:]
        for sql in assessment.sqlOverrides { dialects[sql.dialect, default: 0] += 1 }
        out += table("SQL overrides by apparent dialect", dialects)
        if !assessment.mappings.isEmpty {
            out += "Mappings:\n"
            for mapping in assessment.mappings {
                out += "  \(mapping.tier.rawValue) \(mapping.path) nodes=\(mapping.nodes)"
                out += " automation=\(ReportText.format(mapping.automation))"
                if !mapping.drivers.isEmpty { out += " (\(mapping.drivers.joined(separator: ", ")))" }
                out += "\n"
            }
        }
        return out
    }
}
