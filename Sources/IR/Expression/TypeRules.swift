/// The numeric promotion, rendering and unification rules of the type checker (reference §3.3, §4.4).
///
/// Choices where the reference is silent are marked "chosen" in the comments.
enum TypeRules {
    /// The largest decimal precision PowerCenter supports.
    static let maximumDecimalPrecision = 28
    /// Decimals of more than this many digits are doubles when high precision is off.
    static let doubleDigits = 15

    /// Digits before the point and after it, for integers and decimals.
    static func decimalShape(of type: DataType) -> (integerDigits: Int, scale: Int) {
        switch type {
        case .smallInteger: (5, 0)
        case .integer: (10, 0)
        case .bigInteger: (19, 0)
        case .decimal(let p, let s): (max(p - s, 0), s)
        case .real: (7, 0)
        default: (15, 0)
        }
    }

    /// The number of significant digits a numeric type holds.
    static func significantDigits(of type: DataType) -> Int {
        switch type {
        case .real: 7
        case .double: doubleDigits
        case .decimal(let p, _): p
        default: decimalShape(of: type).integerDigits
        }
    }

    /// The precision of a character or binary type.
    static func characterCount(of type: DataType) -> Int {
        switch type {
        case .string(let p), .nstring(let p), .text(let p), .ntext(let p), .binary(let p): p
        default: renderedPrecision(of: type)
        }
    }

    /// Fractional-second digits of a date type.
    static func fractionDigits(of type: DataType) -> Int {
        if case .dateTime(_, let scale) = type { return scale }
        return 0
    }

    /// How many characters a value renders to when converted to a string (chosen: sign and digits
    /// for integers, sign/point for decimals, 24 for floats, 29 for dates).
    static func renderedPrecision(of type: DataType) -> Int {
        switch type {
        case .string(let p), .nstring(let p), .text(let p), .ntext(let p), .binary(let p): p
        case .smallInteger: 6
        case .integer: 11
        case .bigInteger: 20
        case .decimal(let p, _): p + 2
        case .double, .real: 24
        case .dateTime(let p, _): p
        }
    }

    /// The type a declared type computes as: decimals over 15 digits are doubles unless high
    /// precision is on (reference §3.3, §4.1).
    static func effective(_ type: DataType, highPrecision: Bool) -> DataType {
        if case .decimal(let p, _) = type, p > (highPrecision ? maximumDecimalPrecision : doubleDigits) {
            return .double
        }
        return type
    }

    /// A decimal type clamped to 28 digits (and to double when high precision is off).
    static func decimal(integerDigits: Int, scale: Int, highPrecision: Bool) -> DataType {
        let s = min(max(scale, 0), maximumDecimalPrecision)
        let p = min(max(integerDigits + s, 1), maximumDecimalPrecision)
        return effective(.decimal(precision: p, scale: min(s, p)), highPrecision: highPrecision)
    }

    /// Whether a type is one of the floating types.
    static func isFloating(_ type: DataType) -> Bool { type == .double || type == .real }

    /// Whether a type is one of the integer types.
    static func isInteger(_ type: DataType) -> Bool {
        type == .integer || type == .smallInteger || type == .bigInteger
    }

    /// The result of `+ - * / %` on two numeric operands (reference §3.3): integer op integer is
    /// integer for `+ - * %` [BELIEVED] (bigint when either side is bigint, chosen); `/` is never
    /// integer division; any double is double; decimals are double unless high precision is on.
    static func arithmetic(_ op: BinaryOperator, _ left: DataType, _ right: DataType, highPrecision: Bool) -> DataType {
        if isFloating(left) || isFloating(right) { return .double }
        let bothInteger = isInteger(left) && isInteger(right)
        if bothInteger && op != .divide {
            return left == .bigInteger || right == .bigInteger ? .bigInteger : .integer
        }
        guard highPrecision else { return .double }
        let (i1, s1) = decimalShape(of: left)
        let (i2, s2) = decimalShape(of: right)
        switch op {
        case .multiply:
            return decimal(integerDigits: i1 + i2, scale: s1 + s2, highPrecision: true)
        case .divide:
            // SQL-standard-like quotient scale, capped at 28 digits (chosen; reference §4.4 uncertain).
            let integerDigits = min(i1 + s2, maximumDecimalPrecision)
            let scale = min(max(6, s1 + i2 + s2 + 1), maximumDecimalPrecision - integerDigits)
            return decimal(integerDigits: integerDigits, scale: scale, highPrecision: true)
        case .modulo:
            return decimal(integerDigits: max(i1, i2), scale: max(s1, s2), highPrecision: true)
        default:
            return decimal(integerDigits: max(i1, i2) + 1, scale: max(s1, s2), highPrecision: true)
        }
    }

    /// The promotion of several numeric types without arithmetic growth (ABS, MOD, SUM, CEIL, ...):
    /// any floating → double; any decimal → a decimal wide enough for all (double when high
    /// precision is off and it exceeds 15 digits); else bigint or integer.
    static func promote(_ types: [DataType], highPrecision: Bool) -> DataType? {
        guard let first = types.first else { return nil }
        if types.contains(where: isFloating) { return .double }
        if types.contains(where: { if case .decimal = $0 { true } else { false } }) {
            let shapes = types.map(decimalShape(of:))
            return decimal(
                integerDigits: shapes.map(\.integerDigits).max() ?? 0, scale: shapes.map(\.scale).max() ?? 0,
                highPrecision: highPrecision)
        }
        if types.contains(.bigInteger) { return .bigInteger }
        return types.count == 1 ? first : .integer
    }

    /// The type of the first result widened to hold every other result of its family (IIF,
    /// DECODE): numbers take the greatest precision (TLR "IIF and Datatypes"), strings the longest,
    /// dates the finest scale. Returns nil when no result has a type.
    static func unify(_ types: [DataType], highPrecision: Bool) -> DataType? {
        guard let first = types.first else { return nil }
        let family = types.filter { $0.family == first.family }
        switch first.family {
        case .numeric:
            return promote(family, highPrecision: highPrecision)
        case .string:
            let longest = family.map(characterCount(of:)).max() ?? 0
            let unicode = family.contains {
                if case .nstring = $0 { true } else if case .ntext = $0 { true } else { false }
            }
            return unicode ? .nstring(precision: longest) : .string(precision: longest)
        case .dateTime:
            return .dateTime(precision: 29, scale: family.map(fractionDigits(of:)).max() ?? 9)
        case .binary:
            return .binary(precision: family.map(characterCount(of:)).max() ?? 0)
        }
    }
}
