import Foundation
import IR

/// Converting a value to a port's declared datatype, as linking one port to another or assigning
/// an expression's result to a port does (reference §2.2, §3.3, cases 22–23).
///
/// Strings become integers and decimals by their decimal prefix (no exponent: `'18e-3'` → 18) and
/// doubles by their full prefix (`'18e-3'` → 0.018); decimals are rounded to the port scale and
/// whole numbers half away from zero [BELIEVED]; values out of range are row errors (G11);
/// strings longer than the port are cut to its precision [BELIEVED].
enum PortCoercion {
    static func coerce(_ value: Value, to type: DataType, _ settings: EvaluationSettings, port: String) throws(RowError)
        -> Value
    {
        if value.isNull { return .null }
        if let same = unchanged(value, type) { return same }
        if let fast = fastNumber(value, type, settings) { return fast }
        let context = "port '\(port)'"
        switch type {
        case .integer: return .integer(try Conversions.whole(value, bits: 32, truncate: false, context: context))
        case .smallInteger: return .integer(try Conversions.whole(value, bits: 16, truncate: false, context: context))
        case .bigInteger: return .integer(try Conversions.whole(value, bits: 64, truncate: false, context: context))
        case .double, .real: return .double(try ValueConversion.double(value, context: context) ?? 0)
        case .decimal(let precision, let scale):
            return try decimal(value, precision: precision, scale: scale, settings, context: context)
        case .string(let p), .nstring(let p), .text(let p), .ntext(let p):
            let text = try ValueConversion.text(value, settings) ?? ""
            guard p > 0, text.unicodeScalars.count > p else { return .string(text) }
            return .string(String(scalars: text.unicodeScalars.prefix(p)))
        case .dateTime:
            return try ValueConversion.date(value, settings, context: context).map(Value.dateTime) ?? .null
        case .binary:
            if case .binary = value { return value }
            return .binary(Array((try ValueConversion.text(value, settings) ?? "").utf8))
        }
    }

    /// `value` itself when it already fits `type` (the common case, decided without allocating):
    /// a string no longer than the port in UTF-8 bytes (so in characters), an integer within the
    /// port's range, a double in a double port, a date/time in a date/time port.
    @inline(__always)
    private static func unchanged(_ value: Value, _ type: DataType) -> Value? {
        switch type {
        case .string(let p), .nstring(let p), .text(let p), .ntext(let p):
            guard case .string(let text) = value else { return nil }
            return p <= 0 || text.utf8.count <= p ? value : nil
        case .integer:
            guard case .integer(let v) = value else { return nil }
            return v >= Int64(Int32.min) && v <= Int64(Int32.max) ? value : nil
        case .smallInteger:
            guard case .integer(let v) = value else { return nil }
            return v >= Int64(Int16.min) && v <= Int64(Int16.max) ? value : nil
        case .bigInteger:
            guard case .integer = value else { return nil }
            return value
        case .double, .real:
            guard case .double = value else { return nil }
            return value
        case .dateTime:
            guard case .dateTime = value else { return nil }
            return value
        default:
            return nil
        }
    }

    /// A decimal that needs no rounding and fits a decimal port (high precision), or a decimal
    /// that is a whole number within an integer port's range: the value the general code returns,
    /// decided from the decimal's parts without building the error context.
    @inline(__always)
    private static func fastNumber(_ value: Value, _ type: DataType, _ settings: EvaluationSettings) -> Value? {
        guard case .decimal(let d) = value, let parts = CompactDecimal(d) else { return nil }
        switch type {
        case .decimal(let precision, let scale):
            // `Rounding.decimal` returns `d` itself when no digit lies beyond the scale.
            guard settings.highPrecision, scale != Int(Int16.max), parts.exponent + scale >= 0 else { return nil }
            guard precision <= 0 || parts.magnitudeIsBelow(powerOfTen: max(0, precision - scale)) else { return nil }
            return value
        case .integer, .smallInteger, .bigInteger:
            guard let whole = parts.rounded(scale: 0, truncate: false)?.int64 else { return nil }
            let bits: Int64 = type == .smallInteger ? 16 : (type == .integer ? 32 : 64)
            let limit: Int64 = bits == 64 ? .max : (1 << (bits - 1)) - 1
            return whole <= limit && whole >= -limit - 1 ? .integer(whole) : nil
        default:
            return nil
        }
    }

    /// A decimal port: rounded to the scale; more integer digits than the port holds is a row
    /// error [BELIEVED]; held as a double when high precision is off.
    private static func decimal(
        _ value: Value, precision: Int, scale: Int, _ settings: EvaluationSettings, context: String
    ) throws(RowError) -> Value {
        if case .double(let d) = value, !settings.highPrecision {
            return .double(Rounding.double(d, scale: scale))
        }
        let d = Rounding.decimal(try ValueConversion.decimal(value, context: context) ?? 0, scale: scale)
        let integerDigits = max(0, precision - scale)
        if precision > 0, !fits(d, integerDigits: integerDigits) {
            throw EvaluationErrors.error(
                EvaluationErrors.conversionOverflow, "\(context): \(d) does not fit decimal(\(precision),\(scale))")
        }
        return settings.highPrecision ? .decimal(d) : .double(ValueConversion.double(d))
    }

    /// Whether `|d| < 10^integerDigits` (read from the decimal's parts, without building the bound).
    private static func fits(_ d: Decimal, integerDigits: Int) -> Bool {
        if let parts = CompactDecimal(d) { return parts.magnitudeIsBelow(powerOfTen: integerDigits) }
        return abs(d) < Decimal(sign: .plus, exponent: integerDigits, significand: 1)
    }

    /// The value a variable port holds before the first row (G12): 0, '', 01/01/0001.
    static func initialValue(of type: DataType, _ settings: EvaluationSettings) -> Value {
        switch type {
        case .integer, .smallInteger, .bigInteger: .integer(0)
        case .decimal: settings.highPrecision ? .decimal(0) : .double(0)
        case .double, .real: .double(0)
        case .string, .nstring, .text, .ntext: .string("")
        case .dateTime: .dateTime(DateTimeValue(day: 0, nanosecond: 0))
        case .binary: .binary([])
        }
    }
}
