import Foundation
import IR
import Importers
import Runtime
import Testing

/// One executor test's world: a temporary folder with a SQLite database (the connections file's
/// default connection), source tables filled by hand, and the run of one imported mapping.
final class ExecutorHarness {
    let directory: String
    let databasePath: String
    let createTables: Bool

    init(createTables: Bool = true) throws {
        directory = NSTemporaryDirectory() + "executor-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        databasePath = directory + "/db.sqlite"
        self.createTables = createTables
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Creates table `name` with `columns` (see ``ExecutorColumn``) holding `rows` (`NULL` for NULL).
    func table(_ name: String, _ columns: [String], _ rows: [[String]]) throws {
        let parsed = columns.map(ExecutorColumn.init)
        let connection = try SQLiteConnection(path: databasePath)
        let definitions = parsed.map { "\(SQLiteConnection.quote($0.name)) \($0.storage)" }
        var ddl = "CREATE TABLE \(SQLiteConnection.quote(name)) (" + definitions.joined(separator: ", ")
        let keys = parsed.filter(\.key).map { SQLiteConnection.quote($0.name) }
        if !keys.isEmpty { ddl += ", PRIMARY KEY (" + keys.joined(separator: ", ") + ")" }
        try connection.execute(ddl + ")")
        let values = rows.map { row in zip(parsed, row).map { $0.value($1) } }
        try connection.insert(rows: values, into: name, columns: parsed.map(\.name))
    }

    /// Writes `text` to `name` in the folder.
    func file(_ name: String, _ text: String) throws {
        try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }

    /// The connections file: the SQLite database as default, files in the folder.
    var connections: ConnectionsFile? {
        let yaml = """
            connections:
              db: {type: sqlite, path: db.sqlite, create_tables: \(createTables)}
            directories:
              PMSourceFileDir: \(directory)
              PMTargetFileDir: \(directory)/out
            default: db
            """
        return ConnectionsFile.parse(yaml, file: "c.yaml", baseDirectory: directory).file
    }

    /// Imports `export` and returns its only pipeline.
    func pipeline(_ export: ExportBuilder, name: String = "m_test") throws -> Pipeline {
        let path = directory + "/\(name).XML"
        try export.xml(mapping: name).write(toFile: path, atomically: true, encoding: .utf8)
        let result = PowerCenterImporter().importFile(atPath: path)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "import diagnostics: \(errors.map(\.description))")
        return try #require(result.pipelines.first { $0.name == name })
    }

    /// Imports and runs `export` with the session's row kind and per-node attributes.
    func run(
        _ export: ExportBuilder, rowKind: RowKindDefault = .insert, attributes: [String: [(String, String)]] = [:],
        batchSize: Int = 2, stopOnErrors: Int = 0, adjust: (inout EvaluationSettings) -> Void = { _ in }
    ) throws -> PipelineRunResult {
        let pipeline = try self.pipeline(export)
        return execute(
            pipeline, rowKind: rowKind, attributes: attributes, batchSize: batchSize, stopOnErrors: stopOnErrors,
            adjust: adjust)
    }

    /// Runs an imported pipeline.
    func execute(
        _ pipeline: Pipeline, rowKind: RowKindDefault = .insert, attributes: [String: [(String, String)]] = [:],
        batchSize: Int = 2, runID: String = "t1", stopOnErrors: Int = 0, checkpoints: String? = nil,
        parameters: [String: String] = [:], adjust: (inout EvaluationSettings) -> Void = { _ in }
    ) -> PipelineRunResult {
        let here = Provenance(path: ObjectPath(), location: SourceLocation(file: "session"))
        let nodes = attributes.keys.sorted().map { node in
            NodeSettings(
                node: node, attributes: (attributes[node] ?? []).map { Attribute($0.0, $0.1) }, provenance: here)
        }
        let session = SessionSpec(pipeline: pipeline.name, rowKind: rowKind, nodes: nodes)
        let now = DateTimeValue(day: 738_000, nanosecond: 0)
        var settings = EvaluationSettings(sessionStart: now, now: now, currentYear: 2024)
        adjust(&settings)
        var options = PipelineRunOptions(
            runID: runID, session: session, parameters: parameters, settings: settings, batchSize: batchSize,
            rejectFile: directory + "/reject.bad")
        options.stopOnErrors = stopOnErrors
        options.checkpointDirectory = checkpoints
        return PipelineExecutor.run(pipeline, resources: RunResources(file: connections), options: options)
    }

    /// The rows of `sql` rendered as `a|b|NULL`; numbers without trailing fractional zeros.
    func rows(_ sql: String, columns: Int) throws -> [String] {
        let connection = try SQLiteConnection(path: databasePath)
        let set = try connection.query(sql, types: Array(repeating: .string(precision: 4000), count: columns))
        return set.rows.map { row in row.map(Self.render).joined(separator: "|") }
    }

    /// The names of the tables in the database.
    func tables() throws -> [String] {
        try rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", columns: 1)
    }

    static func render(_ value: Value) -> String {
        switch value {
        case .null: return "NULL"
        case .string(let text):
            guard text.contains("."), Double(text) != nil, !text.contains("e"), !text.contains("E") else { return text }
            var trimmed = text
            while trimmed.hasSuffix("0") { trimmed.removeLast() }
            if trimmed.hasSuffix(".") { trimmed.removeLast() }
            return trimmed
        case .integer(let number): return String(number)
        case .decimal(let number): return "\(number)"
        case .double(let number): return "\(number)"
        default: return "\(value)"
        }
    }

    /// The reject file's lines after its header.
    func rejectLines() -> [String] {
        let text = (try? String(contentsOfFile: directory + "/reject.bad", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
    }

    /// The result's diagnostics, for failure messages.
    static func describe(_ result: PipelineRunResult) -> String {
        result.diagnostics.map(\.description).joined(separator: "\n")
    }
}
