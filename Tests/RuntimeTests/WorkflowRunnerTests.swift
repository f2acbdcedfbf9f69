import IR
import Runtime
import Testing

/// The workflow runner follows links, joins, decisions, assignments and worklets (issue 4).
@Suite("WorkflowRunner")
struct WorkflowRunnerTests {
    typealias F = WorkflowRunnerFixtures

    @Test("a linear chain runs every task in link order")
    func linearChain() {
        let workflow = F.workflow(
            [F.start(), F.session("s3"), F.session("s1"), F.session("s2")],
            [F.link("Start", "s1"), F.link("s1", "s2"), F.link("s2", "s3")])
        var sessions = FakeTaskRunner()
        let result = F.run(workflow, &sessions)
        #expect(sessions.sessions == [["s1"], ["s2"], ["s3"]])
        #expect(result.ran == ["Start", "s1", "s2", "s3"])
        #expect(result.status == .succeeded)
        #expect(result.skipped.isEmpty)
        #expect(result.diagnostics.isEmpty)
        #expect(sessions.events.first?.kind == .workflowStarted)
        #expect(sessions.events.last?.kind == .workflowFinished)
        #expect(sessions.paths(.taskStarted) == ["Start", "s1", "s2", "s3"])
    }

    static let branches = F.workflow(
        [F.start(), F.session("s1"), F.session("s_ok"), F.session("s_fail"), F.session("s_after_fail")],
        [
            F.link("Start", "s1"), F.link("s1", "s_ok", "$s1.Status = SUCCEEDED"),
            F.link("s1", "s_fail", "$s1.Status = FAILED"), F.link("s_fail", "s_after_fail"),
        ])

    @Test("a false link condition stops its branch and everything after it")
    func falseConditionStopsBranch() {
        var sessions = FakeTaskRunner()
        let result = F.run(Self.branches, &sessions)
        #expect(sessions.sessions == [["s1"], ["s_ok"]])
        #expect(result.skipped == ["s_fail", "s_after_fail"])
        #expect(sessions.paths(.taskSkipped) == ["s_fail", "s_after_fail"])
        #expect(result.status == .succeeded)

        var failing = FakeTaskRunner(["s1": (.failed, 0)])
        let failed = F.run(Self.branches, &failing)
        #expect(failing.sessions == [["s1"], ["s_fail"], ["s_after_fail"]])
        #expect(failed.skipped == ["s_ok"])
        #expect(failed.result("s1")?.status == .failed)
        // s1 has no fail-parent flag: the workflow still succeeds (reference §6.1).
        #expect(failed.status == .succeeded)
    }

    static func join(waitForAll: Bool) -> Workflow {
        F.workflow(
            [F.start(), F.session("a"), F.session("b"), F.session("j", waitForAll: waitForAll)],
            [
                F.link("Start", "b"), F.link("Start", "a"), F.link("a", "j"),
                F.link("b", "j", "$b.Status = SUCCEEDED"),
            ])
    }

    @Test("an AND join waits for all links, an OR join for one")
    func andOrJoin() {
        var allSucceed = FakeTaskRunner()
        let both = F.run(Self.join(waitForAll: true), &allSucceed)
        // a and b became ready together: they run in the order of workflow.tasks, not of the links.
        #expect(both.ran == ["Start", "a", "b", "j"])

        var andRunner = FakeTaskRunner(["b": (.failed, 0)])
        let and = F.run(Self.join(waitForAll: true), &andRunner)
        #expect(andRunner.sessions == [["a"], ["b"]])
        #expect(and.skipped == ["j"])

        var orRunner = FakeTaskRunner(["b": (.failed, 0)])
        let or = F.run(Self.join(waitForAll: false), &orRunner)
        #expect(orRunner.sessions == [["a"], ["b"], ["j"]])
        #expect(or.skipped.isEmpty)
    }

    @Test("an OR join runs once even when several links are taken")
    func orJoinRunsOnce() {
        var sessions = FakeTaskRunner()
        let result = F.run(Self.join(waitForAll: false), &sessions)
        #expect(sessions.sessions == [["a"], ["b"], ["j"]])
        #expect(result.ran == ["Start", "a", "b", "j"])
    }

