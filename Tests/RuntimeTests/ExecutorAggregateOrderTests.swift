import Foundation
import IR
import Testing

@testable import Runtime

/// The order in which an Aggregator without sorted input emits its groups (reference §2.4: "in
/// practice ascending by group key for the cache", BELIEVED), read back in the target's insertion
/// order (SQLite `rowid`), and the switch that restores arrival order.
@Suite("executor aggregator output order")
struct ExecutorAggregateOrderTests {
    /// AGG groups rows of `source` by NAME and K and counts them.
    static func export(_ source: String, keyType: String, sortedInput: Bool = false) -> ExportBuilder {
        var export = ExportBuilder()
        export.source(source, ["NAME:s20", "K:\(keyType)"])
        export.transformation(
            "AGG", type: "Aggregator",
            ports: [
                ExportBuilder.port("NAME:s20", expression: "NAME", expressionType: "GROUPBY"),
                ExportBuilder.port("K:\(keyType)", expression: "K", expressionType: "GROUPBY"),
                ExportBuilder.port("CNT:i", "OUTPUT", expression: "COUNT(K)"),
            ],
            attributes: [("Sorted Input", sortedInput ? "YES" : "NO"), ("Transformation Scope", "All Input")])
        export.target("T_ORDER", ["NAME:s20", "K:\(keyType)", "CNT:i"])
        export.connect("SQ_\(source)", "AGG", ["NAME", "K"])
        export.connect("AGG", "T_ORDER", ["NAME", "K", "CNT"])
        return export
    }

    // Arrival order: (b,2) (a,9) (NULL,1) (a,3) (B,5) (b,2).
    static let rows = [["b", "2"], ["a", "9"], ["NULL", "1"], ["a", "3"], ["B", "5"], ["b", "2"]]

    @Test("groups come out ascending by the group-by ports: NULL first, strings by code point, then K")
    func keyOrder() throws {
        for keyType in ["i", "n4"] {
            let harness = try ExecutorHarness()
            try harness.table("ORD_IN", ["NAME:s20", "K:\(keyType)"], Self.rows)
            let result = try harness.run(Self.export("ORD_IN", keyType: keyType))
            #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
            // 'B' (0x42) sorts before 'a' (0x61); (a,3) before (a,9); the two (b,2) rows are one group.
            #expect(
                try harness.rows("SELECT NAME, K, CNT FROM T_ORDER ORDER BY rowid", columns: 3)
                    == ["NULL|1|1", "B|5|1", "a|3|1", "a|9|1", "b|2|2"], "key type \(keyType)")
        }
    }

    @Test("numbers order by value, not as text (2 < 10 < 300), in the decimal fallback path too")
    func numericKeys() throws {
        for keyType in ["i", "n4"] {
            let harness = try ExecutorHarness()
            try harness.table("NUM_IN", ["NAME:s20", "K:\(keyType)"], [["x", "300"], ["x", "10"], ["x", "2"]])
            let result = try harness.run(Self.export("NUM_IN", keyType: keyType))
            #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
            #expect(
                try harness.rows("SELECT K FROM T_ORDER ORDER BY rowid", columns: 1) == ["2", "10", "300"],
                "key type \(keyType)")
        }
    }

    @Test("switched off, and with sorted input, groups come out in the order their first rows arrived")
    func arrivalOrder() throws {
        let arrival = ["b|2|2", "a|9|1", "NULL|1|1", "a|3|1", "B|5|1"]
        let harness = try ExecutorHarness()
        try harness.table("ORD_IN", ["NAME:s20", "K:i"], Self.rows)
        let switched = try harness.run(Self.export("ORD_IN", keyType: "i")) {
            $0.aggregatorEmitsGroupsInKeyOrder = false
        }
        #expect(switched.succeeded, "\(ExecutorHarness.describe(switched))")
        #expect(try harness.rows("SELECT NAME, K, CNT FROM T_ORDER ORDER BY rowid", columns: 3) == arrival)

        let sorted = try ExecutorHarness()
        try sorted.table("ORD_IN", ["NAME:s20", "K:i"], Self.rows)
        let result = try sorted.run(Self.export("ORD_IN", keyType: "i", sortedInput: true))
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        #expect(try sorted.rows("SELECT NAME, K, CNT FROM T_ORDER ORDER BY rowid", columns: 3) == arrival)
    }

    @Test("the byte encoding orders as the value comparison does, on strings with NUL bytes and extensions")
    func encodingMatchesComparison() throws {
        let settings = EvalHarness.settings()
        let values: [Value] = [
            .null, .string(""), .string("a"), .string("a\u{0}"), .string("a\u{0}b"), .string("a\u{1}"), .string("ab"),
            .string("é"), .integer(-5), .integer(0), .integer(7), .integer(Int64.min), .integer(Int64.max),
            .dateTime(DateTimeValue(day: -3, nanosecond: 5)), .dateTime(DateTimeValue(day: 2, nanosecond: 0)),
            .dateTime(DateTimeValue(day: 2, nanosecond: 1)),
        ]
        // Same-kind pairs (a group-by column holds one type); NULL against every kind.
        func kind(_ v: Value) -> Int {
            switch v {
            case .null: 0
            case .string: 1
            case .integer: 2
            default: 3
            }
        }
        for a in values {
            for b in values where kind(a) == kind(b) || kind(a) == 0 || kind(b) == 0 {
                var x: [UInt8] = []
                var y: [UInt8] = []
                #expect(GroupKeyOrder.append(a, to: &x) && GroupKeyOrder.append(b, to: &y))
                let bytes = x.lexicographicallyPrecedes(y) ? -1 : (x == y ? 0 : 1)
                #expect(bytes == AggregateRunner.groupKeyOrder(a, b, settings), "\(a) vs \(b)")
            }
        }
    }
}
