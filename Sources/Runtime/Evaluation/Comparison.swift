import Foundation

/// Comparison of values (reference §3.2, G1, G4, G8).
///
/// Strings compare as binary code-point sequences, case-sensitive, with trailing blanks
/// significant (`'A ' <> 'A'`; BELIEVED for `=`, switch ``EvaluationSettings/trailingBlanksSignificant``
/// compares them with trailing blanks removed). A string compared with a number is read as a number (its numeric
/// prefix, as a double); with a date, it is read with the session date format. Dates compare
/// chronologically. A NULL operand gives NULL unless the session treats NULL as high or low.
enum Comparison {
    /// The comparison operators.
    enum Operation: Sendable {
        case less, lessEqual, greater, greaterEqual, equal, notEqual

        func holds(_ order: Int) -> Bool {
            switch self {
            case .less: order < 0
            case .lessEqual: order <= 0
            case .greater: order > 0
            case .greaterEqual: order >= 0
            case .equal: order == 0
            case .notEqual: order != 0
            }
        }
    }

    /// `a op b` as 1/0, or NULL.
    static func apply(_ op: Operation, _ a: Value, _ b: Value, _ settings: EvaluationSettings) throws(RowError)
        -> Value
    {
        if op == .equal || op == .notEqual, case .string(let x) = a, case .string(let y) = b {
            return .integer(equalTexts(x, y, settings) == (op == .equal) ? 1 : 0)
        }
        guard let order = try order(a, b, settings) else { return .null }
        return .integer(op.holds(order) ? 1 : 0)
    }

    /// Whether two non-NULL values are equal (`=`): strings by their bytes, without ordering them.
    static func equalNonNull(_ a: Value, _ b: Value, _ settings: EvaluationSettings) throws(RowError) -> Bool {
        if case .string(let x) = a, case .string(let y) = b { return equalTexts(x, y, settings) }
        return try orderOfNonNull(a, b, settings) == 0
    }

    /// Whether two strings are equal as `=` compares them (``orderOfNonNull(_:_:_:)`` is 0).
    @inline(__always)
    static func equalTexts(_ x: String, _ y: String, _ settings: EvaluationSettings) -> Bool {
        if settings.trailingBlanksSignificant { return sameBytes(x, y) }
        return sameBytes(TextFastPaths.trimBlanks(x, leading: false), TextFastPaths.trimBlanks(y, leading: false))
    }

    /// -1, 0 or 1; nil when a NULL operand makes the comparison NULL.
    static func order(_ a: Value, _ b: Value, _ settings: EvaluationSettings) throws(RowError) -> Int? {
        if a.isNull || b.isNull { return nullOrder(a.isNull, b.isNull, settings.nullComparison) }
        return try orderOfNonNull(a, b, settings)
    }

    /// Where NULL sorts under the session's TreatNullInComparisonOperatorsAs option (two NULLs are
    /// equal under High and Low, chosen).
    private static func nullOrder(_ aNull: Bool, _ bNull: Bool, _ rule: EvaluationSettings.NullComparison) -> Int? {
        let nullSign: Int
        switch rule {
        case .null: return nil
        case .high: nullSign = 1
        case .low: nullSign = -1
        }
        if aNull && bNull { return 0 }
        return aNull ? nullSign : -nullSign
    }

    /// Orders two non-NULL values.
    static func orderOfNonNull(_ a: Value, _ b: Value, _ settings: EvaluationSettings) throws(RowError) -> Int {
        switch (a, b) {
        case (.string(let x), .string(let y)):
            if settings.trailingBlanksSignificant { return binaryOrder(x, y) }
            return binaryOrder(TextFastPaths.trimBlanks(x, leading: false), TextFastPaths.trimBlanks(y, leading: false))
        case (.integer(let x), .integer(let y)): return sign(x, y)
        case (.dateTime(let x), .dateTime(let y)): return sign(x, y)
        case (.dateTime(let x), .string(let y)):
            return sign(x, try DateBridge.parse(y, settings.dateTimeFormat, settings))
        case (.string(let x), .dateTime(let y)):
            return sign(try DateBridge.parse(x, settings.dateTimeFormat, settings), y)
        case (.binary(let x), .binary(let y)):
            return x.lexicographicallyPrecedes(y) ? -1 : (x == y ? 0 : 1)
        default: return try numericOrder(a, b)
        }
    }

    private static func numericOrder(_ a: Value, _ b: Value) throws(RowError) -> Int {
        let x = try ValueConversion.number(a, highPrecision: true, context: "a comparison")
        let y = try ValueConversion.number(b, highPrecision: true, context: "a comparison")
        switch (x, y) {
        case (.integer(let i), .integer(let j)): return sign(i, j)
        case (.decimal(let d), .decimal(let e)): return decimalOrder(d, e)
        case (.decimal(let d), .integer(let j)): return decimalOrder(d, CompactDecimal.integer(j))
        case (.integer(let i), .decimal(let e)): return decimalOrder(CompactDecimal.integer(i), e)
        default:
            let p = try ValueConversion.double(x, context: "a comparison") ?? 0
            let q = try ValueConversion.double(y, context: "a comparison") ?? 0
            return sign(p, q)
        }
    }

    /// The order of two decimals, from their parts when ``CompactDecimal`` can read them.
    private static func decimalOrder(_ x: Decimal, _ y: Decimal) -> Int {
        CompactDecimal.order(x, y) ?? sign(x, y)
    }

    /// Binary order of two strings by Unicode code points (UTF-8 byte order is the same).
    static func binaryOrder(_ x: String, _ y: String) -> Int {
        var x = x
        var y = y
        return x.withUTF8 { a in
            y.withUTF8 { b in
                let common = min(a.count, b.count)
                if common > 0, let p = a.baseAddress, let q = b.baseAddress {
                    let order = memcmp(p, q, common)
                    if order != 0 { return order < 0 ? -1 : 1 }
                }
                return a.count < b.count ? -1 : (a.count == b.count ? 0 : 1)
            }
        }
    }

    private static func sign<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x == y ? 0 : 1) }

    /// Whether DECODE's value matches a search: NULL matches NULL (G4), otherwise `=`.
    static func decodeMatches(_ a: Value, _ b: Value, _ settings: EvaluationSettings) throws(RowError) -> Bool {
        if a.isNull || b.isNull { return a.isNull && b.isNull }
        return try equalNonNull(a, b, settings)
    }
}
