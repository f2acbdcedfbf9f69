/// A PowerCenter date/time: a proleptic Gregorian calendar date from 0001-01-01 to 9999-12-31 and a
/// time of day with nanosecond precision. No time zone (PowerCenter dates carry none).
public struct DateTimeValue: Hashable, Comparable, Sendable {
    /// Days since 0001-01-01 (day 0).
    public var day: Int32
    /// Nanoseconds since midnight, 0 ..< 86_400_000_000_000.
    public var nanosecond: Int64

    /// Creates a value from its parts (no validation: callers check ranges).
    public init(day: Int32, nanosecond: Int64) {
        self.day = day
        self.nanosecond = nanosecond
    }

    /// Orders chronologically.
    public static func < (a: DateTimeValue, b: DateTimeValue) -> Bool {
        (a.day, a.nanosecond) < (b.day, b.nanosecond)
    }
}
