/// The dialects `migrate` generates SQL for, by command-line key. Adding a dialect is one file
/// in `Dialects/` and one line here.
public enum SQLDialects {
    /// Every dialect, in the order the documentation lists them.
    public static let all: [any SQLDialect] = [
        TeradataDialect(),
        SnowflakeDialect(),
        DatabricksDialect(),
        PostgreSQLDialect(),
        OracleDialect(),
        SQLServerDialect(),
        SybaseASEDialect(),
        BigQueryDialect(),
        DuckDBDialect(),
        SQLiteDialect(),
    ]

    /// The dialect called `name` (its command-line key), if there is one.
    public static func named(_ name: String) -> (any SQLDialect)? {
        all.first { $0.name == name.lowercased() }
    }
}
