import IR

extension DateFunctions {
    /// ROUND(date [, format]): the date rounded to the unit (default day, [BELIEVED] §3.4.3).
    ///
    /// Only the next smaller part decides: year rounds up from July 1 (month ≥ 7); month from day
    /// 16; day from 12:00; hour from minute 30; minute from second 30; second from 0.5 s; `MS` from
    /// 500 µs; `US` from 500 ns; `NS` is unchanged. Rounding up past 12/31/9999 is a row error.
    public static func roundDate(_ date: Value, _ format: Value = .string("DD")) throws(RowError) -> Value {
        let name = "ROUND"
        guard let date = try DateArguments.date(date, name), let format = try DateArguments.text(format, name)
        else { return .null }
        let unit = try DateUnit.parse(format, function: name)
        let down = truncated(date, unit)
        guard roundsUp(date, unit) else { return .dateTime(down) }
        let up =
            unit.nanoseconds.map { DateArithmetic.offset(down, by: 1, unitLength: $0) }
            ?? DateArithmetic.addMonths(unit == .year ? 12 : 1, to: down)
        guard let up else { throw DateArguments.outOfRange(name) }
        return .dateTime(up)
    }

    /// TRUNC(date [, format]): the date with every part below the unit set to its lowest value
    /// (year → Jan 1 00:00, month → the 1st 00:00, day → 00:00:00, ...; default day).
    public static func truncDate(_ date: Value, _ format: Value = .string("DD")) throws(RowError) -> Value {
        let name = "TRUNC"
        guard let date = try DateArguments.date(date, name), let format = try DateArguments.text(format, name)
        else { return .null }
        return .dateTime(truncated(date, try DateUnit.parse(format, function: name)))
    }

    /// `date` with the parts below `unit` at their lowest value.
    static func truncated(_ date: DateTimeValue, _ unit: DateUnit) -> DateTimeValue {
        if let length = unit.nanoseconds {
            return DateTimeValue(day: date.day, nanosecond: date.nanosecond - date.nanosecond % length)
        }
        var p = CivilCalendar.parts(date)
        p = CivilDateTime(year: p.year, month: unit == .year ? 1 : p.month, day: 1)
        return CivilCalendar.value(p) ?? date
    }

    private static func roundsUp(_ date: DateTimeValue, _ unit: DateUnit) -> Bool {
        let p = CivilCalendar.parts(date)
        switch unit {
        case .year: return p.month >= 7
        case .month: return p.day >= 16
        case .day: return p.hour >= 12
        case .hour: return p.minute >= 30
        case .minute: return p.second >= 30
        case .second: return p.nanosecond >= 500_000_000
        case .millisecond: return p.nanosecond % 1_000_000 >= 500_000
        case .microsecond: return p.nanosecond % 1000 >= 500
        case .nanosecond: return false
        }
    }
}
