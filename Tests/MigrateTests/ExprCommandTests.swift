import Foundation
import Testing

/// One `migrate expr --json` run: arguments, optional rows file, and the exact JSON lines expected.
struct ExprCLICase: Sendable, CustomTestStringConvertible {
    /// The case number of /work/shared/reference/powercenter-cases.md, with a letter for its parts.
    let id: String
    let arguments: [String]
    /// CSV text for `--rows`, or nil.
    let rows: String?
    let expected: [String]
    var testDescription: String { "case \(id): \(arguments.first ?? "")" }

    init(_ id: String, _ arguments: [String], rows: String? = nil, _ expected: [String]) {
        self.id = id
        self.arguments = arguments
        self.rows = rows
        self.expected = expected
    }

    /// A case whose expression is the only argument and whose canonical form is the expression.
    init(_ id: String, _ expression: String, _ type: String, _ value: String) {
        self.init(id, [expression], [json(expression, type, value)])
    }
}

/// The JSON line of a successful row, as the brief specifies it (keys in this order).
func json(_ canonical: String, _ type: String, _ value: String) -> String {
    "{\"canonical\": \"\(canonical)\", \"type\": \"\(type)\", \"value\": \(value), \"error\": null}"
}

/// The JSON line of a failed row.
func jsonError(_ canonical: String, _ type: String, _ code: String, _ message: String) -> String {
    "{\"canonical\": \"\(canonical)\", \"type\": \"\(type)\", \"value\": null, "
        + "\"error\": {\"code\": \"\(code)\", \"message\": \"\(message)\"}}"
}

