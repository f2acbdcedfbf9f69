import IR

extension DateUnit {
    /// The unit `format` names, or a row error naming `function`.
    static func parse(_ format: String, function: String) throws(RowError) -> DateUnit {
        guard let unit = DateUnit(format: format) else {
            throw DateErrors.error(
                DateErrors.invalidDateUnit,
                "\(function) format '\(format)' is not a date part (use YYYY, MM, DD, HH, MI, SS, MS, US or NS)")
        }
        return unit
    }

    /// The unit's length in nanoseconds, for the fixed-length units (day and below).
    var nanoseconds: Int64? {
        switch self {
        case .year, .month: return nil
        case .day: return CivilCalendar.nanosPerDay
        case .hour: return 3600 * CivilCalendar.nanosPerSecond
        case .minute: return 60 * CivilCalendar.nanosPerSecond
        case .second: return CivilCalendar.nanosPerSecond
        case .millisecond: return 1_000_000
        case .microsecond: return 1000
        case .nanosecond: return 1
        }
    }
}
