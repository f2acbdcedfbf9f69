import Foundation

/// CEIL and FLOOR of a high-precision quotient of two integers (`CEIL(DURATION_SEC / 60)`),
/// computed from the integers instead of the 28-digit decimal quotient, bit for bit as the
/// general path computes them.
///
/// The general path rounds `i / j` to 28 significant digits (``DecimalDivision``) and then takes
/// `truncated ± (0 or 1)` (``CompactDecimal/ceiling(_:)``). With `0 < |i| < 10^18` and
/// `0 < |j| < 10^9` the rounding moves the quotient by at most `0.5 × 10^-10`, while a quotient
/// that is not whole is at least `1/|j| > 10^-9` away from every whole number: the rounded
/// quotient truncates to the same `t = i / j` (Swift's integer division), lies on the same side
/// of it, and is exactly `t` when the division is exact. The truncated value is then encoded as
/// ``CompactDecimal/rounded(_:scale:truncate:)`` encodes it (compacted; zero with exponent 0 and
/// no flags), and the same ``CompactDecimal/sum(_:_:)`` / ``CompactDecimal/difference(_:_:)``
/// adds the step. Anything else (a zero dividend, larger operands, NULL, an unknown layout) goes
/// to the general path. `EvalTelecomFastPathTests` compares both on seeded operands.
enum IntegerQuotients {
    /// CEIL (or FLOOR) of `dividend / divisor`, falling back to `generic`, which is run from the
    /// start (the integer evaluators are pure, TypedEvaluators.swift).
    static func rounded(
        _ dividend: @escaping IntEvaluator, _ divisor: @escaping IntEvaluator, ceiling: Bool, generic: Piece
    ) -> Piece {
        let general = generic.eval
        return Piece(
            eval: { row, state throws(RowError) in
                if case .value(let i) = try dividend(&row, &state), case .value(let j) = try divisor(&row, &state),
                    let result = roundedQuotient(i, j, ceiling: ceiling)
                {
                    return .decimal(result)
                }
                return try general(&row, &state)
            }, constant: nil, type: generic.type)
    }

    /// CEIL or FLOOR of the high-precision `i / j` as the general path encodes it, or nil outside
    /// the domain where that is proven (see the type's comment).
    static func roundedQuotient(_ i: Int64, _ j: Int64, ceiling: Bool) -> Decimal? {
        guard i != 0, j != 0, i.magnitude < 1_000_000_000_000_000_000, j.magnitude < 1_000_000_000 else { return nil }
        let (whole, remainder) = i.quotientAndRemainder(dividingBy: j)
        let parts = CompactDecimal(significand: UInt128(whole.magnitude), exponent: 0, isNegative: whole < 0)
        guard let truncated = whole == 0 ? parts.decimal(compact: false) : parts.compactDecimal() else { return nil }
        let positive = (i < 0) == (j < 0)
        if ceiling {
            return CompactDecimal.sum(truncated, remainder != 0 && positive ? CompactDecimal.one : CompactDecimal.zero)
        }
        return CompactDecimal.difference(
            truncated, remainder != 0 && !positive ? CompactDecimal.one : CompactDecimal.zero)
    }
}
