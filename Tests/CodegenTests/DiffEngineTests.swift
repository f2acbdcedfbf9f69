import Codegen
import IR
import Testing

/// The diff engine on hand-built pipelines: what counts as a change, how nodes and ports pair, and
/// the layout's layers and determinism.
@Suite struct DiffEngineTests {
    static let mapping = ObjectPath([.init("FOLDER", "F"), .init("MAPPING", "m")])

    static func at(_ kind: String, _ name: String, line: Int = 1) -> Provenance {
        Provenance(path: mapping.appending(kind, name), location: SourceLocation(file: "m.xml", line: line))
    }

    static func port(_ name: String, _ type: DataType = .integer, source: PortRef? = nil, expression: String? = nil)
        -> Port
    {
        Port(
            name: name, type: type, roles: source == nil && expression == nil ? .output : [.input, .output],
            source: source, expression: expression.map(ScalarExpression.init), provenance: at("PORT", name))
    }

    /// SRC(A, B) → EXP(A, B, C = A + B) → TGT(A, C).
    static func chain(expression: String = "A + B", expID: String = "EXP", line: Int = 1) -> Pipeline {
        let source = Node(
            id: "SRC", op: .source(SourceSpec(table: "S")), ports: [port("A"), port("B")],
            provenance: at("INSTANCE", "SRC", line: line))
        var c = port("C", expression: expression)
        c.roles = .output
        let exp = Node(
            id: expID, op: .project(ProjectSpec()),
            ports: [
                port("A", source: PortRef(node: "SRC", port: "A")), port("B", source: PortRef(node: "SRC", port: "B")),
                c,
            ], provenance: at("INSTANCE", expID, line: line + 1))
        let target = Node(
            id: "TGT", op: .target(TargetSpec(table: "T")),
            ports: [
                port("A", source: PortRef(node: expID, port: "A")), port("C", source: PortRef(node: expID, port: "C")),
            ],
            provenance: at("INSTANCE", "TGT", line: line + 2))
        return Pipeline(
            name: "m", origin: Origin(tool: "PowerCenter", file: "m.xml", path: mapping), nodes: [source, exp, target],
            provenance: at("MAPPING", "m"))
    }

    @Test(arguments: ["A + B", "a+b", "(A) + (B)", "A + B -- sum", "  A  +\n B "])
    func formattingOfAnExpressionIsNoChange(text: String) {
        #expect(PipelineDiffer.diff(old: Self.chain(), new: Self.chain(expression: text)).isEmpty)
    }

    @Test func provenanceLinesAreNoChange() {
        #expect(PipelineDiffer.diff(old: Self.chain(), new: Self.chain(line: 40)).isEmpty)
    }

