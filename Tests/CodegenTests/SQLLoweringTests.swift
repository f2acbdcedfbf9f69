import Codegen
import IR
import Testing

/// Expression lowering as dialect tables: an expression → the SQL each dialect gets, or the reason
/// it stays in the runtime. Expected texts are written by hand; SQLLoweringExecutionTests runs
/// the lowered SQL on SQLite and PostgreSQL against the native evaluator.
@Suite struct SQLLoweringTests {
    private static let ports: [String: DataType] = [
        "A": .string(precision: 20), "B": .string(precision: 20), "N": .integer, "D": .decimal(precision: 12, scale: 2),
    ]

    private func lowered(_ text: String, _ dialect: String, highPrecision: Bool = false) -> Lowered {
        let source = ExpressionSource(text)
        let parsed = ExpressionParser.parse(source)
        let typed = ExpressionTypeChecker.check(
            parsed.expression, in: TypeEnvironment(ports: Self.ports, highPrecision: highPrecision), source: source)
        let columns = Dictionary(
            uniqueKeysWithValues: Self.ports.keys.map { ($0, SQLExpression.column(table: nil, name: $0)) })
        let d = SQLDialects.named(dialect)!
        switch SQLExpressionLowering(d, options: SQLLoweringOptions(highPrecision: highPrecision)).lower(
            typed.typed, columns: columns)
        {
        case .success(let sql): return .success(SQLPrinter(d).print(sql))
        case .failure(let failure): return .refused(failure.reason)
        }
    }

