import Foundation
import IR
import Testing

@testable import Runtime

/// The connector tests that need a server: all nested suites share one throwaway server.
@Suite(
    "PostgreSQL connector", .serialized,
    .enabled(if: !PostgresTestServer.isSkipped, "MIGRATE_SKIP_POSTGRES=1 is set: PostgreSQL tests skipped"),
    .postgresServer)
struct PostgresTests {
    /// Runs `body` with a connection whose `search_path` is a fresh schema, dropped afterwards.
    static func withSchema(_ body: (PostgresConnection) throws -> Void) throws {
        let connection = try PostgresTestServer.connect()
        let schema = PostgresConnection.quote("test_\(UUID().uuidString.prefix(8).lowercased())")
        try connection.execute("CREATE SCHEMA \(schema); SET search_path TO \(schema)")
        defer { try? connection.execute("DROP SCHEMA \(schema) CASCADE") }
        try body(connection)
    }

    static func date(_ text: String) -> DateTimeValue {
        guard let value = SQLiteValueText.dateTime(from: text) else {
            Issue.record("bad test date '\(text)'")
            return DateTimeValue(day: 0, nanosecond: 0)
        }
        return value
    }

    static func decimal(_ text: String) -> Decimal {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? .nan
    }

    /// The value columns of table `v`, their datatypes, and rows with boundary values.
    static let columns = ["i", "d", "f", "s", "t", "tn", "b"]
    static let types: [DataType] = [
        .bigInteger, .decimal(precision: 28, scale: 10), .double, .string(precision: 100),
        .dateTime(precision: 26, scale: 6), .dateTime(precision: 29, scale: 9), .binary(precision: 10),
    ]
    /// Tab, newline, backslash, quotes, é (one code point) and an emoji: 15 characters.
    static let awkward = "a\tb\nc\\d'e\"f \u{E9} \u{1F389}"
    static let rows: [[Value]] = [
        [
            .integer(.max), .decimal(decimal("999999999999999999.9999999999")), .double(0.1), .string(awkward),
            .dateTime(date("9999-12-31 23:59:59.999999")), .dateTime(date("9999-12-31 23:59:59.999999999")),
            .binary([0x00, 0xFF, 0x5C, 0x0A]),
        ],
        [
            .integer(.min), .decimal(decimal("-999999999999999999.9999999999")), .double(-1.5e300), .string(""),
            .dateTime(date("0001-01-01 00:00:00")), .dateTime(date("0001-01-01 00:00:00")), .binary([]),
        ],
        [.null, .null, .null, .null, .null, .null, .null],
        [
            .integer(0), .decimal(decimal("0.0000000001")), .double(.leastNonzeroMagnitude), .string("\\N"),
            .dateTime(date("2024-02-29 13:45:07.000001")), .dateTime(date("2024-02-29 13:45:07.000000001")),
            .binary([0xFF]),
        ],
        [
            .integer(-1), .decimal(decimal("-12.5")), .double(.infinity), .string(" padded "),
            .dateTime(date("1970-01-01 00:00:00.5")), .dateTime(date("1999-12-31 23:59:59.5")),
            .binary([0, 0, 0]),
        ],
    ]

    /// Creates table `v` (row number `n` plus one column per value kind) with the connector's storage types.
    static func createValueTable(_ connection: PostgresConnection) throws {
        let definitions = zip(columns, types).map { "\($0) \(PostgresConnection.storageType(for: $1))" }
        try connection.execute("CREATE TABLE v (n integer PRIMARY KEY, \(definitions.joined(separator: ", ")))")
    }

    static func numbered(_ rows: [[Value]]) -> [[Value]] {
        rows.enumerated().map { [Value.integer(Int64($0.offset))] + $0.element }
    }

    static let selectValues = "SELECT i, d, f, s, t, tn, b FROM v ORDER BY n"
}

extension PostgresTests {
    @Suite("round trips")
    struct RoundTrips {
        @Test("storage types are exact PostgreSQL types; nanosecond date/times are ISO text")
        func storageTypes() {
            #expect(
                PostgresTests.types.map(PostgresConnection.storageType(for:)) == [
                    "bigint", "numeric(28,10)", "double precision", "varchar(100)", "timestamp(6)", "varchar(29)",
                    "bytea",
                ])
            #expect(PostgresConnection.storageType(for: .decimal(precision: 0, scale: 0)) == "numeric")
            #expect(PostgresConnection.storageType(for: .real) == "double precision")
            #expect(PostgresConnection.storageType(for: .string(precision: 0)) == "text")
            #expect(PostgresConnection.storageType(for: .dateTime(precision: 19, scale: 0)) == "timestamp(0)")
        }

