/// How a run treats the rows its sources produce, before any row-kind node changes them.
public enum RowKindDefault: String, Hashable, Sendable, Codable {
    /// Every row is an insert.
    case insert
    /// Every row is an update.
    case update
    /// Every row is a delete.
    case delete
    /// Row-kind nodes decide per row.
    case dataDriven = "data-driven"

    /// "Treat source rows as" for a run of `pipeline` under `session`: the session's setting;
    /// without a session, data driven when the mapping has an Update Strategy (the Workflow
    /// Manager marks such a session Data Driven by default [S3f]), otherwise insert.
    public static func treatingRows(of pipeline: Pipeline, under session: SessionSpec?) -> RowKindDefault {
        if let session { return session.rowKind }
        let hasStrategy = pipeline.nodes.contains { node in
            if case .setRowKind = node.op { return true }
            return false
        }
        return hasStrategy ? .dataDriven : .insert
    }
}

/// Per-node settings of one run of a pipeline: session overrides, connections, target write options.
public struct NodeSettings: Hashable, Sendable, Codable {
    /// The pipeline node these settings apply to.
    public var node: String
    /// The logical connection (a name or a `$Parameter`), if the node reads or writes a database.
    public var connection: String?
    /// The connection's type (`Relational`, `Application`, ...) and subtype (`Oracle`, ...).
    public var connectionType: String?
    /// Overrides of the node's options and further reader/writer settings, verbatim.
    public var attributes: [Attribute]
    /// Where the settings were defined.
    public var provenance: Provenance

    /// Creates node settings.
    public init(
        node: String, connection: String? = nil, connectionType: String? = nil,
        attributes: [Attribute] = [], provenance: Provenance
    ) {
        self.node = node
        self.connection = connection
        self.connectionType = connectionType
        self.attributes = attributes
        self.provenance = provenance
    }

    private enum CodingKeys: String, CodingKey {
        case node, connection, connectionType = "connection_type", attributes, provenance
    }
}

/// A run of a pipeline with its settings (a PowerCenter session).
public struct SessionSpec: Hashable, Sendable, Codable {
    /// The pipeline (mapping) it runs.
    public var pipeline: String
    /// How source rows are treated.
    public var rowKind: RowKindDefault
    /// The session configuration object it references, if any.
    public var config: String?
    /// Per-node overrides and connections.
    public var nodes: [NodeSettings]
    /// Commands and emails before and after the run (`type` = name, `value` = command or reference).
    public var components: [Attribute]

    /// Creates a session spec.
    public init(
        pipeline: String, rowKind: RowKindDefault = .insert, config: String? = nil,
        nodes: [NodeSettings] = [], components: [Attribute] = []
    ) {
        self.pipeline = pipeline
        self.rowKind = rowKind
        self.config = config
        self.nodes = nodes
        self.components = components
    }

    private enum CodingKeys: String, CodingKey {
        case pipeline, rowKind = "row_kind", config, nodes, components
    }
}

/// A shell command of a command task.
public struct CommandSpec: Hashable, Sendable, Codable {
    /// The command's name.
    public var name: String
    /// The shell text.
    public var command: String

    /// Creates a command.
    public init(name: String, command: String) {
        self.name = name
        self.command = command
    }
}

/// What a workflow task does.
public indirect enum TaskKind: Hashable, Sendable {
    /// The workflow's entry point.
    case start
    /// Runs a pipeline.
    case session(SessionSpec)
    /// Runs shell commands in order.
    case command([CommandSpec])
    /// Sends an email.
    case email
    /// Evaluates a condition for downstream links.
    case decision(ScalarExpression?)
    /// Assigns workflow variables (`name` = variable, `value` = expression).
    case assignment([Attribute])
    /// Waits for a time.
    case timer
    /// Waits for an event or a file.
    case eventWait
    /// Raises an event.
    case eventRaise
    /// Fails, stops or aborts the parent or top-level workflow.
    case control
    /// Runs a nested workflow.
    case worklet(Workflow)
    /// A task of a kind the IR does not know; configuration kept, diagnostic raised.
    case opaque(String)

    /// The canonical kind name.
    public var kindName: String {
        switch self {
        case .start: "start"
        case .session: "session"
        case .command: "command"
        case .email: "email"
        case .decision: "decision"
        case .assignment: "assignment"
        case .timer: "timer"
        case .eventWait: "event-wait"
        case .eventRaise: "event-raise"
        case .control: "control"
        case .worklet: "worklet"
        case .opaque: "opaque"
        }
    }
}

