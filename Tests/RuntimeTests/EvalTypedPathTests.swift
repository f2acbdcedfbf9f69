import IR
import Testing

@testable import Runtime

/// The typed evaluators (Sources/Runtime/Evaluation/Typed*.swift) against the generic closures:
/// the 20 ports of the expression benchmark (Benchmarks/expression-bench.md) and a few more shapes,
/// over generated rows with NULLs, edge values and values of another kind than the port's type.
@Suite struct EvalTypedPathTests {
    static let ports: [(String, DataType)] = [
        ("ID", .integer), ("NAME", .string(precision: 30)), ("QTY", .integer), ("PRICE", .double),
        ("CODE", .string(precision: 1)), ("DT", .string(precision: 10)), ("FLAG", .integer), ("DISCOUNT", .double),
    ]

    static let benchmark: [String] = [
        "IIF(QTY > 10, 'BULK', 'SINGLE')",
        "DECODE(CODE, 'A', 'Alpha', 'B', 'Beta', 'C', 'Gamma', 'Other')",
        "TO_DATE(DT, 'YYYY-MM-DD')",
        "SUBSTR(NAME, 1, 5)",
        "LTRIM(NAME)",
        "QTY * PRICE",
        "QTY * PRICE * (1 - DISCOUNT)",
        "PRICE + 1.5",
        "IIF(FLAG = 1, QTY * 2, QTY)",
        "ID + QTY",
        "LTRIM(RTRIM(NAME))",
        "CODE || '-' || TO_CHAR(ID)",
        "ROUND(PRICE * QTY, 2)",
        "IIF(ISNULL(NAME), 'UNKNOWN', NAME)",
        "LENGTH(NAME)",
        "SUBSTR(DT, 1, 4)",
        "TO_INTEGER(SUBSTR(DT, 6, 2))",
        "IIF(PRICE > 100 AND QTY < 5, 1, 0)",
        "DECODE(TRUE, QTY < 5, 'LOW', QTY < 20, 'MID', 'HIGH')",
        "MOD(ID, 7)",
    ]

    static let more: [String] = [
        "ID * QTY", "ID - QTY", "MOD(ID, QTY)", "ID % FLAG", "PRICE / QTY", "PRICE / DISCOUNT", "QTY / FLAG",
        "NOT (QTY > 3)", "QTY > 3 OR PRICE < 1", "NOT FLAG", "FLAG AND QTY", "PRICE <> QTY", "QTY >= ID",
        "PRICE = DISCOUNT", "IIF(QTY, 'Y', 'N')", "IIF(PRICE > 1, PRICE)", "DECODE(TRUE, FLAG = 1, 'one')",
        "DECODE(CODE, 'A', 1, 'B', 2.5)", "IIF(ISNULL(QTY) OR QTY < 0, -1, QTY + 1)", "DECODE(QTY, 1, 'x', 'y')",
    ]

    /// Deterministic rows: mostly ordinary values, some NULLs, extremes and wrong kinds.
    static func rows(_ count: Int) -> [[Value]] {
        var generator = SplitMix64(seed: 7)
        func pick(_ choices: [Value]) -> Value { choices[Int(generator.next() % UInt64(choices.count))] }
        let names: [Value] = [
            .string("Bob"), .string("  Ann Lee "), .string("Zoë Müller"), .string(""), .string("   "), .null,
            .string("Carmenson, Robert"),
        ]
        let integers: [Value] = [
            .integer(0), .integer(1), .integer(-1), .integer(5), .integer(10), .integer(11), .integer(20), .integer(7),
            .integer(.max), .integer(.min), .null, .string("12"), .double(2.5), .decimal(3),
        ]
        let doubles: [Value] = [
            .double(0), .double(-0.0), .double(0.5), .double(100), .double(100.01), .double(249.99), .double(1e308),
            .double(-1e308), .double(.nan), .null, .integer(3), .string("4.5"), .decimal(2),
        ]
        let codes: [Value] = [
            .string("A"), .string("B"), .string("C"), .string("D"), .string("A "), .string(""), .null,
        ]
        let dates: [Value] = [.string("2001-11-07"), .string("2027-02-28"), .string("1999-13-01"), .string("x"), .null]
        return (0..<count).map { i in
            let id: Value = i % 11 == 0 ? pick(integers) : .integer(Int64(i) * 7919 - 50_000)
            return [
                id, pick(names), pick(integers), pick(doubles), pick(codes), pick(dates),
                pick([.integer(0), .integer(1), .integer(2), .null]), pick(doubles),
            ]
        }
    }

