import Foundation
import IR
import Importers
import Testing

@testable import Runtime

/// Synthetic source tables honour their primary keys: no NULL and no key twice, whatever the special
/// rows, condition values and shared join domains would put there.
@Suite("Synthetic primary keys")
struct SyntheticPrimaryKeyTests {
    typealias Samples = SyntheticSamples

    static let rowCounts = [50, 200]
    static let seeds: [UInt64] = [3, 2026]

    static func port(
        _ name: String, _ type: DataType, key: KeyKind? = nil, nullable: Bool? = nil, source: PortRef? = nil,
        roles: PortRoles = [.output]
    ) -> IR.Port {
        Port(
            name: name, type: type, roles: roles, source: source, nullable: nullable, key: key,
            provenance: Samples.provenance(name))
    }

    static func source(_ id: String, _ ports: [IR.Port]) -> Node {
        Samples.node(id, .source(SourceSpec(table: id)), ports)
    }

    static func filter(_ id: String, _ condition: String, reading ports: [(String, String, DataType)]) -> Node {
        Samples.node(
            id, .filter(FilterSpec(condition: ScalarExpression(condition))),
            ports.map { port($0.1, $0.2, source: PortRef(node: $0.0, port: $0.1), roles: [.input, .output]) })
    }

    /// (a) An integer key a filter compares with 7 (so every other ordinary row would take 7).
    static var integerKey: Pipeline {
        Samples.pipeline([
            source(
                "SRC_ITEMS",
                [
                    port("ITEM_ID", .integer, key: .primary),
                    port("NAME", .string(precision: 20)),
                    port("PRICE", .decimal(precision: 8, scale: 2)),
                ]),
            filter("FIL_ITEMS", "ITEM_ID = 7", reading: [("SRC_ITEMS", "ITEM_ID", .integer)]),
        ])
    }

    /// (b) A string key (special rows '', '   ', 'a'; a filter comparing it with 'X') and a
    /// primary-foreign string key.
    static var stringKey: Pipeline {
        Samples.pipeline([
            source(
                "SRC_CODES", [port("CODE", .string(precision: 6), key: .primary), port("TEXT", .string(precision: 9))]),
            source("SRC_TAGS", [port("TAG", .nstring(precision: 4), key: .primaryForeign), port("N", .integer)]),
            filter("FIL_CODES", "CODE = 'X'", reading: [("SRC_CODES", "CODE", .string(precision: 6))]),
        ])
    }

    /// (c) A composite key whose second column a filter compares with 1.
    static var compositeKey: Pipeline {
        Samples.pipeline([
            source(
                "SRC_LINES",
                [
                    port("ORDER_NO", .smallInteger, key: .primary),
                    port("LINE_NO", .smallInteger, key: .primary),
                    port("QTY", .integer),
                ]),
            filter("FIL_LINES", "LINE_NO = 1", reading: [("SRC_LINES", "LINE_NO", .smallInteger)]),
        ])
    }

    /// (d) Customers (key CUST_ID) joined with orders on `CUST_ID = O_CUST` (orders' CUST_ID is no
    /// key); order lines (key LINE_NO, ORDER_ID; a filter compares LINE_NO with 1, so tuples repeat)
    /// joined with orders (key ORDER_ID) on ORDER_ID.
    static var joinedKeys: Pipeline {
        let ref = { (node: String, port: String) in PortRef(node: node, port: port) }
        return Samples.pipeline([
            source("SRC_CUST", [port("CUST_ID", .integer, key: .primary), port("NAME", .string(precision: 10))]),
            source(
                "SRC_ORDERS",
                [port("ORDER_ID", .integer, key: .primary, nullable: false), port("CUST_ID", .integer)]),
            source(
                "SRC_OLINES",
                [
                    port("LINE_NO", .integer, key: .primary, nullable: false),
                    port("ORDER_ID", .integer, key: .primaryForeign, nullable: false),
                ]),
            filter("FIL_OLINES", "LINE_NO = 1", reading: [("SRC_OLINES", "LINE_NO", .integer)]),
            Samples.node(
                "JNR_CUST", .join(JoinSpec(kind: .inner, condition: ScalarExpression("CUST_ID = O_CUST"))),
                [
                    port("CUST_ID", .integer, source: ref("SRC_CUST", "CUST_ID"), roles: [.input, .output]),
                    port("O_CUST", .integer, source: ref("SRC_ORDERS", "CUST_ID"), roles: [.input, .output]),
                ]),
            Samples.node(
                "JNR_LINES", .join(JoinSpec(kind: .inner, condition: ScalarExpression("ORDER_ID = L_ORDER"))),
                [
                    port("ORDER_ID", .integer, source: ref("SRC_ORDERS", "ORDER_ID"), roles: [.input, .output]),
                    port("L_ORDER", .integer, source: ref("SRC_OLINES", "ORDER_ID"), roles: [.input, .output]),
                ]),
        ])
    }

    /// A key as a database compares it: strings upper-cased, trailing blanks dropped.
    static func identity(_ value: Value) -> Value {
        guard case .string(let text) = value else { return value }
        var trimmed = text
        while trimmed.hasSuffix(" ") { trimmed.removeLast() }
        return .string(trimmed.uppercased())
    }

