import Codegen
import Foundation
import IR
import Runtime
import Testing

/// Runs one case of ``SQLPipelineCases`` natively (the runtime's executor on SQLite, the
/// reference) and as the pushed-down SQL of one dialect, and keeps each target table's rows after
/// each run, sorted (multisets), rendered as `a|b|NULL`.
struct SQLPipelineExecution {
    /// Rows per target table, sorted.
    typealias Tables = [String: [String]]

    let native: Tables
    let pushedDown: Tables
    let report: SQLPushdownReport
    let script: String

    /// Both runs on one SQLite database: natively, then (targets emptied) the SQLite SQL of the
    /// pipeline as imported or, with `optimized`, after the optimizer's passes.
    init(sqlite c: SQLPipelineCases.Case, optimized: Bool = false) throws {
        let harness = try ExecutorHarness()
        let pipeline = try Self.runNatively(c, harness)
        native = try Self.read(c.columns) { sql, count in try harness.rows(sql, columns: count) }
        let dialect = SQLiteDialect()
        let lowered = optimized ? PassManager().run(pipeline).pipeline : pipeline
        let sql = SQLPipelineLowering(dialect).lower(lowered)
        (report, script) = (sql.report, SQLPipelineScript.text(sql, dialect: dialect))
        let connection = try SQLiteConnection(path: harness.databasePath)
        for table in c.columns.keys.sorted() { try connection.execute("DELETE FROM \(SQLiteConnection.quote(table))") }
        for statement in Self.statements(sql, dialect) { try connection.execute(statement) }
        pushedDown = try Self.read(c.columns) { sql, count in try harness.rows(sql, columns: count) }
    }

    /// The native run on SQLite, then the PostgreSQL SQL on `connection` (a fresh schema) after
    /// loading the same source rows and creating the targets; `collation`, when given, is the
    /// collation of the source tables' string columns.
    init(postgres c: SQLPipelineCases.Case, _ connection: PostgresConnection, collation: String? = nil) throws {
        let harness = try ExecutorHarness()
        let pipeline = try Self.runNatively(c, harness)
        native = try Self.read(c.columns) { sql, count in try harness.rows(sql, columns: count) }
        let dialect = PostgreSQLDialect()
        let printer = SQLPrinter(dialect)
        for table in c.tables {
            let (columns, definitions) = Self.definitions(of: table)
            try connection.execute(printer.print(.createTable(SQLTableName(table.name), definitions)))
            for definition in definitions where collation != nil {
                guard case .varchar = definition.type, let collation else { continue }
                try connection.execute(
                    "ALTER TABLE \(table.name) ALTER COLUMN \(definition.name) TYPE "
                        + "\(dialect.typeName(definition.type)) COLLATE \"\(collation)\"")
            }
            let rows = table.rows.map { row in zip(columns, row).map { $0.value($1) } }
            try connection.copyIn(
                rows: rows, into: table.name.lowercased(), columns: columns.map { $0.name.lowercased() })
        }
        for statement in Self.targetTables(of: pipeline, printer) { try connection.execute(statement) }
        let sql = SQLPipelineLowering(dialect).lower(pipeline)
        (report, script) = (sql.report, SQLPipelineScript.text(sql, dialect: dialect))
        for statement in Self.statements(sql, dialect) { try connection.execute(statement) }
        pushedDown = try Self.read(c.columns) { sql, count in
            let set = try connection.query(sql, types: Array(repeating: .string(precision: 4000), count: count))
            return set.rows.map { row in row.map(ExecutorHarness.render).joined(separator: "|") }
        }
    }

    /// The columns of a case's source table and their SQL definitions: integer, decimal(p, s) or
    /// varchar(p).
    static func definitions(of table: SQLPipelineCases.Table) -> (
        columns: [ExecutorColumn], definitions: [SQLColumnDefinition]
    ) {
        let columns = table.columns.map(ExecutorColumn.init)
        let definitions = columns.map { column in
            let type: SQLType =
                switch column.kind {
                case "i": .integer
                case "n": .decimal(precision: column.precision, scale: column.scale)
                default: .varchar(column.precision)
                }
            return SQLColumnDefinition(column.name, type)
        }
        return (columns, definitions)
    }

    /// `CREATE TABLE` of every target of `pipeline`, its columns the target's input ports.
    static func targetTables(of pipeline: Pipeline, _ printer: SQLPrinter) -> [String] {
        pipeline.nodes.compactMap { node in
            guard case .target(let spec) = node.op else { return nil }
            let definitions = node.inputPorts.map { SQLColumnDefinition($0.name, SQLType($0.type)) }
            return printer.print(.createTable(SQLTableName(spec.table), definitions))
        }
    }

    /// Loads the case's source tables into the harness's database and runs the mapping natively.
    static func runNatively(_ c: SQLPipelineCases.Case, _ harness: ExecutorHarness) throws -> Pipeline {
        for table in c.tables { try harness.table(table.name, table.columns, table.rows) }
        let pipeline = try harness.pipeline(c.export)
        let result = harness.execute(pipeline)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        return pipeline
    }

