import Foundation
import IR
import Runtime
import Testing

/// Union, Normalizer, Sorter, Filter and Expression variables in the native executor (reference
/// §2.2, §2.3, §2.8, §2.10, §2.11).
@Suite("Executor pass-through operators")
struct ExecutorPassThroughTests {
    @Test("union of two sources is UNION ALL")
    func union() throws {
        let harness = try ExecutorHarness()
        try harness.table("UA", ["ID:n10", "NAME:s20"], [["1", "x"], ["2", "y"]])
        try harness.table("UB", ["ID:n10", "NAME:s20"], [["2", "y"], ["3", "z"]])
        let result = try harness.run(Self.unionExport(secondGroupFrom: "SQ_UB"))
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // §2.10: UNION ALL — the duplicate 2 'y' is kept, order between groups not defined.
        #expect(try harness.rows("SELECT ID, NAME FROM T_UN", columns: 2).sorted() == ["1|x", "2|y", "2|y", "3|z"])
    }

    @Test("a union whose two groups read one source gets every row twice (both groups arrive in one batch)")
    func unionOfOneSourceTwice() throws {
        let harness = try ExecutorHarness()
        try harness.table("UA", ["ID:n10", "NAME:s20"], [["1", "x"], ["2", "y"]])
        try harness.table("UB", ["ID:n10", "NAME:s20"], [])
        let result = try harness.run(Self.unionExport(secondGroupFrom: "SQ_UA"), batchSize: 10)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        #expect(try harness.rows("SELECT ID, NAME FROM T_UN", columns: 2).sorted() == ["1|x", "1|x", "2|y", "2|y"])
    }

