/// What one SQL dialect spells and supports differently (reference/dialects.md §3).
///
/// A dialect is a value with capability flags, a type map and a few spelling hooks; the
/// defaults here are ANSI/PostgreSQL-like and each dialect file overrides only what differs.
/// Semantic choices (which function computes a PowerCenter function exactly, whether a node
/// can be pushed down at all) are made by lowering, which asks these flags; the printer only
/// spells the tree.
public protocol SQLDialect: Sendable {
    /// The command-line key (`postgres`, `sqlserver`, …). Lowering writes it into messages only;
    /// a decision on the name goes through ``isNamed(_:)``, so that a lowering that differs from
    /// another dialect's in its messages alone is not done again
    /// (``SQLPipelineLowering/lower(_:inEach:)``).
    var name: String { get }
    /// Whether the dialect is the one `name` names (``name`` is `name`).
    func isNamed(_ name: String) -> Bool
    /// `question` asked of this dialect. Lowering asks through here when it needs less than a
    /// requirement's whole answer (whether the dialect can fail a statement, not how), so that
    /// the narrower question is the one recorded and a lowering stands for every dialect that
    /// answers it alike (``SQLDialectRecord``).
    func answer<Answer: Hashable>(_ question: @escaping (any SQLDialect) -> Answer) -> Answer
    /// How row limits are written.
    var limitStyle: SQLLimitStyle { get }
    /// Whether `ORDER BY x NULLS FIRST|LAST` is accepted; otherwise the printer emulates it.
    var supportsNullsOrdering: Bool { get }
    /// Whether `WITH` (common table expressions) is available.
    var supportsCommonTables: Bool { get }
    /// Whether window functions (`… OVER (…)`) are available.
    var supportsWindowFunctions: Bool { get }
    /// Whether `MERGE INTO` is available.
    var supportsMerge: Bool { get }
    /// Whether `MERGE` needs the target's primary index in `ON` (Teradata), which lowering cannot
    /// know, so upserts there are written as delete-insert.
    var mergeNeedsPrimaryIndex: Bool { get }
    /// Whether `INSERT … ON CONFLICT (keys) DO UPDATE` is available (PostgreSQL, SQLite, DuckDB).
    var supportsOnConflict: Bool { get }
    /// How `UPDATE … FROM source` is written, or nil when the dialect has no joined update.
    var updateFromStyle: SQLUpdateFromStyle? { get }
    /// The statements that start and commit a transaction, or nil when the dialect has no
    /// multi-statement transactions (the statements then run one after the other).
    var transactionKeywords: (begin: String, commit: String)? { get }
    /// Whether `TRUE`/`FALSE` are values; otherwise booleans print as 1 and 0.
    var hasBooleanLiterals: Bool { get }
    /// Whether a table alias may be written with `AS` (Oracle rejects it).
    var tableAliasKeyword: Bool { get }
    /// Whether `TRUNCATE TABLE` exists (SQLite has only `DELETE FROM`).
    var supportsTruncate: Bool { get }
    /// How `%` (modulo) is written.
    var moduloStyle: SQLModuloStyle { get }
    /// How string concatenation is written (`||`, `+` or `CONCAT(…)`).
    var concatStyle: SQLConcatStyle { get }
    /// Whether `''` stays an empty string (Oracle makes it NULL, Sybase ASE a blank).
    var keepsEmptyStrings: Bool { get }
    /// Whether `=` and `<` compare strings exactly: case and trailing blanks significant, as
    /// PowerCenter does (G8). SQL Server, Sybase ASE and Teradata ignore trailing blanks, and their
    /// default collations or session modes ignore case.
    var comparesStringsExactly: Bool { get }
    /// Whether decimals are exact (SQLite computes them as binary doubles).
    var hasExactDecimals: Bool { get }
    /// Why SQL in this dialect cannot follow the runtime, which holds a decimal of more than 15
    /// digits as a double without high precision. Message text only, like ``name``: lowering
    /// writes it into refusals and decides nothing on it.
    var wideDecimalReason: String { get }
    /// Whether a numeric literal with an exponent (`0.05E0`) is a double; where it is an exact
    /// decimal (PostgreSQL `numeric`, Oracle `NUMBER`) a double literal is written as a cast.
    var readsExponentLiteralsAsDoubles: Bool { get }
    /// Whether `ROUND(decimal, 0)` rounds half away from zero, as PowerCenter does.
    var roundsDecimalsHalfAwayFromZero: Bool { get }
    /// The function counting characters including trailing blanks, if the dialect has one.
    var characterLengthFunction: String? { get }
    /// The substring function taking (text, start, length).
    var substringFunction: String { get }

