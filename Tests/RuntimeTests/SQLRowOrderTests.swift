import Codegen
import Foundation
import IR
import Runtime
import Testing

/// Transformations that depend on the order rows arrive in (Sequence Generator, an Aggregator's
/// last-row port): where SQL does not know the order they are refused, naming why; a sequence
/// that passes its end value without cycle stops the statement, as it stops the native run.
@Suite("row order in pushed-down SQL")
struct SQLRowOrderTests {
    /// The report of lowering `export` to `dialect`.
    static func report(_ export: ExportBuilder, _ dialect: any SQLDialect = SQLiteDialect()) throws
        -> SQLPushdownReport
    {
        let harness = try ExecutorHarness()
        return SQLPipelineLowering(dialect).lower(try harness.pipeline(export)).report
    }

    /// The statements of the sequence case with End Value `end` run on SQLite after the native run;
    /// whether the native run succeeded and the error of the first failing statement.
    static func runOnSQLite(end: Int) throws -> (native: Bool, failure: String?, rows: [String]) {
        let harness = try ExecutorHarness()
        try harness.table("SO_IN", ["ID*:i", "DEPT:i"], SQLPipelineCases.orderedRows)
        let pipeline = try harness.pipeline(
            SQLPipelineCases.sequenceExport(current: 1, increment: 1, end: end, cycle: false))
        let native = harness.execute(pipeline).succeeded
        let dialect = SQLiteDialect()
        let sql = SQLPipelineLowering(dialect).lower(pipeline)
        #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
        let connection = try SQLiteConnection(path: harness.databasePath)
        // A failed native run may not have created the target.
        try connection.execute("CREATE TABLE IF NOT EXISTS T_SEQ (ID INTEGER, DEPT INTEGER, NV INTEGER, CV INTEGER)")
        try connection.execute("DELETE FROM T_SEQ")
        var failure: String?
        for statement in SQLPipelineExecution.statements(sql, dialect) {
            do {
                try connection.execute(statement)
            } catch {
                failure = "\(error)"
                break
            }
        }
        let rows = try harness.rows("SELECT ID, NV FROM T_SEQ ORDER BY ID", columns: 2)
        return (native, failure, rows)
    }

    @Test("a sequence that passes its end value without cycle stops the native run and the SQLite statement")
    func exhaustedSequenceFails() throws {
        let passed = try Self.runOnSQLite(end: 4)
        #expect(!passed.native)
        #expect(passed.failure?.contains("malformed JSON") == true, "\(passed.failure ?? "no failure")")
        // End Value 5 holds the five rows: no failure, NEXTVAL 1 to 5 by ID.
        let fits = try Self.runOnSQLite(end: 5)
        #expect(fits.native)
        #expect(fits.failure == nil, "\(fits.failure ?? "")")
        #expect(fits.rows == ["1|1", "2|2", "3|3", "4|4", "5|5"])
    }

    @Test("a dialect that cannot stop a query refuses a sequence whose end is in reach, not one that cycles")
    func dialectWithoutFailure() throws {
        let refused = try Self.report(
            SQLPipelineCases.sequenceExport(current: 1, increment: 1, end: 100, cycle: false), TeradataDialect())
        #expect(refused.status == .none)
        #expect(refused.diagnostics.map(\.code) == ["CG2015"])
        #expect(refused.diagnostics.first?.message.contains("which teradata cannot do in a query") == true)
        let cycling = try Self.report(
            SQLPipelineCases.sequenceExport(current: 1, increment: 1, end: 100, cycle: true), TeradataDialect())
        #expect(cycling.status == .full, "\(cycling.diagnostics)")
    }

