import Codegen
import Foundation
import IR
import Importers
import Runtime

/// SQL generation against import, on the same exports in the same run (issue 5: generating the SQL
/// of every mapping in every dialect must cost a small fraction of importing them).
///
///     migrate-bench sqlgen FOLDER [--runs N] [--all-dialects-only] [--per-pipeline N]
///
/// `runs` times: imports every `.xml` of FOLDER, then optimizes every imported pipeline (the
/// optimizer passes, once per pipeline), lowers it into the ten dialects at once
/// (``SQLPipelineLowering/lower(_:inEach:)``, as `migrate convert --dialect D1,D2,…` needs) and
/// prints the statements; prints the median and best seconds of each, the optimizer's share, and
/// the ratios. Then, for each dialect alone (what `migrate convert --dialect D` needs: the
/// optimizer and one lowering), the median seconds and their ratio to the import, unless
/// `--all-dialects-only` (for profiling the ten dialects at once). `--per-pipeline N` also prints
/// the N pipelines whose optimizer and lowering cost most.
///
/// It also times, apart, the import check `migrate convert` runs on every import result
/// (``ExpressionTypingCheck``: every expression parsed and type checked), and prints the ratio of
/// the SQL generation to the import with it; the first ratio, to the import alone, is the one
/// issue 5 asks about.
enum SQLGenCommand {
    static func run(_ arguments: [String]) -> Int32 {
        guard let folder = arguments.first else {
            printError("sqlgen needs a FOLDER of exports")
            return 2
        }
        let runs = arguments.firstIndex(of: "--runs").flatMap { Int(arguments[safe: $0 + 1] ?? "") } ?? 5
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.lowercased().hasSuffix(".xml") }.sorted().map { "\(folder)/\($0)" }
        guard !files.isEmpty else {
            printError("no .xml exports in \(folder)")
            return 2
        }
        var pipelines: [Pipeline] = []
        var importSeconds: [Double] = []
        var checkSeconds: [Double] = []
        var checkDiagnostics = 0
        var sqlSeconds: [Double] = []
        var optimizerSeconds: [Double] = []
        var output = (statements: 0, characters: 0)
        // Each run imports, then generates the SQL of what it imported: both are measured under the
        // same load of the machine, so their ratio holds even when the load changes between runs.
        for _ in 0..<runs {
            pipelines = []  // the previous run's pipelines are freed outside the timing
            let importStart = monotonicSeconds()
            let results = files.map { PowerCenterImporter().importFile(atPath: $0) }
            importSeconds.append(monotonicSeconds() - importStart)
            let checkStart = monotonicSeconds()
            checkDiagnostics = results.reduce(0) { $0 + ExpressionTypingCheck().check($1).count }
            checkSeconds.append(monotonicSeconds() - checkStart)
            pipelines = results.flatMap(\.pipelines)
            let start = monotonicSeconds()
            var optimizing = 0.0
            output = (0, 0)
            for pipeline in pipelines {
                let passes = monotonicSeconds()
                let optimized = PassManager().run(pipeline).pipeline
                optimizing += monotonicSeconds() - passes
                let lowered = SQLPipelineLowering(SQLDialects.all[0]).lower(optimized, inEach: SQLDialects.all)
                for (dialect, sql) in zip(SQLDialects.all, lowered) {
                    // Every statement the script holds: the table targets' loads, the queries
                    // whose rows the runtime writes to flat-file targets, the staging tables.
                    output.statements += sql.loads.reduce(0) { $0 + $1.statements.count }
                    output.statements += sql.fileLoads.count + sql.staging.count
                    output.characters += SQLPipelineScript.text(sql, dialect: dialect).utf8.count
                }
            }
            sqlSeconds.append(monotonicSeconds() - start)
            optimizerSeconds.append(optimizing)
        }
        if let count = arguments.firstIndex(of: "--per-pipeline").flatMap({ Int(arguments[safe: $0 + 1] ?? "") }) {
            printCostliest(pipelines, count: count, runs: runs)
        }
        var singleSeconds: [[Double]] = Array(repeating: [], count: SQLDialects.all.count)
        // Printed with the times, so the work is used (an export may give no SQL in a dialect).
        var singleCharacters = Array(repeating: 0, count: SQLDialects.all.count)
        let single = !arguments.contains("--all-dialects-only")
        for _ in 0..<runs where single {
            for (index, dialect) in SQLDialects.all.enumerated() {
                let start = monotonicSeconds()
                var characters = 0
                for pipeline in pipelines {
                    let optimized = PassManager().run(pipeline).pipeline
                    let sql = SQLPipelineLowering(dialect).lower(optimized)
                    characters += SQLPipelineScript.text(sql, dialect: dialect).utf8.count
                }
                singleSeconds[index].append(monotonicSeconds() - start)
                singleCharacters[index] = characters
            }
        }
        let importMedian = median(importSeconds)
        let sqlMedian = median(sqlSeconds)
        print(
            "sqlgen \(folder): \(files.count) files, \(pipelines.count) pipelines, \(SQLDialects.all.count) dialects, "
                + "\(output.statements) statements (\(output.characters) characters) per run, \(runs) runs")
        print(
            "import (all files):             median \(format(importMedian, 4)) s  best \(format(best(importSeconds), 4)) s"
        )
        print("optimize + SQL (all dialects):  median \(format(sqlMedian, 4)) s  best \(format(best(sqlSeconds), 4)) s")
        print(
            "  of which the optimizer:       median \(format(median(optimizerSeconds), 4)) s  "
                + "best \(format(best(optimizerSeconds), 4)) s")
        print(
            "SQL generation / import: \(format(sqlMedian / max(importMedian, 1e-9), 3)) (medians), "
                + "\(format(best(sqlSeconds) / max(best(importSeconds), 1e-9), 3)) (bests)")
        let checkMedian = median(checkSeconds)
        print(
            "import check (expression typing, as migrate convert runs it): median \(format(checkMedian, 4)) s  "
                + "best \(format(best(checkSeconds), 4)) s, \(checkDiagnostics) diagnostics")
        print(
            "SQL generation / (import + check): \(format(sqlMedian / max(importMedian + checkMedian, 1e-9), 3)) (medians), "
                + "\(format(best(sqlSeconds) / max(best(importSeconds) + best(checkSeconds), 1e-9), 3)) (bests)")
        guard single else { return 0 }
        print("one dialect alone (optimize + SQL), median s and / import, characters of SQL:")
        for (index, dialect) in SQLDialects.all.enumerated() {
            let single = median(singleSeconds[index])
            let name = dialect.name.padding(toLength: 12, withPad: " ", startingAt: 0)
            print(
                "  \(name) \(format(single, 4)) s  \(format(single / max(importMedian, 1e-9), 3))  "
                    + "\(singleCharacters[index])")
        }
        return 0
    }

    /// The `count` pipelines whose optimizer and ten-dialect lowering cost most (median of `runs`),
    /// with their nodes and ports: where the time goes.
    static func printCostliest(_ pipelines: [Pipeline], count: Int, runs: Int) {
        var rows: [(name: String, nodes: Int, ports: Int, optimize: Double, lower: Double)] = []
        // Each pass's seconds (its run and the verification after it), summed over the pipelines.
        var passSeconds: [String: [Double]] = [:]
        for pipeline in pipelines {
            var optimize: [Double] = []
            var lower: [Double] = []
            var passes: [String: [Double]] = [:]
            for _ in 0..<runs {
                let start = monotonicSeconds()
                let outcome = PassManager().run(pipeline)
                let optimized = outcome.pipeline
                for (pass, seconds) in outcome.timings { passes[pass, default: []].append(seconds) }
                let middle = monotonicSeconds()
                _ = SQLPipelineLowering(SQLDialects.all[0]).lower(optimized, inEach: SQLDialects.all)
                lower.append(monotonicSeconds() - middle)
                optimize.append(middle - start)
            }
            for (pass, seconds) in passes { passSeconds[pass, default: []].append(median(seconds)) }
            let ports = pipeline.nodes.reduce(0) { $0 + $1.ports.count }
            rows.append((pipeline.name, pipeline.nodes.count, ports, median(optimize), median(lower)))
        }
        let total = rows.reduce((0.0, 0.0)) { ($0.0 + $1.optimize, $0.1 + $1.lower) }
        print("per pipeline (median of \(runs)); all: optimize \(format(total.0, 4)) s, lower \(format(total.1, 4)) s")
        for pass in PassManager.standard.map(\.name) {
            print("  pass \(pass): \(format((passSeconds[pass] ?? []).reduce(0, +) * 1000, 2)) ms")
        }
        for row in rows.sorted(by: { $0.optimize + $0.lower > $1.optimize + $1.lower }).prefix(count) {
            print(
                "  \(format(row.optimize * 1000, 2)) ms + \(format(row.lower * 1000, 2)) ms  "
                    + "\(row.nodes) nodes \(row.ports) ports  \(row.name)")
        }
    }

    /// The least of `values`: on a shared machine, the run least disturbed by other work.
    static func best(_ values: [Double]) -> Double { values.min() ?? 0 }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[(sorted.count - 1) / 2]
    }
}

extension Array {
    /// The element at `index`, or nil outside the array.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
