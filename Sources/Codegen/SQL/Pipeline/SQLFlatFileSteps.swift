import IR

/// A flat-file source the runtime stages into a table before a pipeline's SQL runs: a warehouse
/// cannot parse files with PowerCenter's rules (delimiters, quotes, escapes, header rows, code
/// page, a field that does not convert rejects its row), so the runtime's own reader reads the file
/// and loads the rows it keeps into ``table``; the SQL reads that table.
///
/// The table is `STG_<source instance>` (``SQLFlatFileNames``), one column per field of the file
/// definition, typed as its port, then ``ordinal``, numbering the rows in file order (the order the
/// runtime's reader passes them on, which PowerCenter defines). A dialect that stores decimals as
/// text (SQLite) would compare them as text, so there a decimal of up to 18 digits without a
/// fraction is staged as `BIGINT` and one of up to 15 digits as `DOUBLE` (both hold every such
/// value exactly, and in order).
public struct SQLSourceStaging: Hashable, Sendable {
    /// The source instance (a node of the pipeline).
    public var source: String
    /// The source qualifier that reads it.
    public var sourceQualifier: String
    /// The source's object path.
    public var path: ObjectPath
    /// The source's location in the export.
    public var location: SourceLocation
    /// The staging table the SQL reads.
    public var table: SQLTableName
    /// The file the runtime reads, its layout and its fields.
    public var file: SQLFlatFile
    /// The staging table's columns: one per field of ``file``, in order, then ``ordinal``.
    public var columns: [SQLColumnDefinition]
    /// The column holding each row's ordinal in the file, `BIGINT NOT NULL`: 1, 2, 3, … over the
    /// rows the reader keeps, in file order (a rejected record takes no number). Named by
    /// ``ordinalColumn(fields:)``, so it differs from every field.
    public var ordinal: String

    /// `CREATE TABLE` for the staging table.
    public var createTable: SQLStatement { .createTable(table, columns) }

    /// The name of the ordinal column of a staging table with fields `fields`: `ROW_ORDINAL`, or
    /// `ROW_ORDINAL_2`, `ROW_ORDINAL_3`, … the first that no field takes (compared ignoring case).
    public static func ordinalColumn(fields: [String]) -> String {
        var taken = Set(fields.map { $0.uppercased() })
        return SQLPipelineBuilder.uniqueName("ROW_ORDINAL", taken: &taken)
    }

    /// The column type staging a field of type `type` in `dialect`.
    public static func columnType(_ type: DataType, in dialect: any SQLDialect) -> SQLType {
        // The dialect is asked only about a decimal, so that lowerings that stage no decimal stand
        // for dialects that differ in this alone (``SQLPipelineLowering/lower(_:inEach:)``).
        guard case .decimal(let precision, let scale) = type, !dialect.hasExactDecimals else { return SQLType(type) }
        if scale == 0, precision <= 18 { return .bigint }
        return precision <= 15 ? .double : SQLType(type)
    }
}

/// A flat-file target whose rows the SQL computes and the runtime writes: ``query`` returns them,
/// one column per target port in port order (NULL for a port not connected), and the runtime's
/// flat-file writer writes them to ``file``. There is no `INSERT`, and keyed writes and truncation
/// do not apply to a file; whether the file is replaced or appended to is the session's
/// (``SQLFlatFile/appends``).
public struct SQLFileTargetLoad: Hashable, Sendable {
    /// The target instance.
    public var target: String
    /// Its object path.
    public var path: ObjectPath
    /// Its location in the export.
    public var location: SourceLocation
    /// The file written, its layout and its fields (the target ports, in port order).
    public var file: SQLFlatFile
    /// `WITH … SELECT port, … FROM …`: the rows to write, in ``SQLFlatFile/fields`` order; in a
    /// dialect without `WITH` (Sybase ASE), the common tables are derived tables inside it.
    public var query: SQLQuery
}

/// A flat file as the session names it, and the layout the runtime reads or writes it with.
public struct SQLFlatFile: Hashable, Sendable {
    /// One field of the file.
    public struct Field: Hashable, Sendable {
        /// The port (and column) name.
        public var name: String
        /// The port's datatype.
        public var type: DataType
    }

