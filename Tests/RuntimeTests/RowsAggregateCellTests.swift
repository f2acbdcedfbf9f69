import Foundation
import Testing

@testable import Runtime

/// A seeded generator (SplitMix64) so that failures repeat.
struct RowsRandom: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The aggregator's one-value cells against the full ``AggregateAccumulator`` they replace in
/// the runner: the same results and the same row errors, value by value, on seeded inputs.
@Suite struct RowsAggregateCellTests {
    static let simple: [AggregateFunction] = [.countRows, .count, .sum, .min, .max, .first, .last]

    /// A random value of the kind `mix` chooses: integers near the 64-bit limits, decimals,
    /// doubles, strings, dates or NULL.
    static func value(_ random: inout RowsRandom, mix: Int) -> Value {
        switch (mix + Int(random.next() % 3)) % 7 {
        case 0: return .null
        case 1: return .integer(Int64.max - Int64(random.next() % 5))
        case 2: return .integer(Int64(random.next() % 2001) - 1000)
        case 3:
            return .decimal(Decimal(Int(random.next() % 100_000)) / Decimal(Int(1 + random.next() % 3) * 100))
        case 4: return .double(Double(Int(random.next() % 1000)) / 8)
        case 5: return .string("s\(random.next() % 20)")
        default: return .dateTime(DateTimeValue(day: Int32(random.next() % 1000), nanosecond: 0))
        }
    }

    @Test(arguments: [false, true])
    func cellsAddAndResultAsTheAccumulatorDoes(highPrecision: Bool) throws {
        let settings = EvalHarness.settings(highPrecision: highPrecision)
        var random = RowsRandom(state: highPrecision ? 7 : 11)
        for round in 0..<400 {
            for function in Self.simple {
                var accumulator = AggregateAccumulator(function, settings: settings)
                let kind = AggregateCellKind(function)
                var cell = kind.emptyCell
                for _ in 0..<Int(random.next() % 12) {
                    let value = Self.value(&random, mix: round % 7)
                    let filter: Value? =
                        random.next() % 4 == 0 ? [Value.integer(0), .integer(1), .null][Int(random.next() % 3)] : nil
                    var expected: RowError?
                    var actual: RowError?
                    do { try accumulator.add(value, filter: filter) } catch { expected = error }
                    do throws(RowError) {
                        try AggregateCell.add(kind, &cell, value, filter: filter, settings: settings)
                    } catch { actual = error }
                    #expect(actual == expected, "\(function) adding \(value)")
                }
                #expect(AggregateCell.result(cell) == (try accumulator.result()), "\(function) round \(round)")
            }
        }
    }

    @Test func integerSumOverflowIsTheAccumulatorsRowErrorAndKeepsTheTotal() throws {
        let settings = EvalHarness.settings()
        var cell = AggregateCellKind.sum.emptyCell
        try AggregateCell.add(.sum, &cell, .integer(Int64.max - 1), filter: nil, settings: settings)
        #expect(throws: RowError.self) {
            try AggregateCell.add(.sum, &cell, .integer(2), filter: nil, settings: settings)
        }
        #expect(cell == .integer(Int64.max - 1))
        try AggregateCell.add(.sum, &cell, .integer(-1), filter: nil, settings: settings)
        #expect(cell == .integer(Int64.max - 2))
    }

    @Test func countsAndFiltersByHand() throws {
        let settings = EvalHarness.settings()
        var count = AggregateCellKind.count.emptyCell
        var rows = AggregateCellKind.countRows.emptyCell
        for (value, filter) in [
            (Value.integer(1), nil), (.null, nil), (.integer(3), Value.integer(0)), (.string("x"), .null),
        ] {
            try AggregateCell.add(.count, &count, value, filter: filter, settings: settings)
            try AggregateCell.add(.countRows, &rows, value, filter: filter, settings: settings)
        }
        #expect(count == .integer(1))
        #expect(rows == .integer(2))
        #expect(AggregateCell.result(AggregateCellKind.sum.emptyCell) == .null)
        #expect(AggregateCellKind(.avg) == .accumulator)
    }
}
