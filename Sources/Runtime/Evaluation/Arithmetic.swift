import Foundation

/// The arithmetic operators and MOD (reference §3.2, §3.3, G1, G9).
///
/// integer op integer stays integer for `+ - *` (64-bit overflow is a row error, chosen where the
/// reference is uncertain); any double makes a double; decimals compute with Foundation's
/// Decimal when high precision is on and as doubles when it is off. `/` never divides integers:
/// it gives a decimal (high precision) or a double. A zero divisor is a row error. Decimal
/// `+ - *` take ``CompactDecimal``'s fast path (Foundation's exact bytes) when it applies.
enum Arithmetic {
    /// The operators `+ - * / %`.
    enum Operation: Sendable {
        case add, subtract, multiply, divide, modulo

        var symbol: String {
            switch self {
            case .add: "+"
            case .subtract: "-"
            case .multiply: "*"
            case .divide: "/"
            case .modulo: "%"
            }
        }
    }

    /// `a op b`; NULL when either operand is NULL.
    static func apply(_ op: Operation, _ a: Value, _ b: Value, highPrecision: Bool) throws(RowError) -> Value {
        // Integers and doubles need no conversion (and no context text): the general path below
        // would compute the same.
        switch (a, b) {
        case (.integer(let i), .integer(let j)): return try integers(op, i, j, highPrecision: highPrecision)
        case (.double(let x), .double(let y)): return try doubles(op, x, y)
        case (.integer(let i), .double(let y)): return try doubles(op, Double(i), y)
        case (.double(let x), .integer(let j)): return try doubles(op, x, Double(j))
        // High precision keeps decimals and integers as they are (ValueConversion.number), so the
        // general path below would reach `decimals` with the same operands.
        case (.integer(let i), .decimal(let y)) where highPrecision:
            return try decimals(op, CompactDecimal.integer(i), y)
        case (.decimal(let x), .integer(let j)) where highPrecision:
            return try decimals(op, x, CompactDecimal.integer(j))
        case (.decimal(let x), .decimal(let y)) where highPrecision: return try decimals(op, x, y)
        default: break
        }
        let x = try ValueConversion.number(a, highPrecision: highPrecision, context: "'\(op.symbol)'")
        let y = try ValueConversion.number(b, highPrecision: highPrecision, context: "'\(op.symbol)'")
        switch (x, y) {
        case (.null, _), (_, .null): return .null
        case (.integer(let i), .integer(let j)):
            return try integers(op, i, j, highPrecision: highPrecision)
        case (.double, _), (_, .double):
            return try doubles(op, asDouble(x), asDouble(y))
        default:
            return try decimals(op, try asDecimal(x), try asDecimal(y))
        }
    }

    private static func asDouble(_ v: Value) -> Double {
        switch v {
        case .integer(let i): Double(i)
        case .decimal(let d): ValueConversion.double(d)
        case .double(let d): d
        default: 0
        }
    }

    private static func asDecimal(_ v: Value) throws(RowError) -> Decimal {
        switch v {
        case .integer(let i): return CompactDecimal.integer(i)
        case .decimal(let d): return d
        case .double(let d):
            guard let exact = ValueConversion.decimal(d) else {
                throw EvaluationErrors.error(EvaluationErrors.decimalOverflow, "\(d) is not a decimal")
            }
            return exact
        default: return 0
        }
    }

    private static func integers(_ op: Operation, _ i: Int64, _ j: Int64, highPrecision: Bool) throws(RowError)
        -> Value
    {
        let result: (partialValue: Int64, overflow: Bool)
        switch op {
        case .add: result = i.addingReportingOverflow(j)
        case .subtract: result = i.subtractingReportingOverflow(j)
        case .multiply: result = i.multipliedReportingOverflow(by: j)
        case .modulo:
            guard j != 0 else { throw zeroModulus(String(i)) }
            return .integer(j == -1 ? 0 : i % j)
        case .divide:
            guard j != 0 else { throw zeroDivisor(String(i)) }
            guard highPrecision else { return .double(Double(i) / Double(j)) }
            if let quotient = DecimalDivision.quotient(i, j) { return .decimal(quotient) }
            return try decimals(.divide, Decimal(i), Decimal(j))
        }
        guard !result.overflow else {
            throw EvaluationErrors.error(
                EvaluationErrors.integerOverflow, "\(i) \(op.symbol) \(j) overflows the 64-bit integer range")
        }
        return .integer(result.partialValue)
    }

    private static func doubles(_ op: Operation, _ x: Double, _ y: Double) throws(RowError) -> Value {
        let result: Double
        switch op {
        case .add: result = x + y
        case .subtract: result = x - y
        case .multiply: result = x * y
        case .divide:
            guard y != 0 else { throw zeroDivisor(ValueConversion.doubleText(x)) }
            result = x / y
        case .modulo:
            guard y != 0 else { throw zeroModulus(ValueConversion.doubleText(x)) }
            result = fmod(x, y)
        }
        guard result.isFinite else {
            throw EvaluationErrors.error(
                EvaluationErrors.decimalOverflow,
                "\(ValueConversion.doubleText(x)) \(op.symbol) \(ValueConversion.doubleText(y)) is out of range")
        }
        return .double(result)
    }

