import Codegen
import Foundation
import IR
import Runtime
import Testing

/// The `lookup-to-join` pass proven by execution: each mapping runs natively with the optimizer on
/// and off (and as SQL on SQLite after the pass), and every run must give the rows worked out by
/// hand; where the pass must not fire, it leaves the pipeline unchanged.
@Suite("lookup-to-join")
struct LookupToJoinExecutionTests {
    /// The rows of `table` (columns `columns`) after a native run of `export` on `tables`, with
    /// the optimizer's passes when `optimized`; and the pipeline that ran.
    static func runNatively(
        _ export: ExportBuilder, _ tables: [SQLPipelineCases.Table], _ table: String, _ columns: [String],
        optimized: Bool
    ) throws -> (rows: [String], pipeline: Pipeline) {
        let harness = try ExecutorHarness()
        for t in tables { try harness.table(t.name, t.columns, t.rows) }
        let imported = try harness.pipeline(export)
        let pipeline = optimized ? PassManager().run(imported).pipeline : imported
        let result = harness.execute(pipeline)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        #expect(result.rejected == 0)
        let rows = try harness.rows("SELECT \(columns.joined(separator: ", ")) FROM \(table)", columns: columns.count)
        return (rows.sorted(), pipeline)
    }

    /// Whether the pass turned every lookup of `pipeline` into a join.
    static func fired(_ pipeline: Pipeline) -> Bool {
        let kinds = pipeline.nodes.map(\.op.kindName)
        return kinds.contains("join") && !kinds.contains("lookup")
    }

    @Test(
        "the pass fires and the join gives the lookup's rows natively",
        arguments: [LookupToJoinCases.uncached, LookupToJoinCases.cachedKeyNeverNull])
    func nativeOnAndOff(_ c: SQLPipelineCases.Case) throws {
        let off = try Self.runNatively(c.export, c.tables, "T_L", ["ID", "V", "W"], optimized: false)
        let on = try Self.runNatively(c.export, c.tables, "T_L", ["ID", "V", "W"], optimized: true)
        #expect(!Self.fired(off.pipeline))
        #expect(Self.fired(on.pipeline), "\(TextDump.dump(on.pipeline))")
        #expect(off.rows == c.expected["T_L"])
        #expect(on.rows == c.expected["T_L"])
    }

    @Test("a cached lookup whose NULL key matches keeps its NULL match: the pass does not fire")
    func cachedNullableKeepsTheNullMatch() throws {
        let c = LookupToJoinCases.cachedNullable
        let off = try Self.runNatively(c.export, c.tables, "T_L", ["ID", "V", "W"], optimized: false)
        let on = try Self.runNatively(c.export, c.tables, "T_L", ["ID", "V", "W"], optimized: true)
        #expect(!Self.fired(on.pipeline))
        #expect(off.rows == c.expected["T_L"])
        #expect(on.rows == c.expected["T_L"])
    }

    @Test("a case-insensitive lookup becomes a case-insensitive join with the same rows")
    func caseInsensitiveStrings() throws {
        let c = LookupToJoinCases.caseInsensitive
        let off = try Self.runNatively(c.export, c.tables, "T_S", ["ID", "V"], optimized: false)
        let on = try Self.runNatively(c.export, c.tables, "T_S", ["ID", "V"], optimized: true)
        #expect(Self.fired(on.pipeline))
        let join = on.pipeline.nodes.first { $0.op.kindName == "join" }
        if case .join(let spec) = join?.op { #expect(!spec.caseSensitive) }
        #expect(off.rows == c.rows)
        #expect(on.rows == c.rows)
    }

    @Test(
        "after the pass the uncached lookup is pushed down as SQL on SQLite with the native rows",
        arguments: [LookupToJoinCases.uncached, LookupToJoinCases.cachedKeyNeverNull])
    func sqliteAfterThePass(_ c: SQLPipelineCases.Case) throws {
        let run = try SQLPipelineExecution(sqlite: c, optimized: true)
        #expect(run.report.status == .full, "\(run.report.diagnostics)")
        #expect(run.native == c.expected)
        #expect(run.pushedDown == c.expected, "\(run.script)")
        #expect(run.script.contains("LEFT"), "\(run.script)")
    }

    @Test("without the pass an uncached lookup stays in the runtime")
    func uncachedNotPushedDownWithoutThePass() throws {
        let harness = try ExecutorHarness()
        let pipeline = try harness.pipeline(LookupToJoinCases.uncached.export)
        let disabled = PassManager(disabled: ["lookup-to-join"]).run(pipeline).pipeline
        #expect(!Self.fired(disabled))
        #expect(SQLPipelineLowering(SQLiteDialect()).lower(disabled).report.status != .full)
    }

    @Test("the pass leaves alone a lookup that is not exactly a join", arguments: LookupToJoinCases.refused)
    func refusals(_ refused: LookupToJoinCases.Refusal) throws {
        let harness = try ExecutorHarness()
        let pipeline = try harness.pipeline(refused.export)
        var notes: [Diagnostic] = []
        #expect(LookupToJoin().run(pipeline, notes: &notes) == pipeline, "\(refused.why)")
        #expect(notes.isEmpty, "\(refused.why)")
    }
}

extension PostgresTests {
    @Suite("lookup-to-join on PostgreSQL")
    struct LookupToJoinOnPostgres {
        @Test(
            "after the pass the PostgreSQL SQL writes the hand-worked rows",
            arguments: [LookupToJoinCases.uncached, LookupToJoinCases.cachedKeyNeverNull])
        func postgresAfterThePass(_ c: SQLPipelineCases.Case) throws {
            try PostgresTests.withSchema { connection in
                let harness = try ExecutorHarness()
                let pipeline = PassManager().run(try SQLPipelineExecution.runNatively(c, harness)).pipeline
                let dialect = PostgreSQLDialect()
                let printer = SQLPrinter(dialect)
                for table in c.tables {
                    let columns = table.columns.map(ExecutorColumn.init)
                    let definitions = columns.map { column in
                        SQLColumnDefinition(column.name, column.kind == "i" ? .integer : .varchar(column.precision))
                    }
                    try connection.execute(printer.print(.createTable(SQLTableName(table.name), definitions)))
                    let rows = table.rows.map { row in zip(columns, row).map { $0.value($1) } }
                    try connection.copyIn(
                        rows: rows, into: table.name.lowercased(), columns: columns.map { $0.name.lowercased() })
                }
                let target = [SQLColumnDefinition("ID", .integer), .init("V", .varchar(10)), .init("W", .integer)]
                try connection.execute(printer.print(.createTable(SQLTableName("T_L"), target)))
                let sql = SQLPipelineLowering(dialect).lower(pipeline)
                #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
                for statement in SQLPipelineExecution.statements(sql, dialect) { try connection.execute(statement) }
                let set = try connection.query(
                    "SELECT ID, V, W FROM T_L", types: Array(repeating: .string(precision: 4000), count: 3))
                let rows = set.rows.map { row in row.map(ExecutorHarness.render).joined(separator: "|") }
                #expect(rows.sorted() == c.expected["T_L"])
            }
        }
    }
}