    @Test func concatenationIgnoresNullOperands() {
        #expect(
            lowered("A || B", "postgres")
                == .success("CASE WHEN A IS NULL AND B IS NULL THEN NULL ELSE COALESCE(A, '') || COALESCE(B, '') END"))
        #expect(
            lowered("A || B", "sqlserver")
                == .success("CASE WHEN A IS NULL AND B IS NULL THEN NULL ELSE COALESCE(A, N'') + COALESCE(B, N'') END"))
    }

    @Test("an operand that can fail is not skipped by the CASE of SUBSTR, LPAD or RPAD")
    func operandsSkippedByACaseAreRefused() {
        let reason = "without computing it"
        // SUBSTR's `text IS NULL OR start IS NULL …` stops at the first NULL; LPAD's negative length
        // gives NULL before the text is computed. The runtime computes every operand.
        let refused = [
            "SUBSTR(A, 1, LENGTH(LPAD(B, N)))", "SUBSTR(A, LENGTH(RPAD(B, N)))", "SUBSTR(A, N * N * N, 2)",
            "LPAD(LPAD(B, N), -1)", "RPAD(LPAD(B, N), N, '*')",
        ]
        // Oracle refuses these strings anyway: it does not keep '' apart from NULL.
        for dialect in ["postgres", "duckdb"] {
            for text in refused {
                guard case .refused(let why) = lowered(text, dialect) else {
                    Issue.record("\(dialect): '\(text)' was lowered")
                    continue
                }
                #expect(why.contains(reason), "\(dialect): '\(text)': \(why)")
            }
            // Operands that cannot fail: strings, INSTR of strings, integer arithmetic within 64 bits.
            for text in ["SUBSTR(A, INSTR(A, '-') + 1)", "SUBSTR(A, N - 1, N * 100000)", "LPAD(A || B, N, '*')"] {
                if case .refused(let why) = lowered(text, dialect) { Issue.record("\(dialect): '\(text)': \(why)") }
            }
        }
    }

    @Test("an operand that can fail is not dropped where a constant decides the operation")
    func operandsFoldedAwayAreRefused() {
        let reason = "without the operand that can fail"
        // The runtime computes `N * N * N` (which can pass 64 bits) and `LPAD(A, N)` (past the
        // largest string) and rejects the row where they fail; the SQL of each would not compute them.
        let refused = [
            "N * N * N + NULL", "INSTR(NULL, LPAD(A, N))", "LENGTH(LPAD(A, N)) = INSTR(' ', NULL)",
            "IIF(N * N * N > 1 AND FALSE, 1, 0)", "N * N * N > 1 OR 1 = 1",
            // Folded through operations that read the row: INSTR(NULL, B) is NULL whatever B is.
            "SUBSTR(LPAD('x ', N, '*-'), 0 * N, INSTR(NULL, B))",
            "ADD_TO_DATE(TO_DATE(A, 'YYYYMMDD'), 'MM', INSTR(NULL, B) - N % 2)",
            "IIF(FALSE AND ISNULL(A), N, INSTR(NULL, '')) * INSTR(A, RPAD('', N, '*-'))",
            "N * N * N > 1 AND (FALSE AND N > 0)",
        ]
        // SQL's IN stops at the first item that matches; the runtime computes every item.
        for dialect in ["postgres", "sqlite"] {
            guard case .refused(let why) = lowered("IN(A, 'abc', LPAD(B, N))", dialect) else {
                Issue.record("\(dialect): an IN with an item that can fail was lowered")
                continue
            }
            #expect(why.contains("SQL stops at the first item that matches"), "\(why)")
        }
        // The value searched for is always computed first.
        if case .refused(let why) = lowered("IN(LPAD(B, N), 'abc', A)", "postgres") {
            Issue.record("an IN whose searched value can fail was refused: \(why)")
        }
        for dialect in ["postgres", "duckdb", "sqlite", "oracle"] {
            for text in refused {
                guard case .refused(let why) = lowered(text, dialect) else {
                    Issue.record("\(dialect): '\(text)' was lowered")
                    continue
                }
                #expect(why.contains(reason), "\(dialect): '\(text)': \(why)")
            }
            // Nothing that can fail is dropped: a NULL operand still gives NULL. The runtime computes
            // integers in 64 bits, which `N * 100000` cannot leave.
            #expect(lowered("N + NULL", dialect) == .success("NULL"), "\(dialect)")
            #expect(lowered("N * 100000 + NULL", dialect) == .success("NULL"), "\(dialect)")
            // A constant left operand of AND decides first in the runtime too; IIF computes one branch.
            for text in ["IIF(FALSE AND N * 100000 > 1, 1, 0)", "IIF(NULL, N * 100000, 0)"] {
                if case .refused(let why) = lowered(text, dialect) { #expect(!why.contains(reason), "\(text)") }
            }
        }
    }

    @Test("a decimal an expression gives is computed as the runtime's double; an IIF is as wide as its branches")
    func valuesOfExpressionsKeepTheRuntimeTypes() {
        // Without high precision the runtime holds every decimal as a double (§3.3), the IIF's too.
        #expect(
            lowered("IIF(N > 0, D, D) * 3", "postgres")
                == .success("CAST(CASE WHEN N > 0 THEN D ELSE D END AS double precision) * 3"))
        #expect(lowered("D * 3", "postgres") == .success("CAST(D AS double precision) * 3"))
        #expect(lowered("IIF(N > 0, D, D) * 3", "sqlite") == .success("CASE WHEN N > 0 THEN D ELSE D END * 3"))
        // A branch computed in 64 bits makes the IIF a bigint, clamped then cast for PostgreSQL's
        // `substr(text, integer, integer)`.
        guard case .success(let sql) = lowered("SUBSTR(A, 1, IIF(N > 0, N * -3, 12 * N))", "postgres") else {
            Issue.record("SUBSTR with a computed length was refused")
            return
        }
        // The IIF with its products widened to 64 bits, clamped to 32 bits, then cast to integer.
        let iif = "CASE WHEN N > 0 THEN CAST(N AS bigint) * -3 ELSE CAST(12 AS bigint) * N END"
        let length =
            "CAST(CASE WHEN \(iif) > 2147483647 THEN 2147483647 WHEN \(iif) < (-2147483648) THEN (-2147483648) "
            + "ELSE \(iif) END AS integer)"
        #expect(sql.hasSuffix("ELSE SUBSTR(A, 1, \(length)) END"), "\(sql)")
    }

    @Test func referenceCasesThatNeedTheirOwnRules() {
        // Case 6: an integer joins text as its digits; a decimal does not (PowerCenter's own rendering).
        #expect(
            lowered("A || N", "postgres")
                == .success(
                    "CASE WHEN A IS NULL AND CAST(N AS varchar(20)) IS NULL THEN NULL "
                        + "ELSE COALESCE(A, '') || COALESCE(CAST(N AS varchar(20)), '') END"
                ))
        if case .success = lowered("A || D", "postgres") { Issue.record("a decimal was concatenated") }
        // Case 7: CONCAT is `||`.
        #expect(lowered("CONCAT(A, B)", "postgres") == lowered("A || B", "postgres"))
        // Case 8: NULL in arithmetic is NULL, whatever the divisor.
        #expect(lowered("N + NULL", "sqlserver") == .success("NULL"))
        #expect(lowered("N / NULL", "sqlite") == .success("NULL"))
        // Cases 3 and 10: a NULL condition is SQL's unknown.
        #expect(lowered("IIF(NULL, 1, 2)", "oracle") == .success("CASE WHEN 1 = NULL THEN 1 ELSE 2 END"))
        #expect(
            lowered("NULL AND N > 0", "duckdb")
                == .success("CASE WHEN 1 = NULL AND N > 0 THEN 1 WHEN NOT (1 = NULL AND N > 0) THEN 0 END"))
        // Cases 13 and 14: IS_NUMBER's grammar as a whole-text regular expression, where there is one.
        let pattern = "'^[[:space:]]*[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?[[:space:]]*$'"
        #expect(
            lowered("IIF(IS_NUMBER(A), 1, 0)", "postgres")
                == .success("CASE WHEN regexp_like(A, \(pattern)) THEN 1 ELSE 0 END"))
        #expect(
            lowered("IIF(IS_NUMBER(A), 1, 0)", "bigquery")
                == .success("CASE WHEN REGEXP_CONTAINS(A, \(pattern)) THEN 1 ELSE 0 END"))
        for dialect in ["sqlite", "sqlserver", "sybase", "teradata", "databricks"] {
            #expect(
                lowered("IS_NUMBER(A)", dialect)
                    == .refused("\(dialect) has no regular expressions to test IS_NUMBER's grammar"))
        }
    }

    @Test func conditionsAreNumbersAsValuesAndPredicatesInCase() {
        #expect(lowered("N > 2", "postgres") == .success("CASE WHEN N > 2 THEN 1 WHEN NOT N > 2 THEN 0 END"))
        #expect(lowered("IIF(N, 1, 0)", "duckdb") == .success("CASE WHEN N <> 0 THEN 1 ELSE 0 END"))
        #expect(
            lowered("DECODE(A, 'x', 1, NULL, 2, 3)", "snowflake")
                == .success("CASE WHEN A = 'x' THEN 1 WHEN A IS NULL THEN 2 ELSE 3 END"))
    }

    @Test func whatADialectCannotComputeExactlyIsRefusedWithTheReason() {
        #expect(lowered("A = B", "sqlserver").failureReason?.contains("trailing blanks") == true)
        #expect(lowered("A = B", "teradata").failureReason?.contains("trailing blanks") == true)
        #expect(lowered("LTRIM(A)", "oracle").failureReason?.contains("''") == true)
        #expect(lowered("N / B", "postgres").failureReason != nil)
        #expect(lowered("N / N", "postgres").failureReason?.contains("zero divisor") == true)
        #expect(lowered("D * 2", "sqlite", highPrecision: true).failureReason?.contains("doubles") == true)
        #expect(lowered("LENGTH(A)", "sqlserver").failureReason?.contains("trailing blanks") == true)
        #expect(lowered("TO_INTEGER(D)", "teradata", highPrecision: true).failureReason != nil)
    }

    @Test func functionsAreSpelledPerDialect() {
        #expect(lowered("LTRIM(A)", "bigquery") == .success("LTRIM(A, ' ')"))
        #expect(lowered("LTRIM(A)", "snowflake") == .success("LTRIM(A)"))
        #expect(lowered("SUBSTR(A, 0, 2)", "sqlserver") == .success("SUBSTRING(A, 1, 2)"))
        #expect(lowered("LENGTH(A)", "teradata") == .success("CHARACTER_LENGTH(A)"))
        #expect(lowered("TO_INTEGER(D)", "postgres", highPrecision: true) == .success("CAST(ROUND(D, 0) AS integer)"))
        #expect(lowered("N % 3", "oracle") == .success("MOD(N, 3)"))
    }
}

/// The SQL a dialect gets, or the reason it is refused.
private enum Lowered: Equatable {
    case success(String)
    case refused(String)

    var failureReason: String? {
        if case .refused(let reason) = self { return reason }
        return nil
    }
}