    /// The characters a quoted identifier is written between (`"x"`, `` `x` ``, `[x]`).
    var identifierQuotes: (open: String, close: String) { get }
    /// Whether a backslash escapes the next character in a string literal (Spark, GoogleSQL).
    var backslashEscapesInStrings: Bool { get }
    /// Written before a string literal (`N` on SQL Server, so Unicode text survives any collation).
    var stringLiteralPrefix: String { get }
    /// Whether `LTRIM`/`RTRIM` need the blank spelled out (`LTRIM(x, ' ')`) because the
    /// one-argument form removes all white space or its default is not documented as blanks only.
    var trimNeedsBlankArgument: Bool { get }

    /// Whether `LPAD`/`RPAD(text, n, pad)` pad to `n` characters and cut longer text to its
    /// leftmost `n`, as PowerCenter does.
    var hasPadFunctions: Bool { get }
    /// Whether `LTRIM(text, set)` removes leading characters that are in `set`.
    var trimsCharacterSets: Bool { get }

    /// Removes leading (or trailing) blanks only, not other white space.
    func trim(leading: Bool, _ text: SQLExpression) -> SQLExpression
    /// The 1-based position of the first `search` in `text`, 0 when absent, compared exactly
    /// (lowering handles an empty `search`); nil when the dialect has no such function.
    func stringPosition(of search: SQLExpression, in text: SQLExpression) -> SQLExpression?
    /// `number` truncated toward zero to `digits` decimal places, or nil without such a function.
    func truncateNumber(_ number: SQLExpression, digits: SQLExpression) -> SQLExpression?
    /// Whether `UPPER` and `LOWER` change the case of every letter, as PowerCenter's Unicode mode
    /// does (`'é'` → `'É'`), not only of `a`–`z` (SQLite without ICU).
    var casesAllLetters: Bool { get }
    /// A predicate: whether the whole of `text` matches the POSIX extended regular expression
    /// `pattern` (anchored with `^…$`, classes like `[[:space:]]`); nil when the dialect has no
    /// such matching (the default).
    func regexMatch(_ text: SQLExpression, _ pattern: String) -> SQLExpression?
    /// An expression that stops the statement with an error naming `message` (a string) when it
    /// is evaluated, for a row on which the runtime stops the run (a sequence past its end value);
    /// nil when the dialect has no way this generator relies on. Only a `CASE` branch taken for
    /// such a row evaluates it, and `message` must depend on the row: a constant one may be
    /// evaluated when the statement is planned (PostgreSQL folds constants in untaken branches).
    func failure(_ message: SQLExpression) -> SQLExpression?
    /// Whether `INSERT INTO t (…) WITH … SELECT …` is accepted; otherwise the printer writes the
    /// common tables as derived tables (``SQLPrinter/insertable(_:)``). SQL Server wants `WITH`
    /// before `INSERT`, Sybase ASE has no `WITH`, and Teradata restricts `WITH` in DML
    /// (reference/dialects.md §3.1).
    var acceptsCommonTablesInInsert: Bool { get }
    /// Whether `FULL OUTER JOIN` is available (Sybase ASE has only left and right outer joins).
    var supportsFullOuterJoin: Bool { get }
    /// Whether `a + b`, `a - b`, `a * b` and `-a` compute in their integer operands' declared
    /// width (32 bits for `INTEGER`), so that an operand is cast to `BIGINT` where the result could
    /// leave that width and the runtime's 64 bits would not (PostgreSQL, SQL Server, Sybase ASE,
    /// Teradata, DuckDB, Databricks); false where integer arithmetic is 64 bits or wider.
    var integerOperandsKeepTheirWidth: Bool { get }
    /// Whether integer arithmetic past 64 bits fails the statement, as the runtime rejects the row
    /// (loud, not identical); false where it gives a float (SQLite), wraps (Databricks without ANSI
    /// mode) or computes the wider value exactly (Oracle and Snowflake `NUMBER`), where such
    /// arithmetic is refused.
    var integerOverflowFails: Bool { get }
    /// Whether a date/time moved past 9999-12-31 fails the statement, as the runtime rejects the
    /// row (SQL Server, Sybase ASE, Teradata, BigQuery, Oracle); elsewhere such a result is checked.
    var failsPastYear9999: Bool { get }
    /// Whether a date/time moved before 0001-01-01 fails the statement (not Oracle, which has years
    /// before Christ).
    var failsBeforeYear1: Bool { get }
    /// Whether a date moved outside the dialect's range is NULL (SQLite, Spark without ANSI mode).
    var datesOutOfRangeAreNull: Bool { get }
    /// `value`, a date/time, as one that compares with a microsecond `TIMESTAMP` literal (DuckDB
    /// would convert the literal to a nanosecond `TIMESTAMP_NS`, whose range ends in 2262).
    func comparableWithTimestampLiterals(_ value: SQLExpression) -> SQLExpression
    /// How a derived table's columns are renamed by position (a SQL override's columns).
    var derivedColumnNaming: SQLDerivedColumnNaming { get }
    /// `value` (a string) under an ordering by Unicode code point, as the runtime compares strings
    /// in `ORDER BY`, `MIN` and `MAX`; nil where the dialect has no such ordering this generator can
    /// rely on (the column's or the database's collation decides).
    func codePointOrdering(_ value: SQLExpression) -> SQLExpression?