/// A task instance in a workflow.
public struct WorkflowTask: Hashable, Sendable {
    /// The instance name, unique in the workflow.
    public var name: String
    /// What it does.
    public var kind: TaskKind
    /// Whether it runs at all.
    public var enabled: Bool
    /// Run when all inbound links are satisfied (true) or when any is (false).
    public var waitForAllInputs: Bool
    /// Mark the parent failed if this task fails.
    public var failParentIfFails: Bool
    /// Mark the parent failed if this task did not run.
    public var failParentIfDidNotRun: Bool
    /// Further settings, verbatim.
    public var attributes: [Attribute]
    /// Free text from the export.
    public var description: String?
    /// Remarks about the conversion of this task.
    public var notes: [ConversionNote]
    /// Where the instance was defined.
    public var provenance: Provenance
    /// Where the reusable task definition was defined, when it differs.
    public var definition: Provenance?

    /// Creates a task.
    public init(
        name: String, kind: TaskKind, enabled: Bool = true, waitForAllInputs: Bool = true,
        failParentIfFails: Bool = false, failParentIfDidNotRun: Bool = false, attributes: [Attribute] = [],
        description: String? = nil, notes: [ConversionNote] = [], provenance: Provenance,
        definition: Provenance? = nil
    ) {
        self.name = name
        self.kind = kind
        self.enabled = enabled
        self.waitForAllInputs = waitForAllInputs
        self.failParentIfFails = failParentIfFails
        self.failParentIfDidNotRun = failParentIfDidNotRun
        self.attributes = attributes
        self.description = description
        self.notes = notes
        self.provenance = provenance
        self.definition = definition
    }
}

extension WorkflowTask {
    /// How exactly the task was converted: opaque tasks and tasks with an error note are opaque,
    /// tasks with a warning note approximate.
    public var fidelity: Fidelity {
        if case .opaque = kind { return .opaque }
        return Fidelity.of(opaque: false, notes: notes)
    }
}

extension WorkflowTask: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, kind, session, commands, condition, assignments, workflow, vendorType = "vendor_type"
        case enabled, waitForAllInputs = "wait_for_all_inputs", failParentIfFails = "fail_parent_if_fails"
        case failParentIfDidNotRun = "fail_parent_if_did_not_run", attributes, description, notes
        case provenance, definition
    }

    /// Decodes `kind` and the kind's payload key, then the common fields.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        let kindName = try c.decode(String.self, forKey: .kind)
        switch kindName {
        case "start": kind = .start
        case "session": kind = .session(try c.decode(SessionSpec.self, forKey: .session))
        case "command": kind = .command(try c.decodeIfPresent([CommandSpec].self, forKey: .commands) ?? [])
        case "email": kind = .email
        case "decision": kind = .decision(try c.decodeIfPresent(ScalarExpression.self, forKey: .condition))
        case "assignment": kind = .assignment(try c.decodeIfPresent([Attribute].self, forKey: .assignments) ?? [])
        case "timer": kind = .timer
        case "event-wait": kind = .eventWait
        case "event-raise": kind = .eventRaise
        case "control": kind = .control
        case "worklet": kind = .worklet(try c.decode(Workflow.self, forKey: .workflow))
        case "opaque": kind = .opaque(try c.decode(String.self, forKey: .vendorType))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: c,
                debugDescription: "'\(kindName)' is not a task kind (start, session, command, email, decision, "
                    + "assignment, timer, event-wait, event-raise, control, worklet, opaque)")
        }
        enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? true
        waitForAllInputs = try c.decodeIfPresent(Bool.self, forKey: .waitForAllInputs) ?? true
        failParentIfFails = try c.decodeIfPresent(Bool.self, forKey: .failParentIfFails) ?? false
        failParentIfDidNotRun = try c.decodeIfPresent(Bool.self, forKey: .failParentIfDidNotRun) ?? false
        attributes = try c.decodeIfPresent([Attribute].self, forKey: .attributes) ?? []
        description = try c.decodeIfPresent(String.self, forKey: .description)
        notes = try c.decodeIfPresent([ConversionNote].self, forKey: .notes) ?? []
        provenance = try c.decode(Provenance.self, forKey: .provenance)
        definition = try c.decodeIfPresent(Provenance.self, forKey: .definition)
    }

    /// Encodes in canonical key order.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(kind.kindName, forKey: .kind)
        switch kind {
        case .session(let spec): try c.encode(spec, forKey: .session)
        case .command(let commands): try c.encode(commands, forKey: .commands)
        case .decision(let condition): try c.encodeIfPresent(condition, forKey: .condition)
        case .assignment(let pairs): try c.encode(pairs, forKey: .assignments)
        case .worklet(let workflow): try c.encode(workflow, forKey: .workflow)
        case .opaque(let vendorType): try c.encode(vendorType, forKey: .vendorType)
        case .start, .email, .timer, .eventWait, .eventRaise, .control: break
        }
        try c.encode(enabled, forKey: .enabled)
        try c.encode(waitForAllInputs, forKey: .waitForAllInputs)
        try c.encode(failParentIfFails, forKey: .failParentIfFails)
        try c.encode(failParentIfDidNotRun, forKey: .failParentIfDidNotRun)
        if !attributes.isEmpty { try c.encode(attributes, forKey: .attributes) }
        try c.encodeIfPresent(description, forKey: .description)
        if !notes.isEmpty { try c.encode(notes, forKey: .notes) }
        try c.encode(provenance, forKey: .provenance)
        try c.encodeIfPresent(definition, forKey: .definition)
    }
}

