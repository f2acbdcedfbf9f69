import IR

/// The row errors of the date functions and date formats (codes RT0100–RT0149).
///
/// A row error is an outcome of one row (the row is skipped or the port default used), not a
/// diagnostic (reference §2.22, §4.3 "a mismatch is an error → row skipped").
public enum DateErrors {
    /// Every date row error code with its summary, sorted by code.
    public static let all: [(code: String, summary: String)] = [
        (dateOutOfRange, "a date result falls outside 01/01/0001 ... 12/31/9999"),
        (invalidDateUnit, "a date function's format argument does not name a date part"),
        (textDoesNotMatchFormat, "a string does not match the date format"),
        (fieldOutOfRange, "a field of a date string is outside its range"),
        (nonexistentDate, "the parts of a date name a day that does not exist"),
        (partValueOutOfRange, "a SET_DATE_PART or MAKE_DATE_TIME value is outside its part's range"),
        (wrongArgumentType, "a date function argument has a datatype the function cannot use"),
        (invalidPrecision, "the precision of SYSTIMESTAMP is outside 0 ... 9"),
    ]

    /// ADD_TO_DATE, ROUND, J, ... produced a date before 0001-01-01 or after 9999-12-31.
    public static let dateOutOfRange = "RT0100"
    /// The format of ADD_TO_DATE, DATE_DIFF, GET_DATE_PART, SET_DATE_PART, ROUND or TRUNC is not
    /// one of Y..YYYY, MM/MON/MONTH, D..DAY, HH/HH12/HH24, MI, SS, MS, US, NS.
    public static let invalidDateUnit = "RT0101"
    /// TO_DATE or an implicit conversion: the text is shorter or longer than the format, or a
    /// literal, digit or name is missing (case 31).
    public static let textDoesNotMatchFormat = "RT0102"
    /// TO_DATE: a month 13, a minute 61, an hour 13 with AM/PM, ...
    public static let fieldOutOfRange = "RT0103"
    /// TO_DATE or MAKE_DATE_TIME: February 30, April 31, February 29 of a common year, ...
    public static let nonexistentDate = "RT0104"
    /// SET_DATE_PART or MAKE_DATE_TIME: the value is outside the part's range, or the resulting
    /// day does not exist (March 31 → month 4) — uncertain in the reference (§7 item 3).
    public static let partValueOutOfRange = "RT0105"
    /// A date where a string or number is expected, binary data, a non-finite double, ...
    public static let wrongArgumentType = "RT0106"
    /// SYSTIMESTAMP(precision) with precision outside 0 ... 9.
    public static let invalidPrecision = "RT0107"

    /// Makes a row error with `code`.
    static func error(_ code: String, _ message: String) -> RowError {
        RowError(code: code, message: message)
    }
}
