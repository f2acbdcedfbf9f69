import Foundation
import IR
import Testing

@testable import Runtime

/// Each switch for a BELIEVED/CONFLICT fact (docs/believed-behaviours.md): the default and the
/// alternative, with hand-computed expectations.
@Suite struct BelievedSwitchTests {
    /// The harness settings with `change` applied.
    private static func settings(
        highPrecision: Bool = false, _ change: (inout EvaluationSettings) -> Void = { _ in }
    ) -> EvaluationSettings {
        var settings = EvalHarness.settings(highPrecision: highPrecision)
        change(&settings)
        return settings
    }

    /// Parses (with `parserOptions`), checks, compiles with `settings` and evaluates `text` over `row`.
    private static func run(
        _ text: String, _ settings: EvaluationSettings, ports: [(String, DataType)] = [], row: [Value] = [],
        state: inout EvaluationState, mappingVariables: [String: DataType] = [:],
        parserOptions: ExpressionParser.Options = ExpressionParser.Options()
    ) -> Result<Value, RowError>? {
        let source = ExpressionSource(text)
        let (parsed, _) = ExpressionParser.parse(source, options: parserOptions)
        let environment = TypeEnvironment(
            ports: Dictionary(ports.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a }),
            parameters: mappingVariables, highPrecision: settings.highPrecision)
        let (typed, typeDiagnostics) = ExpressionTypeChecker.check(parsed, in: environment, source: source)
        let slots = Dictionary(ports.enumerated().map { ($0.element.0, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let (compiled, diagnostics) = ExpressionCompiler.compile(
            typed, slots: slots, parameters: [:], mappingVariables: Set(mappingVariables.keys), settings: settings,
            source: source)
        guard let compiled, !diagnostics.hasErrors, !typeDiagnostics.hasErrors else {
            Issue.record("'\(text)' did not compile: \((typeDiagnostics + diagnostics).map(\.description))")
            return nil
        }
        var values = row
        do throws(RowError) {
            return .success(try compiled.evaluate(&values, state: &state))
        } catch {
            return .failure(error)
        }
    }

    private static func value(
        _ text: String, _ settings: EvaluationSettings, ports: [(String, DataType)] = [], row: [Value] = [],
        parserOptions: ExpressionParser.Options = ExpressionParser.Options()
    ) -> Value? {
        var state = EvaluationState()
        guard
            case .success(let v)? = run(
                text, settings, ports: ports, row: row, state: &state, parserOptions: parserOptions)
        else { return nil }
        return v
    }

    @Test func concatenationOfTwoNulls() {
        let ports: [(String, DataType)] = [("A", .string(precision: 10)), ("B", .string(precision: 10))]
        #expect(Self.value("A || B", Self.settings(), ports: ports, row: [.null, .null]) == .null)
        let empty = Self.settings { $0.concatOfTwoNullsIsNull = false }
        #expect(Self.value("A || B", empty, ports: ports, row: [.null, .null]) == .string(""))
        #expect(Self.value("CONCAT(A, B)", empty, ports: ports, row: [.null, .null]) == .string(""))
        // One NULL operand is ignored either way (G2, VERIFIED part).
        #expect(Self.value("A || B", empty, ports: ports, row: [.string("x"), .null]) == .string("x"))
    }

    @Test func iifWithoutElse() {
        let ports: [(String, DataType)] = [("N", .integer)]
        #expect(Self.value("IIF(N > 1, 5)", Self.settings(), ports: ports, row: [.integer(0)]) == .integer(0))
        #expect(Self.value("IIF(N > 1, 'x')", Self.settings(), ports: ports, row: [.integer(0)]) == .string(""))
        let null = Self.settings { $0.iifOmittedElseIsZero = false }
        #expect(Self.value("IIF(N > 1, 5)", null, ports: ports, row: [.integer(0)]) == .null)
        #expect(Self.value("IIF(N > 1, 'x')", null, ports: ports, row: [.integer(0)]) == .null)
        #expect(Self.value("IIF(N > 1, 5)", null, ports: ports, row: [.integer(2)]) == .integer(5))
    }

    @Test func setCountVariableOnDeleteRows() {
        func count(_ settings: EvaluationSettings, _ kind: RowKind) -> (Value?, Value?) {
            var state = EvaluationState(mappingVariables: ["$$N": .integer(10)], rowKind: kind)
            let result = Self.run("SETCOUNTVARIABLE($$N)", settings, state: &state, mappingVariables: ["$$N": .integer])
            guard case .success(let v)? = result else { return (nil, nil) }
            return (v, state.mappingVariables["N"])
        }
        let subtract = Self.settings { $0.setCountVariableSubtractsOnDelete = true }
        #expect(count(Self.settings(), .delete) == (.integer(10), .integer(10)))
        #expect(count(subtract, .delete) == (.integer(9), .integer(9)))
        #expect(count(subtract, .update) == (.integer(10), .integer(10)))
        #expect(count(subtract, .insert) == (.integer(11), .integer(11)))
    }

    @Test func toDecimalOfADecimal() {
        let ports: [(String, DataType)] = [("D", .decimal(precision: 10, scale: 4))]
        let row: [Value] = [.decimal(Decimal(string: "15.6789")!)]
        let truncating = Self.settings(highPrecision: true)
        #expect(
            Self.value("TO_DECIMAL(D, 2)", truncating, ports: ports, row: row) == .decimal(Decimal(string: "15.67")!))
        let rounding = Self.settings(highPrecision: true) { $0.toDecimalTruncatesDecimalInput = false }
        #expect(Self.value("TO_DECIMAL(D, 2)", rounding, ports: ports, row: row) == .decimal(Decimal(string: "15.68")!))
        // Strings round either way ([S22]: TO_DECIMAL('15.6789', 3) = 15.679).
        #expect(Self.value("TO_DECIMAL('15.6789', 3)", truncating) == .decimal(Decimal(string: "15.679")!))
    }

    @Test func modulusSign() {
        let ports: [(String, DataType)] = [("A", .integer), ("B", .integer)]
        let floored = Self.settings { $0.modTakesDividendSign = false }
        #expect(
            Self.value("MOD(A, B)", Self.settings(), ports: ports, row: [.integer(-7), .integer(3)]) == .integer(-1))
        #expect(Self.value("A % B", Self.settings(), ports: ports, row: [.integer(7), .integer(-3)]) == .integer(1))
        #expect(Self.value("MOD(A, B)", floored, ports: ports, row: [.integer(-7), .integer(3)]) == .integer(2))
        #expect(Self.value("A % B", floored, ports: ports, row: [.integer(7), .integer(-3)]) == .integer(-2))
        #expect(Self.value("A % B", floored, ports: ports, row: [.integer(-6), .integer(3)]) == .integer(0))
        #expect(Self.value("MOD(-7.5, 2)", floored) == .double(0.5))
        #expect(Self.value("MOD(-7.5, 2)", Self.settings()) == .double(-1.5))
    }