    /// The spelling of a numeric date field in the dialect's date patterns (``formatDate(_:pattern:)``),
    /// or nil when it has none with PowerCenter's digits.
    func dateFormatElement(_ field: SQLDateField) -> String?
    /// A date/time rendered as text by `pattern`, or nil when the dialect has no pattern formatter.
    func formatDate(_ date: SQLExpression, pattern: String) -> SQLExpression?
    /// A date/time truncated to the start of its `unit` (time kept below it zeroed), or nil.
    func truncateDate(_ date: SQLExpression, to unit: SQLDateUnit) -> SQLExpression?
    /// `date` plus `amount` (an integer) of `unit`, never `.year`; months clamp to the last day of
    /// the target month. Nil when the dialect cannot compute it exactly.
    func addToDate(_ date: SQLExpression, _ unit: SQLDateUnit, _ amount: SQLExpression) -> SQLExpression?
    /// The last day of the date's month with the time of day kept, or nil when not expressible exactly.
    func lastDayOfMonth(_ date: SQLExpression) -> SQLExpression?
    /// A whole number as text, its sign and digits and nothing else (as PowerCenter writes it),
    /// or nil when the dialect's conversion is not known to give exactly that.
    func wholeNumberText(_ value: SQLExpression) -> SQLExpression?

    /// An identifier as written in SQL: bare when that is unambiguous, quoted otherwise.
    func identifier(_ name: String) -> String
    /// A string literal with the dialect's escapes.
    func stringLiteral(_ text: String) -> String
    /// A date literal from `YYYY-MM-DD`.
    func dateLiteral(_ text: String) -> String
    /// A timestamp literal from `YYYY-MM-DD HH:MM:SS[.f…]`.
    func timestampLiteral(_ text: String) -> String
    /// The dialect's spelling of a column type.
    func typeName(_ type: SQLType) -> String
    /// The dialect's spelling of a type a `CAST` converts to (``typeName(_:)`` by default).
    func castTypeName(_ type: SQLType) -> String
}

/// How a dialect writes an update joined with a source.
public enum SQLUpdateFromStyle: Hashable, Sendable {
    /// `UPDATE t SET c = s.c FROM (…) AS s WHERE t.k = s.k` (PostgreSQL, SQLite 3.33+, DuckDB).
    case fromClause
    /// `UPDATE t SET c = s.c FROM t, (…) s WHERE t.k = s.k` (Sybase ASE, SQL Server).
    case joinedFrom
}

/// How a dialect limits the number of rows.
public enum SQLLimitStyle: Hashable, Sendable {
    /// `… LIMIT n` at the end.
    case limit
    /// `SELECT TOP n …`.
    case top
    /// `… FETCH FIRST n ROWS ONLY` at the end.
    case fetchFirst
}

/// How a dialect writes the remainder of a division.
public enum SQLModuloStyle: Hashable, Sendable {
    /// `a % b`.
    case percentOperator
    /// `MOD(a, b)`.
    case modFunction
    /// `a MOD b` (Teradata).
    case modOperator
}

