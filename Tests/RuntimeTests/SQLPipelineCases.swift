import Foundation
import IR
import Runtime
import Testing

/// Small mappings whose pushed-down SQL must give the native executor's rows, with the source
/// rows to load and the target rows worked out by hand from reference §2 (so a mistake shared
/// by the runtime and the SQL cannot pass).
enum SQLPipelineCases {
    /// One source table: name, columns (``ExecutorColumn`` syntax) and rows (`NULL` for NULL).
    struct Table: Sendable {
        var name: String
        var columns: [String]
        var rows: [[String]]
    }

    /// One mapping, its source tables, and the rows each target (table → columns) must hold.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var export: ExportBuilder
        var tables: [Table]
        var expected: [String: [String]]
        var columns: [String: [String]]
        /// Whether PostgreSQL gets the whole mapping as SQL (else the report must say why not).
        var onPostgres = true
        var testDescription: String { name }
    }

    static var all: [Case] {
        filters + [router] + joins + [aggregator, aggregateIntoNarrowerPorts, conditionalAggregates, rank, normalizer]
            + ungrouped + [
                union, expression, decimalOrder, chainedExpressions, nullDefault,
            ]
            + lookups + [lookupByCodePoint, lookupBesideItsInput] + nestedAggregates + lookupCalls + rowOrder
            + inputDefaults + integerRanges
    }

    // Rows (ID, V): (1, 20), (2, NULL), (3, 5), (4, 0). A NULL or 0 condition drops the row.
    static var filters: [Case] {
        [("V > 4", ["1|20", "3|5"]), ("V", ["1|20", "3|5"]), ("NOT (V > 4)", ["4|0"])].map { condition, expected in
            var export = ExportBuilder()
            export.source("F_IN", ["ID:i", "V:i"])
            export.transformation(
                "FIL", type: "Filter", ports: [ExportBuilder.port("ID:i"), ExportBuilder.port("V:i")],
                attributes: [("Filter Condition", condition)])
            export.target("T_FIL", ["ID:i", "V:i"])
            export.connect("SQ_F_IN", "FIL", ["ID", "V"])
            export.connect("FIL", "T_FIL", ["ID", "V"])
            return Case(
                name: "filter \(condition)", export: export,
                tables: [
                    Table(
                        name: "F_IN", columns: ["ID:i", "V:i"],
                        rows: [["1", "20"], ["2", "NULL"], ["3", "5"], ["4", "0"]])
                ],
                expected: ["T_FIL": expected], columns: ["T_FIL": ["ID", "V"]])
        }
    }

    // A = 5, NULL, -1, 0, 3: 5 and 3 are > 2; only 5 is > 4; NULL, -1 and 0 satisfy neither (NULL
    // counts as false), so they go to the default group.
    static var router: Case {
        Case(
            name: "router with a default group", export: ExportBuilder.integerRouter(first: "A > 2", second: "A > 4"),
            tables: [
                Table(
                    name: "R_IN", columns: ["ID:i", "A:i"],
                    rows: [["1", "5"], ["2", "NULL"], ["3", "-1"], ["4", "0"], ["5", "3"]])
            ],
            expected: ["T_G1": ["1|5", "5|3"], "T_G2": ["1|5"], "T_DEF": ["2|NULL", "3|-1", "4|0"]],
            columns: ["T_G1": ["ID", "A"], "T_G2": ["ID", "A"], "T_DEF": ["ID", "A"]])
    }

    // Detail (ID, K): 1→10, 2→20, 3→NULL, 4→30. Master (K2, V): 10 x, 10 y, NULL n, 40 z. NULL keys
    // never match; several matches give every pair (reference §2.5, decision 0002).
    static var joins: [Case] {
        let matched = ["1|10|10|x", "1|10|10|y"]
        let detailOnly = ["2|20|NULL|NULL", "3|NULL|NULL|NULL", "4|30|NULL|NULL"]
        let masterOnly = ["NULL|NULL|40|z", "NULL|NULL|NULL|n"]
        let kinds = [
            ("Normal Join", matched), ("Master Outer Join", matched + detailOnly),
            ("Detail Outer Join", matched + masterOnly), ("Full Outer Join", matched + detailOnly + masterOnly),
        ]
        return kinds.map { kind, expected in
            Case(
                name: kind, export: ExportBuilder.integerJoiner(kind),
                tables: [
                    Table(
                        name: "J_D", columns: ["ID:i", "K:i"],
                        rows: [["1", "10"], ["2", "20"], ["3", "NULL"], ["4", "30"]]),
                    Table(
                        name: "J_M", columns: ["K2:i", "V:s10"],
                        rows: [["10", "x"], ["10", "y"], ["NULL", "n"], ["40", "z"]]),
                ],
                expected: ["T_J": expected.sorted()], columns: ["T_J": ["ID", "K", "K2", "V"]])
        }
    }

    // Groups a: 5, NULL; b: 7; NULL: 1, 2 (NULL keys form one group); c: NULL. SUM, MAX and MIN of
    // no value are NULL, COUNT is 0.
    static var aggregator: Case {
        var export = ExportBuilder()
        export.source("AG_IN", ["ID:i", "G:s5", "N:i"])
        export.transformation(
            "AGG", type: "Aggregator",
            ports: [
                ExportBuilder.port("G:s5", expression: "G", expressionType: "GROUPBY"),
                ExportBuilder.port("N:i", "INPUT"), ExportBuilder.port("TOTAL:i", "OUTPUT", expression: "SUM(N)"),
                ExportBuilder.port("CNT:i", "OUTPUT", expression: "COUNT(N)"),
                ExportBuilder.port("MX:i", "OUTPUT", expression: "MAX(N)"),
                ExportBuilder.port("MN:i", "OUTPUT", expression: "MIN(N)"),
            ],
            attributes: [("Sorted Input", "NO"), ("Transformation Scope", "All Input")])
        export.target("T_AG", ["G:s5", "TOTAL:i", "CNT:i", "MX:i", "MN:i"])
        export.connect("SQ_AG_IN", "AGG", ["G", "N"])
        export.connect("AGG", "T_AG", ["G", "TOTAL", "CNT", "MX", "MN"])
        let rows = [
            ["1", "a", "5"], ["2", "a", "NULL"], ["3", "b", "7"], ["4", "NULL", "1"], ["5", "NULL", "2"],
            ["6", "c", "NULL"],
        ]
        return Case(
            name: "aggregator by key", export: export,
            tables: [Table(name: "AG_IN", columns: ["ID:i", "G:s5", "N:i"], rows: rows)],
            expected: ["T_AG": ["NULL|3|2|2|1", "a|5|1|5|5", "b|7|1|7|7", "c|NULL|0|NULL|NULL"]],
            columns: ["T_AG": ["G", "TOTAL", "CNT", "MX", "MN"]])
    }

    // An Aggregator's computed ports convert their values to the port's type, as an Expression's
    // do (reference §2.2): SUM(N) in a string(3) port keeps 3 characters (100000 → '100'), MAX(N)
    // in a string(2) port 2 (99999 → '99'). Worked out by hand; a mutated export (SUM of
    // decimal(10,0) in a string(10) port, -9999999999) had the runtime keep all 11 characters
    // while PostgreSQL's cast kept 10.
    static var aggregateIntoNarrowerPorts: Case {
        var export = ExportBuilder()
        export.source("AN_IN", ["ID:i", "G:s5", "N:i"])
        export.transformation(
            "AGG", type: "Aggregator",
            ports: [
                ExportBuilder.port("G:s5", expression: "G", expressionType: "GROUPBY"),
                ExportBuilder.port("N:i", "INPUT"), ExportBuilder.port("TOTAL:s3", "OUTPUT", expression: "SUM(N)"),
                ExportBuilder.port("HIGH:s2", "OUTPUT", expression: "MAX(N)"),
            ],
            attributes: [("Sorted Input", "NO"), ("Transformation Scope", "All Input")])
        export.target("T_AN", ["G:s5", "TOTAL:s10", "HIGH:s10"])
        export.connect("SQ_AN_IN", "AGG", ["G", "N"])
        export.connect("AGG", "T_AN", ["G", "TOTAL", "HIGH"])
        let rows = [
            ["1", "a", "1"], ["2", "a", "2"], ["3", "b", "99999"], ["4", "b", "1"], ["5", "c", "-7"], ["6", "c", "-8"],
        ]
        return Case(
            name: "aggregator ports convert to their types", export: export,
            tables: [Table(name: "AN_IN", columns: ["ID:i", "G:s5", "N:i"], rows: rows)],
            expected: ["T_AN": ["a|3|2", "b|100|99", "c|-15|-7"]],
            columns: ["T_AN": ["G", "TOTAL", "HIGH"]])
    }

    // Decimals whose text order is not their numeric order (SQLite keeps decimals as text, where
    // '999' > '1000' and '20.5' > '1000'): D > 100 keeps 999 and 1000; per group, a: MAX 1000 and
    // MIN 999 (NULL ignored), b: MAX 20.5 and MIN -5.
    static var decimalOrder: Case {
        var export = ExportBuilder()
        export.source("DO_IN", ["ID:i", "G:s5", "D:n8.2"])
        export.transformation(
            "FIL", type: "Filter",
            ports: [ExportBuilder.port("ID:i"), ExportBuilder.port("G:s5"), ExportBuilder.port("D:n8.2")],
            attributes: [("Filter Condition", "D > 100")])
        export.transformation(
            "AGG", type: "Aggregator",
            ports: [
                ExportBuilder.port("G:s5", expression: "G", expressionType: "GROUPBY"),
                ExportBuilder.port("D:n8.2", "INPUT"), ExportBuilder.port("MX:n8.2", "OUTPUT", expression: "MAX(D)"),
                ExportBuilder.port("MN:n8.2", "OUTPUT", expression: "MIN(D)"),
            ],
            attributes: [("Sorted Input", "NO"), ("Transformation Scope", "All Input")])
        export.target("T_DF", ["ID:i", "D:n8.2"])
        export.target("T_DA", ["G:s5", "MX:n8.2", "MN:n8.2"])
        export.connect("SQ_DO_IN", "FIL", ["ID", "G", "D"])
        export.connect("FIL", "T_DF", ["ID", "D"])
        export.connect("SQ_DO_IN", "AGG", ["G", "D"])
        export.connect("AGG", "T_DA", ["G", "MX", "MN"])
        let rows = [
            ["1", "a", "999"], ["2", "a", "1000"], ["3", "a", "NULL"], ["4", "b", "-5"], ["5", "b", "20.5"],
        ]
        return Case(
            name: "decimals compared and ordered as numbers", export: export,
            tables: [Table(name: "DO_IN", columns: ["ID:i", "G:s5", "D:n8.2"], rows: rows)],
            expected: ["T_DF": ["1|999", "2|1000"], "T_DA": ["a|1000|999", "b|20.5|-5"]],
            columns: ["T_DF": ["ID", "D"], "T_DA": ["G", "MX", "MN"]])
    }

    // Reference case 39: group x holds AMT 5, -3, NULL, 2, so SUM(AMT, AMT > 0) = 7, COUNT(AMT, AMT > 0) =
    // 2 and MIN(AMT, AMT > 0) = 2; group y holds only -1, so no row qualifies: SUM and MIN are NULL,
    // COUNT is 0; COUNT(*, AMT < 0) counts the rows whose condition is true (x: -3, y: -1, so 1 each).
    static var conditionalAggregates: Case {
        var export = ExportBuilder()
        export.source("CA_IN", ["ID:i", "G:s5", "AMT:i"])
        export.transformation(
            "AGG", type: "Aggregator",
            ports: [
                ExportBuilder.port("G:s5", expression: "G", expressionType: "GROUPBY"),
                ExportBuilder.port("AMT:i", "INPUT"),
                ExportBuilder.port("POS_SUM:i", "OUTPUT", expression: "SUM(AMT, AMT > 0)"),
                ExportBuilder.port("POS_CNT:i", "OUTPUT", expression: "COUNT(AMT, AMT > 0)"),
                ExportBuilder.port("POS_MIN:i", "OUTPUT", expression: "MIN(AMT, AMT > 0)"),
                ExportBuilder.port("NEG_ROWS:i", "OUTPUT", expression: "COUNT(*, AMT < 0)"),
            ],
            attributes: [("Sorted Input", "NO"), ("Transformation Scope", "All Input")])
        export.target("T_CA", ["G:s5", "POS_SUM:i", "POS_CNT:i", "POS_MIN:i", "NEG_ROWS:i"])
        export.connect("SQ_CA_IN", "AGG", ["G", "AMT"])
        export.connect("AGG", "T_CA", ["G", "POS_SUM", "POS_CNT", "POS_MIN", "NEG_ROWS"])
        let rows = [["1", "x", "5"], ["2", "x", "-3"], ["3", "x", "NULL"], ["4", "x", "2"], ["5", "y", "-1"]]
        return Case(
            name: "conditional aggregates (case 39)", export: export,
            tables: [Table(name: "CA_IN", columns: ["ID:i", "G:s5", "AMT:i"], rows: rows)],
            expected: ["T_CA": ["x|7|2|2|1", "y|NULL|0|NULL|1"]],
            columns: ["T_CA": ["G", "POS_SUM", "POS_CNT", "POS_MIN", "NEG_ROWS"]])
    }

    // Reference case 44 with three ranks: department 10 holds 100, 100, 90, 80, so the indexes are
    // 1, 1, 3, 4 and the rows up to index 3 are kept; department 20 holds 70, NULL, 60, and NULL
    // ranks lowest (index 3, kept).
    static var rank: Case {
        var export = ExportBuilder()
        export.source("R_IN", ["ID:i", "DEPT:i", "SAL:i"])
        export.transformation(
            "RNK", type: "Rank",
            ports: [
                ExportBuilder.port("RANKINDEX:i", "OUTPUT", expression: "RANKINDEX", expressionType: "RANKINDEX"),
                ExportBuilder.port("ID:i", expression: "ID"),
                ExportBuilder.port("DEPT:i", expression: "DEPT", expressionType: "GROUPBY"),
                ExportBuilder.port("SAL:i", expression: "SAL", expressionType: "RANKPORT"),
            ],
            attributes: [("Top/Bottom", "Top"), ("Number of Ranks", "3"), ("Case Sensitive String Comparison", "YES")])
        export.target("T_RANK", ["RANKINDEX:i", "ID:i", "DEPT:i", "SAL:i"])
        export.connect("SQ_R_IN", "RNK", ["ID", "DEPT", "SAL"])
        export.connect("RNK", "T_RANK", ["RANKINDEX", "ID", "DEPT", "SAL"])
        let rows = [
            ["1", "10", "100"], ["2", "10", "100"], ["3", "10", "90"], ["4", "10", "80"], ["5", "20", "70"],
            ["6", "20", "NULL"], ["7", "20", "60"],
        ]
        return Case(
            name: "rank with ties (case 44)", export: export,
            tables: [Table(name: "R_IN", columns: ["ID:i", "DEPT:i", "SAL:i"], rows: rows)],
            expected: ["T_RANK": ["1|1|10|100", "1|2|10|100", "1|5|20|70", "2|7|20|60", "3|3|10|90", "3|6|20|NULL"]],
            columns: ["T_RANK": ["RANKINDEX", "ID", "DEPT", "SAL"]])
    }

    // Reference §2.11: rows (p: 1, 2, 3) and (q: 4, NULL, 6) give one row per occurrence, the NULL
    // one included, GCID 1, 2, 3; the generated key is left unconnected here (the source has no
    // sorted key to number rows by: see `generatedKey` in SQLPipelineCases+RowOrder.swift).
    static var normalizer: Case {
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
        export.target("T_NRM", ["AMOUNT:n10", "NAME:s20", "GCID:i"])
        export.connect("SQ_N_IN", "NRM", ["A1>amount_in1", "A2>amount_in2", "A3>amount_in3", "NAME>name_in"])
        export.connect("NRM", "T_NRM", ["amount>AMOUNT", "name>NAME", "GCID_amount>GCID"])
        return Case(
            name: "normalizer", export: export,
            tables: [
                Table(
                    name: "N_IN", columns: ["NAME:s20", "A1:n10", "A2:n10", "A3:n10"],
                    rows: [["p", "1", "2", "3"], ["q", "4", "NULL", "6"]])
            ],
            expected: ["T_NRM": ["1|p|1", "2|p|2", "3|p|3", "4|q|1", "6|q|3", "NULL|q|2"]],
            columns: ["T_NRM": ["AMOUNT", "NAME", "GCID"]])
    }

    // N = 5, NULL, 7, 1, 2 through a filter: all rows give one row (SUM 15, COUNT 4); no row
    // gives no row at all (an aggregator without keys writes nothing for an empty input).
    static var ungrouped: [Case] {
        [("ID > 100", [String]()), ("ID > 0", ["15|4"])].map { condition, expected in
            var export = ExportBuilder()
            export.source("AG_IN", ["ID:i", "N:i"])
            export.transformation(
                "FIL", type: "Filter", ports: [ExportBuilder.port("ID:i"), ExportBuilder.port("N:i")],
                attributes: [("Filter Condition", condition)])
            export.transformation(
                "AGG", type: "Aggregator",
                ports: [
                    ExportBuilder.port("N:i", "INPUT"), ExportBuilder.port("TOTAL:i", "OUTPUT", expression: "SUM(N)"),
                    ExportBuilder.port("CNT:i", "OUTPUT", expression: "COUNT(N)"),
                ],
                attributes: [("Sorted Input", "NO"), ("Transformation Scope", "All Input")])
            export.target("T_AG", ["TOTAL:i", "CNT:i"])
            export.connect("SQ_AG_IN", "FIL", ["ID", "N"])
            export.connect("FIL", "AGG", ["N"])
            export.connect("AGG", "T_AG", ["TOTAL", "CNT"])
            return Case(
                name: "aggregator without keys, filter \(condition)", export: export,
                tables: [
                    Table(
                        name: "AG_IN", columns: ["ID:i", "N:i"],
                        rows: [["1", "5"], ["2", "NULL"], ["3", "7"], ["4", "1"], ["5", "2"]])
                ],
                expected: ["T_AG": expected], columns: ["T_AG": ["TOTAL", "CNT"]])
        }
    }

    // UNION ALL keeps the duplicate (2, y) and the NULL name.
    static var union: Case {
        Case(
            name: "union", export: unionExport(),
            tables: [
                Table(name: "U_A", columns: ["ID:i", "NAME:s10"], rows: [["1", "x"], ["2", "y"]]),
                Table(name: "U_B", columns: ["ID:i", "NAME:s10"], rows: [["2", "y"], ["3", "NULL"]]),
            ],
            expected: ["T_UN": ["1|x", "2|y", "2|y", "3|NULL"]], columns: ["T_UN": ["ID", "NAME"]])
    }

    static func unionExport() -> ExportBuilder {
        var export = ExportBuilder()
        export.source("U_A", ["ID:i", "NAME:s10"])
        export.source("U_B", ["ID:i", "NAME:s10"])
        export.union("UN", id: "i", name: "s10")
        export.target("T_UN", ["ID:i", "NAME:s10"])
        export.connect("SQ_U_A", "UN", ["ID>ID1", "NAME>NAME1"])
        export.connect("SQ_U_B", "UN", ["ID>ID2", "NAME>NAME2"])
        export.connect("UN", "T_UN", ["ID", "NAME"])
        return export
    }

    // OUT1 = A || B: one NULL side counts as '', two NULLs give NULL; OUT2 = IIF(N > 2, 'big',
    // 'small'): NULL takes the else branch; OUT3 = IIF(ISNULL(A), 'none', A): '' is not NULL.
    // T_E reads N straight from the source qualifier and the rest through the Expression.
    static var expression: Case {
        Case(
            name: "expression with || and IIF", export: expressionExport(),
            tables: [expressionSource],
            expected: [
                "T_E": ["1|5|ab|big|a", "2|NULL|b|small|none", "3|1|a|small|a", "4|3|NULL|big|none", "5|2| x|small|"]
            ],
            columns: ["T_E": ["ID", "N", "OUT1", "OUT2", "OUT3"]])
    }

    // An input port whose default value is NULL (as exports often write it) replaces NULL with
    // NULL: nothing changes, so the expression is lowered. A = 'x', NULL give x, none.
    static var nullDefault: Case {
        var export = ExportBuilder()
        export.source("D_IN", ["ID:i", "A:s10"])
        export.transformation(
            "EXP", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("A:s10", "INPUT", defaultValue: "NULL"),
                ExportBuilder.port("OUT:s10", "OUTPUT", expression: "IIF(ISNULL(A), 'none', A)"),
            ])
        export.target("T_D", ["ID:i", "OUT:s10"])
        export.connect("SQ_D_IN", "EXP", ["ID", "A"])
        export.connect("EXP", "T_D", ["ID", "OUT"])
        return Case(
            name: "input port with default NULL", export: export,
            tables: [Table(name: "D_IN", columns: ["ID:i", "A:s10"], rows: [["1", "x"], ["2", "NULL"]])],
            expected: ["T_D": ["1|x", "2|none"]], columns: ["T_D": ["ID", "OUT"]])
    }

    // Two Expressions in a row (merge-projections joins them): o_C = A * 2, then o_D = o_C + 1.
    // A = 5, NULL, -1 give 11, NULL, -1.
    static var chainedExpressions: Case {
        var export = ExportBuilder()
        export.source("C_IN", ["ID:i", "A:i"])
        export.transformation(
            "EXP1", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("A:i", "INPUT"),
                ExportBuilder.port("o_C:i", "OUTPUT", expression: "A * 2"),
            ])
        export.transformation(
            "EXP2", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("o_C:i", "INPUT"),
                ExportBuilder.port("o_D:i", "OUTPUT", expression: "o_C + 1"),
            ])
        export.target("T_C", ["ID:i", "D:i"])
        export.connect("SQ_C_IN", "EXP1", ["ID", "A"])
        export.connect("EXP1", "EXP2", ["ID", "o_C"])
        export.connect("EXP2", "T_C", ["ID", "o_D>D"])
        return Case(
            name: "two expressions in a row", export: export,
            tables: [
                Table(name: "C_IN", columns: ["ID:i", "A:i"], rows: [["1", "5"], ["2", "NULL"], ["3", "-1"]])
            ],
            expected: ["T_C": ["1|11", "2|NULL", "3|-1"]], columns: ["T_C": ["ID", "D"]])
    }

    static let expressionSource = Table(
        name: "E_IN", columns: ["ID:i", "A:s10", "B:s10", "N:i"],
        rows: [
            ["1", "a", "b", "5"], ["2", "NULL", "b", "NULL"], ["3", "a", "NULL", "1"], ["4", "NULL", "NULL", "3"],
            ["5", "", " x", "2"],
        ])

    /// Source E_IN (ID, A, B, N) → EXP (OUT1, OUT2, OUT3, and a variable port when asked) → T_E.
    static func expressionExport(variable: Bool = false) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("E_IN", ["ID:i", "A:s10", "B:s10", "N:i"])
        var ports = [
            ExportBuilder.port("ID:i"), ExportBuilder.port("A:s10", "INPUT"), ExportBuilder.port("B:s10", "INPUT"),
            ExportBuilder.port("N:i", "INPUT"),
            ExportBuilder.port("OUT1:s20", "OUTPUT", expression: "A || B"),
            ExportBuilder.port("OUT2:s5", "OUTPUT", expression: "IIF(N > 2, 'big', 'small')"),
            ExportBuilder.port("OUT3:s10", "OUTPUT", expression: "IIF(ISNULL(A), 'none', A)"),
        ]
        if variable { ports.append(ExportBuilder.port("V_SEEN:i", "LOCAL VARIABLE", expression: "V_SEEN + 1")) }
        export.transformation("EXP", type: "Expression", ports: ports)
        export.target("T_E", ["ID:i", "N:i", "OUT1:s20", "OUT2:s5", "OUT3:s10"])
        export.connect("SQ_E_IN", "EXP", ["ID", "A", "B", "N"])
        export.connect("EXP", "T_E", ["ID", "OUT1", "OUT2", "OUT3"])
        export.connect("SQ_E_IN", "T_E", ["N"])
        return export
    }

    // Input K = 1, 2, NULL, 9. Lookup LKT (K, V, W): (1, b, 2), (1, a, 5), (1, NULL, 1), (2, c, NULL),
    // (NULL, n, 0). The cache orders a key's rows by K, V, W ascending, NULL high: for K = 1 first is
    // (a, 5), last is (NULL, 1); a cached lookup's NULL key matches the NULL row; 9 matches nothing.
    // Ordering strings is exact on SQLite only (PostgreSQL's collation decides), so PostgreSQL
    // keeps First/Last in the runtime; All needs no order.
    // Key 1 finds V = 'a' and 'B': the runtime orders strings by code point ('B' is 66, 'a' 97), so
    // "Use First Value" returns B, where a linguistic collation (ICU, en_US) would put a first.
    static var lookupByCodePoint: Case {
        var c = lookups[0]
        c.name = "lookup Use First Value over mixed case"
        c.tables[1].rows = [["1", "a", "5"], ["1", "B", "2"], ["2", "c", "NULL"], ["NULL", "n", "0"]]
        c.expected = ["T_L": ["1|B|2", "2|c|NULL", "3|n|0", "4|NULL|NULL"]]
        return c
    }

    // An Expression reads NAME straight from the source qualifier and V from the lookup fed by it
    // (the usual SCD shape): the lookup is passive, so row i of both is the same row. Input (ID, K,
    // NAME): (1, 1, p), (2, 2, q), (3, NULL, r), (4, 9, NULL); with LKT above and "Use First Value"
    // K = 1 finds a, 2 finds c, NULL finds n (a cached lookup's NULL matches), 9 nothing. OUT = NAME
    // || V, where `||` treats one NULL operand as '' and two as NULL (G2): pa, qc, rn, NULL.
    static var lookupBesideItsInput: Case {
        var export = ExportBuilder()
        export.source("LB_IN", ["ID:i", "K:i", "NAME:s5"])
        export.transformation(
            "LKP", type: "Lookup Procedure",
            ports: [
                ExportBuilder.port("IN_K:i", "INPUT"), ExportBuilder.port("K:i", "LOOKUP/OUTPUT"),
                ExportBuilder.port("V:s10", "LOOKUP/OUTPUT"),
            ],
            attributes: [
                ("Lookup table name", "LKT"), ("Lookup caching enabled", "YES"),
                ("Lookup policy on multiple match", "Use First Value"), ("Lookup condition", "K = IN_K"),
                ("Connection Information", "$Source"), ("Source Type", "Database"),
            ])
        export.transformation(
            "EXP", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("NAME:s5", "INPUT"),
                ExportBuilder.port("V:s10", "INPUT"),
                ExportBuilder.port("OUT:s20", "OUTPUT", expression: "NAME || V"),
            ])
        export.target("T_LB", ["ID:i", "OUT:s20"])
        export.connect("SQ_LB_IN", "LKP", ["K>IN_K"])
        export.connect("SQ_LB_IN", "EXP", ["ID", "NAME"])
        export.connect("LKP", "EXP", ["V"])
        export.connect("EXP", "T_LB", ["ID", "OUT"])
        return Case(
            name: "expression reading a lookup and the lookup's input", export: export,
            tables: [
                Table(
                    name: "LB_IN", columns: ["ID:i", "K:i", "NAME:s5"],
                    rows: [["1", "1", "p"], ["2", "2", "q"], ["3", "NULL", "r"], ["4", "9", "NULL"]]),
                lookups[0].tables[1],
            ],
            expected: ["T_LB": ["1|pa", "2|qc", "3|rn", "4|NULL"]], columns: ["T_LB": ["ID", "OUT"]])
    }

    // Case 40: MAX(COUNT(ITEM)) collapses the groups into one row. Groups by DEPT: NULL (1 item),
    // 10 (5 items), 20 (items 1, 2, NULL, 3: COUNT 3). OUT = MAX(1, 5, 3) = 5; DEPT and the plain
    // COUNT(ITEM) N come from the last group the runtime emits, ascending by DEPT with NULL first:
    // 20, so N = 3. An empty input has no group and writes no row.
    static var nestedAggregates: [Case] {
        var export = ExportBuilder()
        export.source("NA_IN", ["DEPT:i", "ITEM:i"])
        export.transformation(
            "AGG", type: "Aggregator",
            ports: [
                ExportBuilder.port("DEPT:i", expression: "DEPT", expressionType: "GROUPBY"),
                ExportBuilder.port("ITEM:i", "INPUT"),
                ExportBuilder.port("OUT:i", "OUTPUT", expression: "MAX(COUNT(ITEM))"),
                ExportBuilder.port("N:i", "OUTPUT", expression: "COUNT(ITEM)"),
            ],
            attributes: [("Sorted Input", "NO"), ("Transformation Scope", "All Input")])
        export.target("T_NA", ["DEPT:i", "OUT:i", "N:i"])
        export.connect("SQ_NA_IN", "AGG", ["DEPT", "ITEM"])
        export.connect("AGG", "T_NA", ["DEPT", "OUT", "N"])
        let rows = [
            ["10", "1"], ["10", "2"], ["20", "1"], ["10", "3"], ["NULL", "1"], ["20", "2"], ["10", "4"],
            ["20", "NULL"],
            ["10", "5"], ["20", "3"],
        ]
        let full = Case(
            name: "nested aggregate (case 40)", export: export,
            tables: [Table(name: "NA_IN", columns: ["DEPT:i", "ITEM:i"], rows: rows)],
            expected: ["T_NA": ["20|5|3"]], columns: ["T_NA": ["DEPT", "OUT", "N"]])
        var empty = full
        empty.name = "nested aggregate over no rows"
        empty.tables[0].rows = []
        empty.expected = ["T_NA": []]
        return [full, empty]
    }

    static var lookups: [Case] {
        let others = ["2|c|NULL", "3|n|0", "4|NULL|NULL"]
        let policies = [
            ("Use First Value", ["1|a|5"], true), ("Use Last Value", ["1|NULL|1"], true),
            ("Use All Values", ["1|a|5", "1|b|2", "1|NULL|1"], true),
            // Any value: the row "Use First Value" returns (the default switch), not the first read (b).
            ("Use Any Value", ["1|a|5"], true),
        ]
        return policies.map { policy, first, onPostgres in
            var export = ExportBuilder()
            export.source("L_IN", ["ID:i", "K:i"])
            export.transformation(
                "LKP", type: "Lookup Procedure",
                ports: [
                    ExportBuilder.port("ID:i"), ExportBuilder.port("IN_K:i", "INPUT"),
                    ExportBuilder.port("K:i", "LOOKUP/OUTPUT"), ExportBuilder.port("V:s10", "LOOKUP/OUTPUT"),
                    ExportBuilder.port("W:i", "LOOKUP/OUTPUT"),
                ],
                attributes: [
                    ("Lookup table name", "LKT"), ("Lookup caching enabled", "YES"),
                    ("Lookup policy on multiple match", policy), ("Lookup condition", "K = IN_K"),
                    ("Connection Information", "$Source"), ("Source Type", "Database"),
                ])
            export.target("T_L", ["ID:i", "V:s10", "W:i"])
            export.connect("SQ_L_IN", "LKP", ["ID", "K>IN_K"])
            export.connect("LKP", "T_L", ["ID", "V", "W"])
            return Case(
                name: "lookup \(policy)", export: export,
                tables: [
                    Table(
                        name: "L_IN", columns: ["ID:i", "K:i"],
                        rows: [["1", "1"], ["2", "2"], ["3", "NULL"], ["4", "9"]]),
                    Table(
                        name: "LKT", columns: ["K:i", "V:s10", "W:i"],
                        rows: [
                            ["1", "b", "2"], ["1", "a", "5"], ["1", "NULL", "1"], ["2", "c", "NULL"],
                            ["NULL", "n", "0"],
                        ]),
                ],
                expected: ["T_L": (first + others).sorted()], columns: ["T_L": ["ID", "V", "W"]],
                onPostgres: onPostgres)
        }
    }
}
