import Foundation
import IR
import Testing

@testable import Importers

/// Runs the workflow translator over every real export in `../shared/corpus/powercenter`, read with
/// ``HardenedXMLReader`` (real lines and columns).
@Suite("PowerCenterWorkflowCorpus") struct PowerCenterWorkflowCorpusTests {
    @Test(
        .enabled(
            if: PowerCenterWorkflowTestSupport.corpus != nil, "corpus folder ../shared/corpus/powercenter is absent"))
    func everyWorkflowElementIsRepresentedOrDiagnosed() throws {
        let corpus = try #require(PowerCenterWorkflowTestSupport.corpus)
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
        var summary = PCWorkflowCorpusSummary()
        for file in files {
            let read = HardenedXMLReader.read(contentsOf: corpus.appendingPathComponent(file).path)
            guard let root = read.root, !read.diagnostics.hasErrors else {
                Issue.record("\(file) cannot be read: \(read.diagnostics.map(\.description))")
                continue
            }
            let outcome = PowerCenterWorkflowTestSupport.translate(root: root, file: file)
            for kind in PowerCenterWorkflowTestSupport.workflowKinds {
                guard let entry = outcome.entry(kind) else { continue }
                #expect(entry.unaccounted.isEmpty, "\(file): \(kind) unaccounted at \(entry.unaccounted.map(\.line))")
                #expect(entry.seen == entry.represented + entry.diagnosed, "\(file): \(kind)")
                summary.elements[kind, default: 0] += entry.seen
            }
            for workflow in outcome.workflows {
                #expect(workflow.verify().isEmpty, "\(file): \(workflow.name) fails the IR workflow verifier")
            }
            summary.add(outcome)
        }
        print(summary.report(files: files.count))
        #expect(summary.workflows > 0)
    }
}

/// Counts for the corpus summary line.
struct PCWorkflowCorpusSummary {
    var workflows = 0
    var tasksByKind: [String: Int] = [:]
    var schedules: [String: Int] = [:]
    var diagnosticsByCode: [String: Int] = [:]
    var elements: [String: Int] = [:]

    mutating func add(_ outcome: PCWorkflowTestOutcome) {
        workflows += outcome.workflows.count
        for workflow in outcome.workflows { count(workflow) }
        for diagnostic in outcome.diagnostics { diagnosticsByCode["\(diagnostic.code)", default: 0] += 1 }
    }

    private mutating func count(_ workflow: Workflow) {
        if let schedule = workflow.schedule {
            schedules["\(schedule.mode) (\(schedule.cron == nil ? "no cron" : "cron"))", default: 0] += 1
        }
        for task in workflow.tasks {
            tasksByKind[task.kind.kindName, default: 0] += 1
            if case .worklet(let nested) = task.kind { count(nested) }
        }
    }

    func report(files: Int) -> String {
        func list(_ counts: [String: Int]) -> String {
            counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
        return """
            workflow corpus: \(files) files, \(workflows) workflows
              elements: \(list(elements))
              tasks (worklets expanded): \(list(tasksByKind))
              schedules: \(list(schedules))
              diagnostics: \(list(diagnosticsByCode))
            """
    }
}
