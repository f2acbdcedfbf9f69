import Foundation
import Testing

/// End-to-end checks of `migrate convert`, `fmt` and `check` through the built binary, as the issue's
/// "how we will check" runs them.
@Suite(.serialized) struct ConvertCommandTests {
    struct Report: Decodable {
        struct File: Decodable {
            struct Entry: Decodable {
                var kind: String
                var seen: Int
                var represented: Int
                var diagnosed: Int
                var unaccounted: [Loc]
            }
            struct Loc: Decodable { var file: String; var line: Int }
            struct Object: Decodable {
                var kind: String; var name: String; var output: String; var status: String; var confidence: Double
            }
            var file: String
            var inventory: [Entry]
            var objects: [Object]
        }
        var files: [File]
        var converted: Int
        var not_converted: Int
    }

    @Test func corpusConvertsIdenticallyWithOneAndFourJobsAndEveryOutputChecksAndFormats() throws {
        guard let corpus = TestPaths.powerCenterCorpus else { return }
        let scratch = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let one = scratch.appendingPathComponent("one")
        let four = scratch.appendingPathComponent("four")

        let first = try runMigrate(["convert", corpus.path, "--out", one.path, "--jobs", "1", "--report", "json"])
        #expect(
            first.status == 0 || first.status == 1,
            "convert must not fail with a usage or IO error: \(first.stderr.suffix(2000))")
        let second = try runMigrate(["convert", corpus.path, "--out", four.path, "--jobs", "4", "--report", "json"])
        #expect(second.status == first.status)

        let treeOne = treeContents(one)
        let treeFour = treeContents(four)
        #expect(!treeOne.isEmpty)
        #expect(treeOne.keys.sorted() == treeFour.keys.sorted())
        for (path, data) in treeOne where treeFour[path] != data {
            Issue.record("output \(path) differs between --jobs 1 and --jobs 4")
        }

        let report = try JSONDecoder().decode(Report.self, from: Data(first.stdout.utf8))
        let inputs = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { !$0.hasPrefix(".") }
        #expect(report.files.count == inputs.count)
        var objects = 0
        for file in report.files {
            for entry in file.inventory
            where !entry.unaccounted.isEmpty || entry.seen != entry.represented + entry.diagnosed {
                Issue.record(
                    "\(file.file): \(entry.kind) not conserved: \(entry.represented)+\(entry.diagnosed) of \(entry.seen), unaccounted at \(entry.unaccounted.map(\.line))"
                )
            }
            for object in file.objects {
                objects += 1
                #expect(treeOne[object.output] != nil, "report names \(object.output) but it was not written")
            }
        }
        let mappingElements = report.files.flatMap(\.inventory).filter { $0.kind == "MAPPING" }.map(\.seen).reduce(0, +)
        let workflowElements = report.files.flatMap(\.inventory).filter { $0.kind == "WORKFLOW" }.map(\.seen).reduce(
            0, +)
        let pipelines = report.files.flatMap(\.objects).filter { $0.kind == "mapping" }.count
        let workflows = report.files.flatMap(\.objects).filter { $0.kind == "workflow" }.count
        #expect(pipelines == mappingElements, "one pipeline YAML per MAPPING element")
        #expect(workflows == workflowElements, "one workflow YAML per WORKFLOW element")
        print(
            "corpus: \(report.files.count) files, \(objects) objects, \(report.converted) fully converted, \(report.not_converted) not converted, \(treeOne.count) YAML files"
        )

        let yamlFiles = treeOne.keys.sorted().map { one.appendingPathComponent($0).path }
        let check = try runMigrate(["check"] + yamlFiles)
        #expect(check.status == 0, "migrate check failed: \(check.stderr.prefix(3000))")
        let format = try runMigrate(["fmt"] + yamlFiles)
        #expect(format.status == 0, "migrate fmt failed: \(format.stderr.prefix(3000))")
        let concatenated = treeOne.keys.sorted().map { String(decoding: treeOne[$0]!, as: UTF8.self) }.joined()
        #expect(format.stdout == concatenated, "fmt is not the identity on the outputs")
    }

    @Test func bundledExampleConvertsFullyAndItsOutputsCheck() throws {
        let scratch = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let examples = TestPaths.packageRoot.appendingPathComponent("Examples")
        let result = try runMigrate(["convert", examples.path, "--out", scratch.path, "--jobs", "2"])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let tree = treeContents(scratch)
        #expect(tree.keys.contains("powercenter/wf_subscriber_usage.xml/TELCO_DWH/m_load_usage_daily.pipeline.yaml"))
        #expect(tree.keys.contains("powercenter/wf_subscriber_usage.xml/TELCO_DWH/wf_subscriber_usage.workflow.yaml"))
        #expect(result.stdout.contains("fully converted:"))
    }

    @Test func expressionErrorsAreReportedAtTheirPort() throws {
        let scratch = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let example = TestPaths.packageRoot.appendingPathComponent("Examples/powercenter/wf_subscriber_usage.xml")
        var text = String(decoding: try Data(contentsOf: example), as: UTF8.self)
        // Break one port's expression: an unknown function in EXP_NORMALIZE's o_MINUTES.
        text = text.replacingOccurrences(of: "ROUND(DURATION_SEC / 60, 2)", with: "ROUNDX(DURATION_SEC / 60, 2)")
        let input = scratch.appendingPathComponent("broken.xml")
        try Data(text.utf8).write(to: input)
        let result = try runMigrate(["convert", input.path, "--out", scratch.appendingPathComponent("out").path])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "broken.xml:54:13: error: [IR0150] 'ROUNDX' is not a function of the transformation language; "
                    + "did you mean 'ROUND'?"), "\(result.stderr)")
        #expect(result.stderr.contains("note: at line 1, column 1 of the expression"))
        #expect(result.stderr.contains("INSTANCE[EXP_NORMALIZE]/PORT[o_MINUTES]"))
        #expect(result.stdout.contains("not-converted mapping 'm_load_usage_daily'"))
    }

    @Test func usageAndIOErrorsExitWithTwo() throws {
        let scratch = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let missing = try runMigrate(["convert", "/nonexistent/export.xml", "--out", scratch.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("[CG0100]"))
        let badJobs = try runMigrate(["convert", scratch.path, "--out", scratch.path, "--jobs", "0"])
        #expect(badJobs.status == 2)
        let unknownFlag = try runMigrate(["convert", "--frobnicate"])
        #expect(unknownFlag.status == 2)
    }
}

