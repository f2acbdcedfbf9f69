import Foundation

/// Reads the `Value` arguments of the date functions; nil means the argument is NULL.
enum DateArguments {
    static func date(_ value: Value, _ function: String) throws(RowError) -> DateTimeValue? {
        switch value {
        case .null: return nil
        case .dateTime(let date): return date
        default: throw wrongType(value, function, "a date")
        }
    }

    static func text(_ value: Value, _ function: String) throws(RowError) -> String? {
        switch value {
        case .null: return nil
        case .string(let text): return text
        default: throw wrongType(value, function, "a string")
        }
    }

    /// A whole number; decimals and doubles are truncated toward zero (CHOICE: the reference
    /// marks fractional ADD_TO_DATE amounts uncertain, §7 item 3).
    static func integer(_ value: Value, _ function: String) throws(RowError) -> Int64? {
        switch value {
        case .null: return nil
        case .integer(let number): return number
        case .decimal(let number):
            return try integer(.double(NSDecimalNumber(decimal: number).doubleValue), function)
        case .double(let number):
            guard number.isFinite, abs(number) < 9.0e18 else { throw wrongType(value, function, "a finite number") }
            return Int64(number.rounded(.towardZero))
        default: throw wrongType(value, function, "a number")
        }
    }

    static func wrongType(_ value: Value, _ function: String, _ expected: String) -> RowError {
        DateErrors.error(DateErrors.wrongArgumentType, "\(function) expects \(expected), got \(describe(value))")
    }

    private static func describe(_ value: Value) -> String {
        switch value {
        case .null: return "NULL"
        case .integer(let number): return "integer \(number)"
        case .decimal(let number): return "decimal \(number)"
        case .double(let number): return "double \(number)"
        case .string(let text): return "string '\(text)'"
        case .dateTime(let date): return "date '\(DateFormat.format(date, "MM/DD/YYYY HH24:MI:SS.NS"))'"
        case .binary(let bytes): return "binary (\(bytes.count) bytes)"
        }
    }

    static func outOfRange(_ function: String) -> RowError {
        DateErrors.error(DateErrors.dateOutOfRange, "\(function) result is outside 01/01/0001 ... 12/31/9999")
    }
}
