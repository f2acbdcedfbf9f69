import Foundation
import IR
import Testing

@testable import Runtime

@Suite("SQLite connector")
struct SQLiteConnectionTests {
    static let allTypes: [DataType] = [
        .bigInteger, .decimal(precision: 28, scale: 9), .double, .string(precision: 100),
        .dateTime(precision: 29, scale: 9), .binary(precision: 10),
    ]
    static let allColumns = ["i", "d", "f", "s", "t", "b"]

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

    /// A connection with table `v` holding one column per value kind.
    static func valueTable(_ connection: SQLiteConnection) throws {
        try connection.execute(
            "CREATE TABLE v (n INTEGER, i INTEGER, d TEXT, f REAL, s TEXT, t TEXT, b BLOB);")
    }

    static let sampleRows: [[Value]] = [
        [
            .integer(.max), .decimal(decimal("1234567890123456789.012345678")), .double(0.1),
            .string("naïve café — 日本語 🎉"), .dateTime(date("9999-12-31 23:59:59.999999999")),
            .binary([0, 255, 1, 0]),
        ],
        [
            .integer(.min), .decimal(decimal("-9999999999999999999999999999")), .double(-1.5e300), .string(""),
            .dateTime(date("0001-01-01 00:00:00")), .binary([]),
        ],
        [.null, .null, .null, .null, .null, .null],
        [
            .integer(0), .decimal(decimal("0.000000001")), .double(2.5), .string("it's \"quoted\""),
            .dateTime(date("2024-02-29 13:45:07.000000001")), .binary([42]),
        ],
    ]

    static func roundTrip(_ connection: SQLiteConnection) throws {
        try valueTable(connection)
        let numbered = sampleRows.enumerated().map { [Value.integer(Int64($0.offset))] + $0.element }
        try connection.insert(rows: numbered, into: "v", columns: ["n"] + allColumns)
        let back = try connection.query("SELECT i, d, f, s, t, b FROM v ORDER BY n", types: allTypes)
        #expect(back.columns == allColumns)
        #expect(back.rows == sampleRows)
    }

    @Test("every value kind round-trips through an in-memory database")
    func memoryRoundTrip() throws {
        try Self.roundTrip(try SQLiteConnection(path: ":memory:"))
    }

