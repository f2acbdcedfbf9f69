import Foundation
import Runtime
import Testing

/// Crash and resume of `migrate run`: a run killed at any point leaves its target unchanged, and
/// `--resume RUN_ID` (or a fresh run when no run folder was written yet) then produces exactly
/// the target of an uninterrupted run, never writing a target twice.
@Suite(.serialized) struct RunCrashResumeTests {
    /// The uninterrupted run's target on a fresh database, with the same data as `demo`.
    static func referenceTarget(data: URL) throws -> (rows: [String], seconds: Double) {
        let reference = try TelecomDemo.make(rows: 0, seed: 0, data: data)
        defer { try? FileManager.default.removeItem(at: reference.folder) }
        let result = try reference.run()
        #expect(!result.signaled && result.status == 0, "uninterrupted run: \(result.stderr)")
        return (try reference.targetRows() ?? [], result.seconds)
    }

    /// The `resumed from checkpoints: A, B` list of a text summary.
    static func resumedNodes(_ stdout: String) -> [String] {
        let prefix = "resumed from checkpoints: "
        guard let line = stdout.split(separator: "\n").first(where: { $0.contains(prefix) }) else { return [] }
        return line.components(separatedBy: prefix)[1].components(separatedBy: ", ")
    }

    // SQ_CDR reads a flat file, which is read again on resume rather than checkpointed.
    @Test(arguments: ["AGG_HOME_DAILY", "AGG_ROAMING_DAILY"])
    func killedAfterACheckpointResumesToTheUninterruptedTarget(node: String) throws {
        let demo = try TelecomDemo.make(rows: 2_000, seed: 7)
        defer { try? FileManager.default.removeItem(at: demo.folder) }
        let reference = try Self.referenceTarget(data: demo.data)
        #expect(reference.rows.count > 30, "the reference run writes the daily totals")

        let killed = try demo.run(environment: ["MIGRATE_TEST_KILL_AT": node])
        #expect(diedOfSIGKILL(killed), "status \(killed.status), signaled \(killed.signaled): \(killed.stderr)")
        #expect((try demo.targetRows() ?? []).isEmpty, "nothing is committed before the kill")
        #expect(try demo.markerRows().isEmpty)
        let runID = try #require(demo.runFolders().first, "the killed run left its folder")
        #expect(demo.runFolders().count == 1)

        let resumed = try demo.run(["--resume", runID])
        #expect(!resumed.signaled && resumed.status == 0, "resume: \(resumed.stderr)")
        #expect(resumed.stdout.contains("run \(runID):"), "\(resumed.stdout)")
        let fromCheckpoints = Self.resumedNodes(resumed.stdout)
        #expect(fromCheckpoints.contains(node) && !fromCheckpoints.contains("SQ_CDR"), "\(resumed.stdout)")
        #expect(!fromCheckpoints.contains(TelecomDemo.target))
        #expect(try demo.targetRows() == reference.rows)
        #expect(try demo.markerRows() == ["\(runID)/s_m_TELECOM_CDR_DAILY|SUBSCRIBER_DAILY_USAGE"])

        // Resuming the completed run again does not run its completed session. To see whether any
        // row is written, every row is first marked (CALLS = -1): an untouched target keeps the
        // mark everywhere.
        try sqliteExecute(demo.database, "UPDATE SUBSCRIBER_DAILY_USAGE SET CALLS = -1")
        let skipped = try demo.run(["--resume", runID])
        #expect(!skipped.signaled && skipped.status == 0, "resume of a completed run: \(skipped.stderr)")
        #expect(skipped.stdout.contains("completed by an earlier attempt, not run again"), "\(skipped.stdout)")
        // A crash between the commit and the session's completion record: the session runs again
        // but skips the target its run-log row names instead of writing it twice.
        try demo.forgetCompletedSessions(runID)
        let again = try demo.run(["--resume", runID])
        #expect(!again.signaled && again.status == 0, "second resume: \(again.stderr)")
        #expect(
            again.stdout.contains("already committed by an earlier attempt: SUBSCRIBER_DAILY_USAGE"), "\(again.stdout)")
        #expect(try demo.markerRows().count == 1)
        let counts = try demo.targetCounts()
        #expect(counts.rows == reference.rows.count && counts.keys == counts.rows)
        let unmarked = try sqliteRows(
            demo.database, "SELECT CAST(COUNT(*) AS TEXT) FROM SUBSCRIBER_DAILY_USAGE WHERE CALLS <> -1")
        #expect(unmarked == [["0"]], "rows re-written by the resume of a completed run")
        let writes = again.stdout.split(separator: "\n").filter { $0.contains("inserted ") }
        #expect(writes.isEmpty, "the target reports writes: \(writes)")
    }

    @Test func killedRunLeavesAnExistingTargetAsBefore() throws {
        let demo = try TelecomDemo.make(rows: 2_000, seed: 8)
        defer { try? FileManager.default.removeItem(at: demo.folder) }
        let first = try demo.run()
        #expect(!first.signaled && first.status == 0, "first run: \(first.stderr)")
        let reference = try demo.targetRows() ?? []
        // Mark every row so that any write of the killed run would show.
        try sqliteExecute(demo.database, "UPDATE SUBSCRIBER_DAILY_USAGE SET CALLS = -1")
        let before = try demo.targetRows()

        let killed = try demo.run(environment: ["MIGRATE_TEST_KILL_AT": "AGG_ROAMING_DAILY"])
        #expect(diedOfSIGKILL(killed), "status \(killed.status), signaled \(killed.signaled): \(killed.stderr)")
        #expect(try demo.targetRows() == before, "the killed run changed the target")
        #expect(try demo.markerRows().count == 1, "only the first run's marker")
        let runID = try #require(demo.runFolders().first { !first.stdout.contains("run \($0):") })

        let resumed = try demo.run(["--resume", runID])
        #expect(!resumed.signaled && resumed.status == 0, "resume: \(resumed.stderr)")
        #expect(resumed.stdout.contains("inserted 0, updated \(reference.count), deleted 0"), "\(resumed.stdout)")
        #expect(try demo.targetRows() == reference, "the resumed upsert restores every row")
        #expect(try demo.markerRows().count == 2)
    }

    /// The demo changed to a plain insert target (`DD_INSERT`, no Update else Insert): resuming
    /// the completed run must insert nothing, so the key constraint refuses nothing.
    @Test func resumingACompletedInsertRunInsertsNothing() throws {
        let demo = try TelecomDemo.make(rows: 200, seed: 42)
        defer { try? FileManager.default.removeItem(at: demo.folder) }
        let export = demo.folder.appendingPathComponent(TelecomDemo.export)
        let text = try String(contentsOf: export, encoding: .utf8)
        let insertOnly =
            text
            .replacingOccurrences(of: "VALUE =\"DD_UPDATE\"/>", with: "VALUE =\"DD_INSERT\"/>")
            .replacingOccurrences(
                of: "NAME =\"Update else Insert\" VALUE =\"YES\"", with: "NAME =\"Update else Insert\" VALUE =\"NO\"")
        #expect(insertOnly != text)
        try insertOnly.write(to: export, atomically: true, encoding: .utf8)
        let first = try demo.run()
        #expect(!first.signaled && first.status == 0, "first run: \(first.stderr)")
        #expect(first.stdout.contains("inserted 32, updated 0, deleted 0"), "\(first.stdout)")
        let runID = try #require(demo.runFolders().first)

        // As if the run had crashed after its commit, before recording the session as completed.
        try demo.forgetCompletedSessions(runID)
        let again = try demo.run(["--resume", runID])
        #expect(!again.signaled && again.status == 0, "resume: \(again.stderr)")
        #expect(again.stdout.contains("already committed by an earlier attempt: SUBSCRIBER_DAILY_USAGE"))
        #expect(try demo.targetCounts().rows == 32)
        // Only the two bad source rows are rejected again; no target row is written (a bug once
        // re-inserted the 7 ROAMING totals, refused by the key: 2 + 7 rejects).
        #expect(again.stdout.contains("rejected rows: 2 "), "\(again.stdout)")
    }

    @Test func resumingAnUnknownRunExitsTwo() throws {
        let demo = try TelecomDemo.make(rows: 10, seed: 1)
        defer { try? FileManager.default.removeItem(at: demo.folder) }
        let result = try demo.run(["--resume", "20000101-000000-nothere"])
        #expect(!result.signaled && result.status == 2, "exit \(result.status): \(result.stderr)")
        #expect(
            result.stderr.contains("RT0412") && result.stderr.contains("20000101-000000-nothere"), "\(result.stderr)")
        #expect(try demo.targetRows() == nil)
    }

    /// ~200k CDRs, killed three times at seeded random moments within the uninterrupted run's
    /// duration; set MIGRATE_TEST_CRASH_SEED to replay a printed seed.
    @Test func killedAtRandomMomentsResumesToTheUninterruptedTarget() throws {
        let data = try TelecomDemo.make(rows: 200_000, seed: 2_026)
        defer { try? FileManager.default.removeItem(at: data.folder) }
        let reference = try Self.referenceTarget(data: data.data)
        #expect(reference.rows.count > 1_000)
        let seed =
            ProcessInfo.processInfo.environment["MIGRATE_TEST_CRASH_SEED"].flatMap { UInt64($0) }
            ?? UInt64.random(in: 0...UInt64.max)
        print(
            "crash test: seed \(seed) (MIGRATE_TEST_CRASH_SEED=\(seed) replays it); uninterrupted run \(reference.seconds) s"
        )
        var random = SplitMix64(seed: seed)
        for attempt in 1...3 {
            let delay = reference.seconds * Double(random.next() >> 11) / Double(1 << 53)
            let demo = try TelecomDemo.make(rows: 0, seed: 0, data: data.data)
            defer { try? FileManager.default.removeItem(at: demo.folder) }
            let child = try ToolProcess(TestPaths.migrateBinary, demo.runArguments(), in: demo.folder)
            Thread.sleep(forTimeInterval: delay)
            let wasRunning = child.process.isRunning
            if wasRunning { kill(child.process.processIdentifier, SIGKILL) }
            let first = child.wait()
            let note = "attempt \(attempt), seed \(seed), delay \(String(format: "%.3f", delay)) s"
            #expect(diedOfSIGKILL(first) || (!first.signaled && first.status == 0), "\(note): \(first.stderr)")
            // Atomic targets: either the commit (target and marker) happened or nothing did.
            let committed = !(try demo.markerRows().isEmpty)
            #expect(
                committed ? (try demo.targetRows() == reference.rows) : (try demo.targetRows() ?? []).isEmpty, "\(note)"
            )

            let resumable = demo.runFolders().first {
                FileManager.default.fileExists(atPath: demo.runs.appendingPathComponent("\($0)/run.json").path)
            }
            let second = try demo.run(resumable.map { ["--resume", $0] } ?? [])
            print(
                "\(note): \(wasRunning ? "killed" : "had finished"); \(resumable.map { "resumed \($0)" } ?? "rerun"), \(Self.resumedNodes(second.stdout).count) nodes from checkpoints"
            )
            #expect(!second.signaled && second.status == 0, "\(note): \(second.stderr)")
            #expect(try demo.targetRows() == reference.rows, "\(note)")
            let counts = try demo.targetCounts()
            #expect(counts.rows == reference.rows.count && counts.keys == counts.rows, "\(note)")
            #expect(try demo.markerRows().count == 1, "\(note): one commit marker")
        }
    }
}