    @Test("a sequence from a negative Current Value to the largest End Value is lowered without overflow")
    func sequenceAcrossTheWholeRange() throws {
        for cycle in [false, true] {
            let export = SQLPipelineCases.sequenceExport(
                current: -5, increment: 3, end: Int.max - 3, cycle: cycle)
            // End Value - Current Value passes the 64-bit range (this trapped before); the sequence is
            // lowered, and only the integer target column, too narrow for its values, is refused.
            let report = try Self.report(export)
            #expect(report.diagnostics.map(\.code.description) == ["CG2008"], "\(report.diagnostics)")
            #expect(
                report.diagnostics.first?.message.contains("port 'NV' of 'T_SEQ' converts bigint to integer") == true)
        }
    }

    @Test("a sequence from 0 to the largest End Value by 1 is lowered without overflow (one value past 64 bits)")
    func sequenceFromZeroToTheEnd() throws {
        // Found by scripts/verify-mutants.py: the count of values, Int64.max + 1, trapped the lowering.
        let export = SQLPipelineCases.sequenceExport(current: 0, increment: 1, end: Int.max, cycle: false)
        let report = try Self.report(export)
        #expect(report.diagnostics.map(\.code.description) == ["CG2008"], "\(report.diagnostics)")
    }

    @Test("a generated key stored at the largest bigint: one row gets it, a second stops the run; SQL refuses")
    func generatedKeyAtTheEnd() throws {
        var export = SQLPipelineCases.generatedKey.export
        export.transformations = export.transformations.map {
            $0.replacingOccurrences(
                of: "SEQUENCE_GENERATOR_VALUE =\"5\"", with: "SEQUENCE_GENERATOR_VALUE =\"9223372036854775807\"")
        }
        for (rows, succeeds) in [([["1", "10", "11"]], true), ([["1", "10", "11"], ["2", "20", "21"]], false)] {
            let harness = try ExecutorHarness()
            try harness.table("GK_IN", ["ID*:i", "A1:i", "A2:i"], rows)
            let result = harness.execute(try harness.pipeline(export))
            #expect(result.succeeded == succeeds, "\(ExecutorHarness.describe(result))")
            if succeeds {
                #expect(
                    try harness.rows("SELECT GK FROM T_GK", columns: 1) == [
                        "9223372036854775807", "9223372036854775807",
                    ])
            } else {
                #expect(ExecutorHarness.describe(result).contains("the generated key passes the largest bigint"))
            }
        }
        let report = try Self.report(export)
        #expect(report.diagnostics.map(\.code.description) == ["CG2015"])
        #expect(report.diagnostics.first?.message.contains("too near the ends of the bigint range") == true)
    }

    @Test("a decimal counter past its precision goes on natively without high precision, and in SQL alike")
    func decimalCounterPastItsPrecision() throws {
        // v_cnt is decimal(4,0), held as a double without high precision: the runtime writes 10000
        // and 10001 (no check against the precision), so the SQL must not stop there either.
        let export = SQLPipelineCases.variableExport(
            [ExportBuilder.port("v_cnt:n4", "LOCAL VARIABLE", expression: "v_cnt + 1")], output: "v_cnt",
            type: "n4")
        let harness = try ExecutorHarness()
        try harness.table("V_IN", ["ID*:i", "DEPT:i"], (1...10_001).map { ["\($0)", "1"] })
        let pipeline = try harness.pipeline(export)
        #expect(harness.execute(pipeline).succeeded)
        let query = "SELECT COUNT(*), MAX(CAST(O AS INTEGER)) FROM T_V"
        #expect(try harness.rows(query, columns: 2) == ["10001|10001"])
        let dialect = SQLiteDialect()
        let sql = SQLPipelineLowering(dialect).lower(pipeline)
        #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
        let connection = try SQLiteConnection(path: harness.databasePath)
        try connection.execute("DELETE FROM T_V")
        for statement in SQLPipelineExecution.statements(sql, dialect) { try connection.execute(statement) }
        #expect(try harness.rows(query, columns: 2) == ["10001|10001"])
        // With high precision the runtime checks the precision (a row error past 9999): SQL stops there.
        let exact = SQLPipelineLowering(dialect, options: SQLLoweringOptions(highPrecision: true)).lower(pipeline)
        let text = SQLPipelineScript.text(exact, dialect: dialect)
        #expect(
            text.contains("WHERE CASE WHEN EXP_ROW_NUMBER > 9999 OR EXP_ROW_NUMBER < (-9999) THEN json("), "\(text)")
        #expect(!SQLPipelineScript.text(sql, dialect: dialect).contains("9999"))
    }

    @Test("PowerCenter's default End Value (the largest integer) is out of reach; one in reach is refused")
    func defaultEndValue() throws {
        // From 1, the end is never reached: only the integer target column, too narrow for a bigint
        // sequence that long, is refused.
        let far = try Self.report(SQLPipelineCases.sequenceExport(current: 1, increment: 1, end: Int.max, cycle: false))
        #expect(far.diagnostics.map(\.code.description) == ["CG2008"], "\(far.diagnostics)")
        // Ten values before it, CURRVAL would pass the largest integer (into bigint columns, which
        // hold every value).
        let near = try Self.report(
            SQLPipelineCases.sequenceExport(
                current: Int.max - 10, increment: 1, end: Int.max, cycle: false, values: "b"))
        #expect(near.diagnostics.map(\.code.description) == ["CG2015"])
        #expect(near.diagnostics.first?.message.contains("reaches an end value within one increment") == true)
    }

    @Test("a sequence read by two targets is refused: the runtime numbers them in the order it runs them")
    func sequenceReadTwice() throws {
        var export = SQLPipelineCases.sequenceExport(current: 1, increment: 1, end: 100, cycle: true)
        export.target("T_SEQ2", ["ID:i", "NV:i"])
        export.connect("SQ_SO_IN", "T_SEQ2", ["ID"])
        export.connect("SEQ", "T_SEQ2", ["NEXTVAL>NV"])
        let report = try Self.report(export)
        #expect(report.diagnostics.map(\.code) == ["CG2015", "CG2015"])
        #expect(report.diagnostics.first?.message.contains("is read by 2 transformations") == true)
    }

    /// Source `O_IN` with `columns`, sorted by its first `sorted` ports, feeding a sequence.
    static func sequence(over columns: [String], sorted: Int) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("O_IN", columns, sortedPorts: sorted)
        export.transformation(
            "SEQ", type: "Sequence",
            ports: [
                "<TRANSFORMFIELD DATATYPE =\"bigint\" NAME =\"NEXTVAL\" PORTTYPE =\"OUTPUT\" PRECISION =\"19\" SCALE =\"0\"/>"
            ],
            attributes: [("Current Value", "1"), ("Increment By", "1"), ("End Value", "1000"), ("Cycle", "YES")])
        // The target's ID has the source's type, so that its rows' order is the only reason to refuse.
        let id = columns.first { $0.hasPrefix("ID") }.map { $0.replacingOccurrences(of: "*", with: "") } ?? "ID:i"
        export.target("T_O", [id, "NV:i"])
        export.connect("SQ_O_IN", "T_O", ["ID"])
        export.connect("SEQ", "T_O", ["NEXTVAL>NV"])
        return export
    }

    @Test(
        "the order is refused where the source qualifier's sorted ports leave it to the database",
        arguments: [
            (["ID*:i", "V:i"], 0, "reads rows in the database's order (it has no sorted ports)"),
            (["ID*:i", "K*:i"], 1, "do not cover the primary key of 'O_IN'"),
            (["ID:i", "V:i"], 2, "'O_IN' has no primary key"),
            (["V:s10", "ID*:i"], 2, "sorts by 'V', which is not an integer without NULLs"),
            (["ID*:s10", "V:i"], 1, "sorts by 'ID', which is not an integer without NULLs"),
        ])
    func undefinedSourceOrder(_ columns: [String], _ sorted: Int, _ reason: String) throws {
        let report = try Self.report(Self.sequence(over: columns, sorted: sorted))
        #expect(report.diagnostics.map(\.code) == ["CG2015"])
        #expect(report.diagnostics.first?.message.contains(reason) == true, "\(report.diagnostics)")
        #expect(report.nodesNotPushedDown == ["SEQ"])
    }

    @Test("sorted ports after the primary key change nothing: a string port sorted after ID is no reason to refuse")
    func sortedPortsAfterTheKey() throws {
        let report = try Self.report(Self.sequence(over: ["ID*:i", "V:s10"], sorted: 2))
        #expect(report.status == .full, "\(report.diagnostics)")
    }

    @Test("a sorter over rows in no defined order leaves ties undefined; over ordered rows it breaks them")
    func sorterTies() throws {
        var export = SQLPipelineCases.sequenceExport(current: 1, increment: 1, end: 100, cycle: true, sorter: true)
        #expect(try Self.report(export).status == .full)
        export.transformations = export.transformations.map {
            $0.replacingOccurrences(
                of: "\"Number Of Sorted Ports\" VALUE =\"1\"", with: "\"Number Of Sorted Ports\" VALUE =\"0\"")
        }
        let report = try Self.report(export)
        #expect(report.diagnostics.map(\.code) == ["CG2015"])
        #expect(
            report.diagnostics.first?.message.contains("sorter 'SRT' keeps rows that tie on its keys in the order")
                == true,
            "\(report.diagnostics)")
    }
}

