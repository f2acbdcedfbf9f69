import Codegen
import Foundation
import IR
import Runtime
import Testing

/// A port no connector feeds is NULL on every row. Selected as a bare `NULL` in a common table,
/// PostgreSQL types the column as text (SQL Server as int), and a later comparison with a number
/// fails the whole statement. Found with mutated corpus export 76425 (a Joiner's detail port lost
/// its connector, then a Filter compared it with 1): `operator does not exist: text = integer`,
/// verdict FAILED where the native run succeeded.
extension PostgresTests {
    @Suite("a port no connector feeds, on PostgreSQL")
    struct UnconnectedPortOnPostgres {
        /// Detail `U_D (ID, K)` joined to master `U_M (K2, V)` on `K2 = K`; the Joiner's detail
        /// ports `FLAG` (decimal 1) and `TAG` (string 5) have no connector. Filter `FIL` keeps
        /// `condition` → target `T_U (ID, K, V, FLAG, TAG)`.
        static func export(_ condition: String) -> ExportBuilder {
            let port = { (spec: String, type: String) in ExportBuilder.port(spec, type) }
            var export = ExportBuilder()
            export.source("U_D", ["ID*:i", "K:i"])
            export.source("U_M", ["K2*:i", "V:s10"])
            export.transformation(
                "JNR", type: "Joiner",
                ports: [
                    port("ID:i", "INPUT/OUTPUT"), port("K:i", "INPUT/OUTPUT"), port("FLAG:n1", "INPUT/OUTPUT"),
                    port("TAG:s5", "INPUT/OUTPUT"), port("K2:i", "INPUT/OUTPUT/MASTER"),
                    port("V:s10", "INPUT/OUTPUT/MASTER"),
                ],
                attributes: [
                    ("Case Sensitive String Comparison", "YES"), ("Join Condition", "K2 = K"),
                    ("Join Type", "Normal Join"), ("Sorted Input", "NO"),
                ])
            let columns = ["ID:i", "K:i", "V:s10", "FLAG:n1", "TAG:s5"]
            export.transformation(
                "FIL", type: "Filter", ports: columns.map { ExportBuilder.port($0) },
                attributes: [("Filter Condition", condition)])
            export.target("T_U", columns)
            export.connect("SQ_U_D", "JNR", ["ID", "K"])
            export.connect("SQ_U_M", "JNR", ["K2", "V"])
            export.connect("JNR", "FIL", ["ID", "K", "V", "FLAG", "TAG"])
            export.connect("FIL", "T_U", ["ID", "K", "V", "FLAG", "TAG"])
            return export
        }

        static let conditions = [
            "ISNULL(FLAG) OR FLAG = 1",
            "ISNULL(TAG) OR TAG = 'x'",
            "IIF(FLAG > 0, FALSE, TRUE) AND IIF(TAG < 'a', FALSE, TRUE)",
        ]

        @Test(
            "the unconnected port is a NULL of its type: natively, on SQLite and on PostgreSQL the rows agree",
            arguments: conditions)
        func agrees(_ condition: String) throws {
            let pipeline = try ExecutorHarness().pipeline(Self.export(condition))
            for seed: UInt64 in [1, 2] {
                let report = try SQLPipelineExecution.verifyOnPostgres(pipeline, seed: seed)
                #expect(report.verdict == .agree, "\(report.text)")
                let target = try #require(report.targets.first)
                #expect(target.rows["native"] != 0, "some keys match: \(report.text)")
            }
        }

        /// Source `U_A (ID, K, AMT)` → Aggregator `AGG` grouping by `keys` of `K` (connected; an
        /// input only when not a key) and `G` (string 10, no connector), `TOTAL = SUM(AMT)` and
        /// `XSUM = SUM(X)` of input `X` (no connector: PostgreSQL has no `SUM(NULL)`) → target
        /// `T_A ([K,] G, TOTAL, XSUM)`.
        static func aggregator(keys: [String]) -> ExportBuilder {
            var export = ExportBuilder()
            export.source("U_A", ["ID*:i", "K:i", "AMT:i"])
            export.transformation(
                "AGG", type: "Aggregator",
                ports: [
                    keys.contains("K")
                        ? ExportBuilder.port("K:i", expression: "K", expressionType: "GROUPBY")
                        : ExportBuilder.port("K:i", "INPUT"),
                    ExportBuilder.port("G:s10", expression: "G", expressionType: "GROUPBY"),
                    ExportBuilder.port("AMT:i", "INPUT"),
                    ExportBuilder.port("TOTAL:b", "OUTPUT", expression: "SUM(AMT)"),
                    ExportBuilder.port("X:i", "INPUT"),
                    ExportBuilder.port("XSUM:b", "OUTPUT", expression: "SUM(X)"),
                ],
                attributes: [("Sorted Input", "NO")])
            let written = (keys.contains("K") ? ["K", "G", "TOTAL"] : ["G", "TOTAL"]) + ["XSUM"]
            export.target(
                "T_A", ["K:i", "G:s10", "TOTAL:b", "XSUM:b"].filter { written.contains(ExecutorColumn($0).name) })
            export.connect("SQ_U_A", "AGG", ["K", "AMT"])
            export.connect("AGG", "T_A", written)
            return export
        }

