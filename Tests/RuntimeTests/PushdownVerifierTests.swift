import Foundation
import IR
import Testing

@testable import Runtime

/// `PushdownVerifier`: synthetic data through the native runtime and the SQL, targets compared.
@Suite struct PushdownVerifierTests {
    /// Source `F_IN (ID integer, NAME string, V integer)` → FIL (`condition`) → EXP (`NAME_OUT =
    /// expression`) → target `T_OUT (ID, NAME_OUT, V)`.
    static func export(condition: String, expression: String) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("F_IN", ["ID:i", "NAME:s20", "V:i"])
        export.transformation(
            "FIL", type: "Filter",
            ports: [ExportBuilder.port("ID:i"), ExportBuilder.port("NAME:s20"), ExportBuilder.port("V:i")],
            attributes: [("Filter Condition", condition)])
        export.transformation(
            "EXP", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("NAME:s20", "INPUT"), ExportBuilder.port("V:i"),
                ExportBuilder.port("NAME_OUT:s30", "OUTPUT", expression: expression),
            ])
        export.target("T_OUT", ["ID:i", "NAME_OUT:s30", "V:i"])
        export.connect("SQ_F_IN", "FIL", ["ID", "NAME", "V"])
        export.connect("FIL", "EXP", ["ID", "NAME", "V"])
        export.connect("EXP", "T_OUT", ["ID", "NAME_OUT", "V"])
        return export
    }

    @Test("a filter and an expression agree natively and on SQLite, on data with NULLs and boundaries")
    func agreesOnSQLite() throws {
        let harness = try ExecutorHarness()
        let pipeline = try harness.pipeline(Self.export(condition: "V > 0 OR ISNULL(V)", expression: "NAME || '!'"))
        let report = PushdownVerifier(engines: [.native, .sqlite], rowsPerSource: 40, seed: 3).verify(pipeline)
        #expect(report.verdict == .agree, "\(report.text)")
        let target = try #require(report.targets.first)
        #expect(target.rows["native"] == target.rows["sqlite"])
        #expect((target.rows["native"] ?? 0) > 0, "the filter keeps some of 40 rows")
        #expect((target.rows["native"] ?? 40) < 40, "and drops some (the data has 0, -1 and the smallest integer)")
        #expect(report.text.contains("m_test: AGREE"))
    }

    @Test("variable ports read only within their row are pushed down and agree")
    func rowLocalVariablesAgree() throws {
        var export = ExportBuilder()
        export.source("F_IN", ["ID:i", "NAME:s20", "V:i"])
        export.transformation(
            "EXP", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("NAME:s20", "INPUT"), ExportBuilder.port("V:i"),
                ExportBuilder.port("v_TAG:s25", "LOCAL VARIABLE", expression: "NAME || '!'"),
                ExportBuilder.port("v_BOTH:s60", "LOCAL VARIABLE", expression: "v_TAG || '/' || v_TAG"),
                ExportBuilder.port("NAME_OUT:s30", "OUTPUT", expression: "IIF(V > 0, v_BOTH, v_TAG)"),
            ])
        export.target("T_OUT", ["ID:i", "NAME_OUT:s30", "V:i"])
        export.connect("SQ_F_IN", "EXP", ["ID", "NAME", "V"])
        export.connect("EXP", "T_OUT", ["ID", "NAME_OUT", "V"])
        let harness = try ExecutorHarness()
        let report = PushdownVerifier(engines: [.sqlite], rowsPerSource: 40, seed: 5).verify(
            try harness.pipeline(export))
        #expect(report.verdict == .agree, "\(report.text)")
        #expect(report.targets.first?.rows["sqlite"] == 40)
    }

    @Test("a node the dialect cannot express is named with the reason, and nothing is compared")
    func namesTheNodeNotPushedDown() throws {
        let harness = try ExecutorHarness()
        let pipeline = try harness.pipeline(Self.export(condition: "V > 0", expression: "UPPER(NAME)"))
        let report = PushdownVerifier(engines: [.sqlite], rowsPerSource: 10).verify(pipeline)
        #expect(report.verdict == .notPushedDown)
        let refusal = try #require(report.notPushedDown.first)
        #expect(refusal.node == "EXP" && refusal.engine == "sqlite" && refusal.code == "CG2002")
        #expect(refusal.message.contains("ASCII letters only"))
        #expect(report.targets.isEmpty)
    }

    @Test("a decimal of more than 15 digits is not pushed down without high precision (it is a double there)")
    func wideDecimalsStayInTheRuntime() throws {
        var export = ExportBuilder()
        export.source("W_IN", ["ID:i", "AMOUNT:n28"])
        export.target("T_W", ["ID:i", "AMOUNT:n28"])
        export.connect("SQ_W_IN", "T_W", ["ID", "AMOUNT"])
        let harness = try ExecutorHarness()
        let pipeline = try harness.pipeline(export)
        let report = PushdownVerifier(engines: [.sqlite], rowsPerSource: 10).verify(pipeline)
        #expect(report.verdict == .notPushedDown, "\(report.text)")
        #expect(report.notPushedDown.first?.message.contains("decimal(28,0): without high precision") == true)
        var narrow = ExportBuilder()
        narrow.source("W_IN", ["ID:i", "AMOUNT:n15.2"])
        narrow.target("T_W", ["ID:i", "AMOUNT:n15.2"])
        narrow.connect("SQ_W_IN", "T_W", ["ID", "AMOUNT"])
        let agreed = PushdownVerifier(engines: [.sqlite], rowsPerSource: 30).verify(
            try harness.pipeline(narrow, name: "m_narrow"))
        #expect(agreed.verdict == .agree, "\(agreed.text)")
    }

    @Test("a differing engine makes the verdict 'differ' and shows the rows")
    func differingRowsAreShown() {
        var report = VerificationReport(pipeline: "m", engines: ["native", "sqlite"], rowsPerSource: 1, seed: 1)
        let comparison = TableComparer(columns: [("A", .integer)]).compare(
            source: [[.integer(1)], [.integer(2)]], target: [[.integer(1)], [.integer(3)]])
        report.targets = [
            .init(target: "T", table: "T", rows: ["native": 2, "sqlite": 2], comparisons: ["sqlite": comparison])
        ]
        report.decide()
        #expect(report.verdict == .differ)
        #expect(report.text.contains("missing: (2)") && report.text.contains("extra:   (3)"))
    }
}

extension PostgresTests {
    @Suite("verify on PostgreSQL")
    struct VerifyOnPostgres {
        @Test("the same mapping agrees natively, on SQLite and on PostgreSQL")
        func agreesOnPostgres() throws {
            let harness = try ExecutorHarness()
            let pipeline = try harness.pipeline(
                PushdownVerifierTests.export(condition: "V > 0 OR ISNULL(V)", expression: "NAME || '!'"))
            let file = try PostgresRunFixture.connections(schema: "public")
            let entry = try #require(file.connections["PG"])
            let verifier = PushdownVerifier(
                engines: [.native, .sqlite, .postgres], rowsPerSource: 40, seed: 3,
                postgres: {
                    let (connection, problems) = ConnectorRegistry.standard.open(entry, environment: [:])
                    guard let connection else {
                        return .failure(ConnectorError(code: "RT0457", message: "\(problems)"))
                    }
                    return .success(connection)
                })
            let report = verifier.verify(pipeline)
            #expect(report.verdict == .agree, "\(report.text)")
            #expect(report.engines == ["native", "sqlite", "postgres"])
            let target = try #require(report.targets.first)
            #expect(target.rows["postgres"] == target.rows["native"] && target.rows["native"] != 0)
        }
    }
}