    /// The file name: the session's `Source filename` / `Output filename`, else the runtime's
    /// default (the source definition's name; the target definition's name in lower case + `.out`).
    public var name: String
    /// The session's `Source file directory` / `Output file directory`, if set (else the runtime
    /// uses `$PMSourceFileDir` / `$PMTargetFileDir`).
    public var directory: String?
    /// The layout (delimiters, quote, escape, header rows, code page).
    public var format: FlatFileFormat
    /// The fields, in file order.
    public var fields: [Field]
    /// For a target: the session's `Append if Exists` (the file is appended to, not replaced).
    public var appends: Bool = false
    /// For a source: the session's `Source filetype` is `Indirect` (the file lists the files to read).
    public var indirect: Bool = false

    /// The name and directory as one text, for notes (`$PMTargetFileDir/out.csv` when no directory).
    public func displayName(defaultDirectory: String) -> String {
        let folder = directory.flatMap { $0.isEmpty ? nil : $0 } ?? defaultDirectory
        return folder.hasSuffix("/") || folder.hasSuffix("\\") ? folder + name : folder + "/" + name
    }
}

/// The deterministic names of flat-file staging tables.
public enum SQLFlatFileNames {
    /// The staging table of each flat-file source of `pipeline`, by source instance:
    /// `STG_<source instance>`, followed by `_` as often as needed to differ from every table the
    /// pipeline names and every node id (compared ignoring case).
    public static func stagingTables(of pipeline: Pipeline) -> [String: String] {
        var taken: Set<String> = Set(pipeline.nodes.map { $0.id.uppercased() })
        for node in pipeline.nodes {
            switch node.op {
            case .source(let spec): taken.insert(spec.table.uppercased())
            case .target(let spec): taken.insert(spec.table.uppercased())
            case .lookup(let spec): if let table = spec.table { taken.insert(table.uppercased()) }
            default: continue
            }
        }
        var result: [String: String] = [:]
        for node in pipeline.nodes {
            guard case .source(let spec) = node.op, spec.flatFile != nil, result[node.id] == nil else { continue }
            var name = "STG_" + node.id
            while taken.contains(name.uppercased()) { name += "_" }
            taken.insert(name.uppercased())
            result[node.id] = name
        }
        return result
    }
}

/// The report's runtime steps for staged sources and files written.
enum SQLRuntimeSteps {
    /// One step per staged source, then one per file target, each with its located note.
    static func steps(_ staging: [SQLSourceStaging], _ files: [SQLFileTargetLoad]) -> [SQLPushdownReport.RuntimeStep] {
        let staged = staging.map { step in
            let file = step.file.displayName(defaultDirectory: "$PMSourceFileDir")
            return SQLPushdownReport.RuntimeStep(
                kind: .stageSource, node: step.source, object: step.table.name,
                diagnostic: SQLRuntimeStepDiagnostics.sourceStaged(
                    "flat-file source '\(step.source)' ('\(file)') is read by the runtime's flat-file reader into "
                        + "staging table '\(step.table.name)', with each row's ordinal in the file in column "
                        + "'\(step.ordinal)', which the SQL of '\(step.sourceQualifier)' reads",
                    at: step.location, path: step.path,
                    fix: "load the table with the runtime's flat-file reader before the statements run (as `migrate "
                        + "verify` does), or run the whole pipeline natively (`migrate run`)"))
        }
        let written = files.map { load in
            let file = load.file.displayName(defaultDirectory: "$PMTargetFileDir")
            let mode = load.file.appends ? "appended to" : "replaced"
            return SQLPushdownReport.RuntimeStep(
                kind: .writeFile, node: load.target, object: file,
                diagnostic: SQLRuntimeStepDiagnostics.fileWritten(
                    "the rows of flat-file target '\(load.target)' are a query; the runtime's flat-file writer writes "
                        + "them to '\(file)' (\(mode))", at: load.location, path: load.path,
                    fix:
                        "write the query's rows with the runtime's flat-file writer (as `migrate verify` does), or run "
                        + "the whole pipeline natively (`migrate run`)"))
        }
        return staged + written
    }
}
