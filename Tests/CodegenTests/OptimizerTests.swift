import IR
import Testing

@testable import Codegen

/// The optimizer passes on small pipelines built by hand; the expected pipelines were worked out
/// from each pass's rules, not printed by the passes.
@Suite struct OptimizerTests {
    static let here = Provenance(path: ObjectPath(), location: SourceLocation(file: "test"))

    static func port(
        _ name: String, _ type: DataType, _ roles: PortRoles, from source: String? = nil, _ expression: String? = nil
    ) -> Port {
        Port(
            name: name, type: type, roles: roles,
            source: source.map { text in
                let parts = text.split(separator: ".").map(String.init)
                return PortRef(node: parts[0], port: parts[1])
            }, expression: expression.map(ScalarExpression.init), provenance: here)
    }

    static let int = DataType.integer
    static let text = DataType.string(precision: 20)

    /// SRC (A integer, B string) → `middle` nodes → T (A, B) reading `last`.
    static func pipeline(_ middle: [Node], last: String) -> Pipeline {
        let source = Node(
            id: "SRC", op: .source(SourceSpec(table: "SRC")),
            ports: [port("A", int, .output), port("B", text, .output)], provenance: here)
        let target = Node(
            id: "T", op: .target(TargetSpec(table: "T")),
            ports: [port("A", int, .input, from: "\(last).A"), port("B", text, .input, from: "\(last).B")],
            provenance: here)
        return Pipeline(
            name: "m", origin: Origin(tool: "test", file: "test", path: ObjectPath()),
            nodes: [source] + middle + [target],
            provenance: here)
    }

    static func filter(_ id: String, from upstream: String, _ condition: String) -> Node {
        Node(
            id: id, op: .filter(FilterSpec(condition: ScalarExpression(condition))),
            ports: [
                port("A", int, [.input, .output], from: "\(upstream).A"),
                port("B", text, [.input, .output], from: "\(upstream).B"),
            ],
            provenance: here)
    }

    static func project(_ id: String, from upstream: String, extra: [Port]) -> Node {
        Node(
            id: id, op: .project(ProjectSpec()),
            ports: [
                port("A", int, [.input, .output], from: "\(upstream).A"),
                port("B", text, [.input, .output], from: "\(upstream).B"),
            ]
                + extra, provenance: here)
    }

    func run(_ pass: any PipelinePass, _ pipeline: Pipeline) -> (Pipeline, [Diagnostic]) {
        var notes: [Diagnostic] = []
        let result = pass.run(pipeline, notes: &notes)
        #expect(PipelineVerifier.verify(result).filter { $0.severity == .error }.isEmpty)
        return (result, notes)
    }

    @Test(
        "constant parts fold; a fold that could change a type or hide an error does not happen",
        arguments: [
            ("'EUR' || '/' || 'USD'", "'EUR/USD'", true), ("60 * 60 * 24", "86400", false),
            ("A + 2 * 3", "A + 6", false),
            ("IIF(1 = 1, B, 'x')", "B", true), ("NOT FALSE", "TRUE", false), ("2147483647 + 1", nil, false),
            ("IIF(1 = 1, A, A / 0)", "IIF(TRUE, A, A / 0)", false), ("IIF(1 = 2, B, 'x')", "IIF(FALSE, B, 'x')", true),
            ("A + B", nil, false),
            ("7 / 2", nil, false),
        ] as [(String, String?, Bool)])
    func foldConstants(_ expression: String, _ expected: String?, _ isText: Bool) {
        let type = isText ? Self.text : Self.int
        let project = Self.project("EXP", from: "SRC", extra: [Self.port("o", type, .output, expression)])
        let (result, notes) = run(FoldConstants(), Self.pipeline([project], last: "EXP"))
        #expect(result.nodes[1].ports[2].expression?.text == (expected ?? expression))
        #expect(notes.count == (expected == nil ? 0 : 1))
    }

