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

    /// The unit `format` names (blanks around it ignored, any case), or nil.
    public init?(format: String) {
        var trimmed = Substring(format)
        while trimmed.first == " " { trimmed.removeFirst() }
        while trimmed.last == " " { trimmed.removeLast() }
        let key = trimmed.uppercased()
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
}
