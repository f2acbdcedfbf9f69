/// The date part a date function's `format` argument names (reference §3.4.3).
///
/// `D`, `DD`, `DDD`, `DY` and `DAY` all mean the day of the month here, not the weekday; the
/// string is case-insensitive. CHOICE (reference silent): blanks around the string are ignored and
/// `RR` is accepted as a year format.
public enum DateUnit: String, Hashable, Sendable, CaseIterable {
    /// `Y`, `YY`, `YYY`, `YYYY` (and `RR`).
    case year
    /// `MM`, `MON`, `MONTH`.
    case month
    /// `D`, `DD`, `DDD`, `DY`, `DAY`.
    case day
    /// `HH`, `HH12`, `HH24`.
    case hour
    /// `MI`.
    case minute
    /// `SS`.
    case second
    /// `MS`.
    case millisecond
    /// `US`.
    case microsecond
    /// `NS`.
    case nanosecond

    /// The unit `format` names, or nil.
    public init?(format: String) {
        let key = format.trimmingBlanks().uppercased()
        switch key {
        case "Y", "YY", "YYY", "YYYY", "RR": self = .year
        case "MM", "MON", "MONTH": self = .month
        case "D", "DD", "DDD", "DY", "DAY": self = .day
        case "HH", "HH12", "HH24": self = .hour
        case "MI": self = .minute
        case "SS": self = .second
        case "MS": self = .millisecond
        case "US": self = .microsecond
        case "NS": self = .nanosecond
        default: return nil
        }
    }

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

extension String {
    /// The string without leading and trailing blanks (spaces only).
    func trimmingBlanks() -> String {
        var chars = Substring(self)
        while chars.first == " " { chars.removeFirst() }
        while chars.last == " " { chars.removeLast() }
        return String(chars)
    }
}
