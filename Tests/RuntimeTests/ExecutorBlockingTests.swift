import Foundation
import IR
import Runtime
import Testing

/// Joiner, Aggregator and Rank semantics of the native executor (reference §2.4, §2.5, §2.9).
@Suite("Executor blocking operators")
struct ExecutorBlockingTests {
    /// Detail EMP_D(ID, DEPT) joined to master DEPT_M(DEPT_ID, DNAME) on DEPT_ID = DEPT.
    static func joiner(_ joinType: String) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("EMP_D", ["ID:n10", "DEPT:n4"])
        export.source("DEPT_M", ["DEPT_ID:n4", "DNAME:s20"])
        export.transformation(
            "JNR", type: "Joiner",
            ports: [
                ExportBuilder.port("ID:n10"), ExportBuilder.port("DEPT:n4"),
                ExportBuilder.port("DEPT_ID:n4", "INPUT/OUTPUT/MASTER"),
                ExportBuilder.port("DNAME:s20", "INPUT/OUTPUT/MASTER"),
            ],
            attributes: [
                ("Case Sensitive String Comparison", "YES"), ("Join Condition", "DEPT_ID = DEPT"),
                ("Join Type", joinType), ("Sorted Input", "NO"),
            ])
        export.target("T_JOIN", ["ID:n10", "DEPT:n4", "DEPT_ID:n4", "DNAME:s20"])
        export.connect("SQ_EMP_D", "JNR", ["ID", "DEPT"])
        export.connect("SQ_DEPT_M", "JNR", ["DEPT_ID", "DNAME"])
        export.connect("JNR", "T_JOIN", ["ID", "DEPT", "DEPT_ID", "DNAME"])
        return export
    }

    // Detail rows: 1→10, 2→10, 3→20, 4→NULL, 5→99. Master rows: 10 'A', 10 'A2', 20 'B', NULL 'N',
    // 30 'C'. Matches (§2.5: NULL never matches, several matches give every pair): 1×A, 1×A2, 2×A,
    // 2×A2, 3×B. Master outer keeps every detail row (4 and 5 with NULL master columns); detail
    // outer keeps every master row (NULL 'N' and 30 'C' with NULL detail columns); full keeps both.
    static let matched = ["1|10|10|A", "1|10|10|A2", "2|10|10|A", "2|10|10|A2", "3|20|20|B"]
    static let detailOnly = ["4|NULL|NULL|NULL", "5|99|NULL|NULL"]
    static let masterOnly = ["NULL|NULL|30|C", "NULL|NULL|NULL|N"]

    static let joinCases: [(String, [String])] = [
        ("Normal Join", matched), ("Master Outer Join", matched + detailOnly),
        ("Detail Outer Join", matched + masterOnly), ("Full Outer Join", matched + detailOnly + masterOnly),
    ]

    @Test(
        "joiner keeps unmatched rows per join type; NULL keys never match; every matching pair",
        arguments: joinCases)
    func joinTypes(joinType: String, expected: [String]) throws {
        let harness = try ExecutorHarness()
        try harness.table(
            "EMP_D", ["ID:n10", "DEPT:n4"], [["1", "10"], ["2", "10"], ["3", "20"], ["4", "NULL"], ["5", "99"]])
        try harness.table(
            "DEPT_M", ["DEPT_ID:n4", "DNAME:s20"],
            [["10", "A"], ["10", "A2"], ["20", "B"], ["NULL", "N"], ["30", "C"]])
        let result = try harness.run(Self.joiner(joinType))
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        let rows = try harness.rows("SELECT ID, DEPT, DEPT_ID, DNAME FROM T_JOIN", columns: 4)
        #expect(rows.sorted() == expected.sorted())
        #expect(result.counters["T_JOIN"]?.inserted == expected.count)
    }

    // §2.5: string keys compare case-sensitively unless 'Case Sensitive String Comparison' is NO;
    // trailing blanks stay significant either way [BELIEVED], so 'abc ' never matches 'ABC'.
    static let caseCases: [(String, [String])] = [("YES", ["4|x"]), ("NO", ["1|x", "2|x", "4|x"])]

    @Test("joiner string keys: case sensitivity option, trailing blanks significant", arguments: caseCases)
    func joinStringKeys(caseSensitive: String, expected: [String]) throws {
        let harness = try ExecutorHarness()
        try harness.table(
            "EMP_S", ["ID:n10", "CODE:s10"], [["1", "Abc"], ["2", "abc"], ["3", "abc "], ["4", "ABC"]])
        try harness.table("DEPT_S", ["MCODE:s10", "LABEL:s10"], [["ABC", "x"]])
        var export = ExportBuilder()
        export.source("EMP_S", ["ID:n10", "CODE:s10"])
        export.source("DEPT_S", ["MCODE:s10", "LABEL:s10"])
        export.transformation(
            "JNR", type: "Joiner",
            ports: [
                ExportBuilder.port("ID:n10"), ExportBuilder.port("CODE:s10"),
                ExportBuilder.port("MCODE:s10", "INPUT/OUTPUT/MASTER"),
                ExportBuilder.port("LABEL:s10", "INPUT/OUTPUT/MASTER"),
            ],
            attributes: [
                ("Case Sensitive String Comparison", caseSensitive), ("Join Condition", "MCODE = CODE"),
                ("Join Type", "Normal Join"),
            ])
        export.target("T_JS", ["ID:n10", "LABEL:s10"])
        export.connect("SQ_EMP_S", "JNR", ["ID", "CODE"])
        export.connect("SQ_DEPT_S", "JNR", ["MCODE", "LABEL"])
        export.connect("JNR", "T_JS", ["ID", "LABEL"])
        let result = try harness.run(export)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        #expect(try harness.rows("SELECT ID, LABEL FROM T_JS", columns: 2).sorted() == expected)
    }

    static func aggregator(source: String, groupBy: Bool) -> ExportBuilder {
        var export = ExportBuilder()
        export.source(source, ["DEPT:n4", "NAME:s20", "X:n8.2"])
        export.transformation(
            "AGG", type: "Aggregator",
            ports: [
                ExportBuilder.port("DEPT:n4", expression: "DEPT", expressionType: groupBy ? "GROUPBY" : "GENERAL"),
                ExportBuilder.port("NAME:s20", expression: "NAME"),
                ExportBuilder.port("X:n8.2", "INPUT"),
                ExportBuilder.port("SUMPOS:n10.2", "OUTPUT", expression: "SUM(X, X > 0)"),
                ExportBuilder.port("CNTPOS:n10", "OUTPUT", expression: "COUNT(X, X > 0)"),
                ExportBuilder.port("MEANX:n10.2", "OUTPUT", expression: "SUM(X) / COUNT(X)"),
            ],
            attributes: [("Sorted Input", "NO"), ("Transformation Scope", "All Input")])
        export.target("T_AGG", ["DEPT:n4", "NAME:s20", "SUMPOS:n10.2", "CNTPOS:n10", "MEANX:n10.2"])
        export.connect("SQ_\(source)", "AGG", ["DEPT", "NAME", "X"])
        export.connect("AGG", "T_AGG", ["DEPT", "NAME", "SUMPOS", "CNTPOS", "MEANX"])
        return export
    }

    @Test("aggregator: last-row port, NULL group, filtered SUM/COUNT, expression over aggregates")
    func aggregatorGroups() throws {
        let harness = try ExecutorHarness()
        try harness.table(
            "AGG_IN", ["DEPT:n4", "NAME:s20", "X:n8.2"],
            [
                ["10", "A", "5"], ["10", "B", "-3"], ["10", "C", "NULL"], ["10", "D", "2"], ["10", "E", "4"],
                ["NULL", "F", "1"], ["NULL", "G", "3"], ["20", "H", "-1"],
            ])
        let result = try harness.run(Self.aggregator(source: "AGG_IN", groupBy: true))
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        let rows = try harness.rows("SELECT DEPT, NAME, SUMPOS, CNTPOS, MEANX FROM T_AGG", columns: 5)
        // §2.4 and case 38/39: NAME is the group's last row (E, G, H); SUM(X, X > 0) sums 5+2+4 = 11
        // (−3 excluded by the filter, NULL ignored), COUNT(X, X > 0) = 3; SUM(X)/COUNT(X) = 8/4 = 2.
        // The two NULL-keyed rows form one group (F, G): 1+3 = 4, 2 rows, 4/2 = 2. Dept 20 has only
        // −1: the filter excludes it, so SUM is NULL and COUNT 0; the mean is −1/1 = −1.
        #expect(rows.sorted() == ["10|E|11|3|2", "20|H|NULL|0|-1", "NULL|G|4|2|2"].sorted())
        #expect(result.counters["AGG"]?.rowsOut == 3)
    }

    @Test("aggregator with no group-by and no input rows writes no row")
    func aggregatorEmptyInput() throws {
        let harness = try ExecutorHarness()
        try harness.table("AGG_EMPTY", ["DEPT:n4", "NAME:s20", "X:n8.2"], [])
        let result = try harness.run(Self.aggregator(source: "AGG_EMPTY", groupBy: false))
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // §2.4: with no group-by port and no input rows PowerCenter emits no row (unlike SQL's COUNT(*)).
        #expect(try harness.rows("SELECT DEPT FROM T_AGG", columns: 1) == [])
        #expect((result.counters["AGG"]?.rowsOut ?? 0) == 0)
    }

    // §2.9 / case 44: Top ranks descending: dept 10 ranks 100,100,90,80 as 1,1,3,4 → indexes ≤ 2
    // are IDs 1 and 2; dept 20 ranks 70,60,60,50 as 1,2,2,4 → IDs 5, 6, 7 (RANK() <= N keeps both
    // tied rows). Bottom ranks ascending: dept 10 80 → 1, 90 → 2; dept 20 50 → 1, 60, 60 → 2, 2.
    static let rankCases: [(String, [String])] = [
        ("Top", ["1|1|10|100", "1|2|10|100", "1|5|20|70", "2|6|20|60", "2|7|20|60"]),
        ("Bottom", ["1|4|10|80", "1|8|20|50", "2|3|10|90", "2|6|20|60", "2|7|20|60"]),
    ]

    @Test(
        "rank keeps the top/bottom 2 per group; ties share an index and the next one is skipped", arguments: rankCases)
    func rankTopTwoWithTies(topBottom: String, expected: [String]) throws {
        let harness = try ExecutorHarness()
        try harness.table(
            "R_IN", ["ID:n10", "DEPT:n4", "SAL:n8.2"],
            [
                ["1", "10", "100"], ["2", "10", "100"], ["3", "10", "90"], ["4", "10", "80"],
                ["5", "20", "70"], ["6", "20", "60"], ["7", "20", "60"], ["8", "20", "50"],
            ])
        var export = ExportBuilder()
        export.source("R_IN", ["ID:n10", "DEPT:n4", "SAL:n8.2"])
        export.transformation(
            "RNK", type: "Rank",
            ports: [
                ExportBuilder.port("RANKINDEX:i", "OUTPUT", expression: "RANKINDEX", expressionType: "RANKINDEX"),
                ExportBuilder.port("ID:n10", expression: "ID"),
                ExportBuilder.port("DEPT:n4", expression: "DEPT", expressionType: "GROUPBY"),
                ExportBuilder.port("SAL:n8.2", expression: "SAL", expressionType: "RANKPORT"),
            ],
            attributes: [
                ("Top/Bottom", topBottom), ("Number of Ranks", "2"), ("Case Sensitive String Comparison", "YES"),
            ])
        export.target("T_RANK", ["RANKINDEX:i", "ID:n10", "DEPT:n4", "SAL:n8.2"])
        export.connect("SQ_R_IN", "RNK", ["ID", "DEPT", "SAL"])
        export.connect("RNK", "T_RANK", ["RANKINDEX", "ID", "DEPT", "SAL"])
        let result = try harness.run(export)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        let rows = try harness.rows("SELECT RANKINDEX, ID, DEPT, SAL FROM T_RANK", columns: 4)
        #expect(rows.sorted() == expected)
    }
}
