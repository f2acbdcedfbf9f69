import Foundation
import IR
import Runtime
import Testing

/// Update Strategy with each "Treat source rows as" setting and the target options (reference
/// §2.13, §2.20). T_UPD(ID key, NAME) holds 1 'old1', 2 'old2', 3 'old3' before each run; the
/// source U_IN has 1 'new1' OP 1, 2 'new2' OP 2, 4 'new4' OP 0, 5 'new5' OP 3, and the strategy is
/// DECODE(OP, 0, DD_INSERT, 1, DD_UPDATE, 2, DD_DELETE, DD_REJECT) with Forward Rejected Rows on.
@Suite("Executor update strategy")
struct ExecutorUpdateStrategyTests {
    static func export(forwardRejected: Bool = true) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("U_IN", ["ID:n10", "NAME:s20", "OP:n4"])
        export.transformation(
            "UPD", type: "Update Strategy",
            ports: [ExportBuilder.port("ID:n10"), ExportBuilder.port("NAME:s20"), ExportBuilder.port("OP:n4")],
            attributes: [
                ("Update Strategy Expression", "DECODE(OP, 0, DD_INSERT, 1, DD_UPDATE, 2, DD_DELETE, DD_REJECT)"),
                ("Forward Rejected Rows", forwardRejected ? "YES" : "NO"),
            ])
        export.target("T_UPD", ["ID*:n10", "NAME:s20"])
        export.connect("SQ_U_IN", "UPD", ["ID", "NAME", "OP"])
        export.connect("UPD", "T_UPD", ["ID", "NAME"])
        return export
    }

    static let old = ["1|old1", "2|old2", "3|old3"]

    struct Case: Sendable, CustomTestStringConvertible {
        let rowKind: RowKindDefault
        let options: [String]
        let expected: [String]
        let inserted: Int
        let updated: Int
        let deleted: Int
        let rejected: Int
        var testDescription: String { "\(rowKind.rawValue) \(options)" }
    }

    static let cases: [Case] = [
        // Treat as insert: the strategy is ignored (§2.13, case 48); every row is an INSERT. IDs 1
        // and 2 already exist, so the database refuses them (rejected at the writer, §2.22); 4, 5 go in.
        Case(
            rowKind: .insert, options: ["Insert"], expected: old + ["4|new4", "5|new5"], inserted: 2, updated: 0,
            deleted: 0, rejected: 2),
        // Treat as insert with Insert off: the writer may not insert → every row is rejected.
        Case(rowKind: .insert, options: [], expected: old, inserted: 0, updated: 0, deleted: 0, rejected: 4),
        // Treat as update, Update as Update: UPDATE by key; 1 and 2 change, 4 and 5 match no row.
        Case(
            rowKind: .update, options: ["Update as Update"], expected: ["1|new1", "2|new2", "3|old3"], inserted: 0,
            updated: 2, deleted: 0, rejected: 0),
        // Update as Insert: every update row is INSERTed; 1 and 2 collide with the key → rejected.
        Case(
            rowKind: .update, options: ["Update as Insert"], expected: old + ["4|new4", "5|new5"], inserted: 2,
            updated: 0, deleted: 0, rejected: 2),
        // Update else Insert: upsert (§2.13 last paragraph): 1, 2 updated; 4, 5 inserted.
        Case(
            rowKind: .update, options: ["Update else Insert"],
            expected: ["1|new1", "2|new2", "3|old3", "4|new4", "5|new5"],
            inserted: 2, updated: 2, deleted: 0, rejected: 0),
        // Treat as delete with Delete on: DELETE by key removes 1 and 2; 4 and 5 match nothing.
        Case(
            rowKind: .delete, options: ["Delete"], expected: ["3|old3"], inserted: 0, updated: 0, deleted: 2,
            rejected: 0),
        // Treat as delete with Delete off: the writer may not delete → every row is rejected.
        Case(rowKind: .delete, options: [], expected: old, inserted: 0, updated: 0, deleted: 0, rejected: 4),
        // Data driven with Insert, Update as Update, Delete: 1 updated, 2 deleted, 4 inserted, 5 is
        // DD_REJECT → forwarded to the target's reject file (row indicator 3).
        Case(
            rowKind: .dataDriven, options: ["Insert", "Update as Update", "Delete"],
            expected: ["1|new1", "3|old3", "4|new4"], inserted: 1, updated: 1, deleted: 1, rejected: 1),
    ]

    @Test("treat source rows as / target options", arguments: cases)
    func writes(_ test: Case) throws {
        let harness = try ExecutorHarness()
        try harness.table(
            "U_IN", ["ID:n10", "NAME:s20", "OP:n4"],
            [["1", "new1", "1"], ["2", "new2", "2"], ["4", "new4", "0"], ["5", "new5", "3"]])
        try harness.table("T_UPD", ["ID*:n10", "NAME:s20"], [["1", "old1"], ["2", "old2"], ["3", "old3"]])
        let all = ["Insert", "Update as Update", "Update as Insert", "Update else Insert", "Delete"]
        let options = all.map { ($0, test.options.contains($0) ? "YES" : "NO") }
        let result = try harness.run(Self.export(), rowKind: test.rowKind, attributes: ["T_UPD": options])
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        #expect(
            try harness.rows("SELECT ID, NAME FROM T_UPD ORDER BY CAST(ID AS INTEGER)", columns: 2) == test.expected)
        let counters = result.counters["T_UPD"] ?? NodeCounters()
        #expect(counters.inserted == test.inserted)
        #expect(counters.updated == test.updated)
        #expect(counters.deleted == test.deleted)
        #expect(counters.rowsRejected == test.rejected)
        #expect(harness.rejectLines().count == test.rejected)
        if test.rowKind == .dataDriven {
            // Reject file columns: node, code, row indicator, reason, values.
            let fields = harness.rejectLines().first?.split(separator: "\t").map(String.init) ?? []
            #expect(fields.count == 5)
            #expect(fields.first == "T_UPD")
            #expect(fields.count > 2 && fields[2] == "3")
            #expect(fields.last == "D:5|D:new5")
        }
    }

    @Test("Forward Rejected Rows off: data driven drops the DD_REJECT row; Insert ignores the strategy (case 48)")
    func rejectsOnlyWhenDataDriven() throws {
        for (rowKind, expected, rejected) in [
            // Data driven: 1 updated, 2 deleted, 4 inserted, 5 (DD_REJECT) dropped, counted at UPD.
            (RowKindDefault.dataDriven, ["1|new1", "3|old3", "4|new4"], 1),
            // Insert: the strategy is ignored (§2.13 [S3f]); 4 and 5 are inserted, 1 and 2 refused as
            // duplicate keys by the database (rejected at the target, one row at a time).
            (.insert, ["1|old1", "2|old2", "3|old3", "4|new4", "5|new5"], 2),
        ] {
            let harness = try ExecutorHarness()
            try harness.table(
                "U_IN", ["ID:n10", "NAME:s20", "OP:n4"],
                [["1", "new1", "1"], ["2", "new2", "2"], ["4", "new4", "0"], ["5", "new5", "3"]])
            try harness.table("T_UPD", ["ID*:n10", "NAME:s20"], [["1", "old1"], ["2", "old2"], ["3", "old3"]])
            let options = [("Insert", "YES"), ("Update as Update", "YES"), ("Delete", "YES")]
            let result = try harness.run(
                Self.export(forwardRejected: false), rowKind: rowKind, attributes: ["T_UPD": options])
            #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
            #expect(
                try harness.rows("SELECT ID, NAME FROM T_UPD ORDER BY CAST(ID AS INTEGER)", columns: 2) == expected,
                "\(rowKind)")
            let counters = (result.counters["UPD"]?.rowsRejected ?? 0) + (result.counters["T_UPD"]?.rowsRejected ?? 0)
            #expect(counters == rejected, "\(rowKind)")
        }
    }

    @Test("an update sets the connected non-key columns only: an unconnected column keeps its value (§2.20)")
    func updateLeavesUnconnectedColumns() throws {
        let harness = try ExecutorHarness()
        try harness.table("U_IN", ["ID:n10", "NAME:s20", "OP:n4"], [["1", "new1", "1"], ["2", "new2", "1"]])
        try harness.table(
            "T_UPD", ["ID*:n10", "NAME:s20", "NOTE:s10"], [["1", "old1", "keep1"], ["2", "old2", "NULL"]])
        var export = ExportBuilder()
        export.source("U_IN", ["ID:n10", "NAME:s20", "OP:n4"])
        export.transformation(
            "UPD", type: "Update Strategy",
            ports: [ExportBuilder.port("ID:n10"), ExportBuilder.port("NAME:s20"), ExportBuilder.port("OP:n4")],
            attributes: [("Update Strategy Expression", "DD_UPDATE"), ("Forward Rejected Rows", "YES")])
        export.target("T_UPD", ["ID*:n10", "NAME:s20", "NOTE:s10"])
        export.connect("SQ_U_IN", "UPD", ["ID", "NAME", "OP"])
        export.connect("UPD", "T_UPD", ["ID", "NAME"])
        let result = try harness.run(export, rowKind: .dataDriven, attributes: ["T_UPD": [("Update as Update", "YES")]])
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        #expect(
            try harness.rows("SELECT ID, NAME, NOTE FROM T_UPD ORDER BY CAST(ID AS INTEGER)", columns: 3)
                == ["1|new1|keep1", "2|new2|NULL"])
        #expect(result.counters["T_UPD"]?.updated == 2)
    }

    @Test("an upsert with only the key connected inserts missing keys and leaves existing rows as they are")
    func upsertOfKeysOnly() throws {
        let harness = try ExecutorHarness()
        try harness.table("U_IN", ["ID:n10", "NAME:s20", "OP:n4"], [["1", "new1", "1"], ["4", "new4", "1"]])
        try harness.table("T_UPD", ["ID*:n10", "NAME:s20"], [["1", "old1"]])
        var export = ExportBuilder()
        export.source("U_IN", ["ID:n10", "NAME:s20", "OP:n4"])
        export.transformation(
            "UPD", type: "Update Strategy",
            ports: [ExportBuilder.port("ID:n10"), ExportBuilder.port("NAME:s20"), ExportBuilder.port("OP:n4")],
            attributes: [("Update Strategy Expression", "DD_UPDATE"), ("Forward Rejected Rows", "YES")])
        export.target("T_UPD", ["ID*:n10", "NAME:s20"])
        export.connect("SQ_U_IN", "UPD", ["ID", "NAME", "OP"])
        export.connect("UPD", "T_UPD", ["ID"])
        let result = try harness.run(
            export, rowKind: .dataDriven,
            attributes: ["T_UPD": [("Update as Update", "NO"), ("Update else Insert", "YES")]])
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // Key 1 exists: nothing connected to set, NAME stays 'old1'; key 4 is missing: inserted, NAME NULL.
        #expect(
            try harness.rows("SELECT ID, NAME FROM T_UPD ORDER BY CAST(ID AS INTEGER)", columns: 2)
                == ["1|old1", "4|NULL"])
        #expect(result.counters["T_UPD"]?.inserted == 1)
        #expect(result.counters["T_UPD"]?.rowsRejected ?? 0 == 0)
    }
}
