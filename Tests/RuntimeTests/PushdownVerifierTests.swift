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

    @Test("a decimal of more than 15 digits: copied straight it agrees; through an Expression (a double) it stays")
    func wideDecimalsStayInTheRuntime() throws {
        // Copied from source to target the runtime keeps every digit, as the SQL does.
        var export = ExportBuilder()
        export.source("W_IN", ["ID:i", "AMOUNT:n28"])
        export.target("T_W", ["ID:i", "AMOUNT:n28"])
        export.connect("SQ_W_IN", "T_W", ["ID", "AMOUNT"])
        let harness = try ExecutorHarness()
        let copied = PushdownVerifier(engines: [.sqlite], rowsPerSource: 10).verify(try harness.pipeline(export))
        #expect(copied.verdict == .agree, "\(copied.text)")
        // An Expression port holds it as the nearest double without high precision: not pushed down.
        var through = ExportBuilder()
        through.source("W_IN", ["ID:i", "AMOUNT:n28"])
        through.transformation(
            "EXP", type: "Expression", ports: [ExportBuilder.port("ID:i"), ExportBuilder.port("AMOUNT:n28")])
        through.target("T_W", ["ID:i", "AMOUNT:n28"])
        through.connect("SQ_W_IN", "EXP", ["ID", "AMOUNT"])
        through.connect("EXP", "T_W", ["ID", "AMOUNT"])
        let report = PushdownVerifier(engines: [.sqlite], rowsPerSource: 10).verify(
            try harness.pipeline(through, name: "m_through"))
        #expect(report.verdict == .notPushedDown, "\(report.text)")
        let refusal = try #require(report.notPushedDown.first)
        #expect(refusal.node == "EXP" && refusal.code == "CG2008")
        #expect(refusal.message.contains("decimal(28,0) without high precision"), "\(refusal.message)")
        var narrow = ExportBuilder()
        narrow.source("W_IN", ["ID:i", "AMOUNT:n15.2"])
        narrow.target("T_W", ["ID:i", "AMOUNT:n15.2"])
        narrow.connect("SQ_W_IN", "T_W", ["ID", "AMOUNT"])
        let agreed = PushdownVerifier(engines: [.sqlite], rowsPerSource: 30).verify(
            try harness.pipeline(narrow, name: "m_narrow"))
        #expect(agreed.verdict == .agree, "\(agreed.text)")
    }

    /// Source S_IN (ID, V) loaded by a Filter (V > 0) into T_S and straight into a second instance
    /// T_S2 of the same target definition T_S (`columns`, a `*` marks the primary key).
    static func twoLoadsOfOneTable(_ columns: [String]) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("S_IN", ["ID:i", "V:i"])
        export.transformation(
            "FIL", type: "Filter", ports: [ExportBuilder.port("ID:i"), ExportBuilder.port("V:i")],
            attributes: [("Filter Condition", "V > 0")])
        export.target("T_S", columns)
        export.instances.append(
            "<INSTANCE NAME =\"T_S2\" TRANSFORMATION_NAME =\"T_S\" TRANSFORMATION_TYPE =\"Target Definition\" "
                + "TYPE =\"TARGET\"/>")
        export.instanceTypes["T_S2"] = "Target Definition"
        export.connect("SQ_S_IN", "FIL", ["ID", "V"])
        export.connect("FIL", "T_S", ["ID", "V"])
        export.connect("SQ_S_IN", "T_S2", ["ID", "V"])
        return export
    }

    @Test("two targets loading one table: their native rows together are compared with the table")
    func twoTargetsOneTable() throws {
        let harness = try ExecutorHarness()
        let report = PushdownVerifier(engines: [.sqlite], rowsPerSource: 20, seed: 3).verify(
            try harness.pipeline(Self.twoLoadsOfOneTable(["ID:i", "V:i"])))
        // Natively each target has its own scratch table; the SQL writes T_S twice.
        #expect(report.verdict == .agree, "\(report.text)")
        #expect(report.targets.count == 2)
        #expect(report.targets.allSatisfy { $0.rows["sqlite"] == $0.rows["native"] }, "\(report.text)")
        #expect(report.targets.allSatisfy { ($0.rows["sqlite"] ?? 0) > 20 }, "\(report.text)")
    }

    @Test("two targets inserting into one keyed table are not pushed down (the runtime rejects per row)")
    func twoTargetsOneKeyedTable() throws {
        let harness = try ExecutorHarness()
        let report = PushdownVerifier(engines: [.sqlite], rowsPerSource: 10).verify(
            try harness.pipeline(Self.twoLoadsOfOneTable(["ID*:i", "V:i"])))
        #expect(report.verdict == .notPushedDown, "\(report.text)")
        #expect(Set(report.notPushedDown.map(\.node)) == ["T_S", "T_S2"])
        #expect(report.notPushedDown.allSatisfy { $0.code == "CG2013" && $0.message.contains("primary key") })
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
        // Another target's failed statement does not hide the rows that differ.
        report.problems = ["sqlite: target 'T2': no such function"]
        report.decide()
        #expect(report.verdict == .differ)
        report.targets = []
        report.decide()
        #expect(report.verdict == .failed)
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
