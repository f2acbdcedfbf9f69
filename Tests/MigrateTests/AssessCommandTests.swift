import Foundation
import Testing

/// `migrate assess` on the bundled example: the inventory is what the export holds.
@Suite struct AssessCommandTests {
    struct Assessment: Decodable {
        struct Mapping: Decodable { var nodes: Int; var tier: String; var automation: Double }
        struct SQL: Decodable { var option: String; var dialect: String }
        var files: Int
        var objects: [String: Int]
        var operators: [String: Int]
        var functions: [String: Int]
        var sql_overrides: [SQL]
        var mappings: [Mapping]
        var predicted_automation: Double
    }

    @Test func exampleInventoryMatchesTheExport() throws {
        let example = TestPaths.packageRoot.appendingPathComponent("Examples/powercenter/wf_subscriber_usage.xml")
        let result = try runMigrate(["assess", example.path, "--report", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let assessment = try JSONDecoder().decode(Assessment.self, from: Data(result.stdout.utf8))
        // Counted by hand in Examples/powercenter/wf_subscriber_usage.xml.
        #expect(assessment.files == 1)
        #expect(assessment.objects["TRANSFORMATION"] == 6)
        #expect(assessment.objects["CONNECTOR"] == 39)
        #expect(assessment.objects["INSTANCE"] == 9)
        #expect(
            assessment.operators == [
                "source": 1, "source-query": 1, "project": 1, "lookup": 1, "filter": 1, "aggregate": 1, "route": 1,
                "target": 2,
            ])
        #expect(assessment.functions["LTRIM"] == 2 && assessment.functions["RTRIM"] == 2)
        #expect(assessment.functions["SUM"] == 3 && assessment.functions["COUNT"] == 1)
        #expect(
            assessment.functions["IIF"] == 2 && assessment.functions["ROUND"] == 1
                && assessment.functions["ISNULL"] == 1)
        #expect(assessment.mappings.count == 1 && assessment.mappings[0].nodes == 9)
        #expect(assessment.predicted_automation == 1.0)
    }
}
