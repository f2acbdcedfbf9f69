import Codegen
import IR
import Testing

/// The stored form of ``ScalarExpression`` (issue 3): the bare text when it is canonical or does
/// not parse, else `canonical` (the printer's form) then `source` (the export's exact text).
/// Every expected canonical form below was worked out by hand from the printer's rules.
@Suite("Expressions in canonical YAML")
struct ExpressionYAMLFormTests {
    /// The pipeline-strings sample with its one port expression replaced by `text`.
    static func pipeline(_ text: String) -> Pipeline {
        var pipeline = SampleStrings.pipeline
        pipeline.nodes[0].ports[0].expression = ScalarExpression(text)
        return pipeline
    }

    /// The lines of the rendered port from `expression:` up to (not including) its provenance.
    static func expressionLines(_ text: String) -> String {
        let yaml = CanonicalYAML.render(pipeline(text))
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("          expression:") }) else { return "" }
        let end = lines[start...].firstIndex { $0.hasPrefix("          provenance:") } ?? lines.endIndex
        return lines[start..<end].joined(separator: "\n")
    }

    @Test("an expression already in canonical form is the bare string")
    func bareWhenCanonical() {
        #expect(
            Self.expressionLines("IIF(ISNULL(NAME), 'n/a', NAME)")
                == "          expression: IIF(ISNULL(NAME), 'n/a', NAME)")
        #expect(Self.expressionLines("A + B * (C - 1)") == "          expression: A + B * (C - 1)")
    }

    @Test("a differing expression keeps its source, comment and CR LF included, after the canonical form")
    func mappingWhenDifferent() {
        #expect(
            Self.expressionLines("iif(isnull(NAME),'n/a',NAME) -- default\r\n") == """
                          expression:
                            canonical: IIF(ISNULL(NAME), 'n/a', NAME)
                            source: "iif(isnull(NAME),'n/a',NAME) -- default\\r\\n"
                """)
        #expect(
            Self.expressionLines("(A + (B * C))") == """
                          expression:
                            canonical: A + B * C
                            source: (A + (B * C))
                """)
        #expect(
            Self.expressionLines("not A != b") == """
                          expression:
                            canonical: NOT A <> b
                            source: not A != b
                """)
    }

    @Test("text that does not parse stays the bare string")
    func unparsableStaysBare() {
        #expect(Self.expressionLines("iif(a,") == "          expression: iif(a,")
        #expect(Self.expressionLines("") == "          expression: \"\"")
    }

    @Test(
        "texts read back to the same IR and the same bytes",
        arguments: [
            "IIF(ISNULL(NAME), 'n/a', NAME)",
            "iif(isnull(NAME),'n/a',NAME) -- default\r\n",
            "SUBSTR(NAME,1,3)||'x' // tail",
            "$$RUN_DATE  >  SYSDATE\nOR  A = 'it''s'",
            "(A)",
            "iif(a,",
            "",
        ])
    func roundTrip(_ text: String) throws {
        let yaml = CanonicalYAML.render(Self.pipeline(text))
        let (document, diagnostics) = CanonicalYAML.parse(yaml, file: "r.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        guard case .pipeline(let read)? = document else {
            Issue.record("not read back as a pipeline")
            return
        }
        #expect(read.nodes[0].ports[0].expression?.text == text)
        #expect(CanonicalYAML.render(read) == yaml)
        #expect(CanonicalYAML.format(yaml, file: "r.yaml").output == yaml)
    }

    /// The pipeline-all-operators golden with its filter condition's `canonical` line replaced.
    static func filterDiagnostics(replacing old: String, with new: String) throws -> [String] {
        let text = try YAMLReaderErrorTests.golden("pipeline-all-operators", replacing: old, with: new)
        return CanonicalYAML.parse(text, file: "m.yaml").diagnostics.map(\.description)
    }

    static let goldenCanonical = "          canonical: NOT ISNULL(ID) AND NAME <> ''"

    @Test("a canonical form that does not match its source is a diagnostic at the canonical value")
    func mismatchIsDiagnostic() throws {
        let found = try Self.filterDiagnostics(
            replacing: Self.goldenCanonical, with: "          canonical: NOT ISNULL(ID) OR NAME <> ''")
        #expect(found.count == 1)
        #expect(
            found.first?.hasPrefix(
                "m.yaml:155:22: error: [CG0025] canonical form does not match its source: expected 'NOT ISNULL(ID) AND NAME <> ''' in node 'FIL_1'"
            ) == true, "\(found)")
    }

    @Test("a mapping whose source does not parse, or with a key missing or extra, is a diagnostic")
    func badMappings() throws {
        let unparsable = try Self.filterDiagnostics(
            replacing: "          source: NOT ISNULL(ID) AND NAME != ''", with: "          source: NOT ISNULL(ID) AND")
        #expect(
            unparsable.first?.hasPrefix(
                "m.yaml:156:19: error: [CG0025] canonical form does not match its source: the source does not parse"
            ) == true, "\(unparsable)")
        let missing = try Self.filterDiagnostics(replacing: Self.goldenCanonical + "\n", with: "")
        #expect(
            missing.first?.hasPrefix("m.yaml:155:11: error: [CG0021] missing key 'canonical'") == true, "\(missing)")
        let extra = try Self.filterDiagnostics(
            replacing: Self.goldenCanonical, with: Self.goldenCanonical + "\n          note: x")
        #expect(extra.first?.hasPrefix("m.yaml:156:11: error: [CG0020] unknown key 'note'") == true, "\(extra)")
    }

    @Test("a mapping whose canonical form equals its source is read, and written back bare")
    func redundantMappingIsAccepted() throws {
        let text = try YAMLReaderErrorTests.golden(
            "pipeline-all-operators", replacing: "          source: NOT ISNULL(ID) AND NAME != ''",
            with: "          source: NOT ISNULL(ID) AND NAME <> ''")
        let (output, diagnostics) = CanonicalYAML.format(text, file: "m.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        #expect(output?.contains("        condition: NOT ISNULL(ID) AND NAME <> ''\n") == true)
    }
}
