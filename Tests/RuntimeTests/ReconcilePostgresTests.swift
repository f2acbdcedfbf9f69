import Foundation
import IR
import Testing

@testable import Runtime

extension PostgresTests {
    /// Reconciling a PostgreSQL table with its SQLite copy written the runtime's way (decimals and
    /// dates as text): the same rows agree value for value and aggregate for aggregate.
    @Suite("reconcile across databases")
    struct ReconcileAcrossDatabases {
        @Test("a PostgreSQL table and its SQLite copy match; one changed value is found by key")
        func postgresAgainstSQLite() throws {
            try PostgresRunFixture.withSchema { schema, connection in
                try connection.execute(
                    """
                    CREATE TABLE usage (msisdn varchar(20), call_date timestamp(0), calls integer, \
                    charge numeric(12,4), ratio double precision, note text, PRIMARY KEY (msisdn, call_date));
                    INSERT INTO usage VALUES
                      ('4917012345', '2026-01-31 00:00:00', 3, 1.2500, 0.1, 'home'),
                      ('4917012345', '2026-02-01 00:00:00', 1, 0.0000, 0.30000000000000004, NULL),
                      ('4917099999', '2026-01-31 00:00:00', 12, 123456.7890, 1e-7, 'roaming');
                    """)
                let postgres = try RelationalConnectionRuns.open(schema: schema)
                let sqlite = try SQLiteRelationalConnection(path: ":memory:")
                try sqlite.execute(
                    """
                    CREATE TABLE usage (MSISDN TEXT, CALL_DATE TEXT, CALLS INTEGER, CHARGE TEXT, RATIO REAL, NOTE TEXT,
                      PRIMARY KEY (MSISDN, CALL_DATE));
                    INSERT INTO usage VALUES
                      ('4917012345', '2026-01-31 00:00:00', 3, '1.25', 0.1, 'home'),
                      ('4917012345', '2026-02-01 00:00:00', 1, '0', 0.30000000000000004, NULL),
                      ('4917099999', '2026-01-31 00:00:00', 12, '123456.789', 1e-7, 'roaming');
                    """)
                let legacy = TableReconciler.Table(connection: postgres, connectionName: "PG", table: "usage")
                let copy = TableReconciler.Table(connection: sqlite, connectionName: "LITE", table: "usage")
                let report = try TableReconciler().reconcile(source: legacy, target: copy)
                #expect(report.keySource == "primary key")
                #expect(report.rows.keys == ["msisdn", "call_date"])
                #expect(report.verdict == .match, "\(report.text)")
                #expect(report.rows.matched == 3)
                for column in report.columns {
                    #expect(column.agrees, "\(column.column): \(column.source) vs \(column.target)")
                }
                let charge = try #require(report.columns.first { $0.column == "charge" })
                #expect(charge.source.sum == "123458.039")
                #expect(report.schema.map(\.column) == ["call_date", "charge"], "timestamp vs TEXT, numeric vs TEXT")

                try sqlite.execute("UPDATE usage SET CHARGE = '1.2501' WHERE CALLS = 3")
                let changed = try TableReconciler().reconcile(source: legacy, target: copy)
                #expect(changed.verdict == .differs)
                #expect(changed.rows.columnMismatches == ["charge": 1])
                #expect(
                    changed.rows.mismatchSamples == [
                        .init(
                            key: ["4917012345", "2026-01-31 00:00:00"], column: "charge", source: "1.2500",
                            target: "1.2501")
                    ])
                let tolerant = try TableReconciler(tolerance: 0.001).reconcile(source: legacy, target: copy)
                #expect(tolerant.verdict == .match)
            }
        }
    }
}
