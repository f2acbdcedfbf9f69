import IR

extension Lowering {
    /// SUBSTR (reference §3.4.1, runtime CharacterFunctions): start 0 is 1, a negative start counts
    /// from the end and one before the beginning gives ''; no length runs to the end; a length of 0
    /// or less gives ''; NULL anywhere gives NULL. SQL's SUBSTR agrees for a start ≥ 1 and a length
    /// ≥ 1, so the other cases become explicit `CASE` branches; a negative or computed start needs
    /// the character count (trailing blanks included), which not every dialect has.
    func substring(_ arguments: [Expr], _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        let text = try string(arguments[0])
        let start = try wholeNumber(arguments[1], "SUBSTR start")
        let length = arguments.count == 3 ? try wholeNumber(arguments[2], "SUBSTR length") : nil
        let constantLength = arguments.count == 3 ? Self.integerConstant(arguments[2]) : nil
        var mayBeNull = [text]
        if Self.integerConstant(arguments[1]) == nil { mayBeNull.append(start) }
        if let length, constantLength == nil { mayBeNull.append(length) }
        // `text IS NULL OR start IS NULL …` stops at the first NULL: a start or length after it
        // is never computed, where the runtime computes it and rejects the row if it fails.
        if mayBeNull.count > 1 || constantLength.map({ $0 <= 0 }) == true,
            let failing = arguments.dropFirst().first(where: Self.canFail)
        {
            throw fail(failing, Self.skippedOperand("SUBSTR"))
        }
        if let constantLength, constantLength <= 0 {
            return .caseWhen(
                branches: [SQLWhen(Self.anyNull(mayBeNull), then: .literal(.null))], otherwise: .literal(.string("")))
        }
        let (first, beforeStart) = try firstPosition(text, arguments[1], start, e)
        var branches: [SQLWhen] = []
        if let length, constantLength == nil {
            branches.append(SQLWhen(.binary(.lessOrEqual, length, .literal(.integer(0))), then: .literal(.string(""))))
        }
        if let beforeStart { branches.append(SQLWhen(beforeStart, then: .literal(.string("")))) }
        let count = length ?? .literal(.integer(Int64(Int32.max)))
        let cut = SQLExpression.function(name: dialect.substringFunction, arguments: [text, first, count])
        guard !branches.isEmpty else { return cut }
        let guarded = [SQLWhen(Self.anyNull(mayBeNull), then: .literal(.null))] + branches
        return .caseWhen(branches: guarded, otherwise: cut)
    }

    /// SQL's 1-based first position for a PowerCenter start, and the condition under which a
    /// negative start lies before the beginning (the result is then '').
    private func firstPosition(_ text: SQLExpression, _ startArgument: Expr, _ start: SQLExpression, _ e: Expr)
        throws(SQLLoweringFailure) -> (SQLExpression, SQLExpression?)
    {
        if let constant = Self.integerConstant(startArgument), constant >= 0 {
            return (.literal(.integer(max(constant, 1))), nil)
        }
        guard let lengthFunction = dialect.characterLengthFunction else {
            throw fail(
                e,
                "SUBSTR with a negative or computed start needs a character count; \(dialect.name) has none that counts trailing blanks"
            )
        }
        let count = SQLExpression.function(name: lengthFunction, arguments: [text])
        if let constant = Self.integerConstant(startArgument) {
            let back = -constant
            let first = back == 1 ? count : SQLExpression.binary(.subtract, count, .literal(.integer(back - 1)))
            return (first, .binary(.less, count, .literal(.integer(back))))
        }
        let first = SQLExpression.caseWhen(
            branches: [
                SQLWhen(.binary(.greater, start, .literal(.integer(0))), then: start),
                SQLWhen(.binary(.equal, start, .literal(.integer(0))), then: .literal(.integer(1))),
            ], otherwise: .binary(.add, .binary(.add, count, start), .literal(.integer(1))))
        // `start < -count`, not `start + count < 0`, which overflows 32 bits for a large start.
        return (first, .binary(.less, start, .unary(.negate, count)))
    }

