import Foundation
import IR
import Testing

@testable import Runtime

/// Timings of the telecom demo's expressions (Examples/telecom, EXP_PREPARE and EXP_CHARGE), one
/// function at a time. Runs only with `EVALFAST_BENCH=1` (meaningful in a release build with
/// `-Xswiftc -enable-testing`); prints nanoseconds per evaluation.
@Suite struct EvalFastPathBench {
    static let preparePorts: [(String, DataType)] = [
        ("CALLER_MSISDN", .string(precision: 20)), ("CALL_START", .string(precision: 19)),
        ("DURATION_SEC", .string(precision: 10)), ("ROAMING_FLAG", .string(precision: 1)),
        ("v_MSISDN", .string(precision: 20)),
    ]
    static let prepareRow: [Value] = [
        .string("4917612345678"), .string("2024-03-15 10:30:07"), .string("125"), .string("N"),
        .string("4917612345678"),
    ]
    static let chargePorts: [(String, DataType)] = [
        ("DURATION_SEC", .integer), ("RATE_PER_MIN", .decimal(precision: 8, scale: 4)), ("v_MINUTES", .integer),
        ("v_RATE", .decimal(precision: 8, scale: 4)),
    ]
    static let chargeRow: [Value] = [.integer(125), .decimal(Decimal(string: "0.1900")!), .integer(3), .decimal(0.19)]

    static let prepare: [String] = [
        "LTRIM(RTRIM(CALLER_MSISDN))",
        "TRUNC(IIF(IS_DATE(CALL_START, 'YYYY-MM-DD HH24:MI:SS'), TO_DATE(CALL_START, 'YYYY-MM-DD HH24:MI:SS'),"
            + " ERROR('invalid CALL_START')), 'DD')",
        "IS_DATE(CALL_START, 'YYYY-MM-DD HH24:MI:SS')",
        "TO_DATE(CALL_START, 'YYYY-MM-DD HH24:MI:SS')",
        "IIF(IS_NUMBER(DURATION_SEC), TO_INTEGER(DURATION_SEC), ERROR('non-numeric DURATION_SEC'))",
        "IS_NUMBER(DURATION_SEC)",
        "TO_INTEGER(DURATION_SEC)",
        "IIF(UPPER(LTRIM(RTRIM(ROAMING_FLAG))) = 'Y', 'Y', 'N')",
        "UPPER(ROAMING_FLAG)",
        "IIF(SUBSTR(v_MSISDN, 1, 3) = '999' OR IN(v_MSISDN, '491700000000', '491709999999'), 1, 0)",
        "SUBSTR(v_MSISDN, 1, 3) = '999'",
        "IN(v_MSISDN, '491700000000', '491709999999')",
    ]
    static let charge: [String] = [
        "CEIL(DURATION_SEC / 60)", "IIF(ISNULL(RATE_PER_MIN), 0.5, RATE_PER_MIN)", "v_MINUTES * v_RATE",
    ]

    @Test func timings() throws {
        guard ProcessInfo.processInfo.environment["EVALFAST_BENCH"] == "1" else { return }
        let n = Int(ProcessInfo.processInfo.environment["EVALFAST_N"] ?? "") ?? 1_000_000
        for text in Self.prepare {
            time(text, ports: Self.preparePorts, row: Self.prepareRow, highPrecision: false, n: n)
        }
        for text in Self.charge {
            time(text, ports: Self.chargePorts, row: Self.chargeRow, highPrecision: true, n: n)
        }
        let settings = EvalHarness.settings(highPrecision: true)
        for (label, value, type) in [
            ("coerce decimal(8,4)", Self.chargeRow[1], DataType.decimal(precision: 8, scale: 4)),
            ("coerce decimal(14,4)", Value.decimal(Decimal(string: "0.5700")!), .decimal(precision: 14, scale: 4)),
        ] {
            var sink = 0
            let start = ContinuousClock.now
            for _ in 0..<n {
                if case .decimal = try PortCoercion.coerce(value, to: type, settings, port: "P") { sink += 1 }
            }
            report(label, start: start, n: n, sink: sink)
        }
    }

    /// The replaced general code against its fast path, one function at a time.
    @Test func oldAgainstNew() throws {
        guard ProcessInfo.processInfo.environment["EVALFAST_BENCH"] == "1" else { return }
        let n = Int(ProcessInfo.processInfo.environment["EVALFAST_N"] ?? "") ?? 1_000_000
        let inputs = ["125", "60", "3600", "7"]
        loop("IS_NUMBER old (array)", n) { ReferenceCopies.isNumber(inputs[$0 & 3]) }
        loop("IS_NUMBER new (in place)", n) { NumericText.isNumber(inputs[$0 & 3]) }
        let flags = ["N", "y", "Y", ""]
        loop("UPPER old (uppercased)", n) { flags[$0 & 3].uppercased() == "Y" }
        let quotient = Decimal(125) / Decimal(60)
        loop("28 digits old (divide loop)", n) { _ in !Arithmetic.roundedTo28DigitsByDivision(quotient).isZero }
        loop("28 digits new (table)", n) { _ in !Arithmetic.roundedTo28Digits(quotient).isZero }
        let rate = Decimal(string: "0.1900")!
        loop("Rounding.decimal old (NSDecimalRound)", n) { _ in
            ReferenceCopies.rounded(rate, scale: 4, truncate: false) == rate
        }
        loop("Rounding.decimal new (nothing to drop)", n) { _ in Rounding.decimal(rate, scale: 4) == rate }
        let date = DateTimeValue(day: 738_960, nanosecond: 37_807 * 1_000_000_000)
        loop("TRUNC old (unit per row)", n) { _ in
            (try? DateFunctions.truncDate(.dateTime(date), .string("DD"))) != nil
        }
        loop("TRUNC new (constant unit)", n) { _ in DateFunctions.truncated(date, .day).nanosecond == 0 }
        let settings = EvalHarness.settings()
        let msisdn = Value.string("4917612345678")
        let items: [Value] = [.string("491700000000"), .string("491709999999")]
        loop("IN old (array)", n) { _ in
            ReferenceCopies.membership(msisdn, Array(items), position: false, settings) == .integer(1)
        }
    }

    private func loop(_ label: String, _ n: Int, _ body: (Int) throws -> Bool) rethrows {
        var sink = 0
        let start = ContinuousClock.now
        for i in 0..<n where try body(i) { sink += 1 }
        report(label, start: start, n: n, sink: sink)
    }

    private func time(_ text: String, ports: [(String, DataType)], row: [Value], highPrecision: Bool, n: Int) {
        let (compiled, diagnostics) = EvalHarness.compile(text, ports: ports, highPrecision: highPrecision)
        guard let compiled, !diagnostics.hasErrors else {
            Issue.record("'\(text)' did not compile")
            return
        }
        var values = row
        var state = EvaluationState()
        var sink = 0
        let start = ContinuousClock.now
        for _ in 0..<n {
            if (try? compiled.evaluate(&values, state: &state)) != nil { sink += 1 }
        }
        report(text, start: start, n: n, sink: sink)
    }

    private func report(_ label: String, start: ContinuousClock.Instant, n: Int, sink: Int) {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("BENCH \(String(format: "%8.1f", seconds * 1e9 / Double(n))) ns  \(label)  (\(sink))")
    }
}
