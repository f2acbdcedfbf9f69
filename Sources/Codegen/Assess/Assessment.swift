import IR

/// The inventory of a set of exports before conversion: what there is, how hard it looks, and how
/// much of it is predicted to convert automatically.
public struct Assessment: Hashable, Sendable, Codable {
    /// How a mapping is classed by size and the hard constructs in it.
    public enum Tier: String, Hashable, Sendable, Codable, CaseIterable {
        case simple, medium, complex
        case veryComplex = "very-complex"
    }

    /// One mapping's assessment.
    public struct MappingAssessment: Hashable, Sendable, Codable {
        /// The input file.
        public var file: String
        /// Its object path.
        public var path: ObjectPath
        /// Node count.
        public var nodes: Int
        /// The complexity tier.
        public var tier: Tier
        /// The predicted share converted automatically (the conversion confidence).
        public var automation: Double
        /// What made it harder (lookups, overrides, opaque constructs...).
        public var drivers: [String]
    }

    /// An SQL text found in the exports, with its apparent dialect.
    public struct SQLOverride: Hashable, Sendable, Codable {
        /// Where it is.
        public var path: ObjectPath
        /// Which option holds it (`sql_override`, `pre_sql`, a session attribute name...).
        public var option: String
        /// The apparent dialect.
        public var dialect: String
        /// The first 200 characters.
        public var excerpt: String
    }

    /// Files read.
    public var files: Int
    /// Elements per kind over all files (from the importers' inventories).
    public var objects: [String: Int]
    /// Nodes per operator kind; opaque nodes are counted as `opaque:<vendor type>`.
    public var operators: [String: Int]
    /// Calls per expression function.
    public var functions: [String: Int]
    /// SQL texts with their apparent dialect.
    public var sqlOverrides: [SQLOverride]
    /// Per-mapping assessments.
    public var mappings: [MappingAssessment]
    /// The mean predicted automation over mappings and workflows.
    public var predictedAutomation: Double
    /// Diagnostics raised while reading.
    public var diagnostics: [Diagnostic]

    private enum CodingKeys: String, CodingKey {
        case files, objects, operators, functions, sqlOverrides = "sql_overrides", mappings
        case predictedAutomation = "predicted_automation", diagnostics
    }
}
