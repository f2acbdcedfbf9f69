import Foundation
import IR
import Importers
import Testing

@testable import Runtime

/// Synthetic data holds the constants the pipeline's conditions compare columns with, and their
/// neighbours for ordering comparisons, so filters and router groups are both true and false.
@Suite struct ConditionValuesTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/powercenter")

    static func pipeline(_ name: String) throws -> Pipeline {
        let path = fixtures.appendingPathComponent(name).appendingPathComponent("input.xml").path
        return try #require(PowerCenterImporter().importFile(atPath: path).pipelines.first)
    }

    /// The distinct values of `column` in the generated source table `table`.
    static func values(_ dataset: SyntheticDataset, _ table: String, _ column: String) throws -> Set<Value> {
        let generated = try #require(dataset.tables[table])
        let index = try #require(generated.columns.firstIndex(of: column))
        return Set(generated.rows.rows.map { $0[index] })
    }

    @Test("filter DEPT = 20 AND SAL > 1000: DEPT holds 20, SAL holds 1000, 1001 and 999")
    func filterConstants() throws {
        let dataset = SyntheticData.generate(for: try Self.pipeline("filter"), rowsPerSource: 30, seed: 1)
        #expect(try Self.values(dataset, "EMP", "DEPT").contains(.decimal(20)))
        let salaries = try Self.values(dataset, "EMP", "SAL")
        for salary in [1000, 1001, 999] { #expect(salaries.contains(.decimal(Decimal(salary))), "\(salary)") }
    }

    @Test("router DEPT > 50 / DEPT <= 10: both boundaries and their neighbours")
    func routerConstants() throws {
        let dataset = SyntheticData.generate(for: try Self.pipeline("router_default"), rowsPerSource: 30, seed: 1)
        let departments = try Self.values(dataset, "EMP", "DEPT")
        for dept in [50, 51, 49, 10, 11, 9] { #expect(departments.contains(.decimal(Decimal(dept))), "\(dept)") }
    }

    @Test("a constant that does not fit the column is not generated")
    func fitting() {
        #expect(ConditionValues.value("1000.5", number: true, as: .decimal(precision: 5, scale: 0)) == nil)
        #expect(ConditionValues.value("100000", number: true, as: .decimal(precision: 5, scale: 0)) == nil)
        #expect(ConditionValues.value("99999", number: true, as: .decimal(precision: 5, scale: 0)) == .decimal(99999))
        #expect(ConditionValues.value("2.5", number: true, as: .integer) == nil)
        #expect(ConditionValues.value("abc", number: false, as: .string(precision: 2)) == nil)
        #expect(ConditionValues.value("ab", number: false, as: .string(precision: 2)) == .string("ab"))
        #expect(ConditionValues.value("20", number: false, as: .integer) == nil)
    }

    @Test("the filter fixture now has rows to compare: native and SQLite agree on a non-empty target")
    func filterVerified() throws {
        let report = PushdownVerifier(engines: [.native, .sqlite], rowsPerSource: 30, seed: 1)
            .verify(try Self.pipeline("filter"))
        #expect(report.verdict == .agree, "\(report.text)")
        #expect(report.text.contains("native 0") == false, "\(report.text)")
    }
}
