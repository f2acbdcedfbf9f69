import IR

/// The SQL lowering of a mapping under the session that runs it: "Treat source rows as", "Enable
/// high precision", and each target's writer options and Pre SQL / Post SQL, read with the
/// runtime's attribute names and defaults (Runtime's TargetRunner and RunService).
public enum SessionLowering {
    /// The first session of `workflows` that runs `pipeline`, if any.
    public static func session(for pipeline: Pipeline, in workflows: [Workflow]) -> (
        spec: SessionSpec, attributes: [Attribute]
    )? {
        workflows.lazy.compactMap { $0.sessionTask(running: pipeline.name) }.first
    }

    /// Whether `session` enables high precision ("Enable high precision", off by default).
    public static func highPrecision(_ session: (spec: SessionSpec, attributes: [Attribute])?) -> Bool {
        session?.attributes.sessionValue("Enable high precision")?.uppercased() == "YES"
    }

    /// The session's "Stop on errors" (0 when absent or not a number: never stop).
    public static func stopOnErrors(_ session: (spec: SessionSpec, attributes: [Attribute])?) -> Int {
        stopOnErrors(session?.attributes ?? [])
    }

    /// "Stop on errors" among a session's attributes (0 when absent or not a number: never stop),
    /// as the runtime and the SQL both read it.
    public static func stopOnErrors(_ attributes: [Attribute]) -> Int {
        Int(attributes.sessionValue("Stop on errors")?.trimmingSpaces() ?? "") ?? 0
    }

    /// The lowering for `dialect` of `pipeline` under `session` (nil: PowerCenter's session defaults).
    public static func lowering(
        _ dialect: any SQLDialect, _ pipeline: Pipeline, _ session: SessionSpec?, highPrecision: Bool,
        stopOnErrors: Int = 0
    ) -> SQLPipelineLowering {
        var options: [String: SQLTargetWriteOptions] = [:]
        var truncated: Set<String> = []
        var targetSQL: [String: SQLTargetSQL] = [:]
        for node in pipeline.nodes {
            guard case .target = node.op else { continue }
            let attributes = (session?.nodes.first { $0.node == node.id }?.attributes ?? []) + node.attributes
            func value(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
            func flag(_ name: String, _ fallback: Bool) -> Bool {
                guard let text = value(name)?.uppercased() else { return fallback }
                return text == "YES" || text == "1" || text == "TRUE"
            }
            let writer = SQLTargetWriteOptions(
                insert: flag("Insert", true), updateAsUpdate: flag("Update as Update", true),
                updateAsInsert: flag("Update as Insert", false), updateElseInsert: flag("Update else Insert", false),
                delete: flag("Delete", true), truncate: flag("Truncate target table option", false))
            options[node.id] = writer
            if writer.truncate { truncated.insert(node.id) }
            targetSQL[node.id] = SQLTargetSQL(pre: value("Pre SQL"), post: value("Post SQL"))
        }
        var lowering = SQLPipelineLowering(
            dialect, options: SQLLoweringOptions(highPrecision: highPrecision), truncatedTargets: truncated,
            treatRowsAs: .treatingRows(of: pipeline, under: session), targetOptions: options)
        lowering.targetSQL = targetSQL
        lowering.session = session
        lowering.stopOnErrors = stopOnErrors
        return lowering
    }
}
