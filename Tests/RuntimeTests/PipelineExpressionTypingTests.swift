import IR
import Runtime
import Testing

/// ``PipelineExpressionTyping`` on small hand-built pipelines and workflows: each node's
/// expressions see the right names, at the right site, and problems point at the element.
@Suite struct PipelineExpressionTypingTests {
    static let file = "m.xml"
    static let mapping = ObjectPath().appending("MAPPING", "m")

    static func place(_ path: ObjectPath, line: Int) -> Provenance {
        Provenance(path: path, location: SourceLocation(file: file, line: line, column: 5))
    }

    static func port(
        _ name: String, _ type: DataType, _ roles: PortRoles, node: String, group: String? = nil,
        expression: String? = nil, line: Int = 1
    ) -> Port {
        Port(
            name: name, type: type, roles: roles, group: group, expression: expression.map(ScalarExpression.init),
            provenance: place(mapping.appending("INSTANCE", node).appending("PORT", name), line: line))
    }

    static func node(_ id: String, _ op: Operator, _ ports: [Port], attributes: [Attribute] = [], line: Int = 1) -> Node
    {
        Node(
            id: id, op: op, ports: ports, attributes: attributes,
            provenance: place(mapping.appending("INSTANCE", id), line: line))
    }

    static func pipeline(_ nodes: [Node], attributes: [Attribute] = []) -> Pipeline {
        Pipeline(
            name: "m", origin: Origin(tool: "PowerCenter", file: file, path: mapping),
            parameters: [
                Parameter(name: "$$LIMIT", kind: .parameter, type: .integer, provenance: place(mapping, line: 2))
            ],
            nodes: nodes, attributes: attributes, provenance: place(mapping, line: 1))
    }

    static let lookup = node(
        "LKP_NAME",
        .lookup(LookupSpec(connected: false, condition: ScalarExpression("ID = IN_ID"))),
        [
            port("ID", .integer, [.lookup], node: "LKP_NAME"),
            port("NAME", .string(precision: 20), [.lookup, .output, .returnValue], node: "LKP_NAME"),
            port("IN_ID", .integer, [.input], node: "LKP_NAME"),
        ])

    @Test func cleanPipelineHasNoDiagnosticsAndCountsEveryKind() {
        let expression = Self.node(
            "EXP", .project(ProjectSpec()),
            [
                Self.port("ID", .integer, [.input, .output], node: "EXP"),
                Self.port("o_name", .string(precision: 20), [.output], node: "EXP", expression: ":LKP.lkp_name(ID)"),
                Self.port("o_big", .integer, [.output], node: "EXP", expression: "IIF(ID > $$LIMIT, 1, 0)"),
            ])
        let router = Self.node(
            "RTR",
            .route(
                RouteSpec(
                    inputGroup: "INPUT", groups: [RouteGroup(name: "BIG", condition: ScalarExpression("ID > 10"))],
                    defaultGroup: "DEFAULT")),
            [
                Self.port("ID", .integer, [.input], node: "RTR", group: "INPUT"),
                Self.port("ID1", .integer, [.output], node: "RTR", group: "BIG", expression: "ID"),
            ])
        let aggregate = Self.node(
            "AGG", .aggregate(AggregateSpec(groupBy: [])),
            [
                Self.port("ID", .integer, [.input], node: "AGG"),
                Self.port("total", .bigInteger, [.output], node: "AGG", expression: "SUM(ID)"),
            ])
        let report = PipelineExpressionTyping.report(Self.pipeline([Self.lookup, expression, router, aggregate]))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.summary.checked == [.portExpression: 4, .routerGroup: 1, .lookupCondition: 1])
        #expect(report.summary.functions == ["IIF": 1, "SUM": 1])
        #expect(report.summary.externalCalls == [":LKP": 1])
    }

    @Test func problemsAreReportedAtTheirElement() {
        let expression = Self.node(
            "EXP", .project(ProjectSpec()),
            [
                Self.port("ID", .integer, [.input], node: "EXP"),
                Self.port("o_sum", .integer, [.output], node: "EXP", expression: "SUM(ID)", line: 7),
                Self.port("o_bad", .integer, [.output], node: "EXP", expression: "ID + $$NOPE", line: 8),
            ])
        let source = Self.node(
            "SQ", .sourceQuery(SourceQuerySpec(sources: ["T"], filter: "T.D > $$LIMIT AND T.E = $$MISSING")), [],
            line: 9)
        let diagnostics = PipelineExpressionTyping.check(Self.pipeline([expression, source]))
        #expect(diagnostics.map(\.code.rawValue) == ["IR0160", "IR0156", "RT0210"])
        #expect(diagnostics.map(\.location.line) == [7, 8, 9])
        #expect(diagnostics.first?.path.description == "MAPPING[m]/INSTANCE[EXP]/PORT[o_sum]")
        #expect(diagnostics.last?.severity == .warning)
        #expect(
            diagnostics.last?.message
                == "the source filter names '$$MISSING', which is not a declared mapping parameter or variable")
    }

    @Test func userFunctionsAreCheckedAndCallable() {
        let expression = Self.node(
            "EXP", .project(ProjectSpec()),
            [
                Self.port("NAME", .string(precision: 10), [.input], node: "EXP"),
                Self.port("o_x", .string(precision: 10), [.output], node: "EXP", expression: ":UDF.clean(NAME)"),
            ])
        let attributes = [
            Attribute(":UDF.clean", "LTRIM(RTRIM(S)) || NOPE"),
            Attribute(":UDF.clean prototype", "STRING clean(S as string)"),
        ]
        let diagnostics = PipelineExpressionTyping.check(Self.pipeline([expression], attributes: attributes))
        #expect(diagnostics.map(\.code.rawValue) == ["IR0155"])
        #expect(diagnostics.first?.path.description == "MAPPING[m]/EXPRMACRO[clean]")
    }

    @Test func workflowConditionsSeeTasksAndVariables() {
        let path = ObjectPath().appending("WORKFLOW", "wf")
        let task = { (name: String) in
            WorkflowTask(
                name: name, kind: .start, provenance: Self.place(path.appending("TASKINSTANCE", name), line: 3))
        }
        let workflow = Workflow(
            name: "wf", origin: Origin(tool: "PowerCenter", file: Self.file, path: path),
            variables: [
                Parameter(name: "$$RUNS", kind: .variable, type: .integer, provenance: Self.place(path, line: 2))
            ],
            tasks: [task("Start"), task("s_load")],
            links: [
                WorkflowLink(
                    from: "Start", to: "s_load",
                    condition: ScalarExpression("$Start.Status = SUCCEEDED AND $$RUNS > 0"),
                    provenance: Self.place(path, line: 4)),
                WorkflowLink(
                    from: "s_load", to: "x", condition: ScalarExpression("$s_nope.Status = SUCCEEDED"),
                    provenance: Self.place(path, line: 5)),
            ],
            provenance: Self.place(path, line: 1))
        let report = PipelineExpressionTyping.report(workflow)
        #expect(report.diagnostics.map(\.code.rawValue) == ["IR0159"])
        #expect(report.diagnostics.first?.location.line == 5)
        #expect(report.summary.checked == [.linkCondition: 2])
    }
}