        @Test(
            "a group-by port no connector feeds splits no group, and is no constant in GROUP BY",
            arguments: [["K", "G"], ["G"]])
        func aggregatorKey(_ keys: [String]) throws {
            let pipeline = try ExecutorHarness().pipeline(Self.aggregator(keys: keys))
            for seed: UInt64 in [1, 2] {
                let report = try SQLPipelineExecution.verifyOnPostgres(pipeline, seed: seed)
                #expect(report.verdict == .agree, "\(report.text)")
                let rows = try #require(report.targets.first?.rows["native"])
                #expect(keys == ["G"] ? rows == 1 : rows > 1, "\(report.text)")
            }
            let sql = SQLPipelineLowering(PostgreSQLDialect()).lower(pipeline)
            let text = SQLPipelineExecution.statements(sql, PostgreSQLDialect()).joined(separator: "\n")
            #expect(!text.contains("GROUP BY NULL") && !text.contains(", NULL"), "\(text)")
            #expect(text.contains("HAVING") == (keys == ["G"]), "one group only where there are rows: \(text)")
        }

        /// Source `U_R (ID, DEPT, SAL)` → Rank `RNK` (top 2 by `SAL` per `DEPT`) passing `NOTE`
        /// (decimal 3, no connector) on → target `T_R (RANKINDEX, ID, DEPT, SAL, NOTE)`, filtered on
        /// `NOTE` first.
        static var rank: ExportBuilder {
            var export = ExportBuilder()
            export.source("U_R", ["ID*:i", "DEPT:i", "SAL:i"])
            export.transformation(
                "RNK", type: "Rank",
                ports: [
                    ExportBuilder.port("RANKINDEX:i", "OUTPUT", expression: "RANKINDEX", expressionType: "RANKINDEX"),
                    ExportBuilder.port("ID:i", expression: "ID"),
                    ExportBuilder.port("DEPT:i", expression: "DEPT", expressionType: "GROUPBY"),
                    ExportBuilder.port("SAL:i", expression: "SAL", expressionType: "RANKPORT"),
                    ExportBuilder.port("NOTE:n3", expression: "NOTE"),
                ],
                attributes: [
                    ("Top/Bottom", "Top"), ("Number of Ranks", "2"), ("Case Sensitive String Comparison", "YES"),
                ])
            let columns = ["RANKINDEX:i", "ID:i", "DEPT:i", "SAL:i", "NOTE:n3"]
            export.transformation(
                "FIL", type: "Filter", ports: columns.map { ExportBuilder.port($0) },
                attributes: [("Filter Condition", "ISNULL(NOTE) OR NOTE = 1")])
            export.target("T_R", columns)
            export.connect("SQ_U_R", "RNK", ["ID", "DEPT", "SAL"])
            export.connect("RNK", "FIL", ["RANKINDEX", "ID", "DEPT", "SAL", "NOTE"])
            export.connect("FIL", "T_R", ["RANKINDEX", "ID", "DEPT", "SAL", "NOTE"])
            return export
        }

        @Test("a Rank passes a port no connector feeds on as a NULL of its type")
        func rankPassesTypedNull() throws {
            let pipeline = try ExecutorHarness().pipeline(Self.rank)
            let report = try SQLPipelineExecution.verifyOnPostgres(pipeline, seed: 1)
            #expect(report.verdict == .agree, "\(report.text)")
            #expect(report.targets.first?.rows["native"] != 0, "\(report.text)")
        }

        @Test("an output port with a blank expression is a NULL of its type downstream")
        func blankOutputIsTyped() throws {
            // `o_BLANK` has no expression: NULL on every row, selected by EXP's common table and
            // compared with a number by the Filter after it.
            var export = ExportBuilder()
            export.source("U_B", ["ID*:i", "K:i"])
            export.transformation(
                "EXP", type: "Expression",
                ports: [
                    ExportBuilder.port("ID:i"), ExportBuilder.port("K:i"),
                    ExportBuilder.port("o_BLANK:n3", "OUTPUT", expression: ""),
                ])
            let columns = ["ID:i", "K:i", "o_BLANK:n3"]
            export.transformation(
                "FIL", type: "Filter", ports: columns.map { ExportBuilder.port($0) },
                attributes: [("Filter Condition", "ISNULL(o_BLANK) OR o_BLANK = 1")])
            export.target("T_B", columns)
            export.connect("SQ_U_B", "EXP", ["ID", "K"])
            export.connect("EXP", "FIL", ["ID", "K", "o_BLANK"])
            export.connect("FIL", "T_B", ["ID", "K", "o_BLANK"])
            let pipeline = try ExecutorHarness().pipeline(export)
            let report = try SQLPipelineExecution.verifyOnPostgres(pipeline, seed: 1)
            #expect(report.verdict == .agree, "\(report.text)")
            #expect(report.targets.first?.rows["native"] != 0, "\(report.text)")
        }

        @Test("each dialect selects the unconnected ports as typed NULLs")
        func typedInEveryDialect() throws {
            let pipeline = try ExecutorHarness().pipeline(Self.export("ISNULL(FLAG) OR FLAG = 1"))
            for dialect in SQLDialects.all {
                let sql = SQLPipelineLowering(dialect).lower(pipeline)
                let text = SQLPipelineExecution.statements(sql, dialect).joined(separator: "\n")
                #expect(sql.loads.count == 1, "\(dialect.name): \(text)")
                #expect(
                    text.contains("CAST(NULL AS \(dialect.castTypeName(.decimal(precision: 1, scale: 0))))"), "\(text)")
                #expect(text.contains("CAST(NULL AS \(dialect.castTypeName(.varchar(5))))"), "\(text)")
                #expect(!text.contains(" NULL AS "), "\(dialect.name): \(text)")
            }
        }
    }
}
