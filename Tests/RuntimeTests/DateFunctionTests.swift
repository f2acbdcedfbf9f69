import IR
import Testing

@testable import Runtime

@Suite("Date functions: ADD_TO_DATE, DATE_COMPARE, GET/SET_DATE_PART, LAST_DAY, MAKE_DATE_TIME")
struct DateFunctionTests {
    func add(_ date: Value, _ unit: String, _ amount: Value) throws(RowError) -> Value {
        try DateFunctions.addToDate(date, .string(unit), amount)
    }

    @Test("cases 26–27: month arithmetic clamps to the month's last day")
    func cases26and27() throws {
        let settings = dateSettings()
        let jan31 = try DateFunctions.toDate(.string("01/31/1998"), .string("MM/DD/YYYY"), settings: settings)
        #expect(try add(jan31, "MM", .integer(1)) == dateValue(1998, 2, 28))
        let jan29 = try DateFunctions.toDate(.string("01/29/2000"), .string("MM/DD/YYYY"), settings: settings)
        #expect(try add(jan29, "MM", .integer(1)) == dateValue(2000, 2, 29))
    }

    @Test(
        "clamping in both directions, years, and every unit",
        arguments: [
            (dateValue(2000, 3, 31, 8), "MM", Int64(-1), dateValue(2000, 2, 29, 8)),
            (dateValue(2001, 3, 31), "MON", -1, dateValue(2001, 2, 28)),
            (dateValue(2000, 1, 31), "MONTH", 13, dateValue(2001, 2, 28)),
            (dateValue(2000, 5, 31), "mm", -15, dateValue(1999, 2, 28)),
            (dateValue(2000, 2, 29), "YYYY", 1, dateValue(2001, 2, 28)),
            (dateValue(2000, 2, 29), "YY", -4, dateValue(1996, 2, 29)),
            (dateValue(2000, 2, 29), "Y", -100, dateValue(1900, 2, 28)),
            (dateValue(1999, 12, 31, 23), "DD", 1, dateValue(2000, 1, 1, 23)),
            (dateValue(2000, 3, 1), "DAY", -1, dateValue(2000, 2, 29)),
            (dateValue(2000, 1, 1), "HH", 25, dateValue(2000, 1, 2, 1)),
            (dateValue(2000, 1, 1), "HH24", -1, dateValue(1999, 12, 31, 23)),
            (dateValue(2000, 1, 1), "MI", -1, dateValue(1999, 12, 31, 23, 59)),
            (dateValue(2000, 1, 1), "SS", 86_400, dateValue(2000, 1, 2)),
            (dateValue(1900, 1, 1), "SS", 10_000_000_000, dateValue(2216, 11, 20, 17, 46, 40)),
            (dateValue(2000, 1, 1), "MS", 1, dateValue(2000, 1, 1, 0, 0, 0, 1_000_000)),
            (dateValue(2000, 1, 1), "US", -1, dateValue(1999, 12, 31, 23, 59, 59, 999_999_000)),
            (dateValue(2000, 1, 1), "NS", -1, dateValue(1999, 12, 31, 23, 59, 59, 999_999_999)),
            (dateValue(2000, 1, 1), " DD ", 0, dateValue(2000, 1, 1)),
        ])
    func addUnits(start: Value, unit: String, amount: Int64, expected: Value) throws {
        #expect(try add(start, unit, .integer(amount)) == expected)
    }

