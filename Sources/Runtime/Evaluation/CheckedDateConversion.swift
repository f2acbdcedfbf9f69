import IR

/// `IIF(IS_DATE(port, 'fmt'), TO_DATE(port, 'fmt'), else)`: the text is parsed once instead of
/// twice (IS_DATE, then TO_DATE on the same text with the same constant format); likewise
/// `IIF(IS_NUMBER(port), TO_INTEGER(port), else)`.
///
/// When the port holds a string that the all-numeric format reads (``NumericDatePattern``), IS_DATE
/// is 1 and TO_DATE returns that same date (both closures read it with the same pattern first),
/// and IIF passes a date through unchanged (``ResultCoercion``): the result is that date. In every
/// other case the general IIF runs from the start; the port read and the parse are pure, so
/// nothing is evaluated twice that could differ. `EvalTelecomFastPathTests` compares both forms.
enum CheckedDateConversion {
    /// The fused IIF, or nil when the call does not have that shape.
    static func iif(_ r: FunctionRequest, general: FunctionImpl) -> FunctionImpl? {
        guard r.specialised, r.settings.rrUsesCenturyWindow, case .special(let fallback) = general,
            let (port, format) = testedConversion(r.expression), let slot = r.slots[port.uppercased()]
        else { return nil }
        let pattern = DatePattern(format ?? r.settings.dateTimeFormat)
        guard let numeric = NumericDatePattern(pattern, options: r.settings.dateParseOptions) else { return nil }
        let currentYear = r.settings.currentYear
        return .special { row, state throws(RowError) in
            if case .string(let text) = row[slot], let date = numeric.parse(text, currentYear: currentYear) {
                return .dateTime(date)
            }
            return try fallback(&row, &state)
        }
    }

    /// `IIF(IS_NUMBER(port), TO_INTEGER(port), else)` (or TO_BIGINT): when the port holds a string
    /// that IS_NUMBER accepts and whose decimal prefix is a whole number in range, TO_INTEGER returns
    /// that number (``Conversions/whole(_:bits:truncate:context:)`` reads it the same way) and IIF
    /// converts it to the call's type; anything else runs the general IIF from the start.
    static func numberIIF(_ r: FunctionRequest, general: FunctionImpl) -> FunctionImpl? {
        guard r.specialised, case .special(let fallback) = general, r.expression.children.count >= 2,
            let test = portArgument(r.expression.children[0], function: "IS_NUMBER")
        else { return nil }
        let conversion = r.expression.children[1]
        let bits: Int
        if let port = portArgument(conversion, function: "TO_INTEGER"), port == test {
            bits = 32
        } else if let port = portArgument(conversion, function: "TO_BIGINT"), port == test {
            bits = 64
        } else {
            return nil
        }
        guard let slot = r.slots[test] else { return nil }
        let limit: Int64 = bits == 64 ? .max : Int64(Int32.max)
        let type = r.expression.type ?? r.arguments[1].type
        let settings = r.settings
        return .special { row, state throws(RowError) in
            if case .string(let text) = row[slot], NumericText.isNumber(text),
                let whole = NumericText.wholePrefix(text),
                whole <= limit, whole >= -limit - 1
            {
                return try ResultCoercion.coerce(.integer(whole), to: type, settings)
            }
            return try fallback(&row, &state)
        }
    }

    /// The port (upper case) of `function(port)`.
    private static func portArgument(_ expression: Expr, function: String) -> String? {
        guard let (port, format) = portAndFormat(expression, function: function), format == nil,
            expression.children.count == 1
        else { return nil }
        return port.uppercased()
    }

    /// The port and constant format (nil: none, the session format) of an IIF call shaped
    /// `IIF(IS_DATE(port[, 'fmt']), TO_DATE(port[, 'fmt']), ...)` with the same port and format.
    private static func testedConversion(_ call: Expr) -> (port: String, format: String?)? {
        let arguments = call.children
        guard arguments.count >= 2, let test = portAndFormat(arguments[0], function: "IS_DATE"),
            let conversion = portAndFormat(arguments[1], function: "TO_DATE"),
            test.port.uppercased() == conversion.port.uppercased(), test.format == conversion.format
        else { return nil }
        return test
    }

    /// `function(port)` or `function(port, 'format')`.
    private static func portAndFormat(_ expression: Expr, function: String) -> (port: String, format: String?)? {
        guard case .call(let name, let arguments) = expression.kind, name.uppercased() == function,
            arguments.count == 1 || arguments.count == 2, case .reference(let port) = arguments[0].kind
        else { return nil }
        guard arguments.count == 2 else { return (port, nil) }
        guard case .string(let format) = arguments[1].kind else { return nil }
        return (port, format)
    }
}
