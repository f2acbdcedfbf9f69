import IR

extension Lowering {
    /// A numeric literal with the type the checker gave it.
    func number(_ text: String, _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        switch e.type {
        case .integer?, .smallInteger?, .bigInteger?:
            guard let value = Int64(text) else { throw fail(e, "the integer literal \(text) does not fit 64 bits") }
            return .literal(.integer(value))
        case .decimal?:
            guard options.highPrecision else { return .literal(.double(Double(text) ?? 0)) }
            return .literal(.decimal(text))
        case .double?, .real?: return .literal(.double(Double(text) ?? 0))
        default: throw fail(e, "the literal \(text) has no numeric type")
        }
    }

    /// A numeric operand (strings are converted by prefix in PowerCenter, which SQL does not do).
    func numeric(_ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        guard e.type?.isNumeric == true else {
            throw fail(e, "a string used as a number is read by its numeric prefix in PowerCenter ('12ab' is 12)")
        }
        try exactNumbers(e)
        // Without high precision the runtime holds a decimal as a double and computes in doubles
        // (§3.3): a dialect with exact decimals would compute other digits. So is any decimal an
        // expression gives, a port's or `IIF(c, D, E)`'s (a literal is written as a double).
        if case .decimal? = e.type, !options.highPrecision, dialect.hasExactDecimals {
            let lowered = try value(e)
            if case .literal(.double) = lowered { return lowered }
            if case .cast(_, .double) = lowered { return lowered }
            return .cast(lowered, .double)
        }
        return try value(e)
    }

    /// Decimals are exact in PowerCenter with high precision; a dialect without exact decimals
    /// (SQLite stores REAL) cannot match them digit for digit.
    func exactNumbers(_ e: Expr) throws(SQLLoweringFailure) {
        if case .decimal? = e.type, options.highPrecision, !dialect.hasExactDecimals {
            throw fail(e, "\(dialect.name) computes decimals as binary doubles; the session keeps 28 exact digits")
        }
    }

    /// `+ - * / % ||` with PowerCenter's rules; comparisons and logic as values.
    func arithmetic(_ op: BinaryOperator, _ left: Expr, _ right: Expr, _ e: Expr) throws(SQLLoweringFailure)
        -> SQLExpression
    {
        // NULL in arithmetic gives NULL (case 8), before any divisor or type question arises.
        if op != .concat && (left.kind == .null || right.kind == .null) { return .literal(.null) }
        switch op {
        case .add, .subtract, .multiply:
            try exactNumbers(e)
            let sqlOp: SQLBinaryOperator = op == .add ? .add : op == .subtract ? .subtract : .multiply
            let operands = try integerArithmetic(e, [left, right], [try numeric(left), try numeric(right)])
            return .binary(sqlOp, operands[0], operands[1])
        case .divide: return try division(left, right, e)
        case .modulo: return try modulo(left, right, e)
        case .concat: return try concatenation(left, right, e)
        default: throw fail(e, "'\(op.rawValue)' is not lowered to SQL yet")
        }
    }

    /// The operands of integer `+ - *`, unary minus or `ABS` `e`, computed as the runtime computes them,
    /// in 64 bits (``SQLIntegerBounds``): the first is cast to `BIGINT` where the dialect would
    /// compute in a narrower width the result could leave; arithmetic that could pass 64 bits is
    /// refused where the dialect does not fail there as the runtime does.
    func integerArithmetic(_ e: Expr, _ operands: [Expr], _ lowered: [SQLExpression]) throws(SQLLoweringFailure)
        -> [SQLExpression]
    {
        guard Self.isInteger(e.type), operands.allSatisfy({ Self.isInteger($0.type) || $0.kind == .null }) else {
            return lowered
        }
        let bounds = SQLIntegerBounds.of(e)
        if !dialect.integerOverflowFails, !SQLIntegerBounds.within(bounds, SQLIntegerBounds.int64) {
            throw fail(
                e,
                "this integer arithmetic can pass 64 bits, where the runtime rejects the row; "
                    + "\(dialect.name) goes on with another value")
        }
        guard dialect.integerOperandsKeepTheirWidth, Self.sqlWidth(e) == 64,
            operands.map(Self.sqlWidth).max() ?? 64 < 64
        else { return lowered }
        var widened = lowered
        widened[0] = .cast(lowered[0], .bigint)
        return widened
    }