    @Test("ADD_TO_DATE: fractional amounts truncate, NULL propagates, errors have codes")
    func addEdges() throws {
        #expect(try add(dateValue(2000, 1, 1), "DD", .double(1.9)) == dateValue(2000, 1, 2))
        #expect(try add(dateValue(2000, 1, 1), "DD", .double(-1.9)) == dateValue(1999, 12, 31))
        #expect(try add(dateValue(2000, 1, 1), "DD", .decimal(2.5)) == dateValue(2000, 1, 3))
        #expect(try add(.null, "DD", .integer(1)) == .null)
        #expect(try add(dateValue(2000, 1, 1), "DD", .null) == .null)
        #expect(try DateFunctions.addToDate(dateValue(2000, 1, 1), .null, .integer(1)) == .null)
        let codes = [
            rowErrorCode { () throws(RowError) -> Any in try add(dateValue(9999, 12, 31), "DD", .integer(1)) },
            rowErrorCode { () throws(RowError) -> Any in try add(dateValue(1, 1, 1), "MM", .integer(-1)) },
            rowErrorCode { () throws(RowError) -> Any in try add(dateValue(1, 1, 1), "NS", .integer(-1)) },
            rowErrorCode { () throws(RowError) -> Any in try add(dateValue(1, 1, 1), "DD", .integer(Int64.max)) },
            rowErrorCode { () throws(RowError) -> Any in try add(dateValue(2000, 1, 1), "XX", .integer(1)) },
            rowErrorCode { () throws(RowError) -> Any in try add(.string("01/01/2000"), "DD", .integer(1)) },
            rowErrorCode { () throws(RowError) -> Any in try add(dateValue(2000, 1, 1), "DD", .double(.nan)) },
        ]
        #expect(
            codes == [
                DateErrors.dateOutOfRange, DateErrors.dateOutOfRange, DateErrors.dateOutOfRange,
                DateErrors.dateOutOfRange, DateErrors.invalidDateUnit, DateErrors.wrongArgumentType,
                DateErrors.wrongArgumentType,
            ])
    }

    @Test("DATE_COMPARE")
    func compare() throws {
        #expect(try DateFunctions.dateCompare(dateValue(2000, 1, 1), dateValue(2000, 1, 1, 0, 0, 0, 1)) == .integer(-1))
        #expect(try DateFunctions.dateCompare(dateValue(2000, 1, 1), dateValue(2000, 1, 1)) == .integer(0))
        #expect(try DateFunctions.dateCompare(dateValue(2000, 1, 2), dateValue(2000, 1, 1, 23)) == .integer(1))
        #expect(try DateFunctions.dateCompare(.null, dateValue(2000, 1, 1)) == .null)
    }

    @Test(
        "GET_DATE_PART of 2024-03-05 14:07:09.123456789",
        arguments: [
            ("YYYY", Int64(2024)), ("Y", 2024), ("yy", 2024), ("MM", 3), ("MON", 3), ("MONTH", 3), ("D", 5), ("DD", 5),
            ("DDD", 5), ("DY", 5), ("DAY", 5), ("HH", 14), ("HH12", 14), ("HH24", 14), ("MI", 7), ("SS", 9),
            ("MS", 123), ("US", 123_456), ("NS", 123_456_789),
        ])
    func getPart(unit: String, expected: Int64) throws {
        #expect(try DateFunctions.getDatePart(.dateTime(referenceInstant), .string(unit)) == .integer(expected))
    }

    @Test("SET_DATE_PART replaces one part; a day that does not exist is a row error")
    func setPart() throws {
        func set(_ date: Value, _ unit: String, _ number: Int64) throws(RowError) -> Value {
            try DateFunctions.setDatePart(date, .string(unit), .integer(number))
        }
        #expect(try set(dateValue(2000, 2, 29, 5), "YYYY", 2004) == dateValue(2004, 2, 29, 5))
        #expect(try set(dateValue(2000, 3, 31), "MM", 5) == dateValue(2000, 5, 31))
        #expect(try set(dateValue(2000, 3, 31), "DD", 15) == dateValue(2000, 3, 15))
        #expect(try set(dateValue(2000, 3, 31), "HH", 23) == dateValue(2000, 3, 31, 23))
        #expect(try set(dateValue(2000, 3, 31), "MI", 59) == dateValue(2000, 3, 31, 0, 59))
        #expect(try set(dateValue(2000, 3, 31), "SS", 1) == dateValue(2000, 3, 31, 0, 0, 1))
        #expect(try set(.dateTime(referenceInstant), "MS", 5) == dateValue(2024, 3, 5, 14, 7, 9, 5_000_000))
        #expect(try set(.dateTime(referenceInstant), "US", 5) == dateValue(2024, 3, 5, 14, 7, 9, 5000))
        #expect(try set(.dateTime(referenceInstant), "NS", 5) == dateValue(2024, 3, 5, 14, 7, 9, 5))
        #expect(try set(.null, "MM", 1) == .null)
        let invalid: [(Value, String, Int64)] = [
            (dateValue(2000, 3, 31), "MM", 4), (dateValue(2000, 3, 30), "MM", 2),
            (dateValue(2000, 2, 29), "YYYY", 2001),
            (dateValue(2000, 1, 1), "YYYY", 0), (dateValue(2000, 1, 1), "YYYY", 10_000),
            (dateValue(2000, 1, 1), "MM", 13),
            (dateValue(2000, 1, 1), "DD", 0), (dateValue(2000, 1, 1), "HH", 24), (dateValue(2000, 1, 1), "MI", 60),
            (dateValue(2000, 1, 1), "SS", -1), (dateValue(2000, 1, 1), "MS", 1000),
            (dateValue(2000, 1, 1), "NS", 1_000_000_000),
        ]
        for (date, unit, number) in invalid {
            #expect(
                rowErrorCode { () throws(RowError) -> Any in try set(date, unit, number) }
                    == DateErrors.partValueOutOfRange,
                "\(unit) \(number)")
        }
    }

    @Test("LAST_DAY keeps the time of day")
    func lastDay() throws {
        #expect(try DateFunctions.lastDay(dateValue(2000, 2, 10, 13, 14, 15)) == dateValue(2000, 2, 29, 13, 14, 15))
        #expect(try DateFunctions.lastDay(dateValue(1900, 2, 1)) == dateValue(1900, 2, 28))
        #expect(try DateFunctions.lastDay(dateValue(2023, 2, 28)) == dateValue(2023, 2, 28))
        #expect(try DateFunctions.lastDay(dateValue(9999, 12, 5)) == dateValue(9999, 12, 31))
        #expect(try DateFunctions.lastDay(dateValue(2024, 4, 5)) == dateValue(2024, 4, 30))
        #expect(try DateFunctions.lastDay(.null) == .null)
    }

    @Test("MAKE_DATE_TIME")
    func makeDateTime() throws {
        #expect(try DateFunctions.makeDateTime([.integer(2000), .integer(2), .integer(29)]) == dateValue(2000, 2, 29))
        let all: [Value] = [
            .integer(2024), .integer(3), .integer(5), .integer(14), .integer(7), .integer(9), .integer(123_456_789),
        ]
        #expect(try DateFunctions.makeDateTime(all) == .dateTime(referenceInstant))
        #expect(try DateFunctions.makeDateTime([.integer(2000), .null, .integer(1)]) == .null)
        #expect(
            rowErrorCode { () throws(RowError) -> Any in
                try DateFunctions.makeDateTime([.integer(1900), .integer(2), .integer(29)])
            } == DateErrors.partValueOutOfRange)
        #expect(
            rowErrorCode { () throws(RowError) -> Any in
                try DateFunctions.makeDateTime([.integer(2000), .integer(13), .integer(1)])
            } == DateErrors.partValueOutOfRange)
        #expect(
            rowErrorCode { () throws(RowError) -> Any in
                try DateFunctions.makeDateTime([.integer(2000), .integer(1)])
            } == DateErrors.wrongArgumentType)
    }

    @Test("SYSTIMESTAMP truncates the session clock to the precision")
    func sysTimestamp() throws {
        var settings = dateSettings()
        settings.now = referenceInstant
        #expect(
            try DateFunctions.sysTimestamp(.integer(3), settings: settings)
                == dateValue(2024, 3, 5, 14, 7, 9, 123_000_000))
        #expect(try DateFunctions.sysTimestamp(settings: settings) == .dateTime(referenceInstant))
        #expect(
            rowErrorCode { () throws(RowError) -> Any in
                try DateFunctions.sysTimestamp(.integer(10), settings: settings)
            } == DateErrors.invalidPrecision)
    }

    @Test("the error catalog is sorted, unique and inside RT0100–RT0149")
    func catalog() {
        let codes = DateErrors.all.map(\.code)
        #expect(codes == codes.sorted())
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0 >= "RT0100" && $0 <= "RT0149" })
        #expect(DateErrors.all.allSatisfy { !$0.summary.isEmpty && $0.summary.first!.isLowercase })
    }
}
