import IR

/// Reconciles a legacy table with its migrated copy, as a migration team checks one against the
/// other: the columns each declares, row counts, per-column aggregates and checksums, and the rows
/// missing, extra or different, with samples (``ReconcileReport``).
///
/// Values compare by meaning across databases (``ComparableValue``): a number is equal to the same
/// number stored as text, a date to its ISO text. Both tables are read whole into memory.
public struct TableReconciler {
    /// A table on an open connection.
    public struct Table {
        /// The connection.
        public var connection: any RelationalConnection
        /// The connection's name, for the report.
        public var connectionName: String
        /// The table.
        public var table: String
        /// Its schema, if given.
        public var schema: String?

        /// Creates a table reference.
        public init(connection: any RelationalConnection, connectionName: String, table: String, schema: String? = nil)
        {
            self.connection = connection
            self.connectionName = connectionName
            self.table = table
            self.schema = schema
        }

        /// The table as written, schema-qualified when a schema is given.
        var displayName: String { schema.map { "\($0).\(table)" } ?? table }
    }

    /// The key columns; nil to use the primary key both tables declare (or none).
    public var keys: [String]?
    /// The largest fraction of differing rows still accepted.
    public var threshold: Double
    /// The largest absolute difference of two equal numbers (rows matched by key only).
    public var tolerance: Double
    /// Whether trailing blanks of text are ignored.
    public var trimTrailingBlanks: Bool
    /// How many samples of each sort to keep.
    public var sampleLimit: Int

    /// Creates a reconciler.
    public init(
        keys: [String]? = nil, threshold: Double = 0, tolerance: Double = 0, trimTrailingBlanks: Bool = false,
        sampleLimit: Int = 10
    ) {
        self.keys = keys
        self.threshold = threshold
        self.tolerance = tolerance
        self.trimTrailingBlanks = trimTrailingBlanks
        self.sampleLimit = sampleLimit
    }

    /// Reconciles `source` (the legacy table) with `target` (its migrated copy).
    public func reconcile(source: Table, target: Table) throws(ReconcileFailure) -> ReconcileReport {
        let sourceColumns = try Self.columns(source)
        let targetColumns = try Self.columns(target)
        let common: [(source: DatabaseColumn, target: DatabaseColumn)] = sourceColumns.compactMap { column in
            targetColumns.first { $0.name.uppercased() == column.name.uppercased() }.map { (column, $0) }
        }
        guard !common.isEmpty else {
            throw ReconcileFailure(
                ReconcileDiagnostics.noCommonColumns(
                    "'\(source.displayName)' and '\(target.displayName)' have no column name in common",
                    at: SourceLocation(file: source.connectionName), fix: "check the two table names"))
        }
        let compared = common.map { (name: $0.source.name, kind: ComparableValue.kind($0.source.kind, $0.target.kind)) }
        let choice = try chooseKeys(common, source: source, target: target)
        let sourceRows = try Self.read(source, common.map { $0.source })
        let targetRows = try Self.read(target, common.map { $0.target })
        let comparer = TableComparer(
            columns: compared, keys: choice.keys, tolerance: tolerance, trimTrailingBlanks: trimTrailingBlanks,
            sampleLimit: sampleLimit)
        var report = ReconcileReport(
            source: .init(
                connection: source.connectionName, table: source.displayName, rows: sourceRows.count,
                columns: sourceColumns),
            target: .init(
                connection: target.connectionName, table: target.displayName, rows: targetRows.count,
                columns: targetColumns),
            keySource: choice.source, schema: Self.schemaDifferences(sourceColumns, targetColumns),
            columns: compared.indices.map { index in
                let kind = compared[index].kind
                return .init(
                    column: compared[index].name, kind: kind,
                    source: ColumnProfile(sourceRows.map { comparer.comparable($0)[index] }, kind: kind),
                    target: ColumnProfile(targetRows.map { comparer.comparable($0)[index] }, kind: kind))
            },
            rows: comparer.compare(source: sourceRows, target: targetRows), threshold: threshold)
        report.decide()
        return report
    }