    @Test func rrCenturyWindow() {
        let window = Self.settings()
        let plain = Self.settings { $0.rrUsesCenturyWindow = false }
        for text in [
            "GET_DATE_PART(TO_DATE('01/01/75', 'MM/DD/RR'), 'YYYY')",
            "GET_DATE_PART(TO_DATE('010175', 'MMDDRR'), 'YYYY')",
        ] {
            #expect(Self.value(text, window) == .integer(1975))
            #expect(Self.value(text, plain) == .integer(2075))
        }
        #expect(Self.value("GET_DATE_PART(TO_DATE('01/01/25', 'MM/DD/RR'), 'YYYY')", plain) == .integer(2025))
    }

    @Test func trailingBlanksInComparison() {
        let ports: [(String, DataType)] = [("S", .string(precision: 5))]
        let row: [Value] = [.string("A  ")]
        let ignored = Self.settings { $0.trailingBlanksSignificant = false }
        #expect(Self.value("S = 'A'", Self.settings(), ports: ports, row: row) == .integer(0))
        #expect(Self.value("S = 'A'", ignored, ports: ports, row: row) == .integer(1))
        #expect(Self.value("DECODE(S, 'A', 1, 0)", Self.settings(), ports: ports, row: row) == .integer(0))
        #expect(Self.value("DECODE(S, 'A', 1, 0)", ignored, ports: ports, row: row) == .integer(1))
        #expect(Self.value("S < 'A '", ignored, ports: ports, row: row) == .integer(0))
    }

