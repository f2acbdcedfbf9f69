import Foundation
import IR
import Runtime
import Testing

/// A temporary copy of the telecom demo (Examples/telecom): the export, a connections file pointing
/// at paths inside the folder, and CDR data made by `migrate-bench cdr-data`.
struct TelecomDemo {
    /// The folder holding everything (`telecom_cdr.XML`, `connections.yaml`, `data/`, `runs/`).
    let folder: URL
    /// The export's name inside ``folder``.
    static let export = "telecom_cdr.XML"
    /// The target table of the demo mapping.
    static let target = "SUBSCRIBER_DAILY_USAGE"
    /// The target's key columns.
    static let key = ["SUBSCRIBER_MSISDN", "CALL_DATE", "USAGE_TYPE"]
    /// Every node of `m_TELECOM_CDR_DAILY` (README "The mapping, node by node").
    static let nodes = [
        "SQ_CDR", "EXP_PREPARE", "FIL_DROP_TEST_NUMBERS", "LKP_TARIFF", "EXP_CHARGE", "RTR_ROAMING",
        "AGG_ROAMING_DAILY", "AGG_HOME_DAILY", "UN_DAILY_USAGE", "UPD_UPSERT", "SUBSCRIBER_DAILY_USAGE",
    ]

    /// Makes a new demo folder with `rows` CDRs generated from `seed`; `data` reuses an existing
    /// data folder instead (its path is written into the connections file).
    static func make(rows: Int, seed: Int, data: URL? = nil) throws -> TelecomDemo {
        let folder = TestPaths.temporaryFolder()
        let source = TestPaths.packageRoot.appendingPathComponent("Examples/telecom/\(export)")
        try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(export))
        let dataFolder = data ?? folder.appendingPathComponent("data")
        if data == nil {
            let made = try runTool(
                benchBinary, ["cdr-data", "--rows", String(rows), "--seed", String(seed), "--out", dataFolder.path])
            guard made.status == 0 else {
                throw DemoError.setup("migrate-bench cdr-data failed: \(made.stderr) \(made.stdout)")
            }
        }
        let demo = TelecomDemo(folder: folder)
        try demo.writeConnections(
            """
            connections:
              DW_SQLITE:
                type: sqlite
                path: dw.sqlite
                create_tables: true
            directories:
              PMSourceFileDir: \(dataFolder.path)
              PMLookupFileDir: \(dataFolder.path)
              PMTargetFileDir: out
              PMBadFileDir: out/bad

            """)
        return demo
    }

    /// The data folder of a demo made by ``make(rows:seed:data:)`` without `data`.
    var data: URL { folder.appendingPathComponent("data") }
    /// The target database.
    var database: URL { folder.appendingPathComponent("dw.sqlite") }
    /// The folder of run folders.
    var runs: URL { folder.appendingPathComponent("runs") }
    /// The connections file.
    var connections: URL { folder.appendingPathComponent("connections.yaml") }

    /// Replaces the connections file.
    func writeConnections(_ text: String) throws {
        try text.write(to: connections, atomically: true, encoding: .utf8)
    }

    /// The arguments of `migrate run` on this demo (the workflow unless `extra` says otherwise).
    func runArguments(_ extra: [String] = []) -> [String] {
        ["run", Self.export, "--connections", connections.path, "--runs", runs.path] + extra
    }

    /// Runs `migrate run` in ``folder`` and waits.
    func run(_ extra: [String] = [], environment: [String: String] = [:]) throws -> ToolResult {
        try runTool(TestPaths.migrateBinary, runArguments(extra), in: folder, environment: environment)
    }

    /// The run folders written so far, by name.
    /// Removes the completion records of run `runID`'s sessions, as a crash right after the
    /// commit would leave the run folder.
    func forgetCompletedSessions(_ runID: String) throws {
        let sessions = runs.appendingPathComponent(runID).appendingPathComponent("sessions")
        #expect(FileManager.default.fileExists(atPath: sessions.path), "a completed session leaves its record")
        try? FileManager.default.removeItem(at: sessions)
    }

    func runFolders() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The target's rows sorted, each as `column|column|...`; nil when the table does not exist.
    func targetRows() throws -> [String]? {
        guard try tableExists(Self.target) else { return nil }
        let columns = Self.key + ["CALLS", "MINUTES", "CHARGE"]
        return try sqliteRows(database, "SELECT \(columns.map(Self.cast).joined(separator: ", ")) FROM \(Self.target)")
            .map { $0.joined(separator: "|") }.sorted()
    }

    /// `(COUNT(*), COUNT(DISTINCT key))` of the target.
    func targetCounts() throws -> (rows: Int, keys: Int) {
        let key = Self.key.map(Self.cast).joined(separator: " || '|' || ")
        let row = try sqliteRows(
            database, "SELECT CAST(COUNT(*) AS TEXT), CAST(COUNT(DISTINCT \(key)) AS TEXT) FROM \(Self.target)")
        return (Int(row[0][0]) ?? -1, Int(row[0][1]) ?? -1)
    }

    /// Whether `table` exists in the target database (false when the database does not).
    func tableExists(_ table: String) throws -> Bool {
        guard FileManager.default.fileExists(atPath: database.path) else { return false }
        let rows = try sqliteRows(database, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '\(table)'")
        return !rows.isEmpty
    }

    /// The rows of `migrate_run_log` as `run_id|target`.
    func markerRows() throws -> [String] {
        guard try tableExists("migrate_run_log") else { return [] }
        return try sqliteRows(database, "SELECT run_id, target FROM migrate_run_log").map { $0.joined(separator: "|") }
            .sorted()
    }

    static func cast(_ column: String) -> String { "CAST(\"\(column)\" AS TEXT)" }

    /// The `migrate-bench` executable built next to `migrate`.
    static var benchBinary: URL {
        TestPaths.migrateBinary.deletingLastPathComponent().appendingPathComponent("migrate-bench")
    }
}

