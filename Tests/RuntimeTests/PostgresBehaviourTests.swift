import Foundation
import IR
import Testing

@testable import Runtime

struct RollbackRequested: Error {}

extension PostgresTests {
    @Suite("transactions, identifiers and errors")
    struct Behaviour {
        static func count(_ connection: PostgresConnection, _ table: String = "t") throws -> [[Value]] {
            try connection.query("SELECT count(*) FROM \(PostgresConnection.quote(table))", types: [.integer]).rows
        }

        @Test("a failing transaction body leaves the table unchanged and rethrows its error")
        func rollback() throws {
            try PostgresTests.withSchema { connection in
                try connection.execute("CREATE TABLE t (k integer PRIMARY KEY); INSERT INTO t VALUES (1)")
                #expect(throws: RollbackRequested.self) {
                    try connection.transaction {
                        try connection.run("INSERT INTO t VALUES (2), (3)")
                        try connection.run("DELETE FROM t WHERE k = 1")
                        throw RollbackRequested()
                    }
                }
                #expect(try connection.query("SELECT k FROM t", types: [.integer]).rows == [[.integer(1)]])
                let error = #expect(throws: PostgresError.self) {
                    try connection.transaction { try connection.run("INSERT INTO t VALUES (4), (1)") }
                }
                #expect(error?.sqlState == "23505")
                #expect(try Self.count(connection) == [[.integer(1)]])
                let committed = try connection.transaction { try connection.run("INSERT INTO t VALUES (5)") }
                #expect(committed == 1)
                #expect(try Self.count(connection) == [[.integer(2)]])
            }
        }

        @Test("a nested transaction is a savepoint: its rollback keeps the outer work")
        func nestedSavepoint() throws {
            try PostgresTests.withSchema { connection in
                try connection.execute("CREATE TABLE t (k integer PRIMARY KEY)")
                try connection.transaction {
                    try connection.run("INSERT INTO t VALUES (1)")
                    #expect(throws: PostgresError.self) {
                        try connection.transaction {
                            try connection.run("INSERT INTO t VALUES (2)")
                            try connection.run("INSERT INTO t VALUES (1)")
                        }
                    }
                    _ = try connection.transaction { try connection.run("INSERT INTO t VALUES (3)") }
                }
                let keys = try connection.query("SELECT k FROM t ORDER BY k", types: [.integer]).rows
                #expect(keys == [[.integer(1)], [.integer(3)]])
            }
        }

        @Test("a commit after a swallowed statement error throws instead of silently rolling back")
        func commitOfAbortedTransaction() throws {
            try PostgresTests.withSchema { connection in
                try connection.execute("CREATE TABLE t (k integer PRIMARY KEY)")
                let error = #expect(throws: PostgresError.self) {
                    try connection.transaction {
                        try connection.run("INSERT INTO t VALUES (1)")
                        _ = try? connection.run("INSERT INTO t VALUES (1)")
                    }
                }
                #expect(error?.code == PostgresErrors.transactionFailed)
                #expect(try Self.count(connection) == [[.integer(0)]])
            }
        }

        @Test("identifiers with mixed case, spaces, quotes and keywords are always quoted")
        func quotedIdentifiers() throws {
            #expect(PostgresConnection.quote("Mixed Case") == "\"Mixed Case\"")
            #expect(PostgresConnection.quote("we\"ird") == "\"we\"\"ird\"")
            #expect(PostgresConnection.quote("select") == "\"select\"")
            try PostgresTests.withSchema { connection in
                let table = "Order \"Lines\""
                let columns = ["Line No", "we\"ird", "select"]
                let quoted = columns.map(PostgresConnection.quote).joined(separator: ", ")
                try connection.execute(
                    "CREATE TABLE \(PostgresConnection.quote(table)) (\(quoted.replacingOccurrences(of: ",", with: " text,")) text)"
                )
                try connection.copyIn(
                    rows: [[.string("1"), .string("a"), .string("b")]], into: table, columns: columns)
                try connection.run(
                    "INSERT INTO \(PostgresConnection.quote(table)) (\(quoted)) VALUES ($1, $2, $3)",
                    [.string("2"), .string("c"), .null])
                let back = try connection.query(
                    "SELECT \(quoted) FROM \(PostgresConnection.quote(table)) ORDER BY 1",
                    types: Array(repeating: .string(precision: 5), count: 3))
                #expect(back.columns == columns)
                #expect(
                    back.rows == [[.string("1"), .string("a"), .string("b")], [.string("2"), .string("c"), .null]])
                #expect(try Self.count(connection, table) == [[.integer(2)]])
            }
        }

        @Test("a SQL error carries the connector code, the SQLSTATE, the server message and the statement")
        func sqlErrors() throws {
            try PostgresTests.withSchema { connection in
                let missing = #expect(throws: PostgresError.self) {
                    try connection.query("SELECT * FROM nope", types: [])
                }
                #expect(missing?.code == "RT0054")
                #expect(missing?.sqlState == "42P01")
                #expect(missing?.message == "relation \"nope\" does not exist")
                #expect(missing?.sql == "SELECT * FROM nope")
                let syntax = #expect(throws: PostgresError.self) { try connection.execute("CREATE TABLE (") }
                #expect(syntax?.code == "RT0051")
                #expect(syntax?.sqlState == "42601")
                let prepare = #expect(throws: PostgresError.self) { try connection.prepare("SELEC 1") }
                #expect(prepare?.code == "RT0052")
                #expect(prepare?.sqlState == "42601")
                let conversion = #expect(throws: PostgresError.self) {
                    try connection.query("SELECT 'abc'", types: [.integer])
                }
                #expect(conversion?.code == "RT0055")
                #expect(conversion?.message == "column '?column?' value 'abc' cannot be read as 'integer'")
                let shape = #expect(throws: PostgresError.self) {
                    try connection.query("SELECT 1, 2", types: [.integer])
                }
                #expect(shape?.code == "RT0056")
                // The session is still usable after every error.
                let after = try connection.query("SELECT 1", types: [.integer])
                #expect(after.rows == [[.integer(1)]])
            }
        }

        @Test("text holding NUL is refused, never cut short; a bad COPY loads no row")
        func refusedValues() throws {
            try PostgresTests.withSchema { connection in
                try connection.execute("CREATE TABLE t (k integer, s text)")
                let run = #expect(throws: PostgresError.self) {
                    try connection.run("INSERT INTO t VALUES ($1, $2)", [.integer(1), .string("a\u{0}b")])
                }
                #expect(run?.code == "RT0053")
                #expect(run?.message == "parameter $2: text holds a NUL character, which PostgreSQL cannot store")
                let rows: [[Value]] = [[.integer(1), .string("ok")], [.integer(2), .string("a\u{0}b")]]
                let copy = #expect(throws: PostgresError.self) {
                    try connection.copyIn(rows: rows, into: "t", columns: ["k", "s"])
                }
                #expect(copy?.code == "RT0053")
                let width = #expect(throws: PostgresError.self) {
                    try connection.copyIn(rows: [[.integer(1)]], into: "t", columns: ["k", "s"])
                }
                #expect(width?.code == "RT0056")
                let server = #expect(throws: PostgresError.self) {
                    try connection.copyIn(rows: [[.string("x"), .null]], into: "t", columns: ["k", "s"])
                }
                #expect(server?.code == "RT0058")
                #expect(server?.sqlState == "22P02")
                #expect(try Self.count(connection) == [[.integer(0)]])
            }
        }

        @Test("a connection to a port nobody listens on fails at once with a clear error")
        func wrongPort() throws {
            guard let server = PostgresTestServer.current else { throw ServerFailure(message: "no server") }
            var socket = server.info
            socket.port += 1
            var tcp = PostgresConnectionInfo(host: "127.0.0.1", port: 1, database: "postgres", user: "migrate")
            tcp.password = "secret"
            for info in [socket, tcp] {
                let started = Date()
                let error = #expect(throws: PostgresError.self) { try PostgresConnection(conninfo: info) }
                let seconds = Date().timeIntervalSince(started)
                #expect(seconds < 5, "connecting to \(info) took \(seconds) s")
                #expect(error?.code == "RT0050")
                #expect(error?.sqlState == "08001")
                #expect(error?.message.hasPrefix("cannot connect to \(info.description): ") == true)
                #expect(error?.description.contains("secret") == false)
            }
        }

        @Test("copyIn loads 100k rows; copyOut and query read them back")
        func bulkCopy() throws {
            try PostgresTests.withSchema { connection in
                try connection.execute("CREATE TABLE big (k bigint, d numeric(12,2), s text)")
                let rows: [[Value]] = (0..<100_000).map { k in
                    [.integer(Int64(k)), .decimal(Decimal(k) / 100), .string("row \(k)\tend")]
                }
                let started = Date()
                let loaded = try connection.copyIn(rows: rows, into: "big", columns: ["k", "d", "s"])
                let seconds = Date().timeIntervalSince(started)
                print("postgres copyIn: 100000 rows in \(seconds) s, \(Int(100_000 / seconds)) rows/s")
                #expect(loaded == 100_000)
                // sum(k) = 99999 * 100000 / 2; sum(d) = that / 100.
                let sums = try connection.query(
                    "SELECT sum(k), sum(d) FROM big", types: [.bigInteger, .decimal(precision: 20, scale: 2)])
                #expect(sums.rows == [[.integer(4_999_950_000), .decimal(PostgresTests.decimal("49999500"))]])
                let types: [DataType] = [.bigInteger, .decimal(precision: 12, scale: 2), .string(precision: 20)]
                let outStart = Date()
                let back = try connection.copyOut("SELECT k, d, s FROM big ORDER BY k", types: types)
                print("postgres copyOut: 100000 rows in \(Date().timeIntervalSince(outStart)) s")
                #expect(back.rows == rows)
                #expect(try connection.query("SELECT k, d, s FROM big ORDER BY k", types: types).rows == rows)
            }
        }
    }
}
