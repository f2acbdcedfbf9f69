import Codegen
import Foundation
import IR
import Importers
import Testing

@testable import Runtime

extension PostgresTests {
    /// The `.sql` file `migrate convert --dialect postgres` writes runs on PostgreSQL as written
    /// when a target kept in the runtime is refused for an expression the export breaks with CR LF
    /// and a lone CR (`&#13;&#10;`, `&#13;`, as 29 corpus exports do): PostgreSQL ends a `--`
    /// comment at a carriage return, so a comment quoting the expression as exported would leave
    /// the rest of the message to be read as SQL (`syntax error at or near "V"`).
    @Suite("convert's scripts on PostgreSQL")
    struct ScriptComments {
        /// F_IN (ID, V) → SQ_F_IN → T_OK (ID, V); SQ_F_IN → EXP (ID, W = NO_SUCH(V) over three
        /// lines) → T_BAD (ID, W): T_OK is pushed down, T_BAD stays in the runtime (CG2003).
        static func pipeline() throws -> Pipeline {
            var export = ExportBuilder()
            export.source("F_IN", ["ID:i", "V:i"])
            export.target("T_OK", ["ID:i", "V:i"])
            export.target("T_BAD", ["ID:i", "W:i"])
            export.transformation(
                "EXP", type: "Expression",
                ports: [
                    ExportBuilder.port("ID:i"), ExportBuilder.port("V:i", "INPUT"),
                    ExportBuilder.port("W:i", "OUTPUT", expression: "NO_SUCH(@CRLF@  V,@CR@  1)"),
                ])
            export.connect("SQ_F_IN", "T_OK", ["ID", "V"])
            export.connect("SQ_F_IN", "EXP", ["ID", "V"])
            export.connect("EXP", "T_BAD", ["ID", "W"])
            let xml = export.xml(mapping: "m_comment").replacingOccurrences(of: "@CRLF@", with: "&#13;&#10;")
                .replacingOccurrences(of: "@CR@", with: "&#13;")
            let path = NSTemporaryDirectory() + "script-comment-\(UUID().uuidString).XML"
            try xml.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            return try #require(PowerCenterImporter().importFile(atPath: path).pipelines.first)
        }

        @Test("a refusal quoting an expression with line breaks stays one comment line, and the script runs")
        func scriptRuns() throws {
            let pipeline = try Self.pipeline()
            #expect(pipeline.nodes.contains { $0.ports.contains { $0.expression?.text.contains("\r\n") ?? false } })
            let script = BatchSQL.scripts(pipeline, dialects: [PostgreSQLDialect()])[0]
            #expect(script.contains("-- target T_BAD stays in the runtime: node EXP: [CG2003] expression 'NO_SUCH("))
            #expect(!script.contains("\r"), "\(script)")
            try PostgresTests.withSchema { connection in
                try connection.execute(
                    "CREATE TABLE F_IN (ID integer, V integer); INSERT INTO F_IN VALUES (1, 20), (2, NULL);"
                        + "CREATE TABLE T_OK (ID integer, V integer)")
                try connection.execute(script)
                let rows = try connection.query("SELECT ID, V FROM T_OK ORDER BY ID", types: [.integer, .integer]).rows
                #expect(rows == [[.integer(1), .integer(20)], [.integer(2), .null]])
            }
        }
    }
}
