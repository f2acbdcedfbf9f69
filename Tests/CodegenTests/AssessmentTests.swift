import Codegen
import Testing

/// The pieces of `migrate assess` that are heuristics get pinned by examples.
@Suite struct AssessmentTests {
    @Test func functionsAreFoundOutsideStringsAndComments() {
        let text =
            "IIF(ISNULL(a) OR (b > 1), :LKP.lkp_x(a), 'LTRIM(x)') -- SUBSTR(y)\n|| TO_CHAR (d, 'YYYY') AND NOT(c)"
        #expect(FunctionUsage.functions(in: text) == ["IIF", "ISNULL", ":LKP", "TO_CHAR"])
    }

    @Test func doubledQuotesStayInsideTheLiteral() {
        #expect(FunctionUsage.functions(in: "CONCAT('it''s (not) UPPER(x)', LOWER(y))") == ["CONCAT", "LOWER"])
    }

    @Test(arguments: [
        ("SELECT NVL(a, 0) FROM t WHERE ROWNUM < 10", "oracle"),
        ("SELECT TOP 10 ISNULL(a, 0), GETDATE() FROM dbo.t WITH (NOLOCK)", "sqlserver"),
        ("SEL a FROM t QUALIFY ROW_NUMBER() OVER (ORDER BY a) = 1", "teradata"),
        ("SELECT a::text FROM t LIMIT 5", "postgresql"),
        ("SELECT a, b FROM t WHERE c = 1", "ansi"),
    ])
    func dialectGuess(sql: String, dialect: String) {
        #expect(SQLDialectGuess.guess(sql) == dialect)
    }
}
