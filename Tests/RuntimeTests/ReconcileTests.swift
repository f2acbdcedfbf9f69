import Foundation
import IR
import Testing

@testable import Runtime

/// Table reconciliation: values compared by meaning, rows as multisets or by key, aggregates, and
/// whole tables read from SQLite.
@Suite struct ReconcileTests {
    @Test(
        "numbers are compared by sign, significant digits and exponent",
        arguments: [
            ("12.50", "125e-1"), ("12.5", "125e-1"), ("1.25e1", "125e-1"), ("1000", "1e3"), ("1e3", "1e3"),
            ("-0.00", "0e0"), ("0", "0e0"), (".5", "5e-1"), ("5.", "5e0"), ("+7", "7e0"), ("-0.0012", "-12e-4"),
            ("007", "7e0"),
        ])
    func canonicalNumbers(_ text: String, _ expected: String) {
        #expect(ComparableValue.canonicalNumber(text) == expected)
    }

    @Test("text that is not a number is not one", arguments: ["abc", "", "-", "1,5", "1e", "inf", "1.2.3", "e5"])
    func notNumbers(_ text: String) {
        #expect(ComparableValue.canonicalNumber(text) == nil)
    }

    @Test("values of different spellings compare equal by the column's kind")
    func equalAcrossSpellings() {
        let decimal = ComparableValue(.decimal(Decimal(string: "12.50")!), as: .decimal)
        #expect(ComparableValue(.string("12.5"), as: .decimal) == decimal)
        #expect(ComparableValue(.double(12.5), as: .decimal) == decimal)
        #expect(ComparableValue(.string("12.51"), as: .decimal) != decimal)
        #expect(ComparableValue(.string("abc"), as: .decimal) == .text("abc"))
        let date = ComparableValue(.string("2026-01-31"), as: .dateTime)
        #expect(ComparableValue(.string("2026-01-31 00:00:00"), as: .dateTime) == date)
        #expect(ComparableValue(.string("2026-01-31T00:00:00.000"), as: .dateTime) == date)
        #expect(ComparableValue(.string("2026-01-31 00:00:01"), as: .dateTime) != date)
        #expect(ComparableValue(.string("t"), as: .boolean) == ComparableValue(.integer(1), as: .boolean))
        #expect(ComparableValue(.string("\\x0aff"), as: .binary) == .bytes([0x0a, 0xff]))
        #expect(ComparableValue(.string("ab  "), as: .text, trimTrailingBlanks: true) == .text("ab"))
        #expect(ComparableValue(.string("ab  "), as: .text) == .text("ab  "))
        #expect(ComparableValue(.null, as: .decimal) == .null)
    }

    @Test("the stable hash does not depend on the process (FNV-1a of tag and text)")
    func stableHash() {
        // FNV-1a 64 of the bytes [0] (NULL's tag): (offset ^ 0) * prime, computed by hand.
        #expect(ComparableValue.null.stableHash == 0xcbf2_9ce4_8422_2325 &* 0x100_0000_01b3)
        #expect(ComparableValue.number("1e0").stableHash != ComparableValue.text("1e0").stableHash)
    }

    @Test("whole rows compare as multisets: duplicates count")
    func multisets() {
        let comparer = TableComparer(columns: [("A", .text)])
        let result = comparer.compare(
            source: [[.string("a")], [.string("a")], [.string("b")]],
            target: [[.string("a")], [.string("b")], [.string("b")]])
        #expect(result.matched == 2)
        #expect(result.missing == 1)
        #expect(result.extra == 1)
        #expect(result.missingSamples == [["a"]])
        #expect(result.extraSamples == [["b"]])
        #expect(result.mismatched == 0)
    }

