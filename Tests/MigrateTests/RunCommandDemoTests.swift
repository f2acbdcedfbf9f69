import Foundation
import Testing

/// `migrate run` on the telecom demo (Examples/telecom) with the README's seeded data
/// (`--rows 200 --seed 42`), whose result the README checks by hand.
@Suite(.serialized) struct RunCommandDemoTests {
    /// Examples/telecom/README.md "Expected result on the seeded data" (32 rows), except one row
    /// the README gets wrong: 4917678934312 on 2026-11-29 has two STD calls in today's data (rows
    /// 58 and 179: 66 s → 2 min, 187 s → 4 min), so 6 minutes and 6 × 0.09 = 0.5400, as both SQL
    /// oracles (Benchmarks/cdr/run-oracles.sh) also say; the README has 4 and 0.3600.
    static let expectedTarget = """
        4917602693505,2026-11-27,HOME,1,5,0.2250
        4917602693505,2026-11-28,HOME,3,9,0.4050
        4917602693505,2026-11-29,ROAMING,1,5,0.6250
        4917631415926,2026-11-27,HOME,35,130,2.4700
        4917631415926,2026-11-27,ROAMING,2,9,1.1250
        4917631415926,2026-11-28,HOME,37,128,2.4320
        4917631415926,2026-11-29,HOME,22,68,1.2920
        4917631415926,2026-11-29,ROAMING,1,4,0.5000
        4917639335657,2026-11-27,HOME,6,19,1.7100
        4917639335657,2026-11-27,ROAMING,2,4,0.5000
        4917639335657,2026-11-28,HOME,8,30,2.7000
        4917639335657,2026-11-28,ROAMING,1,2,0.2500
        4917639335657,2026-11-29,HOME,8,26,3.1600
        4917647255388,2026-11-27,HOME,8,26,2.3400
        4917647255388,2026-11-28,HOME,4,11,0.9900
        4917647255388,2026-11-28,ROAMING,1,2,0.2500
        4917647255388,2026-11-29,HOME,6,14,1.2600
        4917655175119,2026-11-27,HOME,4,15,1.3500
        4917655175119,2026-11-28,HOME,4,8,0.7200
        4917655175119,2026-11-28,ROAMING,2,13,1.6250
        4917663094850,2026-11-28,HOME,2,5,0.4500
        4917663094850,2026-11-29,HOME,6,12,1.0800
        4917671014581,2026-11-27,HOME,4,21,1.5750
        4917671014581,2026-11-29,HOME,2,4,0.3000
        4917678934312,2026-11-27,HOME,4,11,1.4000
        4917678934312,2026-11-29,HOME,2,6,0.5400
        4917686854043,2026-11-27,HOME,4,14,1.0500
        4917686854043,2026-11-28,HOME,3,10,0.7500
        4917686854043,2026-11-29,HOME,5,20,1.5000
        4917694773774,2026-11-27,HOME,3,4,0.3600
        4917694773774,2026-11-28,HOME,1,3,0.2700
        4917694773774,2026-11-29,HOME,2,4,0.3600
        """

    /// Rows in, rows out, rejected of each node, from the README: 200 rows, 2 bad (EXP_PREPARE's
    /// ERROR()), 4 test numbers dropped, 10 roaming calls, 7 roaming and 25 home totals.
    static let expectedCounters: [String: (Int, Int, Int)] = [
        "SQ_CDR": (200, 200, 0), "EXP_PREPARE": (200, 198, 2), "FIL_DROP_TEST_NUMBERS": (198, 194, 0),
        "LKP_TARIFF": (194, 194, 0), "EXP_CHARGE": (194, 194, 0), "RTR_ROAMING": (194, 194, 0),
        "AGG_ROAMING_DAILY": (10, 7, 0), "AGG_HOME_DAILY": (184, 25, 0), "UN_DAILY_USAGE": (32, 32, 0),
        "UPD_UPSERT": (32, 32, 0), "SUBSCRIBER_DAILY_USAGE": (32, 32, 0),
    ]

    /// A target row normalised for comparison: the day of CALL_DATE (a time part must be midnight)
    /// and CHARGE as an exact decimal.
    static func normalised(_ row: [String]) -> String {
        var fields = row
        if fields[1].count > 10 && fields[1].hasSuffix(" 00:00:00") { fields[1] = String(fields[1].prefix(10)) }
        fields[5] = Decimal(string: fields[5]).map { "\($0)" } ?? "not a decimal: \(fields[5])"
        return fields.joined(separator: ",")
    }

