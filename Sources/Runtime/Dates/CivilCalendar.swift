/// A date/time split into its calendar fields (proleptic Gregorian, no time zone).
public struct CivilDateTime: Hashable, Sendable {
    /// The year, 1 ... 9999 for values PowerCenter can hold.
    public var year: Int
    /// The month, 1 ... 12.
    public var month: Int
    /// The day of the month, 1 ... 31.
    public var day: Int
    /// The hour, 0 ... 23.
    public var hour: Int
    /// The minute, 0 ... 59.
    public var minute: Int
    /// The second, 0 ... 59.
    public var second: Int
    /// The nanoseconds within the second, 0 ... 999_999_999.
    public var nanosecond: Int

    /// Creates the fields (no validation; ``CivilCalendar/value(_:)`` validates).
    public init(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
        nanosecond: Int = 0
    ) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
    }
}

/// Calendar arithmetic for ``DateTimeValue``: the proleptic Gregorian calendar from 0001-01-01 to
/// 9999-12-31 (reference §3.4.3).
public enum CivilCalendar {
    /// Nanoseconds in one second.
    public static let nanosPerSecond: Int64 = 1_000_000_000
    /// Nanoseconds in one day.
    public static let nanosPerDay: Int64 = 86_400 * nanosPerSecond
    /// The day number of 12/31/9999, the last day PowerCenter can hold (0001-01-01 is day 0).
    public static let maxDay: Int32 = 3_652_058
    /// The Julian Day Number of 0001-01-01 (so 12/31/1999 is 2451544, reference §4.3 `J`).
    public static let julianDayOfDayZero = 1_721_426
    /// Days from 0001-01-01 to 1970-01-01.
    static let daysBeforeUnixEpoch = 719_162

    /// Whether `year` has a February 29 (every 4th year, except centuries not divisible by 400).
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` (1 ... 12) of `year`.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 0001-01-01 of a calendar date (not validated; any year ≥ 1 works).
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil, shifted from 1970-01-01 to 0001-01-01.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468 + daysBeforeUnixEpoch
    }

    /// The calendar date of a day number (days since 0001-01-01).
    public static func date(dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber - daysBeforeUnixEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// The calendar fields of a value.
    public static func parts(_ value: DateTimeValue) -> CivilDateTime {
        let (year, month, day) = date(dayNumber: Int(value.day))
        let seconds = value.nanosecond / nanosPerSecond
        return CivilDateTime(
            year: year, month: month, day: day, hour: Int(seconds / 3600),
            minute: Int(seconds / 60 % 60), second: Int(seconds % 60),
            nanosecond: Int(value.nanosecond % nanosPerSecond))
    }

    /// The value of calendar fields, or nil when a field is out of range or the day does not exist
    /// (February 30) or the year is outside 1 ... 9999.
    public static func value(_ parts: CivilDateTime) -> DateTimeValue? {
        guard (1...9999).contains(parts.year), (1...12).contains(parts.month),
            (1...daysInMonth(year: parts.year, month: parts.month)).contains(parts.day),
            (0...23).contains(parts.hour), (0...59).contains(parts.minute), (0...59).contains(parts.second),
            (0..<Int(nanosPerSecond)).contains(parts.nanosecond)
        else { return nil }
        let seconds = Int64(parts.hour * 3600 + parts.minute * 60 + parts.second)
        return DateTimeValue(
            day: Int32(dayNumber(year: parts.year, month: parts.month, day: parts.day)),
            nanosecond: seconds * nanosPerSecond + Int64(parts.nanosecond))
    }

    /// The value `dayOffset` days and `nanosecond` ns after 0001-01-01 00:00, normalising the
    /// nanoseconds into whole days; nil outside 0001-01-01 ... 9999-12-31.
    public static func value(day: Int64, nanosecond: Int64) -> DateTimeValue? {
        var days = day + nanosecond / nanosPerDay
        var nanos = nanosecond % nanosPerDay
        if nanos < 0 {
            nanos += nanosPerDay
            days -= 1
        }
        guard days >= 0, days <= Int64(maxDay) else { return nil }
        return DateTimeValue(day: Int32(days), nanosecond: nanos)
    }

    /// The weekday, 1 = Sunday ... 7 = Saturday (TO_CHAR `D`). 0001-01-01 was a Monday.
    public static func weekday(_ value: DateTimeValue) -> Int {
        Int((value.day + 1) % 7) + 1
    }

    /// The day of the year, 1 ... 366 (TO_CHAR `DDD`).
    public static func dayOfYear(_ value: DateTimeValue) -> Int {
        let year = date(dayNumber: Int(value.day)).year
        return Int(value.day) - dayNumber(year: year, month: 1, day: 1) + 1
    }

    /// The week of the month, 1 ... 5: days 1–7 are week 1, 8–14 week 2, ... (TO_CHAR `W`; the
    /// Oracle definition, BELIEVED for PowerCenter).
    public static func weekOfMonth(_ value: DateTimeValue) -> Int {
        (date(dayNumber: Int(value.day)).day - 1) / 7 + 1
    }

    /// The week of the year, 1 ... 53: January 1–7 are week 1, ... (TO_CHAR `WW`; the Oracle
    /// definition, not ISO 8601; BELIEVED for PowerCenter).
    public static func weekOfYear(_ value: DateTimeValue) -> Int {
        (dayOfYear(value) - 1) / 7 + 1
    }

    /// The Julian Day Number (TO_CHAR `J`): 12/31/1999 → 2451544; the time is ignored.
    public static func julianDay(_ value: DateTimeValue) -> Int {
        Int(value.day) + julianDayOfDayZero
    }

    /// The midnight of Julian Day Number `julianDay`, or nil outside 0001-01-01 ... 9999-12-31.
    public static func value(julianDay: Int) -> DateTimeValue? {
        value(day: Int64(julianDay - julianDayOfDayZero), nanosecond: 0)
    }
}