    @Test("a filter's condition and a router's group conditions fold; a pipeline with nothing to fold is unchanged")
    func foldConditions() {
        let filter = Self.pipeline([Self.filter("FIL", from: "SRC", "A > 2 * 3")], last: "FIL")
        let (folded, notes) = run(FoldConstants(), filter)
        guard case .filter(let spec) = folded.nodes[1].op else { return #expect(Bool(false)) }
        #expect(spec.condition.text == "A > 6")
        #expect(notes.count == 1)
        // A router's group conditions, the default group (no condition) left alone; checked on the
        // node alone, without the rest of a router's wiring.
        let router = Node(
            id: "RTR",
            op: .route(
                RouteSpec(
                    inputGroup: "INPUT",
                    groups: [
                        RouteGroup(name: "BIG", condition: ScalarExpression("A > 500 + 500")),
                        RouteGroup(name: "SMALL", condition: ScalarExpression("A <= 10")),
                        RouteGroup(name: "DEFAULT1", condition: nil),
                    ], defaultGroup: "DEFAULT1")),
            ports: [Self.port("A", Self.int, .input, from: "SRC.A")], provenance: Self.here)
        var routed = Self.pipeline([], last: "SRC")
        routed.nodes.insert(router, at: 1)
        var routerNotes: [Diagnostic] = []
        let result = FoldConstants().run(routed, notes: &routerNotes)
        guard case .route(let routeSpec) = result.nodes[1].op else { return #expect(Bool(false)) }
        #expect(routeSpec.groups.map { $0.condition?.text } == ["A > 1000", "A <= 10", nil])
        #expect(routerNotes.count == 1)
        // Nothing to fold: the same pipeline, and no note.
        let plain = Self.pipeline([Self.filter("FIL", from: "SRC", "A > B")], last: "FIL")
        let (unchanged, none) = run(FoldConstants(), plain)
        #expect(unchanged == plain)
        #expect(none.isEmpty)
    }

    @Test("two filters in a row merge into one AND; the target reads the first filter")
    func mergeFilters() {
        let pipeline = Self.pipeline(
            [Self.filter("F1", from: "SRC", "A > 0"), Self.filter("F2", from: "F1", "B <> 'x' OR ISNULL(B)")],
            last: "F2")
        let (result, notes) = run(MergeFilters(), pipeline)
        #expect(result.nodes.map(\.id) == ["SRC", "F1", "T"])
        guard case .filter(let spec) = result.nodes[1].op else { return #expect(Bool(false)) }
        #expect(spec.condition.text == "A > 0 AND (B <> 'x' OR ISNULL(B))")
        #expect(result.nodes[2].ports.map { $0.source?.description } == ["F1.A", "F1.B"])
        #expect(notes.map(\.code) == [OptimizerDiagnostics.rewritten.code])
    }

    @Test("a second filter that can raise a row error is not merged")
    func noMergeWhenTheSecondConditionCanFail() {
        let pipeline = Self.pipeline(
            [Self.filter("F1", from: "SRC", "A > 0"), Self.filter("F2", from: "F1", "TO_INTEGER(B) > 0")], last: "F2")
        let (result, notes) = run(MergeFilters(), pipeline)
        #expect(result == pipeline)
        #expect(notes.isEmpty)
    }

    @Test("a filter on pass-through ports moves above an error-free expression")
    func pushDownFilter() {
        let project = Self.project("EXP", from: "SRC", extra: [Self.port("o_C", Self.text, .output, "B || 'x'")])
        let pipeline = Self.pipeline([project, Self.filter("FIL", from: "EXP", "A > 0")], last: "FIL")
        let (result, notes) = run(PushDownFilters(), pipeline)
        let filter = result.nodes.first { $0.id == "FIL" }!
        let moved = result.nodes.first { $0.id == "EXP" }!
        #expect(filter.ports.map { $0.source?.description } == ["SRC.A", "SRC.B"])
        #expect(moved.ports.prefix(2).map { $0.source?.description } == ["FIL.A", "FIL.B"])
        #expect(result.nodes.last?.ports.map { $0.source?.description } == ["EXP.A", "EXP.B"])
        #expect(notes.count == 1)
    }

    @Test("a filter does not move above an expression with a port that can fail or a variable port")
    func noPushDown() {
        for extra in [
            Self.port("o_C", Self.int, .output, "TO_INTEGER(B)"), Self.port("v", Self.int, .variable, "A"),
        ] {
            let project = Self.project("EXP", from: "SRC", extra: [extra])
            let pipeline = Self.pipeline([project, Self.filter("FIL", from: "EXP", "A > 0")], last: "FIL")
            let (result, _) = run(PushDownFilters(), pipeline)
            #expect(result == pipeline, "\(extra.name)")
        }
    }

    @Test("unread ports go; a port that can fail stays, and so does what it reads")
    func pruneUnusedPorts() {
        let project = Node(
            id: "EXP", op: .project(ProjectSpec()),
            ports: [
                Self.port("A", Self.int, [.input, .output], from: "SRC.A"),
                Self.port("B", Self.text, [.input, .output], from: "SRC.B"),
                Self.port("X", Self.text, .input, from: "SRC.B"),
                Self.port("Y", Self.text, .input, from: "SRC.B"),
                Self.port("o_D", Self.text, .output, "X || 'x'"),
                Self.port("o_E", Self.int, .output, "TO_INTEGER(Y)"),
            ], provenance: Self.here)
        let pipeline = Self.pipeline([project], last: "EXP")
        let (result, notes) = run(PruneUnusedPorts(), pipeline)
        #expect(result.nodes[1].ports.map(\.name) == ["A", "B", "Y", "o_E"])
        #expect(notes.count == 1 && notes[0].message.contains("'EXP': X, o_D"))
        #expect(notes.first?.message.contains("2 unread port(s)") == true)
    }

    /// A pass that breaks the pipeline, to show the manager undoes it.
    struct BreakingPass: PipelinePass {
        let name = "break"
        let summary = "points the target at a node that does not exist"
        func run(_ pipeline: Pipeline, expressions: inout ParsedExpressions, notes: inout [Diagnostic]) -> Pipeline {
            var broken = pipeline
            broken.nodes[broken.nodes.count - 1].ports[0].source = PortRef(node: "NOWHERE", port: "A")
            return broken
        }
    }

    @Test("the pass manager undoes a pass whose result does not verify, and dumps after a named pass")
    func passManager() {
        let pipeline = Self.pipeline(
            [Self.filter("F1", from: "SRC", "A > 0"), Self.filter("F2", from: "F1", "B <> 'x'")], last: "F2")
        let manager = PassManager(dumpAfter: ["merge-filters"], passes: [BreakingPass(), MergeFilters()])
        let outcome = manager.run(pipeline)
        #expect(outcome.pipeline.nodes.map(\.id) == ["SRC", "F1", "T"])
        #expect(
            outcome.diagnostics.map(\.code) == [
                OptimizerDiagnostics.passRejected.code, OptimizerDiagnostics.rewritten.code,
            ])
        #expect(outcome.timings.map(\.pass) == ["break", "merge-filters"])
        #expect(outcome.dumps.map(\.pass) == ["merge-filters"])
        #expect(PassManager(disabled: ["merge-filters"]).run(pipeline).pipeline.nodes.count == 4)
        #expect(PassManager.validate(["merge-filters", "nope"]).map(\.code) == [OptimizerDiagnostics.unknownPass.code])
    }
}
