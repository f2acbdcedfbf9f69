import IR
import Importers
import Testing

/// Well-formed inputs: values, text, encodings and positions come out exactly as the XML spec says.
@Suite struct XMLReaderDecodingTests {
    typealias Support = XMLReaderTestSupport

    @Test func attributeReferencesBecomeTheCharactersTheyDenote() throws {
        let text = """
            <R A="x&amp;y" B="&lt;&gt;&quot;&apos;" C="l1&#xD;&#xA;l2&#x9;t" D="&#38;&#x26;amp;" \
            E="a&amp;amp;b" F="p
            q\tr" G="&#60;&#x3E;&#233;&#x20AC;" H="" I="IIF(X &lt;&gt; &apos;A&apos;, 1, 0)"/>
            """
        let result = Support.read(text)
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(root[attribute: "A"] == "x&y")
        #expect(root[attribute: "B"] == "<>\"'")
        #expect(root[attribute: "C"] == "l1\r\nl2\tt")
        #expect(root[attribute: "D"] == "&&amp;")
        #expect(root[attribute: "E"] == "a&amp;b")
        // A literal new line or tab in a value is normalised to a space (XML 1.0 §3.3.3).
        #expect(root[attribute: "F"] == "p q r")
        #expect(root[attribute: "G"] == "<>é€")
        #expect(root[attribute: "H"] == "")
        #expect(root[attribute: "I"] == "IIF(X <> 'A', 1, 0)")
        #expect(root.attributes.map(\.name) == ["A", "B", "C", "D", "E", "F", "G", "H", "I"])
    }

    @Test func longRepeatedValuesAreEqualAndIndependent() throws {
        let text = "<R><C T=\"Source Qualifier\"/><C T=\"Source Qualifier\"/><C T=\"Source Qualifiers\"/></R>"
        let root = try #require(Support.read(text).root)
        #expect(
            root.children.map { $0[attribute: "T"] } == ["Source Qualifier", "Source Qualifier", "Source Qualifiers"])
    }

    @Test func textIsDecodedAndWhiteSpaceOnlyTextIsDropped() throws {
        let text = "<R>\n  <A>t&amp;u &lt;v<![CDATA[<x>&amp;]]>&#xD;</A>\n  <B>  </B>\n  <C> a <D/> b </C>\n</R>"
        let root = try #require(Support.read(text).root)
        #expect(root.text == nil)
        #expect(root.children.map(\.name) == ["A", "B", "C"])
        #expect(root.children[0].text == "t&u <v<x>&amp;\r")
        #expect(root.children[1].text == nil)
        #expect(root.children[2].text == " a  b ")
        #expect(root.children[2].children.first?.text == nil)
    }

    @Test func windows1252BytesDecode() throws {
        let bytes: [UInt8] =
            Array("<?xml version=\"1.0\" encoding=\"Windows-1252\"?>\n<R D=\"".utf8) + [0xE9, 0x80, 0x9F]
            + Array("\">caf".utf8) + [0xE9] + Array("</R>\n".utf8)
        let result = HardenedXMLReader.read(bytes: bytes, file: "w.xml")
        #expect(result.diagnostics.isEmpty)
        #expect(result.root?[attribute: "D"] == "é€Ÿ")
        #expect(result.root?.text == "café")
    }

    @Test func iso88591BytesDecode() throws {
        let bytes: [UInt8] =
            Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<R D=\"".utf8) + [0xE9, 0xFC, 0x81]
            + Array("\"/>".utf8)
        let result = HardenedXMLReader.read(bytes: bytes, file: "l.xml")
        #expect(result.diagnostics.isEmpty)
        #expect(result.root?[attribute: "D"] == "éü\u{81}")
    }

    @Test func startTagPositionsAreOneBasedLineAndCharacterColumn() throws {
        let text = [
            "<?xml version=\"1.0\"?>",  // 1
            "<POWERMART>",  // 2: POWERMART at 1
            "  <FOLDER NAME=\"a\">",  // 3: FOLDER at 3
            "    <X A=\"1\"",  // 4: X at 5 (tag spans two lines)
            "       B=\"2\"/>",  // 5
            "\t<Y/>",  // 6: Y at 2
            "    <Z N=\"é€\"/><W/>",  // 7: Z at 5, W at 16 (characters, not bytes)
            "  <M/><N",  // 8: M at 3, N at 7 (tag spans two lines)
            "   O=\"1\"/>",  // 9
            "  </FOLDER>",
            "</POWERMART>",
        ].joined(separator: "\n")
        let root = try #require(Support.read(text).root)
        #expect((root.line, root.column) == (2, 1))
        let folder = root.children[0]
        #expect((folder.line, folder.column) == (3, 3))
        let positions = folder.children.map { "\($0.name)@\($0.line):\($0.column)" }
        #expect(positions == ["X@4:5", "Y@6:2", "Z@7:5", "W@7:16", "M@8:3", "N@8:7"])
    }

    @Test func positionsStayRightAcrossChunkBoundaries() throws {
        // 3,000 lines of ~120 bytes cross the 256 KiB chunk boundary.
        var lines = ["<R>"]
        for index in 0..<3000 {
            lines.append("  <E I=\"\(index)\" V=\"" + String(repeating: "é", count: 50) + "\"/>")
        }
        lines.append("</R>")
        let root = try #require(Support.read(lines.joined(separator: "\n")).root)
        #expect(root.children.count == 3000)
        #expect(root.children.allSatisfy { $0.line == Int($0[attribute: "I"]!)! + 2 && $0.column == 3 })
    }

    @Test func bytesAndFileGiveTheSameTree() throws {
        let path = Support.hostile("external-dtd-http.xml")
        let fromFile = HardenedXMLReader.read(contentsOf: path)
        let bytes = try readRaw(path)
        let fromBytes = HardenedXMLReader.read(bytes: bytes, file: path)
        #expect(fromFile.root == fromBytes.root)
        #expect(fromFile.diagnostics == fromBytes.diagnostics)
        #expect(fromFile.byteCount == bytes.count)
    }

    @Test func byteOrderMarkCommentsAndInstructionsAreIgnored() throws {
        let text = "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<R><?pi x?><!-- c --><C/></R>"
        let result = Support.read(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.root?.children.map(\.name) == ["C"])
        #expect(result.root?.text == nil)
    }

    @Test func prefixedNamesKeepTheirPrefix() throws {
        let root = try #require(Support.read("<p:R xmlns:p=\"urn:x\" p:A=\"1\" B=\"2\"/>").root)
        #expect(root.name == "p:R")
        #expect(root.attributes == [XMLAttribute(name: "p:A", value: "1"), XMLAttribute(name: "B", value: "2")])
    }

    @Test func catalogCodesAreUniqueSortedAndInRange() {
        let codes = XMLDiagnostics.all.map(\.code.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(codes == codes.sorted())
        #expect(codes.allSatisfy { $0 >= "IMP0001" && $0 <= "IMP0049" })
        #expect(XMLDiagnostics.all.allSatisfy { $0.summary.first?.isLowercase == true && $0.summary.last != "." })
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of the file at `path`, read with POSIX calls.
func readRaw(_ path: String) throws -> [UInt8] {
    guard let file = fopen(path, "rb") else { throw RawReadError() }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes += buffer[0..<count]
    }
    return bytes
}

/// A raw read failed.
struct RawReadError: Error {}
