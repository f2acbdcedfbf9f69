import Codegen
import Foundation
import IR
import Runtime
import Testing

/// A data-driven Update Strategy in front of an upsert target, run natively (the reference) and
/// as the pushed-down SQL on a copy of the same tables, on SQLite and PostgreSQL; the target
/// tables are compared as multisets and with rows worked out by hand.
///
/// SALES (ID, K, AMT) → AGG (group by K, TOTAL = SUM(AMT)) → UPD → T_SUM (K primary key, TOTAL),
/// with `IIF(TOTAL > 100, DD_DELETE, IIF(TOTAL < 0, DD_REJECT, IIF(K >= 8, DD_INSERT, DD_UPDATE)))`
/// and the target options Insert, Update else Insert and Delete (Update as Update off).
/// Totals: K 1 → 11 (update), 2 → 200 (delete), 3 → -5 (reject), 6 → 7 (update of a missing key:
/// inserted), 8 → 9 (insert).
enum SQLTargetWriteCase {
    static let sales = [
        ["1", "1", "5"], ["2", "1", "6"], ["3", "2", "200"], ["4", "3", "-5"], ["5", "6", "7"], ["6", "8", "4"],
        ["7", "8", "5"],
    ]
    /// T_SUM before the run, when it is not empty.
    static let existing = [["1", "10"], ["2", "20"], ["3", "30"], ["4", "40"]]
    /// From existing rows: 1 updated, 2 deleted, 3 kept (its row rejected), 4 untouched, 6 and 8 new.
    static let expectedFromExisting = ["1|11", "3|30", "4|40", "6|7", "8|9"]
    /// From an empty table: the update of 1 inserts, the delete of 2 finds nothing.
    static let expectedFromEmpty = ["1|11", "6|7", "8|9"]
    static let options = [
        ("Insert", "YES"), ("Update as Update", "NO"), ("Update as Insert", "NO"), ("Update else Insert", "YES"),
        ("Delete", "YES"),
    ]

    static var export: ExportBuilder {
        var export = ExportBuilder()
        export.source("SALES", ["ID:i", "K:i", "AMT:i"])
        export.transformation(
            "AGG", type: "Aggregator",
            ports: [
                ExportBuilder.port("K:i", expression: "K", expressionType: "GROUPBY"),
                ExportBuilder.port("AMT:i", "INPUT"), ExportBuilder.port("TOTAL:i", "OUTPUT", expression: "SUM(AMT)"),
            ],
            attributes: [("Sorted Input", "NO"), ("Transformation Scope", "All Input")])
        export.transformation(
            "UPD", type: "Update Strategy", ports: [ExportBuilder.port("K:i"), ExportBuilder.port("TOTAL:i")],
            attributes: [
                (
                    "Update Strategy Expression",
                    "IIF(TOTAL > 100, DD_DELETE, IIF(TOTAL < 0, DD_REJECT, IIF(K >= 8, DD_INSERT, DD_UPDATE)))"
                ),
                ("Forward Rejected Rows", "YES"),
            ])
        export.target("T_SUM", ["K*:i", "TOTAL:i"])
        export.connect("SQ_SALES", "AGG", ["K", "AMT"])
        export.connect("AGG", "UPD", ["K", "TOTAL"])
        export.connect("UPD", "T_SUM", ["K", "TOTAL"])
        return export
    }

    /// The lowering the session asks for: data driven, T_SUM upserted.
    static func lowering(_ dialect: any SQLDialect) -> SQLPipelineLowering {
        SQLPipelineLowering(
            dialect, treatRowsAs: .dataDriven,
            targetOptions: ["T_SUM": SQLTargetWriteOptions(updateAsUpdate: false, updateElseInsert: true)])
    }

    /// The native run on a fresh harness whose T_SUM holds `existing`; T_SUM's rows after it, sorted.
    static func native(existing: [[String]]) throws -> (rows: [String], pipeline: Pipeline) {
        let harness = try ExecutorHarness()
        try harness.table("SALES", ["ID:i", "K:i", "AMT:i"], sales)
        try harness.table("T_SUM", ["K*:i", "TOTAL:i"], existing)
        let pipeline = try harness.pipeline(export)
        let result = harness.execute(pipeline, rowKind: .dataDriven, attributes: ["T_SUM": options])
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        return (try harness.rows("SELECT K, TOTAL FROM T_SUM", columns: 2).sorted(), pipeline)
    }
}