    @Test func aChangedExpressionShowsBothCanonicalTexts() throws {
        let diff = PipelineDiffer.diff(old: Self.chain(), new: Self.chain(expression: "a - (b)"))
        let node = try #require(diff.nodes.first)
        #expect(diff.nodes.count == 1 && diff.edges.isEmpty)
        #expect(
            node.ports == [
                PortChange(
                    status: .changed, oldName: "C", newName: "C",
                    expressions: [ExpressionChange(key: "expression", old: "A + B", new: "a - b")])
            ])
    }

    @Test func aRetypedPortIsATypeChange() throws {
        var new = Self.chain()
        new.nodes[2].ports[1].type = .bigInteger
        let diff = PipelineDiffer.diff(old: Self.chain(), new: new)
        let port = try #require(diff.nodes.first?.ports.first)
        #expect(diff.nodes.first?.displayID == "TGT")
        #expect(port.changes == [ValueChange(key: "type", old: "\"integer\"", new: "\"bigint\"")])
    }

    @Test func aRenamedNodeKeepsItsLinksAndIsMatchedBySimilarity() throws {
        let diff = PipelineDiffer.diff(old: Self.chain(), new: Self.chain(expID: "EXP_RENAMED"))
        #expect(diff.edges.isEmpty)
        #expect(diff.nodes.map(\.status) == [.changed])
        #expect(diff.nodes.first?.oldID == "EXP" && diff.nodes.first?.newID == "EXP_RENAMED")
        #expect(diff.nodes.first?.matchedBy == .similarity)
        #expect(diff.nodes.first?.ports == [])
    }

    @Test func aNodeOfAnotherKindIsRemovedAndAdded() {
        var new = Self.chain(expID: "FIL")
        new.nodes[1].op = .filter(FilterSpec(condition: ScalarExpression("A > 0")))
        new.nodes[1].ports.removeLast()
        new.nodes[2].ports[1].source = PortRef(node: "FIL", port: "B")
        let diff = PipelineDiffer.diff(old: Self.chain(), new: new)
        #expect(
            diff.nodes.map { "\($0.status.rawValue) \($0.displayID)" } == ["removed EXP", "added FIL", "changed TGT"])
        #expect(
            diff.edges == [
                EdgeChange(status: .removed, from: "EXP", to: "TGT"),
                EdgeChange(status: .removed, from: "SRC", to: "EXP"),
                EdgeChange(status: .added, from: "FIL", to: "TGT"), EdgeChange(status: .added, from: "SRC", to: "FIL"),
            ])
    }

    @Test func attributesAndOptionsAreComparedByName() throws {
        var old = Self.chain()
        old.nodes[1].attributes = [Attribute("Tracing Level", "Normal"), Attribute("Scope", "Row")]
        var new = Self.chain()
        new.nodes[1].attributes = [Attribute("Scope", "Row"), Attribute("Tracing Level", "Verbose")]
        new.nodes[0].op = .source(SourceSpec(table: "S2"))
        let diff = PipelineDiffer.diff(old: old, new: new)
        #expect(diff.nodes.map(\.displayID) == ["EXP", "SRC"])
        #expect(
            diff.nodes[0].options == [
                ValueChange(key: "attributes[Tracing Level]", old: "\"Normal\"", new: "\"Verbose\"")
            ])
        #expect(diff.nodes[1].options == [ValueChange(key: "table", old: "\"S\"", new: "\"S2\"")])
    }

    @Test func parametersAreAddedAsOneSettingAndChangedFieldByField() {
        let load = Parameter(name: "$$LOAD", kind: .parameter, type: .integer, provenance: Self.at("PARAM", "L"))
        var new = Self.chain()
        new.parameters = [load]
        let added = PipelineDiffer.diff(old: Self.chain(), new: new)
        #expect(added.settings == [ValueChange(key: "parameters[$$LOAD]", old: nil, new: "(present)")])
        var changed = new
        changed.parameters[0].type = .double
        changed.parameters[0].provenance = Self.at("PARAM", "L", line: 9)
        #expect(
            PipelineDiffer.diff(old: new, new: changed).settings == [
                ValueChange(key: "parameters[$$LOAD].type", old: "\"integer\"", new: "\"double\"")
            ])
    }

    @Test func scheduleAndSessionWriteModeChangesAreWorkflowSettings() throws {
        let old = SampleWorkflows.allTasks
        var new = old
        new.schedule?.cron = "0 3 * * *"
        new.schedule?.provenance = Self.at("SCHEDULER", "moved", line: 77)
        guard case .session(var spec) = new.tasks[1].kind else {
            Issue.record("the sample's second task is not a session")
            return
        }
        spec.rowKind = .insert
        new.tasks[1].kind = .session(spec)
        let report = DiffReport.compare(oldPipelines: [], newPipelines: [], oldWorkflows: [old], newWorkflows: [new])
        #expect(
            report.workflows == [
                WorkflowDiff(
                    name: "wf_all",
                    settings: [
                        ValueChange(key: "schedule.cron", old: "\"0 2 * * *\"", new: "\"0 3 * * *\""),
                        ValueChange(key: "tasks[s_m_load].session.row_kind", old: "\"data-driven\"", new: "\"insert\""),
                    ])
            ])
        let unchanged = DiffReport.compare(
            oldPipelines: [], newPipelines: [], oldWorkflows: [old], newWorkflows: [SampleWorkflows.allTasks])
        #expect(!unchanged.hasChanges)
    }

    @Test func layersFollowTheLongestPathAndTheLayoutIsDeterministic() {
        // 0 → 1 → 2 → 3 and 0 → 3: node 3 sits in layer 3, not 1.
        let edges = [(0, 1), (1, 2), (2, 3), (0, 3), (4, 3)]
        let layout = LayeredLayout(count: 5, edges: edges.map { (from: $0.0, to: $0.1) })
        #expect(layout.layers == [0, 1, 2, 3, 0])
        #expect(layout == LayeredLayout(count: 5, edges: edges.map { (from: $0.0, to: $0.1) }))
        #expect(layout.positions[0].x < layout.positions[1].x)
    }

    @Test func aCycleDoesNotHangTheLayout() {
        let layout = LayeredLayout(count: 3, edges: [(from: 0, to: 1), (from: 1, to: 2), (from: 2, to: 1)])
        #expect(layout.layers.count == 3)
        #expect(layout.layers[0] == 0)
    }

    @Test func diagnosticCodesAreUniqueSortedAndInRange() {
        let codes = DiffDiagnostics.all.map(\.code.rawValue)
        #expect(codes == codes.sorted())
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0 >= "CG4000" && $0 <= "CG4019" })
    }
}
