import Codegen
import Foundation
import IR
import Importers

/// SQL generation against import, on the same exports in the same run (issue 5: generating the SQL
/// of every mapping in every dialect must cost a small fraction of importing them).
///
///     migrate-bench sqlgen FOLDER [--runs N]
///
/// Imports every `.xml` of FOLDER `runs` times, then lowers every imported pipeline (optimizer
/// passes, then SQL) in each of the ten dialects and prints the statements `runs` times; prints
/// the median seconds of each and the ratio.
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
        for _ in 0..<runs {
            let start = monotonicSeconds()
            pipelines = files.flatMap { PowerCenterImporter().importFile(atPath: $0).pipelines }
            importSeconds.append(monotonicSeconds() - start)
        }
        var sqlSeconds: [Double] = []
        var statements = 0
        var characters = 0
        for _ in 0..<runs {
            statements = 0
            characters = 0
            let start = monotonicSeconds()
            for pipeline in pipelines {
                let optimized = PassManager().run(pipeline).pipeline
                for dialect in SQLDialects.all {
                    let sql = SQLPipelineLowering(dialect).lower(optimized)
                    let text = SQLPipelineScript.text(sql, dialect: dialect)
                    statements += sql.loads.reduce(0) { $0 + $1.statements.count }
                    characters += text.utf8.count
                }
            }
            sqlSeconds.append(monotonicSeconds() - start)
        }
        let importMedian = median(importSeconds)
        let sqlMedian = median(sqlSeconds)
        print(
            "sqlgen \(folder): \(files.count) files, \(pipelines.count) pipelines, \(SQLDialects.all.count) dialects, "
                + "\(statements) statements (\(characters) characters) per run, \(runs) runs")
        print("import (all files):             median \(format(importMedian, 4)) s")
        print("optimize + SQL (all dialects):  median \(format(sqlMedian, 4)) s")
        print("SQL generation / import: \(format(sqlMedian / max(importMedian, 1e-9), 3))")
        return 0
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[(sorted.count - 1) / 2]
    }
}

extension Array {
    /// The element at `index`, or nil outside the array.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
