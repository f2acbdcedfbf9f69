import IR

extension PCFolderWorkflowTranslator {
    /// Translates a SCHEDULER: mode from SCHEDULEINFO SCHEDULETYPE (ONDEMAND, CONTINUOUS, ONSERVERINIT)
    /// or else from SCHEDULEOPTIONS SCHEDULETYPE (ONCE, RECURRING, CUSTOM); a cron when exact; start
    /// and end as exported; every raw setting kept as `ELEMENT.ATTRIBUTE` attributes. A schedule with
    /// no exact cron gets a warning, both as a diagnostic and as a note on the schedule.
    mutating func translateSchedule(_ scheduler: XMLElementNode, path: ObjectPath, workflowPath: ObjectPath) -> Schedule
    {
        let info = scheduler.children(named: "SCHEDULEINFO").first
        let startOptions = info?.children(named: "STARTOPTIONS").first
        let startTime = startOptions?[attribute: "STARTTIME"].flatMap(PCScheduleCron.TimeOfDay.init)
        let (mode, outcome) = Self.scheduleMode(info: info, start: startTime)
        var schedule = Schedule(
            mode: mode, start: Self.startText(startOptions),
            end: Self.endText(info?.children(named: "ENDOPTIONS").first),
            attributes: PCWorkflowSettings.flattened(scheduler),
            provenance: context.provenance(of: scheduler, path: path))
        switch outcome {
        case .cron(let cron): schedule.cron = cron
        case .noCron(let reason): reportNoCron(reason, schedule: &schedule, at: scheduler, workflow: workflowPath)
        case nil: break
        }
        if (info?[attribute: "SCHEDULETYPE"] ?? "").uppercased() == "ONSERVERINIT", schedule.cron != nil {
            reportNoCron(
                "it also runs whenever the Integration Service starts, which the cron does not cover",
                schedule: &schedule, at: scheduler, workflow: workflowPath)
        }
        return schedule
    }

    private mutating func reportNoCron(
        _ reason: String, schedule: inout Schedule, at scheduler: XMLElementNode, workflow: ObjectPath
    ) {
        let subject = schedule.cron == nil ? "has no exact cron equivalent" : "is only partly expressed by its cron"
        let message = "the \(schedule.mode) schedule of '\(workflow.segments.last?.name ?? "")' \(subject): \(reason)"
        schedule.notes.append(
            ConversionNote(code: PCWorkflowDiagnostics.scheduleWithoutCron.code, severity: .warning, message: message))
        report(
            PCWorkflowDiagnostics.scheduleWithoutCron, message, at: scheduler, path: schedule.provenance.path,
            fix: "schedule the workflow in the target orchestrator by hand; the schedule's attributes keep every "
                + "legacy setting")
    }

    /// The mode and, for timed schedules, the cron outcome (nil for on-demand). Run options
    /// ONDEMAND and CONTINUOUS decide alone; otherwise SCHEDULEOPTIONS decide (ONSERVERINIT without
    /// them is `on-server-start`, with them it adds a start-up run the cron does not cover).
    static func scheduleMode(info: XMLElementNode?, start: PCScheduleCron.TimeOfDay?)
        -> (mode: String, outcome: PCScheduleCron.Outcome?)
    {
        let runType = (info?[attribute: "SCHEDULETYPE"] ?? "").uppercased()
        let options = info?.children(named: "SCHEDULEOPTIONS").first
        switch (runType, options) {
        case ("ONDEMAND", _), ("", nil):
            return ("on-demand", nil)
        case ("CONTINUOUS", _):
            return ("continuous", .noCron("it starts the next run as soon as the previous one ends"))
        case ("ONSERVERINIT", nil):
            return ("on-server-start", .noCron("it runs only when the Integration Service starts"))
        case (_, let options?):
            return cadence(options, start: start)
        case (_, nil):
            return (runType.lowercased(), .noCron("the schedule type '\(runType)' is unknown"))
        }
    }

    /// The mode and cron outcome of SCHEDULEOPTIONS (ONCE, RECURRING, CUSTOM).
    private static func cadence(_ options: XMLElementNode, start: PCScheduleCron.TimeOfDay?)
        -> (mode: String, outcome: PCScheduleCron.Outcome)
    {
        let type = (options[attribute: "SCHEDULETYPE"] ?? "").uppercased()
        switch type {
        case "ONCE":
            return ("once", .noCron("it runs once, at its start date and time"))
        case "RECURRING":
            let recurring = options.children(named: "RECURRING").first
            func number(_ name: String) -> Int { Int(recurring?[attribute: name] ?? "") ?? 0 }
            return (
                "recurring",
                PCScheduleCron.recurring(
                    days: number("DAYS"), hours: number("HOURS"), minutes: number("MINUTES"), start: start)
            )
        case "CUSTOM":
            guard let custom = options.children(named: "CUSTOM").first else {
                return ("custom", .noCron("the customized repeat has no settings"))
            }
            return ("custom", PCScheduleCron.custom(custom, start: start))
        default:
            return (type.lowercased(), .noCron("the schedule option '\(type)' is unknown"))
        }
    }

    /// `STARTDATE STARTTIME` as exported.
    private static func startText(_ options: XMLElementNode?) -> String? {
        guard let options else { return nil }
        let parts = [options[attribute: "STARTDATE"], options[attribute: "STARTTIME"]].compactMap { $0 }
            .filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// `end-on <date>`, `end-after <n>` or `forever`.
    private static func endText(_ options: XMLElementNode?) -> String? {
        guard let options else { return nil }
        switch (options[attribute: "ENDTYPE"] ?? "").uppercased() {
        case "ENDON": return "end-on \(options[attribute: "ENDON"] ?? "")"
        case "ENDAFTER": return "end-after \(options[attribute: "ENDAFTER"] ?? "")"
        case "RUNFOREVER": return "forever"
        case "": return nil
        case let other: return other.lowercased()
        }
    }
}
