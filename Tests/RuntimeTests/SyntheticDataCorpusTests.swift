import Foundation
import IR
import Importers
import Testing

@testable import Runtime

/// Synthetic data for every mapping of the real exports in `../shared/corpus/powercenter` (issue 4).
@Suite("Synthetic data corpus")
struct SyntheticDataCorpusTests {
    static var corpusFiles: [String] { CorpusExpressionTypingTests.corpusFiles }

    @Test(
        "20 rows per source for every corpus mapping, every value fitting its type, loadable into SQLite",
        .enabled(if: !corpusFiles.isEmpty, "corpus folder ../shared/corpus/powercenter is absent: skipped"))
    func corpusMappingsGenerate() throws {
        var totals = (pipelines: 0, tables: 0, rows: 0, values: 0, nulls: 0, keyClasses: 0, misfits: 0)
        for file in Self.corpusFiles {
            let result = PowerCenterImporter().importFile(atPath: file)
            for pipeline in result.pipelines {
                let dataset = SyntheticData.generate(for: pipeline, rowsPerSource: 20, seed: 2026)
                totals.pipelines += 1
                totals.tables += dataset.tables.count
                totals.keyClasses += Self.keyClassCount(pipeline)
                let connection = try SQLiteConnection(path: ":memory:")
                try SyntheticData.load(dataset, into: connection)
                for table in dataset.tables.values {
                    #expect(table.rows.rows.count == 20 && table.columns.count == table.types.count)
                    totals.rows += table.rows.rows.count
                    for row in table.rows.rows {
                        for (value, type) in zip(row, table.types) {
                            totals.values += 1
                            if value.isNull { totals.nulls += 1 }
                            guard !TypeFit.fits(value, type) else { continue }
                            totals.misfits += 1
                            Issue.record("\(file): \(pipeline.name).\(table.name): \(value) does not fit \(type)")
                        }
                    }
                }
            }
        }
        print(
            "Synthetic data corpus: \(Self.corpusFiles.count) files, \(totals.pipelines) pipelines, "
                + "\(totals.tables) tables, \(totals.rows) rows, \(totals.values) values (\(totals.nulls) NULL), "
                + "\(totals.keyClasses) classes of compared columns, \(totals.misfits) values not fitting")
        #expect(totals.pipelines > 50 && totals.tables > totals.pipelines)
        #expect(totals.keyClasses > 0)
    }

    static func keyClassCount(_ pipeline: Pipeline) -> Int {
        let shapes = TableShape.shapes(of: pipeline)
        let columns = Dictionary(shapes.map { ($0.name, $0.columns.map(\.name)) }, uniquingKeysWith: { a, _ in a })
        let sources = Set(shapes.filter(\.isSource).map(\.name))
        return KeyClasses(pipeline: pipeline, tableColumns: columns, sources: sources).classes.count
    }
}
