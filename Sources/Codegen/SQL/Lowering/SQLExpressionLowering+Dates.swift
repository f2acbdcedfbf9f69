import IR

extension Lowering {
    /// TO_CHAR(date, 'format') with a constant format of numeric fields and separators, in the
    /// dialect's pattern syntax (reference §4.3). Without a format PowerCenter uses the session's
    /// DateTime Format String, which lowering does not know.
    func formatDate(_ arguments: [Expr], _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        guard arguments.count == 2 else {
            throw fail(e, "TO_CHAR of a date without a format uses the session's date format, unknown to SQL")
        }
        guard case .string(let text) = arguments[1].kind else {
            throw fail(arguments[1], "TO_CHAR with a computed format is not lowered to SQL")
        }
        let format = try dateFormat(text, arguments[1])
        return try formatted(try value(arguments[0]), format, e)
    }

    /// TO_DATE(string, format): a string that does not match the format is a row error in
    /// PowerCenter, while SQL engines fail the statement, give NULL, or read it leniently
    /// (PostgreSQL's `to_timestamp` accepts '2020-13-45'). Only a constant string that provably
    /// matches a constant format is lowered, as a timestamp literal.
    func parseDate(_ arguments: [Expr], _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        guard arguments.count == 2, case .string(let text) = arguments[0].kind,
            case .string(let formatText) = arguments[1].kind
        else {
            throw fail(
                e,
                "TO_DATE of a computed string is a row error on a mismatch in PowerCenter; SQL fails or reads it leniently"
            )
        }
        let format = try dateFormat(formatText, arguments[1])
        guard let timestamp = format.timestampText(parsing: text) else {
            throw fail(
                e,
                "TO_DATE of '\(text)' is not lowered: it does not match the format strictly, or the format lacks the year, month or day"
            )
        }
        return .literal(.timestamp(timestamp))
    }

    /// GET_DATE_PART(date, 'unit'): the unit's field formatted as digits and read as an integer.
    func datePart(_ arguments: [Expr], _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        let unit = try dateUnit(arguments[1], "GET_DATE_PART")
        let digits = try formatted(try value(arguments[0]), SQLDateFormat(elements: [.field(unit.field)]), e)
        return .cast(digits, .integer)
    }

    /// TRUNC(date [, 'unit']): the start of the unit (default the day); time below it zeroed.
    func truncateDate(_ arguments: [Expr], _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        let unit = arguments.count == 2 ? try dateUnit(arguments[1], "TRUNC") : .day
        guard let truncated = dialect.truncateDate(try value(arguments[0]), to: unit) else {
            throw fail(e, "\(dialect.name) has no exact truncation of a date to the \(unit.rawValue)")
        }
        return truncated
    }

    /// ADD_TO_DATE(date, 'unit', amount): months clamp to the month's last day; years are added as
    /// twelve months (the same clamping, Feb 29 + 1 year = Feb 28).
    func addToDate(_ arguments: [Expr], _ e: Expr) throws(SQLLoweringFailure) -> SQLExpression {
        let unit = try dateUnit(arguments[1], "ADD_TO_DATE")
        var amount = try wholeNumber(
            arguments[2], "ADD_TO_DATE amount", clamps: unit != .minute && unit != .second)
        if unit == .year { amount = .binary(.multiply, amount, .literal(.integer(12))) }
        let date = try value(arguments[0])
        let moved = dialect.addToDate(date, unit == .year ? .month : unit, amount)
        guard let moved else {
            throw fail(e, "\(dialect.name) cannot add \(unit.rawValue)s to a date exactly as PowerCenter does")
        }
        return try withinYears1To9999(moved, date: date, amount: arguments[2], e)
    }

    /// `moved`, where the runtime rejects a row whose ADD_TO_DATE leaves 0001-01-01 … 9999-12-31
    /// (RT0100): a dialect that fails there itself is trusted; elsewhere a row that leaves the
    /// years stops the statement (``SQLDialect/failure(_:)``: loud, not identical), or the call
    /// is refused. Only the directions the amount's sign allows are checked
    /// (``SQLIntegerBounds``).
    private func withinYears1To9999(_ moved: SQLExpression, date: SQLExpression, amount: Expr, _ e: Expr)
        throws(SQLLoweringFailure) -> SQLExpression
    {
        let bounds = SQLIntegerBounds.of(amount)
        var outside: [SQLExpression] = []
        let comparable = dialect.comparableWithTimestampLiterals(moved)
        if bounds.upperBound > 0, !dialect.failsPastYear9999 {
            let last = SQLExpression.literal(.timestamp("9999-12-31 23:59:59.999999"))
            outside.append(.binary(.greater, comparable, last))
        }
        if bounds.lowerBound < 0, !dialect.failsBeforeYear1 {
            outside.append(.binary(.less, comparable, .literal(.timestamp("0001-01-01 00:00:00"))))
        }
        let amountSQL = try value(amount)
        if dialect.datesOutOfRangeAreNull, bounds != 0...0 {
            outside.append(
                .binary(
                    .and, .isNull(moved, negated: false),
                    .binary(.and, .isNull(date, negated: true), .isNull(amountSQL, negated: true))))
        }
        guard let condition = SQLExpression.any(outside) else { return moved }
        // The message reads the row, so that no database evaluates it while planning.
        let message = SQLExpression.binary(
            .concat, .literal(.string("ADD_TO_DATE leaves the years 1 to 9999, where the runtime rejects the row: ")),
            .binary(.concat, .cast(date, .varchar(nil)), .cast(amountSQL, .varchar(nil))))
        guard let failure = dialect.failure(message) else {
            throw fail(
                e,
                "ADD_TO_DATE can leave the years 1 to 9999 here, where the runtime rejects the row; "
                    + "\(dialect.name) goes on and cannot stop the statement")
        }
        return .caseWhen(branches: [SQLWhen(.failing(when: condition, failure), then: moved)], otherwise: nil)
    }

    /// A built-in variable: SYSDATE is the Integration Service's clock, read per row, and
    /// SESSSTARTTIME the session's start; neither is reproducible by a warehouse clock. Mapping
    /// the session start to a bound parameter is the pipeline lowering's choice, not made here.
    func builtin(_ name: String, _ e: Expr) -> SQLLoweringFailure {
        fail(e, "'\(name)' is the Integration Service's clock; SQL's current time differs, so it is not lowered")
    }

    private func formatted(_ date: SQLExpression, _ format: SQLDateFormat, _ e: Expr) throws(SQLLoweringFailure)
        -> SQLExpression
    {
        let pattern: String
        switch format.pattern(in: dialect) {
        case .success(let text): pattern = text
        case .failure(let problem): throw fail(e, problem.reason(dialect))
        }
        guard let call = dialect.formatDate(date, pattern: pattern) else {
            throw fail(e, "\(dialect.name) has no date formatting function with exact digits")
        }
        return call
    }

    private func dateFormat(_ text: String, _ e: Expr) throws(SQLLoweringFailure) -> SQLDateFormat {
        switch SQLDateFormat.parse(text) {
        case .success(let format): return format
        case .failure(let problem): throw fail(e, problem.reason(dialect))
        }
    }

    private func dateUnit(_ e: Expr, _ function: String) throws(SQLLoweringFailure) -> SQLDateUnit {
        guard case .string(let text) = e.kind else {
            throw fail(e, "\(function) with a computed date part is not lowered to SQL")
        }
        guard let unit = SQLDateUnit(format: text) else {
            throw fail(e, "\(function) of the date part '\(text)' is not lowered to SQL")
        }
        return unit
    }
}
