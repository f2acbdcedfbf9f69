import Foundation
import IR
import Testing

@testable import Runtime

/// Synthetic typed data for `migrate run --generate N --seed S` (issue 4).
@Suite("Synthetic data")
struct SyntheticDataTests {
    typealias Samples = SyntheticSamples

    static func column(_ table: SyntheticTable, _ name: String) throws -> [Value] {
        try #require(try? table.rows.values(of: name))
    }

    static func date(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0, _ ns: Int = 0) -> Value {
        .dateTime(
            CivilCalendar.value(
                CivilDateTime(year: y, month: m, day: d, hour: h, minute: mi, second: s, nanosecond: ns))!)
    }

    @Test("one table per source and per lookup with a table, named by node id, columns in port order")
    func tablesAndColumns() throws {
        let dataset = SyntheticData.generate(for: Samples.ordersWithLookup, rowsPerSource: 20, seed: 1)
        #expect(dataset.tables.keys.sorted() == ["LKP_CUST", "SRC_ORDERS"])
        let lookup = try #require(dataset.tables["LKP_CUST"])
        #expect(lookup.columns == ["CUST_KEY", "VALID_FROM", "CUST_NAME"])
        #expect(
            lookup.types == [
                .decimal(precision: 10, scale: 0), .dateTime(precision: 29, scale: 9), .string(precision: 20),
            ])
        let source = try #require(dataset.tables["SRC_ORDERS"])
        #expect(source.columns.count == 15 && source.columns.first == "ORDER_ID" && source.columns.last == "FRACTION")
        #expect(source.rows.rows.count == 20 && lookup.rows.rows.count == 20)
        #expect(source.rows.rows.allSatisfy { $0.count == 15 })
        #expect(
            SyntheticData.generate(for: Samples.ordersWithLookup, rowsPerSource: 0, seed: 1).tables["SRC_ORDERS"]?.rows
                .rows.isEmpty == true)
    }

    @Test("the same seed gives the same dataset, another seed another one")
    func determinism() {
        for pipeline in [Samples.ordersWithLookup, Samples.joinedSources] {
            let first = SyntheticData.generate(for: pipeline, rowsPerSource: 30, seed: 42)
            let again = SyntheticData.generate(for: pipeline, rowsPerSource: 30, seed: 42)
            let other = SyntheticData.generate(for: pipeline, rowsPerSource: 30, seed: 43)
            #expect(first == again)
            #expect(first != other)
            for name in first.tables.keys { #expect(first.tables[name] != other.tables[name], "\(name)") }
        }
    }

    @Test("every value fits its column's type", arguments: [0, 1, 7, 12_345] as [UInt64])
    func valuesFitTypes(seed: UInt64) {
        for pipeline in [Samples.ordersWithLookup, Samples.joinedSources] {
            let dataset = SyntheticData.generate(for: pipeline, rowsPerSource: 50, seed: seed)
            for table in dataset.tables.values {
                for row in table.rows.rows {
                    for (value, type) in zip(row, table.types) {
                        #expect(TypeFit.fits(value, type), "\(table.name): \(value) does not fit \(type)")
                    }
                }
            }
        }
    }

    @Test("the rule checker itself rejects values that do not fit")
    func ruleCheckerRejects() {
        #expect(!TypeFit.fits(.string("abc"), .string(precision: 2)))
        #expect(!TypeFit.fits(.integer(32_768), .smallInteger))
        #expect(!TypeFit.fits(.integer(2_147_483_648), .integer))
        #expect(!TypeFit.fits(.decimal(Decimal(string: "123.45")!), .decimal(precision: 4, scale: 2)))
        #expect(!TypeFit.fits(.decimal(Decimal(string: "1.234")!), .decimal(precision: 10, scale: 2)))
        #expect(TypeFit.fits(.decimal(Decimal(string: "99.99")!), .decimal(precision: 4, scale: 2)))
        #expect(!TypeFit.fits(.double(0.1), .real))
        #expect(!TypeFit.fits(Self.date(2024, 1, 1, 0, 0, 0, 5), .dateTime(precision: 23, scale: 3)))
        #expect(!TypeFit.fits(.binary([1, 2, 3]), .binary(precision: 2)))
        #expect(!TypeFit.fits(.integer(1), .string(precision: 5)))
    }

    @Test("NULLs, empty and blank strings, boundaries and leap days appear in the first rows")
    func specialCasesCovered() throws {
        let table = try #require(
            SyntheticData.generate(for: Samples.ordersWithLookup, rowsPerSource: 20, seed: 9).tables["SRC_ORDERS"])
        func has(_ column: String, _ value: Value) throws -> Bool {
            try Self.column(table, column).prefix(10).contains(value)
        }
        for (column, values) in [
            ("NOTE", [Value.null, .string(""), .string("   "), .string("ZZZZZZZZZZZZ")]),
            ("LABEL", [.string("Ünïcø"), .string("ZZZZZ")]),
            ("CODE", [.string(""), .string("  "), .string("ZZ")]),
            (
                "AMOUNT",
                [
                    .null, .decimal(0), .decimal(-1), .decimal(Decimal(string: "99999999.99")!),
                    .decimal(Decimal(string: "-99999999.99")!), .decimal(Decimal(string: "0.01")!),
                ]
            ),
            ("FRACTION", [.decimal(Decimal(string: "0.999")!), .decimal(Decimal(string: "0.001")!)]),
            ("FLAG", [.null, .integer(0), .integer(-1), .integer(32_767), .integer(-32_768)]),
            ("BIG", [.integer(Int64.max), .integer(Int64.min)]),
            ("ORDER_ID", [.integer(2_147_483_647), .integer(-2_147_483_648)]),
            ("SCORE", [.double(.greatestFiniteMagnitude), .double(-1)]),
            ("RATE", [.double(Double(Float.greatestFiniteMagnitude))]),
            (
                "CREATED",
                [
                    Self.date(1753, 1, 1), Self.date(9999, 12, 31, 23, 59, 59), Self.date(2000, 2, 29),
                    Self.date(1, 1, 1),
                ]
            ),
            ("STAMP", [Self.date(9999, 12, 31, 23, 59, 59, 999_000_000), Self.date(2024, 2, 29, 12, 34, 56)]),
            ("RAW", [.binary([]), .binary([0xFF, 0xFF, 0xFF, 0xFF])]),
        ] {
            for value in values { #expect(try has(column, value), "\(column) lacks \(value)") }
        }
        #expect(try !Self.column(table, "ORDER_ID").contains(.null), "ORDER_ID is not nullable")
        #expect(try !Self.column(table, "CODE").contains(.null), "CODE is not nullable")
        #expect(
            try Self.column(table, "NOTE")[10...].allSatisfy { $0 != .null }, "ordinary rows after the special ones")
        #expect(!table.rows.rows.contains { $0.allSatisfy(\.isNull) }, "NULLs are spread over rows")
    }

    @Test("lookup condition keys overlap: some source rows match the lookup table, some miss, and vice versa")
    func lookupKeysMatchAndMiss() throws {
        for seed: UInt64 in [1, 2, 3] {
            let dataset = SyntheticData.generate(for: Samples.ordersWithLookup, rowsPerSource: 20, seed: seed)
            let sourceKeys = try Self.column(try #require(dataset.tables["SRC_ORDERS"]), "CUST_ID").compactMap {
                value -> Int64? in
                if case .integer(let i) = value { return i }
                return nil
            }
            let lookupKeys = Set(
                try Self.column(try #require(dataset.tables["LKP_CUST"]), "CUST_KEY").compactMap { value -> Int64? in
                    if case .decimal(let d) = value { return NSDecimalNumber(decimal: d).int64Value }
                    return nil
                })
            let matches = sourceKeys.filter(lookupKeys.contains).count
            let misses = sourceKeys.count - matches
            #expect(sourceKeys.count == 19, "one NULL key, 19 domain values")
            #expect(matches >= 5 && misses >= 1, "seed \(seed): \(matches) matches, \(misses) misses")
            #expect(!lookupKeys.isSubset(of: Set(sourceKeys)), "the lookup table has keys no source row has")
            #expect(lookupKeys.allSatisfy { (1...10).contains($0) } && sourceKeys.allSatisfy { (1...10).contains($0) })
            let dates = try Self.column(try #require(dataset.tables["SRC_ORDERS"]), "ORDER_DATE")
            #expect(dates.contains(Self.date(2020, 1, 1)), "compared dates share the small domain from 2020-01-01")
        }
    }

    @Test("join keys, same-named source columns and unconnected lookup arguments share a domain")
    func joinSameNameAndCallKeys() throws {
        let dataset = SyntheticData.generate(for: Samples.joinedSources, rowsPerSource: 20, seed: 5)
        func strings(_ table: String, _ column: String) throws -> [String] {
            try Self.column(try #require(dataset.tables[table]), column).compactMap { value -> String? in
                if case .string(let s) = value { return s }
                return nil
            }
        }
        let master = try strings("SRC_CUSTOMERS", "ID")
        let detail = try strings("SRC_ACCOUNTS", "CUSTOMER")
        #expect(master.count == 20 && master.allSatisfy { $0.hasPrefix("K0") && $0.count == 5 }, "\(master)")
        let joined = detail.filter(Set(master).contains).count
        #expect(joined > 0 && joined < detail.count, "\(joined) of \(detail.count) detail rows join")
        let regions = try Self.column(try #require(dataset.tables["SRC_ACCOUNTS"]), "REGION")
        let otherRegions = Set(try Self.column(try #require(dataset.tables["SRC_REGIONS"]), "region"))
        #expect(regions.contains { otherRegions.contains($0) && $0 != .null })
        let codes = try strings("SRC_CUSTOMERS", "CODE")
        let rateCodes = Set(try strings("LKP_RATE", "RATE_CODE"))
        let found = codes.filter(rateCodes.contains).count
        #expect(found > 0 && found < codes.count, "\(found) of \(codes.count) codes found in LKP_RATE")
        #expect(codes.allSatisfy { $0.count <= 3 })
    }

    @Test("a port computed from exactly one other port is traced to it; one reading two ports is not")
    func derivedPortNames() {
        #expect(KeyColumnTracing.derivedFromName("IN_ID") == "IN_ID")
        #expect(KeyColumnTracing.derivedFromName("TO_INTEGER(LTRIM(x))") == "x")
        #expect(KeyColumnTracing.derivedFromName("IIF(ISNULL(A), 0, A + 1)") == "A")
        #expect(KeyColumnTracing.derivedFromName("A || B") == nil)
        #expect(KeyColumnTracing.derivedFromName("SYSDATE") == nil)
        #expect(KeyColumnTracing.derivedFromName("A +") == nil, "text that does not parse is not traced")
        #expect(
            KeyClasses.comparedNames("ID = IN_ID AND D <= TO_DATE(IN_D) OR X = Y").isEmpty, "OR is not a conjunction")
        let pairs = KeyClasses.comparedNames("ID = IN_ID AND D <= TO_DATE(IN_D)").map { "\($0.0)~\($0.1)" }
        #expect(pairs == ["ID~IN_ID", "D~IN_D"])
    }

    @Test("loading into SQLite and reading back gives the dataset")
    func loadAndReadBack() throws {
        for pipeline in [Samples.ordersWithLookup, Samples.joinedSources] {
            let dataset = SyntheticData.generate(for: pipeline, rowsPerSource: 25, seed: 77)
            let connection = try SQLiteConnection(path: ":memory:")
            try SyntheticData.load(dataset, into: connection)
            for table in dataset.tables.values {
                let names = table.columns.map(SQLiteConnection.quote).joined(separator: ", ")
                let read = try connection.query(
                    "SELECT \(names) FROM \(SQLiteConnection.quote(table.name)) ORDER BY rowid", types: table.types)
                #expect(read == table.rows, "\(table.name)")
            }
            let declared = try connection.query(
                "SELECT type FROM pragma_table_info('SRC_ORDERS') ORDER BY cid", types: [.string(precision: 10)])
            if pipeline == Samples.ordersWithLookup {
                #expect(
                    declared.rows.prefix(4).map { $0[0] } == ["INT", "INT", "TEXT", "TEXT"].map(Value.string))
            }
        }
    }
}
