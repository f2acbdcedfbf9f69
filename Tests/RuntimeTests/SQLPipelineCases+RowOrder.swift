import Foundation
import IR
import Runtime
import Testing

/// Cases whose rows depend on the order rows arrive in (reference §2.4 last row, §2.12 Sequence
/// Generator): the source qualifier sorts by the source's primary key, and the source rows are
/// inserted out of that order, so SQL that ignored the order would number or pick other rows.
extension SQLPipelineCases {
    static var rowOrder: [Case] {
        [sequenceCycle, sequenceCounting, sequenceAfterSorter, lastRow]
    }

    /// A Sequence Generator `SEQ` (Current Value `current`, Increment `increment`, End Value `end`,
    /// Start Value 5) feeding target `T_SEQ (ID, NV, CV)` beside the rows of `SO_IN (ID, DEPT)`,
    /// read through `through` (nil: straight from the source qualifier).
    static func sequenceExport(current: Int, increment: Int, end: Int, cycle: Bool, sorter: Bool = false)
        -> ExportBuilder
    {
        var export = ExportBuilder()
        export.source("SO_IN", ["ID*:i", "DEPT:i"], sortedPorts: 1)
        export.transformation(
            "SEQ", type: "Sequence",
            ports: [
                "<TRANSFORMFIELD DATATYPE =\"bigint\" NAME =\"NEXTVAL\" PORTTYPE =\"OUTPUT\" PRECISION =\"19\" SCALE =\"0\"/>",
                "<TRANSFORMFIELD DATATYPE =\"bigint\" NAME =\"CURRVAL\" PORTTYPE =\"OUTPUT\" PRECISION =\"19\" SCALE =\"0\"/>",
            ],
            attributes: [
                ("Start Value", "5"), ("Increment By", "\(increment)"), ("End Value", "\(end)"),
                ("Current Value", "\(current)"), ("Cycle", cycle ? "YES" : "NO"), ("Number of Cached Values", "0"),
                ("Reset", "NO"),
            ])
        export.target("T_SEQ", ["ID:i", "DEPT:i", "NV:i", "CV:i"])
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
}