extension SQLRowOrderTests {
    @Test(
        "variable ports in shapes SQL does not compute exactly are refused, naming the port and why",
        arguments: [
            (["v:i|v * 2"], "reads its own previous value in a shape SQL does not compute"),
            (["v:i|IIF(v > 3, v + 1, DEPT)"], "reads its own previous value in a shape SQL does not compute"),
            (["a:i|b", "b:i|a + DEPT"], "reads the previous row's 'B', which is not computed within its row"),
            (["v:n8.2|v + 1"], "counts in decimal(8,2), which SQL does not count in exactly"),
            (["a:i|c", "c:i|c + 1"], "reads the previous row's 'C', which is not computed within its row"),
        ])
    func unsupportedVariables(_ variables: [String], _ reason: String) throws {
        let ports = variables.map { text in
            let parts = text.split(separator: "|").map(String.init)
            return ExportBuilder.port(parts[0], "LOCAL VARIABLE", expression: parts[1])
        }
        let first = variables[0].split(separator: ":")[0]
        let report = try Self.report(SQLPipelineCases.variableExport(ports, output: String(first)))
        #expect(report.diagnostics.map(\.code) == ["CG2004"])
        #expect(report.diagnostics.first?.message.contains(reason) == true, "\(report.diagnostics)")
    }

