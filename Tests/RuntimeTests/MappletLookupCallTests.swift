import Foundation
import IR
import Importers
import Runtime
import Testing

/// A mapplet's expression calling a lookup of the same mapplet: expanded, the lookup is
/// `MPL_1.LKP_NICK` while the call still says `:LKP.LKP_NICK` (its definition's name). The type
/// checker resolved it by that name; the runtime left such a lookup unloaded ("cannot be
/// resolved", found on an Oracle BI Apps export calling an exchange-rate lookup in a mapplet).
@Suite struct MappletLookupCallTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/powercenter/mapplet_expanded/input.xml").path

    /// mapplet_expanded with `o_NAME = UPPER(:LKP.LKP_NICK(in_NAME))` and the lookup LKP_NICK
    /// (table NICKS, `FULL = IN_N`, returning NICK) inside the mapplet.
    static func export() throws -> String {
        let xml = try String(contentsOfFile: fixture, encoding: .utf8)
        let lookup = """
                    <TRANSFORMATION DESCRIPTION ="" NAME ="LKP_NICK" OBJECTVERSION ="1" REUSABLE ="NO" TYPE ="Lookup Procedure" VERSIONNUMBER ="1">
                        <TRANSFORMFIELD DATATYPE ="string" DEFAULTVALUE ="" DESCRIPTION ="" NAME ="IN_N" PICTURETEXT ="" PORTTYPE ="INPUT" PRECISION ="20" SCALE ="0"/>
                        <TRANSFORMFIELD DATATYPE ="string" DEFAULTVALUE ="" DESCRIPTION ="" NAME ="FULL" PICTURETEXT ="" PORTTYPE ="LOOKUP" PRECISION ="20" SCALE ="0"/>
                        <TRANSFORMFIELD DATATYPE ="string" DEFAULTVALUE ="" DESCRIPTION ="" NAME ="NICK" PICTURETEXT ="" PORTTYPE ="LOOKUP/RETURN/OUTPUT" PRECISION ="20" SCALE ="0"/>
                        <TABLEATTRIBUTE NAME ="Lookup table name" VALUE ="NICKS"/>
                        <TABLEATTRIBUTE NAME ="Lookup condition" VALUE ="FULL = IN_N"/>
                        <TABLEATTRIBUTE NAME ="Lookup caching enabled" VALUE ="YES"/>
                        <TABLEATTRIBUTE NAME ="Lookup policy on multiple match" VALUE ="Use First Value"/>
                        <TABLEATTRIBUTE NAME ="Source Type" VALUE ="Database"/>
                    </TRANSFORMATION>
                    <INSTANCE DESCRIPTION ="" NAME ="LKP_NICK" REUSABLE ="NO" TRANSFORMATION_NAME ="LKP_NICK" TRANSFORMATION_TYPE ="Lookup Procedure" TYPE ="TRANSFORMATION"/>

            """
        let edited =
            xml
            .replacingOccurrences(
                of: "EXPRESSION =\"UPPER(in_NAME)\"", with: "EXPRESSION =\"UPPER(:LKP.LKP_NICK(in_NAME))\""
            )
            .replacingOccurrences(of: "    </MAPPLET>", with: lookup + "    </MAPPLET>")
        #expect(edited.contains(":LKP.LKP_NICK") && edited.contains("NAME =\"LKP_NICK\""))
        return edited
    }

    @Test("the call finds the mapplet's lookup by its definition's name and runs")
    func mappletLocalLookupCall() throws {
        let pipeline = try Self.imported(Self.export())
        #expect(pipeline.nodes.contains { $0.id == "MPL_1.LKP_NICK" }, "\(pipeline.nodes.map(\.id))")
        let harness = try Self.harness()
        let result = harness.execute(pipeline)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // ann → annie → ANNIE; bob matches nothing: NULL. SAL below $$MIN_SAL (100) is raised to it.
        #expect(
            try harness.rows("SELECT ID, NAME, SAL FROM T_OUT ORDER BY ID", columns: 3) == [
                "1|ANNIE|100", "2|NULL|500",
            ])
    }

    /// The only pipeline of export text `xml`, imported without errors.
    static func imported(_ xml: String) throws -> Pipeline {
        let file = NSTemporaryDirectory() + "mapplet-lookup-\(UUID().uuidString).xml"
        try xml.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let imported = PowerCenterImporter().importFile(atPath: file)
        #expect(!imported.diagnostics.contains { $0.severity == .error }, "\(imported.diagnostics)")
        return try #require(imported.pipelines.first)
    }

    /// A harness with EMP (ann with SAL 50, bob with 500) and NICKS (ann → annie).
    static func harness() throws -> ExecutorHarness {
        let harness = try ExecutorHarness()
        try harness.table(
            "EMP", ["ID*:n10", "NAME:s20", "DEPT:n4", "SAL:n8.2"],
            [["1", "ann", "10", "50"], ["2", "bob", "20", "500"]])
        try harness.table("NICKS", ["FULL:s20", "NICK:s20"], [["ann", "annie"]])
        return harness
    }

    /// `export()` with a second mapplet, `mplt_CLEAN2`: a copy whose own LKP_NICK reads NICKS2,
    /// instanced as MPL_2 after MPL_1 and written to T_OUT2.
    static func twoMappletsExport() throws -> String {
        var xml = try export()
        let start = try #require(xml.range(of: "    <MAPPLET "))
        let end = try #require(xml.range(of: "    </MAPPLET>"))
        let mapplet = String(xml[start.lowerBound..<end.upperBound])
        let copy =
            mapplet
            .replacingOccurrences(of: "NAME =\"mplt_CLEAN\"", with: "NAME =\"mplt_CLEAN2\"")
            .replacingOccurrences(of: "VALUE =\"NICKS\"", with: "VALUE =\"NICKS2\"")
        #expect(copy.contains("NICKS2") && copy.contains("mplt_CLEAN2"))
        xml.insert(contentsOf: "\n" + copy, at: end.upperBound)
        let targetStart = try #require(xml.range(of: "    <TARGET "))
        let targetEnd = try #require(xml.range(of: "    </TARGET>"))
        let target = String(xml[targetStart.lowerBound..<targetEnd.upperBound])
        xml.insert(
            contentsOf: "\n" + target.replacingOccurrences(of: "NAME =\"T_OUT\"", with: "NAME =\"T_OUT2\""),
            at: targetEnd.upperBound)
        func connector(
            _ from: String, _ fromType: String, _ field: String, _ to: String, _ toType: String, _ toField: String
        )
            -> String
        {
            "<CONNECTOR FROMFIELD =\"\(field)\" FROMINSTANCE =\"\(from)\" FROMINSTANCETYPE =\"\(fromType)\" "
                + "TOFIELD =\"\(toField)\" TOINSTANCE =\"\(to)\" TOINSTANCETYPE =\"\(toType)\"/>\n"
        }
        let added =
            "<INSTANCE DESCRIPTION =\"\" NAME =\"MPL_2\" REUSABLE =\"YES\" TRANSFORMATION_NAME =\"mplt_CLEAN2\" "
            + "TRANSFORMATION_TYPE =\"Mapplet\" TYPE =\"MAPPLET\"/>\n"
            + "<INSTANCE DESCRIPTION =\"\" NAME =\"T_OUT2\" REUSABLE =\"NO\" TRANSFORMATION_NAME =\"T_OUT2\" "
            + "TRANSFORMATION_TYPE =\"Target Definition\" TYPE =\"TARGET\"/>\n"
            + connector("SQ_EMP", "Source Qualifier", "NAME", "MPL_2", "Mapplet", "NAME")
            + connector("SQ_EMP", "Source Qualifier", "SAL", "MPL_2", "Mapplet", "SAL")
            + connector("SQ_EMP", "Source Qualifier", "ID", "T_OUT2", "Target Definition", "ID")
            + connector("MPL_2", "Mapplet", "CLEAN_NAME", "T_OUT2", "Target Definition", "NAME")
            + connector("MPL_2", "Mapplet", "CLEAN_SAL", "T_OUT2", "Target Definition", "SAL")
        let order = try #require(xml.range(of: "        <TARGETLOADORDER"))
        xml.insert(contentsOf: added, at: order.lowerBound)
        return xml
    }

    @Test("two mapplets with a lookup of the same name: each mapplet's call reads its own lookup")
    func eachMappletCallsItsOwnLookup() throws {
        let pipeline = try Self.imported(Self.twoMappletsExport())
        #expect(pipeline.nodes.contains { $0.id == "MPL_2.LKP_NICK" }, "\(pipeline.nodes.map(\.id))")
        let harness = try Self.harness()
        try harness.table("NICKS2", ["FULL:s20", "NICK:s20"], [["ann", "nan"], ["bob", "bobby"]])
        let result = harness.execute(pipeline)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // MPL_1 reads NICKS (ann → annie, bob unmatched); MPL_2 reads NICKS2, not MPL_1's lookup.
        #expect(
            try harness.rows("SELECT ID, NAME, SAL FROM T_OUT ORDER BY ID", columns: 3) == [
                "1|ANNIE|100", "2|NULL|500",
            ])
        #expect(
            try harness.rows("SELECT ID, NAME, SAL FROM T_OUT2 ORDER BY ID", columns: 3) == [
                "1|NAN|100", "2|BOBBY|500",
            ])
    }
}