/// How a dialect writes string concatenation.
public enum SQLConcatStyle: Hashable, Sendable {
    /// `a || b`.
    case pipes
    /// `a + b` (SQL Server, Sybase ASE).
    case plus
}

extension SQLDialect {
    /// Default: ``name`` is `name`.
    public func isNamed(_ name: String) -> Bool { self.name == name }
    /// Default: as exact decimals (``hasExactDecimals``) or as binary doubles, the dialect's.
    public var wideDecimalReason: String {
        guard hasExactDecimals else {
            return "\(name)'s CAST of text to REAL is not always the nearest double (about 1 value in "
                + "20,000 of 15 to 18 digits is one unit in the last place off), the runtime's is"
        }
        return "the runtime writes such a double into a numeric column as the connection's text of it (15 "
            + "significant digits in SQLite, the shortest exact text in PostgreSQL), which no SQL cast reproduces "
            + "on every connection"
    }
    /// Default: `question`'s answer for this dialect.
    public func answer<Answer: Hashable>(_ question: @escaping (any SQLDialect) -> Answer) -> Answer { question(self) }
    /// Default: `LIMIT n`.
    public var limitStyle: SQLLimitStyle { .limit }
    /// Default: `NULLS FIRST|LAST` is accepted.
    public var supportsNullsOrdering: Bool { true }
    /// Default: `WITH` is available.
    public var supportsCommonTables: Bool { true }
    /// Default: window functions are available.
    public var supportsWindowFunctions: Bool { true }
    /// Default: `MERGE INTO` is available.
    public var supportsMerge: Bool { true }
    /// Default: `MERGE` may match on any columns.
    public var mergeNeedsPrimaryIndex: Bool { false }
    /// Default: no `ON CONFLICT`.
    public var supportsOnConflict: Bool { false }
    /// Default: `UPDATE … FROM (…) AS s WHERE …`.
    public var updateFromStyle: SQLUpdateFromStyle? { .fromClause }
    /// Default: `BEGIN TRANSACTION` and `COMMIT`.
    public var transactionKeywords: (begin: String, commit: String)? { ("BEGIN TRANSACTION", "COMMIT") }
    /// Default: `TRUE` and `FALSE` are values.
    public var hasBooleanLiterals: Bool { true }
    /// Default: `FROM t AS a`.
    public var tableAliasKeyword: Bool { true }
    /// Default: `TRUNCATE TABLE` exists.
    public var supportsTruncate: Bool { true }
    /// Default: `a % b`.
    public var moduloStyle: SQLModuloStyle { .percentOperator }
    /// Default: `a || b`.
    public var concatStyle: SQLConcatStyle { .pipes }

    /// Default: `''` is an empty string.
    public var keepsEmptyStrings: Bool { true }
    /// Default: strings compare exactly.
    public var comparesStringsExactly: Bool { true }
    /// Default: decimals are exact.
    public var hasExactDecimals: Bool { true }
    /// Default: `0.05E0` is a double.
    public var readsExponentLiteralsAsDoubles: Bool { true }

    /// Default: `ROUND` rounds decimals half away from zero.
    public var roundsDecimalsHalfAwayFromZero: Bool { true }
    /// Default: `LENGTH`.
    public var characterLengthFunction: String? { "LENGTH" }
    /// Default: `SUBSTR`.
    public var substringFunction: String { "SUBSTR" }

    /// Default: double quotes.
    public var identifierQuotes: (open: String, close: String) { ("\"", "\"") }
    /// Default: a backslash is an ordinary character.
    public var backslashEscapesInStrings: Bool { false }
    /// Default: no prefix.
    public var stringLiteralPrefix: String { "" }
    /// Default: the one-argument `LTRIM(x)` removes blanks only.
    public var trimNeedsBlankArgument: Bool { false }

    /// Default: `LPAD`/`RPAD` truncate longer text, keeping the leftmost characters.
    public var hasPadFunctions: Bool { true }
    /// Default: `LTRIM(text, set)` trims a character set.
    public var trimsCharacterSets: Bool { true }

    /// Default: `STRPOS(text, search)`.
    public func stringPosition(of search: SQLExpression, in text: SQLExpression) -> SQLExpression? {
        .function(name: "STRPOS", arguments: [text, search])
    }

