import Foundation
import Testing

/// Every mapping of the shared corpus, converted and run on synthetic data: none crashes, and the
/// ones that cannot run name the node and the reason's code.
@Suite(.serialized) struct RunCorpusTests {
    /// The mappings that cannot run natively today, and why (checked in each export):
    static let cannotRun: [String: (code: String, node: String)] = [
        // SQL transformations (query mode and script mode) run SQL per row against a live
        // connection: the node is opaque, RT0400.
        "m_sql_trans_query": ("RT0400", "SQL"),
        "m_sql_transformation": ("RT0400", "SQL"),
        // 'xmlsq_MATERIAL_ATTR_TXT' is an XML Source Qualifier: XML sources are not converted, RT0400.
        "m_DI_ITEM_MTRL_MASTER": ("RT0400", "xmlsq_MATERIAL_ATTR_TXT"),
        // 'AMGDSQ_ZJGLAPTIN' is an App Multi-Group Source Qualifier, not converted, RT0400.
        "m_FF_AT_ZJ_GL_ACCOUNT": ("RT0400", "AMGDSQ_ZJGLAPTIN"),
        // The update strategy 't_ups_emp' writes 'ISNULL(LKP_TGT_EMP.EMPLOYEE_ID)': a port qualified
        // with its transformation's name, which the expression language does not have (IR0105
        // unexpected character '.'), so the node cannot compile, RT0401.
        "m_ups_emp": ("RT0401", "t_ups_emp"),
        // m_INCR_DM_DIM_EQUIPMENT runs: its unconnected lookups flag no RETURN port, and each call
        // returns the lookup's one LOOKUP/OUTPUT port (Node.lookupReturnPort, BELIEVED).
    ]

    struct Outcome {
        var pipeline: String
        var status: Int32
        var signaled: Bool
        var stderr: String
    }

    @Test func everyCorpusMappingRunsOnGeneratedDataOrSaysWhichNodeCannot() throws {
        guard let corpus = TestPaths.powerCenterCorpus else { return }
        let scratch = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let converted = scratch.appendingPathComponent("converted")
        let convert = try runMigrate(["convert", corpus.path, "--out", converted.path, "--jobs", "2"])
        #expect(convert.status == 0 || convert.status == 1, "convert: \(convert.stderr.suffix(2000))")
        let pipelines = Self.pipelineFiles(below: converted)
        #expect(pipelines.count >= 70, "the corpus converts to \(pipelines.count) pipelines")

        let outcomes = try Self.runAll(pipelines, runs: scratch.appendingPathComponent("runs"), parallel: 2)
        print(Self.table(outcomes))
        var failed: [String] = []
        for outcome in outcomes {
            let name = outcome.pipeline
            #expect(!outcome.signaled, "\(name) died of signal \(outcome.status)")
            #expect(outcome.status == 0 || outcome.status == 1, "\(name) exit \(outcome.status): \(outcome.stderr)")
            guard outcome.status == 1 else { continue }
            let codes = Self.errorCodes(outcome.stderr)
            #expect(!codes.isEmpty, "\(name) failed without an error code: \(outcome.stderr)")
            let node = Self.cannotRun[name]?.node ?? ""
            #expect(
                outcome.stderr.contains("node '\(node)'"), "\(name) failed without naming '\(node)': \(outcome.stderr)")
            failed.append("\(name) \(codes.first { $0.hasPrefix("RT04") } ?? codes.first ?? "")")
        }
        #expect(failed.sorted() == Self.cannotRun.map { "\($0.key) \($0.value.code)" }.sorted())
    }

    /// Every `*.pipeline.yaml` below `root`, sorted.
    static func pipelineFiles(below root: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var files: [URL] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".pipeline.yaml") { files.append(root.appendingPathComponent(relative)) }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Runs `migrate run FILE --generate 5 --seed 1` for every file, `parallel` at a time.
    static func runAll(_ files: [URL], runs: URL, parallel: Int) throws -> [Outcome] {
        var pending = files[...]
        var running: [(URL, ToolProcess)] = []
        var outcomes: [Outcome] = []
        while !pending.isEmpty || !running.isEmpty {
            while running.count < parallel, let file = pending.popFirst() {
                let arguments = ["run", file.path, "--generate", "5", "--seed", "1", "--runs", runs.path]
                running.append((file, try ToolProcess(TestPaths.migrateBinary, arguments)))
            }
            if let index = running.firstIndex(where: { !$0.1.process.isRunning }) {
                let (file, child) = running.remove(at: index)
                let result = child.wait()
                let name = file.lastPathComponent.replacingOccurrences(of: ".pipeline.yaml", with: "")
                outcomes.append(
                    Outcome(pipeline: name, status: result.status, signaled: result.signaled, stderr: result.stderr))
            } else {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        return outcomes.sorted { $0.pipeline < $1.pipeline }
    }

    /// The codes of the error diagnostics in `stderr` (`error: [RT0400] ...` and codes quoted inside).
    static func errorCodes(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").filter { $0.contains(": error: [") }.flatMap { line in
            line.split(separator: "[").compactMap { part -> String? in
                let code = part.prefix { $0 != "]" }
                let isCode =
                    code.count >= 6 && code.prefix(while: \.isUppercase).count >= 2 && code.last?.isNumber == true
                return isCode && part.dropFirst(code.count).hasPrefix("]") ? String(code) : nil
            }
        }
    }

    static func table(_ outcomes: [Outcome]) -> String {
        var text = "corpus run outcomes (\(outcomes.count) pipelines, --generate 5 --seed 1):\n"
        for outcome in outcomes {
            let result = outcome.signaled ? "signal \(outcome.status)" : "exit \(outcome.status)"
            let codes = outcome.status == 0 ? "" : Self.errorCodes(outcome.stderr).joined(separator: " ")
            text +=
                "  " + outcome.pipeline.padding(toLength: 44, withPad: " ", startingAt: 0) + result + "  " + codes
                + "\n"
        }
        return text
    }
}