    @Test("a previous value and a counter need a dialect with window functions, and a counter a way to stop")
    func dialects() throws {
        let counter = SQLPipelineCases.counter.export
        #expect(try Self.report(counter, SybaseASEDialect()).diagnostics.map(\.code) == ["CG2004"])
        let teradata = try Self.report(counter, TeradataDialect())
        #expect(teradata.diagnostics.first?.message.contains("teradata cannot stop a query") == true)
        #expect(try Self.report(SQLPipelineCases.previousValue.export, TeradataDialect()).status == .full)
        // Oracle reads '' as NULL, so a string's initial value cannot be written.
        let strings = SQLPipelineCases.variableExport(
            [
                ExportBuilder.port("v_prev:s10", "LOCAL VARIABLE", expression: "v_cur"),
                ExportBuilder.port("v_cur:s10", "LOCAL VARIABLE", expression: "IIF(DEPT > 15, 'big', 'small')"),
            ], output: "LENGTH(v_prev)")
        #expect(try Self.report(strings, OracleDialect()).diagnostics.first?.message.contains("initial value") == true)
        let postgres = try Self.report(strings, PostgreSQLDialect())
        #expect(postgres.status == .full, "\(postgres.diagnostics)")
    }
}

extension PostgresTests {
    @Suite("row order in pushed-down SQL on PostgreSQL")
    struct RowOrderOnPostgres {
        @Test("a sequence that passes its end value without cycle stops the PostgreSQL statement")
        func exhaustedSequenceFails() throws {
            try PostgresTests.withSchema { connection in
                let harness = try ExecutorHarness()
                let pipeline = try harness.pipeline(
                    SQLPipelineCases.sequenceExport(current: 1, increment: 1, end: 4, cycle: false))
                let dialect = PostgreSQLDialect()
                let printer = SQLPrinter(dialect)
                try connection.execute("CREATE TABLE SO_IN (ID INTEGER, DEPT INTEGER)")
                try connection.execute("INSERT INTO SO_IN VALUES (4, 20), (1, 10), (5, NULL), (3, 10), (2, 20)")
                for statement in SQLPipelineExecution.targetTables(of: pipeline, printer) {
                    try connection.execute(statement)
                }
                let sql = SQLPipelineLowering(dialect).lower(pipeline)
                let failure = SQLPipelineExecution.firstFailure(
                    of: SQLPipelineExecution.statements(sql, dialect), on: connection)
                #expect(
                    failure?.contains("sequence 'SEQ' passed its end value 4 without cycle at row 5") == true,
                    "\(failure ?? "no failure")")
            }
        }
    }
}
