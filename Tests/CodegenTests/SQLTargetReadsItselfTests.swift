import Codegen
import Foundation
import IR
import Testing

/// A target whose table its own path reads (fixture same_name_instances: source `HR.EMP` copied to
/// target `EMP`). With different schemas they are different tables and the statement is written;
/// with the same schema and name the statement would read the rows it writes, so it is refused.
@Suite struct SQLTargetReadsItselfTests {
    static func pipeline(sourceSchema: String?) throws -> Pipeline {
        var pipeline = try SQLPipelineLoweringTests.pipeline("same_name_instances")
        for index in pipeline.nodes.indices {
            if case .source(var spec) = pipeline.nodes[index].op {
                spec.schema = sourceSchema
                pipeline.nodes[index].op = .source(spec)
            }
        }
        return pipeline
    }

    @Test("source HR.EMP and target EMP are different tables: pushed down")
    func differentSchemas() throws {
        let sql = SQLPipelineLowering(PostgreSQLDialect()).lower(try Self.pipeline(sourceSchema: "HR"))
        #expect(sql.report.status == .full)
        let text = SQLPipelineScript.text(sql, dialect: PostgreSQLDialect())
        #expect(text.contains("INSERT INTO EMP (ID, NAME, DEPT, SAL)"))
        #expect(text.contains("FROM HR.EMP"))
    }

    @Test("source EMP and target EMP in one schema: refused with CG2010 at the target")
    func sameTable() throws {
        let sql = SQLPipelineLowering(PostgreSQLDialect()).lower(try Self.pipeline(sourceSchema: nil))
        #expect(sql.loads.isEmpty)
        let refused = try #require(sql.report.notPushedDown.first)
        #expect(refused.target == "EMP")
        #expect(refused.diagnostic.code.description == "CG2010")
        #expect(
            refused.diagnostic.message
                == "target 'EMP' writes table 'EMP', which its path also reads as source 'EMP#source': "
                + "in one database the statement would read the rows it writes")
    }
}
