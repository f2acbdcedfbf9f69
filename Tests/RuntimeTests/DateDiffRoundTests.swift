import IR
import Testing

@testable import Runtime

@Suite("Date functions: DATE_DIFF")
struct DateDiffTests {
    func diff(_ a: Value, _ b: Value, _ unit: String, _ rule: DateDiffMonthRule = .dayOfMonthDifference) throws
        -> Double?
    {
        doubleOf(try DateFunctions.dateDiff(a, b, .string(unit), monthRule: rule))
    }

    /// Jun 3 1997 13:13:46 − Aug 23 1996 16:20:16 = 283 days 20:53:30 = 24,526,410 s (counted by
    /// months: 31+30+31+30+31+31+28+31+30 days to May 23, 11 more to Jun 3, minus 3:06:30).
    let later = dateValue(1997, 6, 3, 13, 13, 46), earlier = dateValue(1996, 8, 23, 16, 20, 16)

    /// The span in seconds and the expected value per unit.
    static let spanSeconds = 24_526_410.0
    static let fixedUnitCases: [(String, Double)] = [
        ("DD", spanSeconds / 86_400), ("D", spanSeconds / 86_400), ("HH", 6812 + 53.5 / 60),
        ("HH24", 6812 + 53.5 / 60), ("MI", 408_773.5), ("SS", spanSeconds), ("MS", spanSeconds * 1e3),
        ("US", spanSeconds * 1e6), ("NS", spanSeconds * 1e9),
    ]

    @Test("days and smaller units are exact elapsed time", arguments: fixedUnitCases)
    func fixedUnits(unit: String, expected: Double) throws {
        #expect(close(try diff(later, earlier, unit), expected))
        #expect(close(try diff(earlier, later, unit), -expected))
    }

    @Test("a leap day counts: Mar 1 − Feb 28 12:00 is 1.5 days in 2000, 0.5 in 1900")
    func leapDays() throws {
        #expect(close(try diff(dateValue(2000, 3, 1), dateValue(2000, 2, 28, 12), "DD"), 1.5))
        #expect(close(try diff(dateValue(1900, 3, 1), dateValue(1900, 2, 28, 12), "DD"), 0.5))
        #expect(close(try diff(dateValue(2004, 2, 19, 12), dateValue(2005, 2, 19, 12), "HH"), -8784))
        #expect(close(try diff(dateValue(9999, 12, 31), dateValue(1, 1, 1), "DD"), 3_652_058))
        #expect(close(try diff(dateValue(9999, 12, 31), dateValue(1, 1, 1), "NS"), 3_652_058 * 86_400e9))
    }

    @Test("months: whole months plus (day and time difference) / length of d1's month")
    func months() throws {
        #expect(close(try diff(dateValue(1997, 1, 1), dateValue(1997, 3, 29, 12), "MM"), -2 - 28.5 / 31))
        #expect(close(try diff(dateValue(1997, 3, 29, 12), dateValue(1997, 1, 1), "MON"), 2 + 28.5 / 31))
        #expect(close(try diff(later, earlier, "MONTH"), 10 - (20 + 11_190.0 / 86_400) / 30))
        #expect(close(try diff(dateValue(2004, 2, 19, 12), dateValue(2005, 2, 19, 12), "MM"), -12))
        #expect(close(try diff(dateValue(2000, 1, 1), dateValue(2000, 1, 1), "MM"), 0))
    }

    @Test("years are months / 12")
    func years() throws {
        #expect(close(try diff(dateValue(1997, 1, 1), dateValue(1997, 3, 29, 12), "YYYY"), (-2 - 28.5 / 31) / 12))
        #expect(close(try diff(later, earlier, "YY"), (10 - (20 + 11_190.0 / 86_400) / 30) / 12))
        #expect(close(try diff(dateValue(2004, 2, 19, 12), dateValue(2005, 2, 19, 12), "Y"), -1))
    }

    @Test("case 28: Sep 13 → Feb 19 depends on February's length")
    func case28() throws {
        let leap = try diff(dateValue(2004, 2, 19), dateValue(2003, 9, 13), "MM")
        let common = try diff(dateValue(2005, 2, 19), dateValue(2004, 9, 13), "MM")
        #expect(close(leap, 5 + 6.0 / 29))
        #expect(close(common, 5 + 6.0 / 28))
        let perMonth = DateDiffMonthRule.elapsedPerCalendarMonth
        #expect(
            close(try diff(dateValue(2004, 2, 19), dateValue(2003, 9, 13), "MM", perMonth), 18.0 / 30 + 4 + 18.0 / 29))
        #expect(
            close(try diff(dateValue(2005, 2, 19), dateValue(2004, 9, 13), "MM", perMonth), 18.0 / 30 + 4 + 18.0 / 28))
        #expect(
            close(
                try diff(dateValue(2003, 9, 13), dateValue(2004, 2, 19), "MM", perMonth), -(18.0 / 30 + 4 + 18.0 / 29)))
        #expect(close(try diff(dateValue(2000, 2, 15, 12), dateValue(2000, 2, 1), "MM", perMonth), 14.5 / 29))
    }

    @Test("NULL and bad units")
    func edges() {
        #expect((try? DateFunctions.dateDiff(.null, dateValue(2000, 1, 1), .string("DD"))) == .null)
        #expect((try? DateFunctions.dateDiff(dateValue(2000, 1, 1), dateValue(2000, 1, 1), .null)) == .null)
        #expect(
            rowErrorCode { () throws(RowError) -> Any in
                try DateFunctions.dateDiff(dateValue(2000, 1, 1), dateValue(2000, 1, 1), .string("Q"))
            } == DateErrors.invalidDateUnit)
    }
}