    /// The key tuples of `table`'s columns `columns`, one per row.
    static func keys(_ table: SyntheticTable, _ columns: [String]) throws -> [[Value]] {
        let positions = try columns.map { try #require(table.columns.firstIndex(of: $0)) }
        return table.rows.rows.map { row in positions.map { identity(row[$0]) } }
    }

    /// Checks that `table`'s key `columns` hold no NULL and no tuple twice, over `rows` rows.
    static func expectUniqueKey(_ table: SyntheticTable, _ columns: [String], rows: Int, _ label: String) throws {
        let keys = try keys(table, columns)
        #expect(keys.count == rows, "\(label): \(keys.count) rows")
        #expect(!keys.contains { $0.contains(.null) }, "\(label): a NULL key")
        #expect(Set(keys).count == keys.count, "\(label): \(keys.count - Set(keys).count) repeated keys")
    }

    static func generate(_ pipeline: Pipeline, rows: Int, seed: UInt64) -> SyntheticDataset {
        let dataset = SyntheticData.generate(for: pipeline, rowsPerSource: rows, seed: seed)
        #expect(dataset == SyntheticData.generate(for: pipeline, rowsPerSource: rows, seed: seed), "deterministic")
        return dataset
    }

    @Test("(a) an integer key holds no NULL and no repeat; the condition value 7 is kept once")
    func integerKeyIsUnique() throws {
        for rows in Self.rowCounts {
            for seed in Self.seeds {
                let table = try #require(Self.generate(Self.integerKey, rows: rows, seed: seed).tables["SRC_ITEMS"])
                try Self.expectUniqueKey(table, ["ITEM_ID"], rows: rows, "\(rows) rows, seed \(seed)")
                let ids = try #require(try? table.rows.values(of: "ITEM_ID"))
                #expect(ids.filter { $0 == .integer(7) }.count == 1, "7 once")
                #expect(ids.contains(.integer(2_147_483_647)) && ids.contains(.integer(-1)), "special values kept")
                #expect(ids.allSatisfy { TypeFit.fits($0, .integer) })
            }
        }
    }

    @Test("(b) string keys hold no NULL and no repeat, even ignoring case and trailing blanks")
    func stringKeyIsUnique() throws {
        for rows in Self.rowCounts {
            for seed in Self.seeds {
                let dataset = Self.generate(Self.stringKey, rows: rows, seed: seed)
                let codes = try #require(dataset.tables["SRC_CODES"])
                let tags = try #require(dataset.tables["SRC_TAGS"])
                try Self.expectUniqueKey(codes, ["CODE"], rows: rows, "CODE, \(rows) rows, seed \(seed)")
                try Self.expectUniqueKey(tags, ["TAG"], rows: rows, "TAG, \(rows) rows, seed \(seed)")
                let values = try #require(try? codes.rows.values(of: "CODE"))
                #expect(values.contains(.string("")) && values.contains(.string("O'Brie")), "special values kept")
                #expect(!values.contains(.string("   ")), "'   ' is the key '' again")
                #expect(values.filter { $0 == .string("X") }.count == 1, "'X' once")
                #expect(values.allSatisfy { TypeFit.fits($0, .string(precision: 6)) })
            }
        }
    }

    @Test("(c) a composite key holds no NULL and no tuple twice; the filter's LINE_NO = 1 stays in many rows")
    func compositeKeyIsUnique() throws {
        for rows in Self.rowCounts {
            for seed in Self.seeds {
                let table = try #require(Self.generate(Self.compositeKey, rows: rows, seed: seed).tables["SRC_LINES"])
                try Self.expectUniqueKey(table, ["ORDER_NO", "LINE_NO"], rows: rows, "\(rows) rows, seed \(seed)")
                let lines = try #require(try? table.rows.values(of: "LINE_NO"))
                #expect(lines.filter { $0 == .integer(1) }.count > 1, "a tuple is new by one column changed")
                #expect(lines.allSatisfy { TypeFit.fits($0, .smallInteger) })
            }
        }
    }

    @Test("(d) keys that are join keys stay unique, and the joins still both match and miss")
    func joinKeysStayUniqueAndJoin() throws {
        for rows in Self.rowCounts {
            for seed in Self.seeds {
                let label = "\(rows) rows, seed \(seed)"
                let dataset = Self.generate(Self.joinedKeys, rows: rows, seed: seed)
                let customers = try #require(dataset.tables["SRC_CUST"])
                let orders = try #require(dataset.tables["SRC_ORDERS"])
                let lines = try #require(dataset.tables["SRC_OLINES"])
                try Self.expectUniqueKey(customers, ["CUST_ID"], rows: rows, "customers, \(label)")
                try Self.expectUniqueKey(orders, ["ORDER_ID"], rows: rows, "orders, \(label)")
                try Self.expectUniqueKey(lines, ["LINE_NO", "ORDER_ID"], rows: rows, "lines, \(label)")
                Self.expectMatchAndMiss(
                    try customers.rows.values(of: "CUST_ID"), try orders.rows.values(of: "CUST_ID"), label)
                let lineOrders = try lines.rows.values(of: "ORDER_ID")
                Self.expectMatchAndMiss(try orders.rows.values(of: "ORDER_ID"), lineOrders, label)
                // The shared domain has max(10, rows / 2) indexes: a repeated (LINE_NO, ORDER_ID) gets
                // a new LINE_NO, not a new join key, so every line's ORDER_ID stays a domain value.
                #expect(lineOrders.allSatisfy { (1...Int64(rows / 2)).contains($0.integerForTest ?? 0) }, "\(label)")
            }
        }
    }

    @Test(
        "every source of the corpus exports keeps its primary key unique and without NULL",
        .enabled(if: !corpusFiles.isEmpty, "corpus folder ../shared/corpus/powercenter is absent: skipped"))
    func corpusKeysUnique() throws {
        var counts = (tables: 0, columns: 0)
        for file in Self.corpusFiles {
            for pipeline in PowerCenterImporter().importFile(atPath: file).pipelines {
                let dataset = SyntheticData.generate(for: pipeline, rowsPerSource: 40, seed: 2026)
                for node in pipeline.nodes {
                    guard case .source = node.op, let table = dataset.tables[node.id] else { continue }
                    let keyed = table.columns.filter { node.port(named: $0).map(UniquePrimaryKeys.isPrimary) ?? false }
                    guard !keyed.isEmpty else { continue }
                    counts.tables += 1
                    counts.columns += keyed.count
                    try Self.expectUniqueKey(table, keyed, rows: 40, "\(file): \(pipeline.name).\(node.id)")
                }
            }
        }
        print("Synthetic primary keys: \(counts.tables) corpus source tables with a key, \(counts.columns) key columns")
        #expect(counts.tables > 10)
    }

    static var corpusFiles: [String] { CorpusExpressionTypingTests.corpusFiles }

    static func expectMatchAndMiss(_ master: [Value], _ detail: [Value], _ label: String) {
        let masterKeys = Set(master.filter { !$0.isNull })
        let detailKeys = Set(detail.filter { !$0.isNull })
        let matching = detail.filter(masterKeys.contains).count
        #expect(matching > 0, "\(label): no detail row matches")
        #expect(matching < detail.filter { !$0.isNull }.count, "\(label): every detail row matches")
        #expect(!masterKeys.isSubset(of: detailKeys), "\(label): every master key is matched")
    }

    @Test("other columns, and key values neither NULL nor repeated, are what the generator made without the key")
    func otherValuesUnchanged() throws {
        for pipeline in [Self.integerKey, Self.stringKey, Self.compositeKey, Self.joinedKeys] {
            var unkeyed = pipeline
            for index in unkeyed.nodes.indices {
                for port in unkeyed.nodes[index].ports.indices { unkeyed.nodes[index].ports[port].key = nil }
            }
            let keyed = SyntheticData.generate(for: pipeline, rowsPerSource: 60, seed: 11)
            let plain = SyntheticData.generate(for: unkeyed, rowsPerSource: 60, seed: 11)
            for (name, table) in keyed.tables {
                let before = try #require(plain.tables[name])
                let node = try #require(pipeline.nodes.first { $0.id == name })
                for (position, column) in table.columns.enumerated() {
                    let isKey = node.port(named: column).map(UniquePrimaryKeys.isPrimary) ?? false
                    let was = before.rows.rows.map { $0[position] }
                    let now = table.rows.rows.map { $0[position] }
                    if !isKey || node.ports.filter(UniquePrimaryKeys.isPrimary).count > 1 {
                        if !isKey { #expect(now == was, "\(name).\(column) changed") }
                        continue
                    }
                    var seen: Set<Value> = []
                    for (row, value) in was.enumerated()
                    where !value.isNull && seen.insert(Self.identity(value)).inserted {
                        #expect(now[row] == value, "\(name).\(column) row \(row): \(value) became \(now[row])")
                    }
                }
            }
        }
    }

    @Test("too narrow a key type: the row count is kept, no NULL, as many distinct keys as the type holds")
    func narrowKeyTypes() throws {
        let pipeline = Samples.pipeline([
            Self.source("SRC_LETTER", [Self.port("L", .string(precision: 1), key: .primary)]),
            Self.source("SRC_DIGIT", [Self.port("D", .decimal(precision: 1, scale: 0), key: .primary)]),
        ])
        for seed in Self.seeds {
            let dataset = Self.generate(pipeline, rows: 100, seed: seed)
            // '' and '0'...'9', 'A'...'Z' (ignoring case and trailing blanks): 37; -9 ... 9: 19.
            for (table, column, distinct) in [("SRC_LETTER", "L", 37), ("SRC_DIGIT", "D", 19)] {
                let keys = try Self.keys(try #require(dataset.tables[table]), [column])
                #expect(keys.count == 100 && !keys.contains([.null]), "\(table), seed \(seed)")
                #expect(Set(keys).count == distinct, "\(table), seed \(seed): \(Set(keys).count) distinct")
            }
        }
    }
}

extension Value {
    /// The integer held, if any (tests only).
    fileprivate var integerForTest: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }
}
