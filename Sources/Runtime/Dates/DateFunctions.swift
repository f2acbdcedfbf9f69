import IR

/// The date functions of the transformation language (reference §3.4.3), one static function each.
///
/// Every function takes and returns ``Value``: a NULL argument gives NULL, and a failure is a
/// ``RowError`` with a ``DateErrors`` code. Implicit string ↔ date conversion is not done here:
/// the expression compiler applies ``implicitDate(_:settings:)`` first.
public enum DateFunctions {
    /// ADD_TO_DATE(date, format, amount): `amount` units added; months and years clamp to the last
    /// day of the target month (cases 26–27); the time of day is kept.
    public static func addToDate(_ date: Value, _ format: Value, _ amount: Value) throws(RowError) -> Value {
        let name = "ADD_TO_DATE"
        guard let date = try DateArguments.date(date, name), let format = try DateArguments.text(format, name),
            let amount = try DateArguments.integer(amount, name)
        else { return .null }
        let unit = try DateUnit.parse(format, function: name)
        return .dateTime(try DateArithmetic.add(amount, unit, to: date, function: name))
    }

    /// DATE_COMPARE(d1, d2): -1, 0 or 1 as d1 is before, equal to or after d2.
    public static func dateCompare(_ first: Value, _ second: Value) throws(RowError) -> Value {
        guard let first = try DateArguments.date(first, "DATE_COMPARE"),
            let second = try DateArguments.date(second, "DATE_COMPARE")
        else { return .null }
        return .integer(first < second ? -1 : (first == second ? 0 : 1))
    }

    /// GET_DATE_PART(date, format): the 4-digit year, month 1–12, day of month, hour 0–23, minute,
    /// second, or the millisecond (0–999), microsecond (0–999999) or nanosecond of the second.
    public static func getDatePart(_ date: Value, _ format: Value) throws(RowError) -> Value {
        let name = "GET_DATE_PART"
        guard let date = try DateArguments.date(date, name), let format = try DateArguments.text(format, name)
        else { return .null }
        let p = CivilCalendar.parts(date)
        switch try DateUnit.parse(format, function: name) {
        case .year: return .integer(Int64(p.year))
        case .month: return .integer(Int64(p.month))
        case .day: return .integer(Int64(p.day))
        case .hour: return .integer(Int64(p.hour))
        case .minute: return .integer(Int64(p.minute))
        case .second: return .integer(Int64(p.second))
        case .millisecond: return .integer(Int64(p.nanosecond / 1_000_000))
        case .microsecond: return .integer(Int64(p.nanosecond / 1000))
        case .nanosecond: return .integer(Int64(p.nanosecond))
        }
    }

    /// SET_DATE_PART(date, format, value): one part replaced. A value outside the part's range, or
    /// a day that does not exist (April 31), is a row error — uncertain in the reference (§7 item
    /// 3); the documented contrast with ADD_TO_DATE is that SET_DATE_PART does not clamp.
    /// `MS`/`US`/`NS` replace the whole fraction of the second (CHOICE: `MS` 5 gives .005000000).
    public static func setDatePart(_ date: Value, _ format: Value, _ value: Value) throws(RowError) -> Value {
        let name = "SET_DATE_PART"
        guard let date = try DateArguments.date(date, name), let format = try DateArguments.text(format, name),
            let number = try DateArguments.integer(value, name)
        else { return .null }
        let unit = try DateUnit.parse(format, function: name)
        guard let result = DateArithmetic.setting(unit, to: number, in: date) else {
            throw DateErrors.error(
                DateErrors.partValueOutOfRange,
                "SET_DATE_PART '\(format)' to \(number) gives no valid date")
        }
        return .dateTime(result)
    }

    /// LAST_DAY(date): the last day of the date's month, time of day kept ([BELIEVED]).
    public static func lastDay(_ date: Value) throws(RowError) -> Value {
        guard let date = try DateArguments.date(date, "LAST_DAY") else { return .null }
        var p = CivilCalendar.parts(date)
        p.day = CivilCalendar.daysInMonth(year: p.year, month: p.month)
        return CivilCalendar.value(p).map(Value.dateTime) ?? .null
    }

    /// MAKE_DATE_TIME(year, month, day [, hour, minute, second [, nanosecond]]): missing parts are
    /// 0; a part out of range or a day that does not exist is a row error.
    public static func makeDateTime(_ arguments: [Value]) throws(RowError) -> Value {
        let name = "MAKE_DATE_TIME"
        guard (3...7).contains(arguments.count) else {
            throw DateErrors.error(
                DateErrors.wrongArgumentType, "\(name) takes 3 to 7 arguments, got \(arguments.count)")
        }
        var numbers: [Int] = []
        for argument in arguments {
            guard let number = try DateArguments.integer(argument, name) else { return .null }
            guard abs(number) < 1_000_000_000_000 else { throw makeError(arguments) }
            numbers.append(Int(number))
        }
        numbers += Array(repeating: 0, count: 7 - numbers.count)
        let parts = CivilDateTime(
            year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3],
            minute: numbers[4], second: numbers[5], nanosecond: numbers[6])
        guard let value = CivilCalendar.value(parts) else { throw makeError(arguments) }
        return .dateTime(value)
    }

    private static func makeError(_ arguments: [Value]) -> RowError {
        DateErrors.error(DateErrors.partValueOutOfRange, "MAKE_DATE_TIME\(arguments) names no valid date")
    }

    /// SYSTIMESTAMP([precision]): `settings.now` truncated to `precision` fractional digits
    /// (CHOICE: default 9, i.e. unchanged; the reference gives no default).
    public static func sysTimestamp(_ precision: Value = .integer(9), settings: EvaluationSettings) throws(RowError)
        -> Value
    {
        guard let digits = try DateArguments.integer(precision, "SYSTIMESTAMP") else { return .null }
        guard (0...9).contains(digits) else {
            throw DateErrors.error(DateErrors.invalidPrecision, "SYSTIMESTAMP precision \(digits) is outside 0 ... 9")
        }
        var step: Int64 = 1
        for _ in digits..<9 { step *= 10 }
        var now = settings.now
        now.nanosecond -= now.nanosecond % step
        return .dateTime(now)
    }
}