    @Test func workflowRunsAndWritesTheExpectedTotals() throws {
        let demo = try TelecomDemo.make(rows: 200, seed: 42)
        defer { try? FileManager.default.removeItem(at: demo.folder) }
        let result = try demo.run()
        #expect(!result.signaled && result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("workflow wf_TELECOM_CDR_DAILY succeeded"), "\(result.stdout)")
        for task in ["Start", "s_m_TELECOM_CDR_DAILY", "cmd_NOTIFY"] {
            #expect(result.stdout.contains("task \(task): SUCCEEDED"), "task \(task) in \(result.stdout)")
        }
        // The node table: `NODE  rows-in  rows-out  rejected  seconds`.
        let table = Dictionary(
            result.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
                .filter { $0.count == 5 && Self.expectedCounters[$0[0]] != nil }.map { ($0[0], $0) },
            uniquingKeysWith: { first, _ in first })
        for (node, (rowsIn, rowsOut, rejected)) in Self.expectedCounters {
            #expect(
                table[node].map { Array($0[1...3]) } == [String(rowsIn), String(rowsOut), String(rejected)], "\(node)")
        }
        #expect(result.stdout.contains("inserted 32, updated 0, deleted 0"))
        #expect(result.stdout.contains("rejected rows: 2"))
        #expect(result.stderr.contains("RT0307"), "the command task is reported, not run")

        let expected = Self.expectedTarget.split(separator: "\n").map(String.init)
        let actual = try sqliteRows(
            demo.database,
            "SELECT \((TelecomDemo.key + ["CALLS", "MINUTES", "CHARGE"]).map(TelecomDemo.cast).joined(separator: ", ")) FROM SUBSCRIBER_DAILY_USAGE"
        )
        .map(Self.normalised).sorted()
        #expect(actual == expected.map { Self.normalised($0.split(separator: ",").map(String.init)) })

        // The reject file lists the two bad rows of the README with their reasons.
        let runID = try #require(demo.runFolders().first)
        let rejects = try String(
            contentsOf: demo.runs.appendingPathComponent("\(runID)/s_m_TELECOM_CDR_DAILY.bad"), encoding: .utf8)
        let lines = rejects.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.count == 2, "\(rejects)")
        #expect(
            lines.contains {
                $0.contains("EXP_PREPARE") && $0.contains("non-numeric DURATION_SEC") && $0.contains("100000000017")
                    && $0.contains("12s")
            })
        #expect(
            lines.contains {
                $0.contains("EXP_PREPARE") && $0.contains("invalid CALL_START") && $0.contains("100000000042")
                    && $0.contains("2026-11-28 24:05:00")
            })
        #expect(try demo.markerRows() == ["\(runID)/s_m_TELECOM_CDR_DAILY|SUBSCRIBER_DAILY_USAGE"])

        // A second run of the same day updates the totals in place (Update else Insert).
        let again = try demo.run()
        #expect(!again.signaled && again.status == 0, "stderr: \(again.stderr)")
        #expect(again.stdout.contains("inserted 0, updated 32, deleted 0"), "\(again.stdout)")
        let counts = try demo.targetCounts()
        #expect(counts.rows == 32 && counts.keys == 32)
    }

    @Test func eventsJSONHasOneObjectPerLineAndASummaryMatchingTheTarget() throws {
        let demo = try TelecomDemo.make(rows: 200, seed: 42)
        defer { try? FileManager.default.removeItem(at: demo.folder) }
        let result = try demo.run(["--events", "json"])
        #expect(!result.signaled && result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(result.stdout.hasSuffix("\n"))
        var events: [[String: Any]] = []
        for line in lines {
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            guard let object else {
                Issue.record("not a JSON object: \(line)")
                continue
            }
            events.append(object)
        }
        let names = events.map { $0["event"] as? String ?? "" }
        #expect(names.filter { $0 == "run-start" }.count == 1)
        #expect(names.filter { $0 == "run-end" }.count == 1)
        for node in TelecomDemo.nodes {
            for kind in ["node-start", "node-end"] {
                let count = events.filter { $0["event"] as? String == kind && $0["node"] as? String == node }.count
                #expect(count == 1, "\(kind) of \(node): \(count)")
            }
        }
        for task in ["Start", "s_m_TELECOM_CDR_DAILY", "cmd_NOTIFY"] {
            for kind in ["task-taskStarted", "task-taskFinished"] {
                #expect(
                    events.contains { $0["event"] as? String == kind && $0["node"] as? String == task },
                    "\(kind) \(task)")
            }
        }
        #expect(names.first == "task-workflowStarted")
        #expect(names.filter { $0 == "summary" }.count == 1)
        let summary = try #require(events.last)
        #expect(summary["event"] as? String == "summary")
        #expect(summary["succeeded"] as? Bool == true)
        let session = try #require((summary["sessions"] as? [[String: Any]])?.first)
        let nodes = try #require(session["nodes"] as? [String: [String: Any]])
        let target = try #require(nodes[TelecomDemo.target])
        let count = try demo.targetCounts().rows
        #expect(count == 32)
        #expect(target["inserted"] as? Int == count)
        #expect(target["rows_out"] as? Int == count)
        #expect(session["rejected"] as? Int == 2)
        let end = events.first { $0["event"] as? String == "node-end" && $0["node"] as? String == TelecomDemo.target }
        #expect((end?["counters"] as? [String: Any])?["inserted"] as? Int == count)
        let rejectFile = try #require(session["reject_file"] as? String)
        let path = rejectFile.hasPrefix("/") ? rejectFile : demo.folder.appendingPathComponent(rejectFile).path
        #expect(FileManager.default.fileExists(atPath: path), "reject file \(rejectFile)")
    }
}