    /// The keys given, or the primary key both tables declare in the same order, or none.
    func chooseKeys(_ common: [(source: DatabaseColumn, target: DatabaseColumn)], source: Table, target: Table)
        throws(ReconcileFailure) -> KeyChoice
    {
        if let keys, !keys.isEmpty {
            for key in keys where !common.contains(where: { $0.source.name.uppercased() == key.uppercased() }) {
                throw ReconcileFailure(
                    ReconcileDiagnostics.unknownKey(
                        "key column '\(key)' is not a column of both '\(source.displayName)' and '\(target.displayName)'",
                        at: SourceLocation(file: source.connectionName),
                        fix: "name columns both tables have in --keys"))
            }
            return KeyChoice(keys: keys, source: "--keys")
        }
        let sourceKey = common.filter { $0.source.primaryKeyPosition > 0 }.sorted {
            $0.source.primaryKeyPosition < $1.source.primaryKeyPosition
        }
        let targetKey = common.filter { $0.target.primaryKeyPosition > 0 }.sorted {
            $0.target.primaryKeyPosition < $1.target.primaryKeyPosition
        }
        let sourceNames = sourceKey.map { $0.source.name.uppercased() }
        let targetNames = targetKey.map { $0.source.name.uppercased() }
        guard !sourceNames.isEmpty, sourceNames == targetNames else { return KeyChoice(keys: [], source: "none") }
        return KeyChoice(keys: sourceKey.map { $0.source.name }, source: "primary key")
    }

    /// The key columns rows are matched by, and where they came from.
    struct KeyChoice {
        var keys: [String]
        var source: String
    }

    /// The columns of `table`; a missing table is an error.
    static func columns(_ table: Table) throws(ReconcileFailure) -> [DatabaseColumn] {
        let columns: [DatabaseColumn]
        do {
            columns = try table.connection.columns(of: table.table, schema: table.schema)
        } catch {
            throw readFailure(table, error)
        }
        guard !columns.isEmpty else {
            throw ReconcileFailure(
                ReconcileDiagnostics.missingTable(
                    "table '\(table.displayName)' does not exist on connection '\(table.connectionName)'",
                    at: SourceLocation(file: table.connectionName), fix: "check the table name and its schema"))
        }
        return columns
    }

    /// Every row of `table`'s `columns`, read as text unless the kind is read better natively
    /// (doubles exactly, bytes as bytes), so that no value fails to convert.
    static func read(_ table: Table, _ columns: [DatabaseColumn]) throws(ReconcileFailure) -> [[Value]] {
        let connection = table.connection
        let list = columns.map { connection.quote($0.name) }.joined(separator: ", ")
        let sql = "SELECT \(list) FROM \(connection.qualified(table.table, schema: table.schema))"
        let types: [DataType] = columns.map { column in
            switch column.kind {
            case .double: .double
            case .binary: .binary(precision: 0)
            default: .string(precision: 0)
            }
        }
        do {
            return try connection.query(sql, types: types).rows
        } catch {
            throw readFailure(table, error)
        }
    }

    /// The failure of reading `table`.
    static func readFailure(_ table: Table, _ error: ConnectorError) -> ReconcileFailure {
        ReconcileFailure(
            ReconcileDiagnostics.readFailed(
                "cannot read '\(table.displayName)' on connection '\(table.connectionName)': \(error.message)",
                at: SourceLocation(file: table.connectionName), fix: "check the connection and the table"))
    }

    /// Columns on one side only, and common columns whose kinds differ.
    static func schemaDifferences(_ source: [DatabaseColumn], _ target: [DatabaseColumn]) -> [ReconcileReport
        .SchemaDifference]
    {
        var differences: [ReconcileReport.SchemaDifference] = []
        for column in source {
            guard let other = target.first(where: { $0.name.uppercased() == column.name.uppercased() }) else {
                differences.append(.init(kind: "only-in-source", column: column.name, source: column.declaredType))
                continue
            }
            if family(column.kind) != family(other.kind) {
                differences.append(
                    .init(
                        kind: "type-differs", column: column.name, source: column.declaredType,
                        target: other.declaredType))
            }
        }
        for column in target where !source.contains(where: { $0.name.uppercased() == column.name.uppercased() }) {
            differences.append(.init(kind: "only-in-target", column: column.name, target: column.declaredType))
        }
        return differences
    }

    /// Numbers are one family; a typeless column belongs to every family.
    static func family(_ kind: DatabaseColumn.ValueKind) -> String {
        kind.isNumeric ? "number" : kind == .unknown ? "any" : kind.rawValue
    }
}

/// Why a reconciliation could not be made, as a diagnostic.
public struct ReconcileFailure: Error, Sendable {
    /// What went wrong, where, and what to do.
    public var diagnostic: Diagnostic

    /// Wraps `diagnostic`.
    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}