    /// INSTR(text, search [, start [, occurrence]]) with start 0 or 1 and occurrence 1: the first
    /// match, 0 when none, and 0 for an empty search (runtime SearchFunctions). Other starts
    /// (a negative one searches backwards) and occurrences are not lowered.
    func position(_ arguments: [Expr], _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        guard arguments.count <= 4 else { throw fail(e, "INSTR with a comparison type is not lowered to SQL") }
        if arguments.count >= 3 {
            let start = Self.integerConstant(arguments[2])
            guard start == 0 || start == 1 else {
                throw fail(arguments[2], "INSTR from a start other than 0 or 1 is not lowered to SQL")
            }
        }
        if arguments.count == 4, Self.integerConstant(arguments[3]) != 1 {
            throw fail(arguments[3], "INSTR of an occurrence other than the first is not lowered to SQL")
        }
        try exactStrings(arguments[0], arguments[1], e)
        let text = try string(arguments[0])
        let search = try string(arguments[1])
        guard let found = dialect.stringPosition(of: search, in: text) else {
            throw fail(e, "\(dialect.name) has no function finding a string in another")
        }
        if case .string(let constant) = arguments[1].kind, !constant.isEmpty { return found }
        let emptySearch = SQLExpression.binary(
            .and, .binary(.equal, search, .literal(.string(""))), .isNull(text, negated: true))
        return .caseWhen(branches: [SQLWhen(emptySearch, then: .literal(.integer(0)))], otherwise: found)
    }

    /// LPAD/RPAD(text, length [, pad]): padded with the pad (a blank by default) to the length,
    /// longer text cut to its leftmost characters, a negative length gives NULL. Only a constant,
    /// non-empty pad is lowered (an empty one leaves the text as it is in PowerCenter, and is an
    /// error or a different result in SQL).
    func pad(_ name: String, _ arguments: [Expr], _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        guard dialect.hasPadFunctions else {
            throw fail(e, "\(dialect.name) has no \(name) that cuts longer text as PowerCenter does")
        }
        var padding = " "
        if arguments.count == 3 {
            guard case .string(let constant) = arguments[2].kind, !constant.isEmpty else {
                throw fail(arguments[2], "\(name) with a computed or empty pad string is not lowered to SQL")
            }
            padding = constant
        }
        var length = try wholeNumber(arguments[1], "\(name) length")
        // A computed length may be a BIGINT (DuckDB's LENGTH) where LPAD takes an INTEGER; the value
        // is within 32 bits here.
        let computed: Bool
        switch (arguments[1].kind, length) {
        case (.reference, _), (.number, _), (.unary(.negate, _), _), (_, .cast(_, .integer)): computed = false
        default: computed = true
        }
        if dialect.integerOperandsKeepTheirWidth, computed { length = .cast(length, .integer) }
        let text = try string(arguments[0])
        let call = SQLExpression.function(name: name, arguments: [text, length, .literal(.string(padding))])
        let largest = Int64(DataType.largestStringPrecision)
        if let constant = Self.integerConstant(arguments[1]) {
            guard constant <= largest else {
                throw fail(arguments[1], "\(name) past the largest string (104,857,600 characters) rejects every row")
            }
            guard constant < 0 else { return call }
        }
        // A negative length gives NULL without computing the text, which the runtime computes
        // and rejects the row for if it fails.
        if Self.canFail(arguments[0]) { throw fail(arguments[0], Self.skippedOperand(name)) }
        if Self.integerConstant(arguments[1]) != nil { return .literal(.null) }
        var branches = [SQLWhen(.binary(.less, length, .literal(.integer(0))), then: .literal(.null))]
        // The runtime rejects a row padded past its largest string (RT0007); SQL would build it.
        if SQLIntegerBounds.of(arguments[1]).upperBound > Int128(largest) {
            let message = SQLExpression.binary(
                .concat, .literal(.string("\(name) past the largest string, where the runtime rejects the row: ")),
                .cast(length, .varchar(nil)))
            guard let failure = dialect.failure(message) else {
                throw fail(
                    arguments[1],
                    "\(name) can pad past the largest string (104,857,600 characters), where the runtime rejects "
                        + "the row; \(dialect.name) cannot stop the statement")
            }
            // A NULL text gives NULL first, as the runtime's strict functions do.
            let beyond = SQLExpression.binary(
                .and, .binary(.greater, length, .literal(.integer(largest))), .isNull(text, negated: true))
            branches.append(SQLWhen(beyond, then: .cast(failure, .varchar(nil))))
        }
        return .caseWhen(branches: branches, otherwise: call)
    }

