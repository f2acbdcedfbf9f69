import IR
import Testing

@testable import Runtime

@Suite("Eval: aggregate accumulators")
struct EvalAggregateTests {
    func run(_ f: AggregateFunction, _ values: [Value], filter: [Value]? = nil, percentage: Double = 50) throws -> Value
    {
        var accumulator = AggregateAccumulator(f, settings: EvalHarness.settings(), percentage: percentage)
        for (i, value) in values.enumerated() { try accumulator.add(value, filter: filter?[i]) }
        return try accumulator.result()
    }

    @Test("case 39: SUM(AMT, AMT > 0) over 5, -3, NULL, 2 is 7")
    func case39() throws {
        let amounts: [Value] = [.integer(5), .integer(-3), .null, .integer(2)]
        let condition = try #require(EvalHarness.compile("AMT > 0", ports: [("AMT", .integer)]).0)
        let filters = try amounts.map { amount throws(RowError) in try condition.evaluate([amount]) }
        #expect(filters == [.integer(1), .integer(0), .null, .integer(1)])
        #expect(try run(.sum, amounts, filter: filters) == .integer(7))
        #expect(try run(.sum, amounts) == .integer(4))
    }

    @Test("all NULL: NULL, except COUNT 0; COUNT(*) counts rows")
    func allNull() throws {
        let nulls: [Value] = [.null, .null]
        for f in [AggregateFunction.sum, .avg, .min, .max, .first, .last, .median, .stddev, .variance, .percentile] {
            #expect(try run(f, nulls) == .null, "\(f)")
        }
        #expect(try run(.count, nulls) == .integer(0))
        #expect(try run(.countRows, nulls) == .integer(2))
    }

    @Test("statistics over 2, 4, 4, 4, 5, 5, 7, 9")
    func statistics() throws {
        let values: [Value] = [2, 4, 4, 4, 5, 5, 7, 9].map { .integer($0) }
        #expect(try run(.avg, values) == .double(5))
        #expect(try run(.median, values) == .double(4.5))
        #expect(try run(.min, values) == .integer(2))
        #expect(try run(.max, values) == .integer(9))
        #expect(try run(.variance, values) == .double(32.0 / 7.0))
        #expect(try run(.percentile, values, percentage: 100) == .double(9))
        #expect(try run(.percentile, values, percentage: 50) == .double(4.5))
        #expect(try run(.stddev, [.integer(3)]) == .double(0))
        #expect(try run(.first, [.null, .string("a"), .string("b")]) == .string("a"))
        #expect(try run(.last, [.string("a"), .string("b"), .null]) == .string("b"))
    }
}
