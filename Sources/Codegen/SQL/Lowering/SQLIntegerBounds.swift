import IR

/// The values an integer expression can take, worked out from its operands' datatypes and
/// literals, so that the lowering knows where integer arithmetic could leave a range.
///
/// The runtime computes `+ - *` and unary minus on integers in 64 bits and rejects a row whose
/// result leaves them (RT0003); an integer port receiving a value outside its type rejects the
/// row too (RT0004). SQL differs by dialect: PostgreSQL, SQL Server, Sybase ASE, Teradata, DuckDB
/// and Databricks compute `INTEGER + INTEGER` in 32 bits (failing, or wrapping in Spark, where
/// the runtime goes on), SQLite turns a 64-bit overflow into a float, Oracle and Snowflake compute
/// past 64 bits exactly. The bounds say where SQL must widen an operand to 64 bits
/// (``SQLDialect/integerOperandsKeepTheirWidth``) or refuse (``SQLDialect/integerOverflowFails``).
/// The bounds are an over-approximation: a range that does not leave a type proves no row can.
enum SQLIntegerBounds {
    typealias Bounds = ClosedRange<Int128>

    /// Far beyond 64 bits, where bounds saturate so that nested products cannot trap.
    static let limit = Int128(1) << 100

    static func range(bits: Int) -> Bounds {
        let largest = (Int128(1) << (bits - 1)) - 1
        return (-largest - 1)...largest
    }

    static let int64 = range(bits: 64)
    static let int32 = range(bits: 32)

    /// The range of values an integer datatype holds, or nil for other datatypes.
    static func range(of type: DataType?) -> Bounds? {
        switch type {
        case .smallInteger?: range(bits: 16)
        case .integer?: int32
        case .bigInteger?: int64
        default: nil
        }
    }

    /// The values `e` (typed) can take; for an expression that is not an integer, or one this
    /// does not follow, the range of its type (64 bits when it has none).
    static func of(_ e: Expr) -> Bounds {
        let typed = range(of: e.type) ?? int64
        switch e.kind {
        case .number(let text):
            guard let value = Int64(text) else { return typed }
            return Int128(value)...Int128(value)
        case .boolean: return 0...1
        case .null: return 0...0
        case .unary(.plus, let operand): return of(operand)
        case .unary(.negate, let operand): return negated(of(operand))
        case .binary(.add, let left, let right) where isInteger(left) && isInteger(right):
            let (a, b) = (of(left), of(right))
            return clamp(a.lowerBound + b.lowerBound, a.upperBound + b.upperBound)
        case .binary(.subtract, let left, let right) where isInteger(left) && isInteger(right):
            let (a, b) = (of(left), of(right))
            return clamp(a.lowerBound - b.upperBound, a.upperBound - b.lowerBound)
        case .binary(.multiply, let left, let right) where isInteger(left) && isInteger(right):
            let (a, b) = (of(left), of(right))
            let products = [
                product(a.lowerBound, b.lowerBound), product(a.lowerBound, b.upperBound),
                product(a.upperBound, b.lowerBound), product(a.upperBound, b.upperBound),
            ]
            return clamp(products.min() ?? 0, products.max() ?? 0)
        case .binary(.modulo, let left, let right) where isInteger(left) && isInteger(right):
            return remainder(of(left), right, typed)
        case .call("MOD", let arguments) where arguments.count == 2 && arguments.allSatisfy(isInteger):
            return remainder(of(arguments[0]), arguments[1], typed)
        case .call("ABS", let arguments) where arguments.count == 1 && isInteger(arguments[0]):
            let a = of(arguments[0])
            if a.lowerBound >= 0 { return a }
            return clamp(a.upperBound < 0 ? -a.upperBound : 0, max(-a.lowerBound, a.upperBound))
        case .call("IIF", let arguments) where arguments.count >= 2:
            let branches = arguments.dropFirst().map { of($0) } + (arguments.count == 2 ? [0...0] : [])
            return joined(branches)
        case .call("DECODE", let arguments) where arguments.count >= 3:
            var results = stride(from: 2, to: arguments.count, by: 2).map { of(arguments[$0]) }
            results.append(arguments.count % 2 == 0 ? of(arguments[arguments.count - 1]) : 0...0)
            return joined(results)
        default: return typed
        }
    }

    /// Whether `bounds` stays within `range`.
    static func within(_ bounds: Bounds, _ range: Bounds) -> Bool {
        bounds.lowerBound >= range.lowerBound && bounds.upperBound <= range.upperBound
    }

    /// A remainder by a constant divisor `c` takes the dividend's sign and is smaller than `|c|`.
    private static func remainder(_ dividend: Bounds, _ divisor: Expr, _ typed: Bounds) -> Bounds {
        guard case .number(let text) = divisor.kind, let c = Int64(text), c != 0 else { return typed }
        let largest = Int128(c.magnitude) - 1
        let low = dividend.lowerBound < 0 ? max(dividend.lowerBound, -largest) : 0
        let high = dividend.upperBound > 0 ? min(dividend.upperBound, largest) : 0
        return low...high
    }

    private static func isInteger(_ e: Expr) -> Bool { range(of: e.type) != nil || e.kind == .null }

    private static func negated(_ a: Bounds) -> Bounds { clamp(-a.upperBound, -a.lowerBound) }

    private static func clamp(_ low: Int128, _ high: Int128) -> Bounds {
        max(-limit, min(low, limit))...max(-limit, min(high, limit))
    }

    /// `x * y`, saturated at ±``limit`` (both are within it, so the product fits 256 bits but
    /// not always 128).
    private static func product(_ x: Int128, _ y: Int128) -> Int128 {
        let (result, overflow) = x.multipliedReportingOverflow(by: y)
        if overflow { return (x < 0) == (y < 0) ? limit : -limit }
        return result
    }

    /// The union of `branches`.
    private static func joined(_ branches: [Bounds]) -> Bounds {
        let low = branches.map(\.lowerBound).min() ?? 0
        let high = branches.map(\.upperBound).max() ?? 0
        return clamp(low, high)
    }
}
