import IR
import Testing

@testable import Importers

/// Workflow translation of hand-written exports: sessions, commands, links, worklets, decisions.
@Suite("PowerCenterWorkflow") struct PowerCenterWorkflowTests {
    @Test func startSessionCommandWithConditionalLinks() throws {
        let outcome = try PowerCenterWorkflowTestSupport.fixture("basic")
        #expect(outcome.workflows.count == 1)
        let workflow = try #require(outcome.workflow("wf_orders"))
        #expect(workflow.description == "Loads orders")
        #expect(workflow.provenance.path.description == "FOLDER[Sales]/WORKFLOW[wf_orders]")
        #expect(workflow.provenance.location.line == 9)
        #expect(workflow.origin.path.description == "FOLDER[Sales]/WORKFLOW[wf_orders]")
        #expect(workflow.tasks.map(\.name) == ["Start", "s_m_orders", "cmd_archive"])
        #expect(workflow.tasks.map(\.kind.kindName) == ["start", "session", "command"])

        let session = try #require(workflow.task(named: "s_m_orders"))
        #expect(session.provenance.path.description == "FOLDER[Sales]/WORKFLOW[wf_orders]/TASKINSTANCE[s_m_orders]")
        #expect(session.provenance.location.line == 50)
        #expect(session.definition?.path.description == "FOLDER[Sales]/WORKFLOW[wf_orders]/SESSION[s_m_orders]")
        #expect(session.definition?.location.line == 19)
        #expect(session.failParentIfFails && !session.failParentIfDidNotRun && session.enabled)
        let spec = try #require(session.session)
        #expect(spec.pipeline == "m_orders")
        #expect(spec.rowKind == .dataDriven)
        #expect(spec.config == "default_session_config")
        #expect(spec.nodes.map(\.node) == ["SQ_ORDERS", "T_ORDERS"])
        #expect(spec.nodes[0].connection == "$DBConnection_SRC")
        #expect(spec.nodes[0].connectionType == "Relational/Oracle")
        #expect(
            spec.nodes[0].attributes == [
                Attribute("Sql Query", "SELECT * FROM ORDERS WHERE STATUS = 'OPEN'"),
                Attribute("SESSTRANSFORMATIONINST.PARTITIONTYPE", "PASS THROUGH"),
                Attribute("SESSIONEXTENSION.TYPE", "READER"),
                Attribute("SESSIONEXTENSION.SUBTYPE", "Relational Reader"),
            ])
        #expect(
            spec.nodes[0].provenance.path.description
                == "FOLDER[Sales]/WORKFLOW[wf_orders]/SESSION[s_m_orders]/SESSTRANSFORMATIONINST[SQ_ORDERS]")
        #expect(spec.nodes[0].provenance.location.line == 20)
        #expect(spec.nodes[1].connection == "DW_ORACLE")
        #expect(
            spec.nodes[1].attributes == [
                Attribute("Target Table Name", "DW.ORDERS"),
                Attribute("SESSIONEXTENSION.TYPE", "WRITER"),
                Attribute("SESSIONEXTENSION.SUBTYPE", "Relational Writer"),
                Attribute("Target load type", "Normal"),
                Attribute("Truncate target table option", "YES"),
            ])
        #expect(
            spec.components == [
                Attribute("Pre-session command", "touch /tmp/start"),
                Attribute("Pre-session variable assignment", "$$LOAD_DATE = $$WF_LOAD_DATE"),
            ])
        #expect(
            session.attributes == [
                Attribute("Commit Interval", "10000"),
                Attribute("SESSION.SORTORDER", "Binary"),
                Attribute("config:Stop on errors", "5"),
                Attribute("config:Override tracing", "None"),
                Attribute("Pre-session command: Fail task if any command fails", "YES"),
            ])

        let command = try #require(workflow.task(named: "cmd_archive"))
        #expect(
            command.kind
                == .command([
                    CommandSpec(name: "copy", command: "cp /data/orders.csv /archive/"),
                    CommandSpec(name: "compress", command: "gzip /archive/orders.csv"),
                ]))
        #expect(!command.enabled && !command.waitForAllInputs && command.failParentIfDidNotRun)
        #expect(command.attributes == [Attribute("Fail task if any command fails", "YES")])

        #expect(workflow.links.map { "\($0.from)->\($0.to)" } == ["Start->s_m_orders", "s_m_orders->cmd_archive"])
        #expect(workflow.links[0].condition == nil)
        #expect(workflow.links[1].condition == ScalarExpression("$s_m_orders.Status = SUCCEEDED"))
        #expect(workflow.links[1].provenance.location.line == 53)

        #expect(workflow.variables.count == 1)
        let variable = try #require(workflow.variables.first)
        #expect(variable.name == "$$WF_LOAD_DATE" && variable.kind == .variable)
        #expect(variable.type == .nstring(precision: 4000))
        #expect(variable.defaultValue == "2024-01-01" && variable.persistent && variable.description == "load date")

        #expect(workflow.schedule?.mode == "on-demand" && workflow.schedule?.cron == nil)
        #expect(workflow.schedule?.notes.isEmpty == true)
        #expect(
            workflow.attributes == [
                Attribute("Parameter Filename", "/params/wf_orders.par"),
                Attribute("WORKFLOW.ISENABLED", "YES"),
                Attribute("WORKFLOW.REUSABLE_SCHEDULER", "NO"),
                Attribute("WORKFLOW.SCHEDULERNAME", "Scheduler"),
                Attribute("WORKFLOW.SERVERNAME", "IS"),
                Attribute("WORKFLOW.SUSPEND_ON_ERROR", "NO"),
            ])

        #expect(workflow.verify().isEmpty)
        // 2 predefined variables note at the WORKFLOW; component task note at the SESSION.
        #expect(outcome.codesAndLines == ["IMP0205@9", "IMP0211@19", "IMP0219@56"])
        // One nested task: singular wording, not "the 1 tasks".
        #expect(outcome.diagnostics.first { $0.code == "IMP0211" }?.message.contains("keeps the task of its") == true)
        // The export gives $$WF_LOAD_DATE no precision: the assumed 4000 is said, not silent.
        #expect(
            outcome.diagnostics.first { $0.code == "IMP0219" }?.message
                == "workflow variable '$$WF_LOAD_DATE' is nstring without a precision in the export; it is given "
                + "4000 characters, a default chosen by the converter")
        #expect(outcome.diagnostics.first { $0.code == "IMP0211" }?.message.contains("'pre_session_command'") == true)
        #expect(
            outcome.entry("TASKINSTANCE") == InventoryEntry(kind: "TASKINSTANCE", seen: 3, represented: 3, diagnosed: 0)
        )
        #expect(outcome.entry("TASK") == InventoryEntry(kind: "TASK", seen: 3, represented: 2, diagnosed: 1))
        #expect(outcome.entry("SESSION") == InventoryEntry(kind: "SESSION", seen: 1, represented: 1, diagnosed: 0))
        #expect(
            outcome.entry("WORKFLOWLINK") == InventoryEntry(kind: "WORKFLOWLINK", seen: 2, represented: 2, diagnosed: 0)
        )
        #expect(outcome.entry("WORKFLOW") == InventoryEntry(kind: "WORKFLOW", seen: 1, represented: 1, diagnosed: 0))
    }

    @Test func reusableSessionWithInstanceOverrides() throws {
        let outcome = try PowerCenterWorkflowTestSupport.fixture("reusable-session")
        let workflow = try #require(outcome.workflow("wf_customers"))
        #expect(workflow.schedule == nil)
        let staging = try #require(workflow.task(named: "s_customers_staging"))
        #expect(staging.definition?.path.description == "FOLDER[Sales]/SESSION[s_customers]")
        #expect(staging.definition?.location.line == 9)
        #expect(staging.description == "reusable load")
        let stagingSpec = try #require(staging.session)
        #expect(stagingSpec.rowKind == .update)
        #expect(stagingSpec.nodes.count == 1)
        #expect(stagingSpec.nodes[0].connection == "STAGING")
        #expect(
            stagingSpec.nodes[0].attributes == [
                Attribute("SESSIONEXTENSION.TYPE", "WRITER"),
                Attribute("SESSIONEXTENSION.SUBTYPE", "Relational Writer"),
                Attribute("Target load type", "Normal"),
                Attribute("Update as Update", "YES"),
            ])
        #expect(stagingSpec.components == [Attribute("Post-session success command", "mail -s done ops@example.com")])
        #expect(
            staging.attributes == [
                Attribute("Commit Interval", "10000"),
                Attribute("SESSION.SORTORDER", "Binary"),
                Attribute("config:Stop on errors", "1"),
                Attribute("Post-session success command: Fail task if any command fails", "NO"),
            ])

        let plain = try #require(workflow.task(named: "s_customers"))
        let plainSpec = try #require(plain.session)
        #expect(plainSpec.rowKind == .insert)
        #expect(plainSpec.nodes[0].connection == "MART")
        #expect(plainSpec.nodes[0].attributes.first { $0.name == "Target load type" }?.value == "Bulk")
        #expect(plain.attribute("config:Stop on errors") == nil)
        #expect(plainSpec.config == "default_session_config")

        // The missing CONFIG is noted once, at the session's CONFIGREFERENCE; the reusable command
        // task copied into the component is noted at its TASK.
        #expect(outcome.codesAndLines == ["IMP0216@5", "IMP0208@11", "IMP0217@21"])
        // IMP0208 sits at the session's CONFIGREFERENCE (11:9), and its path names that element.
        #expect(
            outcome.diagnostics.first { $0.code == "IMP0208" }?.path.description
                == "FOLDER[Sales]/SESSION[s_customers]/CONFIGREFERENCE[default_session_config]")
        #expect(outcome.entry("TASK") == InventoryEntry(kind: "TASK", seen: 2, represented: 1, diagnosed: 1))
        #expect(outcome.entry("SESSION") == InventoryEntry(kind: "SESSION", seen: 1, represented: 1, diagnosed: 0))
        #expect(
            outcome.entry("TASKINSTANCE") == InventoryEntry(kind: "TASKINSTANCE", seen: 3, represented: 3, diagnosed: 0)
        )
    }

    @Test func inlineReusableAndNestedWorklets() throws {
        let outcome = try PowerCenterWorkflowTestSupport.fixture("worklets")
        let workflow = try #require(outcome.workflow("wf_ops"))
        #expect(workflow.tasks.map(\.name) == ["Start", "wkl_outer", "wkl_shared"])

        let outerTask = try #require(workflow.task(named: "wkl_outer"))
        #expect(outerTask.failParentIfFails)
        let outer = try #require(outerTask.worklet)
        #expect(outer.provenance.path.description == "FOLDER[Ops]/WORKFLOW[wf_ops]/WORKLET[wkl_outer]")
        #expect(outer.tasks.map(\.name) == ["Start", "wkl_shared_1"])
        #expect(outer.links.map { "\($0.from)->\($0.to)" } == ["Start->wkl_shared_1"])
        let nestedTask = try #require(outer.task(named: "wkl_shared_1"))
        #expect(nestedTask.attributes == [Attribute("variable:$$RETRIES", "5")])
        #expect(
            nestedTask.provenance.path.description
                == "FOLDER[Ops]/WORKFLOW[wf_ops]/WORKLET[wkl_outer]/TASKINSTANCE[wkl_shared_1]")
        let nested = try #require(nestedTask.worklet)
        #expect(nested.provenance.path.description == "FOLDER[Ops]/WORKLET[wkl_shared]")
        #expect(nested.description == "shared steps")
        #expect(nested.tasks.map(\.name) == ["Start", "cmd_ping"])
        #expect(nested.task(named: "cmd_ping")?.kind == .command([CommandSpec(name: "ping", command: "echo ping")]))
        #expect(
            nested.task(named: "cmd_ping")?.provenance.path.description
                == "FOLDER[Ops]/WORKLET[wkl_shared]/TASKINSTANCE[cmd_ping]")
        #expect(nested.variables.map(\.name) == ["$$RETRIES"])
        #expect(nested.variables.first?.type == .integer && nested.variables.first?.defaultValue == "3")
        #expect(
            nested.attributes == [
                Attribute("Allow Concurrent Run", "NO"),
                Attribute("WORKLET.ISVALID", "YES"),
                Attribute("WORKLET.REUSABLE", "YES"),
            ])

        // The reusable worklet used directly by the workflow is the same definition.
        #expect(workflow.task(named: "wkl_shared")?.worklet == nested)
        #expect(workflow.links[1].condition == ScalarExpression("$wkl_outer.Status = SUCCEEDED"))
        // No SCHEDULER inside wf_ops although it names one: the schedule is unknown (IMP0217).
        #expect(outcome.codesAndLines == ["IMP0217@16"])
        for kind in ["WORKLET", "TASK", "TASKINSTANCE", "WORKFLOWLINK", "WORKFLOW"] {
            let entry = try #require(outcome.entry(kind))
            #expect(entry.represented == entry.seen, "\(kind)")
        }
    }

    @Test func decisionAssignmentControlAndTimer() throws {
        let outcome = try PowerCenterWorkflowTestSupport.fixture("decision-assignment")
        let workflow = try #require(outcome.workflow("wf_branch"))
        let decision = try #require(workflow.task(named: "dec_has_rows"))
        #expect(decision.kind == .decision(ScalarExpression("$asn_counter.Status = SUCCEEDED AND $$RUNS > 0")))
        #expect(decision.attributes.isEmpty)
        #expect(decision.description == "has rows?")
        #expect(workflow.task(named: "dec_empty")?.kind == .decision(nil))
        let assignment = try #require(workflow.task(named: "asn_counter"))
        #expect(
            assignment.kind == .assignment([Attribute("$$LAST_RUN", "SYSDATE"), Attribute("$$RUNS", "$$RUNS + 1")]))
        #expect(assignment.attributes == [Attribute("Assignment Condition", "")])
        let control = try #require(workflow.task(named: "ctl_stop"))
        #expect(control.kind == .control)
        #expect(control.attributes == [Attribute("Control Option", "Stop top-level workflow")])
        let timer = try #require(workflow.task(named: "tmr_wait"))
        #expect(timer.kind == .timer)
        #expect(
            timer.attributes == [
                Attribute("Variable", ""),
                Attribute("TIMER.TIMERTYPE", "START_RELATIVE_TO_TOPLEVEL_WORKFLOW"),
                Attribute("RECURRING.DAYS", "0"),
                Attribute("RECURRING.HOURS", "9"),
                Attribute("RECURRING.MINUTES", "0"),
            ])
        #expect(
            workflow.links.compactMap(\.condition?.text)
                == ["$dec_has_rows.Condition = FALSE", "$dec_has_rows.Condition = TRUE"])
        #expect(workflow.variables.map(\.name) == ["$$RUNS", "$$LAST_RUN"])
        #expect(workflow.variables[0].persistent && workflow.variables[0].defaultValue == "0")
        #expect(workflow.variables[1].type == .dateTime(precision: 29, scale: 9))
        #expect(workflow.variables[1].defaultValue == nil)
        // dec_empty's condition is empty (IMP0218 at its TASK); wf_branch's scheduler is missing (IMP0217).
        #expect(outcome.codesAndLines == ["IMP0217@5", "IMP0218@15"])
    }
}
