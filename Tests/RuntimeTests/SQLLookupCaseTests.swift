import Codegen
import Foundation
import IR
import Testing

@testable import Runtime

/// A connected lookup that ignores case picks First/Last in an upper-cased string order, which
/// SQL's code-point order does not give: natively 'a' comes before 'B', by code point 'B' first.
@Suite("SQL lookups that ignore case")
struct SQLLookupCaseTests {
    @Test("a case-insensitive First Value lookup picks 'a' over 'B' natively; the SQL lowering refuses it")
    func caseInsensitiveOrderIsRefused() throws {
        let harness = try ExecutorHarness()
        try harness.table("L_IN", ["ID:n10", "K:n4"], [["1", "1"]])
        try harness.table("LKT", ["K:n4", "V:s20"], [["1", "B"], ["1", "a"]])
        let export = ExecutorRowLocalTests.lookup(policy: "Use First Value", caseSensitive: false)
        let result = try harness.run(export)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        #expect(try harness.rows("SELECT ID, V FROM T_LKP", columns: 2) == ["1|a"])
        let report = SQLPipelineLowering(SQLiteDialect()).lower(try harness.pipeline(export)).report
        #expect(report.diagnostics.map(\.code.rawValue) == ["CG2012"])
        #expect(report.diagnostics.first?.message.contains("ignoring case") == true, "\(report.diagnostics)")
    }
}

/// A lookup whose table's definition declares the compared columns its primary key matches at most
/// one row: the SQL needs no order among rows and is pushed down even when it ignores case, and it
/// fails the statement on an input row that matches a repeated key, where the runtime picks a row.
@Suite("SQL lookups on a declared primary key")
struct SQLLookupDeclaredKeyTests {
    /// ``ExecutorRowLocalTests/lookup(policy:cached:caseSensitive:)`` ignoring case, with a source
    /// definition of its table `LKT` whose primary key is `key`.
    static func export(key: [String] = ["K*:n4", "V:s20"]) -> ExportBuilder {
        var export = ExecutorRowLocalTests.lookup(policy: "Use First Value", caseSensitive: false)
        export.definitions.append(
            "<SOURCE DATABASETYPE =\"Oracle\" DBDNAME =\"db\" NAME =\"LKT\" OWNERNAME =\"\">\n"
                + ExportBuilder.fields("SOURCEFIELD", key, fileFormat: false) + "\n</SOURCE>")
        return export
    }

    @Test("the lookup port of the key gets its kind; the lookup is pushed down and agrees on SQLite")
    func pushedDownAndAgreeing() throws {
        let harness = try ExecutorHarness()
        let pipeline = try harness.pipeline(Self.export())
        let lookup = try #require(pipeline.node(id: "LKP"))
        #expect(lookup.port(named: "K")?.key == .primary)
        #expect(lookup.port(named: "V")?.key == nil)
        let sql = SQLPipelineLowering(SQLiteDialect()).lower(pipeline)
        #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
        let script = SQLPipelineScript.text(sql, dialect: SQLiteDialect())
        #expect(script.contains("COUNT(*) OVER (PARTITION BY K) AS LKP_KEY_ROWS"), "\(script)")
        #expect(!script.contains("ROW_NUMBER"), "\(script)")
        SQLPipelineExecution.expectAgreement(pipeline)
    }

