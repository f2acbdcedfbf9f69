import Foundation
import IR
import Runtime

/// `migrate-bench eval`: port evaluations per second of a 20-port Expression transformation
/// (Benchmarks/expression-bench.md).
///
///     migrate-bench eval --generate FILE [--rows N] [--seed S]   writes the CSV input
///     migrate-bench eval FILE [--show N] [--per-port]              loads it, then times the evaluation
enum EvalCommand {
    static func run(_ arguments: [String]) -> Int32 {
        if let out = option("--generate", in: arguments) {
            let rows = option("--rows", in: arguments).flatMap(Int.init) ?? 1_000_000
            let seed = option("--seed", in: arguments).flatMap(UInt64.init) ?? 42
            guard EvalData.write(rows: rows, seed: seed, to: out) else {
                printError("cannot write '\(out)'")
                return 1
            }
            print("wrote \(out): \(rows) rows")
            return 0
        }
        guard let path = arguments.first, let rows = EvalData.read(path) else {
            printError(
                "usage: migrate-bench eval --generate FILE [--rows N] [--seed S] | migrate-bench eval FILE [--show N]")
            return 2
        }
        guard let compiled = EvalPorts.compile() else { return 1 }
        let show = option("--show", in: arguments).flatMap(Int.init) ?? 0
        if arguments.contains("--per-port") { perPort(compiled, rows) }
        return measure(compiled, rows, show: show)
    }

    /// Prints the nanoseconds per evaluation of each port alone.
    private static func perPort(_ ports: [CompiledExpression], _ rows: [[Value]]) {
        var state = EvaluationState()
        for (p, port) in ports.enumerated() {
            var nonNull = 0
            let start = monotonicSeconds()
            for index in rows.indices {
                var row = rows[index]
                if let value = try? port.evaluate(&row, state: &state), !value.isNull { nonNull += 1 }
            }
            let nanoseconds = (monotonicSeconds() - start) * 1e9 / Double(rows.count)
            print("port \(p + 1): \(format(nanoseconds, 1)) ns  \(EvalPorts.all[p])  (non-NULL \(nonNull))")
        }
    }

    /// Evaluates every port on every row (one thread) and prints the rate.
    private static func measure(_ ports: [CompiledExpression], _ rows: [[Value]], show: Int) -> Int32 {
        var state = EvaluationState()
        var outputs = [Value](repeating: .null, count: ports.count)
        var checksum = 0
        var errors = 0
        let start = monotonicSeconds()
        for index in rows.indices {
            var row = rows[index]
            for p in ports.indices {
                do throws(RowError) {
                    outputs[p] = try ports[p].evaluate(&row, state: &state)
                } catch {
                    errors += 1
                }
            }
            checksum &+= outputs.count { !$0.isNull }
            if index < show { print("row \(index): \(outputs.map(EvalData.text))") }
        }
        let seconds = monotonicSeconds() - start
        let evaluations = Double(rows.count * ports.count)
        print(
            "native: \(rows.count) rows x \(ports.count) ports in \(format(seconds, 3)) s = "
                + "\(format(evaluations / seconds / 1e6, 2)) M port evaluations/s (non-NULL \(checksum), row errors \(errors))"
        )
        return 0
    }
}

/// The 20 ports of the benchmark transformation and its input ports.
enum EvalPorts {
    static let inputs: [(String, DataType)] = [
        ("ID", .integer), ("NAME", .string(precision: 30)), ("QTY", .integer), ("PRICE", .double),
        ("CODE", .string(precision: 1)), ("DT", .string(precision: 10)), ("FLAG", .integer), ("DISCOUNT", .double),
    ]

    static let all: [String] = [
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

    /// Parses, type checks and compiles every port; nil (after printing the diagnostics) on errors.
    static func compile() -> [CompiledExpression]? {
        let types = Dictionary(inputs.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        let slots = Dictionary(inputs.enumerated().map { ($1.0, $0) }, uniquingKeysWith: { a, _ in a })
        let now = DateTimeValue(day: 738_000, nanosecond: 0)
        let settings = EvaluationSettings(sessionStart: now, now: now, currentYear: 2026)
        var compiled: [CompiledExpression] = []
        for text in all {
            let source = ExpressionSource(text)
            let (parsed, parseDiagnostics) = ExpressionParser.parse(source)
            let (typed, typeDiagnostics) = ExpressionTypeChecker.check(
                parsed, in: TypeEnvironment(ports: types), source: source)
            let (expression, diagnostics) = ExpressionCompiler.compile(
                typed, slots: slots, settings: settings, source: source)
            let all = parseDiagnostics + typeDiagnostics + diagnostics
            guard let expression, !all.hasErrors else {
                printError("'\(text)': \(all.map(\.description))")
                return nil
            }
            compiled.append(expression)
        }
        return compiled
    }
}