    @Test func toDateSeparators() {
        let text = "GET_DATE_PART(TO_DATE('2024-03-15', 'YYYY/MM/DD'), 'DD')"
        var state = EvaluationState()
        let strict = Self.run(text, Self.settings(), state: &state)
        if case .success(let v)? = strict { Issue.record("mismatched separators gave \(v), expected a row error") }
        let lenient = Self.settings { $0.dateParseOptions = DateFormat.ParseOptions(separatorsMustMatch: false) }
        #expect(Self.value(text, lenient) == .integer(15))
        #expect(Self.value("IS_DATE('2024-03-15', 'YYYY/MM/DD')", Self.settings()) == .integer(0))
        #expect(Self.value("IS_DATE('2024-03-15', 'YYYY/MM/DD')", lenient) == .integer(1))
    }

    @Test func notBinding() {
        // A = 2, B = 1: (NOT 2) = 1 is 0 = 1 → 0; NOT (2 = 1) is NOT 0 → 1.
        let ports: [(String, DataType)] = [("A", .integer), ("B", .integer)]
        let row: [Value] = [.integer(2), .integer(1)]
        #expect(Self.value("NOT A = B", Self.settings(), ports: ports, row: row) == .integer(0))
        let loose = ExpressionParser.Options(notBindsTighterThanComparison: false)
        #expect(Self.value("NOT A = B", Self.settings(), ports: ports, row: row, parserOptions: loose) == .integer(1))
    }

    @Test func regMatchAnchoring() {
        // '[a-z]+[0-9]+' matches 'abc123' inside 'abc123x' but not the whole subject.
        let text = "REG_MATCH('abc123x', '[a-z]+[0-9]+')"
        #expect(Self.value(text, Self.settings()) == .integer(0))
        #expect(Self.value(text, Self.settings { $0.regMatchRequiresFullMatch = false }) == .integer(1))
    }

    /// §3.4.6 [BELIEVED]: DECODE/IIF results take the first result's type and the others are
    /// converted ('7' → 7, 'x7' → 0 by prefix; inside an expression a string converted to a number is
    /// held as a double until it reaches a port); `TypeEnvironment.resultFamiliesMustMatch` rejects the mix.
    @Test func mixedResultFamiliesAreConverted() {
        let ports: [(String, DataType)] = [("N", .integer)]
        let settings = Self.settings()
        #expect(Self.value("DECODE(N, 1, 5, 2, '7')", settings, ports: ports, row: [.integer(2)]) == .double(7))
        #expect(Self.value("DECODE(N, 1, 5, 2, 'x7')", settings, ports: ports, row: [.integer(2)]) == .double(0))
        #expect(Self.value("IIF(N > 1, 'A', 3)", settings, ports: ports, row: [.integer(0)]) == .string("3"))
        var strict = TypeEnvironment(ports: ["N": .integer])
        strict.resultFamiliesMustMatch = true
        let source = ExpressionSource("DECODE(N, 1, 5, 2, '7')")
        let (parsed, _) = ExpressionParser.parse(source)
        let (_, diagnostics) = ExpressionTypeChecker.check(parsed, in: strict, source: source)
        #expect(diagnostics.map(\.code.rawValue) == ["IR0152"])
    }
}