/// A failure to set a test up.
enum DemoError: Error, CustomStringConvertible {
    case setup(String)
    var description: String {
        switch self {
        case .setup(let message): message
        }
    }
}

/// Reads every column of `sql`'s rows as text (NULL as `NULL`).
func sqliteRows(_ database: URL, _ sql: String) throws -> [[String]] {
    let connection = try SQLiteConnection(path: database.path)
    let statement = try connection.prepare(sql)
    let types = Array(repeating: DataType.string(precision: 4000), count: statement.columnNames.count)
    let rows = try statement.rows(types: types).rows
    return rows.map { row in
        row.map { value in
            switch value {
            case .null: "NULL"
            case .string(let text): text
            default: "\(value)"
            }
        }
    }
}

/// Runs `sql` (statements without results) on `database`.
func sqliteExecute(_ database: URL, _ sql: String) throws {
    try SQLiteConnection(path: database.path).execute(sql)
}

/// How a child process ended.
struct ToolResult {
    /// The exit status, or the signal number when ``signaled``.
    var status: Int32
    /// Whether a signal ended the process.
    var signaled: Bool
    var stdout: String
    var stderr: String
    var seconds: Double
}

/// A started child process whose output goes to temporary files.
final class ToolProcess {
    let process = Process()
    let scratch = TestPaths.temporaryFolder()
    let started = Date()

    init(_ binary: URL, _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws {
        let out = scratch.appendingPathComponent("stdout")
        let err = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.executableURL = binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var merged = ProcessInfo.processInfo.environment
        merged["NO_COLOR"] = "1"
        merged["MIGRATE_TEST_KILL_AT"] = nil
        for (name, value) in environment { merged[name] = value }
        process.environment = merged
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Waits for the process and collects its output.
    func wait() -> ToolResult {
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: scratch) }
        func read(_ name: String) -> String {
            String(
                decoding: FileManager.default.contents(atPath: scratch.appendingPathComponent(name).path) ?? Data(),
                as: UTF8.self)
        }
        return ToolResult(
            status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
            stdout: read("stdout"), stderr: read("stderr"), seconds: Date().timeIntervalSince(started))
    }
}

/// Runs `binary` with `arguments` and waits.
func runTool(
    _ binary: URL, _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]
) throws -> ToolResult {
    try ToolProcess(binary, arguments, in: folder, environment: environment).wait()
}

/// Whether `result` is a death by SIGKILL (reported as the signal, or as status 137 by a shell).
func diedOfSIGKILL(_ result: ToolResult) -> Bool {
    (result.signaled && result.status == SIGKILL) || (!result.signaled && result.status == 128 + SIGKILL)
}