/// Cases 1–37 and 52 (expressions), 46–47 (variable ports over rows), each checked by hand against
/// the reference table. Types follow the type checker's documented rules: string results are as
/// long as their longest operand or the sum for `||` (an integer renders in 11 characters);
/// decimals are doubles when high precision is off; TO_CHAR of a date is string(29).
let exprCLICases: [ExprCLICase] = [
    ExprCLICase("1", "DECODE(NULL, NULL, 1, 2)", "integer", "1"),
    ExprCLICase("2", "IIF(NULL = NULL, 1, 2)", "integer", "2"),
    ExprCLICase("3", "IIF(NULL, 'Passed', 'Failed')", "string(6)", "\"Failed\""),
    ExprCLICase("4", "DECODE('A ', 'A', 'hit', 'miss')", "string(4)", "\"miss\""),
    ExprCLICase("5", "'alpha' || NULL", "string(5)", "\"alpha\""),
    ExprCLICase("6", "'alpha' || 2", "string(16)", "\"alpha2\""),
    ExprCLICase("7", "CONCAT(NULL, 'x')", "string(1)", "\"x\""),
    ExprCLICase("8", "5 + NULL", "integer", "null"),
    ExprCLICase("9", "8 + 5 - 2 * 8", "integer", "-3"),
    ExprCLICase("10a", "NULL AND FALSE", "integer", "0"),
    ExprCLICase("10b", "NULL AND TRUE", "integer", "null"),
    // Case 11: the condition is NULL, not TRUE, so a Filter drops the row.
    ExprCLICase("11", ["COL > 10", "--port", "COL:integer=NULL"], [json("COL > 10", "integer", "null")]),
    ExprCLICase("12a", "IS_SPACES('')", "integer", "0"),
    ExprCLICase("12b", "IS_SPACES('   ')", "integer", "1"),
    ExprCLICase("12c", "IS_SPACES(NULL)", "integer", "null"),
    ExprCLICase("13a", "IS_NUMBER('  123')", "integer", "1"),
    ExprCLICase("13b", "IS_NUMBER('123  ')", "integer", "1"),
    ExprCLICase("13c", "IS_NUMBER('.6804')", "integer", "1"),
    ExprCLICase("14a", "IS_NUMBER('')", "integer", "0"),
    ExprCLICase("14b", "IS_NUMBER('+123abc')", "integer", "0"),
    ExprCLICase("14c", "IS_NUMBER('3.45E-')", "integer", "0"),
    ExprCLICase("15", "TO_INTEGER('15.6789')", "integer", "16"),
    ExprCLICase("16a", "TO_INTEGER('-15.6789', TRUE)", "integer", "-15"),
    ExprCLICase("16b", "TO_INTEGER('-15.6789', FALSE)", "integer", "-16"),
    ExprCLICase("17", "TO_INTEGER('    123.87', TRUE)", "integer", "123"),
    ExprCLICase("18", "TO_INTEGER('A12.3Grove')", "integer", "0"),
    ExprCLICase(
        "19", ["TO_INTEGER('5,000,000,000')"],
        [jsonError("TO_INTEGER('5,000,000,000')", "integer", "RT0004", "TO_INTEGER: 5000000000 is out of range")]),
    ExprCLICase("20a", "TO_DECIMAL('711A1')", "double", "711"),
    ExprCLICase("20b", "TO_DECIMAL('A12.3Grove')", "double", "0"),
    ExprCLICase("21", "TO_DECIMAL('15.6789', 3)", "double", "15.679"),
    ExprCLICase(
        "21hp", ["TO_DECIMAL('15.6789', 3)", "--high-precision"],
        [json("TO_DECIMAL('15.6789', 3)", "decimal(28,3)", "15.679")]),
    // Case 22: the text '18e-3' reaching a decimal, a double and an integer port.
    ExprCLICase("22a", ["D", "--port", "D:decimal(10,2)=18e-3"], [json("D", "decimal(10,2)", "18")]),
    ExprCLICase("22b", ["F", "--port", "F:double=18e-3"], [json("F", "double", "0.018")]),
    ExprCLICase("22c", ["I", "--port", "I:integer=18e-3"], [json("I", "integer", "18")]),
    ExprCLICase("23", ["I", "--port", "I:integer=123abc"], [json("I", "integer", "123")]),
    ExprCLICase(
        "24", ["MOD(25, 0)"], [jsonError("MOD(25, 0)", "integer", "RT0002", "MOD(25, 0): the divisor is zero")]),
    ExprCLICase("25", "MOD(25, IIF(0 = 0, NULL, 0))", "integer", "null"),
    ExprCLICase(
        "26", ["ADD_TO_DATE(TO_DATE('01/31/1998','MM/DD/YYYY'), 'MM', 1)"],
        [json("ADD_TO_DATE(TO_DATE('01/31/1998', 'MM/DD/YYYY'), 'MM', 1)", "datetime(29,9)", "\"1998-02-28T00:00:00\"")]
    ),
    ExprCLICase(
        "27", ["ADD_TO_DATE(TO_DATE('01/29/2000','MM/DD/YYYY'), 'MM', 1)"],
        [json("ADD_TO_DATE(TO_DATE('01/29/2000', 'MM/DD/YYYY'), 'MM', 1)", "datetime(29,9)", "\"2000-02-29T00:00:00\"")]
    ),
    // Case 28: Sep 13 → Feb 13 is 5 months, then 6 days of a 29-day (leap) or 28-day February:
    // 5 + 6/29 = 5.2068965517241379... and 5 + 6/28 = 5.2142857142857142... (the settings' default
    // day-of-month rule; the reference's prose reading is a switch, see EvaluationSettings).
    ExprCLICase(
        "28a", ["DATE_DIFF(D1, D2, 'MM')", "--port", "D1:date/time=2000-02-19", "--port", "D2:date/time=1999-09-13"],
        [json("DATE_DIFF(D1, D2, 'MM')", "double", "5.206896551724138")]),
    ExprCLICase(
        "28b", ["DATE_DIFF(D1, D2, 'MM')", "--port", "D1:date/time=2001-02-19", "--port", "D2:date/time=2000-09-13"],
        [json("DATE_DIFF(D1, D2, 'MM')", "double", "5.214285714285714")]),
    ExprCLICase(
        "29", ["TO_CHAR(TO_DATE('12/31/1999 23:59:59','MM/DD/YYYY HH24:MI:SS'), 'J')"],
        [json("TO_CHAR(TO_DATE('12/31/1999 23:59:59', 'MM/DD/YYYY HH24:MI:SS'), 'J')", "string(29)", "\"2451544\"")]),
    ExprCLICase(
        "30", ["TO_CHAR(TO_DATE('12/31/1999 01:02:03','MM/DD/YYYY HH24:MI:SS'), 'MM/DD/YYYY SSSSS')"],
        [
            json(
                "TO_CHAR(TO_DATE('12/31/1999 01:02:03', 'MM/DD/YYYY HH24:MI:SS'), 'MM/DD/YYYY SSSSS')", "string(29)",
                "\"12/31/1999 03723\"")
        ]),
    // Case 31: '2020120' read as YYYYMMDD is 2020, month 12, day 0: a row error, not NULL.
    ExprCLICase(
        "31", ["TO_DATE('2020120', 'YYYYMMDD')"],
        [jsonError("TO_DATE('2020120', 'YYYYMMDD')", "datetime(29,9)", "RT0103", "'DD' value 0 is outside 1...31")]),
    ExprCLICase("32", "TO_DATE('2451544', 'J')", "datetime(29,9)", "\"1999-12-31T00:00:00\""),
    ExprCLICase("33", "INSTR('Alfred Pope', 'Alfred Smith')", "integer", "0"),
    ExprCLICase("34", "INSTR('abcabc', 'b', 0)", "integer", "2"),
    ExprCLICase("35", "SUBSTR('abcdef', 0, 2)", "string(6)", "\"ab\""),
    ExprCLICase("36a", "SUBSTR('abcdef', -3)", "string(6)", "\"def\""),
    ExprCLICase("36b", "SUBSTR('abcdef', 2, 0)", "string(6)", "\"\""),
    ExprCLICase("37a", "LENGTH('')", "integer", "0"),
    ExprCLICase("37b", "ISNULL('')", "integer", "0"),
    // Case 46: v_prev reads v_cur before v_cur is computed, so it sees the previous row's value;
    // a numeric variable port starts at 0.
    ExprCLICase(
        "46", ["v_prev", "--var", "v_prev:integer=v_cur", "--var", "v_cur:integer=COL", "--port", "COL:integer"],
        rows: "COL\n10\n20\n30\n",
        [json("v_prev", "integer", "0"), json("v_prev", "integer", "10"), json("v_prev", "integer", "20")]),
    ExprCLICase(
        "47", ["v_cnt", "--var", "v_cnt:integer=v_cnt + 1"], rows: "ROW_ID\n1\n2\n3\n",
        [json("v_cnt", "integer", "1"), json("v_cnt", "integer", "2"), json("v_cnt", "integer", "3")]),
    ExprCLICase("52", "'a' || 1 + 2", "string(12)", "\"a3\""),
]