@Suite("SQL target writes on SQLite")
struct SQLTargetWriteExecutionTests {
    @Test(
        "upsert, delete and reject by row kind: the SQLite SQL leaves the native executor's rows",
        arguments: [true, false])
    func sqliteAgreesWithTheExecutor(startsWithRows: Bool) throws {
        let existing = startsWithRows ? SQLTargetWriteCase.existing : []
        let (native, pipeline) = try SQLTargetWriteCase.native(existing: existing)
        #expect(
            native == (startsWithRows ? SQLTargetWriteCase.expectedFromExisting : SQLTargetWriteCase.expectedFromEmpty))
        let dialect = SQLiteDialect()
        let sql = SQLTargetWriteCase.lowering(dialect).lower(pipeline)
        #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
        let copy = try ExecutorHarness()
        try copy.table("SALES", ["ID:i", "K:i", "AMT:i"], SQLTargetWriteCase.sales)
        try copy.table("T_SUM", ["K*:i", "TOTAL:i"], existing)
        let connection = try SQLiteConnection(path: copy.databasePath)
        for statement in sql.loads.flatMap(\.statements) {
            try connection.execute(SQLPrinter(dialect).print(statement))
        }
        #expect(try copy.rows("SELECT K, TOTAL FROM T_SUM", columns: 2).sorted() == native)
    }

    @Test("with the session's default (insert) the strategy is ignored: every row is inserted")
    func insertSessionIgnoresTheStrategy() throws {
        let harness = try ExecutorHarness()
        let pipeline = try harness.pipeline(SQLTargetWriteCase.export)
        let sql = SQLPipelineLowering(SQLiteDialect()).lower(pipeline)
        #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
        #expect(sql.loads.first?.statements.count == 1)
        guard case .insert(_, let columns, _) = sql.loads.first?.statements.first else {
            Issue.record("expected one INSERT")
            return
        }
        #expect(columns == ["K", "TOTAL"])
    }
}

extension PostgresTests {
    @Suite("SQL target writes on PostgreSQL")
    struct TargetWrites {
        @Test(
            "upsert, delete and reject by row kind: the PostgreSQL SQL leaves the native executor's rows",
            arguments: [true, false])
        func postgresAgreesWithTheExecutor(startsWithRows: Bool) throws {
            let existing = startsWithRows ? SQLTargetWriteCase.existing : []
            let (native, pipeline) = try SQLTargetWriteCase.native(existing: existing)
            #expect(
                native
                    == (startsWithRows ? SQLTargetWriteCase.expectedFromExisting : SQLTargetWriteCase.expectedFromEmpty)
            )
            let dialect = PostgreSQLDialect()
            let sql = SQLTargetWriteCase.lowering(dialect).lower(pipeline)
            #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
            try PostgresTests.withSchema { connection in
                try connection.execute("CREATE TABLE sales (id integer, k integer, amt integer)")
                try connection.execute("CREATE TABLE t_sum (k integer PRIMARY KEY, total integer)")
                let sales = SQLTargetWriteCase.sales.map { "(\($0.joined(separator: ", ")))" }
                try connection.execute("INSERT INTO sales VALUES " + sales.joined(separator: ", "))
                if !existing.isEmpty {
                    let rows = existing.map { "(\($0.joined(separator: ", ")))" }
                    try connection.execute("INSERT INTO t_sum VALUES " + rows.joined(separator: ", "))
                }
                for statement in sql.loads.flatMap(\.statements) {
                    try connection.execute(SQLPrinter(dialect).print(statement))
                }
                let set = try connection.query(
                    "SELECT k, total FROM t_sum", types: [.string(precision: 20), .string(precision: 20)])
                let rows = set.rows.map { row in row.map(ExecutorHarness.render).joined(separator: "|") }
                #expect(rows.sorted() == native)
            }
        }
    }
}
