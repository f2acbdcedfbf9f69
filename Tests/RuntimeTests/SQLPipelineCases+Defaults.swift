import Foundation
import IR
import Runtime
import Testing

/// Input ports with default values (an Expression's input receives its default for NULL; with
/// `ERROR(…)` the row is rejected and reaches no target).
extension SQLPipelineCases {
    static var inputDefaults: [Case] { [rejectingDefault, defaultBesideItsInput] }

    /// Source `D_IN (ID, V, S, W)` → Expression `EXP` (`ID`; `V` with `defaultV`; `S` input with
    /// default 'none'; `W` input with default -1; outputs `S2 = S`, `W2 = W + 1`) → `T_D`.
    static func defaultsExport(defaultV: String) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("D_IN", ["ID:i", "V:i", "S:s10", "W:i"])
        export.transformation(
            "EXP", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("V:i", defaultValue: defaultV),
                ExportBuilder.port("S:s10", "INPUT", defaultValue: "'none'"),
                ExportBuilder.port("W:i", "INPUT", defaultValue: "-1"),
                ExportBuilder.port("S2:s10", "OUTPUT", expression: "S"),
                ExportBuilder.port("W2:i", "OUTPUT", expression: "W + 1"),
            ])
        export.target("T_D", ["ID:i", "V:i", "S2:s10", "W2:i"])
        export.connect("SQ_D_IN", "EXP", ["ID", "V", "S", "W"])
        export.connect("EXP", "T_D", ["ID", "V", "S2", "W2"])
        return export
    }

    static let defaultRows: [[String]] = [
        ["1", "10", "a", "5"], ["2", "NULL", "b", "6"], ["3", "30", "NULL", "NULL"], ["4", "40", "d", "NULL"],
    ]

    // Row 2's V is NULL and V's default is ERROR: the row is rejected. Row 3's S and W are NULL:
    // 'none' and -1 (W2 = 0); row 4's W is NULL (W2 = 0).
    static var rejectingDefault: Case {
        Case(
            name: "input defaults: ERROR rejects the row, constants replace NULL",
            export: defaultsExport(defaultV: "ERROR('no V')"),
            tables: [Table(name: "D_IN", columns: ["ID:i", "V:i", "S:s10", "W:i"], rows: defaultRows)],
            expected: ["T_D": ["1|10|a|6", "3|30|none|0", "4|40|d|0"]],
            columns: ["T_D": ["ID", "V", "S2", "W2"]])
    }

    // V's default 0 replaces row 2's NULL in the Expression's V, while a target reading the
    // source qualifier's V beside it still gets NULL.
    static var defaultBesideItsInput: Case {
        var export = defaultsExport(defaultV: "0")
        export.target("T_RAW", ["ID:i", "V:i", "RAW_V:i"])
        export.connect("EXP", "T_RAW", ["ID", "V"])
        export.connect("SQ_D_IN", "T_RAW", ["V>RAW_V"])
        return Case(
            name: "input default beside the input it replaces", export: export,
            tables: [Table(name: "D_IN", columns: ["ID:i", "V:i", "S:s10", "W:i"], rows: defaultRows)],
            expected: [
                "T_D": ["1|10|a|6", "2|0|b|7", "3|30|none|0", "4|40|d|0"],
                "T_RAW": ["1|10|10", "2|0|NULL", "3|30|30", "4|40|40"],
            ],
            columns: ["T_D": ["ID", "V", "S2", "W2"], "T_RAW": ["ID", "V", "RAW_V"]])
    }
}
