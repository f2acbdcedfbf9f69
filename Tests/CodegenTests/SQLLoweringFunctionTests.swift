import Codegen
import IR
import Testing

/// Dialect tables for the functions lowered to SQL: for each expression, the SQL every one of the
/// ten dialects gets, or nil where it is refused (the node stays in the runtime). Every text was
/// written by hand from reference/dialects.md and each dialect's documentation;
/// SQLLoweringFunctionExecutionTests runs the SQLite and PostgreSQL rows against the native evaluator.
@Suite struct SQLLoweringFunctionTests {
    /// One expression and the SQL per dialect (nil: refused).
    struct Row: CustomTestStringConvertible, Sendable {
        var expression: String
        var highPrecision = false
        var sql: [String: String?]
        var testDescription: String { expression }

        init(_ expression: String, highPrecision: Bool = false, _ sql: [String: String?]) {
            self.expression = expression
            self.highPrecision = highPrecision
            self.sql = sql
        }

        /// The same SQL for every dialect except those listed.
        init(_ expression: String, highPrecision: Bool = false, all: String?, except: [String: String?] = [:]) {
            self.init(expression, highPrecision: highPrecision, Self.every(all).merging(except) { _, new in new })
        }

        static func every(_ sql: String?) -> [String: String?] {
            Dictionary(uniqueKeysWithValues: SQLDialects.all.map { ($0.name, sql) })
        }
    }

    static let ports: [String: DataType] = [
        "A": .string(precision: 20), "B": .string(precision: 20), "N": .integer, "M": .integer,
        "D": .decimal(precision: 12, scale: 2), "T": .dateTime(precision: 29, scale: 9),
    ]

    static func lowered(_ text: String, _ dialect: any SQLDialect, highPrecision: Bool) -> Result<
        String, SQLLoweringFailure
    > {
        let source = ExpressionSource(text)
        let parsed = ExpressionParser.parse(source)
        let typed = ExpressionTypeChecker.check(
            parsed.expression, in: TypeEnvironment(ports: ports, highPrecision: highPrecision), source: source)
        let columns = Dictionary(
            uniqueKeysWithValues: ports.keys.map { ($0, SQLExpression.column(table: nil, name: $0)) })
        return SQLExpressionLowering(dialect, options: SQLLoweringOptions(highPrecision: highPrecision))
            .lower(typed.typed, columns: columns).map { SQLPrinter(dialect).print($0) }
    }

    @Test(
        arguments: SQLLoweringFunctionTables.strings + SQLLoweringFunctionTables.numbers
            + SQLLoweringFunctionTables.dates)
    func eachDialectGetsTheExpectedSQLOrRefuses(_ row: Row) {
        #expect(row.sql.count == SQLDialects.all.count, "the row must name all ten dialects")
        for dialect in SQLDialects.all {
            let expected = row.sql[dialect.name] ?? nil
            switch Self.lowered(row.expression, dialect, highPrecision: row.highPrecision) {
            case .success(let sql): #expect(sql == expected, "\(dialect.name)")
            case .failure(let failure):
                #expect(expected == nil, "\(dialect.name) refused: \(failure.reason)")
                #expect(!failure.reason.isEmpty)
            }
        }
    }

    @Test func refusalsNameTheReason() {
        func reason(_ text: String, _ dialect: String) -> String {
            guard case .failure(let f) = Self.lowered(text, SQLDialects.named(dialect)!, highPrecision: false) else {
                return ""
            }
            return f.reason
        }
        #expect(reason("SUBSTR(A, -2)", "sqlserver").contains("character count"))
        #expect(reason("INSTR(A, 'b', 2)", "postgres").contains("start other than 0 or 1"))
        #expect(reason("TO_CHAR(T, 'DD-MON-YYYY')", "postgres").contains("'MON'"))
        #expect(reason("TO_CHAR(T, 'YYYY\"x\"')", "postgres").contains("literal text"))
        #expect(reason("TO_CHAR(T, 'MM/DD/YY')", "sqlite").contains("'YY'"))
        #expect(reason("TO_DATE(A, 'YYYY-MM-DD')", "postgres").contains("row error"))
        #expect(reason("TO_DATE('2023-02-29', 'YYYY-MM-DD')", "postgres").contains("'2023-02-29'"))
        #expect(reason("SYSDATE", "postgres").contains("clock"))
        #expect(reason("ROUND(D, 1)", "postgres").contains("double"))
        #expect(reason("ADD_TO_DATE(T, 'MM', 1)", "sqlite").contains("months"))
        #expect(reason("TO_FLOAT(A)", "postgres").contains("prefix"))
        #expect(reason("TO_CHAR(D)", "postgres").contains("own rules"))
        // TO_CHAR of a string can be '', which Oracle does not keep; of a number it cannot.
        #expect(reason("TO_CHAR(LTRIM(A))", "oracle").contains("''"))
        #expect(reason("TO_CHAR(N)", "oracle") == "")
        // Teradata's number-to-text conversion is not verified: a whole number is not written as text.
        #expect(reason("TO_CHAR(N)", "teradata").contains("plain digits"))
        #expect(reason("A || N", "teradata").contains("plain digits"))
        #expect(reason("A || N", "snowflake") == "")
    }
}