    /// REPLACECHR(1, text, 'set', 'c'): each character of a constant set replaced by the first
    /// character of a constant replacement (removed when it is '' or NULL), case-sensitively; one
    /// `REPLACE` per character is exact because every replaced character becomes the same one.
    func replaceCharacters(_ arguments: [Expr], _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        try caseSensitiveFlag(arguments[0], "REPLACECHR", e)
        try exactStrings(arguments[1], arguments[1], e)
        guard let set = Self.constantText(arguments[2]), let new = Self.constantText(arguments[3]) else {
            throw fail(e, "REPLACECHR with a computed character set or replacement is not lowered to SQL")
        }
        let replacement = SQLExpression.literal(.string(new.unicodeScalars.first.map { String($0) } ?? ""))
        var result = try string(arguments[1])
        var seen = Set<Unicode.Scalar>()
        for scalar in set.unicodeScalars where seen.insert(scalar).inserted {
            result = .function(name: "REPLACE", arguments: [result, .literal(.string(String(scalar))), replacement])
        }
        return result
    }

    /// REPLACESTR(1, text, 'old', 'new') with one constant old string: SQL's `REPLACE` also scans
    /// left to right and does not rescan replaced text. Several old strings are not lowered (the
    /// first listed wins at each position, which nested `REPLACE` calls do not reproduce).
    func replaceString(_ arguments: [Expr], _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        guard arguments.count == 4 else {
            throw fail(
                e, "REPLACESTR with several old strings is not lowered to SQL (the first listed wins at each position)")
        }
        try caseSensitiveFlag(arguments[0], "REPLACESTR", e)
        try exactStrings(arguments[1], arguments[1], e)
        guard let old = Self.constantText(arguments[2]), let new = Self.constantText(arguments[3]) else {
            throw fail(e, "REPLACESTR with a computed old or new string is not lowered to SQL")
        }
        let text = try string(arguments[1])
        guard !old.isEmpty else { return text }
        return .function(name: "REPLACE", arguments: [text, .literal(.string(old)), .literal(.string(new))])
    }

    /// IS_SPACES: 1 when every character is a blank, tab, line feed, vertical tab, form feed or
    /// carriage return; '' gives 0 and NULL gives NULL (runtime TestFunctions).
    func isSpaces(_ argument: Expr, _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        guard dialect.keepsEmptyStrings, dialect.trimsCharacterSets else {
            throw fail(e, "IS_SPACES needs '' and a character-set trim, which \(dialect.name) does not have exactly")
        }
        try exactStrings(argument, argument, e)
        let text = try string(argument)
        let empty = SQLExpression.literal(.string(""))
        let stripped = SQLExpression.function(
            name: "LTRIM", arguments: [text, .literal(.string(" \t\n\u{0B}\u{0C}\r"))])
        return .caseWhen(
            branches: [
                SQLWhen(.binary(.equal, text, empty), then: .literal(.integer(0))),
                SQLWhen(.binary(.equal, stripped, empty), then: .literal(.integer(1))),
                SQLWhen(.isNull(text, negated: true), then: .literal(.integer(0))),
            ], otherwise: nil)
    }

