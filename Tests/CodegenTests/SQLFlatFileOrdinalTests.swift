import Foundation
import IR
import Importers
import Testing

@testable import Codegen

/// A flat-file source's rows arrive in file order: its staging table numbers them in an ordinal
/// column (`ROW_ORDINAL`, made unique against the fields), which the source qualifier carries as a
/// column that is no port, so that SQL can number the rows as the runtime receives them.
/// Expectations written by hand from ``SQLFlatFileLoweringTests/export`` (CALLS: ID, NAME, AMT)
/// and each dialect's type map (`BIGINT` in Sources/Codegen/SQL/Dialects).
@Suite("SQL lowering: the ordinal column of a flat-file source's staging table")
struct SQLFlatFileOrdinalTests {
    /// The spelling of `BIGINT` in each dialect, by dialect name.
    static let bigint: [String: String] = [
        "teradata": "BIGINT", "snowflake": "BIGINT", "databricks": "BIGINT", "postgres": "bigint",
        "oracle": "NUMBER(19)", "sqlserver": "BIGINT", "sybase": "BIGINT", "bigquery": "INT64", "duckdb": "BIGINT",
        "sqlite": "INTEGER",
    ]

    @Test("the staging CREATE TABLE ends with ROW_ORDINAL, a BIGINT NOT NULL, in all ten dialects")
    func ordinalInEveryDialect() throws {
        let pipeline = try SQLFlatFileLoweringTests.pipeline()
        #expect(SQLDialects.all.count == 10)
        for dialect in SQLDialects.all {
            let sql = SQLPipelineLowering(dialect).lower(pipeline)
            let staging = try #require(sql.staging.first, "\(dialect.name)")
            #expect(staging.ordinal == "ROW_ORDINAL")
            #expect(staging.columns.map(\.name) == ["ID", "NAME", "AMT", "ROW_ORDINAL"])
            let type = try #require(Self.bigint[dialect.name], "\(dialect.name)")
            let text = SQLPrinter(dialect).print(staging.createTable)
            #expect(text.hasPrefix("CREATE TABLE STG_CALLS (\n    ID "), "\(dialect.name): \(text)")
            #expect(text.hasSuffix(",\n    ROW_ORDINAL \(type) NOT NULL\n)"), "\(dialect.name): \(text)")
        }
    }

