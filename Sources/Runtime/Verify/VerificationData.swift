import Foundation
import IR

/// The input of `migrate verify --data DIR`: one CSV file per source and lookup table, named after
/// the table (`EMP.csv`) or the node (`SQ_EMP.csv`), with a header row naming its columns. A field
/// that is empty and unquoted, or the bare text `NULL`, is NULL; other text converts to the port's
/// type as a string port linked to it would (dates also in ISO form, `2026-01-31 08:00:00`). A
/// flat-file source may instead have its own file in the folder, in its own layout, named as the
/// session names it (``VerificationFlatFiles``).
public enum VerificationData {
    /// The dataset `folder` holds for `pipeline`, or the diagnostics saying which file or value is
    /// missing or wrong (RT0522). The nodes in `skipping` need no CSV file: a flat-file source
    /// whose own file is in the folder (read by ``PushdownVerifier`` with the runtime's reader).
    public static func load(
        folder: String, for pipeline: Pipeline, settings: EvaluationSettings, skipping: Set<String> = []
    ) -> (dataset: SyntheticDataset?, diagnostics: [Diagnostic]) {
        var tables: [String: SyntheticTable] = [:]
        var diagnostics: [Diagnostic] = []
        for shape in TableShape.shapes(of: pipeline) where !skipping.contains(shape.name) {
            guard let node = pipeline.node(id: shape.name) else { continue }
            let names = tableNames(node)
            guard
                let path = names.map({ folder + "/" + $0 + ".csv" }).first(where: FileManager.default.fileExists),
                let data = FileManager.default.contents(atPath: path)
            else {
                diagnostics.append(
                    VerifyDiagnostics.dataFileMissing(
                        "no data file for '\(names[0])' in '\(folder)'", at: SourceLocation(file: folder),
                        path: node.provenance.path, fix: "write \(names[0]).csv with a header row naming its columns"))
                continue
            }
            let records = CSVRecords.parse(String(decoding: data, as: UTF8.self))
            switch table(shape, records, path, settings) {
            case .success(let table): tables[shape.name] = table
            case .failure(let problem): diagnostics.append(problem.diagnostic)
            }
        }
        return (diagnostics.isEmpty ? SyntheticDataset(tables: tables) : nil, diagnostics)
    }

    /// The file names a node's data may have: its table's, then its own id.
    static func tableNames(_ node: Node) -> [String] {
        switch node.op {
        case .source(let spec): [spec.table, node.id]
        case .lookup(let spec): [spec.table ?? node.id, node.id]
        default: [node.id]
        }
    }

    /// A located problem in a data file.
    struct Problem: Error {
        let diagnostic: Diagnostic
    }

    /// The table of `shape` from the records of the file at `path` (the first record names the columns).
    static func table(
        _ shape: TableShape, _ records: [CSVRecords.Record], _ path: String, _ settings: EvaluationSettings
    )
        -> Result<SyntheticTable, Problem>
    {
        Result { () throws(Problem) in
            guard let header = records.first else { throw problem(path, 1, "the file is empty", "write a header row") }
            let positions = try shape.columns.map { (port: IR.Port) throws(Problem) -> Int in
                guard let index = header.fields.firstIndex(where: { $0.text.uppercased() == port.name.uppercased() })
                else {
                    throw problem(path, 1, "the header has no column '\(port.name)'", "add the column '\(port.name)'")
                }
                return index
            }
            var rows: [[Value]] = []
            for record in records.dropFirst() {
                var row: [Value] = []
                for (port, index) in zip(shape.columns, positions) {
                    guard index < record.fields.count else {
                        throw problem(path, record.line, "the row has no value for '\(port.name)'", "complete the row")
                    }
                    row.append(try value(record.fields[index], port, path, record.line, settings))
                }
                rows.append(row)
            }
            return SyntheticTable(
                name: shape.name, columns: shape.columns.map(\.name), types: shape.columns.map(\.type),
                rows: RowSet(columns: shape.columns.map(\.name), rows: rows))
        }
    }

    /// One field as the port's value.
    static func value(
        _ field: CSVRecords.Field, _ port: IR.Port, _ path: String, _ line: Int, _ settings: EvaluationSettings
    ) throws(Problem) -> Value {
        if !field.quoted && (field.text.isEmpty || field.text == "NULL") { return .null }
        if case .dateTime = port.type, let date = SQLiteValueText.dateTime(from: field.text) { return .dateTime(date) }
        do {
            return try PortCoercion.coerce(.string(field.text), to: port.type, settings, port: port.name)
        } catch {
            throw problem(
                path, line, "'\(field.text)' is not a \(port.type.canonicalName) for '\(port.name)': \(error.message)",
                "correct the value")
        }
    }

    static func problem(_ path: String, _ line: Int, _ message: String, _ fix: String) -> Problem {
        Problem(
            diagnostic: VerifyDiagnostics.dataFileInvalid(message, at: SourceLocation(file: path, line: line), fix: fix)
        )
    }
}

/// Records of comma-separated text (RFC 4180): fields separated by commas, optionally quoted with
/// `"` (a quote inside doubled; commas and line breaks allowed inside), records ended by a line break.
enum CSVRecords {
    /// One field: its text and whether it was quoted.
    struct Field {
        let text: String
        let quoted: Bool
    }

    /// One record and the line it starts on.
    struct Record {
        let fields: [Field]
        let line: Int
    }

    /// The records of `text`; blank lines are skipped.
    static func parse(_ text: String) -> [Record] {
        var records: [Record] = []
        var fields: [Field] = []
        var current = ""
        var quoted = false
        var inQuotes = false
        var line = 1
        var start = 1
        var characters = Array(text.replacingOccurrences(of: "\r\n", with: "\n"))[...]
        func endField() {
            fields.append(Field(text: current, quoted: quoted))
            current = ""
            quoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].text.isEmpty && !fields[0].quoted) {
                records.append(Record(fields: fields, line: start))
            }
            fields = []
        }
        while let character = characters.popFirst() {
            if inQuotes {
                if character == "\"" {
                    if characters.first == "\"" {
                        current.append("\"")
                        characters.removeFirst()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" { line += 1 }
                    current.append(character)
                }
                continue
            }
            switch character {
            case "\"" where current.isEmpty:
                inQuotes = true
                quoted = true
            case ",": endField()
            case "\n":
                endRecord()
                line += 1
                start = line
            default: current.append(character)
            }
        }
        if !current.isEmpty || !fields.isEmpty || quoted { endRecord() }
        return records
    }
}
