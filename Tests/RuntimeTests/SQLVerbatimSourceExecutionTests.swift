import Codegen
import Foundation
import IR
import Runtime
import Testing

/// Source qualifiers with SQL text run natively (the runtime sends the text to the source
/// connection) and as the pushed-down SQL (the text verbatim in the statement); both must write
/// the rows worked out by hand. The sources' database type is the dialect's, as the lowering
/// requires for verbatim text.
enum SQLVerbatimSourceCases {
    /// ORDERS (ID, CUST, AMT): 1/100/5, 2/100/50, 3/200/70, 4/NULL/80, 5/300/90.
    static let orders = SQLPipelineCases.Table(
        name: "ORDERS", columns: ["ID:i", "CUST:i", "AMT:i"],
        rows: [
            ["1", "100", "5"], ["2", "100", "50"], ["3", "200", "70"], ["4", "NULL", "80"], ["5", "300", "90"],
        ])
    /// CUSTOMERS (CID, NAME): 100/ann, 200/bob, 400/dan.
    static let customers = SQLPipelineCases.Table(
        name: "CUSTOMERS", columns: ["CID:i", "NAME:s10"], rows: [["100", "ann"], ["200", "bob"], ["400", "dan"]])

    /// A relational source definition of `database` and its instance, without a source qualifier.
    static func source(_ export: inout ExportBuilder, _ table: SQLPipelineCases.Table, database: String) {
        export.definitions.append(
            "<SOURCE DATABASETYPE =\"\(database)\" DBDNAME =\"db\" NAME =\"\(table.name)\" OWNERNAME =\"\">\n"
                + ExportBuilder.fields("SOURCEFIELD", table.columns, fileFormat: false) + "\n</SOURCE>")
        export.instances.append(
            "<INSTANCE NAME =\"\(table.name)\" TRANSFORMATION_NAME =\"\(table.name)\" "
                + "TRANSFORMATION_TYPE =\"Source Definition\" TYPE =\"SOURCE\" DBDNAME =\"db\"/>")
        export.instanceTypes[table.name] = "Source Definition"
    }

    /// ORDERS and CUSTOMERS read by one source qualifier SQ_OC joined by `ORDERS.CUST =
    /// CUSTOMERS.CID` and filtered by `ORDERS.AMT > 10` → T_OC (ID, NAME, AMT). Rows: order 1 is
    /// filtered out (AMT 5), 4 (no customer) and 5 (customer 300 unknown) find no CUSTOMERS row,
    /// customer 400 has no order: 2/ann/50, 3/bob/70.
    static func joinAndFilter(database: String) -> SQLPipelineCases.Case {
        var export = ExportBuilder()
        source(&export, orders, database: database)
        source(&export, customers, database: database)
        let columns = orders.columns + customers.columns
        export.transformation(
            "SQ_OC", type: "Source Qualifier", ports: columns.map { ExportBuilder.port($0) },
            attributes: [
                ("Sql Query", ""), ("User Defined Join", "ORDERS.CUST = CUSTOMERS.CID"),
                ("Source Filter", "ORDERS.AMT > 10"), ("Number Of Sorted Ports", "0"),
            ])
        export.instances[export.instances.count - 1] = export.instances[export.instances.count - 1]
            .replacingOccurrences(
                of: "</INSTANCE>",
                with:
                    "<ASSOCIATED_SOURCE_INSTANCE NAME =\"ORDERS\"/><ASSOCIATED_SOURCE_INSTANCE NAME =\"CUSTOMERS\"/></INSTANCE>"
            )
        export.connect("ORDERS", "SQ_OC", ["ID", "CUST", "AMT"])
        export.connect("CUSTOMERS", "SQ_OC", ["CID", "NAME"])
        export.target("T_OC", ["ID:i", "NAME:s10", "AMT:i"])
        export.connect("SQ_OC", "T_OC", ["ID", "NAME", "AMT"])
        return SQLPipelineCases.Case(
            name: "join and filter (\(database))", export: export, tables: [orders, customers],
            expected: ["T_OC": ["2|ann|50", "3|bob|70"]], columns: ["T_OC": ["ID", "NAME", "AMT"]])
    }

    /// ORDERS read by SQ_ORDERS through the override `SELECT ID, CUST, AMT * 2 FROM ORDERS WHERE
    /// AMT > 10` (columns to ports by position) → T_OV (ID, CUST, AMT): 2/100/100, 3/200/140,
    /// 4/NULL/160, 5/300/180.
    static func override(database: String) -> SQLPipelineCases.Case {
        var export = ExportBuilder()
        source(&export, orders, database: database)
        export.transformation(
            "SQ_ORDERS", type: "Source Qualifier", ports: orders.columns.map { ExportBuilder.port($0) },
            attributes: [("Sql Query", "SELECT ID, CUST, AMT * 2 FROM ORDERS WHERE AMT > 10;")], associated: "ORDERS")
        export.connect("ORDERS", "SQ_ORDERS", ["ID", "CUST", "AMT"])
        export.target("T_OV", orders.columns)
        export.connect("SQ_ORDERS", "T_OV", ["ID", "CUST", "AMT"])
        return SQLPipelineCases.Case(
            name: "override (\(database))", export: export, tables: [orders],
            expected: ["T_OV": ["2|100|100", "3|200|140", "4|NULL|160", "5|300|180"]],
            columns: ["T_OV": ["ID", "CUST", "AMT"]])
    }
}

@Suite("SQL text of source qualifiers, natively and as SQL on SQLite")
struct SQLVerbatimSourceExecutionTests {
    @Test(
        "a user-defined join with a source filter, and a SQL override, give the native rows",
        arguments: [
            SQLVerbatimSourceCases.joinAndFilter(database: "SQLite"),
            SQLVerbatimSourceCases.override(database: "SQLite"),
        ])
    func sqlite(_ c: SQLPipelineCases.Case) throws {
        let run = try SQLPipelineExecution(sqlite: c)
        #expect(run.report.status == .full, "\(run.report.diagnostics)")
        #expect(run.report.verbatimTexts.map(\.code.rawValue).allSatisfy { $0 == "CG2090" })
        #expect(!run.report.verbatimTexts.isEmpty)
        #expect(run.native == c.expected)
        #expect(run.pushedDown == run.native, "\(run.script)")
    }

    @Test("written for Oracle, the same mapping is not pushed down to SQLite (CG2005)")
    func otherDatabase() throws {
        let run = try SQLPipelineExecution(sqlite: SQLVerbatimSourceCases.joinAndFilter(database: "Oracle"))
        #expect(run.native == ["T_OC": ["2|ann|50", "3|bob|70"]])
        #expect(run.report.status == .none)
        #expect(run.report.diagnostics.map(\.code.rawValue) == ["CG2005"])
    }
}

extension PostgresTests {
    @Suite("SQL text of source qualifiers, natively and as SQL on PostgreSQL")
    struct VerbatimSources {
        @Test(
            "a user-defined join with a source filter, and a SQL override, give the native rows",
            arguments: [
                SQLVerbatimSourceCases.joinAndFilter(database: "PostgreSQL"),
                SQLVerbatimSourceCases.override(database: "PostgreSQL"),
            ])
        func postgres(_ c: SQLPipelineCases.Case) throws {
            try PostgresTests.withSchema { connection in
                let run = try SQLPipelineExecution(postgres: c, connection)
                #expect(run.report.status == .full, "\(run.report.diagnostics)")
                #expect(run.native == c.expected)
                #expect(run.pushedDown == run.native, "\(run.script)")
            }
        }
    }
}
