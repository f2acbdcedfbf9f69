import IR

extension Lowering {
    /// The character, test, numeric, conversion and date functions lowered to SQL; any other
    /// function, or another argument count, throws with the reason.
    func libraryCall(_ name: String, _ arguments: [Expr], _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        let isDate = arguments.first?.type?.family == .dateTime
        switch (name, arguments.count) {
        case ("SUBSTR", 2...3): return try substring(arguments, e)
        case ("INSTR", 2...): return try position(arguments, e)
        case ("LPAD", 2...3), ("RPAD", 2...3): return try pad(name, arguments, e)
        case ("REPLACECHR", 4): return try replaceCharacters(arguments, e)
        case ("REPLACESTR", 4...): return try replaceString(arguments, e)
        case ("IS_SPACES", 1): return try isSpaces(arguments[0], e)
        case ("IN", 2...): return try membership(arguments, e)
        case ("CONCAT", 2): return try concatenation(arguments[0], arguments[1], e)
        case ("ROUND", 1...2) where !isDate, ("TRUNC", 1...2) where !isDate:
            return try roundNumber(name, arguments, e)
        case ("TRUNC", 1...2): return try truncateDate(arguments, e)
        case ("MOD", 2): return try modulus(arguments, e)
        case ("TO_FLOAT", 1): return try toFloat(arguments[0], e)
        case ("TO_CHAR", 1...2) where isDate: return try formatDate(arguments, e)
        case ("TO_CHAR", 1):
            // A string is itself, a whole number its plain digits, as the runtime renders them
            // (reference §3.3: "integer plain", BELIEVED; the rendering `||` already relies on).
            return try plainText(
                arguments[0], e, refusing: "TO_CHAR of a decimal or a double renders it by PowerCenter's own rules")
        case ("TO_DATE", 1...2): return try parseDate(arguments, e)
        case ("GET_DATE_PART", 2): return try datePart(arguments, e)
        case ("ADD_TO_DATE", 3): return try addToDate(arguments, e)
        case ("LAST_DAY", 1):
            guard let last = dialect.lastDayOfMonth(try value(arguments[0])) else {
                throw fail(e, "\(dialect.name) has no exact last day of the month that keeps the time of day")
            }
            return last
        case ("CHR", 1), ("ASCII", 1), ("CHRCODE", 1):
            throw fail(e, "\(name) differs in SQL for '' and code points outside the database character set")
        case ("TO_DECIMAL", _):
            throw fail(
                e, "TO_DECIMAL reads strings by their numeric prefix and rounds to the scale; not lowered to SQL")
        default: throw fail(e, "\(name) with \(arguments.count) arguments is not lowered to SQL yet")
        }
    }

    /// IN(value, v1, …): 1 when the value equals a list item, 0 when it equals none (a NULL item
    /// never matches, so SQL's NULL for `x IN (…, NULL)` becomes 0), NULL when the value is NULL.
    func membership(_ arguments: [Expr], _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        let subject = arguments[0]
        let items = arguments.dropFirst().filter { $0.kind != .null }
        for item in items {
            guard item.type?.family == subject.type?.family else {
                throw fail(item, "IN with values of different kinds converts them by PowerCenter's rules first")
            }
        }
        if subject.type?.isString == true { try exactStrings(subject, subject, e) }
        if subject.type?.isNumeric == true { for item in [subject] + items { try exactNumbers(item) } }
        let input = try comparable(subject)
        var branches: [SQLWhen] = []
        if !items.isEmpty {
            var list: [SQLExpression] = []
            for item in items { list.append(try comparable(item)) }
            branches.append(SQLWhen(.inList(input, list, negated: false), then: .literal(.integer(1))))
        }
        branches.append(SQLWhen(.isNull(input, negated: true), then: .literal(.integer(0))))
        return .caseWhen(branches: branches, otherwise: nil)
    }
}
