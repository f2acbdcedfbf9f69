import Foundation
import IR
import Importers
import Testing

@testable import Runtime

/// The export, connections files and table helpers of the PostgreSQL run tests.
enum PostgresRunFixture {
    /// A field line of the export: `name datatype precision scale [key]`.
    static func field(_ tag: String, _ name: String, _ type: String, _ precision: Int, _ scale: Int, key: Bool = false)
        -> String
    {
        let keyType = key ? "PRIMARY KEY" : "NOT A KEY"
        let nullable = key ? "NOTNULL" : "NULL"
        return "<\(tag) DATATYPE =\"\(type)\" NAME =\"\(name)\" KEYTYPE =\"\(keyType)\" NULLABLE =\"\(nullable)\" "
            + "PRECISION =\"\(precision)\" SCALE =\"\(scale)\" FIELDNUMBER =\"1\"/>"
    }

    /// An Expression or Source Qualifier port; `expression` nil for an input port.
    static func port(
        _ name: String, _ type: String, _ precision: Int, _ scale: Int, _ kind: String, _ expression: String?
    )
        -> String
    {
        let text = expression.map { " EXPRESSION =\"\($0)\" EXPRESSIONTYPE =\"GENERAL\"" } ?? ""
        return "<TRANSFORMFIELD DATATYPE =\"\(type)\" DEFAULTVALUE =\"\" NAME =\"\(name)\" PORTTYPE =\"\(kind)\" "
            + "PRECISION =\"\(precision)\" SCALE =\"\(scale)\"\(text)/>"
    }

    static func connector(_ from: String, _ fromInstance: String, _ to: String, _ toInstance: String) -> String {
        "<CONNECTOR FROMFIELD =\"\(from)\" FROMINSTANCE =\"\(fromInstance)\" TOFIELD =\"\(to)\" "
            + "TOINSTANCE =\"\(toInstance)\"/>"
    }

