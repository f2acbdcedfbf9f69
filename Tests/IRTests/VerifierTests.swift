import Testing

@testable import IR

/// Small hand-built pipelines for the verifier.
enum Sample {
    static func provenance(_ kind: String, _ name: String, line: Int) -> Provenance {
        Provenance(
            path: ObjectPath([.init("MAPPING", "m"), .init(kind, name)]),
            location: SourceLocation(file: "t.xml", line: line, column: 1))
    }

    static func port(
        _ name: String, _ type: DataType = .integer, _ roles: PortRoles, from source: PortRef? = nil, line: Int = 1
    ) -> Port {
        Port(name: name, type: type, roles: roles, source: source, provenance: provenance("PORT", name, line: line))
    }

    /// SRC → FIL → TGT over one integer column.
    static func linear() -> Pipeline {
        let source = Node(
            id: "SRC", op: .source(SourceSpec(table: "T")), ports: [port("A", .integer, .output)],
            provenance: provenance("INSTANCE", "SRC", line: 10))
        let filter = Node(
            id: "FIL", op: .filter(FilterSpec(condition: ScalarExpression("A > 0"))),
            ports: [port("A", .integer, [.input, .output], from: PortRef(node: "SRC", port: "A"))],
            provenance: provenance("INSTANCE", "FIL", line: 20))
        let target = Node(
            id: "TGT", op: .target(TargetSpec(table: "T2")),
            ports: [port("A", .integer, .input, from: PortRef(node: "FIL", port: "A"))],
            provenance: provenance("INSTANCE", "TGT", line: 30))
        return Pipeline(
            name: "m", origin: Origin(tool: "test", file: "t.xml", path: ObjectPath([.init("MAPPING", "m")])),
            nodes: [source, filter, target], provenance: provenance("MAPPING", "m", line: 1))
    }
}

@Suite struct VerifierTests {
    @Test func wellFormedPipelineHasNoDiagnostics() {
        #expect(Sample.linear().verify().isEmpty)
    }

    /// A node's upstream nodes come in port order without repeats, with few of them and with
    /// more than the sixteen it searches in place.
    @Test func upstreamNodesAreInPortOrderWithoutRepeats() {
        func reading(_ nodes: [String]) -> Node {
            let ports = nodes.enumerated().map { index, node in
                Sample.port("P\(index)", .integer, .input, from: PortRef(node: node, port: "A"))
            }
            return Node(
                id: "U", op: .target(TargetSpec(table: "T")), ports: ports,
                provenance: Sample.provenance("INSTANCE", "U", line: 1))
        }
        #expect(reading([]).upstreamNodes == [])
        #expect(reading(["B", "B", "A", "B", "C", "A"]).upstreamNodes == ["B", "A", "C"])
        let many = (0..<40).map { "N\($0 % 20)" } + (0..<40).map { "N\(39 - $0)" }
        #expect(reading(many).upstreamNodes == (0..<20).map { "N\($0)" } + (20..<40).reversed().map { "N\($0)" })
    }

    @Test func unknownUpstreamNodeAndPortAreReported() {
        var pipeline = Sample.linear()
        pipeline.nodes[1].ports[0].source = PortRef(node: "NOPE", port: "A")
        pipeline.nodes[2].ports[0].source = PortRef(node: "FIL", port: "B")
        let codes = pipeline.verify().map(\.code.rawValue)
        #expect(codes == ["IR0003", "IR0004"])
    }

    @Test func cycleIsReportedAtANodeOnIt() {
        var pipeline = Sample.linear()
        pipeline.nodes[1].ports.append(Sample.port("B", .integer, .input, from: PortRef(node: "TGT", port: "A")))
        pipeline.nodes[2].ports[0].roles = [.input, .output]
        let diagnostics = pipeline.verify()
        #expect(diagnostics.map(\.code.rawValue) == ["IR0005"])
        #expect(diagnostics.first?.location.line == 20)
    }

    @Test func unfedNodeDuplicateIdsAndBadTypes() {
        var pipeline = Sample.linear()
        pipeline.nodes[2].ports[0].source = nil
        pipeline.nodes[2].ports[0].type = .dateTime(precision: 29, scale: 9)
        pipeline.nodes.append(pipeline.nodes[0])
        let codes = Set(pipeline.verify().map(\.code.rawValue))
        #expect(codes == ["IR0001", "IR0006"])

        var typed = Sample.linear()
        typed.nodes[2].ports[0].type = .dateTime(precision: 29, scale: 9)
        #expect(typed.verify().map(\.code.rawValue) == ["IR0007"])
    }

    @Test func optionsMustNameExistingPorts() {
        var pipeline = Sample.linear()
        pipeline.nodes[1].op = .sort(SortSpec(keys: [SortKey(port: "Z", descending: false)]))
        pipeline.targetLoadOrder = ["GONE"]
        #expect(Set(pipeline.verify().map(\.code.rawValue)) == ["IR0008", "IR0009"])
    }

    @Test func workflowLinksMustNameTasksAndBeAcyclic() {
        let p = Sample.provenance("TASKINSTANCE", "x", line: 5)
        let origin = Origin(tool: "test", file: "t.xml", path: ObjectPath())
        let tasks = ["Start", "s1", "s2"].map { WorkflowTask(name: $0, kind: .start, provenance: p) }
        var workflow = Workflow(
            name: "wf", origin: origin, tasks: tasks,
            links: [
                WorkflowLink(from: "Start", to: "s1", provenance: p), WorkflowLink(from: "s1", to: "s2", provenance: p),
            ],
            provenance: p)
        #expect(workflow.verify().isEmpty)
        workflow.links.append(WorkflowLink(from: "s2", to: "s1", provenance: p))
        workflow.links.append(WorkflowLink(from: "s2", to: "ghost", provenance: p))
        #expect(Set(workflow.verify().map(\.code.rawValue)) == ["IR0021", "IR0022"])
    }

    @Test func dumpIsStableAndShowsEveryPart() {
        let dump = TextDump.dump(Sample.linear())
        let expected = """
            pipeline "m" kind=mapping origin=MAPPING[m] @1:1
              node "SRC" source @10:1
                table: "T"
                schema: -
                database: -
                catalog: -
                flatFile: -
                port "A" integer [output] @1:1
              node "FIL" filter @20:1
                condition: "A > 0"
                port "A" integer [input,output] <- "SRC"."A" @1:1
              node "TGT" target @30:1
                table: "T2"
                schema: -
                database: -
                flatFile: -
                port "A" integer [input] <- "FIL"."A" @1:1

            """
        #expect(dump == expected)
    }
}
