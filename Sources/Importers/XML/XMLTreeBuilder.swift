internal import CLibXML2
import IR

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Swift side of one SAX2 parse: turns libxml2's events into ``XMLElementNode``s and collects
/// diagnostics. Lives only inside ``HardenedXMLReader/read(contentsOf:expectedRoot:)`` and friends,
/// reached from the C callbacks through `ctxt->_private`.
final class XMLTreeBuilder {
    /// An element whose end tag has not been seen yet.
    struct OpenElement {
        var shape: XMLElementShape
        var values: [String]
        /// The element name.
        var name: String { shape.name }
        var line: Int
        var column: Int
        /// The node-stack height at the start tag: the element's children are above it.
        var childBase: Int
        /// The text-buffer length at the start tag: the element's text is after it.
        var textBase: Int
        /// Whether the element's text has a character other than white space.
        var hasText: Bool
    }

    /// The deepest element nesting accepted. Exports nest about ten levels; a limit keeps hostile
    /// input from building a tree whose recursive destruction or traversal would exhaust the stack.
    static let maximumDepth = 256

    /// The file as the caller named it (used in every location).
    let file: String
    /// The root element name the caller expects, if any.
    let expectedRoot: String?
    /// Everything said so far.
    var diagnostics: [Diagnostic] = []
    /// Set once the parse was stopped on purpose (entity declaration) or by a fatal error.
    var stopped = false
    /// Set while the final (terminating) chunk is parsed.
    var terminating = false
    /// Whether a start tag has been seen.
    private(set) var sawElement = false
    /// The declared encoding, when the parser knew it at an encoding error.
    var failedEncoding: String?
    /// Set when bytes were found invalid for the declared encoding and their place is still unknown.
    var encodingFailureToLocate: SourceLocation?

    // The hot state is only touched from libxml2's callbacks on one thread, inside one parse, so
    // the dynamic exclusivity checks of class properties are skipped for it.
    @exclusivity(unchecked) private var names = XMLNameTable()
    @exclusivity(unchecked) private var values = XMLValueCache()
    @exclusivity(unchecked) private var shapes = XMLShapeTable()
    @exclusivity(unchecked) private var open: [OpenElement] = []
    private let nodes = XMLNodeStack()
    @exclusivity(unchecked) private var text: [UInt8] = []
    /// Told every start tag of the tree, in document order.
    private let startTagSink: (any XMLStartTagSink)?
    /// Whether the sink saw exactly the elements of the tree ``finishTree()`` returned.
    private(set) var startTagsComplete = false

    /// Creates a builder for `file`.
    init(file: String, expectedRoot: String?, startTagSink: (any XMLStartTagSink)? = nil) {
        self.file = file
        self.expectedRoot = expectedRoot
        self.startTagSink = startTagSink
        open.reserveCapacity(64)
    }

    /// The innermost open element, if any.
    var innermostOpen: OpenElement? { open.last }

    // MARK: - SAX events

    /// Handles a start tag; `attributes` holds five pointers per attribute as libxml2's SAX2 gives them.
    @inline(__always)
    func startElement(
        _ ctxt: xmlParserCtxtPtr, localName: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?,
        attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    ) {
        guard open.count < Self.maximumDepth else { return refuseDepth(ctxt) }
        let shape = elementShape(
            localName: localName, prefix: prefix, attributeCount: attributeCount, attributes: attributes)
        var values: [String] = []
        if attributeCount > 0, let attributes {
            values = [String](unsafeUninitializedCapacity: attributeCount) { buffer, initialized in
                for index in 0..<attributeCount {
                    let fields = attributes + 5 * index
                    (buffer.baseAddress! + index).initialize(to: attributeValue(from: fields[3]!, to: fields[4]!))
                }
                initialized = attributeCount
            }
        }
        let (line, column) = Self.startTagPosition(ctxt)
        if !sawElement { checkRoot(shape.name, line: line, column: column) }
        sawElement = true
        startTagSink?.startTag(shape, line: line, column: column)
        open.append(
            OpenElement(
                shape: shape, values: values, line: line, column: column, childBase: nodes.count,
                textBase: text.count, hasText: false))
    }

    /// Handles an end tag: the innermost open element becomes a finished node.
    @inline(__always)
    func endElement() {
        guard let element = open.popLast() else { return }
        let children = nodes.popAll(from: element.childBase)
        var elementText: String?
        if text.count > element.textBase {
            if element.hasText {
                elementText = text.withUnsafeBufferPointer {
                    String(decoding: UnsafeBufferPointer(rebasing: $0[element.textBase...]), as: UTF8.self)
                }
            }
            text.removeSubrange(element.textBase...)
        }
        nodes.push(
            XMLElementNode(
                shape: element.shape, attributeValues: element.values, text: elementText, line: element.line,
                column: element.column, children: children))
    }

