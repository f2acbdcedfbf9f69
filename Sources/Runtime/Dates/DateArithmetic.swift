import IR

/// Calendar arithmetic on ``DateTimeValue`` behind the date functions.
enum DateArithmetic {
    /// `amount` units after `date` (before it when negative); months and years clamp the day to
    /// the target month's length (Jan 31 + 1 month = Feb 28/29, cases 26–27).
    static func add(_ amount: Int64, _ unit: DateUnit, to date: DateTimeValue, function: String) throws(RowError)
        -> DateTimeValue
    {
        if let length = unit.nanoseconds {
            guard let result = offset(date, by: amount, unitLength: length) else {
                throw DateArguments.outOfRange(function)
            }
            return result
        }
        // Beyond ±1,000,000 months (83,333 years) every result is out of range; the guard keeps the
        // multiplication by 12 from overflowing.
        guard abs(amount) < 1_000_000, let result = addMonths(Int(amount) * (unit == .year ? 12 : 1), to: date)
        else { throw DateArguments.outOfRange(function) }
        return result
    }

    /// `months` calendar months after `date`, clamping the day; nil outside the supported years.
    static func addMonths(_ months: Int, to date: DateTimeValue) -> DateTimeValue? {
        var p = CivilCalendar.parts(date)
        let total = p.year * 12 + (p.month - 1) + months
        let year = total >= 0 ? total / 12 : (total - 11) / 12
        guard (1...9999).contains(year) else { return nil }
        p.year = year
        p.month = total - year * 12 + 1
        p.day = min(p.day, CivilCalendar.daysInMonth(year: p.year, month: p.month))
        return CivilCalendar.value(p)
    }

    /// `date` moved by `amount` units of `unitLength` nanoseconds (a divisor of a day), split into
    /// whole days and a rest so that no product overflows; nil outside 0001-01-01 ... 9999-12-31.
    static func offset(_ date: DateTimeValue, by amount: Int64, unitLength: Int64) -> DateTimeValue? {
        let unitsPerDay = CivilCalendar.nanosPerDay / unitLength
        let (day, overflow) = Int64(date.day).addingReportingOverflow(amount / unitsPerDay)
        guard !overflow else { return nil }
        return CivilCalendar.value(day: day, nanosecond: date.nanosecond + amount % unitsPerDay * unitLength)
    }

    /// `date` with one part replaced by `number`, or nil when the result is not a valid date.
    static func setting(_ unit: DateUnit, to number: Int64, in date: DateTimeValue) -> DateTimeValue? {
        guard abs(number) < 1_000_000_000_000 else { return nil }
        let n = Int(number)
        var p = CivilCalendar.parts(date)
        switch unit {
        case .year: p.year = n
        case .month: p.month = n
        case .day: p.day = n
        case .hour: p.hour = n
        case .minute: p.minute = n
        case .second: p.second = n
        case .millisecond:
            guard (0...999).contains(n) else { return nil }
            p.nanosecond = n * 1_000_000
        case .microsecond:
            guard (0...999_999).contains(n) else { return nil }
            p.nanosecond = n * 1000
        case .nanosecond: p.nanosecond = n
        }
        return CivilCalendar.value(p)
    }

    /// The time from `second` to `first` in units of `unitLength` nanoseconds (negative when
    /// `first` is earlier): one rounding (exact nanoseconds divided once) when the span fits 64 bits
    /// of nanoseconds (about 292 years), else whole days and the rest converted separately.
    static func elapsed(_ first: DateTimeValue, _ second: DateTimeValue, unitLength: Int64) -> Double {
        let days = Int64(first.day) - Int64(second.day)
        let nanos = first.nanosecond - second.nanosecond
        let (dayNanos, overflow) = days.multipliedReportingOverflow(by: CivilCalendar.nanosPerDay)
        if !overflow, case let (total, false) = dayNanos.addingReportingOverflow(nanos) {
            return Double(total) / Double(unitLength)
        }
        return Double(days) * Double(CivilCalendar.nanosPerDay / unitLength) + Double(nanos) / Double(unitLength)
    }
}
