import Codegen
import Foundation
import IR
import Testing

@testable import Runtime

/// A port of type double receiving whole numbers (integers, decimals of scale 0 and at most 15
/// digits) holds them exactly, as every dialect's CAST to its double does: such paths are pushed
/// down with the cast, and what then reads them as doubles (division) agrees.
@Suite("SQL port conversions to double")
struct SQLPortConversionTests {
    /// Source `W_IN (ID integer, AMOUNT decimal(amount))` read by a Source Qualifier whose AMOUNT
    /// port is a double; `EXP` divides both as doubles (`IDD` is the integer ID in a double port).
    static func export(amount: String) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("W_IN", ["ID:i", "AMOUNT:\(amount)"], qualifier: ["ID:i", "AMOUNT:d15"])
        export.transformation(
            "EXP_D", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("AMOUNT:d15", "INPUT"),
                ExportBuilder.port("IDD:d15", "OUTPUT", expression: "ID"),
                ExportBuilder.port("CENTS:d15", "OUTPUT", expression: "AMOUNT / 100"),
            ])
        export.transformation(
            "EXP_Q", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("IDD:d15", "INPUT"),
                ExportBuilder.port("CENTS:d15"),
                ExportBuilder.port("EIGHTHS:d15", "OUTPUT", expression: "IDD / 8"),
            ])
        export.target("T_D", ["ID:i", "CENTS:d", "EIGHTHS:d"])
        export.connect("SQ_W_IN", "EXP_D", ["ID", "AMOUNT"])
        export.connect("EXP_D", "EXP_Q", ["ID", "IDD", "CENTS"])
        export.connect("EXP_Q", "T_D", ["ID", "CENTS", "EIGHTHS"])
        return export
    }

    @Test("decimal(15,0) and integer into double ports: cast, pushed down, and agreeing on SQLite")
    func wholeNumbersAgree() throws {
        let pipeline = try ExecutorHarness().pipeline(Self.export(amount: "n15"))
        let sql = SQLPipelineLowering(SQLiteDialect()).lower(pipeline)
        #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
        let script = SQLPipelineScript.text(sql, dialect: SQLiteDialect())
        #expect(script.contains("CAST(AMOUNT AS REAL)"), "\(script)")
        #expect(script.contains("CAST(ID AS REAL)"), "\(script)")
        SQLPipelineExecution.expectAgreement(pipeline)
    }

    @Test(
        "a decimal with a scale or past 15 digits into a double port stays in the runtime (CG2008)",
        arguments: ["n15.2", "n16"])
    func roundingConversionsAreRefused(amount: String) throws {
        let pipeline = try ExecutorHarness().pipeline(Self.export(amount: amount))
        let report = SQLPipelineLowering(SQLiteDialect()).lower(pipeline).report
        #expect(report.status == .none)
        #expect(report.diagnostics.map(\.code.description) == ["CG2008"], "\(report.diagnostics)")
        #expect(report.diagnostics.first?.message.contains("double") == true, "\(report.diagnostics)")
    }
}

extension PostgresTests {
    @Suite("SQL port conversions to double on PostgreSQL")
    struct PortConversionOnPostgres {
        @Test("decimal(15,0) and integer into double ports agree natively, on SQLite and on PostgreSQL")
        func wholeNumbersAgree() throws {
            // Without the casts PostgreSQL divides the integer ID by 8 as integers.
            let pipeline = try ExecutorHarness().pipeline(SQLPortConversionTests.export(amount: "n15"))
            let report = try SQLPipelineExecution.verifyOnPostgres(pipeline, seed: 5)
            #expect(report.verdict == .agree, "\(report.text)")
            let target = try #require(report.targets.first)
            #expect(target.rows["postgres"] == target.rows["native"] && target.rows["native"] != 0)
        }
    }
}

