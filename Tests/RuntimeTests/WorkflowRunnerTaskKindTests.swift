import IR
import Runtime
import Testing

/// Worklets, command, disabled and unsupported tasks in the workflow runner (issue 4).
@Suite("WorkflowRunner task kinds")
struct WorkflowRunnerTaskKindTests {
    typealias F = WorkflowRunnerFixtures

    static func worklet(failParentInside: Bool, failParentOutside: Bool) -> Workflow {
        let inner = F.workflow(
            [F.start(), F.session("ws1", failParent: failParentInside), F.session("ws2")],
            [F.link("Start", "ws1"), F.link("ws1", "ws2", "$ws1.Status = SUCCEEDED")], name: "wk_inner")
        return F.workflow(
            [
                F.start(), F.task("wk", .worklet(inner), failParent: failParentOutside), F.session("s_after"),
                F.session("s_on_failure"),
            ],
            [
                F.link("Start", "wk"), F.link("wk", "s_after", "$wk.Status = SUCCEEDED"),
                F.link("wk", "s_on_failure", "$wk.Status = FAILED"),
            ])
    }

    @Test("a worklet runs its tasks with a path and fails when a fail-parent task fails")
    func workletWithInnerFailure() {
        var sessions = FakeTaskRunner(["ws1": (.failed, 0)])
        let result = F.run(Self.worklet(failParentInside: true, failParentOutside: false), &sessions)
        #expect(sessions.sessions == [["wk", "ws1"], ["s_on_failure"]])
        #expect(result.ran == ["Start", "wk/Start", "wk/ws1", "wk", "s_on_failure"])
        #expect(result.skipped == ["wk/ws2", "s_after"])
        #expect(result.result("wk")?.status == .failed)
        // The worklet instance is not flagged fail-parent, so the workflow succeeds.
        #expect(result.status == .succeeded)

        var flagged = FakeTaskRunner(["ws1": (.failed, 0)])
        let failed = F.run(Self.worklet(failParentInside: true, failParentOutside: true), &flagged)
        #expect(failed.status == .failed)

        var unflagged = FakeTaskRunner(["ws1": (.failed, 0)])
        let succeeded = F.run(Self.worklet(failParentInside: false, failParentOutside: true), &unflagged)
        #expect(succeeded.result("wk")?.status == .succeeded)
        #expect(unflagged.sessions == [["wk", "ws1"], ["s_after"]])
        #expect(succeeded.status == .succeeded)
    }

    static func commands(_ commands: [(String, String)], failOnAny: String?) -> Workflow {
        let attributes = failOnAny.map { [Attribute("Fail task if any command fails", $0)] } ?? []
        return F.workflow(
            [
                F.start(),
                F.task(
                    "cmd", .command(commands.map { CommandSpec(name: $0.0, command: $0.1) }), attributes: attributes),
                F.session("s_ok"), F.session("s_code3"),
            ],
            [
                F.link("Start", "cmd"), F.link("cmd", "s_ok", "$cmd.Status = SUCCEEDED"),
                F.link("cmd", "s_code3", "$cmd.ErrorCode = 3"),
            ])
    }

    @Test("commands are reported, not run, unless allowed")
    func commandNotAllowed() {
        var sessions = FakeTaskRunner()
        let result = F.run(Self.commands([("C1", "exit 3")], failOnAny: "YES"), &sessions)
        #expect(sessions.paths(.commandNotRun) == ["cmd"])
        #expect(sessions.paths(.commandRan).isEmpty)
        #expect(result.result("cmd")?.status == .succeeded)
        #expect(sessions.sessions == [["s_ok"]])
        #expect(result.codes == ["RT0307"])
    }

