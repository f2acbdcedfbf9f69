import IR
import Testing

@testable import Importers

/// Mapplets, shortcuts, reusable transformations, broken connectors and bad roots.
@Suite("PowerCenter structure")
struct PowerCenterStructureTests {
    @Test("a used mapplet is inlined: prefixed nodes, rewired ports, parameters, notes")
    func mappletExpanded() throws {
        let result = PCTestSupport.importCase("mapplet_expanded")
        PCTestSupport.expectWellFormed(result)
        #expect(result.problemCodes == [])
        let pipeline = try result.onlyPipeline()
        #expect(PCTestSupport.verifierErrors(pipeline) == [])
        #expect(
            pipeline.nodes.map(\.id) == ["EMP", "SQ_EMP", "MPL_1.IN_COLS", "MPL_1.EXP_M", "MPL_1.OUT_COLS", "T_OUT"])
        let input = try pipeline.requireNode("MPL_1.IN_COLS")
        #expect(input.op == .project(ProjectSpec()))
        #expect(try input.requirePort("NAME").roles == [.input, .output])
        #expect(try input.requirePort("NAME").source == PortRef(node: "SQ_EMP", port: "NAME"))
        let expression = try pipeline.requireNode("MPL_1.EXP_M")
        #expect(try expression.requirePort("in_SAL").source == PortRef(node: "MPL_1.IN_COLS", port: "SAL"))
        #expect(expression.provenance.path.description == "FOLDER[F]/MAPPLET[mplt_CLEAN]/INSTANCE[EXP_M]")
        #expect(expression.provenance.location.line == 41)
        #expect(expression.definition?.location.line == 26)
        let target = try pipeline.requireNode("T_OUT")
        #expect(try target.requirePort("NAME").source == PortRef(node: "MPL_1.OUT_COLS", port: "o_NAME"))
        #expect(try target.requirePort("SAL").source == PortRef(node: "MPL_1.OUT_COLS", port: "o_SAL"))
        #expect(try target.requirePort("ID").source == PortRef(node: "SQ_EMP", port: "ID"))
        // Scoped to the mapplet instance, as a parameter file names it (reference §1.8, §6.3).
        #expect(pipeline.parameters.map(\.name) == ["MPL_1.$$MIN_SAL"])
        #expect(result.diagnostics("IMP0131").map(\.location.line) == [47])
        // The interface names survive as MAPPLET_PORT on the Input/Output node ports.
        let output = try pipeline.requireNode("MPL_1.OUT_COLS")
        #expect(try output.requirePort("o_NAME").attributes == [Attribute("MAPPLET_PORT", "CLEAN_NAME")])
        #expect(try output.requirePort("o_SAL").attributes == [Attribute("MAPPLET_PORT", "CLEAN_SAL")])
        #expect(try input.requirePort("SAL").attributes == [Attribute("MAPPLET_PORT", "SAL")])
        #expect(pipeline.parameters.first?.kind == .parameter)
        #expect(pipeline.parameters.first?.defaultValue == "100")
        #expect(result.diagnostics("IMP0121").map(\.location.line) == [68])
        #expect(result.diagnostics("IMP0122").map(\.location.line) == [17])
        // Only the interface's TABLEATTRIBUTE 'Is Active' (38:13) is not converted; the ports are.
        #expect(result.diagnostics("IMP0103").map(\.location.line) == [38])
    }

    @Test("an unused mapplet becomes a mapplet pipeline with boundary nodes")
    func mappletUnused() throws {
        let result = PCTestSupport.importCase("mapplet_unused")
        PCTestSupport.expectWellFormed(result)
        #expect(result.problemCodes == [])
        let pipeline = try result.onlyPipeline()
        #expect(pipeline.kind == .mapplet)
        #expect(pipeline.name == "mplt_CLEAN")
        #expect(pipeline.nodes.map(\.id) == ["IN_COLS", "EXP_M", "OUT_COLS"])
        let input = try pipeline.requireNode("IN_COLS")
        #expect(input.op == .input(BoundarySpec(name: "IN_COLS")))
        #expect(try input.requirePort("SAL").roles == .output)
        let output = try pipeline.requireNode("OUT_COLS")
        #expect(output.op == .output(BoundarySpec(name: "OUT_COLS")))
        #expect(try output.requirePort("o_SAL").roles == .input)
        #expect(try output.requirePort("o_SAL").source == PortRef(node: "EXP_M", port: "o_SAL"))
        // Standing alone, the mapplet's parameters are its pipeline's own: no instance prefix.
        #expect(pipeline.parameters.map(\.name) == ["$$MIN_SAL"])
        #expect(result.diagnostics("IMP0131").isEmpty)
        // The interface names (CLEAN_NAME, CLEAN_SAL) survive as MAPPLET_PORT on the boundary ports.
        #expect(try output.requirePort("o_NAME").attributes == [Attribute("MAPPLET_PORT", "CLEAN_NAME")])
        #expect(try output.requirePort("o_SAL").attributes == [Attribute("MAPPLET_PORT", "CLEAN_SAL")])
        #expect(try input.requirePort("NAME").attributes == [Attribute("MAPPLET_PORT", "NAME")])
        #expect(result.diagnostics("IMP0103").map(\.location.line) == [27])
        #expect(PCTestSupport.verifierErrors(pipeline) == [])
    }

    @Test("shortcuts to another folder of the same export resolve")
    func shortcutResolved() throws {
        let result = PCTestSupport.importCase("shortcut_resolved")
        PCTestSupport.expectWellFormed(result)
        #expect(result.problemCodes == [])
        let pipeline = try result.onlyPipeline()
        #expect(pipeline.origin.path.description == "FOLDER[PROJ]/MAPPING[m_shortcut]")
        let source = try pipeline.requireNode("EMP")
        #expect(source.definition?.path.description == "FOLDER[SHARED]/SOURCE[EMP]")
        #expect(source.definition?.location.line == 6)
        #expect(try pipeline.requireNode("T_OUT").definition?.path.description == "FOLDER[SHARED]/TARGET[T_OUT]")
        let notes = result.diagnostics("IMP0108")
        #expect(notes.map(\.location.line) == [49, 50])
        #expect(notes.allSatisfy { $0.severity == .note && $0.message.contains("is resolved inside this export") })
        #expect(PCTestSupport.verifierErrors(pipeline) == [])
    }

    @Test("a shortcut to a folder missing from the export is an error at the instance")
    func shortcutUnresolved() throws {
        let result = PCTestSupport.importCase("shortcut_unresolved")
        PCTestSupport.expectWellFormed(result)
        #expect(result.problemCodes == ["IMP0109"])
        let error = try #require(result.diagnostics("IMP0109").first)
        #expect(error.location.line == 27)
        #expect(error.message.contains("'Shortcut_to_EMP'"))
        #expect(error.message.contains("'EMP' in folder 'SHARED' of repository 'REP'"))
        #expect(error.fix == "export the shared folder 'SHARED' together with this one")
        #expect(result.diagnostics("IMP0136").map(\.location.line) == [41])
        let node = try result.onlyPipeline().requireNode("EMP")
        guard case .opaque(let spec) = node.op else { Issue.record("not opaque: \(node.op)"); return }
        #expect(spec.vendorType == "Source Definition")
        #expect(node.ports.map(\.name) == ["ID", "NAME", "DEPT", "SAL"])
        #expect(try node.requirePort("SAL").roles == .output)
        #expect(try node.requirePort("SAL").type == .decimal(precision: 8, scale: 2))
        #expect(
            try result.onlyPipeline().requireNode("SQ_EMP").requirePort("ID").source == PortRef(node: "EMP", port: "ID")
        )
    }

    @Test("a source and a target instance may share a name, and so may a source and a target shortcut")
    func sameNameInstances() throws {
        let result = PCTestSupport.importCase("same_name_instances")
        PCTestSupport.expectWellFormed(result)
        #expect(result.problemCodes == [])
        let pipeline = try result.onlyPipeline()
        #expect(pipeline.nodes.map(\.id) == ["EMP", "EMP#source", "SQ_EMP"])
        #expect(PCTestSupport.verifierErrors(pipeline) == [])
        let target = try pipeline.requireNode("EMP")
        #expect(target.definition?.path.description == "FOLDER[SHARED]/TARGET[EMP]")
        #expect(try target.requirePort("SAL").source == PortRef(node: "SQ_EMP", port: "SAL"))
        let source = try pipeline.requireNode("EMP#source")
        #expect(source.definition?.path.description == "FOLDER[SHARED]/SOURCE[EMP]")
        #expect(source.provenance.path.description == "FOLDER[PROJ]/MAPPING[m_same_name]/INSTANCE[EMP]")
        let query = try pipeline.requireNode("SQ_EMP")
        #expect(try query.requirePort("ID").source == PortRef(node: "EMP#source", port: "ID"))
        guard case .sourceQuery(let spec) = query.op else { Issue.record("not a source query"); return }
        #expect(spec.sources == ["EMP#source"])
        #expect(pipeline.targetLoadOrder == ["EMP"])
        #expect(result.diagnostics("IMP0108").count == 2)
    }

    @Test("a reusable transformation is found by name and type; instance attributes win")
    func reusableOverride() throws {
        let result = PCTestSupport.importCase("reusable_override")
        PCTestSupport.expectWellFormed(result)
        #expect(result.problemCodes == [])
        let node = try result.onlyPipeline().requireNode("FIL_1")
        #expect(node.op == .filter(FilterSpec(condition: ScalarExpression("DEPT = 30"))))
        #expect(node.attributes == [Attribute("Tracing Level", "Terse")])
        #expect(node.provenance.location.line == 49)
        #expect(node.definition?.path.description == "FOLDER[F]/TRANSFORMATION[FIL_REUSE]")
        #expect(node.definition?.location.line == 18)
        #expect(
            try node.requirePort("SAL").provenance.path.description
                == "FOLDER[F]/MAPPING[m_reusable]/INSTANCE[FIL_1]/PORT[SAL]")
        let unused = try #require(result.diagnostics("IMP0107").first)
        #expect(unused.location.line == 26)
        #expect(unused.message == "expression transformation 'EXP_UNUSED' is not used by any mapping in this export")
    }

    @Test("dangling and doubled connectors are errors at the connector")
    func danglingConnector() throws {
        let result = PCTestSupport.importCase("dangling_connector")
        PCTestSupport.expectWellFormed(result)
        #expect(result.problemCodes == ["IMP0111", "IMP0112", "IMP0113"])
        #expect(result.diagnostics("IMP0111").map(\.location.line) == [46])
        #expect(result.diagnostics("IMP0112").map(\.location.line) == [47])
        #expect(result.diagnostics("IMP0113").map(\.location.line) == [48])
        let target = try result.onlyPipeline().requireNode("T_OUT")
        #expect(try target.requirePort("ID").source == PortRef(node: "SQ_EMP", port: "ID"))
        let connectors = try #require(result.inventory.first { $0.kind == "CONNECTOR" })
        #expect(connectors.represented == 8)
        #expect(connectors.diagnosed == 3)
    }

    @Test("a root other than POWERMART is an error and nothing is converted")
    func wrongRoot() throws {
        let tree = try #require(PCTestSupport.tree("<ROOT>\n  <FOLDER NAME=\"x\"/>\n</ROOT>\n"))
        let result = PowerCenterImporter().importTree(tree, file: "wrong.xml")
        #expect(result.pipelines.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["IMP0100"])
        #expect(result.diagnostics.first?.location == IR.SourceLocation(file: "wrong.xml", line: 1, column: 1))
        #expect(result.isConserved)
    }

    @Test("POWERMART without REPOSITORY, and a REPOSITORY without FOLDER")
    func missingRepositoryAndFolder() throws {
        let empty = try #require(PCTestSupport.tree("<POWERMART>\n</POWERMART>\n"))
        #expect(PowerCenterImporter().importTree(empty, file: "a.xml").diagnostics.map(\.code) == ["IMP0101"])
        let bare = try #require(
            PCTestSupport.tree("<POWERMART>\n<REPOSITORY NAME=\"R\">\n</REPOSITORY>\n</POWERMART>\n"))
        let result = PowerCenterImporter().importTree(bare, file: "b.xml")
        #expect(result.diagnostics.map(\.code) == ["IMP0102"])
        #expect(result.diagnostics.first?.location.line == 2)
    }

    @Test("user-defined functions travel with the pipelines that call them, even indirectly")
    func userFunctions() throws {
        let xml = """
            <POWERMART><REPOSITORY NAME="R"><FOLDER NAME="F">
            <EXPRMACRO EXPRESSION="LTRIM(RTRIM(S))" NAME="udf_trim" PROTOTYPE="STRING udf_trim(S as string)"/>
            <EXPRMACRO EXPRESSION=":UDF.UDF_TRIM(UPPER(S))" NAME="udf_clean" PROTOTYPE="STRING udf_clean(S as string)"/>
            <EXPRMACRO EXPRESSION="S" NAME="udf_unused" PROTOTYPE="STRING udf_unused(S as string)"/>
            <MAPPING NAME="m">
            <TRANSFORMATION NAME="EXP" TYPE="Expression">
            <TRANSFORMFIELD DATATYPE="string" NAME="o" PORTTYPE="OUTPUT" PRECISION="10" SCALE="0" EXPRESSION=":UDF.udf_clean('x')"/>
            </TRANSFORMATION>
            <INSTANCE NAME="EXP" TRANSFORMATION_NAME="EXP" TRANSFORMATION_TYPE="Expression" TYPE="TRANSFORMATION"/>
            </MAPPING>
            </FOLDER></REPOSITORY></POWERMART>
            """
        let tree = try #require(PCTestSupport.tree(xml))
        let result = PowerCenterImporter().importTree(tree, file: "udf.xml")
        PCTestSupport.expectWellFormed(result)
        let pipeline = try result.onlyPipeline()
        #expect(
            pipeline.attributes == [
                Attribute(":UDF.udf_clean", ":UDF.UDF_TRIM(UPPER(S))"),
                Attribute(":UDF.udf_clean prototype", "STRING udf_clean(S as string)"),
                Attribute(":UDF.udf_trim", "LTRIM(RTRIM(S))"),
                Attribute(":UDF.udf_trim prototype", "STRING udf_trim(S as string)"),
            ])
        #expect(result.diagnostics("IMP0125").map(\.location.line) == [4])
    }

    @Test("catalog codes are unique, sorted and in IMP0100–IMP0199")
    func catalog() {
        let codes = PCMappingDiagnostics.all.map(\.code.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(codes == codes.sorted())
        #expect(codes.allSatisfy { $0 >= "IMP0100" && $0 <= "IMP0199" })
    }
}
