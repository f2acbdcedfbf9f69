import Testing

@testable import Runtime

@Suite("Date calendar")
struct DateCalendarTests {
    @Test("day numbers of known dates (0001-01-01 is day 0)")
    func dayNumbers() {
        #expect(CivilCalendar.dayNumber(year: 1, month: 1, day: 1) == 0)
        #expect(CivilCalendar.dayNumber(year: 1970, month: 1, day: 1) == 719_162)
        #expect(CivilCalendar.dayNumber(year: 2000, month: 1, day: 1) == 730_119)
        #expect(CivilCalendar.dayNumber(year: 9999, month: 12, day: 31) == Int(CivilCalendar.maxDay))
        #expect(CivilCalendar.date(dayNumber: 730_119) == (2000, 1, 1))
        #expect(CivilCalendar.date(dayNumber: 0) == (1, 1, 1))
        #expect(CivilCalendar.date(dayNumber: 3_652_058) == (9999, 12, 31))
        #expect(CivilCalendar.date(dayNumber: 730_119 + 59) == (2000, 2, 29))
    }

    @Test("leap years: 2000 yes, 1900 no, 2024 yes, 2023 no")
    func leapYears() {
        #expect(CivilCalendar.isLeapYear(2000))
        #expect(!CivilCalendar.isLeapYear(1900))
        #expect(CivilCalendar.isLeapYear(2024))
        #expect(!CivilCalendar.isLeapYear(2023))
        #expect(CivilCalendar.daysInMonth(year: 2000, month: 2) == 29)
        #expect(CivilCalendar.daysInMonth(year: 1900, month: 2) == 28)
        #expect(CivilCalendar.value(CivilDateTime(year: 1900, month: 2, day: 29)) == nil)
        #expect(CivilCalendar.value(CivilDateTime(year: 0, month: 12, day: 31)) == nil)
        #expect(CivilCalendar.value(CivilDateTime(year: 10000, month: 1, day: 1)) == nil)
    }

    @Test("weekday (Sunday = 1), day of year, weeks, Julian day")
    func derivedFields() {
        #expect(CivilCalendar.weekday(day(1999, 12, 31)) == 6)  // Friday
        #expect(CivilCalendar.weekday(day(2000, 1, 1)) == 7)  // Saturday
        #expect(CivilCalendar.weekday(day(1, 1, 1)) == 2)  // Monday
        #expect(CivilCalendar.weekday(day(2024, 3, 10)) == 1)  // Sunday
        #expect(CivilCalendar.dayOfYear(day(2000, 12, 31)) == 366)
        #expect(CivilCalendar.dayOfYear(day(1900, 12, 31)) == 365)
        #expect(CivilCalendar.dayOfYear(day(2024, 3, 1)) == 61)
        #expect(CivilCalendar.weekOfMonth(day(2024, 3, 7)) == 1)
        #expect(CivilCalendar.weekOfMonth(day(2024, 3, 8)) == 2)
        #expect(CivilCalendar.weekOfYear(day(2024, 1, 7)) == 1)
        #expect(CivilCalendar.weekOfYear(day(2024, 1, 8)) == 2)
        #expect(CivilCalendar.julianDay(day(1999, 12, 31, 23, 59, 59)) == 2_451_544)
        #expect(CivilCalendar.julianDay(day(1, 1, 1)) == 1_721_426)
        #expect(CivilCalendar.julianDay(day(9999, 12, 31)) == 5_373_484)
    }
}

@Suite("Date formats: TO_CHAR")
struct DateFormatOutputTests {
    @Test("case 29: TO_CHAR(TO_DATE('12/31/1999 23:59:59'), 'J') = '2451544'")
    func case29() throws {
        let date = try DateFormat.parse("12/31/1999 23:59:59", "MM/DD/YYYY HH24:MI:SS", settings: dateSettings())
        #expect(DateFormat.format(date, "J") == "2451544")
    }

    @Test("case 30: SSSSS is seconds since midnight, five digits")
    func case30() throws {
        let date = try DateFormat.parse("12/31/1999 01:02:03", "MM/DD/YYYY HH24:MI:SS", settings: dateSettings())
        #expect(DateFormat.format(date, "MM/DD/YYYY SSSSS") == "12/31/1999 03723")
    }

    @Test(
        "every token on Tuesday 2024-03-05 14:07:09.123456789",
        arguments: [
            ("AM", "PM"), ("am", "pm"), ("PM", "PM"), ("A.M.", "P.M."), ("p.m.", "p.m."),
            ("D", "3"), ("DAY", "TUESDAY"), ("Day", "Tuesday"), ("day", "tuesday"), ("DY", "TUE"), ("Dy", "Tue"),
            ("DD", "05"), ("DDD", "065"), ("HH", "02"), ("HH12", "02"), ("HH24", "14"), ("J", "2460375"),
            ("MI", "07"), ("MM", "03"), ("MONTH", "MARCH"), ("Month", "March"), ("month", "march"),
            ("MON", "MAR"), ("Mon", "Mar"), ("mon", "mar"), ("MS", "123"), ("US", "123456"), ("NS", "123456789"),
            ("Q", "1"), ("RR", "24"), ("SS", "09"), ("SSSSS", "50829"), ("W", "1"), ("WW", "10"),
            ("Y", "4"), ("YY", "24"), ("YYY", "024"), ("YYYY", "2024"), ("yyyy-mm-dd", "2024-03-05"),
        ])
    func token(pattern: String, expected: String) {
        #expect(DateFormat.format(referenceInstant, pattern) == expected)
    }

    @Test("literals: punctuation, blanks and quoted text are copied")
    func literals() {
        #expect(DateFormat.format(referenceInstant, "YYYY-MM-DD;HH24:MI,SS.") == "2024-03-05;14:07,09.")
        #expect(DateFormat.format(referenceInstant, "YYYY\"year\"MM") == "2024year03")
        #expect(DateFormat.format(referenceInstant, "\"DD MM\" DD") == "DD MM 05")
    }

    @Test("12-hour clock and meridian at midnight, morning and noon")
    func twelveHourClock() {
        #expect(DateFormat.format(day(2024, 1, 1, 0, 30), "HH12:MI AM") == "12:30 AM")
        #expect(DateFormat.format(day(2024, 1, 1, 9, 5), "HH:MI PM") == "09:05 AM")
        #expect(DateFormat.format(day(2024, 1, 1, 12, 0), "HH12 AM") == "12 PM")
    }

    @Test("boundaries: year 0001 and 9999")
    func boundaries() {
        #expect(DateFormat.format(day(1, 1, 1), "YYYY YYY YY Y J D") == "0001 001 01 1 1721426 2")
        #expect(
            DateFormat.format(day(9999, 12, 31, 23, 59, 59, 999_999_999), "MM/DD/YYYY HH24:MI:SS.NS")
                == "12/31/9999 23:59:59.999999999")
    }

    @Test("TO_CHAR without a format uses the session format MM/DD/YYYY HH24:MI:SS.US (G16)")
    func sessionFormat() throws {
        let text = try DateFunctions.toChar(.dateTime(referenceInstant), settings: dateSettings())
        #expect(text == .string("03/05/2024 14:07:09.123456"))
        #expect(try DateFunctions.toChar(.null, settings: dateSettings()) == .null)
        #expect(try DateFunctions.toChar(.dateTime(referenceInstant), .null, settings: dateSettings()) == .null)
        #expect(
            DateFunctions.implicitString(.dateTime(day(1999, 12, 31)), settings: dateSettings())
                == .string("12/31/1999 00:00:00.000000"))
    }
}