    /// The width in bits in which a dialect that keeps its operands' widths computes integer `e`:
    /// a literal's or a type's own (a column's at most 32, whatever its port's type), the widest operand's for `+ - *`, unary minus and `ABS`, or 64 where
    /// the result could leave that (``integerArithmetic(_:_:_:)`` then widens it).
    static func sqlWidth(_ e: Expr) -> Int {
        let operands: [Expr]
        switch e.kind {
        case .number(let text): return Int32(text) != nil ? 32 : 64
        case .null, .boolean: return 32
        // A column may be narrower than its port (a bigint port over an `INTEGER` column): at most 32.
        case .reference: return e.type == .smallInteger ? 16 : 32
        case .unary(.negate, let operand), .unary(.plus, let operand): operands = [operand]
        case .call("ABS", let arguments) where arguments.count == 1: operands = arguments
        // The value is one of some arguments' (a `CASE`, as wide as its widest branch).
        case .call("IIF", let arguments) where arguments.count >= 2: operands = Array(arguments.dropFirst())
        case .call("CHOOSE", let arguments) where arguments.count >= 2: operands = Array(arguments.dropFirst())
        case .call("DECODE", let arguments) where arguments.count >= 3:
            let results = stride(from: 2, to: arguments.count, by: 2).map { arguments[$0] }
            operands = results + (arguments.count % 2 == 0 ? [arguments[arguments.count - 1]] : [])
        case .binary(.add, let l, let r), .binary(.subtract, let l, let r), .binary(.multiply, let l, let r):
            operands = [l, r]
        default:
            switch e.type {
            case .smallInteger?: return 16
            case .integer?: return 32
            default: return 64
            }
        }
        guard isInteger(e.type) else { return 64 }
        let width = operands.map(sqlWidth).max() ?? 64
        return SQLIntegerBounds.within(SQLIntegerBounds.of(e), SQLIntegerBounds.range(bits: width)) ? width : 64
    }

    /// `a / b`: never integer division (§3.2); a zero divisor is a row error (G9) that SQL would
    /// turn into a failed statement or a NULL, so only a non-zero constant divisor is lowered.
    private func division(_ left: Expr, _ right: Expr, _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        guard Self.nonZeroConstant(right) else {
            throw fail(e, "a zero divisor skips the row in PowerCenter; SQL fails or gives NULL instead")
        }
        switch e.type {
        case .double?, .real?:
            return .binary(.divide, .cast(try numeric(left), .double), .cast(try numeric(right), .double))
        default:
            throw fail(
                e,
                "PowerCenter keeps 28 significant digits of a decimal quotient; \(dialect.name) keeps a different scale"
            )
        }
    }

    /// `a % b` on integers: the remainder takes the dividend's sign, as SQL's does; a zero divisor
    /// is a row error, so only a non-zero constant divisor is lowered.
    private func modulo(_ left: Expr, _ right: Expr, _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        guard Self.isInteger(left.type), Self.isInteger(right.type) else {
            throw fail(e, "MOD of decimals or doubles is not lowered to SQL yet")
        }
        guard Self.nonZeroConstant(right) else {
            throw fail(e, "a zero divisor skips the row in PowerCenter; SQL fails or gives NULL instead")
        }
        return .binary(.modulo, try numeric(left), try numeric(right))
    }

    /// `a || b`: a NULL operand is ignored and two NULLs give NULL (G2); only string operands are
    /// lowered (numbers are rendered to text by PowerCenter's own rules).
    func concatenation(_ left: Expr, _ right: Expr, _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        let a = try concatenated(left, e)
        let b = try concatenated(right, e)
        let joined = SQLExpression.binary(
            .concat, .function(name: "COALESCE", arguments: [a, .literal(.string(""))]),
            .function(name: "COALESCE", arguments: [b, .literal(.string(""))]))
        guard options.concatOfTwoNullsIsNull else { return joined }
        return .caseWhen(
            branches: [
                SQLWhen(.binary(.and, .isNull(a, negated: false), .isNull(b, negated: false)), then: .literal(.null))
            ], otherwise: joined)
    }

