/// How a value of one type becomes a value of a port's declared type (reference §2.2, §3.3, §4.4).
public enum ConversionKind: String, Hashable, Sendable, CaseIterable {
    /// The types are the same.
    case exact
    /// Every value fits unchanged (a longer string, a wider number).
    case widening
    /// Values may be rounded (fewer decimals, double to integer) or overflow into a row error.
    case narrowingWithRounding
    /// Values may be cut (a string longer than the port, fractional seconds beyond the port's scale).
    case truncation
    /// A string is read as a number by its leading numeric prefix (`'12ab'` → 12, `'ab'` → 0).
    case stringToNumberPrefix
    /// A string is parsed with the session date format; a mismatch is a row error.
    case stringToDate
    /// No conversion exists (date to number, binary to anything else).
    case error
}

extension ExpressionTypeChecker {
    /// How a value of type `from` converts to a port of type `port`. A string or binary `port` of
    /// precision 0 is unbounded (a user-defined function's `string` return or argument type
    /// without a precision, see `UserFunctionPrototype` in Runtime), so nothing is cut.
    public static func conversion(from: DataType, to port: DataType) -> ConversionKind {
        if from == port { return .exact }
        switch (from.family, port.family) {
        case (.string, .string), (.binary, .binary):
            return fits(TypeRules.characterCount(of: from), in: port) ? .widening : .truncation
        case (.numeric, .numeric):
            return numericConversion(from: from, to: port)
        case (.numeric, .string), (.dateTime, .string):
            return fits(TypeRules.renderedPrecision(of: from), in: port) ? .widening : .truncation
        case (.string, .numeric):
            return .stringToNumberPrefix
        case (.string, .dateTime):
            return .stringToDate
        case (.dateTime, .dateTime):
            return TypeRules.fractionDigits(of: from) <= TypeRules.fractionDigits(of: port) ? .widening : .truncation
        default:
            return .error
        }
    }

    /// Whether `count` characters (or bytes) fit a string or binary port; precision 0 is unbounded.
    private static func fits(_ count: Int, in port: DataType) -> Bool {
        let capacity = TypeRules.characterCount(of: port)
        return capacity == 0 || count <= capacity
    }

    private static func numericConversion(from: DataType, to port: DataType) -> ConversionKind {
        switch (from, port) {
        case (.double, .real):
            return .narrowingWithRounding
        case (.double, _), (.real, .decimal), (.real, .integer), (.real, .smallInteger), (.real, .bigInteger):
            return port == .double ? .widening : .narrowingWithRounding
        case (_, .double), (_, .real):
            return TypeRules.significantDigits(of: from) <= TypeRules.significantDigits(of: port)
                ? .widening : .narrowingWithRounding
        default:
            let (fromInteger, fromScale) = TypeRules.decimalShape(of: from)
            let (toInteger, toScale) = TypeRules.decimalShape(of: port)
            return fromInteger <= toInteger && fromScale <= toScale ? .widening : .narrowingWithRounding
        }
    }
}