    @Test("a key repeated in the table fails the statement only where an input row matches it")
    func repeatedKeyFails() throws {
        let harness = try ExecutorHarness()
        try harness.table("L_IN", ["ID:n10", "K:n4"], [["1", "1"], ["2", "2"]])
        try harness.table("LKT", ["K:n4", "V:s20"], [["1", "B"], ["1", "a"], ["2", "c"], ["7", "x"], ["7", "y"]])
        let export = Self.export()
        let result = try harness.run(export)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        #expect(try harness.rows("SELECT ID, V FROM T_LKP ORDER BY ID", columns: 2) == ["1|a", "2|c"])
        let sql = SQLPipelineLowering(SQLiteDialect()).lower(try harness.pipeline(export))
        let connection = try SQLiteConnection(path: harness.databasePath)
        try connection.execute("DELETE FROM T_LKP")
        #expect(throws: (any Error).self) {
            for statement in SQLPipelineExecution.statements(sql, SQLiteDialect()) { try connection.execute(statement) }
        }
        // Key 7 is repeated too, but no input row reads it.
        try connection.execute("DELETE FROM LKT WHERE K = 1")
        try connection.execute("DELETE FROM T_LKP")
        for statement in SQLPipelineExecution.statements(sql, SQLiteDialect()) { try connection.execute(statement) }
        #expect(try harness.rows("SELECT ID, V FROM T_LKP ORDER BY ID", columns: 2) == ["1|NULL", "2|c"])
    }

    @Test("a key the condition does not compare in full leaves the lookup in the runtime (CG2012)")
    func partlyComparedKeyIsRefused() throws {
        let pipeline = try ExecutorHarness().pipeline(Self.export(key: ["K*:n4", "V*:s20"]))
        #expect(pipeline.node(id: "LKP")?.port(named: "V")?.key == .primary)
        let report = SQLPipelineLowering(SQLiteDialect()).lower(pipeline).report
        #expect(report.diagnostics.map(\.code.rawValue) == ["CG2012"], "\(report.diagnostics)")
        #expect(report.diagnostics.first?.message.contains("ignoring case") == true, "\(report.diagnostics)")
    }

    @Test("a :LKP call of such a lookup is pushed down too, agreeing on SQLite, and fails on a repeated key")
    func lookupCall() throws {
        var export = SQLLookupCallTests.export(
            attributes: SQLPipelineCases.lookupCallAttributes("Use First Value", true) + [
                ("Case Sensitive String Comparison", "NO")
            ])
        export.definitions.append(
            "<TARGET DATABASETYPE =\"Oracle\" NAME =\"LKC\">\n"
                + ExportBuilder.fields("TARGETFIELD", ["K*:i", "V:s10", "W:i"], fileFormat: false) + "\n</TARGET>")
        let harness = try ExecutorHarness()
        let pipeline = try harness.pipeline(export)
        let sql = SQLPipelineLowering(SQLiteDialect()).lower(pipeline)
        #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
        #expect(SQLPipelineScript.text(sql, dialect: SQLiteDialect()).contains("AS LKP_KEY_ROWS"))
        SQLPipelineExecution.expectAgreement(pipeline)
        try harness.table("U_IN", ["ID:i", "K:i"], [["1", "1"], ["2", "2"]])
        try harness.table("LKC", ["K:i", "V:s10", "W:i"], [["1", "b", "2"], ["1", "a", "5"], ["2", "c", "7"]])
        try harness.table("T_U", ["ID:i", "OUT:i"], [])
        let connection = try SQLiteConnection(path: harness.databasePath)
        #expect(throws: (any Error).self) {
            for statement in SQLPipelineExecution.statements(sql, SQLiteDialect()) { try connection.execute(statement) }
        }
        try connection.execute("DELETE FROM LKC WHERE W = 2")
        for statement in SQLPipelineExecution.statements(sql, SQLiteDialect()) { try connection.execute(statement) }
        #expect(try harness.rows("SELECT ID, OUT FROM T_U ORDER BY ID", columns: 2) == ["1|5", "2|7"])
    }

    @Test("Oracle, which has no way to fail a statement in a query, keeps the lookup in the runtime")
    func noFailureRefused() throws {
        let pipeline = try ExecutorHarness().pipeline(Self.export())
        let report = SQLPipelineLowering(OracleDialect()).lower(pipeline).report
        #expect(report.diagnostics.map(\.code.rawValue) == ["CG2012"], "\(report.diagnostics)")
    }
}

extension PostgresTests {
    @Suite("SQL lookups on a declared primary key on PostgreSQL")
    struct LookupDeclaredKeyOnPostgres {
        @Test("a case-insensitive lookup on a declared key agrees natively, on SQLite and on PostgreSQL")
        func agrees() throws {
            let pipeline = try ExecutorHarness().pipeline(SQLLookupDeclaredKeyTests.export())
            let report = try SQLPipelineExecution.verifyOnPostgres(pipeline, seed: 2)
            #expect(report.verdict == .agree, "\(report.text)")
        }

        @Test("a repeated key that an input row matches fails the statement on PostgreSQL, naming the lookup")
        func repeatedKeyFails() throws {
            try PostgresTests.withSchema { connection in
                let pipeline = try ExecutorHarness().pipeline(SQLLookupDeclaredKeyTests.export())
                let dialect = PostgreSQLDialect()
                try connection.execute("CREATE TABLE L_IN (ID NUMERIC(10), K NUMERIC(4))")
                try connection.execute("CREATE TABLE LKT (K NUMERIC(4), V VARCHAR(20))")
                try connection.execute("INSERT INTO L_IN VALUES (1, 1), (2, 2)")
                try connection.execute("INSERT INTO LKT VALUES (1, 'B'), (2, 'c'), (7, 'x'), (7, 'y')")
                for statement in SQLPipelineExecution.targetTables(of: pipeline, SQLPrinter(dialect)) {
                    try connection.execute(statement)
                }
                let statements = SQLPipelineExecution.statements(SQLPipelineLowering(dialect).lower(pipeline), dialect)
                // Key 7 repeats, but no input row reads it.
                for statement in statements { try connection.execute(statement) }
                try connection.execute("INSERT INTO LKT VALUES (1, 'a')")
                let failure = SQLPipelineExecution.firstFailure(of: statements, on: connection)
                #expect(
                    failure?.contains("lookup 'LKP' matches rows of one declared primary key: 2") == true,
                    "\(failure ?? "no failure")")
            }
        }
    }
}