/// An integer into a string port is its decimal digits, cut to the port's precision, natively and
/// in SQL (the synthetic rows hold ±2^31 and 0).
@Suite("SQL port conversions of integers to strings")
struct SQLIntegerTextTests {
    static func export() -> ExportBuilder {
        var export = ExportBuilder()
        export.source("N_IN", ["ID:i", "N:i"])
        export.transformation(
            "EXP_T", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("N:i", "INPUT"),
                ExportBuilder.port("SHORT:s5", "OUTPUT", expression: "N"),
                ExportBuilder.port("WHOLE:s11", "OUTPUT", expression: "N"),
                ExportBuilder.port("SIGN:s1", "OUTPUT", expression: "N"),
            ])
        export.target("T_T", ["ID:i", "SHORT:s5", "WHOLE:s11", "SIGN:s1"])
        export.connect("SQ_N_IN", "EXP_T", ["ID", "N"])
        export.connect("EXP_T", "T_T", ["ID", "SHORT", "WHOLE", "SIGN"])
        return export
    }

    @Test("cast to text and cut where the port is narrower; natively and on SQLite alike")
    func agrees() throws {
        let pipeline = try ExecutorHarness().pipeline(Self.export())
        let sql = SQLPipelineLowering(SQLiteDialect()).lower(pipeline)
        #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
        let script = SQLPipelineScript.text(sql, dialect: SQLiteDialect())
        #expect(script.contains("SUBSTR(CAST(N AS TEXT), 1, 5) AS SHORT"), "\(script)")
        #expect(script.contains("CAST(N AS TEXT) AS WHOLE"), "\(script)")
        #expect(script.contains("SUBSTR(CAST(N AS TEXT), 1, 1) AS SIGN"), "\(script)")
        SQLPipelineExecution.expectAgreement(pipeline)
    }

    /// Teradata formats a number cast to text with its column's FORMAT, which the export does not
    /// hold (``TeradataDialect/wholeNumberText(_:)``): the path stays in the runtime there, in
    /// every other dialect it is the CAST, and lowering all ten at once agrees with each alone.
    @Test("Teradata keeps an integer into a string port in the runtime; the other dialects cast")
    func teradataRefuses() throws {
        let pipeline = try ExecutorHarness().pipeline(Self.export())
        let teradata = SQLPipelineLowering(TeradataDialect()).lower(pipeline)
        #expect(teradata.loads.isEmpty)
        let refusal = try #require(teradata.report.notPushedDown.first?.diagnostic)
        #expect(refusal.code == SQLPipelineDiagnostics.portConversion.code, "\(refusal)")
        #expect(refusal.message.contains("converts integer to string(5)"), "\(refusal.message)")
        let together = SQLPipelineLowering(SQLDialects.all[0]).lower(pipeline, inEach: SQLDialects.all)
        for (dialect, sql) in zip(SQLDialects.all, together) {
            let alone = SQLPipelineLowering(dialect).lower(pipeline)
            #expect(SQLPipelineScript.text(sql, dialect: dialect) == SQLPipelineScript.text(alone, dialect: dialect))
            #expect(sql.report.notPushedDown.map(\.diagnostic) == alone.report.notPushedDown.map(\.diagnostic))
            #expect(sql.loads.isEmpty == (dialect.name == "teradata"), "\(dialect.name)")
        }
    }
}

/// A whole decimal of at most 15 digits is exact as an integer and as the integer's text: into an
/// integer port it is cast (so that arithmetic on it is the integer's), into a string port it is
/// written as the integer, natively and in SQL.
@Suite("SQL port conversions of whole decimals")
struct SQLWholeDecimalTests {
    static func export() -> ExportBuilder {
        var export = ExportBuilder()
        export.source("D_IN", ["ID:i", "D:n9", "E:n3", "F:n15"])
        export.transformation(
            "EXP_W", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("D:i", "INPUT"), ExportBuilder.port("E:n3", "INPUT"),
                ExportBuilder.port("F:n15", "INPUT"),
                ExportBuilder.port("TRIPLE:b", "OUTPUT", expression: "D * 3"),
                ExportBuilder.port("E_TEXT:s2", "OUTPUT", expression: "E"),
                ExportBuilder.port("F_TEXT:s16", "OUTPUT", expression: "F"),
            ])
        export.target("T_W", ["ID:i", "TRIPLE:b", "E_TEXT:s2", "F_TEXT:s16"])
        export.connect("SQ_D_IN", "EXP_W", ["ID", "D", "E", "F"])
        export.connect("EXP_W", "T_W", ["ID", "TRIPLE", "E_TEXT", "F_TEXT"])
        return export
    }

    @Test("cast to an integer and to the integer's text; natively and on SQLite alike")
    func agrees() throws {
        let pipeline = try ExecutorHarness().pipeline(Self.export())
        let sql = SQLPipelineLowering(SQLiteDialect()).lower(pipeline)
        #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
        let script = SQLPipelineScript.text(sql, dialect: SQLiteDialect())
        #expect(script.contains("CAST(D AS INTEGER) * 3 AS TRIPLE"), "\(script)")
        #expect(script.contains("SUBSTR(CAST(CAST(E AS INTEGER) AS TEXT), 1, 2) AS E_TEXT"), "\(script)")
        #expect(script.contains("CAST(CAST(F AS INTEGER) AS TEXT) AS F_TEXT"), "\(script)")
        SQLPipelineExecution.expectAgreement(pipeline)
    }
}

extension PostgresTests {
    @Suite("SQL port conversions of whole decimals on PostgreSQL")
    struct WholeDecimalOnPostgres {
        @Test("whole decimals into integer and string ports agree natively, on SQLite and on PostgreSQL")
        func agrees() throws {
            let pipeline = try ExecutorHarness().pipeline(SQLWholeDecimalTests.export())
            let report = try SQLPipelineExecution.verifyOnPostgres(pipeline, seed: 6)
            #expect(report.verdict == .agree, "\(report.text)")
        }
    }

    @Suite("SQL port conversions of integers to strings on PostgreSQL")
    struct IntegerTextOnPostgres {
        @Test("integers into string ports agree natively, on SQLite and on PostgreSQL")
        func agrees() throws {
            let pipeline = try ExecutorHarness().pipeline(SQLIntegerTextTests.export())
            let report = try SQLPipelineExecution.verifyOnPostgres(pipeline, seed: 4)
            #expect(report.verdict == .agree, "\(report.text)")
        }
    }
}

