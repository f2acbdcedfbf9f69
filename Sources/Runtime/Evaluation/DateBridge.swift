import IR

/// The evaluator's door to the date helper (Sources/Runtime/Dates): implicit string ↔ date
/// conversion with the session format (G16, §4.3) and the argument conversions date functions
/// expect.
enum DateBridge {
    /// `date` rendered with `format`.
    static func format(_ date: DateTimeValue, _ format: String, _ settings: EvaluationSettings) -> String {
        DateFormat.format(date, format)
    }

    /// `text` read with `format`; a mismatch is a row error (§4.3).
    static func parse(_ text: String, _ format: String, _ settings: EvaluationSettings) throws(RowError)
        -> DateTimeValue
    {
        try DateFormat.parse(text, format, settings: settings)
    }

    /// A date argument: strings are read with the session format (§3.3); other values pass.
    static func dateArgument(_ value: Value, _ settings: EvaluationSettings) throws(RowError) -> Value {
        if case .string = value { return try DateFunctions.implicitDate(value, settings: settings) }
        return value
    }

    /// A whole-number argument: strings are read by their numeric prefix (G10).
    static func numberArgument(_ value: Value, _ settings: EvaluationSettings) throws(RowError) -> Value {
        if case .string = value {
            return try ValueConversion.number(value, highPrecision: true, context: "a date function")
        }
        return value
    }

    /// The date unit of a ROUND/TRUNC call whose format is a constant string naming one (or that
    /// has no format: the day); nil when the format is computed per row, NULL or invalid.
    static func constantUnit(_ r: FunctionRequest) -> DateUnit? {
        if r.count < 2 { return .day }
        guard case .string(let format)? = r.constant(1) else { return nil }
        return DateUnit(format: format)
    }

    /// ROUND/TRUNC of a date (first argument), with the optional format.
    static func roundOrTrunc(_ r: FunctionRequest, truncate: Bool) -> @Sendable ([Value]) throws(RowError) -> Value {
        { values throws(RowError) in
            let format = values.count > 1 ? values[1] : .string("DD")
            return truncate
                ? try DateFunctions.truncDate(values[0], format) : try DateFunctions.roundDate(values[0], format)
        }
    }
}
