/// Hand-written expressions for the round-trip property: every expression of
/// reference/powercenter-cases.md, then a spread of operators, operands and layouts.
enum ExpressionRoundTripSamples {
    /// The expressions of powercenter-cases.md, in case order.
    static let cases = [
        "DECODE(NULL, NULL, 1, 2)", "IIF(NULL = NULL, 1, 2)", "IIF(NULL, 'Passed', 'Failed')",
        "DECODE('A ', 'A', 'hit', 'miss')", "'alpha' || NULL", "'alpha' || 2", "CONCAT(NULL, 'x')", "5 + NULL",
        "8 + 5 - 2 * 8", "NULL AND FALSE", "NULL AND TRUE", "COL > 10", "IS_SPACES('')", "IS_SPACES('   ')",
        "IS_SPACES(NULL)", "IS_NUMBER('  123')", "IS_NUMBER('123  ')", "IS_NUMBER('.6804')", "IS_NUMBER('')",
        "IS_NUMBER('+123abc')", "IS_NUMBER('3.45E-')", "TO_INTEGER('15.6789')", "TO_INTEGER('-15.6789', TRUE)",
        "TO_INTEGER('-15.6789', FALSE)", "TO_INTEGER('    123.87', TRUE)", "TO_INTEGER('A12.3Grove')",
        "TO_INTEGER('5,000,000,000')", "TO_DECIMAL('711A1')", "TO_DECIMAL('A12.3Grove')", "TO_DECIMAL('15.6789', 3)",
        "'18e-3'", "'123abc'", "MOD(25, 0)", "MOD(25, IIF(0 = 0, NULL, 0))",
        "ADD_TO_DATE(TO_DATE('01/31/1998','MM/DD/YYYY'), 'MM', 1)",
        "ADD_TO_DATE(TO_DATE('01/29/2000','MM/DD/YYYY'), 'MM', 1)", "DATE_DIFF(d1, d2, 'MM')",
        "TO_CHAR(TO_DATE('12/31/1999 23:59:59','MM/DD/YYYY HH24:MI:SS'), 'J')",
        "TO_CHAR(TO_DATE('12/31/1999 01:02:03','MM/DD/YYYY HH24:MI:SS'), 'MM/DD/YYYY SSSSS')",
        "TO_DATE('2020120', 'YYYYMMDD')", "TO_DATE('2451544', 'J')", "INSTR('Alfred Pope', 'Alfred Smith')",
        "INSTR('abcabc', 'b', 0)", "SUBSTR('abcdef', 0, 2)", "SUBSTR('abcdef', -3)", "SUBSTR('abcdef', 2, 0)",
        "LENGTH('')", "ISNULL('')", "NAME", "SUM(AMT, AMT > 0)", "MAX(COUNT(ITEM))", "K = IN_K", "NEXTVAL",
        "v_cur", "COL", "v_prev", "v_cnt + 1", "IIF(X > 0, DD_UPDATE, DD_INSERT)", "A > 5", "A > 3",
        "SETMAXVARIABLE($$MAXD, D)", "'a' || 1 + 2",
    ]

    /// Further hand-written expressions covering every operator, operand and layout.
    static let handwritten = [
        "a - (b - c)", "a - b - c", "(a + b) * (c - d) / e % 7", "-a * -b", "- -a", "+a", "NOT NOT a",
        "NOT a = b", "NOT (a = b)", "a OR b AND c", "(a OR b) AND c", "a AND (b OR c) AND d",
        "a < b = c < d", "a = (b = c)", "a != b OR a ^= c OR a <> d", "a <= b AND a >= c AND a < d AND a > e",
        "'a' || 'b' || 'c'", "'a' || ('b' || 'c')", "('a' || 'b') < 'c'", "1 + 2 || 3 + 4",
        "'O''Brien' || ''''", "'-- not a comment'", "'line1\r\nline2'", "10.50 * 1e3 + .5 - 1.5E-3 + 10.",
        "SYSDATE", "sessstarttime", "SYSTIMESTAMP", "SYSTIMESTAMP('MS')", "WORKFLOWSTARTTIME", "$$$SessStartTime",
        "DD_REJECT", "TC_CONTINUE_TRANSACTION", "IIF(x > 0, TC_COMMIT_BEFORE, TC_ROLLBACK_AFTER)",
        "$$LOAD_DATE", "$PMRootDir || '/in/' || $InputFile_Orders", "mplt_Common.$$Rate * AMT",
        "$s_m_STG_ORDERS.Status = SUCCEEDED", "$s1.Status = SUCCEEDED AND $s2.TgtSuccessRows > 0",
        "$Decision_1.Condition = TRUE", "$cmd_x.ErrorCode <> 0 OR $cmd_x.Status = FAILED",
        "COUNT(*)", "COUNT(*, AMT > 0)", "COUNT(ITEM)", "SUM(AMT * QTY)", "AVG(IIF(ISNULL(x), 0, x))",
        ":LKP.lkp_Customer(CUST_ID)", ":LKP.LKP_DIM_EQUIPMENT(LTRIM(RTRIM(MARK_CD)), LTRIM(RTRIM(EQPUN_NBR)))",
        ":SP.GET_RATE(CCY, PROC_RESULT)", ":UDF.trim_all(TO_CHAR(x, 'MM/DD/YYYY'))", ":MCR.m1()",
        ":LKP.L(a) >= 5000 AND :LKP.L(a) <= 5999", "F()", "iif(isnull(a), 'n/a', a)",
        "DECODE(TRUE, a = 1, 'one', a = 2, 'two', 'other')", "DECODE ( TRUE,\r\nSUBSTR(c,1,1) = 'A', '300',\r\nNULL)",
        "-- leading comment\r\nREPLACESTR(1, x, CHR(34), NULL)", "x // trailing comment", "a\r+\nb\r\n+ c",
        "in_COL$1 + A#B", "TO_CHAR(SYSDATE, 'YYYYMMDD') || '_' || TO_CHAR(SYSDATE, 'HHMISS') || '.csv'",
        "ADD_TO_DATE(TRUNC(SYSDATE), 'DD', -1)", "MD5(in_COL_1 || '|' || in_COL_2 || '|' || in_COL_3)",
        "IIF(ISNULL(LTRIM(RTRIM(x))), '', REPLACESTR(1, x, '\"', ''))", "(I_U_FLG = 'I' OR T = '2') AND ISNULL(D)",
        "Age >= 18 AND Age <= 30", "Age = 18 AND 30", "ROUND(AMT / 3, 2)", "ABS(-5)", "-(a + b)", "+(a - b)",
        "a * (b + c)", "(a * b) + c", "a / b / c", "a / (b / c)", "a % (b % c)", "NOT (a AND b)", "NOT a AND b",
        "ERROR('bad row')", "ABORT('stop')", "SETVARIABLE($$LAST, MAX_DATE)", "IN(x, 1, 2, 3)",
        "GET_DATE_PART(d, 'YYYY') * 100 + GET_DATE_PART(d, 'MM')", "LPAD(TO_CHAR(n), 10, '0')",
    ]

    /// Every sample.
    static let all = cases + handwritten
}