    @Test("the script's comment names the ordinal column; the runtime step's note does too")
    func scriptAndNote() throws {
        let (text, sql) = try SQLFlatFileLoweringTests.script(PostgreSQLDialect())
        #expect(
            text.hasPrefix(
                """
                -- mapping m_calls, source CALLS (postgres): staging table filled by the runtime's flat-file reader \
                from '$PMSourceFileDir/CALLS' before the statements below run, ROW_ORDINAL numbering the rows it \
                keeps in file order (1, 2, 3, …)
                CREATE TABLE STG_CALLS (
                    ID numeric(10,0),
                    NAME varchar(20),
                    AMT numeric(8,2),
                    ROW_ORDINAL bigint NOT NULL
                );

                """), "\(text)")
        let note = try #require(sql.report.runtimeSteps.first?.diagnostic.message)
        #expect(note.contains("with each row's ordinal in the file in column 'ROW_ORDINAL'"), "\(note)")
    }

    @Test("where no transformation depends on the order, the source qualifier does not carry the ordinal")
    func notCarriedWhenUnused() throws {
        let (text, _) = try SQLFlatFileLoweringTests.script(PostgreSQLDialect())
        #expect(
            text.contains(
                """
                  SQ_CALLS AS (
                    SELECT
                      ID,
                      NAME,
                      AMT
                    FROM STG_CALLS
                  )
                """), "\(text)")
        #expect(text.components(separatedBy: "ROW_ORDINAL").count == 3, "only the comment and the staging table")
    }

    /// The export of ``SQLFlatFileLoweringTests`` with the fields `ID` and `NAME` renamed `id` and
    /// `name` everywhere (file, transformations, targets, connectors).
    static func pipeline(renaming id: String, _ name: String) throws -> Pipeline {
        let export = SQLFlatFileLoweringTests.export.replacingOccurrences(of: "=\"ID\"", with: "=\"\(id)\"")
            .replacingOccurrences(of: "=\"NAME\"", with: "=\"\(name)\"")
        return try Self.imported(export)
    }

    /// The only pipeline of `export`.
    static func imported(_ export: String) throws -> Pipeline {
        let path = NSTemporaryDirectory() + "sqlfiles-ordinal-\(UUID().uuidString).xml"
        try export.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try #require(PowerCenterImporter().importFile(atPath: path).pipelines.first)
    }

    @Test("fields named ROW_ORDINAL and row_ordinal_2 (case ignored) make the ordinal column ROW_ORDINAL_3")
    func uniqueName() throws {
        #expect(SQLSourceStaging.ordinalColumn(fields: ["ID", "NAME"]) == "ROW_ORDINAL")
        #expect(SQLSourceStaging.ordinalColumn(fields: ["row_ordinal"]) == "ROW_ORDINAL_2")
        let pipeline = try Self.pipeline(renaming: "ROW_ORDINAL", "row_ordinal_2")
        let sql = SQLPipelineLowering(PostgreSQLDialect()).lower(pipeline)
        #expect(sql.report.notPushedDown.isEmpty, "\(sql.report.diagnostics)")
        let staging = try #require(sql.staging.first)
        #expect(staging.ordinal == "ROW_ORDINAL_3")
        #expect(staging.columns.map(\.name) == ["ROW_ORDINAL", "row_ordinal_2", "AMT", "ROW_ORDINAL_3"])
        let text = SQLPipelineScript.text(sql, dialect: PostgreSQLDialect())
        #expect(text.contains("    ROW_ORDINAL_3 bigint NOT NULL\n);\n"), "\(text)")
        // The source qualifier reads the field ROW_ORDINAL as its port (nothing here needs the order).
        #expect(text.contains("      ROW_ORDINAL,\n      row_ordinal_2,\n      AMT\n    FROM STG_CALLS\n"), "\(text)")
    }

    @Test("a source qualifier port named ROW_ORDINAL makes the carried ordinal ROW_ORDINAL_2")
    func portNamedLikeTheOrdinal() {
        var items = [
            SQLSelectItem(.column(table: nil, name: "ID"), as: "ROW_ORDINAL"),
            SQLSelectItem(.column(table: nil, name: "NAME")),
        ]
        let order = SQLPipelineBuilder.fileOrder(ordinal: "ROW_ORDINAL", into: &items)
        #expect(order.keys?.map(\.column) == ["ROW_ORDINAL_2"])
        #expect(items.last == SQLSelectItem(.column(table: nil, name: "ROW_ORDINAL"), as: "ROW_ORDINAL_2"))
    }

    @Test("a DISTINCT source qualifier over a file is still refused, so the ordinal never changes a DISTINCT")
    func distinctRefused() throws {
        let export = SQLFlatFileLoweringTests.export.replacingOccurrences(
            of: "<TABLEATTRIBUTE NAME =\"Source Filter\" VALUE =\"\"/>",
            with:
                "<TABLEATTRIBUTE NAME =\"Source Filter\" VALUE =\"\"/>\n<TABLEATTRIBUTE NAME =\"Select Distinct\" VALUE =\"YES\"/>"
        )
        #expect(export != SQLFlatFileLoweringTests.export)
        let sql = SQLPipelineLowering(PostgreSQLDialect()).lower(try Self.imported(export))
        #expect(sql.staging.isEmpty)
        #expect(sql.report.notPushedDown.map(\.target) == ["BIG_CALLS", "CALL_NAMES"])
        #expect(
            sql.report.notPushedDown.allSatisfy {
                $0.node == "SQ_CALLS" && $0.diagnostic.message.contains("selects distinct rows of flat file 'CALLS'")
            }, "\(sql.report.diagnostics)")
    }
}
