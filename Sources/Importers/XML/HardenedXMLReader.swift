internal import CLibXML2
import IR

/// What ``HardenedXMLReader`` read: the element tree (possibly partial), what went wrong, and how
/// many bytes the input had.
public struct XMLReadResult: Sendable {
    /// The root element; after an error, whatever was built up to it (elements still open are
    /// closed), or nil when no element was read.
    public var root: XMLElementNode?
    /// Problems found, in the order they were found; IO problems included.
    public var diagnostics: [Diagnostic]
    /// The number of bytes read from the input.
    public var byteCount: Int
    /// Whether the start-tag sink given to the reader saw exactly `root`'s elements.
    var startTagsComplete = false

    /// Creates a result.
    public init(root: XMLElementNode?, diagnostics: [Diagnostic], byteCount: Int) {
        self.root = root
        self.diagnostics = diagnostics
        self.byteCount = byteCount
    }
}

/// Reads an XML export into the light ``XMLElementNode`` tree, safely and fast.
///
/// Uses libxml2's SAX2 push parser, fed in 256 KiB chunks. No DTD, external entity or network
/// resource is ever loaded (a process-wide entity loader refuses them all); any entity declaration
/// stops the parse with an error; a DOCTYPE naming a DTD other than PowerCenter's `powrmart.dtd` is an
/// error. The declared encoding is honoured. Bad input and IO problems become diagnostics: the reader
/// never throws and never crashes on input.
public enum HardenedXMLReader {
    /// Reads the file at `path`; `expectedRoot` (such as `POWERMART`) is checked when given.
    public static func read(contentsOf path: String, expectedRoot: String? = nil) -> XMLReadResult {
        read(.file(path), file: path, expectedRoot: expectedRoot)
    }

    /// Reads the file at `path`, telling `startTags` every start tag of the tree as it is built.
    static func read(contentsOf path: String, expectedRoot: String?, startTags: any XMLStartTagSink) -> XMLReadResult {
        read(.file(path), file: path, expectedRoot: expectedRoot, startTags: startTags)
    }

    /// Reads `bytes`, reporting locations in `file`; `expectedRoot` is checked when given.
    public static func read(bytes: [UInt8], file: String, expectedRoot: String? = nil) -> XMLReadResult {
        read(.bytes(bytes), file: file, expectedRoot: expectedRoot)
    }

    /// Initialises libxml2 and installs the refusing entity loader, once per process.
    private static let libraryReady: Void = migrate_xml_initialize()

    private static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    private static func read(
        _ source: XMLByteSource, file: String, expectedRoot: String?, startTags: (any XMLStartTagSink)? = nil
    ) -> XMLReadResult {
        _ = libraryReady
        let builder = XMLTreeBuilder(file: file, expectedRoot: expectedRoot, startTagSink: startTags)
        var byteCount = 0
        let ioFailure = parse(source, into: builder, byteCount: &byteCount)
        if let ioFailure {
            builder.report(
                .xmlFileUnreadable, "cannot read '\(file)': \(ioFailure)", line: 0, column: 0,
                fix: "check the path and the file's permissions")
        } else if byteCount == 0 {
            builder.report(
                .xmlFileEmpty, "the file '\(file)' is empty", line: 0, column: 0,
                fix: "export the objects again from the PowerCenter Repository Manager")
        }
        if let approximate = builder.encodingFailureToLocate {
            locateEncodingFailure(in: source, builder: builder, approximate: approximate)
        }
        let root = builder.finishTree()
        var result = XMLReadResult(root: root, diagnostics: builder.diagnostics, byteCount: byteCount)
        result.startTagsComplete = builder.startTagsComplete
        return result
    }

