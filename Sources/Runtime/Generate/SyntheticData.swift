import IR

/// One generated table: the rows a source or lookup node reads when a pipeline runs on synthetic data.
public struct SyntheticTable: Hashable, Sendable {
    /// The table's name: the id of the source or lookup node it stands for.
    public var name: String
    /// The column names: the node's port names, in port order.
    public var columns: [String]
    /// The column types, one per column (the ports' types).
    public var types: [DataType]
    /// The rows; every value fits its column's type.
    public var rows: RowSet

    /// Creates a table.
    public init(name: String, columns: [String], types: [DataType], rows: RowSet) {
        self.name = name
        self.columns = columns
        self.types = types
        self.rows = rows
    }
}

/// The synthetic input of one pipeline run.
public struct SyntheticDataset: Hashable, Sendable {
    /// One table per source node (key: the node id) and per lookup node with a table, override or
    /// flat file (key: the lookup node id).
    public var tables: [String: SyntheticTable]

    /// Creates a dataset.
    public init(tables: [String: SyntheticTable]) {
        self.tables = tables
    }
}

/// Generates typed synthetic data for a pipeline, so it can run without real connections
/// (`migrate run --generate N --seed S`).
///
/// Each source node gets a table named after the node id whose columns are the node's output ports;
/// each lookup node with a table, a SQL override or a flat file gets a table named after the lookup node id whose
/// columns are its ports with the `lookup` role. The first rows of a table hold the special cases
/// of each column's type, one column's after another's (NULL where the port is nullable or its
/// nullability unknown, '' and '   ', the longest string, 0, -1, the type's largest and smallest
/// numbers, the widest decimal, 0001-01-01, 1753-01-01, 9999-12-31 23:59:59, leap days); the other
/// rows hold random ordinary values, every other one (from the first) taking in turn the values
/// the pipeline's conditions compare the column with (``ConditionValues``). Columns compared by lookup or join conditions (or named alike
/// in several sources) draw from one small shared domain, so lookups and joins both match and miss.
/// Primary-key ports (`.primary`, `.primaryForeign`: a source's, and a lookup's its table declares)
/// hold no NULL and no key twice: where
/// those rows would, they get fresh values, extending the shared domain if the column has one
/// (``UniquePrimaryKeys``, which also says what happens when the type is too narrow).
/// The same pipeline, row count and seed always give the same dataset.
public enum SyntheticData {
    /// The synthetic dataset for `pipeline`: `rowsPerSource` rows (at least 0) in every table,
    /// random values drawn from `seed`.
    public static func generate(for pipeline: Pipeline, rowsPerSource: Int, seed: UInt64) -> SyntheticDataset {
        let rowCount = max(rowsPerSource, 0)
        let shapes = TableShape.shapes(of: pipeline)
        let tableColumns = Dictionary(shapes.map { ($0.name, $0.columns.map(\.name)) }, uniquingKeysWith: { a, _ in a })
        let sources = Set(shapes.filter(\.isSource).map(\.name))
        let classes = KeyClasses(pipeline: pipeline, tableColumns: tableColumns, sources: sources).classes
        var types: [TableColumn: DataType] = [:]
        for shape in shapes {
            for port in shape.columns { types[TableColumn(table: shape.name, column: port.name)] = port.type }
        }
        var domains: [TableColumn: KeyDomain] = [:]
        for members in classes {
            let domain = KeyDomain(members: members, types: types, rowsPerSource: rowCount, seed: seed)
            for member in members { domains[member] = domain }
        }
        let tracing = KeyColumnTracing(pipeline: pipeline, tableColumns: tableColumns)
        let conditionValues = ConditionValues.collect(pipeline, tracing: tracing, types: types)
        var tables: [String: SyntheticTable] = [:]
        for shape in shapes {
            tables[shape.name] = TableFilling(
                shape: shape, domains: domains, conditionValues: conditionValues, seed: seed
            ).table(rows: rowCount)
        }
        return SyntheticDataset(tables: tables)
    }

    /// Creates each table (quoted identifiers, column storage types from SQLiteConnection.storageType(for:)) in `connection` and inserts its rows.
    ///
    /// Tables are created in name order with `CREATE TABLE` (a table that already exists is an
    /// error); a table without columns is skipped, as SQL cannot declare one.
    public static func load(_ dataset: SyntheticDataset, into connection: SQLiteConnection) throws(SQLiteError) {
        for name in dataset.tables.keys.sorted() {
            guard let table = dataset.tables[name], !table.columns.isEmpty else { continue }
            let columns = zip(table.columns, table.types).map { column, type in
                "\(SQLiteConnection.quote(column)) \(SQLiteConnection.storageType(for: type))"
            }
            try connection.execute(
                "CREATE TABLE \(SQLiteConnection.quote(table.name)) (\(columns.joined(separator: ", ")))")
            try connection.insert(rows: table.rows.rows, into: table.name, columns: table.columns)
        }
    }
}
