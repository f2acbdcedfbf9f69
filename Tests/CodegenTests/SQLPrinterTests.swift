import Testing

@testable import Codegen

/// The SQL printer and the ten dialects' spellings: every expected text below was written by hand
/// from the dialects' documentation (reference/dialects.md), not recorded from the printer.
@Suite struct SQLPrinterTests {
    private func printed(_ expression: SQLExpression, _ dialect: String) -> String {
        SQLPrinter(SQLDialects.named(dialect)!).print(expression)
    }

    private func printed(_ statement: SQLStatement, _ dialect: String) -> String {
        SQLPrinter(SQLDialects.named(dialect)!).print(statement)
    }

    @Test func tenDialectsAreRegisteredUnderTheirCommandLineKeys() {
        #expect(
            SQLDialects.all.map(\.name) == [
                "teradata", "snowflake", "databricks", "postgres", "oracle", "sqlserver", "sybase", "bigquery",
                "duckdb", "sqlite",
            ])
        #expect(SQLDialects.named("Postgres")?.name == "postgres")
        #expect(SQLDialects.named("mysql") == nil)
    }

    @Test(arguments: [
        ("postgres", "\"order\"", "\"CUST ID\"", "\"a\"\"b\""),
        ("databricks", "`order`", "`CUST ID`", "`a\"b`"),
        ("bigquery", "`order`", "`CUST ID`", "`a\"b`"),
        ("sqlserver", "[order]", "[CUST ID]", "[a\"b]"),
        ("oracle", "\"order\"", "\"CUST ID\"", "\"a\"\"b\""),
    ])
    func identifiersAreBareWhenPlainAndQuotedOtherwise(dialect: String, reserved: String, spaced: String, quote: String)
    {
        #expect(printed(.column(table: "EXP_1", name: "CUST_ID"), dialect) == "EXP_1.CUST_ID")
        #expect(printed(.column(table: nil, name: "order"), dialect) == reserved)
        #expect(printed(.column(table: nil, name: "CUST ID"), dialect) == spaced)
        #expect(printed(.column(table: nil, name: "a\"b"), dialect) == quote)
    }

    @Test("a name is bare when it is ASCII letters, digits and _ after a letter or _, and no reserved word")
    func plainNames() {
        for name in ["A_1", "_x", "_9", "cust_ID", "Z9", "CURRENT_TIMESTAMPS", "SELECTED"] {
            #expect(SQLIdentifiers.isPlain(name), "\(name)")
        }
        for name in [
            "", "1A", "né", "a-b", "@x", "x@", "[a", "a`", "9", "select", "Select", "SELECT", "CURRENT_TIMESTAMP",
            "a b",
        ] {
            #expect(!SQLIdentifiers.isPlain(name), "\(name)")
        }
        // Every reserved word in any case, and none once lengthened.
        for word in SQLIdentifiers.reserved {
            for name in [word, word.lowercased(), word.prefix(1) + word.dropFirst().lowercased()] {
                #expect(!SQLIdentifiers.isPlain(name), "\(name)")
            }
            #expect(SQLIdentifiers.isPlain(word + "_"), "\(word)_")
            #expect(SQLIdentifiers.isPlain("X" + word), "X\(word)")
        }
    }

    @Test func aBracketInsideABracketedNameIsDoubled() {
        #expect(printed(.column(table: nil, name: "a]b"), "sqlserver") == "[a]]b]")
        #expect(printed(.column(table: nil, name: "a`b"), "databricks") == "`a``b`")
    }

    @Test(arguments: [
        ("postgres", "'it''s \\ fine'"),
        ("snowflake", "'it''s \\ fine'"),
        ("databricks", "'it\\'s \\\\ fine'"),
        ("bigquery", "'it\\'s \\\\ fine'"),
        ("sqlserver", "N'it''s \\ fine'"),
        ("sqlite", "'it''s \\ fine'"),
    ])
    func stringLiteralsAreEscapedPerDialect(dialect: String, expected: String) {
        #expect(printed(.literal(.string("it's \\ fine")), dialect) == expected)
    }

    @Test(arguments: [
        ("postgres", "TRUE", "DATE '2024-02-29'", "TIMESTAMP '2024-02-29 13:45:00'"),
        ("snowflake", "TRUE", "DATE '2024-02-29'", "TIMESTAMP_NTZ '2024-02-29 13:45:00'"),
        ("bigquery", "TRUE", "DATE '2024-02-29'", "DATETIME '2024-02-29 13:45:00'"),
        ("oracle", "1", "DATE '2024-02-29'", "TIMESTAMP '2024-02-29 13:45:00'"),
        ("sqlserver", "1", "CAST(N'2024-02-29' AS DATE)", "CAST(N'2024-02-29 13:45:00' AS DATETIME2(7))"),
        ("sybase", "1", "CONVERT(DATE, '2024-02-29')", "CONVERT(BIGDATETIME, '2024-02-29 13:45:00')"),
        ("sqlite", "1", "'2024-02-29'", "'2024-02-29 13:45:00'"),
    ])
    func booleanAndDateLiterals(dialect: String, truth: String, date: String, timestamp: String) {
        #expect(printed(.literal(.boolean(true)), dialect) == truth)
        #expect(printed(.literal(.date("2024-02-29")), dialect) == date)
        #expect(printed(.literal(.timestamp("2024-02-29 13:45:00")), dialect) == timestamp)
    }

    @Test func parenthesesFollowPrecedenceAndAssociativity() {
        let a = SQLExpression.column(table: nil, name: "A")
        let b = SQLExpression.column(table: nil, name: "B")
        let c = SQLExpression.column(table: nil, name: "C")
        #expect(printed(.binary(.multiply, .binary(.add, a, b), c), "postgres") == "(A + B) * C")
        #expect(printed(.binary(.add, a, .binary(.multiply, b, c)), "postgres") == "A + B * C")
        #expect(printed(.binary(.subtract, a, .binary(.subtract, b, c)), "postgres") == "A - (B - C)")
        #expect(printed(.binary(.subtract, .binary(.subtract, a, b), c), "postgres") == "A - B - C")
        #expect(printed(.binary(.and, .binary(.or, a, b), c), "postgres") == "(A OR B) AND C")
        #expect(printed(.unary(.not, .binary(.equal, a, b)), "postgres") == "NOT A = B")
        #expect(printed(.binary(.and, .unary(.not, a), b), "postgres") == "NOT A AND B")
        #expect(printed(.unary(.not, .binary(.and, a, b)), "postgres") == "NOT (A AND B)")
        #expect(printed(.binary(.subtract, a, .literal(.integer(-5))), "postgres") == "A - (-5)")
        #expect(printed(.isNull(.binary(.add, a, b), negated: true), "postgres") == "A + B IS NOT NULL")
    }

    @Test func moduloAndConcatenationAreSpelledPerDialect() {
        let a = SQLExpression.column(table: nil, name: "A")
        let b = SQLExpression.column(table: nil, name: "B")
        #expect(printed(.binary(.modulo, a, b), "postgres") == "A % B")
        #expect(printed(.binary(.modulo, a, b), "oracle") == "MOD(A, B)")
        #expect(printed(.binary(.modulo, a, b), "bigquery") == "MOD(A, B)")
        #expect(printed(.binary(.modulo, a, b), "teradata") == "A MOD B")
        #expect(printed(.binary(.concat, a, b), "snowflake") == "A || B")
        #expect(printed(.binary(.concat, a, b), "sqlserver") == "A + B")
        #expect(printed(.binary(.concat, a, b), "sybase") == "A + B")
    }

    @Test(arguments: [
        ("postgres", "SELECT A\nFROM T\nORDER BY A NULLS FIRST\nLIMIT 100"),
        ("oracle", "SELECT A\nFROM T\nORDER BY A NULLS FIRST\nFETCH FIRST 100 ROWS ONLY"),
        ("sqlserver", "SELECT TOP 100 A\nFROM T\nORDER BY CASE WHEN A IS NULL THEN 0 ELSE 1 END, A"),
        ("teradata", "SELECT TOP 100 A\nFROM T\nORDER BY CASE WHEN A IS NULL THEN 0 ELSE 1 END, A"),
    ])
    func rowLimitsAndNullPlacement(dialect: String, expected: String) {
        let select = SQLSelect(
            items: [SQLSelectItem(.column(table: nil, name: "A"))],
            from: .table(SQLTableName("T"), alias: nil),
            orderBy: [SQLOrdering(.column(table: nil, name: "A"), nulls: .first)], limit: 100)
        #expect(printed(.query(.select(select)), dialect) == expected)
    }

    @Test func descendingNullsLastIsEmulatedWithTheFlagFirst() {
        let order = SQLOrdering(.column(table: nil, name: "A"), descending: true, nulls: .last)
        let select = SQLSelect(items: [SQLSelectItem(.star(table: nil))], orderBy: [order])
        #expect(
            printed(.query(.select(select)), "sqlserver")
                == "SELECT *\nORDER BY CASE WHEN A IS NULL THEN 1 ELSE 0 END, A DESC")
        #expect(printed(.query(.select(select)), "snowflake") == "SELECT *\nORDER BY A DESC NULLS LAST")
    }

    @Test func commonTablesJoinsAndTableAliases() {
        let source = SQLSelect(
            items: [SQLSelectItem(.column(table: nil, name: "ID")), SQLSelectItem(.column(table: nil, name: "NAME"))],
            from: .table(SQLTableName(schema: "SRC", "CUSTOMERS"), alias: nil))
        let select = SQLSelect(
            with: [SQLCommonTable("SQ_CUSTOMERS", .select(source))],
            items: [
                SQLSelectItem(.column(table: "c", name: "ID"), as: "ID"),
                SQLSelectItem(.column(table: "o", name: "AMOUNT"), as: "TOTAL"),
            ],
            from: .join(
                .table(SQLTableName("SQ_CUSTOMERS"), alias: "c"), .left, .table(SQLTableName("ORDERS"), alias: "o"),
                on: .binary(.equal, .column(table: "c", name: "ID"), .column(table: "o", name: "CUST_ID"))))
        let expected = """
            WITH
              SQ_CUSTOMERS AS (
                SELECT
                  ID,
                  NAME
                FROM SRC.CUSTOMERS
              )
            SELECT
              c.ID,
              o.AMOUNT AS TOTAL
            FROM SQ_CUSTOMERS AS c
            LEFT OUTER JOIN ORDERS AS o ON c.ID = o.CUST_ID
            """
        #expect(printed(.query(.select(select)), "postgres") == expected)
        let oracle = expected.replacingOccurrences(of: " AS c", with: " c").replacingOccurrences(
            of: " AS o", with: " o")
        #expect(printed(.query(.select(select)), "oracle") == oracle)
    }

    @Test func typesAreMappedPerDialect() {
        let types: [SQLType] = [
            .varchar(20), .integer, .decimal(precision: 16, scale: 4), .timestamp(fraction: 9), .boolean,
        ]
        func names(_ dialect: String) -> [String] { types.map(SQLDialects.named(dialect)!.typeName) }
        #expect(names("postgres") == ["varchar(20)", "integer", "numeric(16,4)", "timestamp(6)", "boolean"])
        #expect(names("snowflake") == ["VARCHAR(20)", "INTEGER", "NUMBER(16,4)", "TIMESTAMP_NTZ(9)", "BOOLEAN"])
        #expect(names("oracle") == ["VARCHAR2(20 CHAR)", "NUMBER(10)", "NUMBER(16,4)", "TIMESTAMP(9)", "NUMBER(1)"])
        #expect(names("sqlserver") == ["VARCHAR(20)", "INT", "DECIMAL(16,4)", "DATETIME2(7)", "BIT"])
        #expect(names("bigquery") == ["STRING(20)", "INT64", "NUMERIC(16,4)", "DATETIME", "BOOL"])
        #expect(names("sqlite") == ["TEXT", "INTEGER", "TEXT", "TEXT", "INTEGER"])
        #expect(names("teradata")[0] == "VARCHAR(20) CHARACTER SET LATIN")
        #expect(SQLDialects.named("bigquery")!.typeName(.decimal(precision: 38, scale: 10)) == "BIGNUMERIC(38,10)")
    }

    /// Teradata's columns name their character set; its casts to text do not (sqlglot does not
    /// parse one there: SQLGlotExpressionTests); other dialects cast to the column type's spelling.
    @Test func castsToTextNameNoCharacterSetInTeradata() {
        let teradata = TeradataDialect()
        #expect(
            printed(
                .query(
                    .select(
                        SQLSelect(
                            items: [
                                SQLSelectItem(.cast(.literal(.null), .varchar(30)), as: "A"),
                                SQLSelectItem(.cast(.literal(.null), .nvarchar(40000)), as: "B"),
                                SQLSelectItem(.cast(.column(table: nil, name: "N"), .varchar(70000)), as: "C"),
                                SQLSelectItem(.cast(.column(table: nil, name: "N"), .integer), as: "D"),
                            ], from: .table(SQLTableName("T"), alias: nil)))), "teradata")
                == "SELECT\n  CAST(NULL AS VARCHAR(30)) AS A,\n  CAST(NULL AS VARCHAR(32000)) AS B,\n"
                + "  CAST(N AS VARCHAR(64000)) AS C,\n  CAST(N AS INTEGER) AS D\nFROM T")
        #expect(teradata.typeName(.nvarchar(40000)) == "VARCHAR(32000) CHARACTER SET UNICODE")
        for dialect in SQLDialects.all where dialect.name != "teradata" {
            for type in [SQLType.varchar(30), .nvarchar(30), .varchar(nil), .decimal(precision: 10, scale: 2)] {
                #expect(dialect.castTypeName(type) == dialect.typeName(type), "\(dialect.name) \(type)")
            }
        }
    }

    /// A comment line of a script holds no line break: an export's CR LF, lone CR, and the other
    /// breaks Swift counts as new lines all become spaces.
    @Test func scriptCommentsAreOneLine() {
        #expect(
            SQLPipelineScript.comment("IIF(\r\n  A,\r B,\n C\u{0B}\u{0C}\u{85}\u{2028}\u{2029})")
                == "-- IIF(   A,  B,  C     )\n")
        #expect(SQLPipelineScript.comment("plain") == "-- plain\n")
        for lineBreak in ["\r", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"] {
            #expect(
                SQLPipelineScript.comment("a" + lineBreak + "b") == "-- a b\n",
                "\(lineBreak.unicodeScalars.map(\.value))")
        }
        #expect(SQLPipelineScript.comment("1, 2, 3, … 'é' \u{2027}") == "-- 1, 2, 3, … 'é' \u{2027}\n")
    }

    @Test func dataChangingStatements() {
        let table = SQLTableName("DAILY_USAGE")
        let key = SQLExpression.binary(.equal, .column(table: "t", name: "ID"), .column(table: "s", name: "ID"))
        let source = SQLQuery.select(
            SQLSelect(items: [SQLSelectItem(.star(table: nil))], from: .table(SQLTableName("STAGE"), alias: nil)))
        let merge = SQLMerge(
            target: table, targetAlias: "t", source: source, sourceAlias: "s", on: key,
            update: [SQLAssignment("CALLS", .column(table: "s", name: "CALLS"))],
            insert: [
                SQLAssignment("ID", .column(table: "s", name: "ID")),
                SQLAssignment("CALLS", .column(table: "s", name: "CALLS")),
            ])
        #expect(
            printed(.merge(merge), "snowflake") == """
                MERGE INTO DAILY_USAGE AS t
                USING (
                  SELECT *
                  FROM STAGE
                ) AS s
                ON t.ID = s.ID
                WHEN MATCHED THEN UPDATE SET CALLS = s.CALLS
                WHEN NOT MATCHED THEN INSERT (ID, CALLS) VALUES (s.ID, s.CALLS)
                """)
        #expect(printed(.truncate(table), "postgres") == "TRUNCATE TABLE DAILY_USAGE")
        #expect(printed(.truncate(table), "sqlite") == "DELETE FROM DAILY_USAGE")
        #expect(
            printed(
                .delete(table, filter: .binary(.less, .column(table: nil, name: "CALLS"), .literal(.integer(1)))),
                "postgres") == "DELETE FROM DAILY_USAGE\nWHERE CALLS < 1")
        #expect(
            printed(
                .createTable(
                    table,
                    [SQLColumnDefinition("ID", .bigint, nullable: false), SQLColumnDefinition("NOTE", .varchar(nil))]),
                "postgres")
                == "CREATE TABLE DAILY_USAGE (\n    ID bigint NOT NULL,\n    NOTE text\n)")
    }

    @Test func windowFunctionsAndCase() {
        let rank = SQLExpression.window(
            .function(name: "ROW_NUMBER", arguments: []), partitionBy: [.column(table: nil, name: "K")],
            orderBy: [SQLOrdering(.column(table: nil, name: "T"), descending: true, nulls: .last)])
        #expect(printed(rank, "postgres") == "ROW_NUMBER() OVER (PARTITION BY K ORDER BY T DESC NULLS LAST)")
        let decode = SQLExpression.caseWhen(
            branches: [
                SQLWhen(.isNull(.column(table: nil, name: "X"), negated: false), then: .literal(.string("none")))
            ],
            otherwise: .column(table: nil, name: "X"))
        #expect(printed(decode, "duckdb") == "CASE WHEN X IS NULL THEN 'none' ELSE X END")
        #expect(
            printed(.cast(.literal(.decimal("-1.50")), .decimal(precision: 5, scale: 2)), "duckdb")
                == "CAST((-1.50) AS DECIMAL(5,2))")
        #expect(printed(.literal(.double(0.1)), "duckdb") == "0.1E0")
    }
}