    /// Handles character data (text or CDATA) inside the innermost open element.
    @inline(__always)
    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !open.isEmpty, !bytes.isEmpty else { return }
        text.append(contentsOf: bytes)
        if !open[open.count - 1].hasText, bytes.contains(where: { !Self.isWhiteSpace($0) }) {
            open[open.count - 1].hasText = true
        }
    }

    /// Closes every element still open (after a truncated or failed parse) and returns the root.
    func finishTree() -> XMLElementNode? {
        while !open.isEmpty { endElement() }
        let roots = nodes.popAll(from: 0)
        // Every element built is then under the one root.
        startTagsComplete = roots.count == 1
        return roots.first
    }

    /// Records a diagnostic made from `descriptor`.
    func report(
        _ descriptor: DiagnosticDescriptor, _ message: String, line: Int, column: Int, notes: [String] = [],
        fix: String
    ) {
        let location = SourceLocation(file: file, line: line, column: column)
        diagnostics.append(descriptor(message, at: location, notes: notes, fix: fix))
    }

    // MARK: - Helpers

    /// The shared shape of a start tag: interned by name pointers when nothing is prefixed.
    @inline(__always)
    private func elementShape(
        localName: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?, attributeCount: Int,
        attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    ) -> XMLElementShape {
        guard prefix == nil, !(0..<attributeCount).contains(where: { attributes![5 * $0 + 1] != nil }) else {
            return buildShape(
                localName: localName, prefix: prefix, attributeCount: attributeCount, attributes: attributes)
        }
        return shapes.shape(
            nameKey: UnsafeRawPointer(localName), count: attributeCount,
            attributeKey: { UnsafeRawPointer(attributes![5 * $0]!) },
            make: {
                buildShape(localName: localName, prefix: nil, attributeCount: attributeCount, attributes: attributes)
            })
    }

    /// A new shape with the names of a start tag.
    private func buildShape(
        localName: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?, attributeCount: Int,
        attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    ) -> XMLElementShape {
        let name = prefix.map { XMLNameTable.qualifiedName(local: localName, prefix: $0) } ?? names.name(for: localName)
        let attributeNames = (0..<attributeCount).map { index in
            let fields = attributes! + 5 * index
            return fields[1].map { XMLNameTable.qualifiedName(local: fields[0]!, prefix: $0) }
                ?? names.name(for: fields[0]!)
        }
        return XMLElementShape(name: name, attributeNames: attributeNames)
    }

    private func refuseDepth(_ ctxt: xmlParserCtxtPtr) {
        if !stopped {
            let position = Self.currentPosition(ctxt)
            report(
                .xmlTooDeep, "elements are nested more than \(Self.maximumDepth) levels deep", line: position.line,
                column: position.column, fix: "check the file; PowerCenter exports nest about ten levels")
            stopped = true
        }
        xmlStopParser(ctxt)
    }

    private func checkRoot(_ name: String, line: Int, column: Int) {
        guard let expectedRoot, name != expectedRoot else { return }
        report(
            .xmlWrongRoot, "the root element is '\(name)', expected '\(expectedRoot)'", line: line,
            column: column, fix: "pass an export whose root element is '\(expectedRoot)'")
    }

    @inline(__always)
    private static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// An attribute value as the XML spec defines it.
    ///
    /// Without `XML_PARSE_NOENT`, libxml2 hands `&amp;` (and `&#38;`) over as the five characters
    /// `&#38;`; every other reference arrives already replaced. A literal `&` cannot occur in a
    /// well-formed value, so each `&#38;` in what arrives stands for one `&`.
    @inline(__always)
    private func attributeValue(from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>) -> String {
        let count = end - start
        guard count > 0 else { return "" }
        let bytes = UnsafeBufferPointer(start: start, count: count)
        guard memchr(start, 0x26, count) != nil else { return values.string(for: bytes) }
        return Self.decodingAmpersands(bytes)
    }

    private static func decodingAmpersands(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let escaped: [UInt8] = Array("&#38;".utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x26, index + 5 <= bytes.count,
                bytes[index..<index + 5].elementsEqual(escaped)
            {
                decoded.append(0x26)
                index += 5
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// The 1-based line and column of the `<` of the start tag being reported.
    ///
    /// libxml2 calls `startElementNs` with `input->cur` on the tag's closing `>` (or `/>`) and the line
    /// and column of that position. A start tag cannot contain a literal `<`, so the tag starts at the
    /// nearest `<` before `cur`; the new lines and characters in between give its position. The scan
    /// reads eight bytes at a time (it runs once per element over the whole tag).
    @inline(__always)
    static func startTagPosition(_ ctxt: xmlParserCtxtPtr) -> (line: Int, column: Int) {
        guard let input = ctxt.pointee.input, let cur = input.pointee.cur, let base = input.pointee.base else {
            return (0, 0)
        }
        guard let scan = XMLTagScan.backToTagStart(from: cur, base: base) else { return (Int(input.pointee.line), 0) }
        let line = Int(input.pointee.line) - scan.newLines
        if scan.newLines == 0 {
            let characters = (cur - scan.start) - scan.continuationBytes
            return (line, max(Int(input.pointee.col) - characters, 0))
        }
        return (line, columnAfterLineStart(scan.start, base: base, input: input))
    }

    /// The column of `position`, counted back to the previous new line; 0 when that is no longer buffered.
    private static func columnAfterLineStart(
        _ position: UnsafePointer<UInt8>, base: UnsafePointer<UInt8>, input: xmlParserInputPtr
    ) -> Int {
        var scan = position
        var characters = 1
        while scan > base {
            scan -= 1
            let byte = scan.pointee
            if byte == 0x0A { return characters }
            if byte & 0xC0 != 0x80 { characters += 1 }
        }
        return input.pointee.consumed == 0 ? characters : 0
    }
}