    static let decision = F.workflow(
        [
            F.start(), F.session("s_stage"),
            F.task("dec_rows", .decision(ScalarExpression("$s_stage.TgtSuccessRows > 0"))),
            F.session("s_load"), F.session("s_empty"),
        ],
        [
            F.link("Start", "s_stage"), F.link("s_stage", "dec_rows"),
            F.link("dec_rows", "s_load", "$dec_rows.Condition = TRUE"),
            F.link("dec_rows", "s_empty", "NOT $dec_rows.Condition"),
        ])

    @Test("a decision branches on a session's target row count")
    func decisionBranches() {
        var rows = FakeTaskRunner(["s_stage": (.succeeded, 5)])
        let loaded = F.run(Self.decision, &rows)
        #expect(rows.sessions == [["s_stage"], ["s_load"]])
        #expect(loaded.skipped == ["s_empty"])
        #expect(loaded.result("dec_rows")?.status == .succeeded)

        var empty = FakeTaskRunner(["s_stage": (.succeeded, 0)])
        let skipped = F.run(Self.decision, &empty)
        #expect(empty.sessions == [["s_stage"], ["s_empty"]])
        #expect(skipped.skipped == ["s_load"])
    }

    static let assignment = F.workflow(
        [
            F.start(),
            F.task(
                "asg",
                .assignment([
                    Attribute("$$COUNT", "$$COUNT + 41"), Attribute("$$LABEL", "'run ' || TO_CHAR($$COUNT)"),
                ])),
            F.session("s_42"), F.session("s_other"),
        ],
        [F.link("Start", "asg"), F.link("asg", "s_42", "$$COUNT = 42"), F.link("asg", "s_other", "$$COUNT <> 42")],
        variables: [F.variable("$$COUNT", .integer, "1"), F.variable("$$LABEL", .string(precision: 20))])

    @Test("an assignment sets workflow variables that later links read")
    func assignmentThenLink() {
        var sessions = FakeTaskRunner()
        let result = F.run(Self.assignment, &sessions)
        #expect(sessions.sessions == [["s_42"]])
        #expect(result.variables["$$COUNT"] == .integer(42))
        // The second assignment sees the first one's value.
        #expect(result.variables["$$LABEL"] == .string("run 42"))
        #expect(result.diagnostics.isEmpty)

        var fromFile = FakeTaskRunner()
        let options = WorkflowRunOptions(parameters: ["$$count": "0"], now: F.now)
        let overridden = F.run(Self.assignment, &fromFile, options: options)
        #expect(fromFile.sessions == [["s_other"]])
        #expect(overridden.variables["$$COUNT"] == .integer(41))
    }

    @Test("a date variable's initial value may use the older format without fraction")
    func dateVariableInitialValue() {
        let workflow = F.workflow(
            [F.start()], [],
            variables: [F.variable("$$RUN_DATE", .dateTime(precision: 29, scale: 9), "12/31/2025 00:00:00")])
        var sessions = FakeTaskRunner()
        let result = F.run(workflow, &sessions)
        #expect(result.variables["$$RUN_DATE"] == ExpressionRunner.isoDateTime("2025-12-31").map(Value.dateTime))
        #expect(result.diagnostics.isEmpty)
    }

    @Test("PrevTaskStatus reads the status of the task that ran before")
    func previousTaskStatus() {
        let workflow = F.workflow(
            [F.start(), F.session("s1"), F.task("dec", .decision(nil)), F.session("s2")],
            [F.link("Start", "s1"), F.link("s1", "dec"), F.link("dec", "s2", "$dec.PrevTaskStatus = FAILED")])
        var failing = FakeTaskRunner(["s1": (.failed, 0)])
        #expect(F.run(workflow, &failing).ran == ["Start", "s1", "dec", "s2"])
        var succeeding = FakeTaskRunner()
        #expect(F.run(workflow, &succeeding).skipped == ["s2"])
    }

    @Test("a link condition that does not type check is reported and not taken")
    func invalidCondition() {
        let workflow = F.workflow(
            [F.start(), F.session("s1"), F.session("s2")],
            [F.link("Start", "s1"), F.link("s1", "s2", "$nosuch.Status = SUCCEEDED", line: 9)])
        var sessions = FakeTaskRunner()
        let result = F.run(workflow, &sessions)
        #expect(result.skipped == ["s2"])
        #expect(result.codes.contains("RT0300"))
        #expect(result.diagnostics.first { $0.code == "RT0300" }?.location.line == 9)
    }
}
