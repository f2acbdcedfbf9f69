import Foundation
import Testing

/// `migrate run` usage and IO errors: each exits 2, says what is wrong and writes nothing.
@Suite(.serialized) struct RunCommandUsageTests {
    /// A demo folder without data: none of these runs gets far enough to read any.
    func demo() throws -> TelecomDemo {
        try TelecomDemo.make(rows: 0, seed: 1, data: URL(fileURLWithPath: "/nonexistent-data"))
    }

    func expectUsageError(_ result: ToolResult, mentions texts: [String], _ demo: TelecomDemo) {
        #expect(!result.signaled && result.status == 2, "exit \(result.status); stderr: \(result.stderr)")
        for text in texts {
            #expect(result.stderr.contains(text), "stderr should mention '\(text)': \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: demo.database.path), "no target database is created")
    }

    @Test func withoutConnectionsOrGenerateExitsTwo() throws {
        let demo = try demo()
        defer { try? FileManager.default.removeItem(at: demo.folder) }
        let result = try runTool(TestPaths.migrateBinary, ["run", TelecomDemo.export], in: demo.folder)
        expectUsageError(result, mentions: ["--connections", "--generate"], demo)
        #expect(demo.runFolders().isEmpty)
    }

    @Test func mappingAndWorkflowTogetherExitTwo() throws {
        let demo = try demo()
        defer { try? FileManager.default.removeItem(at: demo.folder) }
        let result = try demo.run(["--mapping", "m_TELECOM_CDR_DAILY", "--workflow", "wf_TELECOM_CDR_DAILY"])
        expectUsageError(result, mentions: ["not both"], demo)
    }

    @Test func unknownMappingListsTheAvailableObjects() throws {
        let demo = try demo()
        defer { try? FileManager.default.removeItem(at: demo.folder) }
        let result = try demo.run(["--mapping", "m_NO_SUCH_MAPPING"])
        expectUsageError(
            result, mentions: ["RT0412", "m_NO_SUCH_MAPPING", "m_TELECOM_CDR_DAILY", "wf_TELECOM_CDR_DAILY"], demo)
        let workflow = try demo.run(["--workflow", "wf_NOPE"])
        expectUsageError(workflow, mentions: ["RT0412", "wf_NOPE", "wf_TELECOM_CDR_DAILY"], demo)
    }

    @Test func unreadableConnectionsFileExitsTwo() throws {
        let demo = try demo()
        defer { try? FileManager.default.removeItem(at: demo.folder) }
        let missing = demo.folder.appendingPathComponent("no-such-connections.yaml").path
        let result = try runTool(
            TestPaths.migrateBinary, ["run", TelecomDemo.export, "--connections", missing, "--runs", demo.runs.path],
            in: demo.folder)
        expectUsageError(result, mentions: ["RT0450", "no-such-connections.yaml"], demo)
        #expect(demo.runFolders().isEmpty, "no run folder for a run that never started")
    }

    @Test func unreadableExportExitsTwo() throws {
        let demo = try demo()
        defer { try? FileManager.default.removeItem(at: demo.folder) }
        let result = try runTool(
            TestPaths.migrateBinary,
            ["run", "missing.XML", "--connections", demo.connections.path, "--runs", demo.runs.path], in: demo.folder)
        expectUsageError(result, mentions: ["missing.XML"], demo)
    }

    @Test(arguments: [
        // An unknown key in a connection entry, then at the top level.
        ("connections:\n  DW_SQLITE:\n    type: sqlite\n    path: dw.sqlite\n    colour: red\n", "RT0451", "colour"),
        (
            "connections:\n  DW_SQLITE: {type: sqlite, path: dw.sqlite}\nconection_defaults: {}\n", "RT0451",
            "conection_defaults"
        ),
        // A secret written inline is refused even for a connector that would not use it.
        (
            "connections:\n  DW_SQLITE:\n    type: sqlite\n    path: dw.sqlite\n    password: hunter2\n", "RT0455",
            "password"
        ),
    ])
    func badConnectionsFileExitsTwoWithItsCode(text: String, code: String, key: String) throws {
        let demo = try demo()
        defer { try? FileManager.default.removeItem(at: demo.folder) }
        try demo.writeConnections(text)
        let result = try demo.run()
        expectUsageError(result, mentions: [code, key, "connections.yaml"], demo)
        #expect(!result.stderr.contains("hunter2"), "the secret is never echoed")
        #expect(demo.runFolders().isEmpty, "no run folder for a run that never started")
    }
}
