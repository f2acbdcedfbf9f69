import Codegen
import Foundation
import IR
import Runtime
import Testing

/// Integer arithmetic near the edges of its types: the runtime computes in 64 bits and rejects a
/// row whose integer port receives a value its type does not hold (RT0004).
extension SQLPipelineCases {
    static var integerRanges: [Case] { [integerPortsOutOfRange, integerPortsWithErrorDefault] }

    /// Source `R_IN (ID, N, M)` → Expression `EXP` (`SUM2 = N + M`, `PRODUCT = N * M` into a
    /// bigint, `NEXT = N + 1`, `NEG = -N`, each into the port type given) → `T_R`.
    static func rangeExport(outputDefault: String? = nil) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("R_IN", ["ID:i", "N:i", "M:i"])
        export.transformation(
            "EXP", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("N:i", "INPUT"), ExportBuilder.port("M:i", "INPUT"),
                ExportBuilder.port("SUM2:i", "OUTPUT", expression: "N + M", defaultValue: outputDefault ?? ""),
                ExportBuilder.port("PRODUCT:b", "OUTPUT", expression: "N * M"),
                ExportBuilder.port("NEXT:i", "OUTPUT", expression: "N + 1"),
                ExportBuilder.port("NEG:i", "OUTPUT", expression: "-N"),
            ])
        export.target("T_R", ["ID:i", "SUM2:i", "PRODUCT:b", "NEXT:i", "NEG:i"])
        export.connect("SQ_R_IN", "EXP", ["ID", "N", "M"])
        export.connect("EXP", "T_R", ["ID", "SUM2", "PRODUCT", "NEXT", "NEG"])
        return export
    }

    static let rangeRows: [[String]] = [
        ["1", "2", "3"], ["2", "2147483647", "0"], ["3", "2147483647", "2147483647"], ["4", "-2147483648", "-1"],
        ["5", "-2147483648", "0"], ["6", "NULL", "5"], ["7", "100000", "-100000"], ["8", "2147483646", "1"],
    ]

    // Row 2: NEXT = 2^31 does not fit an integer; row 3: SUM2 = 2^32 - 2 does not; row 4: SUM2
    // = -2^31 - 1 and NEG = 2^31 do not; row 5: NEG = 2^31 does not. The runtime rejects those
    // rows. Row 7's PRODUCT (-10^10) fits the bigint; row 8's SUM2 and NEXT are the largest integer.
    static var integerPortsOutOfRange: Case {
        Case(
            name: "integer ports: a row whose value leaves the port's type is rejected",
            export: rangeExport(),
            tables: [Table(name: "R_IN", columns: ["ID:i", "N:i", "M:i"], rows: rangeRows)],
            expected: [
                "T_R": [
                    "1|5|6|3|-2", "6|NULL|NULL|NULL|NULL", "7|0|-10000000000|100001|-100000",
                    "8|2147483647|2147483646|2147483647|-2147483646",
                ]
            ],
            columns: ["T_R": ["ID", "SUM2", "PRODUCT", "NEXT", "NEG"]])
    }

    // ERROR(...) as the output port's default rejects the row as no default does.
    static var integerPortsWithErrorDefault: Case {
        var c = integerPortsOutOfRange
        c.name = "integer ports: ERROR() as the default value rejects the row too"
        c.export = rangeExport(outputDefault: "ERROR('out of range')")
        return c
    }
}

@Suite("integer ports near the edges of their types")
struct SQLIntegerRangeTests {
    @Test("an output port whose default value replaces an out-of-range value is refused, naming the port")
    func constantDefaultIsRefused() throws {
        let harness = try ExecutorHarness()
        let pipeline = try harness.pipeline(SQLPipelineCases.rangeExport(outputDefault: "0"))
        let report = SQLPipelineLowering(SQLiteDialect()).lower(pipeline).report
        #expect(report.diagnostics.map(\.code.description) == ["CG2008"], "\(report.diagnostics)")
        #expect(report.diagnostics.first?.message.contains("port 'SUM2' of 'EXP' can receive a value outside") == true)
    }

    @Test("a session that counts rejected rows is refused")
    func stopOnErrors() throws {
        let harness = try ExecutorHarness()
        var lowering = SQLPipelineLowering(SQLiteDialect())
        lowering.stopOnErrors = 1
        let report = lowering.lower(try harness.pipeline(SQLPipelineCases.rangeExport())).report
        #expect(report.status != .full)
        #expect(report.diagnostics.first?.message.contains("the session stops after 1 errors") == true)
    }

    @Test("ports whose values always fit get no check")
    func noCheckWhereValuesFit() throws {
        let harness = try ExecutorHarness()
        var export = ExportBuilder()
        export.source("R_IN", ["ID:i", "N:i"])
        export.transformation(
            "EXP", type: "Expression",
            ports: [
                ExportBuilder.port("ID:i"), ExportBuilder.port("N:i", "INPUT"),
                ExportBuilder.port("WIDE:b", "OUTPUT", expression: "N * N + N"),
                ExportBuilder.port("SMALL:i", "OUTPUT", expression: "N % 1000 + 7"),
            ])
        export.target("T_R", ["ID:i", "WIDE:b", "SMALL:i"])
        export.connect("SQ_R_IN", "EXP", ["ID", "N"])
        export.connect("EXP", "T_R", ["ID", "WIDE", "SMALL"])
        let sql = SQLPipelineLowering(PostgreSQLDialect()).lower(try harness.pipeline(export))
        let script = SQLPipelineScript.text(sql, dialect: PostgreSQLDialect())
        #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
        #expect(!script.contains("WHERE"), "\(script)")
        // N * N passes 32 bits: PostgreSQL computes it in bigint; N % 1000 + 7 stays within them.
        #expect(script.contains("CAST(N AS bigint) * N"), "\(script)")
        #expect(script.contains("N % 1000 + 7"), "\(script)")
    }
}