@Suite("migrate expr")
struct ExprCommandTests {
    static let now = ["--now", "2024-03-15 10:30:00"]

    @Test("reference cases reproduced with --json", arguments: exprCLICases)
    func referenceCase(_ c: ExprCLICase) throws {
        var arguments = ["expr"] + c.arguments + ["--json"] + Self.now
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        if let rows = c.rows {
            let file = folder.appendingPathComponent("rows.csv")
            try Data(rows.utf8).write(to: file)
            arguments += ["--rows", file.path]
        }
        let result = try runMigrate(arguments)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines == c.expected)
    }

    @Test("text output: canonical form, type, then one line per row; a row error exits 0")
    func textOutput() throws {
        let result = try runMigrate(["expr", "mod( 25 , N )", "--port", "N:integer=0"] + Self.now)
        #expect(result.status == 0)
        #expect(result.stdout == "MOD(25, N)\ninteger\nrow error [RT0002] MOD(25, 0): the divisor is zero\n")
        let text = try runMigrate(["expr", "S || '!'", "--port", "S:string(10)='it''s'"] + Self.now)
        #expect(text.stdout == "S || '!'\nstring(11)\n'it''s!'\n")
    }

    @Test("SYSDATE is --now; a date with a fraction prints six digits")
    func datesAndNow() throws {
        let result = try runMigrate(
            ["expr", "IIF(D > SYSDATE, D, SYSDATE)", "--port", "D:date/time=2024-03-15 10:30:00.25", "--json"]
                + Self.now)
        #expect(
            result.stdout
                == json("IIF(D > SYSDATE, D, SYSDATE)", "datetime(29,9)", "\"2024-03-15T10:30:00.250000\"") + "\n")
    }

    @Test("SETVARIABLE over rows keeps the mapping variable; CSV NULL and \"\" differ")
    func mappingVariableAndCSV() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rows.csv")
        try Data("N,S\n1,\"\"\n2,NULL\n4,\n".utf8).write(to: file)
        let total = try runMigrate(
            [
                "expr", "SETVARIABLE($$TOTAL, $$TOTAL + N)", "--param", "$$TOTAL=10", "--port", "N:integer",
                "--rows", file.path, "--json",
            ] + Self.now)
        let canonical = "SETVARIABLE($$TOTAL, $$TOTAL + N)"
        #expect(total.stdout == [11, 13, 17].map { json(canonical, "integer", "\($0)") + "\n" }.joined())
        let nulls = try runMigrate(["expr", "ISNULL(S)", "--rows", file.path, "--json"] + Self.now)
        #expect(nulls.stdout == ["0", "1", "1"].map { json("ISNULL(S)", "integer", $0) + "\n" }.joined())
    }

    @Test(
        "argument errors exit 2",
        arguments: [
            ["X", "--port", "X"],
            ["X", "--port", "X:strng=1"],
            ["X", "--port", ":integer=1"],
            ["v", "--var", "v:integer"],
            ["$$P", "--param", "$$P"],
            ["SYSDATE", "--now", "tomorrow"],
            ["X", "--rows", "/nonexistent/rows.csv"],
            ["X", "--port", "X:integer=1", "--port", "x:integer=2"],
        ])
    func argumentErrors(_ arguments: [String]) throws {
        // --now first, so that the case's own --now (given later) is the one used.
        let result = try runMigrate(["expr"] + Self.now + arguments)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("a malformed rows file exits 2 with a located diagnostic")
    func malformedRows() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rows.csv")
        try Data("A,B\n1,2\n3\n".utf8).write(to: file)
        let result = try runMigrate(["expr", "A", "--rows", file.path] + Self.now)
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(file.path):3:1: error: [RT0201]"), "stderr: \(result.stderr)")
    }

    @Test("a parse error exits 1 with a diagnostic located in the expression")
    func parseError() throws {
        let result = try runMigrate(["expr", "IIF(X > , 1)", "--port", "X:integer=1"] + Self.now)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("<expression>:1:9: error: [IR0101]"), "stderr: \(result.stderr)")
    }

    @Test("a type error (unknown port) exits 1")
    func typeError() throws {
        let result = try runMigrate(["expr", "Y + 1", "--port", "X:integer=1"] + Self.now)
        #expect(result.status == 1)
        #expect(result.stderr.contains("<expression>:1:1: error: [IR0155]"), "stderr: \(result.stderr)")
    }
}
