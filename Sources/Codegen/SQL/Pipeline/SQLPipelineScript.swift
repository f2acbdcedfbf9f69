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
            comment(
                "mapping \(sql.pipeline), source \(step.source) (\(dialect.name)): staging table filled by the runtime's "
                    + "flat-file reader from '\(step.file.displayName(defaultDirectory: "$PMSourceFileDir"))' before "
                    + "the statements below run, \(step.ordinal) numbering the rows it keeps in file order (1, 2, 3, …)"
            )
                + printer.print(step.createTable) + ";\n"
        }
        let loads = sql.loads.map { load in
            let header = comment("mapping \(sql.pipeline), target \(load.target) (\(dialect.name))")
            return header + load.statements.map { printer.print($0) + ";\n" }.joined()
        }
        let files = sql.fileLoads.map { load in
            let file = load.file.displayName(defaultDirectory: "$PMTargetFileDir")
            return comment(
                "mapping \(sql.pipeline), target \(load.target) (\(dialect.name)): rows for flat file '\(file)', "
                    + "written by the runtime's flat-file writer (\(load.file.appends ? "appended" : "replaced")), "
                    + "not by SQL") + printer.print(.query(load.query)) + ";\n"
        }
        return (staging + loads + files).joined(separator: "\n")
    }

    /// `text` as one `--` comment line, ended by a line feed: each line break it holds (a line
    /// feed, a carriage return, CR LF, a vertical tab, a form feed, NEL, U+2028, U+2029) becomes
    /// a space. Messages quote expressions as exported, and exports break lines with CR LF or a
    /// lone CR; PostgreSQL and sqlglot end a `--` comment at a carriage return, so the rest of
    /// the message would be read as SQL.
    public static func comment(_ text: String) -> String {
        // Text without a line break, nearly every comment, is written as it is: finding one among
        // the scalars is cheap, walking the characters (CR LF is one) is not.
        let breaks = text.unicodeScalars.contains {
            (0x0A...0x0D).contains($0.value) || $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029
        }
        return "-- " + (breaks ? String(text.map { $0.isNewline ? " " : $0 }) : text) + "\n"
    }
}