@Suite("Date functions: ROUND and TRUNC")
struct DateRoundTruncTests {
    @Test(
        "ROUND: each unit just below and at the half",
        arguments: [
            (dateValue(2000, 6, 30, 23, 59, 59), "YYYY", dateValue(2000, 1, 1)),
            (dateValue(2000, 7, 1), "YY", dateValue(2001, 1, 1)),
            (dateValue(2000, 2, 15, 23, 59), "MM", dateValue(2000, 2, 1)),
            (dateValue(2000, 2, 16), "MON", dateValue(2000, 3, 1)),
            (dateValue(2000, 12, 16), "MONTH", dateValue(2001, 1, 1)),
            (dateValue(2000, 2, 28, 11, 59, 59, 999_999_999), "DD", dateValue(2000, 2, 28)),
            (dateValue(2000, 2, 28, 12), "DD", dateValue(2000, 2, 29)),
            (dateValue(1900, 2, 28, 12), "DAY", dateValue(1900, 3, 1)),
            (dateValue(2000, 1, 1, 10, 29, 59), "HH", dateValue(2000, 1, 1, 10)),
            (dateValue(1999, 12, 31, 23, 30), "HH24", dateValue(2000, 1, 1)),
            (dateValue(2000, 1, 1, 10, 15, 29, 999_999_999), "MI", dateValue(2000, 1, 1, 10, 15)),
            (dateValue(2000, 1, 1, 10, 15, 30), "MI", dateValue(2000, 1, 1, 10, 16)),
            (dateValue(2000, 1, 1, 0, 0, 1, 499_999_999), "SS", dateValue(2000, 1, 1, 0, 0, 1)),
            (dateValue(2000, 1, 1, 0, 0, 59, 500_000_000), "SS", dateValue(2000, 1, 1, 0, 1, 0)),
            (dateValue(2000, 1, 1, 0, 0, 0, 1_499_999), "MS", dateValue(2000, 1, 1, 0, 0, 0, 1_000_000)),
            (dateValue(2000, 1, 1, 0, 0, 0, 1_500_000), "MS", dateValue(2000, 1, 1, 0, 0, 0, 2_000_000)),
            (dateValue(2000, 1, 1, 0, 0, 0, 1_499), "US", dateValue(2000, 1, 1, 0, 0, 0, 1000)),
            (dateValue(2000, 1, 1, 0, 0, 0, 1_500), "US", dateValue(2000, 1, 1, 0, 0, 0, 2000)),
            (dateValue(2000, 1, 1, 0, 0, 0, 1_501), "NS", dateValue(2000, 1, 1, 0, 0, 0, 1_501)),
        ])
    func round(date: Value, unit: String, expected: Value) throws {
        #expect(try DateFunctions.roundDate(date, .string(unit)) == expected)
    }

    @Test("ROUND defaults to the day and fails past 12/31/9999")
    func roundEdges() throws {
        #expect(try DateFunctions.roundDate(dateValue(2000, 1, 1, 12)) == dateValue(2000, 1, 2))
        #expect(try DateFunctions.roundDate(.null) == .null)
        #expect(
            rowErrorCode { () throws(RowError) -> Any in try DateFunctions.roundDate(dateValue(9999, 12, 31, 13)) }
                == DateErrors.dateOutOfRange)
        #expect(
            rowErrorCode { () throws(RowError) -> Any in
                try DateFunctions.roundDate(dateValue(9999, 7, 1), .string("YYYY"))
            } == DateErrors.dateOutOfRange)
    }

    @Test(
        "TRUNC: each unit on 2024-03-05 14:07:09.123456789",
        arguments: [
            ("YYYY", dateValue(2024, 1, 1)), ("Y", dateValue(2024, 1, 1)), ("MM", dateValue(2024, 3, 1)),
            ("MON", dateValue(2024, 3, 1)), ("DD", dateValue(2024, 3, 5)), ("DY", dateValue(2024, 3, 5)),
            ("HH", dateValue(2024, 3, 5, 14)), ("MI", dateValue(2024, 3, 5, 14, 7)),
            ("SS", dateValue(2024, 3, 5, 14, 7, 9)),
            ("MS", dateValue(2024, 3, 5, 14, 7, 9, 123_000_000)), ("US", dateValue(2024, 3, 5, 14, 7, 9, 123_456_000)),
            ("NS", dateValue(2024, 3, 5, 14, 7, 9, 123_456_789)),
        ])
    func trunc(unit: String, expected: Value) throws {
        #expect(try DateFunctions.truncDate(.dateTime(referenceInstant), .string(unit)) == expected)
    }

    @Test("TRUNC defaults to the day; boundaries stay in range")
    func truncEdges() throws {
        #expect(try DateFunctions.truncDate(.dateTime(referenceInstant)) == dateValue(2024, 3, 5))
        #expect(try DateFunctions.truncDate(dateValue(1, 1, 1, 23)) == dateValue(1, 1, 1))
        #expect(try DateFunctions.truncDate(dateValue(9999, 12, 31, 23), .string("YYYY")) == dateValue(9999, 1, 1))
        #expect(
            rowErrorCode { () throws(RowError) -> Any in
                try DateFunctions.truncDate(dateValue(2000, 1, 1), .string("WW"))
            } == DateErrors.invalidDateUnit)
    }
}
