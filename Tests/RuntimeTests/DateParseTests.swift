import Testing

@testable import Runtime

@Suite("Date formats: TO_DATE and IS_DATE")
struct DateParseTests {
    func parse(_ text: String, _ pattern: String, year: Int = 2024) throws(RowError) -> DateTimeValue {
        try DateFormat.parse(text, pattern, settings: dateSettings(currentYear: year))
    }

    func code(_ text: String, _ pattern: String) -> String? {
        rowErrorCode { () throws(RowError) -> Any in try parse(text, pattern) }
    }

    @Test("case 31: TO_DATE('2020120', 'YYYYMMDD') is a row error, not NULL")
    func case31() {
        #expect(code("2020120", "YYYYMMDD") == DateErrors.fieldOutOfRange)
        #expect(throws: RowError.self) {
            try DateFunctions.toDate(.string("2020120"), .string("YYYYMMDD"), settings: dateSettings())
        }
    }

    @Test("case 32: TO_DATE('2451544', 'J') = 12/31/1999 00:00:00")
    func case32() throws {
        #expect(try parse("2451544", "J") == day(1999, 12, 31))
        #expect(try parse("5373484", "J") == day(9999, 12, 31))
        #expect(code("1721425", "J") == DateErrors.dateOutOfRange)
        #expect(code("5373485", "J") == DateErrors.dateOutOfRange)
    }

    @Test("the session format reads fractions as microseconds")
    func sessionFormat() throws {
        let value = try DateFunctions.toDate(.string("03/05/2024 14:07:09.123456"), settings: dateSettings())
        #expect(value == .dateTime(day(2024, 3, 5, 14, 7, 9, 123_456_000)))
        #expect(
            try DateFunctions.implicitDate(.string("12/31/1999 01:02:03.000001"), settings: dateSettings())
                == dateValue(1999, 12, 31, 1, 2, 3, 1000))
        #expect(try DateFunctions.toDate(.null, settings: dateSettings()) == .null)
        #expect(
            rowErrorCode { () throws(RowError) -> Any in
                try DateFunctions.implicitDate(.string("12/31/1999"), settings: dateSettings())
            } == DateErrors.textDoesNotMatchFormat)
    }

    @Test("names are case-insensitive; AM/PM with HH12")
    func names() throws {
        #expect(try parse("mar 5 2024 02:07:09pm", "MON DD YYYY HH12:MI:SSAM") == day(2024, 3, 5, 14, 7, 9))
        #expect(try parse("MARCH 05 2024", "MONTH DD YYYY") == day(2024, 3, 5))
        #expect(try parse("september 1 2024", "Month DD YYYY") == day(2024, 9, 1))
        #expect(try parse("Tue 2024-03-05", "DY YYYY-MM-DD") == day(2024, 3, 5))
        #expect(try parse("TUESDAY, 03/05/2024", "DAY, MM/DD/YYYY") == day(2024, 3, 5))
        #expect(try parse("12:30 AM", "HH12:MI AM", year: 2024) == day(2024, 1, 1, 0, 30))
        #expect(try parse("12:30 P.M.", "HH12:MI PM", year: 2024) == day(2024, 1, 1, 12, 30))
        #expect(code("13:00 PM", "HH12:MI PM") == DateErrors.fieldOutOfRange)
        #expect(code("Mxr 5 2024", "MON DD YYYY") == DateErrors.textDoesNotMatchFormat)
    }

    @Test("numeric tokens, fractions, SSSSS, DDD")
    func numbers() throws {
        #expect(try parse("2024 065", "YYYY DDD") == day(2024, 3, 5))
        #expect(code("2023 366", "YYYY DDD") == DateErrors.nonexistentDate)
        #expect(try parse("3 03/05/2024", "D MM/DD/YYYY") == day(2024, 3, 5))
        #expect(code("8 03/05/2024", "D MM/DD/YYYY") == DateErrors.fieldOutOfRange)
        #expect(try parse("12/31/1999 03723", "MM/DD/YYYY SSSSS") == day(1999, 12, 31, 1, 2, 3))
        #expect(code("12/31/1999 86400", "MM/DD/YYYY SSSSS") == DateErrors.fieldOutOfRange)
        #expect(try parse("2000 09.5", "YYYY SS.MS") == day(2000, 1, 1, 0, 0, 9, 500_000_000))
        #expect(try parse("2000 09.123", "YYYY SS.MS") == day(2000, 1, 1, 0, 0, 9, 123_000_000))
        #expect(try parse("2000 09.000001", "YYYY SS.US") == day(2000, 1, 1, 0, 0, 9, 1000))
        #expect(try parse("2000 09.000000001", "YYYY SS.NS") == day(2000, 1, 1, 0, 0, 9, 1))
        #expect(try parse("2000 23:59", "YYYY HH24:MI") == day(2000, 1, 1, 23, 59))
        #expect(code("2000 24:00", "YYYY HH24:MI") == DateErrors.fieldOutOfRange)
        #expect(code("2000 10:60", "YYYY HH24:MI") == DateErrors.fieldOutOfRange)
        #expect(try parse("2 2024 W1 WW09", "Q YYYY \"W\"W \"WW\"WW") == day(2024, 1, 1))
    }

    @Test("RR window, YY/Y/YYY in the current century, decade, millennium")
    func twoDigitYears() throws {
        #expect(try parse("01/01/49", "MM/DD/RR", year: 2024) == day(2049, 1, 1))
        #expect(try parse("01/01/50", "MM/DD/RR", year: 2024) == day(1950, 1, 1))
        #expect(try parse("01/01/99", "MM/DD/RR", year: 2024) == day(1999, 1, 1))
        #expect(try parse("01/01/00", "MM/DD/RR", year: 2024) == day(2000, 1, 1))
        #expect(try parse("01/01/10", "MM/DD/RR", year: 2075) == day(2110, 1, 1))
        #expect(try parse("01/01/60", "MM/DD/RR", year: 2075) == day(2060, 1, 1))
        #expect(try parse("01/01/99", "MM/DD/YY", year: 2024) == day(2099, 1, 1))
        #expect(try parse("7", "Y", year: 2024) == day(2027, 1, 1))
        #expect(try parse("987", "YYY", year: 2024) == day(2987, 1, 1))
    }

    @Test("missing parts default to month 1, day 1, 00:00:00 and the current year")
    func defaults() throws {
        #expect(try parse("1999", "YYYY") == day(1999, 1, 1))
        #expect(try parse("02/2000", "MM/YYYY") == day(2000, 2, 1))
        #expect(try parse("10:30", "HH24:MI", year: 2024) == day(2024, 1, 1, 10, 30))
    }

    @Test("DD and the other numbers accept one digit")
    func oneDigit() throws {
        #expect(try parse("1/5/2020", "MM/DD/YYYY") == day(2020, 1, 5))
        #expect(try parse("12/31/1999 1:2:3", "MM/DD/YYYY HH24:MI:SS") == day(1999, 12, 31, 1, 2, 3))
    }

    @Test("literals must match; the lenient option lets punctuation match punctuation")
    func literals() throws {
        #expect(code("12-31-1999", "MM/DD/YYYY") == DateErrors.textDoesNotMatchFormat)
        let lenient = DateFormat.ParseOptions(separatorsMustMatch: false)
        #expect(
            try DateFormat.parse("12-31-1999", "MM/DD/YYYY", settings: dateSettings(), options: lenient)
                == day(1999, 12, 31))
        #expect(try parse("2024year03", "YYYY\"year\"MM") == day(2024, 3, 1))
        #expect(code("2024yeah03", "YYYY\"year\"MM") == DateErrors.textDoesNotMatchFormat)
    }

    @Test(
        "malformed text is a row error with its code",
        arguments: [
            ("12/31/1999 10:00", "MM/DD/YYYY", DateErrors.textDoesNotMatchFormat),  // text left over
            ("12/31", "MM/DD/YYYY", DateErrors.textDoesNotMatchFormat),  // text too short
            ("AB/01/2000", "MM/DD/YYYY", DateErrors.textDoesNotMatchFormat),
            ("", "MM/DD/YYYY", DateErrors.textDoesNotMatchFormat),
            (" 12/31/1999", "MM/DD/YYYY", DateErrors.textDoesNotMatchFormat),
            ("13/01/2000", "MM/DD/YYYY", DateErrors.fieldOutOfRange),
            ("01/32/2000", "MM/DD/YYYY", DateErrors.fieldOutOfRange),
            ("01/01/0000", "MM/DD/YYYY", DateErrors.fieldOutOfRange),
            ("02/30/2000", "MM/DD/YYYY", DateErrors.nonexistentDate),
            ("02/29/1900", "MM/DD/YYYY", DateErrors.nonexistentDate),
            ("04/31/2024", "MM/DD/YYYY", DateErrors.nonexistentDate),
        ])
    func malformed(text: String, pattern: String, expected: String) {
        #expect(code(text, pattern) == expected)
    }

    @Test("leap days and the range boundaries read")
    func boundaries() throws {
        #expect(try parse("02/29/2000", "MM/DD/YYYY") == day(2000, 2, 29))
        #expect(try parse("02/29/2024", "MM/DD/YYYY") == day(2024, 2, 29))
        #expect(try parse("01/01/0001", "MM/DD/YYYY") == DateTimeValue(day: 0, nanosecond: 0))
        #expect(
            try parse("12/31/9999 23:59:59.999999", "MM/DD/YYYY HH24:MI:SS.US")
                == day(9999, 12, 31, 23, 59, 59, 999_999_000))
    }

    @Test("IS_DATE never throws: 1, 0 or NULL")
    func isDate() {
        let settings = dateSettings()
        #expect(DateFormat.isDate("02/29/2000", "MM/DD/YYYY", settings: settings))
        #expect(!DateFormat.isDate("02/29/1900", "MM/DD/YYYY", settings: settings))
        #expect(!DateFormat.isDate("2020120", "YYYYMMDD", settings: settings))
        #expect(DateFunctions.isDate(.string("20201201"), .string("YYYYMMDD"), settings: settings) == .integer(1))
        #expect(DateFunctions.isDate(.string("x"), settings: settings) == .integer(0))
        #expect(DateFunctions.isDate(.null, settings: settings) == .null)
        #expect(DateFunctions.isDate(.string("2020"), .null, settings: settings) == .null)
    }

    @Test(
        "TO_CHAR then TO_DATE gives the value back",
        arguments: [
            "MM/DD/YYYY HH24:MI:SS.NS", "YYYYMMDDHH24MISSNS", "DD-MON-YYYY HH12:MI:SS.US AM", "J SSSSS.NS",
            "Month DD, YYYY HH:MI:SS.MS P.M.", "YYYY DDD HH24 MI SS NS",
        ])
    func roundTrip(pattern: String) throws {
        for value in [referenceInstant, day(1, 1, 1), day(9999, 12, 31, 23, 59, 59, 999_999_999), day(2000, 2, 29, 12)]
        {
            let text = DateFormat.format(value, pattern)
            let back = try parse(text, pattern)
            let precision: Int64 = pattern.contains("NS") ? 1 : (pattern.contains("US") ? 1000 : 1_000_000)
            #expect(
                back == DateTimeValue(day: value.day, nanosecond: value.nanosecond - value.nanosecond % precision),
                "\(pattern): \(text)")
        }
    }
}
