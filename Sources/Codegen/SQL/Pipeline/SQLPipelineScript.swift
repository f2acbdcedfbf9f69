import IR

/// The text of a pipeline's SQL: first each flat-file source's staging table (a comment saying the
/// runtime's reader fills it and numbers the rows in file order, then its `CREATE TABLE`), then
/// per target load a comment naming the mapping and the target and its statements, then per
/// flat-file target a comment saying the runtime writes the query's rows to the file, and the
/// query; each statement ended by `;`.
public enum SQLPipelineScript {
    /// The script of `sql` in `dialect`.
    public static func text(_ sql: SQLPipelineSQL, dialect: any SQLDialect) -> String {
        let printer = SQLPrinter(dialect)
        let staging = sql.staging.map { step in
            "-- mapping \(sql.pipeline), source \(step.source) (\(dialect.name)): staging table filled by the runtime's "
                + "flat-file reader from '\(step.file.displayName(defaultDirectory: "$PMSourceFileDir"))' before the "
                + "statements below run, \(step.ordinal) numbering the rows it keeps in file order (1, 2, 3, …)\n"
                + printer.print(step.createTable) + ";\n"
        }
        let loads = sql.loads.map { load in
            let header = "-- mapping \(sql.pipeline), target \(load.target) (\(dialect.name))\n"
            return header + load.statements.map { printer.print($0) + ";\n" }.joined()
        }
        let files = sql.fileLoads.map { load in
            let file = load.file.displayName(defaultDirectory: "$PMTargetFileDir")
            return "-- mapping \(sql.pipeline), target \(load.target) (\(dialect.name)): rows for flat file '\(file)', "
                + "written by the runtime's flat-file writer (\(load.file.appends ? "appended" : "replaced")), "
                + "not by SQL\n" + printer.print(.query(load.query)) + ";\n"
        }
        return (staging + loads + files).joined(separator: "\n")
    }
}
