import IR
import Testing

/// Precedence, associativity and every kind of operand (reference §3.1–3.2).
@Suite("Expression parser")
struct ExpressionParserTests {
    typealias T = ExpressionTestSupport

    /// Input → expected tree, checked by hand against the table in reference §3.2.
    static let precedenceCases: [(String, String)] = [
        ("8 + 5 - 2 * 8", "(- (+ 8 5) (* 2 8))"),
        ("'a' || 1 + 2", "(|| 'a' (+ 1 2))"),
        ("NOT A = B", "(= (not A) B)"),
        ("a OR b AND c", "(OR a (AND b c))"),
        ("a AND b OR c", "(OR (AND a b) c)"),
        ("a = b AND c <> d", "(AND (= a b) (<> c d))"),
        ("a < b = c", "(= (< a b) c)"),
        ("a = b < c", "(= a (< b c))"),
        ("a || b < c", "(< (|| a b) c)"),
        ("a + b || c * d", "(|| (+ a b) (* c d))"),
        ("-a * b", "(* (neg a) b)"),
        ("- - a", "(neg (neg a))"),
        ("+a - -b", "(- (pos a) (neg b))"),
        ("a - b - c", "(- (- a b) c)"),
        ("a - (b - c)", "(- a (- b c))"),
        ("a / b * c % d", "(% (* (/ a b) c) d)"),
        ("a % b + c", "(+ (% a b) c)"),
        ("(a + b) * c", "(* (+ a b) c)"),
        ("a != b", "(<> a b)"),
        ("a ^= b", "(<> a b)"),
        ("a <> b", "(<> a b)"),
        ("a <= b OR a >= c", "(OR (<= a b) (>= a c))"),
        ("NOT NOT a AND b", "(AND (not (not a)) b)"),
        ("NOT (a = b)", "(not (= a b))"),
        ("a and b or not c", "(OR (AND a b) (not c))"),
        ("1 = 1 = 1", "(= (= 1 1) 1)"),
    ]

    @Test("precedence and left associativity", arguments: precedenceCases)
    func precedence(_ input: String, _ expected: String) {
        let (expression, diagnostics) = T.parse(input)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(T.tree(expression) == expected)
    }

    /// The parser tells one-character operators by their byte (``ExpressionParsing/infixOperator(_:)``):
    /// every operator, as the IR spells it, must still parse as itself.
    @Test("every binary operator parses as itself", arguments: BinaryOperator.allCases)
    func everyOperator(_ op: BinaryOperator) {
        let (expression, diagnostics) = T.parse("a \(op.rawValue) b")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(T.tree(expression) == "(\(op.rawValue) a b)")
    }

    @Test("literals, built-in variables and named constants")
    func operands() {
        #expect(T.tree("NULL") == "NULL")
        #expect(T.tree("true") == "TRUE")
        #expect(T.tree("False") == "FALSE")
        #expect(T.tree("'O''Brien'") == "'O'Brien'")
        #expect(T.tree("1.5E-3") == "1.5E-3")
        #expect(T.tree("sysdate") == "b:SYSDATE")
        #expect(T.tree("SessStartTime") == "b:SESSSTARTTIME")
        #expect(T.tree("WORKFLOWSTARTTIME") == "b:WORKFLOWSTARTTIME")
        #expect(T.tree("SYSTIMESTAMP") == "b:SYSTIMESTAMP")
        #expect(T.tree("systimestamp()") == "b:SYSTIMESTAMP")
        #expect(T.tree("SYSTIMESTAMP('MS')") == "SYSTIMESTAMP['MS']")
        #expect(T.tree("$$$sessstarttime") == "b:$$$SessStartTime")
        #expect(T.tree("dd_insert") == "c:DD_INSERT")
        #expect(T.tree("IIF(x, DD_UPDATE, DD_REJECT)") == "IIF[x c:DD_UPDATE c:DD_REJECT]")
        #expect(T.tree("TC_COMMIT_BEFORE") == "c:TC_COMMIT_BEFORE")
        #expect(T.tree("tc_rollback_after") == "c:TC_ROLLBACK_AFTER")
        #expect(T.tree("in_Col$1") == "in_Col$1")
    }

