import Codegen
import Foundation
import IR

extension PushdownVerifier {
    /// Creates each staging table of `sql` and fills it with the rows the runtime's flat-file
    /// reader kept from the source's file (the dataset's table, replaced by ``VerificationFlatFiles``),
    /// in file order, each with its ordinal (1, 2, 3, …) in the staging table's ordinal column.
    func stage(
        _ sql: SQLPipelineSQL, _ dataset: SyntheticDataset, into connection: any RelationalConnection,
        _ dialect: any SQLDialect
    ) throws {
        for step in sql.staging {
            guard let table = dataset.tables[step.source] else {
                throw ConnectorError(
                    code: VerifyDiagnostics.loadFailed.code.description,
                    message: "no rows were read for flat-file source '\(step.source)'")
            }
            // The engine's storage type, unless the staging table declares another one (SQLite numbers).
            let declared = zip(step.file.fields, step.columns).map { field, column in
                column.type == SQLType(field.type)
                    ? connection.storageType(for: field.type) : dialect.typeName(column.type)
            }
            try fill(
                step.table.name, columns: step.file.fields.map(\.name) + [step.ordinal],
                declared: declared + [connection.storageType(for: .bigInteger)], rows: Self.numbered(table.rows.rows),
                connection, dialect)
        }
    }

    /// `rows`, each followed by its ordinal: 1, 2, 3, … in the order given.
    static func numbered(_ rows: [[Value]]) -> [[Value]] {
        rows.enumerated().map { index, row in row + [.integer(Int64(index + 1))] }
    }

    /// Creates table `name` with the engine's storage types for `types` (or the `declared` type
    /// names) and inserts `rows`.
    func fill(
        _ name: String, columns: [String], types: [DataType] = [], declared: [String]? = nil, rows: [[Value]],
        _ connection: any RelationalConnection, _ dialect: any SQLDialect
    ) throws {
        let names =
            declared
            ?? types.enumerated().map { column, type in Self.storageType(type, column, rows, on: connection) }
        let definitions = zip(columns, names).map { "\(dialect.identifier($0)) \($1)" }
        try connection.execute("CREATE TABLE \(dialect.identifier(name)) (\(definitions.joined(separator: ", ")))")
        let marks = columns.indices.map { connection.placeholder($0 + 1) }.joined(separator: ", ")
        let insert =
            "INSERT INTO \(dialect.identifier(name)) (\(columns.map(dialect.identifier).joined(separator: ", "))) "
            + "VALUES (\(marks))"
        for outcome in try connection.executeEach(insert, rows: rows) {
            if case .refused(let reason) = outcome {
                throw ConnectorError(
                    code: VerifyDiagnostics.loadFailed.code.description, message: "loading '\(name)': \(reason)",
                    sql: insert)
            }
        }
    }

    /// The column type holding values of `type` (column `column` of `rows`) on `connection`: its
    /// storage type, except that a date/time of more than 6 fractional digits, which PostgreSQL
    /// keeps as text (its timestamp holds microseconds), is a `timestamp(6)` when no value of the
    /// column has a finer fraction, so that SQL computes on it as on a date.
    static func storageType(_ type: DataType, _ column: Int, _ rows: [[Value]], on connection: any RelationalConnection)
        -> String
    {
        let stored = connection.storageType(for: type)
        guard connection is PostgresRelationalConnection, case .dateTime(_, let scale) = type, scale > 6,
            rows.allSatisfy({ row in
                guard column < row.count, case .dateTime(let value) = row[column] else { return true }
                return value.nanosecond % 1000 == 0
            })
        else { return stored }
        return "timestamp(6)"
    }

    /// Runs the query of flat-file target `load` on `connection`, writes its rows with the
    /// runtime's flat-file writer (as a run would, under `folder/files`), and compares them with
    /// the rows the native run gave the target. Both are compared as the typed values the writer
    /// writes (strings cut to their fields): the writer is one function of a row, so equal rows make equal files,
    /// and comparing values is stricter than comparing text (a fixed-width field cut to its
    /// length, say, could make two different values look equal).
    func recordFile(
        _ engine: VerificationEngine, _ load: SQLFileTargetLoad, _ pipeline: Pipeline, folder: String,
        native: SQLiteRelationalConnection, _ connection: any RelationalConnection, _ dialect: any SQLDialect,
        _ settings: EvaluationSettings, _ report: inout VerificationReport
    ) {
        guard let node = pipeline.node(id: load.target) else { return }
        let fields = node.inputPorts
        let path = folder + "/files/\(engine.rawValue)-" + URL(fileURLWithPath: load.file.name).lastPathComponent
        do throws(ConnectorError) {
            let engineRows = try connection.query(
                SQLPrinter(dialect).print(.query(load.query)), types: fields.map(\.type))
            do {
                try FlatFileWriter(format: load.file.format, ports: fields, settings: settings)
                    .write(engineRows, to: path)
            } catch {
                report.problems.append("\(engine.rawValue): target '\(load.target)': the flat-file writer: \(error)")
                return
            }
            // The native run on synthetic data writes the target into the scratch table named after it.
            // The native run stores the values the target received; the writer cuts a string to its
            // field, as the SQL's query does, so both are compared as the writer writes them.
            let stored = try Self.rows(of: node.id, fields, on: native, quote: native.quote)
            let nativeRows =
                settings.flatFileTargetsCutLongStrings
                ? stored.map { row in zip(row, fields).map { FlatFileWriter.written($0, as: $1) } } : stored
            let comparer = TableComparer(columns: fields.map { ($0.name, Self.kind(of: $0.type)) })
            let comparison = comparer.compare(source: nativeRows, target: engineRows.rows)
            let index =
                report.targets.firstIndex { $0.target == node.id }
                ?? {
                    report.targets.append(
                        .init(
                            target: node.id, table: load.file.name, rows: ["native": nativeRows.count],
                            comparisons: [:], file: load.file.displayName(defaultDirectory: "$PMTargetFileDir")))
                    return report.targets.count - 1
                }()
            report.targets[index].rows[engine.rawValue] = engineRows.rows.count
            report.targets[index].comparisons[engine.rawValue] = comparison
        } catch {
            report.problems.append("\(engine.rawValue): target '\(load.target)': \(error.message)")
        }
    }
}