    static func compile(_ text: String, specialised: Bool, highPrecision: Bool) -> CompiledExpression? {
        let source = ExpressionSource(text)
        let (parsed, _) = ExpressionParser.parse(source)
        let types = Dictionary(ports.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        let (typed, _) = ExpressionTypeChecker.check(
            parsed, in: TypeEnvironment(ports: types, highPrecision: highPrecision), source: source)
        let slots = Dictionary(ports.enumerated().map { ($1.0, $0) }, uniquingKeysWith: { a, _ in a })
        let environment = CompileEnvironment(
            slots: slots, settings: EvalHarness.settings(highPrecision: highPrecision), source: source)
        return ExpressionCompiler.compile(typed, in: environment, specialised: specialised).compiled
    }

    static func outcome(_ expression: CompiledExpression, _ row: [Value]) -> String {
        var values = row
        var state = EvaluationState()
        do throws(RowError) {
            return "\(try expression.evaluate(&values, state: &state))"
        } catch {
            return "error \(error.code): \(error.message)"
        }
    }

    @Test(arguments: benchmark + more, [false, true])
    func typedAndGenericAgree(_ text: String, highPrecision: Bool) throws {
        let typed = try #require(Self.compile(text, specialised: true, highPrecision: highPrecision))
        let generic = try #require(Self.compile(text, specialised: false, highPrecision: highPrecision))
        var differences: [String] = []
        var errors = 0
        for row in Self.rows(400) {
            let a = Self.outcome(typed, row)
            let b = Self.outcome(generic, row)
            if a.hasPrefix("error") { errors += 1 }
            if a != b { differences.append("\(row): typed \(a), generic \(b)") }
        }
        #expect(differences.isEmpty, "\(text): \(differences.prefix(3))")
        _ = errors
    }

    /// The shapes the typed path must take gives values checked by hand.
    @Test func typedValuesByHand() throws {
        let row: [Value] = [
            .integer(9), .null, .integer(4), .double(120), .string("B"), .string("2001-11-07"), .integer(1),
            .double(0.25),
        ]
        let cases: [(String, String)] = [
            ("IIF(QTY > 10, 'BULK', 'SINGLE')", "string(\"SINGLE\")"),
            ("DECODE(CODE, 'A', 'Alpha', 'B', 'Beta', 'C', 'Gamma', 'Other')", "string(\"Beta\")"),
            ("QTY * PRICE * (1 - DISCOUNT)", "double(360.0)"),
            ("IIF(FLAG = 1, QTY * 2, QTY)", "integer(8)"),
            ("IIF(PRICE > 100 AND QTY < 5, 1, 0)", "integer(1)"),
            ("DECODE(TRUE, QTY < 5, 'LOW', QTY < 20, 'MID', 'HIGH')", "string(\"LOW\")"),
            ("MOD(ID, 7)", "integer(2)"),
            ("IIF(ISNULL(NAME), 'UNKNOWN', NAME)", "string(\"UNKNOWN\")"),
            ("ID * QTY > 35", "integer(1)"),
        ]
        for (text, expected) in cases {
            let typed = try #require(Self.compile(text, specialised: true, highPrecision: false))
            #expect(Self.outcome(typed, row) == expected, "\(text)")
        }
        let overflow = try #require(Self.compile("ID * QTY", specialised: true, highPrecision: false))
        let big: [Value] = [.integer(.max), .null, .integer(2), .null, .null, .null, .null, .null]
        #expect(Self.outcome(overflow, big).hasPrefix("error "))
    }
}
