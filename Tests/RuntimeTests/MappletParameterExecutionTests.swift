import Foundation
import IR
import Importers
import Runtime
import Testing

/// A mapplet's parameter inside a mapping (reference §1, IMP0131): the importer declares it for the
/// mapplet instance (`MPL_1.$$MIN_SAL`) while the mapplet's expressions still write `$$MIN_SAL`;
/// the runtime must type and evaluate those expressions with the instance's parameter.
@Suite struct MappletParameterExecutionTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/powercenter/mapplet_expanded/input.xml").path

    /// Runs the fixture's mapping on three hand-made EMP rows; returns the target rows by ID.
    func run(parameters: [String: String]) throws -> (rows: [String], result: PipelineRunResult) {
        let harness = try ExecutorHarness()
        try harness.table(
            "EMP", ["ID*:n10", "NAME:s20", "DEPT:n4", "SAL:n8.2"],
            [["1", "ann", "10", "50"], ["2", "bob", "10", "150.5"], ["3", "NULL", "NULL", "NULL"]])
        let imported = PowerCenterImporter().importFile(atPath: Self.fixture)
        let pipeline = try #require(imported.pipelines.first { $0.name == "m_mapplet_expanded" })
        #expect(pipeline.parameters.map(\.name) == ["MPL_1.$$MIN_SAL"])
        let result = harness.execute(pipeline, parameters: parameters)
        let rows = try harness.rows("SELECT ID, NAME, SAL FROM T_OUT ORDER BY ID", columns: 3)
        return (rows, result)
    }

    @Test("the mapplet's $$MIN_SAL takes the instance parameter's default, 100")
    func defaultValue() throws {
        let (rows, result) = try run(parameters: [:])
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // IIF(in_SAL < 100, 100, in_SAL); a NULL salary makes the condition NULL, so the else branch.
        #expect(rows == ["1|ANN|100", "2|BOB|150.5", "3|NULL|NULL"])
    }

    @Test("a parameter file value for MPL_1.$$MIN_SAL reaches the mapplet's expression")
    func givenValue() throws {
        let (rows, result) = try run(parameters: ["MPL_1.$$MIN_SAL": "200"])
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        #expect(rows == ["1|ANN|200", "2|BOB|200", "3|NULL|NULL"])
    }
}
