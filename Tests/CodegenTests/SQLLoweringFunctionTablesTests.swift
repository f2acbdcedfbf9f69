import Codegen

/// The dialect tables of SQLLoweringFunctionTests, by family (nil: refused). Dialect order:
/// teradata, snowflake, databricks, postgres, oracle, sqlserver, sybase, bigquery, duckdb, sqlite.
enum SQLLoweringFunctionTables {
    typealias Row = SQLLoweringFunctionTests.Row

    /// Teradata, SQL Server and Sybase ASE compare strings without case or trailing blanks;
    /// Oracle and Sybase ASE do not keep ''.
    static let inexactStrings: [String: String?] = ["teradata": nil, "sqlserver": nil, "sybase": nil]

    /// `RPAD(A, N, '*')` where N can pass the largest string: the runtime rejects such a row, so the
    /// statement fails on it (`open` + message + `close`, the dialect's failure, cast to `text`).
    static func padPastTheLargestString(_ open: String, _ close: String, text: String) -> String {
        "CASE WHEN N < 0 THEN NULL WHEN N > 104857600 AND A IS NOT NULL THEN CAST(\(open)"
            + "'RPAD past the largest string, where the runtime rejects the row: ' || CAST(N AS \(text))\(close) "
            + "AS \(text)) ELSE RPAD(A, N, '*') END"
    }

