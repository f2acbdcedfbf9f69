import IR
import Testing

@testable import Runtime

/// What a test expects an expression to give.
enum EvalExpectation: Sendable, CustomStringConvertible {
    /// Exactly this value.
    case value(Value)
    /// A number of any numeric type equal to this one (within 1e-9).
    case number(Double)
    /// A string.
    case text(String)
    /// NULL.
    case null
    /// A row error with this code (or code prefix).
    case rowError(String)

    var description: String {
        switch self {
        case .value(let v): "\(v)"
        case .number(let d): "number \(d)"
        case .text(let s): "'\(s)'"
        case .null: "NULL"
        case .rowError(let code): "row error \(code)"
        }
    }
}

/// Helpers to parse, type check, compile and evaluate expression text.
enum EvalHarness {
    /// Fixed settings: now = 2024-03-15 10:30:00, session start the same, default format.
    static func settings(highPrecision: Bool = false) -> EvaluationSettings {
        let day = Int32(CivilCalendar.dayNumber(year: 2024, month: 3, day: 15))
        let now = DateTimeValue(day: day, nanosecond: 37_800 * 1_000_000_000)
        return EvaluationSettings(highPrecision: highPrecision, sessionStart: now, now: now, currentYear: 2024)
    }

    /// Compiles `text` with ports `ports` (name, type) in slot order; returns the expression or the
    /// diagnostics' codes.
    static func compile(
        _ text: String, ports: [(String, DataType)] = [], highPrecision: Bool = false,
        mappingVariables: [String: DataType] = [:], parameters: [String: Value] = [:]
    ) -> (CompiledExpression?, [Diagnostic]) {
        let source = ExpressionSource(text)
        let (parsed, parseDiagnostics) = ExpressionParser.parse(source)
        var parameterTypes = mappingVariables
        for (name, value) in parameters { parameterTypes[name] = EvaluatorBuilder.type(of: value) }
        let environment = TypeEnvironment(
            ports: Dictionary(ports.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a }), parameters: parameterTypes,
            highPrecision: highPrecision)
        let (typed, typeDiagnostics) = ExpressionTypeChecker.check(parsed, in: environment, source: source)
        let slots = Dictionary(ports.enumerated().map { ($0.element.0, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let (compiled, diagnostics) = ExpressionCompiler.compile(
            typed, slots: slots, parameters: parameters, mappingVariables: Set(mappingVariables.keys),
            settings: settings(highPrecision: highPrecision), source: source)
        return (
            compiled,
            parseDiagnostics.filter { $0.severity == .error } + typeDiagnostics.filter { $0.severity == .error }
                + diagnostics
        )
    }

    /// Evaluates `text` over `row`; the value, or the row error.
    static func evaluate(
        _ text: String, ports: [(String, DataType)] = [], row: [Value] = [], highPrecision: Bool = false,
        state: EvaluationState = EvaluationState(), mappingVariables: [String: DataType] = [:]
    ) -> Result<Value, RowError>? {
        let (compiled, diagnostics) = compile(
            text, ports: ports, highPrecision: highPrecision, mappingVariables: mappingVariables)
        guard let compiled, !diagnostics.hasErrors else {
            Issue.record("'\(text)' did not compile: \(diagnostics.map(\.description))")
            return nil
        }
        var values = row
        var mutableState = state
        do throws(RowError) {
            return .success(try compiled.evaluate(&values, state: &mutableState))
        } catch {
            return .failure(error)
        }
    }

    /// Whether `result` is what `expected` says.
    static func matches(_ result: Result<Value, RowError>, _ expected: EvalExpectation) -> Bool {
        switch (result, expected) {
        case (.failure(let error), .rowError(let code)): return error.code.hasPrefix(code)
        case (.failure, _), (.success, .rowError): return false
        case (.success(let value), .value(let v)): return value == v
        case (.success(let value), .null): return value.isNull
        case (.success(let value), .text(let s)): return value == .string(s)
        case (.success(let value), .number(let d)):
            switch value {
            case .integer(let i): return Double(i) == d
            case .double(let x): return abs(x - d) < 1e-9
            case .decimal(let x): return abs(ValueConversion.double(x) - d) < 1e-9
            default: return false
            }
        }
    }

    /// Checks `text` against `expected`, recording an issue that names the expression.
    static func expect(
        _ text: String, _ expected: EvalExpectation, ports: [(String, DataType)] = [], row: [Value] = [],
        highPrecision: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard let result = evaluate(text, ports: ports, row: row, highPrecision: highPrecision) else { return }
        #expect(
            matches(result, expected), "\(text) gave \(result), expected \(expected)", sourceLocation: sourceLocation)
    }
}
