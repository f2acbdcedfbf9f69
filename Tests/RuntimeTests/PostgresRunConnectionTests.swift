import Foundation
import IR
import Testing

@testable import Runtime

extension PostgresTests {
    /// The PostgreSQL ``RelationalConnection``: opening from a connections file, row writes, the CLI.
    @Suite("relational connection")
    struct RelationalConnectionRuns {
        typealias Fixture = PostgresRunFixture

        /// The registry's connection for the test server, search path `schema`.
        static func open(schema: String, extra: String = "") throws -> any RelationalConnection {
            let file = try Fixture.connections(schema: schema, extra: extra)
            let entry = try #require(file.connections["PG"])
            let (connection, diagnostics) = ConnectorRegistry.standard.open(entry, environment: [:])
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            return try #require(connection)
        }

        @Test("placeholders, quoting, and tableExists by search path and by schema")
        func basics() throws {
            try Fixture.withSchema { schema, connection in
                try connection.execute("CREATE TABLE \"Mixed Case\" (a integer); CREATE INDEX ix ON \"Mixed Case\" (a)")
                let relational = try Self.open(schema: schema)
                #expect(relational.kind == "postgresql")
                #expect(relational.placeholder(3) == "$3")
                #expect(relational.quote("a\"b") == "\"a\"\"b\"")
                #expect(try relational.tableExists("Mixed Case", schema: nil))
                #expect(try !relational.tableExists("mixed case", schema: nil))
                #expect(try !relational.tableExists("ix", schema: nil), "an index is not a table")
                #expect(try relational.tableExists("Mixed Case", schema: schema))
                #expect(try !relational.tableExists("Mixed Case", schema: "public"))
                #expect(try relational.tableExists("pg_class", schema: "pg_catalog"))
            }
        }

        @Test("only a plain insert of quoted columns with $1...$n in order is loaded with COPY")
        func insertShapes() {
            let shape = PostgresInsertShape("INSERT INTO \"T \"\"x\"\"\" (\"a\", \"B\") VALUES ($1, $2)")
            #expect(shape?.table == "T \"x\"" && shape?.columns == ["a", "B"])
            for sql in [
                "INSERT INTO \"s\".\"t\" (\"a\") VALUES ($1)", "INSERT INTO \"t\" (\"a\", \"b\") VALUES ($2, $1)",
                "INSERT INTO \"t\" (\"a\") VALUES ($1) ON CONFLICT DO NOTHING", "UPDATE \"t\" SET \"a\" = $1",
                "INSERT INTO t (a) VALUES ($1)", "INSERT INTO \"t\" (\"a\") VALUES (1)",
            ] {
                #expect(PostgresInsertShape(sql) == nil, "\(sql)")
            }
        }

        @Test("options set server settings; options in another form are refused with RT0457")
        func sessionOptions() throws {
            let relational = try Self.open(
                schema: "public", extra: ", options: '-c statement_timeout=1234 -cwork_mem=2MB'")
            let shown = try relational.query(
                "SELECT current_setting('statement_timeout'), current_setting('work_mem')",
                types: [.string(precision: 20), .string(precision: 20)])
            #expect(shown.rows == [[.string("1234ms"), .string("2MB")]])
            let file = try Fixture.connections(schema: "public", extra: ", options: '--single'")
            let entry = try #require(file.connections["PG"])
            let (connection, diagnostics) = ConnectorRegistry.standard.open(entry, environment: [:])
            #expect(connection == nil)
            #expect(diagnostics.map(\.code.rawValue) == ["RT0457"])
            #expect(diagnostics.first?.message.contains("-c name=value") == true)
        }

