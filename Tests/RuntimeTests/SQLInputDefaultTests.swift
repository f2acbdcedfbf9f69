import Codegen
import Foundation
import IR
import Runtime
import Testing

/// Input-port defaults that SQL does not reproduce exactly stay in the runtime, naming the port.
@Suite("input-port defaults in pushed-down SQL")
struct SQLInputDefaultTests {
    static func report(_ export: ExportBuilder, stopOnErrors: Int = 0, _ dialect: any SQLDialect = SQLiteDialect())
        throws -> SQLPushdownReport
    {
        let harness = try ExecutorHarness()
        var lowering = SQLPipelineLowering(dialect)
        lowering.stopOnErrors = stopOnErrors
        return lowering.lower(try harness.pipeline(export)).report
    }

    @Test("ERROR(…) rejects rows the session counts toward 'Stop on errors': refused when that is set")
    func stopOnErrors() throws {
        let export = SQLPipelineCases.defaultsExport(defaultV: "ERROR('no V')")
        #expect(try Self.report(export).status == .full)
        let report = try Self.report(export, stopOnErrors: 1)
        #expect(report.diagnostics.map(\.code) == ["CG2011"])
        #expect(report.diagnostics.first?.message.contains("the session stops after 1 errors") == true)
    }

    @Test(
        "a constant SQL does not hold exactly as the port's type is refused",
        arguments: [
            ("V:n8.2", "0", "decimal(8,2)"), ("V:s3", "'toolong'", "string(3)"), ("V:i", "3000000000", "integer"),
            ("V:i", "1 + 1", "integer"),
        ])
    func inexactConstants(_ spec: String, _ value: String, _ type: String) throws {
        var export = ExportBuilder()
        export.source("D_IN", ["ID:i", spec])
        let name = String(spec.split(separator: ":")[0])
        export.transformation(
            "EXP", type: "Expression",
            ports: [ExportBuilder.port("ID:i"), ExportBuilder.port(spec, defaultValue: value)])
        export.target("T_D", ["ID:i", spec])
        export.connect("SQ_D_IN", "EXP", ["ID", name])
        export.connect("EXP", "T_D", ["ID", name])
        let report = try Self.report(export)
        #expect(report.diagnostics.map(\.code) == ["CG2011"])
        #expect(
            report.diagnostics.first?.message.contains("a constant SQL does not hold exactly as \(type)") == true,
            "\(report.diagnostics)")
    }

    @Test("an empty-string default is refused where the dialect reads '' as NULL (Oracle)")
    func emptyStringDefault() throws {
        var export = ExportBuilder()
        export.source("D_IN", ["ID:i", "S:s10"])
        export.transformation(
            "EXP", type: "Expression",
            ports: [ExportBuilder.port("ID:i"), ExportBuilder.port("S:s10", defaultValue: "''")])
        export.target("T_D", ["ID:i", "S:s10"])
        export.connect("SQ_D_IN", "EXP", ["ID", "S"])
        export.connect("EXP", "T_D", ["ID", "S"])
        #expect(try Self.report(export, PostgreSQLDialect()).status == .full)
        let oracle = try Self.report(export, OracleDialect())
        #expect(oracle.diagnostics.map(\.code.description) == ["CG2011"], "\(oracle.diagnostics)")
    }

    @Test("a distinct source qualifier that cuts a string after the database removed duplicates is refused")
    func distinctThenCut() throws {
        var export = ExportBuilder()
        export.source("D_IN", ["ID:i", "NAME:s20"])
        export.target("T_D", ["ID:i", "NAME:s20"])
        export.connect("SQ_D_IN", "T_D", ["ID", "NAME"])
        let distinct = { (precision: String) -> ExportBuilder in
            var copy = export
            copy.transformations = copy.transformations.map {
                $0.replacingOccurrences(
                    of: "<TABLEATTRIBUTE NAME =\"Number Of Sorted Ports\"",
                    with: "<TABLEATTRIBUTE NAME =\"Select Distinct\" VALUE =\"YES\"/>\n"
                        + "<TABLEATTRIBUTE NAME =\"Number Of Sorted Ports\""
                ).replacingOccurrences(
                    of: "NAME =\"NAME\" PORTTYPE =\"INPUT/OUTPUT\" PRECISION =\"20\"",
                    with: "NAME =\"NAME\" PORTTYPE =\"INPUT/OUTPUT\" PRECISION =\"\(precision)\"")
            }
            return copy
        }
        #expect(try Self.report(distinct("20")).status == .full)
        let cut = try Self.report(distinct("5"))
        #expect(cut.diagnostics.map(\.code.description) == ["CG2005"], "\(cut.diagnostics)")
        #expect(cut.diagnostics.first?.message.contains("after the database removed duplicates") == true)
    }
}