        @Test("every value kind round-trips through run and query")
        func runAndQuery() throws {
            try PostgresTests.withSchema { connection in
                try PostgresTests.createValueTable(connection)
                let marks = (1...8).map { "$\($0)" }.joined(separator: ", ")
                for row in PostgresTests.numbered(PostgresTests.rows) {
                    let changed = try connection.run("INSERT INTO v VALUES (\(marks))", row)
                    #expect(changed == 1)
                }
                let back = try connection.query(PostgresTests.selectValues, types: PostgresTests.types)
                #expect(back.columns == PostgresTests.columns)
                #expect(back.rows == PostgresTests.rows)
                try Self.expectServerText(connection)
            }
        }

        @Test("every value kind round-trips through copyIn and copyOut")
        func copyRoundTrip() throws {
            try PostgresTests.withSchema { connection in
                try PostgresTests.createValueTable(connection)
                let loaded = try connection.copyIn(
                    rows: PostgresTests.numbered(PostgresTests.rows), into: "v", columns: ["n"] + PostgresTests.columns)
                #expect(loaded == PostgresTests.rows.count)
                try Self.expectServerText(connection)
                let back = try connection.copyOut(PostgresTests.selectValues, types: PostgresTests.types)
                #expect(back.columns == PostgresTests.columns)
                #expect(back.rows == PostgresTests.rows)
            }
        }

        @Test("every value kind round-trips through prepared statements reused for each row")
        func preparedStatements() throws {
            try PostgresTests.withSchema { connection in
                try PostgresTests.createValueTable(connection)
                let insert = try connection.prepare("INSERT INTO v VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                #expect(insert.parameterCount == 8)
                for row in PostgresTests.numbered(PostgresTests.rows) {
                    try insert.bind(row)
                    #expect(try insert.run() == 1)
                }
                let select = try connection.prepare("SELECT i, d, f, s, t, tn, b FROM v WHERE n = $1")
                #expect(select.columnNames == PostgresTests.columns)
                for (offset, expected) in PostgresTests.rows.enumerated() {
                    try select.bind([.integer(Int64(offset))])
                    #expect(try select.rows(types: PostgresTests.types).rows == [expected])
                }
                #expect(throws: PostgresError.self) { try select.bind([]) }
            }
        }

        /// The server holds the values as written by hand here (not as the connector reads them).
        static func expectServerText(_ connection: PostgresConnection) throws {
            let text = try connection.query(
                "SELECT d::text, t::text, tn, encode(b, 'hex'), length(s), s = '' FROM v ORDER BY n",
                types: [
                    .string(precision: 40), .string(precision: 40), .string(precision: 40), .string(precision: 20),
                    .integer, .integer,
                ])
            #expect(
                text.rows == [
                    [
                        .string("999999999999999999.9999999999"), .string("9999-12-31 23:59:59.999999"),
                        .string("9999-12-31 23:59:59.999999999"), .string("00ff5c0a"), .integer(15), .integer(0),
                    ],
                    [
                        .string("-999999999999999999.9999999999"), .string("0001-01-01 00:00:00"),
                        .string("0001-01-01 00:00:00"), .string(""), .integer(0), .integer(1),
                    ],
                    [.null, .null, .null, .null, .null, .null],
                    [
                        .string("0.0000000001"), .string("2024-02-29 13:45:07.000001"),
                        .string("2024-02-29 13:45:07.000000001"), .string("ff"), .integer(2), .integer(0),
                    ],
                    [
                        .string("-12.5000000000"), .string("1970-01-01 00:00:00.5"),
                        .string("1999-12-31 23:59:59.500000000"), .string("000000"), .integer(8), .integer(0),
                    ],
                ])
        }

        @Test("a timestamp column rounds nanoseconds to the nearest microsecond; ISO text keeps them")
        func nanoseconds() throws {
            try PostgresTests.withSchema { connection in
                try connection.execute("CREATE TABLE ts (n integer, t timestamp(6), tn varchar(29))")
                let written = ["2024-01-01 00:00:00.123456789", "2024-01-01 00:00:00.000000499"]
                for (offset, text) in written.enumerated() {
                    let value = Value.dateTime(PostgresTests.date(text))
                    try connection.run("INSERT INTO ts VALUES ($1, $2, $3)", [.integer(Int64(offset)), value, value])
                }
                let copied = written.enumerated().map { row in
                    [Value.integer(Int64(row.offset + 2))]
                        + Array(repeating: .dateTime(PostgresTests.date(row.element)), count: 2)
                }
                try connection.copyIn(rows: copied, into: "ts", columns: ["n", "t", "tn"])
                let types: [DataType] = [.dateTime(precision: 29, scale: 9), .dateTime(precision: 29, scale: 9)]
                let back = try connection.query("SELECT t, tn FROM ts ORDER BY n", types: types)
                let rounded = ["2024-01-01 00:00:00.123457", "2024-01-01 00:00:00"]
                let expected = (rounded + rounded).enumerated().map { row in
                    [
                        Value.dateTime(PostgresTests.date(row.element)),
                        .dateTime(PostgresTests.date(written[row.offset % 2])),
                    ]
                }
                #expect(back.rows == expected)
            }
        }
    }
}
