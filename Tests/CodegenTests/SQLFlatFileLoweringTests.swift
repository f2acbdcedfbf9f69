import Codegen
import Foundation
import IR
import Importers
import Testing

/// Flat files at the edges of a pushed-down pipeline: a flat-file source is read by the runtime
/// into a staging table `STG_<source>` that the SQL reads, and a flat-file target's rows are a
/// query (every target port in port order, no INSERT) whose rows the runtime writes to the file.
/// Expectations written by hand from the mapping below: CALLS (a delimited file: ID number(10,0),
/// NAME string(20), AMT number(8,2)) → SQ_CALLS → FIL_BIG (`AMT > 100`) → BIG_CALLS (a file with a
/// fourth, unconnected port NOTE), and SQ_CALLS → CALL_NAMES (a table).
@Suite("SQL lowering of flat-file sources and targets")
struct SQLFlatFileLoweringTests {
    static let export = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE POWERMART SYSTEM "powrmart.dtd">
        <POWERMART CREATION_DATE="01/15/2024 10:00:00" REPOSITORY_VERSION="188.97">
        <REPOSITORY NAME="REP" VERSION="188" CODEPAGE="UTF-8" DATABASETYPE="Oracle">
        <FOLDER NAME="F" GROUP="" OWNER="dev" SHARED="NOTSHARED" DESCRIPTION="" PERMISSIONS="rwx---r--">
        <SOURCE DATABASETYPE ="Flat File" DBDNAME ="FlatFile" NAME ="CALLS" OWNERNAME ="">
        <FLATFILE CODEPAGE ="UTF-8" DELIMITED ="YES" DELIMITERS ="," ESCAPE_CHARACTER ="" QUOTE_CHARACTER ="DOUBLE" SKIPROWS ="1"/>
        <SOURCEFIELD DATATYPE ="number" FIELDNUMBER ="1" KEYTYPE ="NOT A KEY" NAME ="ID" NULLABLE ="NULL" PRECISION ="10" SCALE ="0"/>
        <SOURCEFIELD DATATYPE ="string" FIELDNUMBER ="2" KEYTYPE ="NOT A KEY" NAME ="NAME" NULLABLE ="NULL" PRECISION ="20" SCALE ="0"/>
        <SOURCEFIELD DATATYPE ="number" FIELDNUMBER ="3" KEYTYPE ="NOT A KEY" NAME ="AMT" NULLABLE ="NULL" PRECISION ="8" SCALE ="2"/>
        </SOURCE>
        <TARGET DATABASETYPE ="Flat File" NAME ="BIG_CALLS">
        <FLATFILE CODEPAGE ="UTF-8" DELIMITED ="YES" DELIMITERS ="|" ESCAPE_CHARACTER ="" QUOTE_CHARACTER ="NONE" SKIPROWS ="0"/>
        <TARGETFIELD DATATYPE ="number" FIELDNUMBER ="1" KEYTYPE ="NOT A KEY" NAME ="ID" NULLABLE ="NULL" PRECISION ="10" SCALE ="0"/>
        <TARGETFIELD DATATYPE ="string" FIELDNUMBER ="2" KEYTYPE ="NOT A KEY" NAME ="NAME" NULLABLE ="NULL" PRECISION ="20" SCALE ="0"/>
        <TARGETFIELD DATATYPE ="number" FIELDNUMBER ="3" KEYTYPE ="NOT A KEY" NAME ="AMT" NULLABLE ="NULL" PRECISION ="8" SCALE ="2"/>
        <TARGETFIELD DATATYPE ="string" FIELDNUMBER ="4" KEYTYPE ="NOT A KEY" NAME ="NOTE" NULLABLE ="NULL" PRECISION ="10" SCALE ="0"/>
        </TARGET>
        <TARGET DATABASETYPE ="Oracle" NAME ="CALL_NAMES">
        <TARGETFIELD DATATYPE ="number(p,s)" FIELDNUMBER ="1" KEYTYPE ="NOT A KEY" NAME ="ID" NULLABLE ="NULL" PRECISION ="10" SCALE ="0"/>
        <TARGETFIELD DATATYPE ="varchar2" FIELDNUMBER ="2" KEYTYPE ="NOT A KEY" NAME ="NAME" NULLABLE ="NULL" PRECISION ="20" SCALE ="0"/>
        </TARGET>
        <MAPPING ISVALID ="YES" NAME ="m_calls">
        <TRANSFORMATION NAME ="SQ_CALLS" REUSABLE ="NO" TYPE ="Source Qualifier">
        <TRANSFORMFIELD DATATYPE ="decimal" DEFAULTVALUE ="" NAME ="ID" PORTTYPE ="INPUT/OUTPUT" PRECISION ="10" SCALE ="0"/>
        <TRANSFORMFIELD DATATYPE ="string" DEFAULTVALUE ="" NAME ="NAME" PORTTYPE ="INPUT/OUTPUT" PRECISION ="20" SCALE ="0"/>
        <TRANSFORMFIELD DATATYPE ="decimal" DEFAULTVALUE ="" NAME ="AMT" PORTTYPE ="INPUT/OUTPUT" PRECISION ="8" SCALE ="2"/>
        <TABLEATTRIBUTE NAME ="Sql Query" VALUE =""/>
        <TABLEATTRIBUTE NAME ="Source Filter" VALUE =""/>
        </TRANSFORMATION>
        <TRANSFORMATION NAME ="FIL_BIG" REUSABLE ="NO" TYPE ="Filter">
        <TRANSFORMFIELD DATATYPE ="decimal" DEFAULTVALUE ="" NAME ="ID" PORTTYPE ="INPUT/OUTPUT" PRECISION ="10" SCALE ="0"/>
        <TRANSFORMFIELD DATATYPE ="string" DEFAULTVALUE ="" NAME ="NAME" PORTTYPE ="INPUT/OUTPUT" PRECISION ="20" SCALE ="0"/>
        <TRANSFORMFIELD DATATYPE ="decimal" DEFAULTVALUE ="" NAME ="AMT" PORTTYPE ="INPUT/OUTPUT" PRECISION ="8" SCALE ="2"/>
        <TABLEATTRIBUTE NAME ="Filter Condition" VALUE ="AMT &gt; 100"/>
        </TRANSFORMATION>
        <INSTANCE NAME ="CALLS" TRANSFORMATION_NAME ="CALLS" TRANSFORMATION_TYPE ="Source Definition" TYPE ="SOURCE" DBDNAME ="FlatFile"/>
        <INSTANCE NAME ="SQ_CALLS" TRANSFORMATION_NAME ="SQ_CALLS" TRANSFORMATION_TYPE ="Source Qualifier" TYPE ="TRANSFORMATION"><ASSOCIATED_SOURCE_INSTANCE NAME ="CALLS"/></INSTANCE>
        <INSTANCE NAME ="FIL_BIG" TRANSFORMATION_NAME ="FIL_BIG" TRANSFORMATION_TYPE ="Filter" TYPE ="TRANSFORMATION"/>
        <INSTANCE NAME ="BIG_CALLS" TRANSFORMATION_NAME ="BIG_CALLS" TRANSFORMATION_TYPE ="Target Definition" TYPE ="TARGET"/>
        <INSTANCE NAME ="CALL_NAMES" TRANSFORMATION_NAME ="CALL_NAMES" TRANSFORMATION_TYPE ="Target Definition" TYPE ="TARGET"/>
        <CONNECTOR FROMFIELD ="ID" FROMINSTANCE ="CALLS" FROMINSTANCETYPE ="Source Definition" TOFIELD ="ID" TOINSTANCE ="SQ_CALLS" TOINSTANCETYPE ="Source Qualifier"/>
        <CONNECTOR FROMFIELD ="NAME" FROMINSTANCE ="CALLS" FROMINSTANCETYPE ="Source Definition" TOFIELD ="NAME" TOINSTANCE ="SQ_CALLS" TOINSTANCETYPE ="Source Qualifier"/>
        <CONNECTOR FROMFIELD ="AMT" FROMINSTANCE ="CALLS" FROMINSTANCETYPE ="Source Definition" TOFIELD ="AMT" TOINSTANCE ="SQ_CALLS" TOINSTANCETYPE ="Source Qualifier"/>
        <CONNECTOR FROMFIELD ="ID" FROMINSTANCE ="SQ_CALLS" FROMINSTANCETYPE ="Source Qualifier" TOFIELD ="ID" TOINSTANCE ="FIL_BIG" TOINSTANCETYPE ="Filter"/>
        <CONNECTOR FROMFIELD ="NAME" FROMINSTANCE ="SQ_CALLS" FROMINSTANCETYPE ="Source Qualifier" TOFIELD ="NAME" TOINSTANCE ="FIL_BIG" TOINSTANCETYPE ="Filter"/>
        <CONNECTOR FROMFIELD ="AMT" FROMINSTANCE ="SQ_CALLS" FROMINSTANCETYPE ="Source Qualifier" TOFIELD ="AMT" TOINSTANCE ="FIL_BIG" TOINSTANCETYPE ="Filter"/>
        <CONNECTOR FROMFIELD ="ID" FROMINSTANCE ="FIL_BIG" FROMINSTANCETYPE ="Filter" TOFIELD ="ID" TOINSTANCE ="BIG_CALLS" TOINSTANCETYPE ="Target Definition"/>
        <CONNECTOR FROMFIELD ="NAME" FROMINSTANCE ="FIL_BIG" FROMINSTANCETYPE ="Filter" TOFIELD ="NAME" TOINSTANCE ="BIG_CALLS" TOINSTANCETYPE ="Target Definition"/>
        <CONNECTOR FROMFIELD ="AMT" FROMINSTANCE ="FIL_BIG" FROMINSTANCETYPE ="Filter" TOFIELD ="AMT" TOINSTANCE ="BIG_CALLS" TOINSTANCETYPE ="Target Definition"/>
        <CONNECTOR FROMFIELD ="ID" FROMINSTANCE ="SQ_CALLS" FROMINSTANCETYPE ="Source Qualifier" TOFIELD ="ID" TOINSTANCE ="CALL_NAMES" TOINSTANCETYPE ="Target Definition"/>
        <CONNECTOR FROMFIELD ="NAME" FROMINSTANCE ="SQ_CALLS" FROMINSTANCETYPE ="Source Qualifier" TOFIELD ="NAME" TOINSTANCE ="CALL_NAMES" TOINSTANCETYPE ="Target Definition"/>
        </MAPPING>
        </FOLDER>
        </REPOSITORY>
        </POWERMART>
        """#

    static func pipeline() throws -> Pipeline {
        let path = NSTemporaryDirectory() + "sqlfiles-lowering-\(UUID().uuidString).xml"
        try Self.export.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try #require(PowerCenterImporter().importFile(atPath: path).pipelines.first)
    }

    static func script(_ dialect: any SQLDialect) throws -> (String, SQLPipelineSQL) {
        let sql = SQLPipelineLowering(dialect).lower(try pipeline())
        return (SQLPipelineScript.text(sql, dialect: dialect), sql)
    }

    @Test("PostgreSQL: the staging table, the INSERT reading it, and the file's rows as a query")
    func postgres() throws {
        let (text, sql) = try Self.script(PostgreSQLDialect())
        #expect(
            text == """
                -- mapping m_calls, source CALLS (postgres): staging table filled by the runtime's flat-file reader \
                from '$PMSourceFileDir/CALLS' before the statements below run, ROW_ORDINAL numbering the rows it \
                keeps in file order (1, 2, 3, …)
                CREATE TABLE STG_CALLS (
                    ID numeric(10,0),
                    NAME varchar(20),
                    AMT numeric(8,2),
                    ROW_ORDINAL bigint NOT NULL
                );