    /// Default: `UPPER`/`LOWER` follow Unicode (true of a UTF-8 database with a real locale; a
    /// PostgreSQL database in the `C` locale changes ASCII letters only, which is the operator's
    /// setting to check).
    public var casesAllLetters: Bool { true }

    /// Default: no regular expressions.
    public func regexMatch(_ text: SQLExpression, _ pattern: String) -> SQLExpression? { nil }
    /// Default: none.
    public func failure(_ message: SQLExpression) -> SQLExpression? { nil }
    /// Default: wherever there are common tables.
    public var acceptsCommonTablesInInsert: Bool { supportsCommonTables }
    /// Default: available.
    public var supportsFullOuterJoin: Bool { true }
    /// Default: operands keep their width (`INTEGER + INTEGER` is 32 bits).
    public var integerOperandsKeepTheirWidth: Bool { true }
    /// Default: integer overflow fails the statement.
    public var integerOverflowFails: Bool { true }
    /// Default: dates past 9999 are held (checked).
    public var failsPastYear9999: Bool { false }
    /// Default: dates before year 1 are held (checked).
    public var failsBeforeYear1: Bool { false }
    /// Default: an out-of-range date is an error or a value, not NULL.
    public var datesOutOfRangeAreNull: Bool { false }
    /// Default: the value as it is.
    public func comparableWithTimestampLiterals(_ value: SQLExpression) -> SQLExpression { value }
    /// Default: `(query) AS t (a, b)`.
    public var derivedColumnNaming: SQLDerivedColumnNaming { .aliasList }
    /// Default: none.
    public func codePointOrdering(_ value: SQLExpression) -> SQLExpression? { nil }

    /// Default: `TRUNC(number, digits)`.
    public func truncateNumber(_ number: SQLExpression, digits: SQLExpression) -> SQLExpression? {
        .function(name: "TRUNC", arguments: [number, digits])
    }

    /// Default: Oracle-style format models, PowerCenter's own tokens.
    public func dateFormatElement(_ field: SQLDateField) -> String? { SQLDateFormatStyles.oracle(field) }

    /// Default: `TO_CHAR(date, 'pattern')`.
    public func formatDate(_ date: SQLExpression, pattern: String) -> SQLExpression? {
        .function(name: "TO_CHAR", arguments: [date, .literal(.string(pattern))])
    }

    /// Default: `DATE_TRUNC('unit', date)`.
    public func truncateDate(_ date: SQLExpression, to unit: SQLDateUnit) -> SQLExpression? {
        .function(name: "DATE_TRUNC", arguments: [.literal(.string(unit.rawValue)), date])
    }

    /// Default: `DATEADD(unit, amount, date)`, whose month arithmetic clamps (Snowflake, SQL Server, Databricks).
    public func addToDate(_ date: SQLExpression, _ unit: SQLDateUnit, _ amount: SQLExpression) -> SQLExpression? {
        unit.keyword.map { .function(name: "DATEADD", arguments: [$0, amount, date]) }
    }

    /// Default: not lowered (each dialect that can keep the time of day says how).
    public func lastDayOfMonth(_ date: SQLExpression) -> SQLExpression? { nil }

    /// Default: the column type's spelling.
    public func castTypeName(_ type: SQLType) -> String { typeName(type) }

    /// Default: `CAST(value AS VARCHAR(20))` in the dialect's spelling (20 characters hold a
    /// 64-bit integer's sign and digits).
    public func wholeNumberText(_ value: SQLExpression) -> SQLExpression? { .cast(value, .varchar(20)) }

    /// Default: `LTRIM(x)` / `RTRIM(x)`, or with `' '` spelled out (``trimNeedsBlankArgument``).
    public func trim(leading: Bool, _ text: SQLExpression) -> SQLExpression {
        .function(
            name: leading ? "LTRIM" : "RTRIM",
            arguments: trimNeedsBlankArgument ? [text, .literal(.string(" "))] : [text])
    }

    /// Default: bare when plain, else between ``identifierQuotes`` (the closing one doubled).
    public func identifier(_ name: String) -> String {
        guard !SQLIdentifiers.isPlain(name) else { return name }
        let quotes = identifierQuotes
        return SQLIdentifiers.quoted(name, open: quotes.open, close: quotes.close)
    }

