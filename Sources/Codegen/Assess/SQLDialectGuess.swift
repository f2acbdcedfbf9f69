/// Guesses which database dialect a piece of SQL was written for, from tell-tale keywords.
///
/// This is a heuristic for inventory reports only; it never decides how SQL is translated.
public enum SQLDialectGuess {
    /// Marker patterns per dialect (upper-case, matched as words or exact fragments).
    static let markers: [(dialect: String, words: [String], fragments: [String])] = [
        (
            "oracle",
            ["NVL", "NVL2", "SYSDATE", "ROWNUM", "DECODE", "TO_CHAR", "TRUNC", "SYSTIMESTAMP", "DUAL", "LISTAGG"],
            ["(+)", "CONNECT BY"]
        ),
        (
            "sqlserver", ["GETDATE", "ISNULL", "TOP", "DATEADD", "DATEDIFF", "NOLOCK", "LEN", "CHARINDEX", "NEWID"],
            ["WITH (NOLOCK)", "[DBO]."]
        ),
        (
            "teradata", ["SEL", "QUALIFY", "ZEROIFNULL", "NULLIFZERO", "VOLATILE", "SAMPLE"],
            ["COLLECT STATISTICS", "FORMAT '"]
        ),
        ("postgresql", ["ILIKE", "NOW", "GENERATE_SERIES"], ["::", " LIMIT "]),
        ("db2", ["FETCH", "VALUE"], ["FETCH FIRST", "CURRENT DATE", "WITH UR"]),
    ]

    /// The most likely dialect (`oracle`, `sqlserver`, `teradata`, `postgresql`, `db2`), or `ansi`
    /// when nothing specific shows.
    public static func guess(_ sql: String) -> String {
        let upper = sql.uppercased()
        let words = Set(upper.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
        var best = ("ansi", 0)
        for marker in markers {
            let score = marker.words.filter(words.contains).count + 2 * marker.fragments.filter(upper.contains).count
            if score > best.1 { best = (marker.dialect, score) }
        }
        return best.0
    }
}