                -- mapping m_calls, target CALL_NAMES (postgres)
                INSERT INTO CALL_NAMES (ID, NAME)
                WITH
                  SQ_CALLS AS (
                    SELECT
                      ID,
                      NAME,
                      AMT
                    FROM STG_CALLS
                  )
                SELECT
                  ID,
                  NAME
                FROM SQ_CALLS;

                -- mapping m_calls, target BIG_CALLS (postgres): rows for flat file '$PMTargetFileDir/big_calls.out', \
                written by the runtime's flat-file writer (replaced), not by SQL
                WITH
                  SQ_CALLS AS (
                    SELECT
                      ID,
                      NAME,
                      AMT
                    FROM STG_CALLS
                  ),
                  FIL_BIG AS (
                    SELECT
                      ID,
                      NAME,
                      AMT
                    FROM SQ_CALLS
                    WHERE AMT > 100
                  )
                SELECT
                  ID,
                  NAME,
                  AMT,
                  NULL AS NOTE
                FROM FIL_BIG;

                """)
        #expect(sql.loads.map(\.target) == ["CALL_NAMES"])
        #expect(sql.fileLoads.map(\.target) == ["BIG_CALLS"])
        #expect(sql.fileLoads.first?.file.fields.map(\.name) == ["ID", "NAME", "AMT", "NOTE"])
        #expect(sql.fileLoads.first?.file.format.delimiters == "|")
        #expect(sql.staging.first?.file.format.skipRows == 1)
    }

    @Test("SQLite stages decimals as numbers (its decimals are text, which would compare as text)")
    func sqlite() throws {
        let (text, _) = try Self.script(SQLiteDialect())
        #expect(
            text.hasPrefix(
                """
                -- mapping m_calls, source CALLS (sqlite): staging table filled by the runtime's flat-file reader \
                from '$PMSourceFileDir/CALLS' before the statements below run, ROW_ORDINAL numbering the rows it \
                keeps in file order (1, 2, 3, …)
                CREATE TABLE STG_CALLS (
                    ID INTEGER,
                    NAME TEXT,
                    AMT REAL,
                    ROW_ORDINAL INTEGER NOT NULL
                );

