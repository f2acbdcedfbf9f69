import Foundation
import IR

/// The flat-file sources of a verification, read as a native run reads them: each source's rows
/// are a file in the source's own layout (the `--data DIR` file named as the session names it,
/// else the dataset's rows written with the runtime's ``FlatFileWriter``, after as many header
/// lines as the layout skips), read back with the runtime's ``FlatFileReader``. The rows the
/// reader keeps replace the dataset's table, so the native run and the SQL's staging table get
/// the same rows; records the reader rejects are counted, as in a native run.
enum VerificationFlatFiles {
    /// Replaces the table of each flat-file source of `pipeline` in `dataset` with the rows the
    /// reader keeps from its file (written under `folder/files` unless `dataFolder` holds it);
    /// returns what each read gave.
    static func read(
        _ dataset: inout SyntheticDataset, _ pipeline: Pipeline, session: SessionSpec?,
        settings: EvaluationSettings, folder: String, dataFolder: String?
    ) throws -> [VerificationReport.FileSource] {
        var result: [VerificationReport.FileSource] = []
        for source in pipeline.nodes {
            guard case .source(let spec) = source.op, let format = spec.flatFile else { continue }
            let fields = fields(of: source)
            let name = URL(fileURLWithPath: fileName(of: source, spec, in: pipeline, session)).lastPathComponent
            let reader = FlatFileReader(format: format, ports: fields, settings: settings)
            var path = folder + "/files/" + name
            if let dataFolder, FileManager.default.fileExists(atPath: dataFolder + "/" + name) {
                path = dataFolder + "/" + name
            } else {
                guard let table = dataset.tables[source.id] else { continue }
                try write(table.rows, fields, format, settings, to: path)
            }
            let read = try reader.read(path: path)
            dataset.tables[source.id] = SyntheticTable(
                name: source.id, columns: fields.map(\.name), types: fields.map(\.type), rows: read.rows)
            result.append(
                .init(
                    source: source.id, file: path, rows: read.rows.rows.count, rejected: read.errors.count,
                    firstRejection: read.errors.first.map { "line \($0.line): \($0.error.message)" }))
        }
        return result
    }

    /// The node ids of the flat-file sources whose file `dataFolder` holds (no CSV is needed for them).
    static func sourcesWithFiles(in dataFolder: String, _ pipeline: Pipeline, session: SessionSpec?) -> Set<String> {
        var result: Set<String> = []
        for source in pipeline.nodes {
            guard case .source(let spec) = source.op, spec.flatFile != nil else { continue }
            let name = URL(fileURLWithPath: fileName(of: source, spec, in: pipeline, session)).lastPathComponent
            if FileManager.default.fileExists(atPath: dataFolder + "/" + name) { result.insert(source.id) }
        }
        return result
    }

    /// The fields of a flat-file source: its output ports, a name repeated kept once.
    static func fields(of source: Node) -> [IR.Port] {
        var seen: Set<String> = []
        return source.outputPorts.filter { seen.insert($0.name.uppercased()).inserted }
    }

    /// The file a source is read from, as the runtime names it: the session's `Source filename` of
    /// the source qualifier or of the source, else the source definition's name.
    static func fileName(of source: Node, _ spec: SourceSpec, in pipeline: Pipeline, _ session: SessionSpec?) -> String
    {
        let qualifiers = pipeline.nodes.filter { node in
            if case .sourceQuery(let query) = node.op { return query.sources.contains(source.id) }
            return false
        }
        for node in qualifiers + [source] {
            let value =
                session?.nodes.first { $0.node == node.id }?.attributes.first { $0.name == "Source filename" }?.value
                ?? node.attributes.first { $0.name == "Source filename" }?.value
            if let value, !value.trimmingCharacters(in: .whitespaces).isEmpty { return value }
        }
        return spec.table
    }

    /// Writes `rows` in `format` with the runtime's writer, after the header lines the layout
    /// skips; a row the writer cannot write is left out (it would not be in a real file either).
    static func write(
        _ rows: RowSet, _ fields: [IR.Port], _ format: FlatFileFormat, _ settings: EvaluationSettings,
        to path: String
    ) throws {
        let writer = FlatFileWriter(format: format, ports: fields, settings: settings)
        let header = String(repeating: fields.map(\.name).joined(separator: "_") + "\n", count: format.skipRows)
        var bytes = writer.options.codePage.encode(header)
        for row in rows.rows {
            guard let line = try? writer.bytes(of: RowSet(columns: rows.columns, rows: [row])) else { continue }
            bytes += line
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw ConnectorError(
                code: VerifyDiagnostics.loadFailed.code.description, message: "cannot write the flat file '\(path)'")
        }
    }
}
