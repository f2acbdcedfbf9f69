import Codegen
import Foundation
import IR
import Testing

@testable import Runtime

/// Statements printed by the SQL printer run on real engines (embedded SQLite, and a throwaway
/// PostgreSQL server in `PostgresTests`) and give the rows worked out by hand.
enum SQLPrinterExecution {
    /// CUSTOMERS: (1, 'Ann'), (2, NULL), (3, 'O''Brien'); ORDERS: (1, 10), (1, 2), (3, 7).
    static func setup(_ dialect: any SQLDialect) -> [String] {
        let printer = SQLPrinter(dialect)
        let customers = SQLTableName("CUSTOMERS")
        let orders = SQLTableName("ORDERS")
        func row(_ values: [SQLLiteral], _ names: [String]) -> SQLQuery {
            .select(SQLSelect(items: zip(values, names).map { SQLSelectItem(.literal($0), as: $1) }))
        }
        return [
            printer.print(
                .createTable(
                    customers,
                    [SQLColumnDefinition("ID", .bigint, nullable: false), SQLColumnDefinition("NAME", .varchar(20))])),
            printer.print(
                .createTable(orders, [SQLColumnDefinition("CUST_ID", .bigint), SQLColumnDefinition("QTY", .integer)])),
            printer.print(
                .insert(
                    customers, columns: ["ID", "NAME"],
                    .union(
                        all: true,
                        [
                            row([.integer(1), .string("Ann")], ["ID", "NAME"]),
                            .select(
                                SQLSelect(items: [
                                    SQLSelectItem(.literal(.integer(2)), as: "ID"),
                                    SQLSelectItem(.cast(.literal(.null), .varchar(20)), as: "NAME"),
                                ])),
                            row([.integer(3), .string("O'Brien")], ["ID", "NAME"]),
                        ]))),
            printer.print(
                .insert(
                    orders, columns: ["CUST_ID", "QTY"],
                    .union(
                        all: true,
                        [
                            row([.integer(1), .integer(10)], ["CUST_ID", "QTY"]),
                            row([.integer(1), .integer(2)], ["CUST_ID", "QTY"]),
                            row([.integer(3), .integer(7)], ["CUST_ID", "QTY"]),
                        ]))),
        ]
    }

    /// Customers with their orders, NULL names first, then by quantity, three rows.
    static func query(_ dialect: any SQLDialect) -> String {
        let source = SQLSelect(
            items: [SQLSelectItem(.column(table: nil, name: "ID")), SQLSelectItem(.column(table: nil, name: "NAME"))],
            from: .table(SQLTableName("CUSTOMERS"), alias: nil))
        let select = SQLSelect(
            with: [SQLCommonTable("SQ_CUSTOMERS", .select(source))],
            items: [
                SQLSelectItem(.column(table: "c", name: "NAME")),
                SQLSelectItem(
                    .binary(.multiply, .column(table: "o", name: "QTY"), .literal(.integer(2))), as: "DOUBLED"),
            ],
            from: .join(
                .table(SQLTableName("SQ_CUSTOMERS"), alias: "c"), .left, .table(SQLTableName("ORDERS"), alias: "o"),
                on: .binary(.equal, .column(table: "c", name: "ID"), .column(table: "o", name: "CUST_ID"))),
            orderBy: [
                SQLOrdering(.column(table: "c", name: "NAME"), nulls: .first),
                SQLOrdering(.column(table: "o", name: "QTY"), nulls: .last),
            ],
            limit: 3)
        return SQLPrinter(dialect).print(.query(.select(select)))
    }

    /// (NULL, NULL) for customer 2 without orders, then Ann's orders by quantity (2, 10) doubled.
    static let expected: [[Value]] = [[.null, .null], [.string("Ann"), .integer(4)], [.string("Ann"), .integer(20)]]
}

@Suite struct SQLPrinterExecutionTests {
    @Test func printedStatementsRunOnSQLite() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        for statement in SQLPrinterExecution.setup(SQLiteDialect()) { try connection.execute(statement) }
        let rows = try connection.query(
            SQLPrinterExecution.query(SQLiteDialect()), types: [.string(precision: 20), .integer])
        #expect(rows.rows == SQLPrinterExecution.expected)
        try connection.execute(SQLPrinter(SQLiteDialect()).print(.truncate(SQLTableName("ORDERS"))))
        #expect(try connection.query("SELECT count(*) FROM ORDERS", types: [.integer]).rows == [[.integer(0)]])
    }
}

extension PostgresTests {
    @Suite("statements printed for PostgreSQL")
    struct PrintedSQL {
        @Test("a CTE, a left join, NULLS FIRST and LIMIT give the hand-worked rows")
        func printedStatementsRunOnPostgres() throws {
            try PostgresTests.withSchema { connection in
                for statement in SQLPrinterExecution.setup(PostgreSQLDialect()) { try connection.execute(statement) }
                let rows = try connection.query(
                    SQLPrinterExecution.query(PostgreSQLDialect()), types: [.string(precision: 20), .integer])
                #expect(rows.rows == SQLPrinterExecution.expected)
            }
        }
    }
}
