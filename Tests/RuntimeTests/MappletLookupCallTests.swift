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
        let file = NSTemporaryDirectory() + "mapplet-lookup-\(UUID().uuidString).xml"
        try Self.export().write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let pipeline = try #require(PowerCenterImporter().importFile(atPath: file).pipelines.first)
        #expect(pipeline.nodes.contains { $0.id == "MPL_1.LKP_NICK" }, "\(pipeline.nodes.map(\.id))")
        let harness = try ExecutorHarness()
        try harness.table(
            "EMP", ["ID*:n10", "NAME:s20", "DEPT:n4", "SAL:n8.2"],
            [["1", "ann", "10", "50"], ["2", "bob", "20", "500"]])
        try harness.table("NICKS", ["FULL:s20", "NICK:s20"], [["ann", "annie"]])
        let result = harness.execute(pipeline)
        #expect(result.succeeded, "\(ExecutorHarness.describe(result))")
        // ann → annie → ANNIE; bob matches nothing: NULL. SAL below $$MIN_SAL (100) is raised to it.
        #expect(
            try harness.rows("SELECT ID, NAME, SAL FROM T_OUT ORDER BY ID", columns: 3) == [
                "1|ANNIE|100", "2|NULL|500",
            ])
    }
}