/// An Expression converts each value it receives to its input port's type (the runtime's
/// `InputStep`), so a string(10) into a string(4) input/output port is cut there, while a later
/// node reading the upstream port itself gets the whole string. Other transformations pass values
/// on unconverted, natively and in SQL.
@Suite("SQL conversions at an Expression's input ports")
struct SQLExpressionInputConversionTests {
    /// `W_IN (ID, A string(10))` → `X` (a transformation of `kind` whose A is a string(4)) → `T_W`;
    /// the target's B reads the source qualifier's A itself when X is passive (`alsoUpstream`).
    static func export(_ kind: String = "Expression", attributes: [(String, String)] = [], alsoUpstream: Bool = true)
        -> ExportBuilder
    {
        var export = ExportBuilder()
        export.source("W_IN", ["ID:i", "A:s10"])
        export.transformation(
            "X", type: kind, ports: [ExportBuilder.port("ID:i"), ExportBuilder.port("A:s4")], attributes: attributes)
        export.target("T_W", ["ID:i", "A:s10", "B:s10"])
        export.connect("SQ_W_IN", "X", ["ID", "A"])
        export.connect("X", "T_W", ["ID", "A"])
        if alsoUpstream { export.connect("SQ_W_IN", "T_W", ["A>B"]) }
        return export
    }

    @Test("the Expression cuts the string at its input port; the upstream port read later is whole")
    func expressionCuts() throws {
        let harness = try ExecutorHarness()
        try harness.table("W_IN", ["ID:i", "A:s10"], [["1", "abcdefgh"], ["2", "xy"], ["3", "NULL"]])
        let export = Self.export()
        let result = try harness.run(export)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        #expect(
            try harness.rows("SELECT ID, A, B FROM T_W ORDER BY ID", columns: 3) == [
                "1|abcd|abcdefgh", "2|xy|xy", "3|NULL|NULL",
            ])
        let pipeline = try harness.pipeline(export)
        let script = SQLPipelineScript.text(
            SQLPipelineLowering(SQLiteDialect()).lower(pipeline), dialect: SQLiteDialect())
        #expect(script.contains("SUBSTR(A, 1, 4) AS A"), "\(script)")
        SQLPipelineExecution.expectAgreement(pipeline, rows: 30)
    }

    @Test("a Filter and a Sorter pass the string on whole, natively and in SQL", arguments: ["Filter", "Sorter"])
    func othersPassOn(kind: String) throws {
        let attributes: [(String, String)] = kind == "Filter" ? [("Filter Condition", "TRUE")] : []
        let pipeline = try ExecutorHarness().pipeline(Self.export(kind, attributes: attributes, alsoUpstream: false))
        let report = PushdownVerifier(engines: [.native, .sqlite], rowsPerSource: 30, seed: 1).verify(pipeline)
        #expect(report.verdict == .agree, "\(report.text)")
    }
}

/// A Union passes every value on as it is (the runtime's `UnionRunner`), so a port narrower than
/// the strings it receives keeps them whole natively: SQL, which would cut them, refuses it.
@Suite("SQL conversions at a Union's ports")
struct SQLUnionConversionTests {
    static func export(name: String) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("UA", ["ID:i", "NAME:s10"])
        export.source("UB", ["ID:i", "NAME:s10"])
        export.union("UN", id: "i", name: name)
        export.target("T_U", ["ID:i", "NAME:s10"])
        export.connect("SQ_UA", "UN", ["ID>ID1", "NAME>NAME1"])
        export.connect("SQ_UB", "UN", ["ID>ID2", "NAME>NAME2"])
        export.connect("UN", "T_U", ["ID", "NAME"])
        return export
    }

    @Test("string(10) into a union's string(4) ports: whole natively, refused in SQL (CG2008)")
    func narrowerPortsAreRefused() throws {
        let harness = try ExecutorHarness()
        try harness.table("UA", ["ID:i", "NAME:s10"], [["1", "abcdefgh"]])
        try harness.table("UB", ["ID:i", "NAME:s10"], [["2", "xy"]])
        let export = Self.export(name: "s4")
        let result = try harness.run(export)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        #expect(try harness.rows("SELECT ID, NAME FROM T_U ORDER BY ID", columns: 2) == ["1|abcdefgh", "2|xy"])
        let pipeline = try harness.pipeline(export)
        let report = PushdownVerifier(engines: [.native, .sqlite], rowsPerSource: 20, seed: 1).verify(pipeline)
        #expect(report.verdict == .notPushedDown, "\(report.text)")
        #expect(report.text.contains("passes string(10) values on to string(4) port 'NAME1' unconverted"))
    }

    @Test("ports of the values' own types are pushed down and agree")
    func matchingPortsAgree() throws {
        let pipeline = try ExecutorHarness().pipeline(Self.export(name: "s10"))
        SQLPipelineExecution.expectAgreement(pipeline, seeds: [1, 2], rows: 20)
    }
}