    /// One operand of `||` as text (``plainText(_:_:refusing:)``): `'alpha' || 2` is `'alpha2'`
    /// (case 6).
    func concatenated(_ operand: Expr, _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        try plainText(
            operand, e,
            refusing: "PowerCenter renders decimals, doubles and dates to text by its own rules before concatenating")
    }

    /// `operand` as text where PowerCenter's text is the plain one: a string or NULL as it is, a
    /// whole number as its sign and digits (``SQLDialect/wholeNumberText(_:)``, refused where the
    /// dialect's conversion is not known to give them); decimals, doubles and dates are refused
    /// with `reason` (PowerCenter renders them by its own rules).
    func plainText(_ operand: Expr, _ e: Expr, refusing reason: String) throws(SQLLoweringFailure)
        -> SQLExpression
    {
        switch operand.type {
        case _ where operand.kind == .null: return try string(operand)
        case let type? where type.isString: return try string(operand)
        case .integer?, .smallInteger?, .bigInteger?:
            guard let text = dialect.wholeNumberText(try value(operand)) else {
                throw fail(e, "\(dialect.name) is not known to write a whole number as its plain digits")
            }
            return text
        default: throw fail(e, reason)
        }
    }

    /// A string-valued operand (``keepsEmptyString(_:)`` applies through ``value(_:)``).
    func string(_ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        try value(e)
    }

    /// `a op b` for `= <> < <= > >=`: NULL gives NULL (G1); both sides of one family.
    func comparison(_ op: BinaryOperator, _ left: Expr, _ right: Expr, _ e: Expr) throws(SQLLoweringFailure)
        -> SQLExpression
    {
        let sqlOp = Self.comparisons[op]!
        guard let l = left.type?.family, let r = right.type?.family, l == r else {
            if left.kind == .null || right.kind == .null {
                return .binary(sqlOp, try value(left), try value(right))
            }
            throw fail(e, "comparing values of different kinds converts them by PowerCenter's rules first")
        }
        if l == .string, !dialect.comparesStringsExactly {
            throw fail(
                e,
                "\(dialect.name) compares strings ignoring trailing blanks or case; PowerCenter compares them exactly")
        }
        if l == .numeric {
            try exactNumbers(left)
            try exactNumbers(right)
            return .binary(sqlOp, try comparable(left), try comparable(right))
        }
        return .binary(sqlOp, try value(left), try value(right))
    }

    /// A number as an operand of a comparison. A dialect without exact decimals stores them as
    /// text (SQLite), which would compare as text ('999' > '1000', and '999' > 1000 by type); such
    /// a decimal is compared as the binary double PowerCenter holds it as without high precision
    /// (with high precision ``exactNumbers(_:)`` has refused it).
    func comparable(_ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        let lowered = try value(e)
        guard case .decimal? = e.type, !dialect.hasExactDecimals else { return lowered }
        return .cast(lowered, .double)
    }

    static func isInteger(_ type: DataType?) -> Bool {
        switch type {
        case .integer?, .smallInteger?, .bigInteger?: true
        default: false
        }
    }

    static func nonZeroConstant(_ e: Expr) -> Bool {
        switch e.kind {
        case .number(let text): return Double(text).map { $0 != 0 } ?? false
        case .unary(.negate, let operand): return nonZeroConstant(operand)
        default: return false
        }
    }

    /// `IS_NUMBER(text)` as the whole-text match of its grammar (reference §3.4.7, cases 13–14):
    /// optional blanks (space, tab, line feed, carriage return, vertical tab, form feed), a sign,
    /// digits with an optional point and at least one digit, an optional complete exponent, and
    /// optional blanks; NULL gives NULL. Only dialects with regular expressions lower it.
    func isNumber(_ text: Expr, _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        guard text.type?.isString == true || text.kind == .null else {
            throw fail(e, "IS_NUMBER of a number or date is lowered only for text")
        }
        let pattern = "^[[:space:]]*[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?[[:space:]]*$"
        guard let match = dialect.regexMatch(try string(text), pattern) else {
            throw fail(e, "\(dialect.name) has no regular expressions to test IS_NUMBER's grammar")
        }
        return match
    }
}
