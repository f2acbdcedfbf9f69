import Foundation
import IR
import Testing

@testable import Runtime

extension PostgresTests {
    /// Mappings imported from an export, run by the native executor against the test server.
    @Suite("pipeline runs")
    struct PipelineRuns {
        typealias Fixture = PostgresRunFixture

        @Test("an imported mapping reads a PostgreSQL table and writes a created target exactly")
        func mappingWritesTarget() throws {
            try Fixture.withSchema { schema, connection in
                try Fixture.createOrders(connection, Fixture.orderRows)
                let (_, pipeline) = try Fixture.pipeline(in: try Fixture.folder())
                let file = try Fixture.connections(schema: schema, extra: ", create_tables: true")
                let result = Fixture.run(pipeline, file, runID: "run-a")
                #expect(result.succeeded, "\(result.diagnostics)")
                #expect(try Fixture.facts(connection) == Fixture.expectedFacts)
                #expect(result.counters["T_ORDER_FACTS"]?.inserted == 4)
                #expect(result.rejected == 0)
                let marker = try connection.query(
                    "SELECT run_id, target FROM migrate_run_log",
                    types: [.string(precision: 1000), .string(precision: 1000)])
                #expect(marker.rows == [[.string("run-a"), .string("T_ORDER_FACTS")]])
                let types = try connection.query(
                    "SELECT column_name::text, data_type::text FROM information_schema.columns WHERE table_schema = '\(schema)' "
                        + "AND table_name = 'T_ORDER_FACTS' ORDER BY ordinal_position",
                    types: [.string(precision: 1000), .string(precision: 1000)])
                // The DDL create_tables wrote, from the target definition's types; the importer types
                // an Oracle date as date/time(29,9), whose nanoseconds a timestamp cannot keep, so DUE
                // is ISO text (see PostgresConnection.storageType(for:)).
                let expectedTypes = [
                    "numeric", "character varying", "numeric", "character varying", "character varying",
                    "numeric", "character varying",
                ]
                #expect(types.rows.map { $0[1] } == expectedTypes.map { Value.string($0) })
            }
        }

        @Test("update else insert upserts by key and delete removes by key; other rows stay")
        func upsertAndDelete() throws {
            try Fixture.withSchema { schema, connection in
                try Fixture.createOrders(connection, Fixture.orderRows)
                try Fixture.createFacts(connection)
                try connection.execute(
                    "INSERT INTO \"T_ORDER_FACTS\" VALUES (1, 'OLD', 1.00, '1999-01', '1999-01-01', 1, 'old'), "
                        + "(99, 'KEEP', 5.00, '2000-01', '2000-01-01 12:00:00', 4, 'keep')")
                let (_, pipeline) = try Fixture.pipeline(in: try Fixture.folder())
                let file = try Fixture.connections(schema: schema)
                let target = NodeSettings(
                    node: "T_ORDER_FACTS", attributes: [Attribute("Update else Insert", "YES")],
                    provenance: pipeline.provenance)
                let upsert = SessionSpec(pipeline: pipeline.name, rowKind: .update, nodes: [target])
                let first = Fixture.run(pipeline, file, session: upsert, runID: "upsert")
                #expect(first.succeeded, "\(first.diagnostics)")
                #expect(first.counters["T_ORDER_FACTS"]?.updated == 1)
                #expect(first.counters["T_ORDER_FACTS"]?.inserted == 3)
                let keep: [String?] = ["99", "KEEP", "5.00", "2000-01", "2000-01-01 12:00:00", "4", "keep"]
                #expect(try Fixture.facts(connection) == Fixture.expectedFacts + [keep])

                let filter = NodeSettings(
                    node: "SQ_ORDERS", attributes: [Attribute("Source Filter", "\"ID\" IN (1, 3)")],
                    provenance: pipeline.provenance)
                let delete = SessionSpec(pipeline: pipeline.name, rowKind: .delete, nodes: [filter])
                let second = Fixture.run(pipeline, file, session: delete, runID: "delete")
                #expect(second.succeeded, "\(second.diagnostics)")
                #expect(second.counters["T_ORDER_FACTS"]?.deleted == 2)
                let expected = [Fixture.expectedFacts[1], Fixture.expectedFacts[3], keep]
                #expect(try Fixture.facts(connection) == expected)
            }
        }

