import Codegen
import Foundation
import IR
import Testing

@testable import Runtime

/// Values of one type received by ports of another, at each kind of transformation: the SQL must
/// compute what the runtime does (which converts at an Expression's input ports and passes values
/// on elsewhere), or stay in the runtime; never differ.
@Suite("SQL port conversions at every kind of transformation")
struct SQLPortConversionMatrixTests {
    /// (source column, port) type pairs in ``ExecutorColumn`` syntax.
    static let pairs: [(String, String)] = [
        ("s10", "s4"), ("n9", "i"), ("n12", "i"), ("i", "s5"), ("n10.2", "n10"), ("n10.2", "n4.2"), ("i", "n5"),
        ("n5", "d"), ("s10", "i"), ("i", "b"), ("b", "i"), ("d", "n10.2"),
    ]
    static let kinds = [
        "Expression", "Filter", "Sorter", "Aggregator", "Router", "Union", "Lookup", "Joiner", "Joiner key",
        "Filter, Expression", "Router, Expression", "Sorter, Expression",
    ]

    /// Source `C_IN (ID, A of type from)` → a transformation of `kind` whose A port is of type
    /// `to` → target `T_C (ID, A of type to)`.
    static func export(_ kind: String, from: String, to: String) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("C_IN", ["ID:i", "A:\(from)"])
        let ports = [ExportBuilder.port("ID:i"), ExportBuilder.port("A:\(to)")]
        var reads = ["ID", "A"]
        switch kind {
        case "Filter":
            export.transformation("X", type: kind, ports: ports, attributes: [("Filter Condition", "TRUE")])
        case "Sorter":
            export.transformation(
                "X", type: kind,
                ports: [ExportBuilder.port("ID:i", extra: "ISSORTKEY =\"YES\""), ExportBuilder.port("A:\(to)")])
        case "Aggregator":
            export.transformation(
                "X", type: kind,
                ports: [
                    ExportBuilder.port("A:\(to)", expression: "A", expressionType: "GROUPBY"),
                    ExportBuilder.port("ID_IN:i", "INPUT"),
                    ExportBuilder.port("ID:i", "OUTPUT", expression: "COUNT(ID_IN)"),
                ])
            reads = ["ID>ID_IN", "A"]
        case "Router":
            export.transformation(
                "X", type: kind,
                ports: [
                    ExportBuilder.port("ID:i", "INPUT", extra: "GROUP =\"INPUT\""),
                    ExportBuilder.port("A:\(to)", "INPUT", extra: "GROUP =\"INPUT\""),
                    ExportBuilder.port("ID1:i", "OUTPUT", extra: "GROUP =\"G1\" REF_FIELD =\"ID\""),
                    ExportBuilder.port("A1:\(to)", "OUTPUT", extra: "GROUP =\"G1\" REF_FIELD =\"A\""),
                ],
                body: """
                    <GROUP NAME ="INPUT" ORDER ="1" TYPE ="INPUT"/>
                    <GROUP EXPRESSION ="ID > 0" NAME ="G1" ORDER ="2" TYPE ="OUTPUT"/>
                    <GROUP NAME ="DEFAULT1" ORDER ="3" TYPE ="OUTPUT/DEFAULT"/>
                    """)
        case "Union":
            export.source("C_IN2", ["ID:i", "A:\(from)"])
            export.union("X", id: "i", name: to)
            export.target("T_C", ["ID:i", "A:\(to)"])
            export.connect("SQ_C_IN", "X", ["ID>ID1", "A>NAME1"])
            export.connect("SQ_C_IN2", "X", ["ID>ID2", "A>NAME2"])
            export.connect("X", "T_C", ["ID", "NAME>A"])
            return export
        case "Lookup":
            export.transformation(
                "X", type: "Lookup Procedure",
                ports: [
                    ExportBuilder.port("ID:i"), ExportBuilder.port("A:\(to)", "INPUT"),
                    ExportBuilder.port("K:\(to)", "LOOKUP/OUTPUT"), ExportBuilder.port("V:s20", "LOOKUP/OUTPUT"),
                ],
                attributes: [
                    ("Lookup table name", "LKT"), ("Lookup policy on multiple match", "Use First Value"),
                    ("Lookup condition", "K = A"), ("Connection Information", "$Source"),
                    ("Source Type", "Database"),
                ])
            export.target("T_C", ["ID:i", "A:\(to)"])
            export.connect("SQ_C_IN", "X", ["ID", "A"])
            export.connect("X", "T_C", ["ID", "K>A"])
            return export
        case "Joiner", "Joiner key":
            // Detail C_IN joined to master C_M on the IDs, or on A (the master's MA of A's type).
            export.source("C_M", ["MID:i", "MA:\(to)"])
            export.transformation(
                "X", type: "Joiner",
                ports: ports + [
                    ExportBuilder.port("MID:i", "INPUT/OUTPUT/MASTER"),
                    ExportBuilder.port("MA:\(to)", "INPUT/OUTPUT/MASTER"),
                ],
                attributes: [
                    ("Join Condition", kind == "Joiner" ? "MID = ID" : "MA = A"), ("Join Type", "Normal Join"),
                    ("Case Sensitive String Comparison", "YES"), ("Sorted Input", "NO"),
                ])
            export.connect("SQ_C_M", "X", ["MID", "MA"])
        case "Filter, Expression", "Router, Expression", "Sorter, Expression":
            // The first passes the values on; the Expression after it converts them to its type.
            let first = String(kind.prefix { $0 != "," })
            let before = Self.export(first, from: from, to: to)
            export = ExportBuilder()
            export.definitions = before.definitions
            export.transformations = before.transformations
            export.instances = before.instances
            export.instanceTypes = before.instanceTypes
            export.connectors = before.connectors.filter { !$0.contains("TOINSTANCE =\"T_C\"") }
            export.transformation("E", type: "Expression", ports: ports)
            export.connect("X", "E", first == "Router" ? ["ID1>ID", "A1>A"] : ["ID", "A"])
            export.connect("E", "T_C", ["ID", "A"])
            return export
        default:
            export.transformation("X", type: kind, ports: ports)
        }
        export.target("T_C", ["ID:i", "A:\(to)"])
        export.connect("SQ_C_IN", "X", reads)
        export.connect("X", "T_C", kind == "Router" ? ["ID1>ID", "A1>A"] : ["ID", "A"])
        return export
    }

    /// Every pair at `kind`: natively and on SQLite the same rows, or a named refusal, or a failure
    /// (a relational target column that cannot hold the value: the database decides); some pairs
    /// are pushed down and agree, so the test cannot pass by refusing everything.
    @Test("each pair agrees, or stays in the runtime, or fails loudly; none differs", arguments: kinds)
    func neverDiffer(kind: String) throws {
        var agreed = 0
        for (from, to) in Self.pairs {
            let pipeline = try ExecutorHarness().pipeline(Self.export(kind, from: from, to: to))
            for seed in [1, 2] as [UInt64] {
                let report = PushdownVerifier(engines: [.native, .sqlite], rowsPerSource: 30, seed: seed)
                    .verify(pipeline)
                #expect(report.verdict != .differ, "\(kind) \(from) → \(to): \(report.text)")
                if report.verdict == .agree { agreed += 1 }
            }
        }
        #expect(agreed > 0)
    }
}

extension PostgresTests {
    @Suite("SQL port conversions at every kind of transformation, on PostgreSQL")
    struct PortConversionMatrixOnPostgres {
        @Test(
            "each pair agrees natively, on SQLite and on PostgreSQL, or stays in the runtime, or fails loudly",
            arguments: SQLPortConversionMatrixTests.kinds)
        func neverDiffer(kind: String) throws {
            let opener = try FlatFileOrderOnPostgres.opener()
            for (from, to) in SQLPortConversionMatrixTests.pairs {
                let pipeline = try ExecutorHarness().pipeline(
                    SQLPortConversionMatrixTests.export(kind, from: from, to: to))
                let report = PushdownVerifier(
                    engines: [.native, .sqlite, .postgres], rowsPerSource: 30, seed: 3, postgres: opener
                ).verify(pipeline)
                #expect(report.verdict != .differ, "\(kind) \(from) → \(to): \(report.text)")
            }
        }
    }
}
