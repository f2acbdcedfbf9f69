internal import CLibXML2

/// The SAX2 handler the hardened reader gives libxml2: C callbacks that forward to the
/// ``XMLTreeBuilder`` kept in `ctxt->_private`.
///
/// User data is nil, so libxml2 passes the parser context as the first argument of every callback.
/// Only these callbacks are set; in particular no `resolveEntity`, `getEntity` or `externalSubset`,
/// so no DTD or external entity is ever read.
enum XMLSAXCallbacks {
    /// A fresh handler with the reader's callbacks.
    static func handler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = startElement
        handler.endElementNs = endElement
        handler.characters = characters
        handler.cdataBlock = characters
        handler.entityDecl = entityDeclaration
        handler.internalSubset = doctype
        handler.serror = structuredError
        return handler
    }

    /// The structured-error callback, also used for this thread's context-free errors.
    static let structuredError: xmlStructuredErrorFunc = { context, error in
        guard let error else { return }
        withBuilder(context) { builder, ctxt in builder.handleParserError(error.pointee, ctxt: ctxt) }
    }

    private static let startElement: startElementNsSAX2Func = {
        context, localName, prefix, _, _, _, attributeCount, defaultedCount, attributes in
        guard let localName else { return }
        withBuilder(context) { builder, ctxt in
            // Attributes defaulted from an ATTLIST come last; they are not in the document.
            builder.startElement(
                ctxt, localName: localName, prefix: prefix,
                attributeCount: Int(attributeCount - defaultedCount), attributes: attributes)
        }
    }

    private static let endElement: endElementNsSAX2Func = { context, _, _, _ in
        withBuilder(context) { builder, _ in builder.endElement() }
    }

    private static let characters: charactersSAXFunc = { context, bytes, length in
        guard let bytes, length > 0 else { return }
        withBuilder(context) { builder, _ in
            builder.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
    }

    private static let entityDeclaration: entityDeclSAXFunc = { context, name, type, _, systemID, _ in
        withBuilder(context) { builder, ctxt in
            builder.entityDeclared(
                name: name.map { String(cString: $0) } ?? "?", type: type,
                systemID: systemID.map { String(cString: $0) }, ctxt: ctxt)
        }
    }

    private static let doctype: internalSubsetSAXFunc = { context, _, externalID, systemID in
        withBuilder(context) { builder, ctxt in
            builder.doctypeDeclared(
                externalID: externalID.map { String(cString: $0) },
                systemID: systemID.map { String(cString: $0) }, ctxt: ctxt)
        }
    }

    /// Calls `body` with the builder stored in the parser context `context`.
    @inline(__always)
    private static func withBuilder(
        _ context: UnsafeMutableRawPointer?, _ body: (XMLTreeBuilder, xmlParserCtxtPtr) -> Void
    ) {
        guard let context else { return }
        let ctxt = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let state = ctxt.pointee._private else { return }
        Unmanaged<XMLTreeBuilder>.fromOpaque(state)._withUnsafeGuaranteedRef { body($0, ctxt) }
    }
}