                """))
        #expect(text.contains("FROM SQ_CALLS\n    WHERE CAST(AMT AS REAL) > 100\n"))
    }

    @Test("Sybase ASE has no WITH: the file's query nests the transformations as derived tables")
    func sybase() throws {
        let (text, _) = try Self.script(SybaseASEDialect())
        let query = try #require(text.components(separatedBy: "not by SQL\n").last)
        #expect(
            query == """
                SELECT
                  ID,
                  NAME,
                  AMT,
                  NULL AS NOTE
                FROM (
                  SELECT
                    ID,
                    NAME,
                    AMT
                  FROM (
                    SELECT
                      ID,
                      NAME,
                      AMT
                    FROM STG_CALLS
                  ) AS SQ_CALLS
                  WHERE AMT > 100
                ) AS FIL_BIG;

                """)
        // Lowered after PostgreSQL, whose query keeps its WITH, Sybase ASE still gets derived tables.
        let dialects: [any SQLDialect] = [PostgreSQLDialect(), SybaseASEDialect()]
        let both = SQLPipelineLowering(PostgreSQLDialect()).lower(try Self.pipeline(), inEach: dialects)
        #expect(SQLPipelineScript.text(both[1], dialect: SybaseASEDialect()) == text)
        #expect(SQLPipelineScript.text(both[0], dialect: PostgreSQLDialect()).contains("WITH\n"))
    }

    @Test("the report is partial, with a located note naming the staging table and one naming the file")
    func report() throws {
        let (_, sql) = try Self.script(PostgreSQLDialect())
        let report = sql.report
        #expect(report.status == .partial)
        #expect(report.notPushedDown.isEmpty)
        #expect(report.pushedDown == ["CALL_NAMES", "BIG_CALLS"])
        #expect(report.runtimeSteps.map(\.kind) == [.stageSource, .writeFile])
        #expect(report.runtimeSteps.map(\.object) == ["STG_CALLS", "$PMTargetFileDir/big_calls.out"])
        #expect(report.notes.map(\.code.rawValue) == ["CG2101", "CG2102"])
        #expect(report.notes.allSatisfy { $0.severity == .note && $0.fix != nil })
        // The notes point at the source and target instances (lines 37 and 40 of the export).
        #expect(report.notes.map(\.location.line) == [37, 40])
        #expect(report.notes.map { $0.path.description.hasSuffix("INSTANCE[CALLS]") } == [true, false])
    }

    @Test("a staging name that a table already takes gets an underscore; the session names the files")
    func namesAndSession() throws {
        var pipeline = try Self.pipeline()
        let index = try #require(pipeline.nodes.firstIndex { $0.id == "CALL_NAMES" })
        guard case .target(var spec) = pipeline.nodes[index].op else { return }
        spec.table = "STG_CALLS"
        pipeline.nodes[index].op = .target(spec)
        var lowering = SQLPipelineLowering(PostgreSQLDialect())
        let settings = [
            NodeSettings(
                node: "BIG_CALLS",
                attributes: [
                    Attribute("Output filename", "big.txt"), Attribute("Output file directory", "/out"),
                    Attribute("Append if Exists", "YES"),
                ], provenance: pipeline.nodes[index].provenance),
            NodeSettings(
                node: "SQ_CALLS", attributes: [Attribute("Source filename", "calls.csv")],
                provenance: pipeline.nodes[index].provenance),
        ]
        lowering.session = SessionSpec(pipeline: "m_calls", nodes: settings)
        let sql = lowering.lower(pipeline)
        #expect(sql.staging.map(\.table.name) == ["STG_CALLS_"])
        #expect(sql.staging.first?.file.name == "calls.csv")
        #expect(sql.fileLoads.first?.file.displayName(defaultDirectory: "$PMTargetFileDir") == "/out/big.txt")
        #expect(sql.fileLoads.first?.file.appends == true)
        #expect(SQLPipelineScript.text(sql, dialect: PostgreSQLDialect()).contains("FROM STG_CALLS_\n"))
    }

    @Test("refused: a flat-file target under a session treating rows as updates (a file takes no keyed writes)")
    func refusals() throws {
        let pipeline = try Self.pipeline()
        let updates = SQLPipelineLowering(PostgreSQLDialect(), treatRowsAs: .update).lower(pipeline)
        // CALL_NAMES is refused too: an update needs key ports, and it has none.
        #expect(updates.report.notPushedDown.map(\.target) == ["BIG_CALLS", "CALL_NAMES"])
        let file = try #require(updates.report.notPushedDown.first)
        #expect(file.diagnostic.code.rawValue == "CG2013")
        #expect(file.diagnostic.message.contains("treating rows as 'update'"), "\(file.diagnostic.message)")
        #expect(updates.fileLoads.isEmpty && updates.staging.isEmpty)
        #expect(updates.report.status == .none)
    }

    @Test(
        "the staging tables and file queries parse with sqlglot in all ten dialects (this mapping and the corpus)",
        .enabled(if: SQLGlot.available, "skipped: python3 cannot import sqlglot (pip install sqlglot)"))
    func parsesWithSQLGlot() throws {
        var pipelines = [try Self.pipeline()]
        for name in CorpusRoundTripTests.files {
            let path = CorpusRoundTripTests.corpus.appendingPathComponent(name).path
            pipelines += PowerCenterImporter().importFile(atPath: path).pipelines
        }
        var statements: [(id: String, dialect: String, sql: String)] = []
        for pipeline in pipelines {
            for dialect in SQLDialects.all {
                let sql = SQLPipelineLowering(dialect).lower(pipeline)
                let printer = SQLPrinter(dialect)
                statements += sql.staging.map {
                    ("\(pipeline.name)/\($0.source)", dialect.name, printer.print($0.createTable))
                }
                statements += sql.fileLoads.map {
                    ("\(pipeline.name)/\($0.target)", dialect.name, printer.print(.query($0.query)))
                }
            }
        }
        #expect(statements.count >= 20, "this mapping's two statements in ten dialects, and the corpus's")
        let result = try #require(SQLGlot.check(statements))
        #expect(result.output.hasSuffix("checked \(statements.count) failed 0\n"), "\(result.output)")
    }
}
