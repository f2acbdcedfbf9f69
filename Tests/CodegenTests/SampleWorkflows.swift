import IR

/// A hand-built workflow with one task of every kind, every option set.
enum SampleWorkflows {
    static let file = "wf_all_tasks.XML"
    static let workflowPath = ObjectPath([.init("FOLDER", "Sales"), .init("WORKFLOW", "wf_all")])

    static func at(_ path: ObjectPath, line: Int, column: Int = 4) -> Provenance {
        Provenance(path: path, location: SourceLocation(file: file, line: line, column: column))
    }

    static func task(_ name: String, _ kind: TaskKind, line: Int, in parent: ObjectPath = workflowPath) -> WorkflowTask
    {
        WorkflowTask(name: name, kind: kind, provenance: at(parent.appending("TASKINSTANCE", name), line: line))
    }

    static var allTasks: Workflow {
        Workflow(
            name: "wf_all", description: "Loads: customers\nthen reports",
            origin: Origin(
                tool: "PowerCenter", file: file, path: workflowPath, repository: "REP_DEV", exported: "2024-03-04"),
            variables: [
                Parameter(
                    name: "$$RUN_COUNT", kind: .variable, type: .integer, defaultValue: "0", aggregation: .count,
                    persistent: true, description: "runs so far",
                    provenance: at(workflowPath.appending("WORKFLOWVARIABLE", "$$RUN_COUNT"), line: 3))
            ],
            schedule: Schedule(
                mode: "recurring", cron: "0 2 * * *", timeZone: "Europe/Warsaw", start: "01/01/2024 02:00",
                end: "forever",
                attributes: [Attribute("Days", "Mon,Tue")],
                notes: [ConversionNote(code: "IMP0070", severity: .note, message: "schedule converted to cron")],
                provenance: at(workflowPath.appending("SCHEDULER", "daily"), line: 5)),
            tasks: tasks, links: links, attributes: [Attribute("Server", "IS_DEV")],
            provenance: at(workflowPath, line: 2, column: 1))
    }

    static var tasks: [WorkflowTask] {
        var session = task(
            "s_m_load",
            .session(
                SessionSpec(
                    pipeline: "m_load_customers", rowKind: .dataDriven, config: "default_session_config",
                    nodes: [
                        NodeSettings(
                            node: "SQ_CUSTOMERS", connection: "$DBConnection_SRC", connectionType: "Relational/Oracle",
                            attributes: [Attribute("Owner Name", "dbo")],
                            provenance: at(
                                workflowPath.appending("SESSION", "s_m_load").appending(
                                    "SESSIONEXTENSION", "SQ_CUSTOMERS"), line: 21))
                    ],
                    components: [Attribute("Pre-session command", "echo 'start'")])), line: 20)
        session.failParentIfFails = true
        session.attributes = [Attribute("Treat source rows as", "Data driven")]
        session.definition = at(workflowPath.appending("SESSION", "s_m_load"), line: 19)
        var command = task(
            "cmd_cleanup",
            .command([
                CommandSpec(name: "COMMAND1", command: "rm -f /tmp/x.dat && echo done: ok"),
                CommandSpec(name: "COMMAND2", command: "  indented"),
            ]), line: 30)
        command.enabled = false
        command.waitForAllInputs = false
        command.failParentIfDidNotRun = true
        command.description = "# not a comment"
        var email = task("email_done", .email, line: 40)
        email.notes = [ConversionNote(code: "IMP0071", severity: .warning, message: "email settings are kept verbatim")]
        return [
            task("Start", .start, line: 10), session, command, email,
            task("dec_ok", .decision(ScalarExpression("$s_m_load.Status = SUCCEEDED")), line: 50),
            task("dec_empty", .decision(nil), line: 55),
            task("asg_count", .assignment([Attribute("$$RUN_COUNT", "$$RUN_COUNT + 1")]), line: 60),
            task("tmr_wait", .timer, line: 70),
            task("ew_file", .eventWait, line: 80),
            task("er_done", .eventRaise, line: 90),
            task("ctl_fail", .control, line: 100),
            task("wklt_inner", .worklet(inner), line: 110),
            task("custom_1", .opaque("Custom Task"), line: 120),
        ]
    }

    static var inner: Workflow {
        let path = workflowPath.appending("WORKLET", "wklt_inner")
        return Workflow(
            name: "wklt_inner", origin: Origin(tool: "PowerCenter", file: file, path: path),
            variables: [
                Parameter(
                    name: "$$FLAG", kind: .parameter, type: .string(precision: 1),
                    provenance: at(path.appending("WORKFLOWVARIABLE", "$$FLAG"), line: 112))
            ],
            tasks: [task("Start", .start, line: 113, in: path), task("cmd_x", .command([]), line: 114, in: path)],
            links: [
                WorkflowLink(
                    from: "Start", to: "cmd_x",
                    provenance: at(path.appending("WORKFLOWLINK", "Start->cmd_x"), line: 115))
            ],
            provenance: at(path, line: 111))
    }

    static var links: [WorkflowLink] {
        func link(_ from: String, _ to: String, _ condition: String?, line: Int) -> WorkflowLink {
            WorkflowLink(
                from: from, to: to, condition: condition.map(ScalarExpression.init),
                provenance: at(workflowPath.appending("WORKFLOWLINK", "\(from)->\(to)"), line: line))
        }
        return [
            link("Start", "s_m_load", nil, line: 130),
            link("s_m_load", "cmd_cleanup", "$s_m_load.Status = SUCCEEDED", line: 131),
            link("cmd_cleanup", "dec_ok", "$cmd_cleanup.Status = FAILED\nOR 1 = 1", line: 132),
        ]
    }
}