    @Test("rows matched by key name the differing columns; numbers within the tolerance are equal")
    func keyed() {
        let columns: [(name: String, kind: DatabaseColumn.ValueKind)] = [("ID", .integer), ("AMOUNT", .decimal)]
        let source: [[Value]] = [
            [.integer(1), .string("10.00")], [.integer(2), .string("20.004")], [.integer(3), .null],
            [.integer(4), .string("1")],
        ]
        let target: [[Value]] = [
            [.integer(1), .decimal(10)], [.integer(2), .decimal(20)], [.integer(3), .decimal(0)],
            [.integer(5), .decimal(1)],
        ]
        let exact = TableComparer(columns: columns, keys: ["id"]).compare(source: source, target: target)
        #expect(exact.keys == ["ID"])
        #expect(exact.matched == 1)
        #expect(exact.mismatched == 2)
        #expect(exact.missing == 1)
        #expect(exact.extra == 1)
        #expect(exact.columnMismatches == ["AMOUNT": 2])
        #expect(
            exact.mismatchSamples.first
                == RowComparison.Mismatch(key: ["2"], column: "AMOUNT", source: "20.004", target: "20"))
        let tolerant = TableComparer(columns: columns, keys: ["ID"], tolerance: 0.01).compare(
            source: source, target: target)
        #expect(tolerant.matched == 2, "20.004 is within 0.01 of 20; NULL is never within a tolerance of 0")
        #expect(tolerant.mismatched == 1)
    }

    @Test("a column profile counts NULLs and distinct values and sums numbers exactly")
    func profile() {
        let values = ["1.10", "2.20", "2.2", "", "-3"].map { text -> ComparableValue in
            text.isEmpty ? .null : ComparableValue(.string(text), as: .decimal)
        }
        let profile = ColumnProfile(values, kind: .decimal)
        #expect(profile.nulls == 1)
        #expect(profile.distinct == 3)
        #expect(profile.minimum == "-3")
        #expect(profile.maximum == "2.2")
        #expect(profile.sum == "2.5")
        let reordered = ColumnProfile(values.reversed(), kind: .decimal)
        #expect(reordered.checksum == profile.checksum)
        #expect(ColumnProfile(Array(values.dropLast()), kind: .decimal).checksum != profile.checksum)
    }

    @Test("two SQLite tables: schema differences, the primary key as key, missing, extra and differing rows")
    func sqliteTables() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let legacy = try SQLiteRelationalConnection(path: folder.appendingPathComponent("a.db").path)
        try legacy.execute(
            """
            CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, amount TEXT, d TEXT);
            INSERT INTO t VALUES (1, 'a', '12.50', '2026-01-31 00:00:00'), (2, 'b', '3', '2026-02-01 10:00:00'),
              (3, 'c', NULL, NULL), (4, 'd', '7.25', '2026-03-01 00:00:00');
            """)
        let migrated = try SQLiteRelationalConnection(path: folder.appendingPathComponent("b.db").path)
        try migrated.execute(
            """
            CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, amount NUMERIC(12,2), d DATE, extra TEXT);
            INSERT INTO t VALUES (1, 'a', 12.5, '2026-01-31', NULL), (2, 'b', 3.00, '2026-02-01 10:00:00', NULL),
              (3, 'cc', NULL, NULL, NULL), (5, 'e', 1, '2026-01-01', NULL);
            """)
        let report = try TableReconciler(threshold: 0.5).reconcile(
            source: .init(connection: legacy, connectionName: "A", table: "t"),
            target: .init(connection: migrated, connectionName: "B", table: "t"))
        #expect(report.keySource == "primary key")
        #expect(report.rows.keys == ["id"])
        #expect(report.source.rows == 4 && report.target.rows == 4)
        #expect(
            report.schema.map { "\($0.kind) \($0.column)" } == [
                "type-differs amount", "type-differs d", "only-in-target extra",
            ])
        #expect(report.rows.matched == 2, "rows 1 and 2: 12.50 = 12.5, '2026-01-31 00:00:00' = '2026-01-31'")
        #expect(report.rows.missing == 1 && report.rows.extra == 1 && report.rows.mismatched == 1)
        #expect(report.rows.columnMismatches == ["name": 1])
        #expect(report.verdict == .differs, "3 of 4 rows differ, more than half")
        let amount = try #require(report.columns.first { $0.column == "amount" })
        #expect(amount.source.sum == "22.75" && amount.target.sum == "16.5")
        #expect(report.text.contains("key ('3') name: source 'c', target 'cc'"))
        #expect(report.json.contains("\"verdict\" : \"differs\""))
    }

    @Test("a missing table and an unknown key are diagnostics, not crashes")
    func failures() throws {
        let connection = try SQLiteRelationalConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t (a INTEGER)")
        let present = TableReconciler.Table(connection: connection, connectionName: "M", table: "t")
        let absent = TableReconciler.Table(connection: connection, connectionName: "M", table: "nope")
        #expect(throws: ReconcileFailure.self) { try TableReconciler().reconcile(source: present, target: absent) }
        do {
            _ = try TableReconciler(keys: ["b"]).reconcile(source: present, target: present)
            Issue.record("an unknown key was accepted")
        } catch {
            #expect(error.diagnostic.code == ReconcileDiagnostics.unknownKey.code)
        }
        let same = try TableReconciler().reconcile(source: present, target: present)
        #expect(same.verdict == .match && same.keySource == "none")
    }
}