    @Test("parameters and task variables keep their spelling")
    func parameters() {
        #expect(T.tree("$$LOAD_DATE") == "p:$$LOAD_DATE")
        #expect(T.tree("$PMSessionLogFile || $DBConnection_SRC") == "(|| p:$PMSessionLogFile p:$DBConnection_SRC)")
        #expect(T.tree("mplt_Common.$$Rate * 2") == "(* p:mplt_Common.$$Rate 2)")
        #expect(T.tree("$s_m_STG_ORDERS.Status = SUCCEEDED") == "(= t:s_m_STG_ORDERS.Status SUCCEEDED)")
        #expect(
            T.tree("$s1.Status = SUCCEEDED AND $s1.TgtSuccessRows > 0")
                == "(AND (= t:s1.Status SUCCEEDED) (> t:s1.TgtSuccessRows 0))")
    }

    @Test("calls: names upper-cased, blanks before '(', empty lists, COUNT(*)")
    func calls() {
        #expect(T.tree("iif(a > 1, 'x', NULL)") == "IIF[(> a 1) 'x' NULL]")
        #expect(T.tree("DECODE ( TRUE, a = 1, 'one', 'other')") == "DECODE[TRUE (= a 1) 'one' 'other']")
        #expect(T.tree("f()") == "F[]")
        #expect(T.tree("COUNT(*)") == "COUNT[*]")
        #expect(T.tree("count( * , a > 0)") == "COUNT[* (> a 0)]")
        #expect(T.tree("MAX(COUNT(ITEM))") == "MAX[COUNT[ITEM]]")
        #expect(T.tree("TO_CHAR(SYSDATE, 'YYYY') || '-'") == "(|| TO_CHAR[b:SYSDATE 'YYYY'] '-')")
    }

    @Test("external calls: lookups, procedures, user functions, macros")
    func externalCalls() {
        #expect(T.tree(":LKP.lkp_Customer(ID, 'X')") == ":LKP.lkp_Customer[ID 'X']")
        #expect(T.tree(":sp.GET_RATE(A, PROC_RESULT)") == ":SP.GET_RATE[A PROC_RESULT]")
        #expect(T.tree(":UDF.trim_all(TO_CHAR(x))") == ":UDF.trim_all[TO_CHAR[x]]")
        #expect(T.tree(":MCR.m1()") == ":MCR.m1[]")
        #expect(T.tree(":LKP.L(a) >= 5000 AND :LKP.L(a) <= 5999") == "(AND (>= :LKP.L[a] 5000) (<= :LKP.L[a] 5999))")
    }

    @Test("comments and all three line-break styles are blanks")
    func commentsAndLineBreaks() {
        let text = "-- why\r\nIIF(a, // first\r  b,\n  c) -- done"
        let (expression, diagnostics) = T.parse(text)
        #expect(diagnostics.isEmpty)
        #expect(T.tree(expression) == "IIF[a b c]")
    }

    @Test("node ranges are Unicode-scalar offsets; parentheses belong to the node inside")
    func ranges() {
        let (expression, _) = T.parse("IIF(a, (b + 1))")
        #expect(expression.range == TextRange(start: 0, end: 15))
        #expect(expression.children.map(\.range) == [TextRange(start: 4, end: 5), TextRange(start: 7, end: 14)])
        #expect(
            expression.children[1].children.map(\.range) == [
                TextRange(start: 8, end: 9), TextRange(start: 12, end: 13),
            ])
        let (unary, _) = T.parse("'é' || NOT x")
        #expect(unary.children.map(\.range) == [TextRange(start: 0, end: 3), TextRange(start: 7, end: 12)])
    }
}