    /// `m_pg_orders`: ORDERS → SQ_ORDERS → EXP_FACTS (upper-case name, doubled amount, month,
    /// due date, name length) → T_ORDER_FACTS keyed by ID.
    static let xml: String = {
        let sourceFields = [
            field("SOURCEFIELD", "ID", "number(p,s)", 10, 0, key: true),
            field("SOURCEFIELD", "CUSTOMER", "varchar2", 40, 0), field("SOURCEFIELD", "AMOUNT", "number(p,s)", 12, 2),
            field("SOURCEFIELD", "ORDERED", "date", 19, 0), field("SOURCEFIELD", "NOTE", "varchar2", 20, 0),
        ]
        let targetFields = [
            field("TARGETFIELD", "ID", "number(p,s)", 10, 0, key: true),
            field("TARGETFIELD", "CUSTOMER_UP", "varchar2", 40, 0),
            field("TARGETFIELD", "AMOUNT2", "number(p,s)", 14, 2),
            field("TARGETFIELD", "ORDER_MONTH", "varchar2", 7, 0), field("TARGETFIELD", "DUE", "date", 19, 0),
            field("TARGETFIELD", "NAME_LEN", "number(p,s)", 10, 0), field("TARGETFIELD", "NOTE", "varchar2", 20, 0),
        ]
        let qualifier = [
            port("ID", "decimal", 10, 0, "INPUT/OUTPUT", nil), port("CUSTOMER", "string", 40, 0, "INPUT/OUTPUT", nil),
            port("AMOUNT", "decimal", 12, 2, "INPUT/OUTPUT", nil),
            port("ORDERED", "date/time", 29, 9, "INPUT/OUTPUT", nil),
            port("NOTE", "string", 20, 0, "INPUT/OUTPUT", nil),
        ]
        let expression = [
            port("ID", "decimal", 10, 0, "INPUT/OUTPUT", "ID"), port("CUSTOMER", "string", 40, 0, "INPUT", nil),
            port("AMOUNT", "decimal", 12, 2, "INPUT", nil), port("ORDERED", "date/time", 29, 9, "INPUT", nil),
            port("NOTE", "string", 20, 0, "INPUT/OUTPUT", "NOTE"),
            port("CUSTOMER_UP", "string", 40, 0, "OUTPUT", "UPPER(CUSTOMER)"),
            port("AMOUNT2", "decimal", 14, 2, "OUTPUT", "IIF(ISNULL(AMOUNT), 0, AMOUNT * 2)"),
            port("ORDER_MONTH", "string", 7, 0, "OUTPUT", "TO_CHAR(ORDERED, &apos;YYYY-MM&apos;)"),
            port("DUE", "date/time", 29, 9, "OUTPUT", "ADD_TO_DATE(ORDERED, &apos;DD&apos;, 30)"),
            port("NAME_LEN", "integer", 10, 0, "OUTPUT", "LENGTH(CUSTOMER)"),
        ]
        let sourceColumns = ["ID", "CUSTOMER", "AMOUNT", "ORDERED", "NOTE"]
        let targetColumns = ["ID", "CUSTOMER_UP", "AMOUNT2", "ORDER_MONTH", "DUE", "NAME_LEN", "NOTE"]
        let connectors =
            sourceColumns.map { connector($0, "ORDERS", $0, "SQ_ORDERS") }
            + sourceColumns.map { connector($0, "SQ_ORDERS", $0, "EXP_FACTS") }
            + targetColumns.map { connector($0, "EXP_FACTS", $0, "T_ORDER_FACTS") }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <POWERMART CREATION_DATE="01/15/2024 10:00:00" REPOSITORY_VERSION="188.97">
            <REPOSITORY NAME="REP" VERSION="188" CODEPAGE="UTF-8" DATABASETYPE="Oracle">
            <FOLDER NAME="PG" OWNER="dev" SHARED="NOTSHARED">
            <SOURCE DATABASETYPE ="Oracle" DBDNAME ="ora" NAME ="ORDERS" OWNERNAME ="APP">
            \(sourceFields.joined(separator: "\n"))
            </SOURCE>
            <TARGET DATABASETYPE ="Oracle" NAME ="T_ORDER_FACTS">
            \(targetFields.joined(separator: "\n"))
            </TARGET>
            <MAPPING ISVALID ="YES" NAME ="m_pg_orders">
            <TRANSFORMATION NAME ="SQ_ORDERS" REUSABLE ="NO" TYPE ="Source Qualifier">
            \(qualifier.joined(separator: "\n"))
            <TABLEATTRIBUTE NAME ="Number Of Sorted Ports" VALUE ="0"/>
            </TRANSFORMATION>
            <TRANSFORMATION NAME ="EXP_FACTS" REUSABLE ="NO" TYPE ="Expression">
            \(expression.joined(separator: "\n"))
            </TRANSFORMATION>
            <INSTANCE NAME ="ORDERS" TRANSFORMATION_NAME ="ORDERS" TRANSFORMATION_TYPE ="Source Definition" TYPE ="SOURCE" DBDNAME ="ora"/>
            <INSTANCE NAME ="SQ_ORDERS" TRANSFORMATION_NAME ="SQ_ORDERS" TRANSFORMATION_TYPE ="Source Qualifier" TYPE ="TRANSFORMATION">
            <ASSOCIATED_SOURCE_INSTANCE NAME ="ORDERS"/>
            </INSTANCE>
            <INSTANCE NAME ="EXP_FACTS" TRANSFORMATION_NAME ="EXP_FACTS" TRANSFORMATION_TYPE ="Expression" TYPE ="TRANSFORMATION"/>
            <INSTANCE NAME ="T_ORDER_FACTS" TRANSFORMATION_NAME ="T_ORDER_FACTS" TRANSFORMATION_TYPE ="Target Definition" TYPE ="TARGET"/>
            \(connectors.joined(separator: "\n"))
            </MAPPING>
            </FOLDER>
            </REPOSITORY>
            </POWERMART>
            """
    }()

    /// A new empty folder inside the test server's directory, so it goes when the server is removed
    /// at the end of the suite (under /tmp outside the suite).
    static func folder() throws -> String {
        let parent = PostgresTestServer.current?.directory ?? "/tmp"
        let path = "\(parent)/migrate-pgrun-\(UUID().uuidString.prefix(8).lowercased())"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The export written to `folder`, and its imported mapping.
    static func pipeline(in folder: String) throws -> (path: String, pipeline: Pipeline) {
        let path = folder + "/m_pg_orders.XML"
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        let result = PowerCenterImporter().importFile(atPath: path)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "import errors: \(errors)")
        let pipeline = try #require(result.pipelines.first { $0.name == "m_pg_orders" })
        return (path, pipeline)
    }

    /// Connections file text for the test server, with `schema` as search path and `extra` settings.
    static func connectionsText(schema: String, extra: String = "") throws -> String {
        let server = try #require(PostgresTestServer.current)
        return """
            connections:
              PG: {type: postgresql, socket_dir: '\(server.directory)', port: \(server.port), database: postgres, \
            user: \(PostgresTestServer.user), schema: \(schema)\(extra)}
            default: PG
            """
    }

    static func connections(schema: String, extra: String = "") throws -> ConnectionsFile {
        let (file, diagnostics) = ConnectionsFile.parse(
            try connectionsText(schema: schema, extra: extra), file: "connections.yaml", baseDirectory: "/tmp")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(file)
    }

    /// Runs `pipeline` against `file`.
    static func run(
        _ pipeline: Pipeline, _ file: ConnectionsFile, session: SessionSpec? = nil, runID: String = "run-1",
        environment: [String: String] = [:], rejectFile: String? = nil
    ) -> PipelineRunResult {
        let options = PipelineRunOptions(
            runID: runID, session: session,
            settings: ExpressionRunner.settings(now: DateTimeValue(day: 738_000, nanosecond: 0), highPrecision: false),
            rejectFile: rejectFile)
        return PipelineExecutor.run(
            pipeline, resources: RunResources(file: file, environment: environment), options: options)
    }

    /// Runs `body` with a fresh schema (dropped afterwards) and a connection whose search path is it.
    static func withSchema(_ body: (String, PostgresConnection) throws -> Void) throws {
        let connection = try PostgresTestServer.connect()
        let schema = "run_\(UUID().uuidString.prefix(8).lowercased())"
        try connection.execute("CREATE SCHEMA \(schema); SET search_path TO \(schema)")
        defer { try? connection.execute("DROP SCHEMA \(schema) CASCADE") }
        try body(schema, connection)
    }

    /// Creates ORDERS and fills it with `rows` (ID, CUSTOMER, AMOUNT, ORDERED, NOTE as SQL literals).
    static func createOrders(_ connection: PostgresConnection, _ rows: [String]) throws {
        try connection.execute(
            "CREATE TABLE \"ORDERS\" (\"ID\" numeric(10,0) PRIMARY KEY, \"CUSTOMER\" varchar(40), "
                + "\"AMOUNT\" numeric(12,2), \"ORDERED\" date, \"NOTE\" varchar(20))")
        guard !rows.isEmpty else { return }
        try connection.execute("INSERT INTO \"ORDERS\" VALUES " + rows.map { "(\($0))" }.joined(separator: ", "))
    }

    /// Rows with NULLs, decimals, a leap day and non-ASCII text.
    static let orderRows = [
        "1, 'Zoë Ünal', 10.25, '2024-01-31', 'first'", "2, '東京商事', NULL, '2024-02-15', NULL",
        "3, NULL, -3.75, '2023-12-31', 'neg'", "4, 'o''brien', 99999.99, '2024-02-29', 'quote'",
    ]

    /// What the mapping makes of ``orderRows``, worked out by hand: UPPER, 2 × AMOUNT (0 for NULL),
    /// 'YYYY-MM', ORDERED + 30 days, LENGTH in characters.
    static let expectedFacts: [[String?]] = [
        ["1", "ZOË ÜNAL", "20.50", "2024-01", "2024-03-01 00:00:00", "8", "first"],
        ["2", "東京商事", "0.00", "2024-02", "2024-03-16 00:00:00", "4", nil],
        ["3", nil, "-7.50", "2023-12", "2024-01-30 00:00:00", nil, "neg"],
        ["4", "O'BRIEN", "199999.98", "2024-02", "2024-03-30 00:00:00", "7", "quote"],
    ]

    /// The target table as the tests create it, with `constraints` added to its column list.
    static func createFacts(_ connection: PostgresConnection, constraints: String = "") throws {
        try connection.execute(
            "CREATE TABLE \"T_ORDER_FACTS\" (\"ID\" numeric(10,0) PRIMARY KEY, \"CUSTOMER_UP\" varchar(40), "
                + "\"AMOUNT2\" numeric(14,2), \"ORDER_MONTH\" varchar(7), \"DUE\" timestamp(0), "
                + "\"NAME_LEN\" numeric(10,0), \"NOTE\" varchar(20)\(constraints))")
    }

    /// Every row of T_ORDER_FACTS as text, by ID.
    static func facts(_ connection: PostgresConnection) throws -> [[String?]] {
        let columns = ["ID", "CUSTOMER_UP", "AMOUNT2", "ORDER_MONTH", "DUE", "NAME_LEN", "NOTE"]
        let sql =
            "SELECT " + columns.map { "\"\($0)\"::text" }.joined(separator: ", ")
            + " FROM \"T_ORDER_FACTS\" ORDER BY \"T_ORDER_FACTS\".\"ID\""
        let rows = try connection.query(sql, types: columns.map { _ in .string(precision: 1000) })
        return rows.rows.map { row in
            row.map { value in
                if case .string(let text) = value { return text }
                return nil
            }
        }
    }
}