    /// Strings that SQL must compare as PowerCenter does (case and trailing blanks significant).
    func exactStrings(_ a: Expr, _ b: Expr, _ e: Expr) throws(SQLLoweringFailure) {
        guard a.type?.isString == true || a.kind == .null, b.type?.isString == true || b.kind == .null else {
            throw fail(e, "PowerCenter renders numbers and dates to text by its own rules first")
        }
        guard dialect.comparesStringsExactly else {
            throw fail(
                e,
                "\(dialect.name) compares strings ignoring trailing blanks or case; PowerCenter compares them exactly")
        }
    }

    /// The CaseFlag of REPLACECHR/REPLACESTR: only a constant non-zero (case-sensitive) is lowered.
    private func caseSensitiveFlag(_ flag: Expr, _ name: String, _ e: Expr) throws(SQLLoweringFailure) {
        let constant: Int64? =
            if case .boolean(let truth) = flag.kind { truth ? 1 : 0 } else { Self.integerConstant(flag) }
        guard let constant, constant != 0 else {
            throw fail(flag, "\(name) that ignores case (CaseFlag 0 or NULL) is not lowered to SQL")
        }
    }

    /// An integer-typed position or count (PowerCenter rounds a decimal one, SQL would not).
    func wholeNumber(_ e: Expr, _ what: String, clamps: Bool = true) throws(SQLLoweringFailure) -> SQLExpression {
        guard Self.isInteger(e.type) || e.kind == .null else {
            throw fail(e, "a \(what) that is not an integer is rounded by PowerCenter first")
        }
        var number = try value(e)
        // SQL takes these arguments as 32-bit integers (SQLite cuts a larger start to 32 bits,
        // PostgreSQL has no `substr(text, bigint)`). Past 32 bits a start or a length acts as the
        // nearest 32-bit value does, and so does an amount of hours or longer (every such date
        // leaves the years 1 to 9999), so a larger one is clamped; other amounts are refused.
        let int32 = SQLIntegerBounds.int32
        if !SQLIntegerBounds.within(SQLIntegerBounds.of(e), int32) {
            guard clamps else { throw fail(e, "a \(what) past 32 bits is not lowered to SQL") }
            let (low, high) = (Int64(int32.lowerBound), Int64(int32.upperBound))
            number = .caseWhen(
                branches: [
                    SQLWhen(.binary(.greater, number, .literal(.integer(high))), then: .literal(.integer(high))),
                    SQLWhen(.binary(.less, number, .literal(.integer(low))), then: .literal(.integer(low))),
                ], otherwise: number)
        }
        guard dialect.integerOperandsKeepTheirWidth, Self.sqlWidth(e) == 64 else { return number }
        return .cast(number, .integer)
    }

    /// Why an operand that can fail is not lowered where the `CASE` of `function` may give its
    /// result without computing it.
    static func skippedOperand(_ function: String) -> String {
        "the runtime computes every operand of \(function) and rejects the row where this one fails, but the SQL "
            + "gives NULL or '' for a NULL or out-of-range operand without computing it"
    }

    /// `a IS NULL OR b IS NULL …`.
    static func anyNull(_ values: [SQLExpression]) -> SQLExpression {
        values.dropFirst().reduce(SQLExpression.isNull(values[0], negated: false)) {
            .binary(.or, $0, .isNull($1, negated: false))
        }
    }

    /// The value of an integer literal, negated or not.
    static func integerConstant(_ e: Expr) -> Int64? {
        switch e.kind {
        case .number(let text): return Int64(text)
        case .unary(.negate, let operand): return integerConstant(operand).map { -$0 }
        default: return nil
        }
    }

    /// A string literal's text, with NULL as ''.
    static func constantText(_ e: Expr) -> String? {
        switch e.kind {
        case .string(let text): return text
        case .null: return ""
        default: return nil
        }
    }
}