    /// Default: single quotes with a quote doubled, or backslash-escaped where a backslash is an
    /// escape (``backslashEscapesInStrings``), after ``stringLiteralPrefix``.
    public func stringLiteral(_ text: String) -> String {
        let escaped =
            backslashEscapesInStrings
            ? text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            : text.replacingOccurrences(of: "'", with: "''")
        return stringLiteralPrefix + "'" + escaped + "'"
    }

    /// Default: `DATE '…'`.
    public func dateLiteral(_ text: String) -> String { "DATE " + stringLiteral(text) }

    /// Default: `TIMESTAMP '…'`.
    public func timestampLiteral(_ text: String) -> String { "TIMESTAMP " + stringLiteral(text) }
}

/// The rules for bare and quoted identifiers shared by the dialects.
public enum SQLIdentifiers {
    /// Whether `name` can be written without quotes in every dialect: a letter or `_` first,
    /// then letters, digits and `_`, and not a reserved word. Bare names keep each dialect's
    /// own case folding, which is what legacy DDL created the tables with.
    public static func isPlain(_ name: String) -> Bool {
        // Every identifier printed comes here: one pass over the bytes, in place where the string
        // is stored contiguously (a native Swift string always is), and no hashing.
        if let plain = name.utf8.withContiguousStorageIfAvailable(isPlain) { return plain }
        return Array(name.utf8).withUnsafeBufferPointer(isPlain)
    }

    /// ``isPlain(_:)`` of a name's UTF-8 bytes.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "_"):
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9") where index > 0: continue
            default: return false
            }
        }
        // No reserved word is longer than CURRENT_TIMESTAMP: a longer name needs no lookup.
        guard bytes.count < reservedByLength.count else { return true }
        // Only letters, digits and `_` are left: upper-casing a byte is clearing 0x20 from a
        // lower-case letter, and reserved words are upper-case.
        return !reservedByLength[bytes.count].contains { word in
            zip(word, bytes).allSatisfy { $0 == ($1 >= UInt8(ascii: "a") ? $1 - 0x20 : $1) }
        }
    }

    /// The words of ``reserved`` as UTF-8 bytes, by their length (index): a name is compared
    /// with the words of its own length alone.
    static let reservedByLength: [[[UInt8]]] = {
        var table = Array(repeating: [[UInt8]](), count: (reserved.map(\.utf8.count).max() ?? 0) + 1)
        for word in reserved.sorted() { table[word.utf8.count].append(Array(word.utf8)) }
        return table
    }()

    /// `name` between `open` and `close`, with `close` doubled inside.
    public static func quoted(_ name: String, open: String, close: String) -> String {
        open + name.replacingOccurrences(of: close, with: close + close) + close
    }

    /// Words reserved in at least one of the ten dialects that ETL column names commonly use.
    static let reserved: Set<String> = [
        "ADD", "ALL", "ALTER", "AND", "ANY", "AS", "ASC", "BETWEEN", "BY", "CASE", "CAST", "CHECK", "COLUMN",
        "CONSTRAINT", "CREATE", "CROSS", "CURRENT", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
        "CURRENT_USER", "DATE", "DEFAULT", "DELETE", "DESC", "DISTINCT", "DROP", "ELSE", "END", "EXCEPT", "EXISTS",
        "FALSE", "FETCH", "FOR", "FOREIGN", "FROM", "FULL", "GRANT", "GROUP", "HAVING", "IN", "INDEX", "INNER",
        "INSERT", "INTERSECT", "INTERVAL", "INTO", "IS", "JOIN", "KEY", "LEFT", "LEVEL", "LIKE", "LIMIT", "MERGE",
        "MINUS", "MOD", "NATURAL", "NOT", "NULL", "NUMBER", "OF", "OFFSET", "ON", "OR", "ORDER", "OUTER", "PRIMARY",
        "QUALIFY", "REFERENCES", "RIGHT", "ROW", "ROWNUM", "ROWS", "SAMPLE", "SELECT", "SESSION", "SET", "SIZE",
        "TABLE", "THEN", "TIME", "TIMESTAMP", "TITLE", "TO", "TOP", "TRUE", "TYPE", "UNION", "UNIQUE", "UPDATE",
        "USER", "USING", "VALUES", "VIEW", "WHEN", "WHERE", "WINDOW", "WITH", "YEAR",
    ]
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