    @Test("allowed commands run with the shell; a non-zero exit code fails the task")
    func commandsRun() {
        let allowed = WorkflowRunOptions(allowCommands: true, now: F.now)
        var passing = FakeTaskRunner()
        let passed = F.run(
            Self.commands([("C1", "true"), ("C2", "true")], failOnAny: "YES"), &passing, options: allowed)
        #expect(passed.result("cmd")?.status == .succeeded)
        #expect(passing.paths(.commandRan) == ["cmd", "cmd"])
        #expect(passing.sessions == [["s_ok"]])

        var failing = FakeTaskRunner()
        let failed = F.run(
            Self.commands([("C1", "true"), ("C2", "echo oops >&2; exit 3"), ("C3", "true")], failOnAny: "YES"),
            &failing,
            options: allowed)
        #expect(failed.result("cmd")?.status == .failed)
        #expect(failed.result("cmd")?.errorCode == 3)
        #expect(failed.result("cmd")?.errorMessage.contains("oops") == true)
        // C3 does not run after C2 failed.
        #expect(failing.paths(.commandRan) == ["cmd", "cmd"])
        #expect(failing.sessions == [["s_code3"]])

        var plainFalse = FakeTaskRunner()
        let falseResult = F.run(Self.commands([("C1", "false")], failOnAny: "YES"), &plainFalse, options: allowed)
        #expect(falseResult.result("cmd")?.errorCode == 1)
        #expect(plainFalse.sessions.isEmpty)
    }

    @Test("without 'Fail task if any command fails' every command runs and the last decides")
    func commandsWithoutFailOption() {
        let allowed = WorkflowRunOptions(allowCommands: true, now: F.now)
        var sessions = FakeTaskRunner()
        let result = F.run(
            Self.commands([("C1", "false"), ("C2", "true")], failOnAny: "NO"), &sessions, options: allowed)
        #expect(sessions.paths(.commandRan) == ["cmd", "cmd"])
        #expect(result.result("cmd")?.status == .succeeded)

        var strict = allowed
        strict.commandTaskSucceedsUnlessLastFails = false
        var strictSessions = FakeTaskRunner()
        let strictResult = F.run(
            Self.commands([("C1", "false"), ("C2", "true")], failOnAny: nil), &strictSessions, options: strict)
        #expect(strictSessions.paths(.commandRan) == ["cmd", "cmd"])
        #expect(strictResult.result("cmd")?.status == .failed)
    }

    static let disabled = F.workflow(
        [F.start(), F.session("s1", enabled: false), F.session("s2"), F.session("s3"), F.session("s4")],
        [
            F.link("Start", "s1"), F.link("s1", "s2"), F.link("s1", "s3", "$s1.Status = SUCCEEDED"),
            F.link("s1", "s4", "$s1.Status = DISABLED"),
        ])

    @Test("a disabled task is skipped with status DISABLED and its links are evaluated")
    func disabledTask() {
        var sessions = FakeTaskRunner()
        let result = F.run(Self.disabled, &sessions)
        #expect(sessions.sessions == [["s2"], ["s4"]])
        #expect(result.result("s1")?.status == .disabled)
        #expect(result.skipped == ["s3"])
        #expect(sessions.paths(.taskDisabled) == ["s1"])

        var options = WorkflowRunOptions(now: F.now)
        options.disabledTaskLinksEvaluated = false
        var blocked = FakeTaskRunner()
        let blockedResult = F.run(Self.disabled, &blocked, options: options)
        #expect(blocked.sessions.isEmpty)
        #expect(blockedResult.skipped == ["s2", "s3", "s4"])
    }

    @Test("timers and other unsupported tasks are reported and fail by default")
    func unsupportedTask() {
        let workflow = F.workflow(
            [F.start(), F.task("tmr", .timer, line: 12), F.session("s1"), F.task("mail", .email), F.session("s2")],
            [
                F.link("Start", "tmr"), F.link("tmr", "s1", "$tmr.Status = SUCCEEDED"), F.link("Start", "mail"),
                F.link("mail", "s2"),
            ])
        var sessions = FakeTaskRunner()
        let result = F.run(workflow, &sessions)
        #expect(result.result("tmr")?.status == .failed)
        #expect(sessions.paths(.taskNotSupported) == ["tmr"])
        #expect(sessions.paths(.emailNotSent) == ["mail"])
        #expect(sessions.sessions == [["s2"]])
        #expect(result.codes == ["RT0306", "RT0309"])
        #expect(result.diagnostics.first?.location.line == 12)

        var options = WorkflowRunOptions(now: F.now)
        options.unsupportedTaskStatus = .succeeded
        var lenient = FakeTaskRunner()
        _ = F.run(workflow, &lenient, options: options)
        #expect(lenient.sessions == [["s1"], ["s2"]])
    }

    @Test("the runner's diagnostic codes are RT0300-RT0349, unique and sorted")
    func catalog() {
        let codes = WorkflowRunDiagnostics.all.map(\.code.rawValue)
        #expect(codes == codes.sorted())
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { ("RT0300"..."RT0349").contains($0) })
    }
}