        @Test("a refused row inside a transaction leaves the others and the commit intact", arguments: [5, 40])
        func refusedRowKeepsTransaction(count: Int) throws {
            try Fixture.withSchema { schema, connection in
                try connection.execute("CREATE TABLE t (id integer PRIMARY KEY, name varchar(3) NOT NULL)")
                try connection.execute("INSERT INTO t VALUES (2, 'old')")
                let relational = try Self.open(schema: schema)
                // Row 2 repeats a key, row 3 is too long, the last has a NULL name, and one holds a
                // NUL character the connector cannot send.
                var rows: [[Value]] = (1...count).map { [.integer(Int64($0)), .string("n\($0 % 10)")] }
                rows[2][1] = .string("long")
                rows[count - 1][1] = .null
                rows[0][1] = .string("a\u{0}")
                try relational.begin()
                let outcomes = try relational.executeEach(
                    "INSERT INTO \"t\" (\"id\", \"name\") VALUES ($1, $2)", rows: rows)
                try relational.commit()
                #expect(outcomes.count == count)
                let refused = outcomes.indices.filter { if case .refused = outcomes[$0] { true } else { false } }
                #expect(refused == [0, 1, 2, count - 1])
                if case .refused(let reason) = outcomes[1] { #expect(reason.contains("23505")) }
                let stored = try connection.query("SELECT COUNT(*) FROM t", types: [.bigInteger])
                #expect(stored.rows == [[.integer(Int64(count - 4 + 1))]])
            }
        }

        @Test("updates run per row under savepoints and report the rows they changed")
        func updatesReportCounts() throws {
            try Fixture.withSchema { schema, connection in
                try connection.execute("CREATE TABLE t (id integer PRIMARY KEY, v integer CHECK (v < 100))")
                try connection.execute("INSERT INTO t VALUES (1, 1), (2, 2)")
                let relational = try Self.open(schema: schema)
                try relational.begin()
                let outcomes = try relational.executeEach(
                    "UPDATE \"t\" SET \"v\" = $1 WHERE \"id\" = $2",
                    rows: [[.integer(10), .integer(1)], [.integer(500), .integer(2)], [.integer(7), .integer(9)]])
                try relational.commit()
                #expect(outcomes.count == 3)
                #expect(outcomes[0] == .changed(1) && outcomes[2] == .changed(0))
                if case .changed = outcomes[1] { Issue.record("the CHECK violation was not refused") }
                let stored = try connection.query("SELECT v FROM t ORDER BY id", types: [.bigInteger])
                #expect(stored.rows == [[.integer(10)], [.integer(2)]])
            }
        }

        @Test("an unset password variable gives RT0456; a refused connection gives RT0457 quickly")
        func openFailures() throws {
            let server = try #require(PostgresTestServer.current)
            let (_, pipeline) = try Fixture.pipeline(in: try Fixture.folder())
            let secret = try Fixture.connections(schema: "public", extra: ", password_env: MIGRATE_PG_TEST_NO_SUCH_VAR")
            let unset = Fixture.run(pipeline, secret, environment: [:])
            #expect(!unset.succeeded)
            #expect(unset.diagnostics.map(\.code.rawValue).contains("RT0456"))
            let withSecret = Fixture.run(pipeline, secret, environment: ["MIGRATE_PG_TEST_NO_SUCH_VAR": "x"])
            #expect(!withSecret.diagnostics.map(\.code.rawValue).contains("RT0456"))

            let empty = try Fixture.folder()
            for settings in [
                "socket_dir: '\(empty)', port: \(server.port)", "host: 127.0.0.1, port: 1",
            ] {
                let text = "connections:\n  PG: {type: postgresql, \(settings), database: postgres, user: migrate}\n"
                let (parsed, problems) = ConnectionsFile.parse(text, file: "c.yaml", baseDirectory: "/tmp")
                #expect(problems.isEmpty)
                let file = try #require(parsed)
                let clock = Date()
                let refused = Fixture.run(pipeline, file)
                #expect(!refused.succeeded)
                #expect(refused.diagnostics.map(\.code.rawValue).contains("RT0457"), "\(refused.diagnostics)")
                #expect(Date().timeIntervalSince(clock) < 15, "a refused connection must not hang")
            }
        }

        @Test("migrate run with a postgresql connections file exits 0 and prints the summary")
        func commandLineRun() throws {
            try Fixture.withSchema { schema, connection in
                try Fixture.createOrders(connection, Fixture.orderRows)
                let folder = try Fixture.folder()
                let (export, _) = try Fixture.pipeline(in: folder)
                let connections = folder + "/connections.yaml"
                try Fixture.connectionsText(schema: schema, extra: ", create_tables: true")
                    .write(toFile: connections, atomically: true, encoding: .utf8)
                let result = try Self.runMigrate([
                    "run", export, "--mapping", "m_pg_orders", "--connections", connections, "--runs", folder + "/runs",
                ])
                #expect(result.status == 0, "stdout: \(result.stdout)\nstderr: \(result.stderr)")
                #expect(result.stdout.contains("mapping m_pg_orders succeeded"))
                #expect(result.stdout.contains("inserted 4, updated 0, deleted 0"))
                #expect(try Fixture.facts(connection) == Fixture.expectedFacts)
            }
        }

        /// Runs the `migrate` binary built next to the test bundle, output through files.
        static func runMigrate(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
            let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            var folder = testBinary.deletingLastPathComponent()
            var binary: URL?
            for _ in 0..<4 where binary == nil {
                let candidate = folder.appendingPathComponent("migrate")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { binary = candidate }
                folder.deleteLastPathComponent()
            }
            let executable = try #require(binary, "the migrate binary was not built next to \(testBinary.path)")
            let scratch = try Fixture.folder()
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let out = scratch + "/stdout"
            let err = scratch + "/stderr"
            _ = FileManager.default.createFile(atPath: out, contents: nil)
            _ = FileManager.default.createFile(atPath: err, contents: nil)
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            var environment = ProcessInfo.processInfo.environment
            environment["NO_COLOR"] = "1"
            process.environment = environment
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
            process.standardInput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            let read = { (path: String) in
                String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
            }
            return (process.terminationStatus, read(out), read(err))
        }
    }
}
