import Foundation

extension FunctionLibrary {
    /// §3.4.2 conversion functions (TO_DATE and TO_CHAR of dates go to the date helper).
    static let conversionFunctions: [String: FunctionSpec] = [
        "TO_INTEGER": FunctionSpec(1, 2) { r in toWhole(r, bits: 32) },
        "TO_BIGINT": FunctionSpec(1, 2) { r in toWhole(r, bits: 64) },
        "TO_DECIMAL": FunctionSpec(1, 2) { r in toDecimal(r) },
        "TO_FLOAT": FunctionSpec(1, 1) { r in
            let args = FunctionArguments(r)
            return strict { a throws(RowError) in .double(try args.double(a)) }
        },
        "TO_CHAR": FunctionSpec(1, 2) { r in toChar(r) },
    ]

    /// TO_INTEGER / TO_BIGINT (G17, cases 15–19): strings by their decimal prefix (no exponent);
    /// flag omitted, NULL or 0 rounds half away from zero, non-zero truncates; out of range → row
    /// error (G11).
    private static func toWhole(_ r: FunctionRequest, bits: Int) -> FunctionImpl {
        let args = FunctionArguments(r)
        if r.count == 1 {
            // One argument: no argument array per row (the flag is omitted, so no truncation).
            return .one { value throws(RowError) in
                guard !value.isNull else { return .null }
                return .integer(try Conversions.whole(value, bits: bits, truncate: false, context: args.function))
            }
        }
        return .many { values throws(RowError) in
            guard !values[0].isNull else { return .null }
            let truncate = values.count > 1 ? try args.flag(values[1]) : false
            return .integer(try Conversions.whole(values[0], bits: bits, truncate: truncate, context: args.function))
        }
    }

    /// TO_DECIMAL (cases 20–21): strings by their decimal prefix, rounded to the scale; decimals
    /// already carrying more digits are truncated to the scale (10.5.x, [S22]; switch
    /// ``EvaluationSettings/toDecimalTruncatesDecimalInput`` rounds them); a NULL scale keeps
    /// every digit (chosen).
    private static func toDecimal(_ r: FunctionRequest) -> FunctionImpl {
        let args = FunctionArguments(r)
        let highPrecision = r.settings.highPrecision
        let truncateDecimals = r.settings.toDecimalTruncatesDecimalInput
        return .many { values throws(RowError) in
            guard !values[0].isNull else { return .null }
            let scale: Int? = values.count > 1 && !values[1].isNull ? try args.whole(values[1]) : nil
            let decimal = try Conversions.decimal(
                values[0], scale: scale, truncateDecimals: truncateDecimals, context: args.function)
            return highPrecision ? .decimal(decimal) : .double(ValueConversion.double(decimal))
        }
    }

    /// TO_CHAR: numbers as text (§3.3), dates with the format or the session format.
    private static func toChar(_ r: FunctionRequest) -> FunctionImpl {
        let settings = r.settings
        if r.count == 1 {
            // One argument: no argument array per row; dates use the session format.
            return .one { value throws(RowError) in
                switch value {
                case .null: return .null
                case .dateTime(let date): return .string(DateBridge.format(date, settings.dateTimeFormat, settings))
                default: return try ValueConversion.text(value, settings).map(Value.string) ?? .null
                }
            }
        }
        return .many { values throws(RowError) in
            switch values[0] {
            case .null: return .null
            case .dateTime(let date):
                let format = values.count > 1 ? try ValueConversion.text(values[1], settings) : settings.dateTimeFormat
                guard let format else { return .null }
                return .string(DateBridge.format(date, format, settings))
            default: return try ValueConversion.text(values[0], settings).map(Value.string) ?? .null
            }
        }
    }
}

/// The conversions shared by the conversion functions and port assignment.
enum Conversions {
    /// A non-NULL value as a whole number of `bits` bits (32 or 64; 16 for small integers).
    static func whole(_ value: Value, bits: Int, truncate: Bool, context: String) throws(RowError) -> Int64 {
        let result: Decimal
        switch value {
        case .integer(let i):
            try check(i, bits: bits, context: context)
            return i
        case .double(let d):
            let rounded = truncate ? d.rounded(.towardZero) : d.rounded(.toNearestOrAwayFromZero)
            guard let i = Int64(exactly: rounded) else { throw overflow(ValueConversion.doubleText(d), context) }
            try check(i, bits: bits, context: context)
            return i
        default:
            if case .string(let text) = value, let i = NumericText.wholePrefix(text) {
                try check(i, bits: bits, context: context)
                return i
            }
            let d = try ValueConversion.decimal(value, context: context) ?? 0
            if let i = CompactDecimal.wholeNumber(d, truncate: truncate) {
                try check(i, bits: bits, context: context)
                return i
            }
            result = Rounding.decimal(d, scale: 0, truncate: truncate)
        }
        guard let i = Int64(exactly: NSDecimalNumber(decimal: result)),
            abs(result) < Decimal(sign: .plus, exponent: 19, significand: 1)
        else {
            throw overflow(result.description, context)
        }
        try check(i, bits: bits, context: context)
        return i
    }

    private static func check(_ i: Int64, bits: Int, context: String) throws(RowError) {
        let limit: Int64 = bits >= 64 ? .max : (1 << (bits - 1)) - 1
        guard i <= limit, i >= -limit - 1 else { throw overflow(String(i), context) }
    }

    private static func overflow(_ text: String, _ context: String) -> RowError {
        EvaluationErrors.error(EvaluationErrors.conversionOverflow, "\(context): \(text) is out of range")
    }

    /// A non-NULL value as a decimal with at most `scale` fractional digits: strings and doubles
    /// are rounded, decimals truncated (rounded when `truncateDecimals` is false); more than 28
    /// digits is a row error.
    static func decimal(
        _ value: Value, scale: Int?, truncateDecimals: Bool = true, context: String
    ) throws(RowError) -> Decimal {
        let d = try ValueConversion.decimal(value, context: context) ?? 0
        guard CompactDecimal(d)?.magnitudeIsBelow(powerOfTen: 28) ?? (abs(d) < Arithmetic.decimalLimit) else {
            throw overflow(d.description, context)
        }
        guard let scale else { return d }
        let truncate: Bool
        if case .decimal = value { truncate = truncateDecimals } else { truncate = false }
        return Rounding.decimal(d, scale: max(0, min(28, scale)), truncate: truncate)
    }
}
