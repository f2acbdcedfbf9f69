extension DateFunctions {
    /// TO_DATE(string [, format]): the date the string names; format omitted → the session's
    /// `dateTimeFormat` (G16). A mismatch is a row error (case 31); NULL → NULL.
    public static func toDate(
        _ text: Value, _ format: Value? = nil, settings: EvaluationSettings,
        options: DateFormat.ParseOptions? = nil
    ) throws(RowError) -> Value {
        guard let text = try DateArguments.text(text, "TO_DATE") else { return .null }
        guard let pattern = try formatArgument(format, "TO_DATE", settings) else { return .null }
        return .dateTime(try DateFormat.parse(text, pattern, settings: settings, options: options))
    }

    /// TO_CHAR(date [, format]): the date as a string; format omitted → the session's
    /// `dateTimeFormat` (G16); NULL → NULL. (TO_CHAR of a number is not a date function.)
    public static func toChar(_ date: Value, _ format: Value? = nil, settings: EvaluationSettings) throws(RowError)
        -> Value
    {
        guard let date = try DateArguments.date(date, "TO_CHAR") else { return .null }
        guard let pattern = try formatArgument(format, "TO_CHAR", settings) else { return .null }
        return .string(DateFormat.format(date, pattern))
    }

    /// IS_DATE(string [, format]): 1 when TO_DATE would succeed, else 0; NULL → NULL; never a row
    /// error for the string. CHOICE: a non-string argument gives 0.
    public static func isDate(
        _ text: Value, _ format: Value? = nil, settings: EvaluationSettings,
        options: DateFormat.ParseOptions? = nil
    ) -> Value {
        guard case .string(let text) = text else { return text.isNull ? .null : .integer(0) }
        var pattern = settings.dateTimeFormat
        switch format {
        case nil: break
        case .string(let given)?: pattern = given
        case .null?: return .null
        default: return .integer(0)
        }
        return .integer(DateFormat.isDate(text, pattern, settings: settings, options: options) ? 1 : 0)
    }

    /// The implicit string → date conversion of a string meeting a date port or argument (§3.3):
    /// the session `dateTimeFormat`; failure is a row error. Dates and NULL pass through.
    public static func implicitDate(_ value: Value, settings: EvaluationSettings) throws(RowError) -> Value {
        switch value {
        case .null, .dateTime: return value
        case .string(let text):
            return .dateTime(try DateFormat.parse(text, settings.dateTimeFormat, settings: settings))
        default: throw DateArguments.wrongType(value, "date conversion", "a string or a date")
        }
    }

    /// The implicit date → string conversion of a date meeting a string port or operator: the
    /// session `dateTimeFormat`. Other values pass through.
    public static func implicitString(_ value: Value, settings: EvaluationSettings) -> Value {
        guard case .dateTime(let date) = value else { return value }
        return .string(DateFormat.format(date, settings.dateTimeFormat))
    }

    /// The pattern a format argument gives; nil when it is NULL.
    private static func formatArgument(
        _ format: Value?, _ function: String,
        _ settings: EvaluationSettings
    ) throws(RowError) -> String? {
        guard let format else { return settings.dateTimeFormat }
        return try DateArguments.text(format, function)
    }
}
