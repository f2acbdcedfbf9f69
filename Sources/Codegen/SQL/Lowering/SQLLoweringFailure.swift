import IR

/// Why an expression (or a part of it) cannot be written in a dialect with exactly PowerCenter's
/// result: the node then stays in the runtime, and this reason is reported at its location.
public struct SQLLoweringFailure: Error, Hashable, Sendable {
    /// The part of the expression's text that cannot be lowered.
    public var range: TextRange
    /// What differs, naming the function or operator and the dialect.
    public var reason: String

    /// Creates a failure.
    public init(range: TextRange, reason: String) {
        self.range = range
        self.reason = reason
    }
}

/// The session settings and BELIEVED switches that change what an expression computes, as far as
/// lowering needs them (the runtime's `EvaluationSettings` carries the same values).
public struct SQLLoweringOptions: Hashable, Sendable {
    /// Session "Enable high precision": decimals are exact (28 digits) rather than doubles.
    public var highPrecision: Bool
    /// `NULL || NULL` is NULL (otherwise '') [BELIEVED].
    public var concatOfTwoNullsIsNull: Bool
    /// `IIF(c, x)` without an else gives the type's zero value (otherwise NULL) [BELIEVED].
    public var iifOmittedElseIsZero: Bool
    /// `MOD(a, b)` takes the dividend's sign, as Oracle's (otherwise the divisor's) [BELIEVED].
    public var modTakesDividendSign: Bool

    /// Creates options; the defaults are the documented PowerCenter defaults.
    public init(
        highPrecision: Bool = false, concatOfTwoNullsIsNull: Bool = true, iifOmittedElseIsZero: Bool = true,
        modTakesDividendSign: Bool = true
    ) {
        self.highPrecision = highPrecision
        self.concatOfTwoNullsIsNull = concatOfTwoNullsIsNull
        self.iifOmittedElseIsZero = iifOmittedElseIsZero
        self.modTakesDividendSign = modTakesDividendSign
    }
}
