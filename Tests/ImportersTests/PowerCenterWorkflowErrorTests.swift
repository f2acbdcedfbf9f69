import IR
import Testing

@testable import Importers

/// Workflow translation of broken or incomplete exports: every problem is a located diagnostic and
/// the workflow graph stays complete.
@Suite("PowerCenterWorkflowErrors") struct PowerCenterWorkflowErrorTests {
    @Test func unknownTaskTypeAndMissingWorkletBecomeOpaqueTasks() throws {
        let outcome = try PowerCenterWorkflowTestSupport.fixture("unknown-task-type")
        let workflow = try #require(outcome.workflow("wf_odd"))
        #expect(workflow.tasks.map(\.name) == ["Start", "ws_call", "wkl_elsewhere"])
        let odd = try #require(workflow.task(named: "ws_call"))
        #expect(odd.kind == .opaque("Web Service"))
        #expect(odd.attributes == [Attribute("Endpoint", "http://example.com/api")])
        #expect(odd.definition?.path.description == "FOLDER[Odd]/WORKFLOW[wf_odd]/TASK[ws_call]")
        #expect(odd.notes.map(\.code) == ["IMP0200"])
        let missing = try #require(workflow.task(named: "wkl_elsewhere"))
        #expect(missing.kind == .opaque("Worklet"))
        #expect(missing.definition == nil && missing.failParentIfFails)
        #expect(workflow.links.count == 2)
        #expect(outcome.codesAndLines == ["IMP0217@5", "IMP0200@11", "IMP0201@12"])
        let error = try #require(outcome.diagnostics.first { $0.code == "IMP0201" })
        #expect(error.severity == .error)
        #expect(error.message.contains("'wkl_elsewhere'"))
        #expect(error.path.description == "FOLDER[Odd]/WORKFLOW[wf_odd]/TASKINSTANCE[wkl_elsewhere]")
        #expect(error.fix != nil)
        #expect(outcome.entry("TASK") == InventoryEntry(kind: "TASK", seen: 2, represented: 2, diagnosed: 0))
        #expect(workflow.confidence == 1.0 / 3.0)
    }

    @Test func linkToUnknownTaskAndDuplicateInstanceAreDroppedAndUnusedTaskNoted() throws {
        let outcome = try PowerCenterWorkflowTestSupport.fixture("link-unknown-task")
        let workflow = try #require(outcome.workflow("wf_links"))
        #expect(workflow.links.map { "\($0.from)->\($0.to)" } == ["Start->cmd_ok"])
        #expect(outcome.codesAndLines == ["IMP0217@5", "IMP0212@8", "IMP0203@12", "IMP0213@13"])
        #expect(workflow.tasks.map(\.name) == ["Start", "cmd_ok"])
        #expect(workflow.task(named: "cmd_ok")?.enabled == true)
        #expect(
            outcome.entry("TASKINSTANCE") == InventoryEntry(kind: "TASKINSTANCE", seen: 3, represented: 2, diagnosed: 1)
        )
        #expect(workflow.verify().isEmpty)
        let linkError = try #require(outcome.diagnostics.first { $0.code == "IMP0203" })
        #expect(linkError.severity == .error && linkError.message.contains("'cmd_ghost'"))
        #expect(!linkError.message.contains("'cmd_ok',"))
        #expect(
            outcome.entry("WORKFLOWLINK") == InventoryEntry(kind: "WORKFLOWLINK", seen: 2, represented: 1, diagnosed: 1)
        )
        #expect(outcome.entry("TASK") == InventoryEntry(kind: "TASK", seen: 3, represented: 2, diagnosed: 1))
    }

    @Test func workletCycleIsCutWithAnError() throws {
        let outcome = try PowerCenterWorkflowTestSupport.fixture("worklet-cycle")
        let workflow = try #require(outcome.workflow("wf_loop"))
        let a = try #require(workflow.task(named: "run_a")?.worklet)
        #expect(a.name == "wkl_a")
        let b = try #require(a.task(named: "run_b")?.worklet)
        #expect(b.name == "wkl_b")
        let again = try #require(b.task(named: "run_a_again"))
        #expect(again.kind == .opaque("Worklet"))
        #expect(outcome.codesAndLines == ["IMP0202@9", "IMP0217@11"])
        let error = try #require(outcome.diagnostics.first)
        #expect(error.message.contains("'wkl_a' → 'wkl_b' → 'wkl_a'"))
        #expect(outcome.entry("WORKLET") == InventoryEntry(kind: "WORKLET", seen: 2, represented: 2, diagnosed: 0))
        #expect(
            outcome.entry("TASKINSTANCE") == InventoryEntry(kind: "TASKINSTANCE", seen: 4, represented: 4, diagnosed: 0)
        )
    }

    @Test func unusedReusableSessionIsNotedAndDiagnosed() throws {
        let outcome = try PowerCenterWorkflowTestSupport.fixture("unused-reusable-session")
        #expect(outcome.workflows.map(\.name) == ["wf_small"])
        #expect(outcome.codesAndLines == ["IMP0204@5", "IMP0217@12"])
        let note = try #require(outcome.diagnostics.first { $0.code == "IMP0204" })
        #expect(note.severity == .note)
        #expect(
            note.message == "reusable session 's_unused' is not used by any workflow in this export; "
                + "it is converted where a workflow runs it")
        #expect(note.path.description == "FOLDER[Sales]/SESSION[s_unused]")
        #expect(outcome.entry("SESSION") == InventoryEntry(kind: "SESSION", seen: 1, represented: 0, diagnosed: 1))
        #expect(outcome.entry("TASK") == InventoryEntry(kind: "TASK", seen: 2, represented: 1, diagnosed: 1))
    }

    @Test func catalogCodesAreUniqueSortedAndInRange() {
        let codes = PCWorkflowDiagnostics.all.map(\.code.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(codes == codes.sorted())
        #expect(codes.allSatisfy { $0 >= "IMP0200" && $0 <= "IMP0299" })
    }
}
