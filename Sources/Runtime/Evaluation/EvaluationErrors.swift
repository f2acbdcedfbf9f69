/// The row errors an expression can raise while it runs (reference §2.2, §2.22, G9, G11).
///
/// A row error is not a diagnostic: it is an outcome of one row, which the runtime turns into a
/// skipped row or the port's default value. Codes RT0001–RT0099 are reserved for row errors.
public enum EvaluationErrors {
    /// Every row error code with its summary, sorted by code.
    public static let all: [(code: String, summary: String)] = [
        (divisionByZero, "division by zero"),
        (modulusByZero, "modulus (MOD or %) with a zero divisor"),
        (integerOverflow, "integer arithmetic overflows 64 bits"),
        (conversionOverflow, "a conversion result does not fit its datatype"),
        (errorCalled, "the expression called ERROR()"),
        (abortCalled, "the expression called ABORT(); the session stops"),
        (invalidArgument, "a function argument is outside the function's domain"),
        (wrongOperandType, "an operand or argument has a datatype the operation cannot use"),
        (dateConversion, "a string could not be converted to a date"),
        (decimalOverflow, "a decimal result has more than 28 digits"),
        (externalCallFailed, "a lookup, stored procedure or user-defined function call failed"),
        (nullInputWithErrorDefault, "a NULL reached an input port whose default value is ERROR()"),
        (invalidPattern, "a regular expression built at run time is not valid"),
        (dateFunctionFailed, "a date function could not compute its result"),
    ]

    /// `/` with a zero divisor (G9).
    public static let divisionByZero = "RT0001"
    /// `MOD(x, 0)` or `x % 0` (G9).
    public static let modulusByZero = "RT0002"
    /// `+ - *` or unary minus on integers leaving the 64-bit range.
    public static let integerOverflow = "RT0003"
    /// TO_INTEGER, TO_BIGINT, TO_DECIMAL or a port conversion out of range (G11).
    public static let conversionOverflow = "RT0004"
    /// `ERROR(msg)`.
    public static let errorCalled = "RT0005"
    /// `ABORT(msg)`: not a row error but a session failure; see ``RowError/isAbort``.
    public static let abortCalled = "RT0006"
    /// LN/LOG of a non-positive number, SQRT of a negative one, CHR of an invalid code, ...
    public static let invalidArgument = "RT0007"
    /// A date in arithmetic, binary data in a string function, ...
    public static let wrongOperandType = "RT0008"
    /// Implicit string → date conversion with the session format failed (§4.3).
    public static let dateConversion = "RT0009"
    /// Decimal arithmetic beyond 28 significant digits (high precision on).
    public static let decimalOverflow = "RT0010"
    /// A `:LKP.`, `:SP.` or `:UDF.` call reported a failure.
    public static let externalCallFailed = "RT0011"
    /// An input port's default value is `ERROR(...)` and the input is NULL (§3.4.6 ERROR).
    public static let nullInputWithErrorDefault = "RT0012"
    /// A REG_ function's pattern, computed per row, is not a valid regular expression.
    public static let invalidPattern = "RT0013"
    /// A date function reported that its result cannot be computed.
    public static let dateFunctionFailed = "RT0014"

    /// Makes a row error with `code`.
    static func error(_ code: String, _ message: String) -> RowError {
        RowError(code: code, message: message)
    }
}

extension RowError {
    /// Whether this outcome is `ABORT()`: the session must stop rather than skip the row.
    public var isAbort: Bool { code == EvaluationErrors.abortCalled }
}
