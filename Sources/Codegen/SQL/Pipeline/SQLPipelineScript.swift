import IR

/// The text of a pipeline's SQL: per target load, a comment naming the mapping and the target,
/// then its statements, each ended by `;`.
public enum SQLPipelineScript {
    /// The script of `sql` in `dialect`.
    public static func text(_ sql: SQLPipelineSQL, dialect: any SQLDialect) -> String {
        let printer = SQLPrinter(dialect)
        return sql.loads.map { load in
            let header = "-- mapping \(sql.pipeline), target \(load.target) (\(dialect.name))\n"
            return header + load.statements.map { printer.print($0) + ";\n" }.joined()
        }.joined(separator: "\n")
    }
}