    @Test("a temporary file database uses WAL and keeps its rows after reopening")
    func fileDatabase() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sqlite-\(UUID()).db").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        do {
            let connection = try SQLiteConnection(path: path)
            try Self.roundTrip(connection)
            let mode = try connection.query("PRAGMA journal_mode", types: [.string(precision: 10)])
            #expect(mode.rows == [[.string("wal")]])
        }
        let reopened = try SQLiteConnection(path: path)
        let back = try reopened.query(
            "SELECT i, d, f, s, t, b FROM v ORDER BY n", types: Self.allTypes)
        #expect(back.rows == Self.sampleRows)
    }

    @Test("decimals and dates are stored as exact text; empty string is not NULL")
    func storedText() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try Self.valueTable(connection)
        try connection.insert(
            rows: Self.sampleRows.enumerated().map { [Value.integer(Int64($0.offset))] + $0.element },
            into: "v", columns: ["n"] + Self.allColumns)
        let text = try connection.query(
            "SELECT d, t, typeof(s), length(b) FROM v ORDER BY n",
            types: [.string(precision: 40), .string(precision: 40), .string(precision: 10), .integer])
        #expect(
            text.rows == [
                [
                    .string("1234567890123456789.012345678"), .string("9999-12-31 23:59:59.999999999"), .string("text"),
                    .integer(4),
                ],
                [
                    .string("-9999999999999999999999999999"), .string("0001-01-01 00:00:00"), .string("text"),
                    .integer(0),
                ],
                [.null, .null, .string("null"), .null],
                [.string("0.000000001"), .string("2024-02-29 13:45:07.000000001"), .string("text"), .integer(1)],
            ])
        let empty = try connection.query("SELECT count(*) FROM v WHERE s = ''", types: [.integer])
        #expect(empty.rows == [[.integer(1)]])
        #expect(
            Self.date("9999-12-31 23:59:59.999999999") == DateTimeValue(day: 3_652_058, nanosecond: 86_399_999_999_999))
        #expect(Self.date("0001-01-02 00:00:01.5") == DateTimeValue(day: 1, nanosecond: 1_500_000_000))
    }

    @Test("ISO text variants read as dates; impossible dates and non-numbers are conversion errors")
    func readConversions() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let dates = try connection.query(
            "SELECT '0001-01-02', '0001-01-01T00:01', ?", [.string("0001-01-01 00:00:00.25")],
            types: Array(repeating: .dateTime(precision: 29, scale: 9), count: 3))
        #expect(
            dates.rows == [
                [
                    .dateTime(DateTimeValue(day: 1, nanosecond: 0)),
                    .dateTime(DateTimeValue(day: 0, nanosecond: 60_000_000_000)),
                    .dateTime(DateTimeValue(day: 0, nanosecond: 250_000_000)),
                ]
            ])
        for (sql, type) in [
            ("SELECT '2023-02-29 00:00:00' AS x", DataType.dateTime(precision: 29, scale: 9)),
            ("SELECT 'abc' AS x", .decimal(precision: 10, scale: 2)), ("SELECT 1.5 AS x", .integer),
        ] {
            let error = #expect(throws: SQLiteError.self) { try connection.query(sql, types: [type]) }
            #expect(error?.code == SQLiteErrors.columnConversion)
            #expect(error?.sql == sql)
        }
    }

    @Test("a failing statement inside transaction leaves the table unchanged")
    func transactionRollback() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE k (id INTEGER PRIMARY KEY, name TEXT)")
        try connection.run("INSERT INTO k VALUES (?, ?)", [.integer(1), .string("one")])
        let error = #expect(throws: SQLiteError.self) {
            try connection.transaction {
                try connection.run("INSERT INTO k VALUES (2, 'two')")
                try connection.run("UPDATE k SET name = 'changed'")
                try connection.run("INSERT INTO k VALUES (1, 'duplicate')")
            }
        }
        #expect(error?.code == SQLiteErrors.stepFailed)
        #expect(error?.resultCode == 1555)  // SQLITE_CONSTRAINT_PRIMARYKEY
        #expect(error?.message.contains("UNIQUE constraint failed: k.id") == true)
        let insertError = #expect(throws: SQLiteError.self) {
            try connection.insert(
                rows: [[.integer(3), .string("three")], [.integer(1), .string("again")]], into: "k",
                columns: ["id", "name"])
        }
        #expect(insertError?.code == SQLiteErrors.stepFailed)
        let rows = try connection.query("SELECT id, name FROM k", types: [.integer, .string(precision: 10)])
        #expect(rows.rows == [[.integer(1), .string("one")]])
    }

    @Test("identifiers with spaces and quotes are quoted with doubled quotes")
    func quotedIdentifiers() throws {
        #expect(SQLiteConnection.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        let connection = try SQLiteConnection(path: ":memory:")
        let table = "my \"odd\" table"
        let columns = ["first name", "say \"hi\""]
        try connection.execute(
            "CREATE TABLE \(SQLiteConnection.quote(table)) (\(columns.map(SQLiteConnection.quote).joined(separator: ", ")))"
        )
        try connection.insert(rows: [[.string("Ann"), .integer(7)]], into: table, columns: columns)
        let back = try connection.query(
            "SELECT * FROM \"my \"\"odd\"\" table\"", types: [.string(precision: 10), .integer])
        #expect(back.columns == columns)
        #expect(back.rows == [[.string("Ann"), .integer(7)]])
    }

    @Test("100 000 rows insert in one transaction")
    func bulkInsert() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE big (id INTEGER, label TEXT)")
        let rows = (0..<100_000).map { [Value.integer(Int64($0)), .string("row \($0)")] }
        #expect(try connection.insert(rows: rows, into: "big", columns: ["id", "label"]) == 100_000)
        let summary = try connection.query("SELECT count(*), sum(id) FROM big", types: [.integer, .bigInteger])
        #expect(summary.rows == [[.integer(100_000), .integer(4_999_950_000)]])
    }

    @Test("a syntax error reports the SQL and SQLite's message")
    func syntaxError() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let error = #expect(throws: SQLiteError.self) { try connection.query("SELEC 1", types: [.integer]) }
        #expect(error?.code == SQLiteErrors.prepareFailed)
        #expect(error?.resultCode == 1)
        #expect(error?.sql == "SELEC 1")
        #expect(error?.message == "near \"SELEC\": syntax error")
        let script = #expect(throws: SQLiteError.self) { try connection.execute("CREATE TABLE a (x); CREAT b") }
        #expect(script?.code == SQLiteErrors.executeFailed)
        #expect(script?.message.contains("syntax error") == true)
        #expect(
            SQLiteErrors.all.map(\.code) == [
                "RT0040", "RT0041", "RT0042", "RT0043", "RT0044", "RT0045", "RT0046", "RT0047",
            ])
    }
}
