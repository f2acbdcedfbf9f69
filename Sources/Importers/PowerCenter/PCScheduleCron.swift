/// Derives a five-field cron expression (`minute hour day-of-month month day-of-week`) from the
/// repeat settings of a PowerCenter scheduler, only when the cron fires at exactly the same times.
///
/// Each function returns the cron text, or a reason (lower-case, no trailing period) why no exact
/// cron exists.
enum PCScheduleCron {
    /// A time of day.
    struct TimeOfDay: Equatable, Sendable {
        var hour: Int
        var minute: Int

        /// Parses `HH:MM` or `HH:MM:SS` (seconds must be 0); nil otherwise.
        init?(_ text: String) {
            let parts = text.split(separator: ":").map { Int($0.filter { !$0.isWhitespace }) }
            guard parts.count == 2 || parts.count == 3, let hour = parts[0], let minute = parts[1],
                (0..<24).contains(hour), (0..<60).contains(minute), parts.count == 2 || parts[2] == 0
            else { return nil }
            self.hour = hour
            self.minute = minute
        }
    }

    /// A cron text or the reason why there is none.
    enum Outcome: Equatable, Sendable {
        case cron(String)
        case noCron(String)
    }

    /// Run every `days`/`hours`/`minutes` from `start`: exact when the interval divides an hour (a
    /// minute step) or a day (an hour step), or is exactly one day.
    static func recurring(days: Int, hours: Int, minutes: Int, start: TimeOfDay?) -> Outcome {
        let total = days * 1440 + hours * 60 + minutes
        guard total > 0 else { return .noCron("the repeat interval is zero") }
        guard let start else { return .noCron("the schedule has no valid start time to anchor the interval") }
        if total < 60, 60 % total == 0 {
            return .cron("\(step(from: start.minute % total, by: total, last: 59)) * * * *")
        }
        if total % 60 == 0, 1440 % total == 0 {
            let hoursStep = total / 60
            return .cron("\(start.minute) \(step(from: start.hour % hoursStep, by: hoursStep, last: 23)) * * *")
        }
        return .noCron(
            "an interval of \(days) days \(hours) hours \(minutes) minutes does not divide an hour or a day evenly, "
                + "and cron restarts its count every hour, day or month")
    }

    /// A customized repeat: a daily frequency (once at the start time, or every h:m from 00:00) on
    /// every day, on named weekdays, or on days of the month, with a repeat interval of 1.
    static func custom(_ custom: XMLElementNode, start: TimeOfDay?) -> Outcome {
        guard let start else { return .noCron("the schedule has no valid start time") }
        let time: (minute: String, hour: String)
        switch timeFields(custom.children(named: "DAILYFREQUENCY").first, start: start) {
        case .success(let fields): time = fields
        case .failure(let gap): return .noCron(gap.reason)
        }
        switch dayFields(custom.children(named: "REPEAT").first) {
        case .success(let days): return .cron("\(time.minute) \(time.hour) \(days.dayOfMonth) * \(days.dayOfWeek)")
        case .failure(let gap): return .noCron(gap.reason)
        }
    }

    /// Why a part of the schedule has no cron form.
    struct Gap: Error {
        var reason: String
    }

    private static func timeFields(_ frequency: XMLElementNode?, start: TimeOfDay)
        -> Result<(minute: String, hour: String), Gap>
    {
        let hours = Int(frequency?[attribute: "HOURS"] ?? "") ?? 0
        let minutes = Int(frequency?[attribute: "MINUTES"] ?? "") ?? 0
        let interval = hours * 60 + minutes
        let runOnce = frequency.map { PCWorkflowSettings.flag($0, "RUNONCE", default: interval == 0) } ?? true
        if runOnce || interval == 0 { return .success(("\(start.minute)", "\(start.hour)")) }
        guard start.hour == 0, start.minute == 0 else {
            return .failure(
                Gap(
                    reason: "the runs every \(hours)h\(minutes)m within a day start at the start time, "
                        + "and it is not known whether cron's day boundaries match them"))
        }
        if interval < 60, 60 % interval == 0 { return .success((step(from: 0, by: interval, last: 59), "*")) }
        if interval % 60 == 0, 1440 % interval == 0 {
            return .success(("0", step(from: 0, by: interval / 60, last: 23)))
        }
        return .failure(Gap(reason: "runs every \(hours)h\(minutes)m within a day, which does not divide a day evenly"))
    }

    private static func dayFields(_ repeatElement: XMLElementNode?) -> Result<
        (dayOfMonth: String, dayOfWeek: String), Gap
    > {
        guard let repeatElement else { return .success(("*", "*")) }
        let type = (repeatElement[attribute: "TYPE"] ?? "DAILY").uppercased()
        let interval = Int(repeatElement[attribute: "INTERVAL"] ?? "") ?? 1
        guard interval <= 1 else {
            return .failure(
                Gap(reason: "repeats every \(interval) \(type.lowercased()) periods; cron cannot count periods"))
        }
        let filters = repeatElement.children(named: "FILTER")
        switch type {
        case "DAILY": return .success(("*", "*"))
        case "WEEKLY":
            let days = Set(filters.compactMap { $0[attribute: "DAY"].flatMap(weekday) }).sorted()
            guard !days.isEmpty else { return .failure(Gap(reason: "the weekly repeat names no weekday cron knows")) }
            return .success(("*", days.map(String.init).joined(separator: ",")))
        case "MONTHLY":
            if filters.contains(where: { $0[attribute: "OCCURRENCE"] != nil }) {
                return .failure(
                    Gap(
                        reason: "runs on an occurrence of a weekday in the month (such as the first "
                            + "Monday), which standard cron cannot express"))
            }
            let texts = filters.compactMap { $0[attribute: "DAYOFMONTH"] }
            let days = texts.compactMap { Int($0) }.filter { (1...31).contains($0) }
            guard !days.isEmpty, days.count == texts.count else {
                return .failure(Gap(reason: "the monthly repeat names days of the month cron cannot express"))
            }
            return .success((Set(days).sorted().map(String.init).joined(separator: ","), "*"))
        default:
            return .failure(Gap(reason: "the repeat type '\(type)' is unknown"))
        }
    }

    /// Cron day-of-week number (Sunday = 0) of `MONDAY`, `Mon`, ...
    static func weekday(_ name: String) -> Int? {
        let prefix = name.uppercased().prefix(3)
        return ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"].firstIndex(of: String(prefix))
    }

    /// `*` for a step of 1, `*/n` from 0, `a-last/n` from another offset, or the single value `a`
    /// when the step covers the whole range.
    static func step(from offset: Int, by step: Int, last: Int) -> String {
        if step == 1 { return "*" }
        if step > last { return "\(offset)" }
        return offset == 0 ? "*/\(step)" : "\(offset)-\(last)/\(step)"
    }
}
