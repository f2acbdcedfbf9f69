import Foundation
import IR
import Runtime
import Testing

/// Cases whose rows depend on the order rows arrive in (reference §2.4 last row, §2.12 Sequence
/// Generator): the source qualifier sorts by the source's primary key, and the source rows are
/// inserted out of that order, so SQL that ignored the order would number or pick other rows.
extension SQLPipelineCases {
    static var rowOrder: [Case] {
        [
            sequenceCycle, sequenceCounting, sequenceAfterSorter, lastRow, previousValue, previousString, counter,
            generatedKey, currvalAlone,
        ]
            + resetCounters
    }

    /// A Sequence Generator `SEQ` (Current Value `current`, Increment `increment`, End Value `end`,
    /// Start Value 5) feeding target `T_SEQ (ID, NV, CV)` beside the rows of `SO_IN (ID, DEPT)`,
    /// read through `through` (nil: straight from the source qualifier).
    /// `values`: the type code of the target columns NV and CV.
    static func sequenceExport(
        current: Int, increment: Int, end: Int, cycle: Bool, sorter: Bool = false, values: String = "i"
    ) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("SO_IN", ["ID*:i", "DEPT:i"], sortedPorts: 1)
        export.transformation(
            "SEQ", type: "Sequence",
            ports: ExportBuilder.sequencePorts,
            attributes: [
                ("Start Value", "5"), ("Increment By", "\(increment)"), ("End Value", "\(end)"),
                ("Current Value", "\(current)"), ("Cycle", cycle ? "YES" : "NO"), ("Number of Cached Values", "0"),
                ("Reset", "NO"),
            ])
        export.target("T_SEQ", ["ID:i", "DEPT:i", "NV:\(values)", "CV:\(values)"])
        var rows = "SQ_SO_IN"
        if sorter {
            export.transformation(
                "SRT", type: "Sorter",
                ports: [
                    ExportBuilder.port("ID:i", extra: "ISSORTKEY =\"NO\" SORTDIRECTION =\"ASCENDING\""),
                    ExportBuilder.port("DEPT:i", extra: "ISSORTKEY =\"YES\" SORTDIRECTION =\"DESCENDING\""),
                ],
                attributes: [("Case Sensitive", "YES"), ("Distinct", "NO"), ("Null Treated Low", "NO")])
            export.connect("SQ_SO_IN", "SRT", ["ID", "DEPT"])
            rows = "SRT"
        }
        export.connect(rows, "T_SEQ", ["ID", "DEPT"])
        export.connect("SEQ", "T_SEQ", ["NEXTVAL>NV", "CURRVAL>CV"])
        return export
    }

    /// The source rows, inserted out of key order.
    static let orderedRows: [[String]] = [["4", "20"], ["1", "10"], ["5", "NULL"], ["3", "10"], ["2", "20"]]

    // Case 45 with Cycle: Current 7, Increment 2, End 11 → NEXTVAL 7, 9, 11, then Start 5, 7 by
    // ID; CURRVAL = NEXTVAL + 2 on the same row (13 after 11, though 13 passes End).
    static var sequenceCycle: Case {
        Case(
            name: "sequence with cycle (case 45)",
            export: sequenceExport(current: 7, increment: 2, end: 11, cycle: true),
            tables: [Table(name: "SO_IN", columns: ["ID*:i", "DEPT:i"], rows: orderedRows)],
            expected: ["T_SEQ": ["1|10|7|9", "2|20|9|11", "3|10|11|13", "4|20|5|7", "5|NULL|7|9"].sorted()],
            columns: ["T_SEQ": ["ID", "DEPT", "NV", "CV"]])
    }

    // Case 45 itself: Current 1, Increment 1 → NEXTVAL 1, 2, 3, …; CURRVAL 2, 3, 4, … by ID.
    static var sequenceCounting: Case {
        Case(
            name: "sequence counting (case 45)",
            export: sequenceExport(current: 1, increment: 1, end: 100, cycle: false),
            tables: [Table(name: "SO_IN", columns: ["ID*:i", "DEPT:i"], rows: orderedRows)],
            expected: ["T_SEQ": ["1|10|1|2", "2|20|2|3", "3|10|3|4", "4|20|4|5", "5|NULL|5|6"].sorted()],
            columns: ["T_SEQ": ["ID", "DEPT", "NV", "CV"]])
    }

    // A Sorter by DEPT descending, NULL the highest value (so first), ties kept in ID order (the
    // sort is stable): ID 5 (NULL), 2 and 4 (20), 1 and 3 (10) get NEXTVAL 1 to 5.
    static var sequenceAfterSorter: Case {
        Case(
            name: "sequence after a sorter",
            export: sequenceExport(current: 1, increment: 1, end: 100, cycle: false, sorter: true),
            tables: [Table(name: "SO_IN", columns: ["ID*:i", "DEPT:i"], rows: orderedRows)],
            expected: ["T_SEQ": ["5|NULL|1|2", "2|20|2|3", "4|20|3|4", "1|10|4|5", "3|10|5|6"].sorted()],
            columns: ["T_SEQ": ["ID", "DEPT", "NV", "CV"]])
    }

    // Case 38: NAME is neither a key nor an aggregate, so each group gives its last row's NAME (by
    // ID, the sorted port): DEPT 10 has IDs 1, 2, 3 → 'C'; 20 has 4 → 'X'; NULL has 5, 6 → 'N2'.
    // OUT reads NAME through an expression; N counts the group's rows.
    static var lastRow: Case {
        var export = ExportBuilder()
        export.source("LR_IN", ["ID*:i", "DEPT:i", "NAME:s10"], sortedPorts: 1)
        export.transformation(
            "AGG", type: "Aggregator",
            ports: [
                ExportBuilder.port("ID:i", "INPUT"),
                ExportBuilder.port("DEPT:i", expression: "DEPT", expressionType: "GROUPBY"),
                ExportBuilder.port("NAME:s10"),
                ExportBuilder.port("OUT:s12", "OUTPUT", expression: "NAME || '!'"),
                ExportBuilder.port("N:i", "OUTPUT", expression: "COUNT(ID)"),
            ],
            attributes: [("Sorted Input", "NO"), ("Transformation Scope", "All Input")])
        export.target("T_LR", ["DEPT:i", "NAME:s10", "OUT:s12", "N:i"])
        export.connect("SQ_LR_IN", "AGG", ["ID", "DEPT", "NAME"])
        export.connect("AGG", "T_LR", ["DEPT", "NAME", "OUT", "N"])
        let rows = [
            ["3", "10", "C"], ["6", "NULL", "N2"], ["1", "10", "A"], ["4", "20", "X"], ["5", "NULL", "N1"],
            ["2", "10", "B"],
        ]
        return Case(
            name: "aggregator last row (case 38)", export: export,
            tables: [Table(name: "LR_IN", columns: ["ID*:i", "DEPT:i", "NAME:s10"], rows: rows)],
            expected: ["T_LR": ["10|C|C!|3", "20|X|X!|1", "NULL|N2|N2!|2"].sorted()],
            columns: ["T_LR": ["DEPT", "NAME", "OUT", "N"]])
    }

    /// Source `V_IN (ID, DEPT)` sorted by its key ID → Expression `EXP` with `variables` and output
    /// `O = output` → target `T_V (ID, O)`.
    static func variableExport(_ variables: [String], output: String, type: String = "i") -> ExportBuilder {
        var export = ExportBuilder()
        export.source("V_IN", ["ID*:i", "DEPT:i"], sortedPorts: 1)
        export.transformation(
            "EXP", type: "Expression",
            ports: [ExportBuilder.port("ID:i"), ExportBuilder.port("DEPT:i", "INPUT")] + variables
                + [ExportBuilder.port("O:\(type)", "OUTPUT", expression: output)])
        export.target("T_V", ["ID:i", "O:\(type)"])
        export.connect("SQ_V_IN", "EXP", ["ID", "DEPT"])
        export.connect("EXP", "T_V", ["ID", "O"])
        return export
    }

    /// IDs 1 to 8 with DEPT 10, 10, 20, 20, 20, NULL, NULL, 10, inserted out of order.
    static let departmentRows: [[String]] = [
        ["5", "20"], ["1", "10"], ["8", "10"], ["3", "20"], ["6", "NULL"], ["2", "10"], ["7", "NULL"], ["4", "20"],
    ]

    // Case 46: v_prev = v_cur is read before v_cur = DEPT is computed, so it holds the previous
    // row's DEPT, and 0 (not NULL) on the first row: by ID 0, 10, 10, 20, 20, 20, NULL, NULL.
    static var previousValue: Case {
        let export = variableExport(
            [
                ExportBuilder.port("v_prev:i", "LOCAL VARIABLE", expression: "v_cur"),
                ExportBuilder.port("v_cur:i", "LOCAL VARIABLE", expression: "DEPT"),
            ], output: "v_prev")
        return Case(
            name: "previous row's value (case 46)", export: export,
            tables: [Table(name: "V_IN", columns: ["ID*:i", "DEPT:i"], rows: departmentRows)],
            expected: ["T_V": ["1|0", "2|10", "3|10", "4|20", "5|20", "6|20", "7|NULL", "8|NULL"]],
            columns: ["T_V": ["ID", "O"]])
    }

    // A string's initial value is '' (length 0); v_cur is 'small' unless DEPT > 15 (NULL is not):
    // by ID v_prev is '', small, small, big, big, big, small, small.
    static var previousString: Case {
        let export = variableExport(
            [
                ExportBuilder.port("v_prev:s10", "LOCAL VARIABLE", expression: "v_cur"),
                ExportBuilder.port("v_cur:s10", "LOCAL VARIABLE", expression: "IIF(DEPT > 15, 'big', 'small')"),
            ], output: "LENGTH(v_prev)")
        return Case(
            name: "previous row's string", export: export,
            tables: [Table(name: "V_IN", columns: ["ID*:i", "DEPT:i"], rows: departmentRows)],
            expected: ["T_V": ["1|0", "2|5", "3|5", "4|3", "5|3", "6|3", "7|5", "8|5"]],
            columns: ["T_V": ["ID", "O"]])
    }

    // Case 47: v_cnt = v_cnt + 1 from 0: 1, 2, 3, … by ID.
    static var counter: Case {
        let export = variableExport(
            [ExportBuilder.port("v_cnt:i", "LOCAL VARIABLE", expression: "v_cnt + 1")], output: "v_cnt * 10")
        return Case(
            name: "counter (case 47)", export: export,
            tables: [Table(name: "V_IN", columns: ["ID*:i", "DEPT:i"], rows: departmentRows)],
            expected: ["T_V": ["1|10", "2|20", "3|30", "4|40", "5|50", "6|60", "7|70", "8|80"]],
            columns: ["T_V": ["ID", "O"]])
    }

    // The usual "number within a group" port: v_seq restarts at 1 when DEPT differs from the
    // previous row's (v_prev_dept, computed after it, so the previous row's DEPT; 0 first).
    // IIF(DEPT = v_prev_dept, v_seq + 1, 1): a NULL comparison is not true, so it restarts:
    // 1, 2, 1, 2, 3, 1, 1, 1. IIF(DEPT <> v_prev_dept, 1, v_seq + 1): NULL is not true either,
    // so it counts on: 1, 2, 1, 2, 3, 4, 5, 6.
    static var resetCounters: [Case] {
        [
            ("IIF(DEPT = v_prev_dept, v_seq + 1, 1)", "i", ["1", "2", "1", "2", "3", "1", "1", "1"]),
            ("IIF(DEPT <> v_prev_dept, 1, v_seq + 1)", "n10", ["1", "2", "1", "2", "3", "4", "5", "6"]),
        ].map { expression, type, values in
            let export = variableExport(
                [
                    ExportBuilder.port("v_seq:\(type)", "LOCAL VARIABLE", expression: expression),
                    ExportBuilder.port("v_prev_dept:i", "LOCAL VARIABLE", expression: "DEPT"),
                ], output: "v_seq", type: type)
            return Case(
                name: "counter \(expression)", export: export,
                tables: [Table(name: "V_IN", columns: ["ID*:i", "DEPT:i"], rows: departmentRows)],
                expected: ["T_V": zip(1..., values).map { "\($0)|\($1)" }],
                columns: ["T_V": ["ID", "O"]])
        }
    }

    // A Normalizer's generated key numbers input rows by ID from the key port's stored value 5;
    // every occurrence of a row shares its key (reference §2.11), GCID is the occurrence.
    static var generatedKey: Case {
        var export = ExportBuilder()
        export.source("GK_IN", ["ID*:i", "A1:i", "A2:i"], sortedPorts: 1)
        let definition = """
            <SOURCEFIELD DATATYPE ="number" FIELDNUMBER ="1" KEYTYPE ="NOT A KEY" LEVEL ="0" NAME ="amount" OCCURS ="2" PRECISION ="10" SCALE ="0"/>
            """
        export.transformation(
            "NRM", type: "Normalizer",
            ports: [
                ExportBuilder.port("amount_in1:i", "INPUT", extra: "REF_SOURCE_FIELD =\"amount\""),
                ExportBuilder.port("amount_in2:i", "INPUT", extra: "REF_SOURCE_FIELD =\"amount\""),
                ExportBuilder.port("amount:i", "OUTPUT", extra: "REF_SOURCE_FIELD =\"amount\""),
                "<TRANSFORMFIELD DATATYPE =\"bigint\" NAME =\"GK_amount\" PORTTYPE =\"GENERATED KEY/OUTPUT\" "
                    + "PRECISION =\"19\" SCALE =\"0\" REF_SOURCE_FIELD =\"amount\" SEQUENCE_GENERATOR_VALUE =\"5\"/>",
                "<TRANSFORMFIELD DATATYPE =\"integer\" NAME =\"GCID_amount\" PORTTYPE =\"GENERATED COLUMN ID/OUTPUT\" "
                    + "PRECISION =\"10\" SCALE =\"0\" REF_SOURCE_FIELD =\"amount\"/>",
            ],
            attributes: [("Reset", "NO"), ("Restart", "NO")], body: definition)
        export.target("T_GK", ["AMOUNT:i", "GK:n19", "GCID:i"])
        export.connect("SQ_GK_IN", "NRM", ["A1>amount_in1", "A2>amount_in2"])
        export.connect("NRM", "T_GK", ["amount>AMOUNT", "GK_amount>GK", "GCID_amount>GCID"])
        // Inserted as IDs 3, 1, 2: by ID the keys are 5 (10, 11), 6 (20, NULL), 7 (30, 31).
        let rows = [["3", "30", "31"], ["1", "10", "11"], ["2", "20", "NULL"]]
        return Case(
            name: "normalizer generated key", export: export,
            tables: [Table(name: "GK_IN", columns: ["ID*:i", "A1:i", "A2:i"], rows: rows)],
            expected: ["T_GK": ["10|5|1", "11|5|2", "20|6|1", "30|7|1", "31|7|2", "NULL|6|2"]],
            columns: ["T_GK": ["AMOUNT", "GK", "GCID"]])
    }

    // Only CURRVAL read: the first value's CURRVAL (Current Value 7 + Increment 2) on every row
    // (currvalAloneIsConstant), which needs no order: the source has no sorted ports.
    static var currvalAlone: Case {
        var export = ExportBuilder()
        export.source("CA_IN", ["ID:i"])
        export.transformation(
            "SEQ", type: "Sequence", ports: ExportBuilder.sequencePorts,
            attributes: [
                ("Start Value", "5"), ("Increment By", "2"), ("End Value", "100"), ("Current Value", "7"),
                ("Cycle", "NO"),
            ])
        export.target("T_CA", ["ID:i", "CV:i"])
        export.connect("SQ_CA_IN", "T_CA", ["ID"])
        export.connect("SEQ", "T_CA", ["CURRVAL>CV"])
        return Case(
            name: "sequence CURRVAL alone", export: export,
            tables: [Table(name: "CA_IN", columns: ["ID:i"], rows: [["2"], ["1"], ["3"]])],
            expected: ["T_CA": ["1|9", "2|9", "3|9"]], columns: ["T_CA": ["ID", "CV"]])
    }
}
