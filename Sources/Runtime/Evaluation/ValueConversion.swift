import Foundation

/// Implicit conversions between values, as operators and functions apply them (reference §3.3).
enum ValueConversion {
    /// The text of a value used as a string (G2, §3.3): integers plain, doubles with up to 15
    /// significant digits (`%.15g`, chosen), decimals without trailing zeros (chosen), dates in the
    /// session format; nil for NULL.
    static func text(_ value: Value, _ settings: EvaluationSettings) throws(RowError) -> String? {
        switch value {
        case .null: return nil
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .decimal(let d): return decimalText(d)
        case .double(let d): return doubleText(d)
        case .dateTime(let d): return DateBridge.format(d, settings.dateTimeFormat, settings)
        case .binary(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// A decimal's plain text (`1.5`, `-0.018`).
    static func decimalText(_ d: Decimal) -> String { CompactDecimal.text(d) ?? d.description }

    /// A double's text with up to 15 significant digits.
    static func doubleText(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(format: "%.15g", d)
    }

    /// A value used as a number: numbers stay (decimals become doubles when high precision is
    /// off), strings are read by their numeric prefix as doubles (G10, as the type checker says),
    /// NULL stays NULL; dates and binary are a row error.
    static func number(_ value: Value, highPrecision: Bool, context: String) throws(RowError) -> Value {
        switch value {
        case .null, .integer, .double: return value
        case .decimal(let d): return highPrecision ? value : .double(double(d))
        case .string(let s): return .double(NumericText.double(s))
        case .dateTime, .binary:
            throw EvaluationErrors.error(
                EvaluationErrors.wrongOperandType, "\(context) needs a number, not \(describe(value))")
        }
    }

    /// A value as a double; nil for NULL.
    static func double(_ value: Value, context: String) throws(RowError) -> Double? {
        switch try number(value, highPrecision: true, context: context) {
        case .integer(let i): return Double(i)
        case .decimal(let d): return double(d)
        case .double(let d): return d
        default: return nil
        }
    }

    /// A decimal's nearest double (through its text: NSDecimalNumber.doubleValue is off by an ulp
    /// on Linux, 123.456 → 123.45599999999999).
    static func double(_ d: Decimal) -> Double {
        if let fast = CompactDecimal.double(d) { return fast }
        return Double(d.description) ?? NSDecimalNumber(decimal: d).doubleValue
    }

    /// A double as a decimal, through its shortest text so that 0.1 stays 0.1; nil for infinity,
    /// NaN and magnitudes a decimal cannot hold (`Decimal(Double)` traps on them).
    static func decimal(_ d: Double) -> Decimal? {
        guard d.isFinite, let exact = Decimal(string: "\(d)", locale: Locale(identifier: "en_US_POSIX")),
            !exact.isNaN
        else { return nil }
        return exact
    }

    /// A value as a decimal (strings by their prefix, without exponent); nil for NULL.
    static func decimal(_ value: Value, context: String) throws(RowError) -> Decimal? {
        switch value {
        case .null: return nil
        case .integer(let i): return CompactDecimal.integer(i)
        case .decimal(let d): return d
        case .double(let d):
            guard let exact = decimal(d) else {
                throw EvaluationErrors.error(EvaluationErrors.conversionOverflow, "\(context): \(d) is not a decimal")
            }
            return exact
        case .string(let s): return NumericText.decimal(s)
        case .dateTime, .binary:
            throw EvaluationErrors.error(
                EvaluationErrors.wrongOperandType, "\(context) needs a number, not \(describe(value))")
        }
    }

    /// A value as a whole number, rounding half away from zero (or truncating); nil for NULL.
    static func wholeNumber(_ value: Value, truncate: Bool = false, context: String) throws(RowError) -> Int64? {
        switch value {
        case .null: return nil
        case .integer(let i): return i
        default:
            guard let d = try decimal(value, context: context) else { return nil }
            if let whole = CompactDecimal.wholeNumber(d, truncate: truncate) { return whole }
            let rounded = Rounding.decimal(d, scale: 0, truncate: truncate)
            guard let whole = Int64(exactly: NSDecimalNumber(decimal: rounded)) else {
                throw EvaluationErrors.error(
                    EvaluationErrors.conversionOverflow, "\(context): \(rounded) does not fit in 64 bits")
            }
            return whole
        }
    }

    /// Whether a value is TRUE in a condition (G3, G7): non-zero numbers; nil for NULL.
    static func truth(_ value: Value) throws(RowError) -> Bool? {
        switch value {
        case .null: return nil
        case .integer(let i): return i != 0
        case .double(let d): return d != 0
        case .decimal(let d): return !d.isZero
        case .string(let s): return NumericText.double(s) != 0
        case .dateTime, .binary:
            throw EvaluationErrors.error(
                EvaluationErrors.wrongOperandType, "a condition needs a number, not \(describe(value))")
        }
    }

    /// A date from a date or a string (session format); nil for NULL.
    static func date(_ value: Value, _ settings: EvaluationSettings, context: String) throws(RowError)
        -> DateTimeValue?
    {
        switch value {
        case .null: return nil
        case .dateTime(let d): return d
        case .string(let s): return try DateBridge.parse(s, settings.dateTimeFormat, settings)
        default:
            throw EvaluationErrors.error(
                EvaluationErrors.wrongOperandType, "\(context) needs a date, not \(describe(value))")
        }
    }

    /// A short description of a value for row error messages.
    static func describe(_ value: Value) -> String {
        switch value {
        case .null: "NULL"
        case .integer(let i): "the integer \(i)"
        case .decimal(let d): "the decimal \(d)"
        case .double(let d): "the double \(doubleText(d))"
        case .string(let s): "the string '\(s.prefix(40))'"
        case .dateTime: "a date"
        case .binary(let b): "\(b.count) bytes of binary data"
        }
    }
}

/// Rounding of decimals and doubles, half away from zero unless truncating (§3.4.4 ROUND/TRUNC).
enum Rounding {
    /// `d` rounded (or truncated toward zero) to `scale` fractional digits (negative: left of the point).
    static func decimal(_ d: Decimal, scale: Int, truncate: Bool = false) -> Decimal {
        // No digit beyond `scale`: NSDecimalRound returns its input as it is (checked bit for bit
        // in EvalFastPathTests), without its costly digit-by-digit division.
        if scale != Int(Int16.max), Int(d.exponent) + scale >= 0, !d.isNaN { return d }
        if let fast = CompactDecimal.rounded(d, scale: scale, truncate: truncate) { return fast }
        var input = d
        var result = Decimal()
        let mode: NSDecimalNumber.RoundingMode = truncate ? (d < 0 ? .up : .down) : .plain
        NSDecimalRound(&result, &input, scale, mode)
        return result
    }

    /// `d` rounded (or truncated) to `scale` fractional digits, on the binary value.
    static func double(_ d: Double, scale: Int, truncate: Bool = false) -> Double {
        guard d.isFinite else { return d }
        let factor = pow(10.0, Double(scale))
        let scaled = d * factor
        guard scaled.isFinite else { return d }
        let whole = truncate ? scaled.rounded(.towardZero) : scaled.rounded(.toNearestOrAwayFromZero)
        return whole / factor
    }
}
