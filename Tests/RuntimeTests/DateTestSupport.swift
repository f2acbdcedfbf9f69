import Testing

@testable import Runtime

/// Settings with a fixed clock: current year 2024 (for RR/YY/missing years), default 10.x format.
func dateSettings(currentYear: Int = 2024) -> EvaluationSettings {
    let noon = DateTimeValue(day: 738_949, nanosecond: 12 * 3600 * 1_000_000_000)  // 2024-03-05 12:00
    return EvaluationSettings(sessionStart: noon, now: noon, currentYear: currentYear)
}

/// A date from calendar fields (the fields are valid in every caller).
func day(
    _ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0,
    _ nanosecond: Int = 0
) -> DateTimeValue {
    CivilCalendar.value(
        CivilDateTime(
            year: year, month: month, day: day, hour: hour, minute: minute,
            second: second, nanosecond: nanosecond))!
}

/// The same as a ``Value``.
func dateValue(
    _ year: Int, _ month: Int, _ dayOfMonth: Int, _ hour: Int = 0, _ minute: Int = 0,
    _ second: Int = 0, _ nanosecond: Int = 0
) -> Value {
    .dateTime(day(year, month, dayOfMonth, hour, minute, second, nanosecond))
}

/// The reference instant of the token tables: Tuesday 2024-03-05 14:07:09.123456789.
let referenceInstant = day(2024, 3, 5, 14, 7, 9, 123_456_789)

/// The code of the row error `body` throws, or nil when it does not throw.
func rowErrorCode(_ body: () throws(RowError) -> Any) -> String? {
    do {
        _ = try body()
        return nil
    } catch {
        return error.code
    }
}

/// The double inside a value, or nil.
func doubleOf(_ value: Value) -> Double? {
    if case .double(let number) = value { return number }
    return nil
}

/// Whether two doubles agree to 1e-12 relative.
func close(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= 1e-12 * max(1, abs(b))
}
