import IR

extension Lowering {
    /// ROUND/TRUNC of a number to a constant number of decimals (reference §3.4.4): half away
    /// from zero / toward zero. An integer with 0 or more decimals is unchanged. Exact decimals
    /// (high precision) use the dialect's decimal `ROUND`/`TRUNC` where that rounds half away from
    /// zero. Doubles are not lowered: PowerCenter rounds the binary value its own way, PostgreSQL
    /// rounds doubles half to even and SQLite rounds through its text conversion.
    func roundNumber(_ name: String, _ arguments: [Expr], _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        var digits: Int64 = 0
        if arguments.count == 2 {
            guard Self.isInteger(arguments[1].type), let constant = Self.integerConstant(arguments[1]) else {
                throw fail(arguments[1], "\(name) to a computed number of decimals is not lowered to SQL")
            }
            digits = constant
        }
        let number = arguments[0]
        let places = SQLExpression.literal(.integer(digits))
        switch number.type {
        case .integer?, .smallInteger?, .bigInteger?:
            guard digits >= 0 else { throw fail(e, "\(name) of an integer to tens or more is not lowered to SQL") }
            return try value(number)
        case .decimal? where options.highPrecision && dialect.hasExactDecimals:
            if name == "ROUND" {
                guard dialect.roundsDecimalsHalfAwayFromZero else {
                    throw fail(
                        e, "ROUND in \(dialect.name) may round half to even; PowerCenter rounds half away from zero")
                }
                return .function(name: "ROUND", arguments: [try value(number), places])
            }
            guard let truncated = dialect.truncateNumber(try value(number), digits: places) else {
                throw fail(e, "\(dialect.name) has no truncation of a decimal to a number of places")
            }
            return truncated
        default:
            throw fail(
                e,
                "\(name) of a double (or of a decimal without high precision) rounds the binary value differently in SQL"
            )
        }
    }

    /// MOD(a, b): as `a % b` (the remainder takes the dividend's sign [BELIEVED], a zero divisor is
    /// a row error, so only a non-zero constant divisor is lowered).
    func modulus(_ arguments: [Expr], _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        guard options.modTakesDividendSign else {
            throw fail(e, "MOD with the divisor's sign (a session switch) is not lowered to SQL")
        }
        return try arithmetic(.modulo, arguments[0], arguments[1], e)
    }

    /// TO_FLOAT of an integer or a double. Strings are read by their numeric prefix ('12ab' is 12,
    /// 'ab' is 0) where SQL's casts fail; a decimal's conversion to the nearest double is not
    /// guaranteed to match the runtime's.
    func toFloat(_ argument: Expr, _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        switch argument.type {
        case .integer?, .smallInteger?, .bigInteger?: return .cast(try value(argument), .double)
        case .double?: return try value(argument)
        case let type? where type.isString:
            throw fail(e, "a string used as a number is read by its numeric prefix in PowerCenter ('12ab' is 12)")
        default: throw fail(e, "TO_FLOAT of this type is not lowered to SQL")
        }
    }
}
