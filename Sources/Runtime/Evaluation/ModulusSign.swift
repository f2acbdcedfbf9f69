/// The sign of MOD and `%` (§3.4.4): the remainder takes the dividend's sign by default
/// [BELIEVED, Oracle-like: MOD(-7, 3) = -1]; with ``EvaluationSettings/modTakesDividendSign``
/// false it takes the divisor's sign instead (floored modulus: MOD(-7, 3) = 2, MOD(7, -3) = -2).
enum ModulusSign {
    /// `remainder` (computed with the dividend's sign) moved to the divisor's sign when the two
    /// differ, by adding the divisor once; NULL and zero remainders are unchanged.
    static func divisorSigned(_ remainder: Value, divisor: Value, highPrecision: Bool) throws(RowError) -> Value {
        guard !remainder.isNull, !divisor.isNull else { return remainder }
        let r = try ValueConversion.double(remainder, context: "MOD") ?? 0
        let d = try ValueConversion.double(divisor, context: "MOD") ?? 0
        guard r != 0, (r < 0) != (d < 0) else { return remainder }
        return try Arithmetic.apply(.add, remainder, divisor, highPrecision: highPrecision)
    }
}
