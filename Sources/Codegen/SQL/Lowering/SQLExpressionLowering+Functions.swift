import IR

extension Lowering {
    /// A function call; what is not listed here, or not exact in this dialect, throws.
    func call(_ name: String, _ arguments: [Expr], _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        switch (name, arguments.count) {
        case ("IIF", 2...3): return try iif(arguments, e)
        case ("DECODE", 3...): return try decode(arguments, e)
        case ("UPPER", 1), ("LOWER", 1):
            guard dialect.casesAllLetters else {
                throw fail(
                    e, "\(dialect.name) changes the case of ASCII letters only; PowerCenter changes every letter")
            }
            return .function(name: name, arguments: [try string(arguments[0])])
        case ("LTRIM", 1): return dialect.trim(leading: true, try string(arguments[0]))
        case ("RTRIM", 1): return dialect.trim(leading: false, try string(arguments[0]))
        case ("LENGTH", 1):
            guard let function = dialect.characterLengthFunction else {
                throw fail(e, "\(dialect.name) has no character length that counts trailing blanks")
            }
            return .function(name: function, arguments: [try string(arguments[0])])
        case ("ABS", 1):
            return .function(name: "ABS", arguments: try integerArithmetic(e, arguments, [try numeric(arguments[0])]))
        case ("TO_INTEGER", 1), ("TO_BIGINT", 1):
            return try toInteger(arguments[0], bits: name == "TO_INTEGER" ? 32 : 64, e)
        default: return try libraryCall(name, arguments, e)
        }
    }

    /// IIF: a NULL or zero condition takes the else branch (G3); without an else branch the
    /// result is the type's zero value (or NULL, by the switch) [BELIEVED].
    private func iif(_ arguments: [Expr], _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        try sameResultTypes(Array(arguments.dropFirst()), e)
        let otherwise: SQLExpression
        if arguments.count == 3 {
            otherwise = try result(arguments[2], of: e)
        } else if options.iifOmittedElseIsZero {
            otherwise = try zero(of: e)
        } else {
            otherwise = .literal(.null)
        }
        return .caseWhen(
            branches: [SQLWhen(try condition(arguments[0]), then: try result(arguments[1], of: e))],
            otherwise: otherwise)
    }

    /// DECODE: the first search value equal to the input wins, NULL matching NULL (G4); no match
    /// gives the default or NULL.
    private func decode(_ arguments: [Expr], _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        let subject = arguments[0]
        let pairs = (arguments.count - 1) / 2
        let results = (0..<pairs).map { arguments[2 + 2 * $0] } + (arguments.count % 2 == 0 ? [arguments.last!] : [])
        try sameResultTypes(results, e)
        let input = try value(subject)
        var branches: [SQLWhen] = []
        for pair in 0..<pairs {
            let search = arguments[1 + 2 * pair]
            let equal = try comparison(.equal, subject, search, search)
            let match: SQLExpression
            switch search.kind {
            case .null: match = .isNull(input, negated: false)
            case .number, .string: match = equal
            default:
                let bothNull = SQLExpression.binary(
                    .and, .isNull(input, negated: false), .isNull(try value(search), negated: false))
                match = .binary(.or, equal, bothNull)
            }
            branches.append(SQLWhen(match, then: try result(arguments[2 + 2 * pair], of: e)))
        }
        let otherwise = arguments.count % 2 == 0 ? try result(arguments.last!, of: e) : nil
        return .caseWhen(branches: branches, otherwise: otherwise)
    }

    /// TO_INTEGER/TO_BIGINT of an integer or exact decimal: rounded half away from zero (G17).
    /// Doubles are not lowered (PostgreSQL rounds them half to even; converting to a decimal first
    /// keeps only 15 digits).
    private func toInteger(_ argument: Expr, bits: Int, _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        let type: SQLType = bits == 32 ? .integer : .bigint
        switch argument.type {
        case .integer?, .smallInteger?, .bigInteger?: return .cast(try value(argument), type)
        case .decimal?
        where options.highPrecision && dialect.hasExactDecimals && dialect.roundsDecimalsHalfAwayFromZero:
            return .cast(.function(name: "ROUND", arguments: [try value(argument), .literal(.integer(0))]), type)
        default:
            throw fail(
                e, "TO_INTEGER of this type rounds differently in \(dialect.name), or the value is not exact there")
        }
    }

    /// A branch result: a value, kept exact.
    /// A result branch of IIF or DECODE `whole`: a decimal branch of a double result is the double
    /// the runtime makes of it (SQLite keeps a decimal column as text, which a CASE passes on as text).
    private func result(_ e: Expr, of whole: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        if e.type?.isString == true { return try string(e) }
        if e.type?.isNumeric == true { try exactNumbers(e) }
        if case .decimal? = e.type, whole.type == .double || whole.type == .real {
            return .cast(try value(e), .double)
        }
        return try value(e)
    }

    /// Results of one family (strings, numbers, dates), so no conversion by PowerCenter's rules
    /// happens between branches (within a family the value is kept as it is).
    private func sameResultTypes(_ results: [Expr], _ e: Expr) throws(SQLLoweringFailure) {
        let types = Set(results.filter { $0.kind != .null }.compactMap(\.type?.family))
        guard types.count <= 1 else {
            throw fail(e, "results of different kinds are converted to the first one's type by PowerCenter's rules")
        }
    }

    /// The zero value of the expression's type: 0 or ''.
    private func zero(of e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        if e.type?.isNumeric == true { return .literal(.integer(0)) }
        if e.type?.isString == true, dialect.keepsEmptyStrings { return .literal(.string("")) }
        throw fail(e, "IIF without an else branch gives a zero value SQL cannot write exactly here")
    }
}
