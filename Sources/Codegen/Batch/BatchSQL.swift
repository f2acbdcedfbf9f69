import Foundation
import IR

/// The `.sql` files `migrate convert --dialect` writes next to each pipeline's YAML: one per
/// dialect, holding the statements of every target the lowering pushes down and, as comments, each
/// target that stays in the runtime with the node, the code, the reason and the location.
public enum BatchSQL {
    /// The script of `pipeline` in `dialect`, under its session in `workflows` when there is one,
    /// after the optimizer's passes (as `migrate sql` lowers it).
    public static func script(_ pipeline: Pipeline, dialect: any SQLDialect, workflows: [Workflow] = []) -> String {
        scripts(pipeline, dialects: [dialect], workflows: workflows)[0]
    }

    /// The script of `pipeline` in each of `dialects`, in order: the same as ``script(_:dialect:workflows:)``
    /// for each, but the optimizer's passes run once and the dialects are lowered together
    /// (``SQLPipelineLowering/lower(_:inEach:)``).
    public static func scripts(_ pipeline: Pipeline, dialects: [any SQLDialect], workflows: [Workflow] = []) -> [String]
    {
        guard let first = dialects.first else { return [] }
        let session = SessionLowering.session(for: pipeline, in: workflows)
        // The optimizer's passes run as `migrate sql` runs them, so both write the same SQL.
        let optimized = PassManager().run(pipeline).pipeline
        let lowering = SessionLowering.lowering(
            first, optimized, session?.spec, highPrecision: SessionLowering.highPrecision(session),
            stopOnErrors: SessionLowering.stopOnErrors(session))
        return zip(dialects, lowering.lower(optimized, inEach: dialects)).map { dialect, sql in
            text(pipeline, sql, dialect)
        }
    }

    /// The script of `pipeline`'s SQL `sql` in `dialect`: its pushdown, each target kept in the
    /// runtime as a comment, then the statements.
    static func text(_ pipeline: Pipeline, _ sql: SQLPipelineSQL, _ dialect: any SQLDialect) -> String {
        let pushed = sql.report.pushedDown.count
        var text = SQLPipelineScript.comment(
            "\(pipeline.name) in \(dialect.name): pushdown \(sql.report.status.rawValue) "
                + "(\(pushed) of \(pushed + sql.report.notPushedDown.count) targets)")
        for refusal in sql.report.notPushedDown {
            let d = refusal.diagnostic
            let location = "\(d.location.file):\(d.location.line):\(d.location.column)"
            text += SQLPipelineScript.comment(
                "target \(refusal.target) stays in the runtime: node \(refusal.node): [\(d.code)] \(d.message) (\(location))"
            )
        }
        let statements = SQLPipelineScript.text(sql, dialect: dialect)
        return statements.isEmpty ? text : text + "\n" + statements
    }

    /// The path of the `.sql` file for the pipeline whose YAML is at `yamlPath`.
    public static func path(forYAML yamlPath: String, dialect: any SQLDialect) -> String {
        let stem = yamlPath.hasSuffix(".yaml") ? String(yamlPath.dropLast(".yaml".count)) : yamlPath
        return stem + ".\(dialect.name).sql"
    }
}