    /// The printed statements of every target load, in order.
    static func statements(_ sql: SQLPipelineSQL, _ dialect: any SQLDialect) -> [String] {
        sql.loads.flatMap { $0.statements.map(SQLPrinter(dialect).print) }
    }

    /// Expects `pipeline` to give the same rows natively and on SQLite for each of `seeds`
    /// (`rows` synthetic rows per source).
    static func expectAgreement(
        _ pipeline: Pipeline, seeds: [UInt64] = [1, 2, 3], rows: Int = 40,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        for seed in seeds {
            let report = PushdownVerifier(engines: [.native, .sqlite], rowsPerSource: rows, seed: seed).verify(pipeline)
            #expect(report.verdict == .agree, "\(report.text)", sourceLocation: sourceLocation)
        }
    }

    /// `pipeline` verified natively, on SQLite and on the test server's PostgreSQL, with 40
    /// synthetic rows per source from `seed`; expects every engine to have run.
    static func verifyOnPostgres(
        _ pipeline: Pipeline, seed: UInt64, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> VerificationReport {
        let report = PushdownVerifier(
            engines: [.native, .sqlite, .postgres], rowsPerSource: 40, seed: seed,
            postgres: try PostgresTests.FlatFileOrderOnPostgres.opener()
        ).verify(pipeline)
        #expect(report.engines == ["native", "sqlite", "postgres"], sourceLocation: sourceLocation)
        return report
    }

    /// Runs `statements` on `connection` in order up to the first that fails; its error message,
    /// or nil when every one ran.
    static func firstFailure(of statements: [String], on connection: PostgresConnection) -> String? {
        for statement in statements {
            do throws(PostgresError) {
                try connection.execute(statement)
            } catch {
                return error.message
            }
        }
        return nil
    }

    /// The rows of each target, through `query` (SQL text, column count → rendered rows).
    static func read(_ targets: [String: [String]], query: (String, Int) throws -> [String]) throws -> Tables {
        var tables: Tables = [:]
        for (table, columns) in targets {
            tables[table] = try query("SELECT \(columns.joined(separator: ", ")) FROM \(table)", columns.count).sorted()
        }
        return tables
    }
}

extension ExportBuilder {
    /// Source `R_IN (ID, A)` of integers → router `RTR` with groups G1 (`first`), G2 (`second`)
    /// and DEFAULT1 → targets T_G1, T_G2, T_DEF.
    static func integerRouter(first: String, second: String) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("R_IN", ["ID:i", "A:i"])
        let groups = """
            <GROUP NAME ="INPUT" ORDER ="1" TYPE ="INPUT"/>
            <GROUP EXPRESSION ="\(escape(first))" NAME ="G1" ORDER ="2" TYPE ="OUTPUT"/>
            <GROUP EXPRESSION ="\(escape(second))" NAME ="G2" ORDER ="3" TYPE ="OUTPUT"/>
            <GROUP NAME ="DEFAULT1" ORDER ="4" TYPE ="OUTPUT/DEFAULT"/>
            """
        var ports = [
            port("ID:i", "INPUT", extra: "GROUP =\"INPUT\""), port("A:i", "INPUT", extra: "GROUP =\"INPUT\""),
        ]
        for (suffix, group) in [("1", "G1"), ("2", "G2"), ("3", "DEFAULT1")] {
            ports.append(port("ID\(suffix):i", "OUTPUT", extra: "GROUP =\"\(group)\" REF_FIELD =\"ID\""))
            ports.append(port("A\(suffix):i", "OUTPUT", extra: "GROUP =\"\(group)\" REF_FIELD =\"A\""))
        }
        export.transformation("RTR", type: "Router", ports: ports, body: groups)
        export.connect("SQ_R_IN", "RTR", ["ID", "A"])
        for (suffix, target) in [("1", "T_G1"), ("2", "T_G2"), ("3", "T_DEF")] {
            export.target(target, ["ID:i", "A:i"])
            export.connect("RTR", target, ["ID\(suffix)>ID", "A\(suffix)>A"])
        }
        return export
    }

    /// Detail `J_D (ID, K)` joined to master `J_M (K2, V)` on `K2 = K` with `joinType`.
    static func integerJoiner(_ joinType: String) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("J_D", ["ID:i", "K:i"])
        export.source("J_M", ["K2:i", "V:s10"])
        export.transformation(
            "JNR", type: "Joiner",
            ports: [
                port("ID:i"), port("K:i"), port("K2:i", "INPUT/OUTPUT/MASTER"), port("V:s10", "INPUT/OUTPUT/MASTER"),
            ],
            attributes: [
                ("Case Sensitive String Comparison", "YES"), ("Join Condition", "K2 = K"), ("Join Type", joinType),
                ("Sorted Input", "NO"),
            ])
        export.target("T_J", ["ID:i", "K:i", "K2:i", "V:s10"])
        export.connect("SQ_J_D", "JNR", ["ID", "K"])
        export.connect("SQ_J_M", "JNR", ["K2", "V"])
        export.connect("JNR", "T_J", ["ID", "K", "K2", "V"])
        return export
    }
}
