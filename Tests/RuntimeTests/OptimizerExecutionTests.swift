import Codegen
import Foundation
import IR
import Importers
import Testing

@testable import Runtime

/// The optimizer's passes change how a pipeline computes, never what: every corpus mapping that a
/// pass rewrites runs natively on the same synthetic data with the passes on and off, and the two
/// runs must agree on success, on the number of rejected rows, and on every target table (as
/// multisets, by ``TableReconciler``) and target file.
@Suite struct OptimizerExecutionTests {
    static var corpusFiles: [String] { CorpusExpressionTypingTests.corpusFiles }
    /// The bundled telecom demo, run with the corpus.
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples/telecom/telecom_cdr.XML").path

    /// One native run in a folder of its own.
    struct Run {
        var result: PipelineRunResult
        var connection: SQLiteRelationalConnection
        var folder: String
    }

    @Test(
        "corpus mappings give the same targets and row errors with the optimizer on and off",
        .enabled(if: !corpusFiles.isEmpty, "corpus folder ../shared/corpus/powercenter is absent: skipped"))
    func corpusAgrees() throws {
        var totals = (pipelines: 0, rewritten: 0, succeeded: 0, tables: 0, rows: 0, files: 0)
        for file in Self.corpusFiles + [Self.demo] {
            for pipeline in PowerCenterImporter().importFile(atPath: file).pipelines {
                totals.pipelines += 1
                let optimized = PassManager().run(pipeline).pipeline
                guard optimized != pipeline else { continue }
                totals.rewritten += 1
                let dataset = SyntheticData.generate(for: pipeline, rowsPerSource: 25, seed: 11)
                let before = try Self.run(pipeline, dataset)
                let after = try Self.run(optimized, dataset)
                defer {
                    try? FileManager.default.removeItem(atPath: before.folder)
                    try? FileManager.default.removeItem(atPath: after.folder)
                }
                let label = "\(URL(fileURLWithPath: file).lastPathComponent) \(pipeline.name)"
                #expect(before.result.succeeded == after.result.succeeded, "\(label)")
                #expect(before.result.rejected == after.result.rejected, "\(label)")
                guard before.result.succeeded && after.result.succeeded else { continue }
                totals.succeeded += 1
                let (tables, rows) = try Self.compareTables(pipeline, before, after, label)
                totals.tables += tables
                totals.rows += rows
                totals.files += try Self.compareFiles(before, after, label)
            }
        }
        print(
            "Optimizer on the corpus: \(totals.pipelines) pipelines, \(totals.rewritten) rewritten, "
                + "\(totals.succeeded) run both ways, \(totals.tables) target tables (\(totals.rows) rows) and \(totals.files) target files equal"
        )
        #expect(totals.rewritten > 10)
        #expect(totals.tables > 0 && totals.rows > 0)
    }

    /// Runs `pipeline` on `dataset` in a new folder (scratch database and file directories there).
    static func run(_ pipeline: Pipeline, _ dataset: SyntheticDataset) throws -> Run {
        let folder = NSTemporaryDirectory() + "optimizer-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
        let connection = try SQLiteConnection(path: folder + "/db.sqlite")
        try SyntheticData.load(dataset, into: connection)
        let relational = SQLiteRelationalConnection(connection)
        let directories = ["PMTargetFileDir", "PMSourceFileDir", "PMLookupFileDir", "PMBadFileDir", "PMTempDir"]
        let file = ConnectionsFile(
            directories: Dictionary(uniqueKeysWithValues: directories.map { ($0, folder + "/out") }),
            baseDirectory: folder)
        let now = DateTimeValue(day: 738_000, nanosecond: 0)
        let options = PipelineRunOptions(
            runID: "optimizer", settings: EvaluationSettings(sessionStart: now, now: now, currentYear: 2024),
            batchSize: 7, rejectFile: folder + "/reject.bad")
        let result = PipelineExecutor.run(
            pipeline, resources: RunResources(file: file, scratch: relational, environment: [:]), options: options)
        return Run(result: result, connection: relational, folder: folder)
    }

    /// Reconciles each relational target table of the two runs; returns how many tables and rows
    /// were compared.
    static func compareTables(_ pipeline: Pipeline, _ before: Run, _ after: Run, _ label: String) throws -> (Int, Int) {
        var compared = 0
        var rows = 0
        for node in pipeline.nodes {
            guard case .target(let spec) = node.op, spec.flatFile == nil,
                try before.connection.tableExists(spec.table, schema: nil)
            else { continue }
            let report = try TableReconciler().reconcile(
                source: .init(connection: before.connection, connectionName: "off", table: spec.table),
                target: .init(connection: after.connection, connectionName: "on", table: spec.table))
            #expect(report.verdict == .match, "\(label) \(spec.table):\n\(report.text)")
            compared += 1
            rows += report.source.rows
        }
        return (compared, rows)
    }

    /// Compares the target files of the two runs as sorted lines; returns how many were compared.
    static func compareFiles(_ before: Run, _ after: Run, _ label: String) throws -> Int {
        let names = try FileManager.default.contentsOfDirectory(atPath: before.folder + "/out").sorted()
        for name in names {
            let a = try String(contentsOfFile: before.folder + "/out/" + name, encoding: .utf8)
            let b = (try? String(contentsOfFile: after.folder + "/out/" + name, encoding: .utf8)) ?? "<missing>"
            #expect(a.split(separator: "\n").sorted() == b.split(separator: "\n").sorted(), "\(label) \(name)")
        }
        return names.count
    }
}
