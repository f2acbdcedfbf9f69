import IR

/// A column of a database table as the database declares it, for comparing a legacy table with its
/// migrated copy (``TableReconciler``).
public struct DatabaseColumn: Hashable, Sendable, Codable {
    /// The column name, as the database spells it.
    public var name: String
    /// The type as the database declares it (`varchar(20)`, `numeric(12,2)`, `TEXT`).
    public var declaredType: String
    /// What kind of values the declared type holds.
    public var kind: ValueKind
    /// Whether the column is part of the table's primary key, at this position (1-based), or 0.
    public var primaryKeyPosition: Int

    /// Creates a column.
    public init(name: String, declaredType: String, kind: ValueKind, primaryKeyPosition: Int = 0) {
        self.name = name
        self.declaredType = declaredType
        self.kind = kind
        self.primaryKeyPosition = primaryKeyPosition
    }

    /// The kinds of values a column's declared type holds, coarse enough to compare two databases.
    public enum ValueKind: String, Hashable, Sendable, Codable {
        /// Whole numbers.
        case integer
        /// Exact decimal numbers.
        case decimal
        /// Floating-point numbers.
        case double
        /// Character data.
        case text
        /// Dates and timestamps.
        case dateTime = "datetime"
        /// Raw bytes.
        case binary
        /// True and false.
        case boolean
        /// A declared type that says nothing (SQLite's typeless columns): values keep their own.
        case unknown

        /// Whether the kind holds numbers.
        public var isNumeric: Bool { self == .integer || self == .decimal || self == .double }
    }

    /// The kind of a SQLite declared type, by SQLite's affinity rules (INT → integer; CHAR, CLOB,
    /// TEXT → text; BLOB or none → unknown; REAL, FLOA, DOUB → double; otherwise numeric), with
    /// DATE/TIME and DECIMAL/NUMERIC named as such.
    public static func sqliteKind(_ declared: String) -> ValueKind {
        let type = declared.uppercased()
        if type.contains("INT") { return .integer }
        if type.contains("DATE") || type.contains("TIME") { return .dateTime }
        if type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT") { return .text }
        if type.contains("BLOB") { return .binary }
        if type.isEmpty { return .unknown }
        if type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB") { return .double }
        if type.contains("BOOL") { return .boolean }
        return .decimal
    }

    /// The kind of a PostgreSQL `information_schema` data type.
    public static func postgresKind(_ dataType: String) -> ValueKind {
        switch dataType.lowercased() {
        case "smallint", "integer", "bigint": .integer
        case "numeric", "money": .decimal
        case "real", "double precision": .double
        case "boolean": .boolean
        case "bytea": .binary
        case let type where type.hasPrefix("timestamp") || type == "date": .dateTime
        case let type where type.hasPrefix("character") || type == "text" || type == "name": .text
        default: .unknown
        }
    }
}

extension DatabaseColumn {
    /// The text of a catalog query's cell; empty for NULL.
    static func text(_ value: Value) -> String {
        if case .string(let text) = value { return text }
        return ""
    }

    /// A catalog query's primary-key position; 0 for NULL.
    static func position(_ value: Value) -> Int {
        if case .integer(let n) = value { return Int(n) }
        return 0
    }
}