    /// Sources UA and UB → union UN (group G_A from SQ_UA, group G_B from `secondGroupFrom`) → T_UN.
    static func unionExport(secondGroupFrom second: String) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("UA", ["ID:n10", "NAME:s20"])
        export.source("UB", ["ID:n10", "NAME:s20"])
        export.union("UN", id: "n10", name: "s20")
        export.target("T_UN", ["ID:n10", "NAME:s20"])
        export.connect("SQ_UA", "UN", ["ID>ID1", "NAME>NAME1"])
        export.connect(second, "UN", ["ID>ID2", "NAME>NAME2"])
        export.connect("UN", "T_UN", ["ID", "NAME"])
        return export
    }

    @Test("normalizer: one row per occurrence, NULL occurrences kept, GK per input row, GCID 1...k")
    func normalizer() throws {
        let harness = try ExecutorHarness()
        try harness.table(
            "N_IN", ["NAME:s20", "A1:n10", "A2:n10", "A3:n10"], [["p", "1", "2", "3"], ["q", "4", "NULL", "6"]])
        var export = ExportBuilder()
        export.source("N_IN", ["NAME:s20", "A1:n10", "A2:n10", "A3:n10"])
        let definition = """
            <SOURCEFIELD DATATYPE ="number" FIELDNUMBER ="1" KEYTYPE ="NOT A KEY" LEVEL ="0" NAME ="amount" OCCURS ="3" PRECISION ="10" SCALE ="0"/>
            <SOURCEFIELD DATATYPE ="string" FIELDNUMBER ="2" KEYTYPE ="NOT A KEY" LEVEL ="0" NAME ="name" OCCURS ="0" PRECISION ="20" SCALE ="0"/>
            """
        export.transformation(
            "NRM", type: "Normalizer",
            ports: [
                ExportBuilder.port("amount_in1:n10", "INPUT", extra: "REF_SOURCE_FIELD =\"amount\""),
                ExportBuilder.port("amount_in2:n10", "INPUT", extra: "REF_SOURCE_FIELD =\"amount\""),
                ExportBuilder.port("amount_in3:n10", "INPUT", extra: "REF_SOURCE_FIELD =\"amount\""),
                ExportBuilder.port("name_in:s20", "INPUT", extra: "REF_SOURCE_FIELD =\"name\""),
                ExportBuilder.port("amount:n10", "OUTPUT", extra: "REF_SOURCE_FIELD =\"amount\""),
                ExportBuilder.port("name:s20", "OUTPUT", extra: "REF_SOURCE_FIELD =\"name\""),
                "<TRANSFORMFIELD DATATYPE =\"bigint\" NAME =\"GK_amount\" PORTTYPE =\"GENERATED KEY/OUTPUT\" "
                    + "PRECISION =\"19\" SCALE =\"0\" REF_SOURCE_FIELD =\"amount\" SEQUENCE_GENERATOR_VALUE =\"1\"/>",
                "<TRANSFORMFIELD DATATYPE =\"integer\" NAME =\"GCID_amount\" PORTTYPE =\"GENERATED COLUMN ID/OUTPUT\" "
                    + "PRECISION =\"10\" SCALE =\"0\" REF_SOURCE_FIELD =\"amount\"/>",
            ],
            attributes: [("Reset", "NO"), ("Restart", "NO")], body: definition)
        export.target("T_NRM", ["AMOUNT:n10", "NAME:s20", "GK:i", "GCID:i"])
        export.connect("SQ_N_IN", "NRM", ["A1>amount_in1", "A2>amount_in2", "A3>amount_in3", "NAME>name_in"])
        export.connect("NRM", "T_NRM", ["amount>AMOUNT", "name>NAME", "GK_amount>GK", "GCID_amount>GCID"])
        let result = try harness.run(export)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // §2.11: each input row yields 3 rows (NULL occurrence included); GK 1 for 'p', 2 for 'q';
        // GCID is the occurrence 1, 2, 3.
        #expect(
            try harness.rows("SELECT AMOUNT, NAME, GK, GCID FROM T_NRM", columns: 4).sorted() == [
                "1|p|1|1", "2|p|1|2", "3|p|1|3", "4|q|2|1", "6|q|2|3", "NULL|q|2|2",
            ])
    }

    // §2.8 / case 51: NULL is the highest value when 'Null Treated Low' is NO (last ascending,
    // first descending) and the lowest when YES. Distinct compares all ports (and makes them all
    // keys), so the duplicate 2 'b' goes and 'a' precedes 'a2'.
    static let sortCases: [(String, String, [String])] = [
        ("ASCENDING", "NO", ["1|a", "1|a2", "2|b", "NULL|n"]),
        ("DESCENDING", "NO", ["NULL|n", "2|b", "1|a", "1|a2"]),
        ("ASCENDING", "YES", ["NULL|n", "1|a", "1|a2", "2|b"]),
    ]

    @Test("sorter: distinct over all ports and NULL placement", arguments: sortCases)
    func sorter(direction: String, nullLow: String, expected: [String]) throws {
        let harness = try ExecutorHarness()
        try harness.table(
            "S_IN", ["C:n4", "NAME:s20"], [["2", "b"], ["NULL", "n"], ["1", "a2"], ["2", "b"], ["1", "a"]])
        var export = ExportBuilder()
        export.source("S_IN", ["C:n4", "NAME:s20"])
        export.transformation(
            "SRT", type: "Sorter",
            ports: [
                ExportBuilder.port("C:n4", extra: "ISSORTKEY =\"YES\" SORTDIRECTION =\"\(direction)\""),
                ExportBuilder.port("NAME:s20", extra: "ISSORTKEY =\"NO\" SORTDIRECTION =\"ASCENDING\""),
            ],
            attributes: [("Case Sensitive", "YES"), ("Distinct", "YES"), ("Null Treated Low", nullLow)])
        export.target("T_SRT", ["C:n4", "NAME:s20"])
        export.connect("SQ_S_IN", "SRT", ["C", "NAME"])
        export.connect("SRT", "T_SRT", ["C", "NAME"])
        let result = try harness.run(export)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        #expect(try harness.rows("SELECT C, NAME FROM T_SRT ORDER BY rowid", columns: 2) == expected)
    }

    // §2.3 / case 11: a row passes iff the condition is TRUE (non-zero); FALSE, 0 and NULL drop
    // it silently (not rejected). Rows: 1 → 20, 2 → NULL, 3 → 5, 4 → 0.
    static let filterCases: [(String, [String])] = [("V > 10", ["1|20"]), ("V", ["1|20", "3|5"])]

    @Test("filter drops rows whose condition is FALSE, 0 or NULL", arguments: filterCases)
    func filterNull(condition: String, expected: [String]) throws {
        let harness = try ExecutorHarness()
        try harness.table("F_IN", ["ID:n10", "V:n4"], [["1", "20"], ["2", "NULL"], ["3", "5"], ["4", "0"]])
        var export = ExportBuilder()
        export.source("F_IN", ["ID:n10", "V:n4"])
        export.transformation(
            "FIL", type: "Filter", ports: [ExportBuilder.port("ID:n10"), ExportBuilder.port("V:n4")],
            attributes: [("Filter Condition", condition)])
        export.target("T_FIL", ["ID:n10", "V:n4"])
        export.connect("SQ_F_IN", "FIL", ["ID", "V"])
        export.connect("FIL", "T_FIL", ["ID", "V"])
        let result = try harness.run(export)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        #expect(try harness.rows("SELECT ID, V FROM T_FIL", columns: 2).sorted() == expected)
        #expect(result.rejected == 0)
        #expect(result.counters["FIL"]?.rowsIn == 4)
        #expect(result.counters["FIL"]?.rowsOut == expected.count)
    }

    @Test("expression variables carry values across rows; batch size 1 and 1000 agree")
    func expressionVariables() throws {
        var results: [[String]] = []
        for batchSize in [1, 1000] {
            let harness = try ExecutorHarness()
            try harness.table("EV_IN", ["ID:n10", "SAL:n8.2"], (1...5).map { ["\($0)", "\($0 * 10)"] })
            var export = ExportBuilder()
            export.source("EV_IN", ["ID:n10", "SAL:n8.2"])
            export.transformation(
                "EXP", type: "Expression",
                ports: [
                    ExportBuilder.port("ID:n10", expression: "ID"), ExportBuilder.port("SAL:n8.2", "INPUT"),
                    ExportBuilder.port("v_prev:n8.2", "LOCAL VARIABLE", expression: "v_cur"),
                    ExportBuilder.port("v_cur:n8.2", "LOCAL VARIABLE", expression: "SAL"),
                    ExportBuilder.port("v_cnt:i", "LOCAL VARIABLE", expression: "v_cnt + 1"),
                    ExportBuilder.port("o_prev:n8.2", "OUTPUT", expression: "v_prev"),
                    ExportBuilder.port("o_cnt:i", "OUTPUT", expression: "v_cnt"),
                ])
            export.target("T_EV", ["ID:n10", "PREV:n8.2", "CNT:i"])
            export.connect("SQ_EV_IN", "EXP", ["ID", "SAL"])
            export.connect("EXP", "T_EV", ["ID", "o_prev>PREV", "o_cnt>CNT"])
            let result = try harness.run(export, batchSize: batchSize)
            #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
            results.append(try harness.rows("SELECT ID, PREV, CNT FROM T_EV ORDER BY CAST(ID AS INTEGER)", columns: 3))
        }
        // §2.2 / cases 46, 47: v_prev reads v_cur before v_cur is set → the previous row's SAL (0
        // on the first row: numeric variables start at 0); v_cnt counts 1, 2, 3... across batches.
        let expected = ["1|0|1", "2|10|2", "3|20|3", "4|30|4", "5|40|5"]
        #expect(results.first == expected)
        #expect(results.last == expected)
    }
}
