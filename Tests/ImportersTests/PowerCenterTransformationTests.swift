import Foundation
import IR
import Testing

@testable import Importers

/// One fixture per transformation type: the IR each becomes, checked field by field.
@Suite("PowerCenter transformations")
struct PowerCenterTransformationTests {
    @Test("source, source qualifier and target")
    func basic() throws {
        let result = PCTestSupport.importCase("basic")
        PCTestSupport.expectWellFormed(result)
        #expect(result.problemCodes == [])
        let pipeline = try result.onlyPipeline()
        #expect(pipeline.name == "m_basic")
        #expect(pipeline.kind == .mapping)
        #expect(pipeline.nodes.map(\.id) == ["EMP", "SQ_EMP", "T_OUT"])
        #expect(pipeline.targetLoadOrder == ["T_OUT"])
        #expect(PCTestSupport.verifierErrors(pipeline) == [])
        let source = try pipeline.requireNode("EMP")
        #expect(source.op == .source(SourceSpec(table: "EMP", schema: "HR", database: "Oracle", catalog: "ora")))
        let id = try source.requirePort("ID")
        #expect(id.type == .decimal(precision: 10, scale: 0))
        #expect(id.nativeType == NativeType(name: "number(p,s)", precision: 10, scale: 0))
        #expect(id.roles == .output)
        #expect(id.key == .primary)
        #expect(id.nullable == false)
        #expect(id.attributes == [])
        #expect(id.provenance.location.line == 7)
        #expect(id.provenance.path.description == "FOLDER[F]/MAPPING[m_basic]/INSTANCE[EMP]/PORT[ID]")
        #expect(try source.requirePort("NAME").type == .string(precision: 20))
        #expect(source.provenance.path.description == "FOLDER[F]/MAPPING[m_basic]/INSTANCE[EMP]")
        #expect(source.definition?.path.description == "FOLDER[F]/SOURCE[EMP]")
        #expect(source.definition?.location.line == 6)
        let query = try pipeline.requireNode("SQ_EMP")
        #expect(
            query.op
                == .sourceQuery(SourceQuerySpec(sources: ["EMP"], filter: "DEPT > 10", sortedPorts: 1, distinct: true)))
        #expect(query.attributes == [Attribute("Tracing Level", "Normal")])
        #expect(try query.requirePort("SAL").source == PortRef(node: "EMP", port: "SAL"))
        #expect(try query.requirePort("SAL").roles == [.input, .output])
        let target = try pipeline.requireNode("T_OUT")
        #expect(target.op == .target(TargetSpec(table: "T_OUT", database: "Oracle")))
        #expect(try target.requirePort("DEPT").source == PortRef(node: "SQ_EMP", port: "DEPT"))
        #expect(try target.requirePort("DEPT").roles == .input)
        let connectors = result.inventory.first { $0.kind == "CONNECTOR" }
        #expect(connectors?.seen == 8)
        #expect(connectors?.represented == 8)
    }

    @Test("expression with variable ports keeps port order, expressions and defaults")
    func expressionVariables() throws {
        let result = PCTestSupport.importCase("expression_variables")
        PCTestSupport.expectWellFormed(result)
        let node = try result.onlyPipeline().requireNode("EXP_CALC")
        #expect(node.op == .project(ProjectSpec()))
        #expect(node.ports.map(\.name) == ["ID", "SAL", "v_prev", "v_cur", "o_prev"])
        #expect(try node.requirePort("v_prev").roles == .variable)
        #expect(try node.requirePort("v_prev").expression == ScalarExpression("v_cur"))
        #expect(try node.requirePort("ID").expression == nil)
        #expect(try node.requirePort("ID").source == PortRef(node: "SQ_EMP", port: "ID"))
        let output = try node.requirePort("o_prev")
        #expect(output.roles == .output)
        #expect(output.expression == ScalarExpression("v_prev"))
        #expect(output.defaultValue == ScalarExpression("ERROR('transformation error')"))
    }

    @Test("filter condition is unescaped")
    func filter() throws {
        let result = PCTestSupport.importCase("filter")
        PCTestSupport.expectWellFormed(result)
        let node = try result.onlyPipeline().requireNode("FIL_DEPT")
        #expect(node.op == .filter(FilterSpec(condition: ScalarExpression("DEPT = 20 AND SAL > 1000"))))
        #expect(node.attributes == [Attribute("Tracing Level", "Normal")])
    }

    @Test("aggregator: group-by ports, sorted input, last-row semantics")
    func aggregator() throws {
        let result = PCTestSupport.importCase("aggregator")
        PCTestSupport.expectWellFormed(result)
        let node = try result.onlyPipeline().requireNode("AGG_DEPT")
        #expect(
            node.op
                == .aggregate(
                    AggregateSpec(groupBy: ["DEPT"], sortedInput: true, ungroupedValue: .lastRow, scope: "all-input")))
        #expect(try node.requirePort("TOTAL").expression == ScalarExpression("SUM(SAL)"))
        #expect(node.attributes.map(\.name) == ["Cache Directory", "Tracing Level", "Aggregator Data Cache Size"])
    }

    @Test(
        "joiner join types: master outer keeps all detail rows",
        arguments: [
            ("joiner_normal", JoinKind.inner), ("joiner_master_outer", .leftOuter),
            ("joiner_detail_outer", .rightOuter), ("joiner_full_outer", .fullOuter),
        ])
    func joiner(fixture: String, kind: JoinKind) throws {
        let result = PCTestSupport.importCase(fixture)
        PCTestSupport.expectWellFormed(result)
        let pipeline = try result.onlyPipeline()
        #expect(PCTestSupport.verifierErrors(pipeline) == [])
        let node = try pipeline.requireNode("JNR_EMP_DEPT")
        #expect(
            node.op
                == .join(
                    JoinSpec(
                        kind: kind, condition: ScalarExpression("DEPT_ID = DEPT"), nullKeysMatch: false,
                        caseSensitive: true)))
        // Master ports (from SQ_DEPTS) are the cached right side; detail ports the streamed left side.
        #expect(try node.requirePort("DEPT_ID").group == "right")
        #expect(try node.requirePort("DNAME").group == "right")
        #expect(try node.requirePort("ID").group == "left")
        #expect(try node.requirePort("DEPT_ID").source == PortRef(node: "SQ_DEPTS", port: "DEPT_ID"))
        #expect(try node.requirePort("DEPT").source == PortRef(node: "SQ_EMP", port: "DEPT"))
        #expect(!node.attributes.contains { $0.name == "Join Type" })
    }

    @Test("connected lookup: options, roles, cached NULL matching")
    func lookupConnected() throws {
        let result = PCTestSupport.importCase("lookup_connected")
        PCTestSupport.expectWellFormed(result)
        let node = try result.onlyPipeline().requireNode("LKP_DEPT")
        #expect(
            node.op
                == .lookup(
                    LookupSpec(
                        connected: true, table: "DEPTS", filter: "DNAME IS NOT NULL",
                        condition: ScalarExpression("DEPT_ID = IN_DEPT"), multipleMatch: .last, cached: true,
                        nullKeysMatch: true, caseSensitive: false, connection: "$Source", sourceType: "database")))
        #expect(try node.requirePort("DNAME").roles == [.output, .lookup])
        #expect(try node.requirePort("IN_DEPT").source == PortRef(node: "SQ_EMP", port: "DEPT"))
        #expect(node.attributes.map(\.name) == ["Tracing Level", "Null ordering"])
    }

    @Test("unconnected lookup: no connector touches it; uncached, so NULL keys do not match")
    func lookupUnconnected() throws {
        let result = PCTestSupport.importCase("lookup_unconnected")
        PCTestSupport.expectWellFormed(result)
        let pipeline = try result.onlyPipeline()
        let node = try pipeline.requireNode("LKP_DNAME")
        guard case .lookup(let spec) = node.op else { Issue.record("not a lookup: \(node.op)"); return }
        #expect(spec.connected == false)
        #expect(spec.cached == false)
        #expect(spec.nullKeysMatch == false)
        #expect(spec.multipleMatch == .any)
        #expect(try node.requirePort("DNAME").roles == [.output, .lookup, .returnValue])
        #expect(
            try pipeline.requireNode("EXP_LKP").requirePort("o_DNAME").expression
                == ScalarExpression(":LKP.LKP_DNAME(DEPT)"))
    }

    @Test("router: groups in ORDER, default group, output ports carry their group")
    func router() throws {
        let result = PCTestSupport.importCase("router_default")
        PCTestSupport.expectWellFormed(result)
        let node = try result.onlyPipeline().requireNode("RTR_DEPT")
        #expect(
            node.op
                == .route(
                    RouteSpec(
                        inputGroup: "INPUT",
                        groups: [
                            RouteGroup(name: "HIGH", condition: ScalarExpression("DEPT > 50")),
                            RouteGroup(name: "LOW", condition: ScalarExpression("DEPT <= 10")),
                        ], defaultGroup: "DEFAULT1")))
        let low = try node.requirePort("ID3")
        #expect(low.group == "LOW")
        #expect(low.roles == .output)
        #expect(low.expression == ScalarExpression("ID"))
        #expect(!low.attributes.contains { $0.name == "REF_FIELD" })
        #expect(try node.requirePort("DEPT2").group == "DEFAULT1")
        #expect(try node.requirePort("ID").group == "INPUT")
        #expect(
            try result.onlyPipeline().requireNode("T_OUT").requirePort("DEPT").source
                == PortRef(node: "RTR_DEPT", port: "DEPT2"))
    }

    @Test("sorter: keys, direction, distinct, case, nulls")
    func sorter() throws {
        let result = PCTestSupport.importCase("sorter")
        PCTestSupport.expectWellFormed(result)
        let node = try result.onlyPipeline().requireNode("SRT_SAL")
        #expect(
            node.op
                == .sort(
                    SortSpec(
                        keys: [
                            SortKey(port: "DEPT", descending: false), SortKey(port: "SAL", descending: true),
                            // Distinct: the non-key ports ID and NAME follow in port order, ascending (§2.8).
                            SortKey(port: "ID", descending: false), SortKey(port: "NAME", descending: false),
                        ],
                        distinct: true, caseSensitive: false, nulls: .low)))
        #expect(result.diagnostics("IMP0132").map(\.location.line) == [50])
        #expect(node.notes.map(\.code) == ["IMP0132"])
        #expect(node.attributes.map(\.name) == ["Sorter Cache Size", "Work Directory", "Tracing Level", "Merge Only"])
    }

    @Test("rank: bottom N by the rank port, group-by and index ports")
    func rank() throws {
        let result = PCTestSupport.importCase("rank")
        PCTestSupport.expectWellFormed(result)
        let node = try result.onlyPipeline().requireNode("RNK_SAL")
        #expect(
            node.op
                == .rank(RankSpec(top: false, count: 3, rankBy: "SAL", groupBy: ["DEPT"], indexPort: "RANKINDEX")))
        #expect(try node.requirePort("RANKINDEX").roles == .output)
    }

    @Test("union: input groups in ORDER and field dependencies")
    func union() throws {
        let result = PCTestSupport.importCase("union")
        PCTestSupport.expectWellFormed(result)
        let pipeline = try result.onlyPipeline()
        #expect(PCTestSupport.verifierErrors(pipeline) == [])
        let node = try pipeline.requireNode("UN_ALL")
        #expect(
            node.op
                == .union(
                    UnionSpec(
                        inputGroups: ["G_A", "G_B"],
                        mappings: [
                            PortMapping(input: "ID1", output: "ID"), PortMapping(input: "ID2", output: "ID"),
                            PortMapping(input: "NAME1", output: "NAME"), PortMapping(input: "NAME2", output: "NAME"),
                        ])))
        #expect(try node.requirePort("ID2").group == "G_B")
        #expect(try node.requirePort("ID2").source == PortRef(node: "SQ_EMP", port: "DEPT"))
        #expect(node.attribute("INITPROP:Constructor") == "")
        #expect(node.attribute("Module Identifier") == "pmuniontrans")
        #expect(!node.attributes.contains { $0.name.hasPrefix("FIELDDEPENDENCY") || $0.name.hasPrefix("GROUP") })
    }

    /// The normalizer fixture's NRM_SAL: `amount` repeated 3 times, with key and index ports.
    static let amountUnpivot = UnpivotSpec(
        columns: [UnpivotColumn(output: "amount", occurs: 3, inputs: ["amount_in1", "amount_in2", "amount_in3"])],
        keyPort: "GK_amount", indexPorts: ["GCID_amount"])

    @Test("normalizer: one repeated column becomes an unpivot with key and index ports")
    func normalizer() throws {
        let result = PCTestSupport.importCase("normalizer")
        PCTestSupport.expectWellFormed(result)
        let node = try result.onlyPipeline().requireNode("NRM_SAL")
        #expect(node.op == .unpivot(Self.amountUnpivot))
        #expect(try node.requirePort("name").expression == ScalarExpression("name_in"))
        #expect(try node.requirePort("GK_amount").roles == .output)
        #expect(try node.requirePort("GK_amount").attributes.contains(Attribute("PORTTYPE", "GENERATED KEY/OUTPUT")))
    }

    @Test("normalizer: a column occurring once beside a repeated one is copied to every row, not repeated")
    func normalizerSingleOccurrence() throws {
        // A public export gives its non-repeating column OCCURS 1 (the Designer's default is 0).
        let xml = try String(contentsOfFile: PCTestSupport.path("normalizer"), encoding: .utf8)
        let once = xml.replacingOccurrences(
            of: #"NAME ="name" NULLABLE ="NULL" OCCURS ="0""#, with: #"NAME ="name" NULLABLE ="NULL" OCCURS ="1""#)
        #expect(once != xml)
        let file = NSTemporaryDirectory() + "occurs-once-\(UUID().uuidString).xml"
        try once.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let node = try PowerCenterImporter().importFile(atPath: file).onlyPipeline().requireNode("NRM_SAL")
        #expect(node.op == .unpivot(Self.amountUnpivot))
        #expect(try node.requirePort("name").expression == ScalarExpression("name_in"))
    }

    @Test("a COBOL source normalizer (ISVSAM_NORMALIZER) is opaque, named as one, not as a failed unpivot")
    func cobolSourceNormalizer() throws {
        let xml = try String(contentsOfFile: PCTestSupport.path("normalizer"), encoding: .utf8)
        let marked = xml.replacingOccurrences(
            of: "NAME =\"NRM_SAL\" OBJECTVERSION",
            with: "ISVSAM_NORMALIZER =\"YES\" NAME =\"NRM_SAL\" REF_SOURCE_NAME =\"SAL_FILE\" OBJECTVERSION")
        #expect(marked != xml)
        let file = NSTemporaryDirectory() + "vsam-\(UUID().uuidString).xml"
        try marked.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = PowerCenterImporter().importFile(atPath: file)
        let node = try result.onlyPipeline().requireNode("NRM_SAL")
        guard case .opaque = node.op else { Issue.record("not opaque: \(node.op)"); return }
        let note = try #require(node.notes.first)
        #expect(
            note.message
                == "normalizer 'NRM_SAL' is a COBOL source normalizer: it reads the records of the COBOL (VSAM) file "
                + "'SAL_FILE', which the runtime does not read")
    }

    @Test("sequence generator options")
    func sequence() throws {
        let result = PCTestSupport.importCase("sequence")
        PCTestSupport.expectWellFormed(result)
        let node = try result.onlyPipeline().requireNode("SEQ_ID")
        #expect(
            node.op
                == .sequence(
                    SequenceSpec(
                        start: 5, increment: 2, end: 1000, current: 7, cycle: true, cachedValues: 0, reset: false)))
        #expect(node.attributes == [Attribute("Is Current Value Shared", "NO"), Attribute("Tracing Level", "Normal")])
    }

    @Test("update strategy becomes set-row-kind")
    func updateStrategy() throws {
        let result = PCTestSupport.importCase("update_strategy")
        PCTestSupport.expectWellFormed(result)
        let node = try result.onlyPipeline().requireNode("UPD_EMP")
        #expect(
            node.op
                == .setRowKind(
                    RowKindSpec(
                        expression: ScalarExpression("IIF(SAL > 0, DD_UPDATE, DD_REJECT)"), forwardRejected: false)))
    }

    @Test("transaction control condition")
    func transactionControl() throws {
        let result = PCTestSupport.importCase("transaction_control")
        PCTestSupport.expectWellFormed(result)
        let node = try result.onlyPipeline().requireNode("TC_DEPT")
        #expect(
            node.op
                == .transactionControl(
                    TransactionControlSpec(
                        condition: ScalarExpression("IIF(DEPT = 20, TC_COMMIT_BEFORE, TC_CONTINUE_TRANSACTION)"))))
    }

    @Test("stored procedure is opaque with an error, ports and attributes kept")
    func storedProcedure() throws {
        let result = PCTestSupport.importCase("stored_procedure")
        PCTestSupport.expectWellFormed(result)
        #expect(result.problemCodes == ["IMP0117"])
        let diagnostic = try #require(result.diagnostics("IMP0117").first)
        #expect(diagnostic.severity == .error)
        // At the INSTANCE its path names (47:9), not at the TRANSFORMATION definition (33:9).
        #expect(diagnostic.location.line == 47)
        #expect(diagnostic.path.description == "FOLDER[F]/MAPPING[m_stored_procedure]/INSTANCE[SP_BONUS]")
        let node = try result.onlyPipeline().requireNode("SP_BONUS")
        guard case .opaque(let spec) = node.op else { Issue.record("not opaque: \(node.op)"); return }
        #expect(spec.vendorType == "Stored Procedure")
        #expect(node.fidelity == .opaque)
        #expect(node.notes.map(\.code) == ["IMP0117"])
        #expect(node.ports.map(\.name) == ["ID", "BONUS", "RETURN_VALUE"])
        #expect(try node.requirePort("RETURN_VALUE").roles == [.output, .returnValue])
        #expect(node.attribute("Stored Procedure Name") == "CALC_BONUS")
        #expect(try node.requirePort("ID").source == PortRef(node: "SQ_EMP", port: "ID"))
    }

    @Test("SQL transformation (Custom, template SQL Transform) is opaque with groups kept")
    func sqlTransformation() throws {
        let result = PCTestSupport.importCase("sql_transformation")
        PCTestSupport.expectWellFormed(result)
        #expect(result.problemCodes == ["IMP0117"])
        #expect(result.diagnostics("IMP0117").first?.location.line == 49)
        let node = try result.onlyPipeline().requireNode("SQL_UPD")
        guard case .opaque(let spec) = node.op else { Issue.record("not opaque: \(node.op)"); return }
        #expect(spec.vendorType == "SQL Transform")
        #expect(try node.requirePort("ID").attributes.contains(Attribute("SQLT_PORT_ATTRIBUTE", "2")))
        #expect(try node.requirePort("SQLError").group == "SQLOutputs")
        #expect(node.attribute("GROUP:SQLInputs") == "ORDER=1; TYPE=INPUT")
        #expect(node.attribute("TEMPLATENAME") == "SQL Transform")
    }
}