/// `migrate convert --dialect`: one `.sql` per dialect next to each mapping's YAML.
@Suite struct ConvertDialectTests {
    static let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/powercenter")

    @Test func writesOneSQLFilePerDialectNamingWhatStaysInTheRuntime() throws {
        let out = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let union = Self.fixtures.appendingPathComponent("union/input.xml").path
        let aggregator = Self.fixtures.appendingPathComponent("aggregator/input.xml").path
        let result = try runMigrate([
            "convert", union, aggregator, "--out", out.path, "--dialect", "postgres,sqlserver",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let files = treeContents(out).keys.sorted()
        #expect(files.filter { $0.hasSuffix(".sql") }.count == 4, "\(files)")
        let unionSQL = try #require(
            treeContents(out).first { $0.key.hasSuffix("m_union.pipeline.postgres.sql") }?.value)
        let text = String(decoding: unionSQL, as: UTF8.self)
        #expect(text.hasPrefix("-- m_union in postgres: pushdown full (1 of 1 targets)"))
        #expect(text.contains("INSERT INTO T_OUT (ID, NAME)") && text.contains("UNION ALL"))
        let aggregatorSQL = try #require(
            treeContents(out).first { $0.key.hasSuffix("m_aggregator.pipeline.sqlserver.sql") }?.value)
        let refused = String(decoding: aggregatorSQL, as: UTF8.self)
        #expect(refused.contains("-- target T_OUT stays in the runtime: node T_OUT: [CG2008]"))
        #expect(!refused.contains("INSERT"))
        // The same SQL as `migrate sql` writes for the same export (session, options and optimizer
        // passes alike; the passes change no statement of this fixture).
        let sql = try runMigrate(["sql", union, "--dialect", "postgres"])
        #expect(sql.status == 0, "\(sql.stderr)")
        #expect(!sql.stdout.isEmpty && text.hasSuffix(sql.stdout), "\(text)\n---\n\(sql.stdout)")
    }

    @Test func anUnknownDialectIsAUsageError() throws {
        let out = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let union = Self.fixtures.appendingPathComponent("union/input.xml").path
        let result = try runMigrate(["convert", union, "--out", out.path, "--dialect", "postgres,db2"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown dialect 'db2'"))
    }
}

/// `migrate convert --verify`: the verdict per mapping in the report.
@Suite struct ConvertVerifyTests {
    @Test func recordsTheVerdictOfEachMapping() throws {
        let out = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/powercenter")
        let union = fixtures.appendingPathComponent("union/input.xml").path
        let variables = fixtures.appendingPathComponent("expression_variables/input.xml").path
        let text = try runMigrate(["convert", union, variables, "--out", out.path, "--verify", "--verify-rows", "10"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Verified by execution (native against the SQL):"))
        #expect(text.stdout.contains("m_union: agree (native, sqlite); 1 target(s) agree, 0 kept in the runtime"))
        #expect(text.stdout.contains("m_expression_variables: not-pushed-down (native, sqlite)"))
        #expect(text.stdout.contains("kept in the runtime at node 'EXP_CALC': [CG2004]"))
        let json = try runMigrate(["convert", union, "--out", out.path, "--verify", "--report", "json"])
        #expect(json.stdout.contains("\"verdict\" : \"agree\"") || json.stdout.contains("\"verdict\":\"agree\""))
        let plain = try runMigrate(["convert", union, "--out", out.path, "--report", "json"])
        #expect(!plain.stdout.contains("verification"), "no verification without --verify")
    }
}