    /// The largest decimal magnitude kept (28 digits, reference §4.1).
    static let decimalLimit = Decimal(string: "1e28")!

    private static func decimals(_ op: Operation, _ x: Decimal, _ y: Decimal) throws(RowError) -> Value {
        if let fast = fastDecimals(op, x, y) { return .decimal(fast) }
        let result: Decimal
        switch op {
        case .add: result = x + y
        case .subtract: result = x - y
        case .multiply: result = x * y
        case .divide:
            guard !y.isZero else { throw zeroDivisor(x.description) }
            result = x / y
        case .modulo:
            guard !y.isZero else { throw zeroModulus(x.description) }
            result = x - y * Rounding.decimal(x / y, scale: 0, truncate: true)
        }
        guard !result.isNaN, abs(result) < decimalLimit else {
            throw EvaluationErrors.error(
                EvaluationErrors.decimalOverflow, "\(x) \(op.symbol) \(y) has more than 28 digits")
        }
        return .decimal(roundedTo28Digits(result))
    }

    /// `x op y` for `+ - *` through ``CompactDecimal`` (bit for bit Foundation's result, cut to
    /// 28 digits as ``roundedTo28Digits(_:)`` cuts it); nil when Foundation must compute it or
    /// the result is out of range (the general path then reports the overflow).
    private static func fastDecimals(_ op: Operation, _ x: Decimal, _ y: Decimal) -> Decimal? {
        let result: Decimal?
        switch op {
        case .add: result = CompactDecimal.sum(x, y)
        case .subtract: result = CompactDecimal.difference(x, y)
        case .multiply: result = CompactDecimal.product(x, y)
        case .divide, .modulo: return nil
        }
        guard let result, let parts = CompactDecimal(result), parts.magnitudeIsBelow(powerOfTen: 28) else {
            return nil
        }
        return parts.significand < CompactDecimal.powersOfTen[28] ? result : roundedTo28Digits(parts)
    }

    /// A value below 10^28 whose significand has more than 28 digits, rounded to 28 significant
    /// digits as ``roundedTo28Digits(_:)`` rounds it with Foundation.
    private static func roundedTo28Digits(_ parts: CompactDecimal) -> Decimal? {
        let extraDigits = parts.digitCount - 28
        return parts.rounded(scale: -(parts.exponent + extraDigits), truncate: false)
            .flatMap(CompactDecimal.encodeRounded)
    }

    /// A decimal cut to 28 significant digits (high precision keeps 28, reference §4.4).
    static func roundedTo28Digits(_ d: Decimal) -> Decimal {
        if let parts = CompactDecimal(d) {
            if parts.significand < CompactDecimal.powersOfTen[28] { return d }
            if let rounded = roundedTo28Digits(parts) { return rounded }
        }
        let significand = abs(d.significand)
        guard significand >= decimalLimit else { return d }
        // The digits beyond 28: how often the significand divides by 10 (exactly: a division by
        // 10 moves the exponent) before it is below 1e28, that is the first power 1e(28 + k) above it.
        var extraDigits = 1
        while extraDigits < digitLimits.count, significand >= digitLimits[extraDigits] { extraDigits += 1 }
        if extraDigits == digitLimits.count { return roundedTo28DigitsByDivision(d) }
        return Rounding.decimal(d, scale: -(d.exponent + extraDigits))
    }

    /// 1e28, 1e29, ... 1e40: `digitLimits[k]` is the bound below which `k` extra digits are enough.
    private static let digitLimits: [Decimal] = (28...40).map { Decimal(sign: .plus, exponent: $0, significand: 1) }

    /// ``roundedTo28Digits(_:)`` by dividing the significand by 10 until it fits (a significand
    /// of more than 40 digits, which Foundation's 38-digit decimals never have).
    static func roundedTo28DigitsByDivision(_ d: Decimal) -> Decimal {
        var significand = abs(d.significand)
        var extraDigits = 0
        while significand >= decimalLimit {
            significand /= 10
            extraDigits += 1
        }
        return Rounding.decimal(d, scale: -(d.exponent + extraDigits))
    }

    /// `-v`; NULL stays NULL.
    static func negate(_ v: Value, highPrecision: Bool) throws(RowError) -> Value {
        switch try ValueConversion.number(v, highPrecision: highPrecision, context: "unary '-'") {
        case .integer(let i):
            guard i != .min else {
                throw EvaluationErrors.error(EvaluationErrors.integerOverflow, "-(\(i)) overflows 64 bits")
            }
            return .integer(-i)
        case .decimal(let d): return .decimal(-d)
        case .double(let d): return .double(-d)
        default: return .null
        }
    }

    private static func zeroDivisor(_ dividend: String) -> RowError {
        EvaluationErrors.error(EvaluationErrors.divisionByZero, "\(dividend) / 0: division by zero")
    }

    private static func zeroModulus(_ dividend: String) -> RowError {
        EvaluationErrors.error(EvaluationErrors.modulusByZero, "MOD(\(dividend), 0): the divisor is zero")
    }
}