        @Test("rows the database refuses are rejected and counted; the other rows commit")
        func refusedRowsAreRejected() throws {
            try Fixture.withSchema { schema, connection in
                // 12 rows, enough for the COPY path, which fails and falls back to row by row.
                let more = (5...12).map { "\($0), 'C\($0)', \($0 == 7 ? "-1.00" : "\($0).00"), '2024-01-01', 'n'" }
                try Fixture.createOrders(connection, Fixture.orderRows + more)
                try Fixture.createFacts(
                    connection, constraints: ", CHECK (\"AMOUNT2\" >= 0), CHECK (\"CUSTOMER_UP\" IS NOT NULL)")
                try connection.execute("ALTER TABLE \"T_ORDER_FACTS\" ALTER \"NOTE\" SET NOT NULL")
                let folder = try Fixture.folder()
                let (_, pipeline) = try Fixture.pipeline(in: folder)
                let file = try Fixture.connections(schema: schema)
                let rejects = folder + "/rejects.bad"
                let result = Fixture.run(pipeline, file, runID: "refusals", rejectFile: rejects)
                #expect(result.succeeded, "\(result.diagnostics)")
                // Row 2: NULL note; row 3: NULL customer and negative amount; row 7: negative amount.
                #expect(result.rejected == 3)
                #expect(result.counters["T_ORDER_FACTS"]?.inserted == 9)
                #expect(result.counters["T_ORDER_FACTS"]?.rowsRejected == 3)
                let ids = try Fixture.facts(connection).map { $0[0] ?? "" }
                #expect(ids == ["1", "4", "5", "6", "8", "9", "10", "11", "12"])
                let text = (try? String(contentsOfFile: rejects, encoding: .utf8)) ?? ""
                #expect(text.contains("not-null constraint") || text.contains("null value in column"))
                #expect(text.contains("check constraint"))
                let markers = try connection.query("SELECT COUNT(*) FROM migrate_run_log", types: [.bigInteger])
                #expect(markers.rows == [[.integer(1)]])
            }
        }

        @Test(
            "a failure after the target was written rolls everything back and leaves no marker",
            arguments: [RowKindDefault.insert, .update])
        func failureRollsBack(rowKind: RowKindDefault) throws {
            try Fixture.withSchema { schema, connection in
                try Fixture.createOrders(connection, Fixture.orderRows)
                try Fixture.createFacts(connection)
                try connection.execute(
                    "INSERT INTO \"T_ORDER_FACTS\" VALUES (1, 'OLD', 1.00, '1999-01', '1999-01-01', 1, 'old'), "
                        + "(99, 'KEEP', 5.00, '2000-01', '2000-01-01', 4, 'keep')")
                let before = try Fixture.facts(connection)
                let (_, pipeline) = try Fixture.pipeline(in: try Fixture.folder())
                let file = try Fixture.connections(schema: schema)
                // Post SQL runs after the rows are written and before the commit.
                let post = NodeSettings(
                    node: "T_ORDER_FACTS",
                    attributes: [
                        Attribute("Post SQL", "INSERT INTO \"NO_SUCH_TABLE\" VALUES (1)"),
                        Attribute("Update else Insert", "YES"),
                    ], provenance: pipeline.provenance)
                let session = SessionSpec(pipeline: pipeline.name, rowKind: rowKind, nodes: [post])
                let result = Fixture.run(pipeline, file, session: session, runID: "doomed")
                #expect(!result.succeeded)
                let counters = result.counters["T_ORDER_FACTS"]
                // Inserting, row 1 is refused (its key exists); upserting, row 1 is updated.
                #expect(rowKind == .insert ? counters?.inserted == 3 : counters?.updated == 1)
                #expect(result.diagnostics.contains { $0.message.contains("NO_SUCH_TABLE") })
                #expect(try Fixture.facts(connection) == before)
                let log = try connection.query(
                    "SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname = '\(schema)' "
                        + "AND tablename = 'migrate_run_log'", types: [.bigInteger])
                #expect(log.rows == [[.integer(0)]], "the marker table was created in the rolled-back transaction")

                // Without the failing Post SQL the same run succeeds, and only then is marked.
                let fixed = SessionSpec(pipeline: pipeline.name, rowKind: rowKind)
                let again = Fixture.run(pipeline, file, session: fixed, runID: "fixed")
                #expect(again.succeeded, "\(again.diagnostics)")
                let markers = try connection.query(
                    "SELECT run_id FROM migrate_run_log", types: [.string(precision: 1000)])
                #expect(markers.rows == [[.string("fixed")]])
            }
        }

        @Test("20,000 rows load through COPY and add up exactly")
        func bulkLoad() throws {
            try Fixture.withSchema { schema, connection in
                try Fixture.createOrders(connection, [])
                try connection.execute(
                    "INSERT INTO \"ORDERS\" SELECT i, 'c' || i, i * 0.25, DATE '2024-01-01' + (i % 365), 'n' "
                        + "FROM generate_series(1, 20000) AS i")
                let (_, pipeline) = try Fixture.pipeline(in: try Fixture.folder())
                let file = try Fixture.connections(schema: schema, extra: ", create_tables: true")
                let clock = Date()
                let result = Fixture.run(pipeline, file, runID: "bulk")
                let seconds = Date().timeIntervalSince(clock)
                #expect(result.succeeded, "\(result.diagnostics)")
                #expect(result.counters["T_ORDER_FACTS"]?.inserted == 20_000)
                // Σ 2 × (i × 0.25) for i = 1...20000 = 0.5 × 20000 × 20001 / 2.
                let sums = try connection.query(
                    "SELECT COUNT(*)::text, SUM(\"AMOUNT2\")::text FROM \"T_ORDER_FACTS\"",
                    types: [.string(precision: 1000), .string(precision: 1000)])
                #expect(sums.rows == [[.string("20000"), .string("100005000.00")]])
                print("PostgreSQL run: 20,000 rows in \(String(format: "%.2f", seconds)) s")
            }
        }
    }
}