/// A dependency between two tasks, taken when the upstream task completed and the condition holds.
public struct WorkflowLink: Hashable, Sendable, Codable {
    /// The upstream task.
    public var from: String
    /// The downstream task.
    public var to: String
    /// The condition (nil = always).
    public var condition: ScalarExpression?
    /// Where the link was defined.
    public var provenance: Provenance

    /// Creates a link.
    public init(from: String, to: String, condition: ScalarExpression? = nil, provenance: Provenance) {
        self.from = from
        self.to = to
        self.condition = condition
        self.provenance = provenance
    }
}

/// When a workflow runs.
public struct Schedule: Hashable, Sendable, Codable {
    /// `on-demand`, `continuous`, `on-server-start`, `once`, `recurring` or `custom`.
    public var mode: String
    /// A cron expression equivalent to the schedule, when one exists.
    public var cron: String?
    /// The time zone of `cron` and the dates, when known.
    public var timeZone: String?
    /// First run date and time, as exported.
    public var start: String?
    /// End condition, as exported (`end-on 12/31/2030`, `end-after 10`, `forever`).
    public var end: String?
    /// Every setting of the legacy schedule, verbatim.
    public var attributes: [Attribute]
    /// Remarks (for example: no cron equivalent).
    public var notes: [ConversionNote]
    /// Where the schedule was defined.
    public var provenance: Provenance

    /// Creates a schedule.
    public init(
        mode: String, cron: String? = nil, timeZone: String? = nil, start: String? = nil,
        end: String? = nil, attributes: [Attribute] = [], notes: [ConversionNote] = [],
        provenance: Provenance
    ) {
        self.mode = mode
        self.cron = cron
        self.timeZone = timeZone
        self.start = start
        self.end = end
        self.attributes = attributes
        self.notes = notes
        self.provenance = provenance
    }

    private enum CodingKeys: String, CodingKey {
        case mode, cron, timeZone = "time_zone", start, end, attributes, notes, provenance
    }

    /// Decodes a schedule; `attributes` and `notes` may be omitted.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        mode = try c.decode(String.self, forKey: .mode)
        cron = try c.decodeIfPresent(String.self, forKey: .cron)
        timeZone = try c.decodeIfPresent(String.self, forKey: .timeZone)
        start = try c.decodeIfPresent(String.self, forKey: .start)
        end = try c.decodeIfPresent(String.self, forKey: .end)
        attributes = try c.decodeIfPresent([Attribute].self, forKey: .attributes) ?? []
        notes = try c.decodeIfPresent([ConversionNote].self, forKey: .notes) ?? []
        provenance = try c.decode(Provenance.self, forKey: .provenance)
    }

    /// Encodes in canonical key order, omitting empty parts.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mode, forKey: .mode)
        try c.encodeIfPresent(cron, forKey: .cron)
        try c.encodeIfPresent(timeZone, forKey: .timeZone)
        try c.encodeIfPresent(start, forKey: .start)
        try c.encodeIfPresent(end, forKey: .end)
        if !attributes.isEmpty { try c.encode(attributes, forKey: .attributes) }
        if !notes.isEmpty { try c.encode(notes, forKey: .notes) }
        try c.encode(provenance, forKey: .provenance)
    }
}

