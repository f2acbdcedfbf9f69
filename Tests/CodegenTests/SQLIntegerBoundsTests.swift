import IR
import Testing

@testable import Codegen

/// The values integer expressions can take, from their operands' types and literals.
@Suite("integer bounds")
struct SQLIntegerBoundsTests {
    static let ports: [String: DataType] = ["N": .integer, "M": .integer, "S": .smallInteger, "B": .bigInteger]

    static func bounds(_ text: String) -> ClosedRange<Int128> {
        let source = ExpressionSource(text)
        let parsed = ExpressionParser.parse(source)
        let typed = ExpressionTypeChecker.check(parsed.expression, in: TypeEnvironment(ports: ports), source: source)
        return SQLIntegerBounds.of(typed.typed)
    }

    static let low = Int128(Int32.min)
    static let high = Int128(Int32.max)
    static let int32: ClosedRange<Int128> = low...high

    static let cases: [(String, ClosedRange<Int128>)] = [
        ("N", int32), ("12", 12...12), ("-N", (low + 1)...(high + 1)), ("N + 1", (low + 1)...(high + 1)),
        ("N - M", (low - high)...(high - low)), ("S * 1000 + 7", -32_767_993...32_767_007),
        ("N % 1000", -999...999), ("MOD(7, 3)", 0...2), ("MOD(-7, 3)", -2...0), ("7 % 10", 0...7),
        ("N % M", int32), ("ABS(S)", 0...32_768), ("IIF(N > 0, 1, 5)", 1...5), ("IIF(N > 0, 1)", 0...1),
        ("DECODE(N, 1, 10, 2, 20)", 0...20), ("DECODE(N, 1, 10, -4)", -4...10),
    ]

    @Test("bounds of arithmetic, remainders and branches", arguments: cases)
    func knownBounds(_ text: String, _ expected: ClosedRange<Int128>) {
        #expect(Self.bounds(text) == expected, "\(text)")
    }

    @Test("products saturate far past 64 bits instead of trapping")
    func saturation() {
        let huge = Self.bounds("B * B * B * B * B * B")
        #expect(huge.lowerBound == -SQLIntegerBounds.limit && huge.upperBound == SQLIntegerBounds.limit)
        #expect(!SQLIntegerBounds.within(Self.bounds("N * N * N"), SQLIntegerBounds.int64))
        #expect(SQLIntegerBounds.within(Self.bounds("N * N + N"), SQLIntegerBounds.int64))
    }
}
