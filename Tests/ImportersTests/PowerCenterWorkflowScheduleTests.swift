import IR
import Testing

@testable import Importers

/// Scheduler translation: modes, exact cron strings (checked by hand), start/end, and warnings for
/// schedules cron cannot express.
@Suite("PowerCenterWorkflowSchedules") struct PowerCenterWorkflowScheduleTests {
    @Test func schedulesOfTheFixture() throws {
        let outcome = try PowerCenterWorkflowTestSupport.fixture("schedules")
        func schedule(_ name: String) throws -> Schedule { try #require(outcome.workflow(name)?.schedule) }

        let onDemand = try schedule("wf_on_demand")
        #expect(onDemand.mode == "on-demand" && onDemand.cron == nil && onDemand.notes.isEmpty)

        let every15 = try schedule("wf_every_15_minutes")
        #expect(every15.mode == "recurring")
        #expect(every15.cron == "*/15 * * * *")
        #expect(every15.start == "01/15/2024 06:00" && every15.end == "forever")
        #expect(every15.attributes.contains(Attribute("RECURRING.MINUTES", "15")))
        #expect(every15.attributes.first == Attribute("SCHEDULER.DESCRIPTION", ""))

        let daily = try schedule("wf_daily_2am")
        #expect(daily.mode == "custom" && daily.cron == "0 2 * * *" && daily.end == "end-on 12/31/2030")

        let weekly = try schedule("wf_weekly")
        #expect(weekly.mode == "custom" && weekly.cron == "0 2 * * 1,3")
        #expect(weekly.start == "03/04/2024 02:00" && weekly.end == "end-after 10")
        #expect(weekly.provenance.path.description == "FOLDER[Sched]/SCHEDULER[sch_weekly]")
        #expect(weekly.provenance.location.line == 5)

        let continuous = try schedule("wf_continuous")
        #expect(continuous.mode == "continuous" && continuous.cron == nil)
        #expect(continuous.notes.map(\.code) == ["IMP0206"] && continuous.notes[0].severity == .warning)

        let every90 = try schedule("wf_every_90_minutes")
        #expect(every90.mode == "recurring" && every90.cron == nil && every90.notes.count == 1)

        let serverStart = try schedule("wf_server_start_hourly")
        #expect(serverStart.mode == "recurring" && serverStart.cron == "30 * * * *")
        #expect(serverStart.notes.first?.message.contains("Integration Service starts") == true)

        let monthly = try schedule("wf_monthly_15th")
        #expect(monthly.mode == "custom" && monthly.cron == "45 23 15 * *" && monthly.notes.isEmpty)

        let firstMonday = try schedule("wf_first_monday")
        #expect(firstMonday.cron == nil && firstMonday.notes.count == 1)

        #expect(outcome.workflow("wf_missing_scheduler")?.schedule == nil)
        #expect(
            outcome.codesAndLines.filter { !$0.hasPrefix("IMP0205") }
                == ["IMP0206@62", "IMP0206@70", "IMP0206@82", "IMP0206@111", "IMP0207@127"])
    }

    @Test(arguments: [
        (0, 0, 15, "06:00", "*/15 * * * *"),
        (0, 0, 5, "06:07", "2-59/5 * * * *"),
        (0, 0, 1, "06:07", "* * * * *"),
        (0, 6, 0, "02:30", "30 2-23/6 * * *"),
        (0, 1, 0, "00:30", "30 * * * *"),
        (1, 0, 0, "23:15", "15 23 * * *"),
        (0, 24, 0, "08:05", "5 8 * * *"),
    ])
    func recurringIntervalsWithCron(days: Int, hours: Int, minutes: Int, start: String, cron: String) {
        let outcome = PCScheduleCron.recurring(
            days: days, hours: hours, minutes: minutes, start: PCScheduleCron.TimeOfDay(start))
        #expect(outcome == .cron(cron))
    }

    @Test(arguments: [(2, 0, 0, "01:00"), (0, 1, 30, "00:00"), (0, 0, 7, "00:00"), (0, 0, 0, "00:00"), (0, 0, 15, "x")])
    func recurringIntervalsWithoutCron(days: Int, hours: Int, minutes: Int, start: String) {
        let outcome = PCScheduleCron.recurring(
            days: days, hours: hours, minutes: minutes, start: PCScheduleCron.TimeOfDay(start))
        guard case .noCron(let reason) = outcome else {
            Issue.record("expected no cron, got \(outcome)")
            return
        }
        #expect(!reason.isEmpty && !reason.hasSuffix("."))
    }
}
