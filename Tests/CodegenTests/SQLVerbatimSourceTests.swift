import Codegen
import IR
import Testing

/// SQL text from the export (source qualifier overrides, source filters, user-defined joins,
/// lookup overrides and filters) is emitted verbatim in the dialect of the database it was
/// written for, and refused in any other. Every expected statement below is written by hand from
/// the pipeline it lowers.
@Suite struct SQLVerbatimSourceTests {
    /// The INSERT of the only target pushed down, printed in `dialect`.
    static func insert(_ pipeline: Pipeline, _ dialect: any SQLDialect) throws -> String {
        let sql = SQLPipelineLowering(dialect).lower(pipeline)
        #expect(sql.report.notPushedDown.isEmpty, "\(sql.report.diagnostics)")
        let statement = try #require(sql.loads.first?.statements.last)
        return SQLPrinter(dialect).print(statement)
    }

    @Test("a source filter is written as-is in the WHERE, in the sources' own dialect (Oracle)")
    func sourceFilterOnOracle() throws {
        let pipeline = VerbatimPipelines.orders(
            database: "Oracle", SourceQuerySpec(sources: ["ORDERS"], filter: "ORDERS.AMT > 100 AND ROWNUM < 50 "))
        let insert = try Self.insert(pipeline, OracleDialect())
        #expect(
            insert == """
                INSERT INTO T_ORDERS (ID, AMT)
                WITH
                  SQ_ORDERS AS (
                    SELECT
                      ID,
                      CUST,
                      AMT
                    FROM SALES.ORDERS
                    WHERE (ORDERS.AMT > 100 AND ROWNUM < 50)
                  )
                SELECT
                  ID,
                  AMT
                FROM SQ_ORDERS
                """, "\(insert)")
    }

    @Test("the same filter is refused in every other dialect: it would need a translation (CG2005)")
    func sourceFilterElsewhere() throws {
        let pipeline = VerbatimPipelines.orders(
            database: "Oracle", SourceQuerySpec(sources: ["ORDERS"], filter: "ORDERS.AMT > 100"))
        for dialect in SQLDialects.all where dialect.name != "oracle" {
            let report = SQLPipelineLowering(dialect).lower(pipeline).report
            let diagnostic = try #require(report.notPushedDown.first?.diagnostic)
            #expect(diagnostic.code.rawValue == "CG2005")
            #expect(
                diagnostic.message
                    == "source qualifier 'SQ_ORDERS' has a source filter written for Oracle; lowering to "
                    + "\(dialect.name) would need a translation")
            #expect(diagnostic.location == VerbatimPipelines.location(of: "SQ_ORDERS"))
            #expect(report.verbatimTexts.isEmpty)
        }
    }

    @Test("a verbatim text is reported for review: CG2090, located at the source qualifier, with the text")
    func verbatimIsReported() throws {
        let pipeline = VerbatimPipelines.orders(
            database: "Microsoft SQL Server", SourceQuerySpec(sources: ["ORDERS"], filter: "AMT > 100"))
        let report = SQLPipelineLowering(SQLServerDialect()).lower(pipeline).report
        #expect(report.status == .full)
        let note = try #require(report.verbatimTexts.first)
        #expect(report.verbatimTexts.count == 1 && report.notes.contains(note))
        #expect(note.code.rawValue == "CG2090" && note.severity == .warning)
        #expect(note.location == VerbatimPipelines.location(of: "SQ_ORDERS"))
        #expect(note.path.description.hasSuffix("INSTANCE[SQ_ORDERS]"))
        #expect(note.notes == ["text: AMT > 100"])
    }

    @Test("two sources: FROM both, qualified columns, WHERE (join) AND (filter), as PowerCenter generates")
    func userDefinedJoinOfTwoSources() throws {
        let pipeline = VerbatimPipelines.ordersAndCustomers(
            database: "Oracle", join: "ORDERS.CUST = CUSTOMERS.CID(+)", filter: "CUSTOMERS.NAME <> 'X'")
        let insert = try Self.insert(pipeline, OracleDialect())
        #expect(
            insert == """
                INSERT INTO T_OC (ID, NAME)
                WITH
                  SQ_OC AS (
                    SELECT
                      ORDERS.ID,
                      CUSTOMERS.NAME
                    FROM SALES.ORDERS, SALES.CUSTOMERS
                    WHERE (ORDERS.CUST = CUSTOMERS.CID(+)) AND (CUSTOMERS.NAME <> 'X')
                  )
                SELECT
                  ID,
                  NAME
                FROM SQ_OC
                """, "\(insert)")
        let report = SQLPipelineLowering(PostgreSQLDialect()).lower(pipeline).report
        #expect(report.diagnostics.map(\.code.rawValue) == ["CG2005"])
    }

    @Test("two sources without a user-defined join, or with PowerCenter's {…} join syntax, are refused")
    func twoSourcesRefused() throws {
        let none = VerbatimPipelines.ordersAndCustomers(database: "Oracle", join: nil, filter: nil)
        let message = try #require(SQLPipelineLowering(OracleDialect()).lower(none).report.diagnostics.first?.message)
        #expect(message.contains("reads 2 sources without a user-defined join"))
        let braces = VerbatimPipelines.ordersAndCustomers(
            database: "Oracle", join: "{ORDERS LEFT OUTER JOIN CUSTOMERS ON ORDERS.CUST = CUSTOMERS.CID}", filter: nil)
        let other = try #require(SQLPipelineLowering(OracleDialect()).lower(braces).report.diagnostics.first?.message)
        #expect(other.contains("'{… OUTER JOIN …}' syntax"))
    }

    @Test("a SQL override maps its columns to the connected ports by position (PostgreSQL: a column list)")
    func overrideOnPostgres() throws {
        let pipeline = VerbatimPipelines.orders(
            database: "PostgreSQL",
            SourceQuerySpec(sources: ["ORDERS"], sqlOverride: "SELECT ID, AMT * 2 FROM ORDERS;\n", distinct: true))
        let insert = try Self.insert(pipeline, PostgreSQLDialect())
        #expect(
            insert == """
                INSERT INTO T_ORDERS (ID, AMT)
                WITH
                  SQ_ORDERS AS (
                    SELECT
                      ID,
                      AMT
                    FROM (
                      SELECT ID, AMT * 2 FROM ORDERS
                    ) AS SQ_ORDERS_OVERRIDE (ID, AMT)
                  )
                SELECT
                  ID,
                  AMT
                FROM SQ_ORDERS
                """, "\(insert)")
    }

    @Test("Oracle names a derived table's columns through a common table inside it")
    func overrideOnOracle() throws {
        let pipeline = VerbatimPipelines.orders(
            database: "Oracle", SourceQuerySpec(sources: ["ORDERS"], sqlOverride: "SELECT ID, AMT FROM ORDERS -- all"))
        let insert = try Self.insert(pipeline, OracleDialect())
        #expect(
            insert == """
                INSERT INTO T_ORDERS (ID, AMT)
                WITH
                  SQ_ORDERS AS (
                    SELECT
                      ID,
                      AMT
                    FROM (
                      WITH SQ_ORDERS_OVERRIDE (ID, AMT) AS (
                      SELECT ID, AMT FROM ORDERS -- all
                      )
                      SELECT * FROM SQ_ORDERS_OVERRIDE
                    ) SQ_ORDERS_OVERRIDE
                  )
                SELECT
                  ID,
                  AMT
                FROM SQ_ORDERS
                """, "\(insert)")
    }

    @Test("$$ parameters: refused without values; substituted from the given values or the declared default")
    func parameters() throws {
        let spec = SourceQuerySpec(sources: ["ORDERS"], filter: "AMT > $$MIN_AMT AND REGION = '$$Region'")
        let pipeline = VerbatimPipelines.orders(database: "Oracle", spec, defaults: ["$$Region": "EU"])
        let refused = SQLPipelineLowering(OracleDialect()).lower(pipeline).report.diagnostics
        #expect(
            refused.map(\.message) == [
                "source qualifier 'SQ_ORDERS' has a source filter naming parameter '$$MIN_AMT', substituted only at run "
                    + "time (no parameter values were given)"
            ])
        var lowering = SQLPipelineLowering(OracleDialect())
        lowering.parameters = ["Region": "unused"]
        #expect(lowering.lower(pipeline).report.diagnostics.first?.message.contains("(it has no value)") == true)
        lowering.parameters = ["$$min_amt": "250"]
        let sql = lowering.lower(pipeline)
        let insert = SQLPrinter(OracleDialect()).print(try #require(sql.loads.first?.statements.last))
        #expect(insert.contains("WHERE (AMT > 250 AND REGION = 'EU')"), "\(insert)")
        lowering.includesSourceSQL = false
        let scratch = lowering.lower(pipeline).report.diagnostics.map(\.message)
        #expect(scratch.first?.hasSuffix("as the native run on scratch data leaves it out") == true, "\(scratch)")
    }

    @Test("unknown database types are refused by name; a session's Source Filter replaces the mapping's")
    func unknownDatabaseAndSession() throws {
        let odbc = VerbatimPipelines.orders(database: "ODBC", SourceQuerySpec(sources: ["ORDERS"], filter: "AMT > 1"))
        let message = try #require(SQLPipelineLowering(OracleDialect()).lower(odbc).report.diagnostics.first?.message)
        #expect(
            message
                == "source qualifier 'SQ_ORDERS' has a source filter written for the database of source 'ORDERS', "
                + "whose type 'ODBC' names no SQL dialect; the text cannot be checked against oracle")
        let plain = VerbatimPipelines.orders(database: "Oracle", SourceQuerySpec(sources: ["ORDERS"]))
        var lowering = SQLPipelineLowering(OracleDialect())
        lowering.session = SessionSpec(
            pipeline: "m",
            nodes: [
                NodeSettings(
                    node: "SQ_ORDERS", attributes: [Attribute("Source Filter", "AMT < 7")],
                    provenance: plain.provenance)
            ])
        let insert = SQLPrinter(OracleDialect()).print(try #require(lowering.lower(plain).loads.first?.statements.last))
        #expect(insert.contains("WHERE (AMT < 7)"), "\(insert)")
    }

    @Test("a lookup's SQL override is a derived table matched by name; its trailing comment ends its line")
    func lookupOverride() throws {
        let pipeline = VerbatimPipelines.lookup(
            override: "SELECT CID, NAME FROM CUSTOMERS WHERE ACTIVE = 1 --", filter: nil, connection: "$Source")
        let insert = try Self.insert(pipeline, SQLServerDialect())
        #expect(
            insert.contains(
                """
                  LEFT OUTER JOIN (
                    SELECT
                      CID,
                      NAME
                    FROM (
                      SELECT CID, NAME FROM CUSTOMERS WHERE ACTIVE = 1 --
                    ) AS LKP_CUST_OVERRIDE
                  ) AS L ON I.CUST = L.CID OR I.CUST IS NULL AND L.CID IS NULL
                """), "\(insert)")
        let refused = SQLPipelineLowering(TeradataDialect()).lower(pipeline).report.diagnostics
        #expect(
            refused.map(\.message) == [
                "lookup 'LKP_CUST' has a SQL override written for Microsoft SQL Server; lowering to teradata would "
                    + "need a translation"
            ])
        #expect(refused.map(\.code.rawValue) == ["CG2012"])
    }

    @Test("a lookup's source filter is its rows' WHERE; a named connection's database is unknown")
    func lookupFilter() throws {
        let pipeline = VerbatimPipelines.lookup(override: nil, filter: "ACTIVE = 1", connection: "$Source")
        let insert = try Self.insert(pipeline, SQLServerDialect())
        #expect(insert.contains("    FROM CUSTOMERS\n    WHERE (ACTIVE = 1)\n  ) AS L ON"), "\(insert)")
        let named = VerbatimPipelines.lookup(override: nil, filter: "ACTIVE = 1", connection: "DW_CONN")
        let message = try #require(SQLPipelineLowering(SQLServerDialect()).lower(named).report.diagnostics.first)
        #expect(message.message.contains("database of connection 'DW_CONN', whose type the export does not give"))
        let both = VerbatimPipelines.lookup(override: "SELECT CID, NAME FROM C", filter: "A = 1", connection: "$Source")
        let twice = try #require(SQLPipelineLowering(SQLServerDialect()).lower(both).report.diagnostics.first)
        #expect(twice.message.contains("has both a SQL override and a source filter"))
    }

    @Test("a named connection's database is the session's connection reference subtype (Microsoft SQL Server)")
    func lookupConnectionSubtype() throws {
        let named = VerbatimPipelines.lookup(override: nil, filter: "ACTIVE = 1", connection: "DW_CONN")
        let here = Provenance(path: ObjectPath(), location: SourceLocation(file: "s.XML", line: 9, column: 9))
        let settings = NodeSettings(
            node: "LKP_CUST", connection: "DW_CONN", connectionType: "Relational/Microsoft SQL Server", provenance: here
        )
        var lowering = SQLPipelineLowering(SQLServerDialect())
        lowering.session = SessionSpec(pipeline: named.name, nodes: [settings])
        let sql = lowering.lower(named)
        #expect(sql.report.status == .full, "\(sql.report.diagnostics)")
        #expect(sql.report.verbatimTexts.map(\.code.rawValue) == ["CG2090"])
        var other = SQLPipelineLowering(PostgreSQLDialect())
        other.session = lowering.session
        let refused = try #require(other.lower(named).report.diagnostics.first)
        #expect(
            refused.message.contains("written for Microsoft SQL Server; lowering to postgres would need a translation"))
        // A reference of another kind (an application connection) names no database.
        let application = NodeSettings(
            node: "LKP_CUST", connection: "DW_CONN", connectionType: "Application/SAP", provenance: here)
        lowering.session = SessionSpec(pipeline: named.name, nodes: [application])
        let unknown = try #require(lowering.lower(named).report.diagnostics.first)
        #expect(unknown.message.contains("whose type the export does not give"), "\(unknown.message)")
    }

    @Test("text naming a common table of the statement is refused: it would read that instead of its table")
    func commonTableNames() throws {
        let pipeline = VerbatimPipelines.lookup(
            override: "SELECT CID, NAME FROM SQ_ORDERS", filter: nil, connection: "$Source")
        let message = try #require(SQLPipelineLowering(SQLServerDialect()).lower(pipeline).report.diagnostics.first)
        #expect(message.message.contains("that reads 'SQ_ORDERS', the name of a common table"))
    }

    @Test(
        "the verbatim statements parse with sqlglot in their dialect",
        .enabled(if: SQLGlot.available, "skipped: python3 cannot import sqlglot (pip install sqlglot)"))
    func parsesWithSQLGlot() throws {
        let cases: [(Pipeline, any SQLDialect)] = [
            (
                VerbatimPipelines.ordersAndCustomers(
                    database: "Oracle", join: "ORDERS.CUST = CUSTOMERS.CID(+)", filter: "ROWNUM < 9"), OracleDialect()
            ),
            (
                VerbatimPipelines.orders(
                    database: "Oracle",
                    SourceQuerySpec(sources: ["ORDERS"], sqlOverride: "SELECT ID, AMT FROM ORDERS -- x")),
                OracleDialect()
            ),
            (
                VerbatimPipelines.orders(
                    database: "PostgreSQL",
                    SourceQuerySpec(sources: ["ORDERS"], sqlOverride: "SELECT ID, AMT FROM ORDERS")),
                PostgreSQLDialect()
            ),
            (
                VerbatimPipelines.lookup(
                    override: "SELECT CID, NAME FROM CUSTOMERS WITH (NOLOCK) --", filter: nil, connection: "$Source"),
                SQLServerDialect()
            ),
        ]
        var statements: [(id: String, dialect: String, sql: String)] = []
        for (index, (pipeline, dialect)) in cases.enumerated() {
            statements.append(("case \(index)", dialect.name, try Self.insert(pipeline, dialect)))
        }
        let result = try #require(SQLGlot.check(statements))
        #expect(result.output.hasSuffix("checked 4 failed 0\n"), "\(result.output)")
    }

    @Test("the printer writes verbatim conditions and derived tables as they are")
    func printer() {
        let printer = SQLPrinter(SQLiteDialect())
        let condition = SQLExpression.binary(.or, .verbatim(" a = 1;; "), .verbatim("b = 2 -- note"))
        #expect(printer.print(condition) == "(a = 1) OR (b = 2 -- note\n)")
        let select = SQLSelect(
            items: [SQLSelectItem(.column(table: nil, name: "X"))],
            from: .verbatim("SELECT 1", alias: "Q", columns: ["X"]))
        #expect(
            printer.print(.query(.select(select)))
                == "SELECT X\nFROM (\n  WITH Q (X) AS (\n  SELECT 1\n  )\n  SELECT * FROM Q\n) AS Q")
        let comma = SQLSelect(
            items: [SQLSelectItem(.star(table: nil))],
            from: .join(.table(SQLTableName("A"), alias: nil), .comma, .table(SQLTableName("B"), alias: nil), on: nil))
        #expect(printer.print(.query(.select(comma))) == "SELECT *\nFROM A, B")
    }
}
