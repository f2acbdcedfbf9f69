import Foundation
import IR
import Runtime
import Testing

/// A row that a passive transformation drops in error leaves the pipeline (reference §2.22), also
/// where another branch of the same row stream still carries it: a node reading both branches gets
/// only the rows both carry, each lined up with its own values. (Found on a public export: a
/// target taking some columns straight from the Source Qualifier and others from an Expression
/// whose TO_DATE failed on some rows; the run stopped with "receives 30 and 1 rows".)
@Suite struct RowErrorAlignmentTests {
    /// `SRC (ID, N, M)` → `SQ_SRC`; `EXP1` computes `Q1 = 10 / N`, `EXP2` computes `Q2 = 10 / M`,
    /// each a row error on 0 (the designer's default `ERROR('transformation error')`).
    static func export(target: [String], connect: (inout ExportBuilder) -> Void) -> ExportBuilder {
        var export = ExportBuilder()
        export.source("SRC", ["ID*:n10", "N:n10", "M:n10"])
        for (name, divisor, result) in [("EXP1", "N", "Q1"), ("EXP2", "M", "Q2")] {
            export.transformation(
                name, type: "Expression",
                ports: [
                    ExportBuilder.port("ID:n10"), ExportBuilder.port("\(divisor):n10", "INPUT"),
                    ExportBuilder.port(
                        "\(result):n10", "OUTPUT", expression: "10 / \(divisor)",
                        defaultValue: "ERROR('transformation error')"),
                ])
            export.connect("SQ_SRC", name, ["ID", divisor])
        }
        export.target("TGT", target)
        connect(&export)
        return export
    }

    static let rows = [["1", "2", "1"], ["2", "0", "5"], ["3", "5", "0"], ["4", "0", "0"], ["5", "10", "2"]]

    static func run(_ export: ExportBuilder, _ columns: [String]) throws -> (rows: [String], rejected: Int) {
        let harness = try ExecutorHarness()
        try harness.table("SRC", ["ID*:n10", "N:n10", "M:n10"], rows)
        let result = harness.execute(try harness.pipeline(export))
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        let query = "SELECT \(columns.joined(separator: ", ")) FROM TGT ORDER BY ID"
        return (try harness.rows(query, columns: columns.count), result.rejected)
    }

    @Test("ports straight from the source qualifier and from an Expression dropping rows: only the kept rows")
    func oneBranchDrops() throws {
        let export = Self.export(target: ["ID*:n10", "N:n10", "Q1:n10"]) { export in
            export.connect("SQ_SRC", "TGT", ["ID", "N"])
            export.connect("EXP1", "TGT", ["Q1"])
        }
        let run = try Self.run(export, ["ID", "N", "Q1"])
        // Rows 2 and 4 divide by zero in EXP1: they are rejected there and reach no target column.
        #expect(run.rows == ["1|2|5", "3|5|2", "5|10|1"])
        // EXP1's two, and EXP2's (rows 3 and 4), which runs though no target reads it.
        #expect(run.rejected == 4)
    }

    @Test("two branches dropping different rows of as many rows each: no row paired with another's values")
    func bothBranchesDrop() throws {
        // EXP1 drops rows 2 and 4, EXP2 rows 3 and 4: three rows each, but not the same three.
        let export = Self.export(target: ["ID*:n10", "Q1:n10", "Q2:n10"]) { export in
            export.connect("EXP1", "TGT", ["ID", "Q1"])
            export.connect("EXP2", "TGT", ["Q2"])
        }
        let run = try Self.run(export, ["ID", "Q1", "Q2"])
        #expect(run.rows == ["1|5|10", "5|1|5"])
        #expect(run.rejected == 4)
    }

    @Test("a chain after the dropping Expression keeps the positions: the rows still line up")
    func chainAfterTheDrop() throws {
        var export = Self.export(target: ["ID*:n10", "N:n10", "Q1:n10", "R:n10"]) { _ in }
        export.transformation(
            "EXP3", type: "Expression",
            ports: [
                ExportBuilder.port("Q1:n10", "INPUT"),
                ExportBuilder.port("R:n10", "OUTPUT", expression: "Q1 + 1"),
            ])
        export.connect("EXP1", "EXP3", ["Q1"])
        export.connect("SQ_SRC", "TGT", ["ID", "N"])
        export.connect("EXP1", "TGT", ["Q1"])
        export.connect("EXP3", "TGT", ["R"])
        let run = try Self.run(export, ["ID", "N", "Q1", "R"])
        #expect(run.rows == ["1|2|5|6", "3|5|2|3", "5|10|1|2"])
        #expect(run.rejected == 4)
    }
}
