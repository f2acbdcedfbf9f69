import Codegen
import IR
import Importers
import Testing

/// Parameter files become `parameters:` documents that read back to the same values.
@Suite struct ParametersDocumentTests {
    @Test func parameterFileRoundTripsThroughYAML() throws {
        let text = "[Global]\n$$A=1 \n[F.WF:wf.ST:s]\n$$A=x: y # not a comment\n"
        let (file, problems) = ParameterFileReader.parse(text, file: "in/p.prm")
        #expect(problems.isEmpty)
        let yaml = CanonicalYAML.render(file)
        let expected = """
            version: 1
            parameters:
              file: p.prm
              sections:
                - heading: Global
                  line: 1
                  entries:
                    - name: $$A
                      value: "1 "
                      line: 2
                - heading: F.WF:wf.ST:s
                  line: 3
                  entries:
                    - name: $$A
                      value: "x: y # not a comment"
                      line: 4

            """
        #expect(yaml == expected)
        let (document, diagnostics) = CanonicalYAML.parse(yaml, file: "p.parameters.yaml")
        #expect(diagnostics.isEmpty)
        guard case .parameters(let back) = document else {
            Issue.record("expected a parameters document")
            return
        }
        #expect(back.sections.map(\.scope) == file.sections.map(\.scope))
        #expect(back.sections.flatMap(\.entries).map(\.value) == ["1 ", "x: y # not a comment"])
        #expect(CanonicalYAML.render(back) == yaml)
    }

    @Test func unknownHeadingInYAMLIsADiagnostic() {
        let yaml =
            "version: 1\nparameters:\n  file: p.prm\n  sections:\n    - heading: \"F.WF:\"\n      line: 1\n      entries: []\n"
        let (document, diagnostics) = CanonicalYAML.parse(yaml, file: "bad.yaml")
        #expect(document == nil)
        #expect(diagnostics.hasErrors)
    }
}
