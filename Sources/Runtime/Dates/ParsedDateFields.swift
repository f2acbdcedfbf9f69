/// The fields TO_DATE read, before they become a date.
///
/// Defaults for missing parts: month 1, day 1, time 00:00:00 ([BELIEVED] §3.4.2); CHOICE (the
/// reference is silent): a missing year is the settings' current year, as in Oracle.
struct ParsedDateFields {
    var year: Int?
    /// Years read with `Y`, `YY`, `YYY`, `RR`: completed from the current year in ``resolve``.
    var partialYear: (digits: Int, value: Int, isRR: Bool)?
    var month: Int?
    var day: Int?
    var dayOfYear: Int?
    var hour: Int?
    var isAfternoon: Bool?
    var minute: Int?
    var second: Int?
    var secondsOfDay: Int?
    var fraction: Int?
    var julianDay: Int?

    mutating func store(_ number: Int, digitCount: Int, for field: DatePattern.Field) {
        switch field {
        case .year4: year = number
        case .year1: partialYear = (1, number, false)
        case .year2: partialYear = (2, number, false)
        case .year3: partialYear = (3, number, false)
        case .roundedYear: partialYear = (2, number, true)
        case .month: month = number
        case .dayOfMonth: day = number
        case .dayOfYear: dayOfYear = number
        case .hour12, .hour24: hour = number
        case .minute: minute = number
        case .second: second = number
        case .secondsOfDay: secondsOfDay = number
        case .julianDay: julianDay = number
        default: break  // D, W, WW, Q: read and range-checked only.
        }
    }

    /// The date the fields name, or a row error when they name none.
    func resolve(currentYear: Int, rrWindow: Bool = true, text: String, pattern: String) throws(RowError)
        -> DateTimeValue
    {
        let (dayNumber, calendarYear) = try resolveDay(currentYear: currentYear, rrWindow: rrWindow, text: text)
        let nanos = try resolveTime(text: text)
        guard dayNumber >= 0, dayNumber <= Int(CivilCalendar.maxDay), (1...9999).contains(calendarYear) else {
            throw DateErrors.error(DateErrors.dateOutOfRange, "'\(text)' is outside 01/01/0001 ... 12/31/9999")
        }
        return DateTimeValue(day: Int32(dayNumber), nanosecond: nanos)
    }

    private func resolveDay(currentYear: Int, rrWindow: Bool, text: String) throws(RowError) -> (Int, Int) {
        if let julianDay {
            let dayNumber = julianDay - CivilCalendar.julianDayOfDayZero
            return (dayNumber, dayNumber >= 0 ? CivilCalendar.date(dayNumber: dayNumber).year : 0)
        }
        let year = fullYear(currentYear: currentYear, rrWindow: rrWindow)
        guard (1...9999).contains(year) else {
            throw DateErrors.error(DateErrors.fieldOutOfRange, "year \(year) in '\(text)' is outside 1 ... 9999")
        }
        if let dayOfYear, month == nil, day == nil {
            guard dayOfYear <= (CivilCalendar.isLeapYear(year) ? 366 : 365) else {
                throw DateErrors.error(DateErrors.nonexistentDate, "day \(dayOfYear) of year \(year) does not exist")
            }
            return (CivilCalendar.dayNumber(year: year, month: 1, day: 1) + dayOfYear - 1, year)
        }
        let month = month ?? 1, day = day ?? 1
        guard day <= CivilCalendar.daysInMonth(year: year, month: month) else {
            throw DateErrors.error(
                DateErrors.nonexistentDate,
                "'\(text)' names day \(day) of month \(month) of \(year), which does not exist")
        }
        return (CivilCalendar.dayNumber(year: year, month: month, day: day), year)
    }

    /// The year, completing `Y`/`YY`/`YYY` from the current year's leading digits and `RR` by the
    /// Oracle window: with the current year's last two digits in 00–49, 00–49 → this century and
    /// 50–99 → the previous one; with them in 50–99, 00–49 → the next century and 50–99 → this one
    /// ([BELIEVED] §4.3, §7 item 12). With `rrWindow` false (switch
    /// ``EvaluationSettings/rrUsesCenturyWindow``) `RR` reads like `YY`: the current century.
    func fullYear(currentYear: Int, rrWindow: Bool = true) -> Int {
        if let year { return year }
        guard let partial = partialYear else { return currentYear }
        if !partial.isRR || !rrWindow {
            var scale = 1
            for _ in 0..<partial.digits { scale *= 10 }
            return currentYear - currentYear % scale + partial.value
        }
        let century = currentYear - currentYear % 100
        let currentTwoDigits = currentYear % 100
        switch (currentTwoDigits < 50, partial.value < 50) {
        case (true, true), (false, false): return century + partial.value
        case (true, false): return century - 100 + partial.value
        case (false, true): return century + 100 + partial.value
        }
    }

    private func resolveTime(text: String) throws(RowError) -> Int64 {
        var seconds: Int
        if let secondsOfDay {
            seconds = secondsOfDay
        } else {
            var hour = hour ?? 0
            if let isAfternoon {
                guard (1...12).contains(hour) else {
                    throw DateErrors.error(DateErrors.fieldOutOfRange, "hour \(hour) in '\(text)' is outside 1 ... 12")
                }
                hour = hour % 12 + (isAfternoon ? 12 : 0)
            }
            seconds = hour * 3600 + (minute ?? 0) * 60 + (second ?? 0)
        }
        return Int64(seconds) * CivilCalendar.nanosPerSecond + Int64(fraction ?? 0)
    }
}