    static let strings: [Row] = [
        Row(
            "SUBSTR(A, -3, 2)",
            all: "CASE WHEN A IS NULL THEN NULL WHEN LENGTH(A) < 3 THEN '' ELSE SUBSTR(A, LENGTH(A) - 2, 2) END",
            except: [
                "teradata":
                    "CASE WHEN A IS NULL THEN NULL WHEN CHARACTER_LENGTH(A) < 3 THEN '' ELSE SUBSTR(A, CHARACTER_LENGTH(A) - 2, 2) END",
                "oracle": nil, "sqlserver": nil, "sybase": nil,
            ]),
        Row(
            "SUBSTR(A, N)",
            all: "CASE WHEN A IS NULL OR N IS NULL THEN NULL WHEN N < -LENGTH(A) THEN '' "
                + "ELSE SUBSTR(A, CASE WHEN N > 0 THEN N WHEN N = 0 THEN 1 ELSE LENGTH(A) + N + 1 END, 2147483647) END",
            except: [
                "teradata": "CASE WHEN A IS NULL OR N IS NULL THEN NULL WHEN N < -CHARACTER_LENGTH(A) THEN '' "
                    + "ELSE SUBSTR(A, CASE WHEN N > 0 THEN N WHEN N = 0 THEN 1 ELSE CHARACTER_LENGTH(A) + N + 1 END, "
                    + "2147483647) END",
                "oracle": nil, "sqlserver": nil, "sybase": nil,
            ]),
        Row(
            "SUBSTR(A, 2, N)",
            all: "CASE WHEN A IS NULL OR N IS NULL THEN NULL WHEN N <= 0 THEN '' ELSE SUBSTR(A, 2, N) END",
            except: [
                "sqlserver":
                    "CASE WHEN A IS NULL OR N IS NULL THEN NULL WHEN N <= 0 THEN N'' ELSE SUBSTRING(A, 2, N) END",
                "oracle": nil, "sybase": nil,
            ]),
        Row(
            "INSTR(A, 'b')", all: "STRPOS(A, 'b')",
            except: inexactStrings.merging([
                "snowflake": "POSITION('b', A)", "databricks": "INSTR(A, 'b')", "oracle": "INSTR(A, 'b')",
                "sqlite": "INSTR(A, 'b')",
            ]) { _, new in new }),
        Row(
            "INSTR(A, B, 0, 1)", all: "CASE WHEN B = '' AND A IS NOT NULL THEN 0 ELSE STRPOS(A, B) END",
            except: inexactStrings.merging([
                "snowflake": "CASE WHEN B = '' AND A IS NOT NULL THEN 0 ELSE POSITION(B, A) END",
                "databricks": "CASE WHEN B = '' AND A IS NOT NULL THEN 0 ELSE INSTR(A, B) END",
                "oracle": "CASE WHEN B = '' AND A IS NOT NULL THEN 0 ELSE INSTR(A, B) END",
                "sqlite": "CASE WHEN B = '' AND A IS NOT NULL THEN 0 ELSE INSTR(A, B) END",
            ]) { _, new in new }),
        Row("INSTR(A, 'b', -1)", all: nil),
        Row("INSTR(A, 'b', 1, 2)", all: nil),
        Row(
            "LPAD(A, 5)", all: "LPAD(A, 5, ' ')",
            except: ["teradata": nil, "oracle": nil, "sqlserver": nil, "sybase": nil, "sqlite": nil]),
        Row(
            "RPAD(A, N, '*')", all: nil,
            except: [
                "snowflake": padPastTheLargestString("CAST(", " AS INTEGER)", text: "VARCHAR"),
                "databricks": padPastTheLargestString("raise_error(", ")", text: "STRING"),
                "postgres": padPastTheLargestString("CAST(", " AS integer)", text: "text"),
                "bigquery": padPastTheLargestString("ERROR(", ")", text: "STRING"),
                "duckdb": padPastTheLargestString("error(", ")", text: "VARCHAR"),
            ]),
        Row("RPAD(A, 3, '')", all: nil),
        Row(
            "REPLACECHR(1, A, 'ab', 'xy')", all: "REPLACE(REPLACE(A, 'a', 'x'), 'b', 'x')",
            except: inexactStrings.merging(["oracle": nil]) { _, new in new }),
        Row("REPLACECHR(0, A, 'ab', 'x')", all: nil),
        Row(
            "REPLACESTR(TRUE, A, 'ab', NULL)", all: "REPLACE(A, 'ab', '')",
            except: inexactStrings.merging(["oracle": nil]) { _, new in new }),
        Row("REPLACESTR(1, A, 'ab', 'b', 'x')", all: nil),
        Row(
            "IS_SPACES(A)",
            all:
                "CASE WHEN A = '' THEN 0 WHEN LTRIM(A, ' \t\n\u{0B}\u{0C}\r') = '' THEN 1 WHEN A IS NOT NULL THEN 0 END",
            except: inexactStrings.merging(["oracle": nil, "databricks": nil]) { _, new in new }),
        Row("IN(N, 1, 2, NULL)", all: "CASE WHEN N IN (1, 2) THEN 1 WHEN N IS NOT NULL THEN 0 END"),
        Row(
            "IN(A, 'x', B)", all: "CASE WHEN A IN ('x', B) THEN 1 WHEN A IS NOT NULL THEN 0 END",
            except: inexactStrings),
        Row("IN(A, 'x', 1)", all: nil),
        Row("CHR(N)", all: nil),
    ]

    static let numbers: [Row] = [
        Row("ROUND(D, 1)", highPrecision: true, all: "ROUND(D, 1)", except: ["teradata": nil, "sqlite": nil]),
        Row("ROUND(D, 1)", all: nil),
        Row("ROUND(N)", all: "N"),
        Row("TRUNC(N, 2)", all: "N"),
        Row("ROUND(N, -1)", all: nil),
        Row(
            "TRUNC(D, 1)", highPrecision: true, all: "TRUNC(D, 1)",
            except: ["databricks": nil, "sqlserver": "ROUND(D, 1, 1)", "sybase": nil, "duckdb": nil, "sqlite": nil]),
        Row(
            "MOD(N, 3)", all: "N % 3", except: ["teradata": "N MOD 3", "oracle": "MOD(N, 3)", "bigquery": "MOD(N, 3)"]),
        Row("MOD(N, M)", all: nil),
        Row(
            "TO_FLOAT(N)", all: "CAST(N AS DOUBLE)",
            except: [
                "teradata": "CAST(N AS FLOAT)", "snowflake": "CAST(N AS FLOAT)",
                "postgres": "CAST(N AS double precision)",
                "oracle": "CAST(N AS BINARY_DOUBLE)", "sqlserver": "CAST(N AS FLOAT)", "sybase": "CAST(N AS FLOAT)",
                "bigquery": "CAST(N AS FLOAT64)", "sqlite": "CAST(N AS REAL)",
            ]),
        Row("TO_FLOAT(A)", all: nil),
        Row("TO_DECIMAL(N, 2)", all: nil),
        // A whole number's text is its digits, cast as `||` casts it (Teradata: not verified, and
        // refused); a string's is the string (Oracle and Sybase ASE too: a column keeps its '' as
        // it came).
        Row(
            "TO_CHAR(N)", all: "CAST(N AS VARCHAR(20))",
            except: [
                "teradata": nil, "databricks": "CAST(N AS STRING)",
                "postgres": "CAST(N AS varchar(20))", "oracle": "CAST(N AS VARCHAR2(20 CHAR))",
                "bigquery": "CAST(N AS STRING(20))", "duckdb": "CAST(N AS VARCHAR)", "sqlite": "CAST(N AS TEXT)",
            ]),
        Row("TO_CHAR(A)", all: "A"),
        // Decimals and doubles have PowerCenter's own rendering.
        Row("TO_CHAR(D)", all: nil),
        Row("TO_CHAR(TO_FLOAT(N))", all: nil),
    ]

