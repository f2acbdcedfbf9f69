import IR
import Testing

@testable import Importers

@Suite struct ParameterFileTests {
    static let text = """
        # nightly parameters
        [Global]
        $$Country=PL
        $$LoadDate=01/31/2026 \r
        [Sales.WF:wf_daily]
        $$Country=DE
        $DBConnection_SRC=ORA_PROD
        [Sales.WF:wf_daily.ST:s_load]
        $$country=FR
        [Sales.WF:wf_daily.WT:wl_a.ST:s_inner]
        $$Country=IT
        [Sales.ST:s_load]
        $$Region=EU
        [s_other]
        $$Region=US
        broken line
        [Service:IS_PROD]
        $PMSessionLogDir=/logs
        """

    @Test func sectionsAndScopesAreRead() {
        let (file, diagnostics) = ParameterFileReader.parse(Self.text, file: "p.prm")
        #expect(
            file.sections.map(\.heading) == [
                "Global", "Sales.WF:wf_daily", "Sales.WF:wf_daily.ST:s_load", "Sales.WF:wf_daily.WT:wl_a.ST:s_inner",
                "Sales.ST:s_load", "s_other", "Service:IS_PROD",
            ])
        #expect(
            file.sections[3].scope
                == .session(folder: "Sales", workflow: "wf_daily", worklets: ["wl_a"], session: "s_inner"))
        #expect(file.sections[4].scope == .session(folder: "Sales", workflow: nil, worklets: [], session: "s_load"))
        #expect(file.sections[5].scope == .session(folder: nil, workflow: nil, worklets: [], session: "s_other"))
        #expect(file.sections[6].scope == .service(name: "IS_PROD", node: nil))
        // The value keeps its trailing blank; the CR of a CRLF line ending is not part of it.
        #expect(file.sections[0].entries[1].value == "01/31/2026 ")
        #expect(diagnostics.map(\.code.rawValue) == ["IMP0302"])
        #expect(diagnostics.first?.location.line == 16)
    }

    @Test func mostSpecificSectionWinsAndNamesIgnoreCase() {
        let (file, _) = ParameterFileReader.parse(Self.text, file: "p.prm")
        func value(_ name: String, _ run: RunIdentity) -> String? {
            file.values(for: run).first { $0.name.lowercased() == name.lowercased() }?.value
        }
        let session = RunIdentity(folder: "Sales", workflow: "wf_daily", session: "s_load")
        #expect(value("$$Country", session) == "FR")
        #expect(value("$$Region", session) == "EU")
        #expect(value("$DBConnection_SRC", session) == "ORA_PROD")
        #expect(value("$PMSessionLogDir", session) == nil)
        let inner = RunIdentity(
            folder: "sales", workflow: "WF_DAILY", worklets: ["wl_a"], session: "s_inner", service: "IS_PROD")
        #expect(value("$$Country", inner) == "IT")
        #expect(value("$PMSessionLogDir", inner) == "/logs")
        let otherWorkflow = RunIdentity(folder: "Sales", workflow: "wf_other", session: "s_load")
        #expect(value("$$Country", otherWorkflow) == "PL")
        #expect(value("$$Region", otherWorkflow) == "EU")
        let anywhere = RunIdentity(folder: "HR", workflow: "wf_x", session: "s_other")
        #expect(value("$$Region", anywhere) == "US")
    }

    @Test func malformedInputBecomesDiagnostics() {
        let text = "$$Early=1\n[Global\n[Folder.WF:]\n[Global]\n$$A=1\n$$a=2\n"
        let (file, diagnostics) = ParameterFileReader.parse(text, file: "bad.prm")
        #expect(diagnostics.map(\.code.rawValue) == ["IMP0301", "IMP0303", "IMP0303", "IMP0304"])
        #expect(diagnostics.map(\.location.line) == [1, 2, 3, 6])
        #expect(file.sections.count == 1 && file.sections[0].entries.map(\.value) == ["1"])
    }

    @Test func windows1252BytesAreDecoded() {
        let bytes: [UInt8] = Array("[Global]\n$$Name=Caf".utf8) + [0xE9, 0x80]
        let (file, diagnostics) = ParameterFileReader.read(bytes: bytes, file: "w.prm")
        #expect(diagnostics.isEmpty)
        #expect(file.sections.first?.entries.first?.value == "Café€")
    }

    @Test func missingFileIsADiagnostic() {
        let (_, diagnostics) = ParameterFileReader.read(contentsOf: "/nonexistent/p.prm")
        #expect(diagnostics.map(\.code.rawValue) == ["IMP0300"])
    }
}