/// An orchestration of tasks: sessions (pipeline runs), commands, decisions, nested workflows.
public struct Workflow: Hashable, Sendable {
    /// The workflow's name.
    public var name: String
    /// Free text from the export.
    public var description: String?
    /// Where it came from.
    public var origin: Origin
    /// Workflow variables and parameters.
    public var variables: [Parameter]
    /// When it runs.
    public var schedule: Schedule?
    /// The tasks, in export order.
    public var tasks: [WorkflowTask]
    /// The dependencies between tasks.
    public var links: [WorkflowLink]
    /// Settings with no typed option, kept verbatim.
    public var attributes: [Attribute]
    /// Remarks about the workflow that concern no single task (links, variables, its schedule).
    public var notes: [ConversionNote] = []
    /// Where the workflow was defined.
    public var provenance: Provenance

    /// Creates a workflow.
    public init(
        name: String, description: String? = nil, origin: Origin, variables: [Parameter] = [],
        schedule: Schedule? = nil, tasks: [WorkflowTask], links: [WorkflowLink] = [],
        attributes: [Attribute] = [], provenance: Provenance
    ) {
        self.name = name
        self.description = description
        self.origin = origin
        self.variables = variables
        self.schedule = schedule
        self.tasks = tasks
        self.links = links
        self.attributes = attributes
        self.provenance = provenance
    }

    /// The task with the given name.
    public func task(named name: String) -> WorkflowTask? { tasks.first { $0.name == name } }

    /// A score in 0...1: the share of tasks converted exactly (approximate tasks count one half,
    /// opaque or erroneous ones zero); each workflow-level warning or error note (including the
    /// schedule's) counts as one more part scoring one half or zero.
    public var confidence: Double {
        Fidelity.confidence(parts: tasks.map(\.fidelity), notes: notes + (schedule?.notes ?? []))
    }
}

extension Workflow: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, description, origin, confidence, variables, schedule, tasks, links, attributes, notes, provenance
    }

    /// Decodes a workflow; `confidence` is derived and ignored on input.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        origin = try c.decode(Origin.self, forKey: .origin)
        variables = try c.decodeIfPresent([Parameter].self, forKey: .variables) ?? []
        schedule = try c.decodeIfPresent(Schedule.self, forKey: .schedule)
        tasks = try c.decodeIfPresent([WorkflowTask].self, forKey: .tasks) ?? []
        links = try c.decodeIfPresent([WorkflowLink].self, forKey: .links) ?? []
        attributes = try c.decodeIfPresent([Attribute].self, forKey: .attributes) ?? []
        notes = try c.decodeIfPresent([ConversionNote].self, forKey: .notes) ?? []
        provenance = try c.decode(Provenance.self, forKey: .provenance)
    }

    /// Encodes in canonical key order.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encode(origin, forKey: .origin)
        try c.encode((confidence * 100).rounded() / 100, forKey: .confidence)
        if !variables.isEmpty { try c.encode(variables, forKey: .variables) }
        try c.encodeIfPresent(schedule, forKey: .schedule)
        try c.encode(tasks, forKey: .tasks)
        if !links.isEmpty { try c.encode(links, forKey: .links) }
        if !attributes.isEmpty { try c.encode(attributes, forKey: .attributes) }
        if !notes.isEmpty { try c.encode(notes, forKey: .notes) }
        try c.encode(provenance, forKey: .provenance)
    }
}

extension Workflow {
    /// The first session task of this workflow (or its worklets) that runs `pipeline`, with the
    /// task's attributes.
    public func sessionTask(running pipeline: String) -> (spec: SessionSpec, attributes: [Attribute])? {
        for task in tasks {
            switch task.kind {
            case .session(let spec) where spec.pipeline.uppercased() == pipeline.uppercased():
                return (spec, task.attributes)
            case .worklet(let inner): if let found = inner.sessionTask(running: pipeline) { return found }
            default: continue
            }
        }
        return nil
    }
}

extension [Attribute] {
    /// A session attribute's value, from the session itself or its configuration object (written
    /// with the `config:` prefix).
    public func sessionValue(_ name: String) -> String? {
        first { $0.name == name }?.value ?? first { $0.name == "config:" + name }?.value
    }
}