    static let dates: [Row] = [
        Row(
            "TO_CHAR(T, 'YYYY-MM-DD HH24:MI:SS')", all: "TO_CHAR(T, 'YYYY-MM-DD HH24:MI:SS')",
            except: [
                "databricks": "DATE_FORMAT(T, 'yyyy-MM-dd HH:mm:ss')", "sqlserver": nil, "sybase": nil,
                "bigquery": "FORMAT_DATETIME('%Y-%m-%d %H:%M:%S', T)", "duckdb": "STRFTIME(T, '%Y-%m-%d %H:%M:%S')",
                "sqlite": "strftime('%Y-%m-%d %H:%M:%S', SUBSTR(T, 1, 19))",
            ]),
        Row(
            "TO_CHAR(T, 'mm/dd/yy hh')", all: "TO_CHAR(T, 'MM/DD/YY HH12')",
            except: [
                "databricks": "DATE_FORMAT(T, 'MM/dd/yy hh')", "sqlserver": nil, "sybase": nil,
                "bigquery": "FORMAT_DATETIME('%m/%d/%y %I', T)", "duckdb": "STRFTIME(T, '%m/%d/%y %I')", "sqlite": nil,
            ]),
        Row(
            "TO_CHAR(T, 'DDD')", all: "TO_CHAR(T, 'DDD')",
            except: [
                "snowflake": nil, "databricks": "DATE_FORMAT(T, 'DDD')", "sqlserver": nil, "sybase": nil,
                "bigquery": "FORMAT_DATETIME('%j', T)", "duckdb": "STRFTIME(T, '%j')",
                "sqlite": "strftime('%j', SUBSTR(T, 1, 19))",
            ]),
        Row("TO_CHAR(T, 'DD-MON-YYYY')", all: nil),
        Row("TO_CHAR(T)", all: nil),
        Row(
            "GET_DATE_PART(T, 'mm')", all: "CAST(TO_CHAR(T, 'MM') AS INTEGER)",
            except: [
                "databricks": "CAST(DATE_FORMAT(T, 'MM') AS INT)", "postgres": "CAST(TO_CHAR(T, 'MM') AS integer)",
                "oracle": "CAST(TO_CHAR(T, 'MM') AS NUMBER(10))", "sqlserver": nil, "sybase": nil,
                "bigquery": "CAST(FORMAT_DATETIME('%m', T) AS INT64)", "duckdb": "CAST(STRFTIME(T, '%m') AS INTEGER)",
                "sqlite": "CAST(strftime('%m', SUBSTR(T, 1, 19)) AS INTEGER)",
            ]),
        Row("GET_DATE_PART(T, 'MS')", all: nil),
        Row(
            "TRUNC(T, 'MM')", all: "DATE_TRUNC('month', T)",
            except: [
                "teradata": nil, "databricks": nil, "oracle": "TRUNC(T, 'MM')", "sqlserver": nil, "sybase": nil,
                "bigquery": nil, "sqlite": "strftime('%Y-%m-01 00:00:00', SUBSTR(T, 1, 19))",
            ]),
        // Where the dialect holds dates outside the years 1 to 9999 (or gives NULL), a row that
        // leaves them stops the statement, as the runtime rejects it; Oracle goes on into years
        // before Christ and cannot stop the statement, so a negative amount is refused there.
        Row(
            "ADD_TO_DATE(T, 'DD', N)", all: "DATEADD(day, N, T)",
            except: [
                "teradata": nil,
                "snowflake":
                    "CASE WHEN CASE WHEN DATEADD(day, N, T) > TIMESTAMP_NTZ '9999-12-31 23:59:59.999999' OR DATEADD(day, N, T) < TIMESTAMP_NTZ '0001-01-01 00:00:00' THEN CAST('ADD_TO_DATE leaves the years 1 to 9999, where the runtime rejects the row: ' || CAST(T AS VARCHAR) || CAST(N AS VARCHAR) AS INTEGER) ELSE 1 END = 1 THEN DATEADD(day, N, T) END",
                "databricks":
                    "CASE WHEN CASE WHEN DATEADD(day, N, T) > TIMESTAMP_NTZ '9999-12-31 23:59:59.999999' OR DATEADD(day, N, T) < TIMESTAMP_NTZ '0001-01-01 00:00:00' OR DATEADD(day, N, T) IS NULL AND T IS NOT NULL AND N IS NOT NULL THEN raise_error('ADD_TO_DATE leaves the years 1 to 9999, where the runtime rejects the row: ' || CAST(T AS STRING) || CAST(N AS STRING)) ELSE 1 END = 1 THEN DATEADD(day, N, T) END",
                "postgres":
                    "CASE WHEN CASE WHEN T + make_interval(0, 0, 0, N) > TIMESTAMP '9999-12-31 23:59:59.999999' OR T + make_interval(0, 0, 0, N) < TIMESTAMP '0001-01-01 00:00:00' THEN CAST('ADD_TO_DATE leaves the years 1 to 9999, where the runtime rejects the row: ' || CAST(T AS text) || CAST(N AS text) AS integer) ELSE 1 END = 1 THEN T + make_interval(0, 0, 0, N) END",
                "oracle": nil, "sybase": nil, "bigquery": nil,
                "duckdb":
                    "CASE WHEN CASE WHEN CAST(T + TO_DAYS(N) AS TIMESTAMP) > TIMESTAMP '9999-12-31 23:59:59.999999' OR CAST(T + TO_DAYS(N) AS TIMESTAMP) < TIMESTAMP '0001-01-01 00:00:00' THEN error('ADD_TO_DATE leaves the years 1 to 9999, where the runtime rejects the row: ' || CAST(T AS VARCHAR) || CAST(N AS VARCHAR)) ELSE 1 END = 1 THEN T + TO_DAYS(N) END",
                "sqlite":
                    "CASE WHEN CASE WHEN strftime('%Y-%m-%d %H:%M:%S', SUBSTR(T, 1, 19), CAST(N AS TEXT) || ' days') || SUBSTR(T, 20) > '9999-12-31 23:59:59.999999' OR strftime('%Y-%m-%d %H:%M:%S', SUBSTR(T, 1, 19), CAST(N AS TEXT) || ' days') || SUBSTR(T, 20) < '0001-01-01 00:00:00' OR strftime('%Y-%m-%d %H:%M:%S', SUBSTR(T, 1, 19), CAST(N AS TEXT) || ' days') || SUBSTR(T, 20) IS NULL AND T IS NOT NULL AND N IS NOT NULL THEN json('ADD_TO_DATE leaves the years 1 to 9999, where the runtime rejects the row: ' || CAST(T AS TEXT) || CAST(N AS TEXT)) ELSE 1 END = 1 THEN strftime('%Y-%m-%d %H:%M:%S', SUBSTR(T, 1, 19), CAST(N AS TEXT) || ' days') || SUBSTR(T, 20) END",
            ]),
        Row(
            "ADD_TO_DATE(T, 'YYYY', 2)", all: "DATEADD(month, 2 * 12, T)",
            except: [
                "teradata": nil,
                "snowflake":
                    "CASE WHEN CASE WHEN DATEADD(month, 2 * 12, T) > TIMESTAMP_NTZ '9999-12-31 23:59:59.999999' THEN CAST('ADD_TO_DATE leaves the years 1 to 9999, where the runtime rejects the row: ' || CAST(T AS VARCHAR) || CAST(2 AS VARCHAR) AS INTEGER) ELSE 1 END = 1 THEN DATEADD(month, 2 * 12, T) END",
                "databricks":
                    "CASE WHEN CASE WHEN DATEADD(month, 2 * 12, T) > TIMESTAMP_NTZ '9999-12-31 23:59:59.999999' OR DATEADD(month, 2 * 12, T) IS NULL AND T IS NOT NULL AND 2 IS NOT NULL THEN raise_error('ADD_TO_DATE leaves the years 1 to 9999, where the runtime rejects the row: ' || CAST(T AS STRING) || CAST(2 AS STRING)) ELSE 1 END = 1 THEN DATEADD(month, 2 * 12, T) END",
                "postgres":
                    "CASE WHEN CASE WHEN T + make_interval(0, 2 * 12) > TIMESTAMP '9999-12-31 23:59:59.999999' THEN CAST('ADD_TO_DATE leaves the years 1 to 9999, where the runtime rejects the row: ' || CAST(T AS text) || CAST(2 AS text) AS integer) ELSE 1 END = 1 THEN T + make_interval(0, 2 * 12) END",
                "oracle": nil, "sybase": nil, "bigquery": nil,
                "duckdb":
                    "CASE WHEN CASE WHEN CAST(T + TO_MONTHS(2 * 12) AS TIMESTAMP) > TIMESTAMP '9999-12-31 23:59:59.999999' THEN error('ADD_TO_DATE leaves the years 1 to 9999, where the runtime rejects the row: ' || CAST(T AS VARCHAR) || CAST(2 AS VARCHAR)) ELSE 1 END = 1 THEN T + TO_MONTHS(2 * 12) END",
                "sqlite": nil,
            ]),
        Row(
            "TO_DATE('2024-02-29', 'YYYY-MM-DD')", all: "TIMESTAMP '2024-02-29 00:00:00'",
            except: [
                "snowflake": "TIMESTAMP_NTZ '2024-02-29 00:00:00'", "databricks": "TIMESTAMP_NTZ '2024-02-29 00:00:00'",
                "sqlserver": "CAST(N'2024-02-29 00:00:00' AS DATETIME2(7))",
                "sybase": "CONVERT(BIGDATETIME, '2024-02-29 00:00:00')", "bigquery": "DATETIME '2024-02-29 00:00:00'",
                "sqlite": "'2024-02-29 00:00:00'",
            ]),
        Row("TO_DATE('2023-02-29', 'YYYY-MM-DD')", all: nil),
        Row("TO_DATE('2024-2-9', 'YYYY-MM-DD')", all: nil),
        Row("TO_DATE(A, 'YYYY-MM-DD')", all: nil),
        Row(
            "LAST_DAY(T)", all: nil,
            except: [
                "snowflake": "DATEADD(day, DATEDIFF(day, T, LAST_DAY(T)), T)",
                "databricks": "DATEADD(day, DATEDIFF(LAST_DAY(T), T), T)",
                "postgres": "T - DATE_TRUNC('day', T) + DATE_TRUNC('month', T) + make_interval(0, 1, 0, (-1))",
                "sqlserver": "DATEADD(day, DATEDIFF(day, T, EOMONTH(T)), T)",
                "duckdb": "T + TO_DAYS(DATE_DIFF('day', T, LAST_DAY(T)))",
                "sqlite": "DATE(SUBSTR(T, 1, 19), 'start of month', '+1 month', '-1 day') || SUBSTR(T, 11)",
            ]),
        Row("SYSDATE", all: nil),
        Row("ROUND(T, 'DD')", all: nil),
    ]
}