    /// Feeds `source` to a push parser whose events go to `builder`; returns an IO failure, if any.
    /// The parser context is created on the first chunk (an empty input never reaches libxml2) and
    /// freed before returning.
    private static func parse(_ source: XMLByteSource, into builder: XMLTreeBuilder, byteCount: inout Int)
        -> String?
    {
        var ctxt: xmlParserCtxtPtr?
        var savedHandlers: migrate_xml_error_handlers?
        defer {
            if let savedHandlers { migrate_xml_restore_thread_errors(savedHandlers) }
            if let ctxt { freeContext(ctxt) }
        }
        var total = 0
        let failure = source.forEachChunk { chunk in
            total += chunk.count
            var rest = chunk
            if ctxt == nil {
                // libxml2 detects the encoding family from the first four bytes.
                let head = UnsafeBufferPointer(rebasing: chunk.prefix(4))
                guard let created = makeContext(head, builder: builder) else { return false }
                ctxt = created
                savedHandlers = migrate_xml_capture_thread_errors(
                    XMLSAXCallbacks.structuredError, UnsafeMutableRawPointer(created))
                rest = UnsafeBufferPointer(rebasing: chunk.dropFirst(4))
            }
            return feed(rest, to: ctxt!, terminate: false) && !builder.stopped
        }
        byteCount = total
        if let ctxt {
            builder.terminating = true
            _ = feed(UnsafeBufferPointer(start: nil, count: 0), to: ctxt, terminate: true)
        }
        return failure
    }

    private static func makeContext(_ head: UnsafeBufferPointer<UInt8>, builder: XMLTreeBuilder) -> xmlParserCtxtPtr? {
        var handler = XMLSAXCallbacks.handler()
        let created = head.withMemoryRebound(to: CChar.self) { bytes in
            xmlCreatePushParserCtxt(&handler, nil, bytes.baseAddress, Int32(bytes.count), builder.file)
        }
        guard let created else {
            builder.report(
                .xmlParserUnavailable, "libxml2 could not create a parser for '\(builder.file)'", line: 0,
                column: 0, fix: "check that libxml2 is installed and memory is available")
            return nil
        }
        xmlCtxtUseOptions(created, options)
        // Pin what the options imply, whatever libxml2's process-wide defaults were set to: entities
        // are never substituted (so `&amp;` arrives as `&#38;`), no DTD is loaded or validated.
        created.pointee.replaceEntities = 0
        created.pointee.loadsubset = 0
        created.pointee.validate = 0
        created.pointee._private = Unmanaged.passUnretained(builder).toOpaque()
        return created
    }

    /// Parses one chunk; false when libxml2 reports an error.
    private static func feed(_ chunk: UnsafeBufferPointer<UInt8>, to ctxt: xmlParserCtxtPtr, terminate: Bool) -> Bool {
        let status = chunk.withMemoryRebound(to: CChar.self) { bytes in
            xmlParseChunk(ctxt, bytes.baseAddress, Int32(bytes.count), terminate ? 1 : 0)
        }
        return status == 0
    }

    /// Frees the context and the document libxml2 may have made for entity declarations.
    private static func freeContext(_ ctxt: xmlParserCtxtPtr) {
        ctxt.pointee._private = nil
        if let document = ctxt.pointee.myDoc {
            xmlFreeDoc(document)
            ctxt.pointee.myDoc = nil
        }
        xmlFreeParserCtxt(ctxt)
    }

    /// Reports bytes invalid in the declared encoding at their exact place when it can be found,
    /// else where the parser was when the conversion failed.
    private static func locateEncodingFailure(
        in source: XMLByteSource, builder: XMLTreeBuilder, approximate: SourceLocation
    ) {
        let encoding = builder.failedEncoding ?? "UTF-8"
        if let found = XMLEncodingScan.firstUndefinedByte(in: source, encoding: encoding) {
            let hex = "0x" + String(found.byte, radix: 16, uppercase: true)
            builder.reportInvalidBytes(byte: hex, encoding: encoding, line: found.line, column: found.column)
        } else {
            builder.reportInvalidBytes(
                byte: nil, encoding: encoding, line: approximate.line, column: approximate.column,
                notes: ["the position is where the parser stopped; the bad bytes are at or after it"])
        }
    }
}
