internal import CLibXML2
import IR

/// What the builder does with libxml2's errors and the DOCTYPE events that make a document hostile.
extension XMLTreeBuilder {
    /// Turns one libxml2 error into a diagnostic; everything after the first fatal error is ignored.
    func handleParserError(_ error: xmlError, ctxt: xmlParserCtxtPtr?) {
        guard !stopped else { return }
        let code = error.code
        let message = Self.cleaned(error.message)
        let line = Int(error.line)
        let column = Int(error.int2)
        if error.level == XML_ERR_FATAL { stopped = true }
        if Self.isCode(code, XML_ERR_UNDECLARED_ENTITY) || Self.isCode(code, XML_WAR_UNDECLARED_ENTITY) {
            let name = error.str1.map { String(cString: $0) } ?? "?"
            report(
                .xmlEntityUndefined, "entity reference '&\(name);' names no defined entity", line: line,
                column: column,
                fix: "replace '&\(name);' with the text it stands for; exports only use the five predefined entities")
        } else if Self.isCode(code, XML_ERR_UNSUPPORTED_ENCODING) {
            let name = error.str1.map { String(cString: $0) } ?? message
            report(
                .xmlUnsupportedEncoding, "the declared encoding '\(name)' is not supported", line: line,
                column: column, fix: "convert the file to UTF-8 and declare encoding=\"UTF-8\"")
        } else if Self.isEncodingError(error, message: message) {
            recordEncodingFailure(error, message: message, ctxt: ctxt)
        } else if error.level == XML_ERR_WARNING {
            report(
                .xmlWarning, "XML warning: \(message)", line: line, column: column,
                fix: "check the document at this position")
        } else if Self.isCode(code, XML_ERR_DOCUMENT_EMPTY) && !sawElement {
            report(
                .xmlNotXML, "the file is not an XML document: no start tag was found", line: line,
                column: column, fix: "pass a PowerCenter XML export (Repository Manager, Export Objects)")
        } else if terminating, let element = innermostOpen {
            report(
                .xmlTruncated,
                "the document ends inside element '\(element.name)' (line \(element.line)); the file looks truncated",
                line: line, column: column, notes: ["libxml2: \(message)"],
                fix: "export the objects again or copy the complete file")
        } else {
            report(
                .xmlMalformed, "the document is not well-formed XML: \(message)", line: line, column: column,
                fix: "repair the XML at this position or export the objects again")
        }
    }

    /// Rejects an entity declaration and stops the parse: exports never declare entities, and
    /// refusing them defeats external-entity (XXE), billion-laughs and quadratic-blowup attacks.
    func entityDeclared(
        name: String, type: Int32, systemID: String?, ctxt: xmlParserCtxtPtr
    ) {
        guard !stopped else { return }
        let isParameter =
            type == Int32(XML_INTERNAL_PARAMETER_ENTITY.rawValue)
            || type == Int32(XML_EXTERNAL_PARAMETER_ENTITY.rawValue)
        let shown = isParameter ? "%" + name : name
        let notes = systemID.map { ["it refers to '\($0)', which is never read"] } ?? []
        let position = Self.currentPosition(ctxt)
        report(
            .xmlEntityDeclared, "entity declaration '\(shown)' is not allowed in an export", line: position.line,
            column: position.column, notes: notes,
            fix: "remove the DOCTYPE internal subset; PowerCenter exports never declare entities")
        stopped = true
        xmlStopParser(ctxt)
    }

    /// Checks the DOCTYPE's external identifiers: only PowerCenter's own `powrmart.dtd` is accepted
    /// (and, like every DTD, never loaded).
    func doctypeDeclared(externalID: String?, systemID: String?, ctxt: xmlParserCtxtPtr) {
        guard externalID != nil || systemID != nil else { return }
        if externalID == nil, systemID?.lowercased() == "powrmart.dtd" { return }
        let named = systemID ?? externalID ?? ""
        let position = Self.currentPosition(ctxt)
        report(
            .xmlExternalDTD, "the DOCTYPE names the external DTD '\(named)', which is not loaded",
            line: position.line, column: position.column,
            fix: "write the DOCTYPE as PowerCenter does, <!DOCTYPE POWERMART SYSTEM \"powrmart.dtd\">, or remove it")
    }

    /// Reports bytes that are invalid in the declared encoding, once.
    private func recordEncodingFailure(_ error: xmlError, message: String, ctxt: xmlParserCtxtPtr?) {
        stopped = true
        guard failedEncoding == nil, encodingFailureToLocate == nil else { return }
        let encoding = ctxt.flatMap(Self.declaredEncoding) ?? "UTF-8"
        failedEncoding = encoding
        if error.domain == Int32(XML_FROM_I18N.rawValue) || error.line == 0 {
            // Conversion errors come without a position: the reader finds the byte itself.
            let position = ctxt.map(Self.currentPosition) ?? (line: 0, column: 0)
            encodingFailureToLocate = SourceLocation(file: file, line: position.line, column: position.column)
            return
        }
        let byte = error.str1.map { Self.firstByte(in: String(cString: $0)) } ?? nil
        reportInvalidBytes(byte: byte, encoding: encoding, line: Int(error.line), column: Int(error.int2))
    }

    /// Records the diagnostic for an invalid byte in `encoding` at `line`:`column`.
    func reportInvalidBytes(byte: String?, encoding: String, line: Int, column: Int, notes: [String] = []) {
        let what = byte.map { "byte \($0)" } ?? "a byte sequence"
        report(
            .xmlInvalidEncodingBytes, "\(what) is not valid in the declared encoding '\(encoding)'", line: line,
            column: column, notes: notes,
            fix: "save the file in '\(encoding)' or correct the encoding in the XML declaration")
    }

    private static func isEncodingError(_ error: xmlError, message: String) -> Bool {
        error.domain == Int32(XML_FROM_I18N.rawValue) || isCode(error.code, XML_ERR_INVALID_ENCODING)
            || (isCode(error.code, XML_ERR_INVALID_CHAR) && message.hasPrefix("input is not proper UTF-8"))
    }

    private static func isCode(_ code: Int32, _ known: xmlParserErrors) -> Bool {
        code == Int32(known.rawValue)
    }

    /// The encoding named in the XML declaration, if the parser has seen it.
    static func declaredEncoding(_ ctxt: xmlParserCtxtPtr) -> String? {
        if let name = ctxt.pointee.encoding { return String(cString: name) }
        if let input = ctxt.pointee.input, let name = input.pointee.encoding { return String(cString: name) }
        return nil
    }

    /// The parser's current line and column.
    static func currentPosition(_ ctxt: xmlParserCtxtPtr) -> (line: Int, column: Int) {
        guard let input = ctxt.pointee.input else { return (0, 0) }
        return (Int(input.pointee.line), Int(input.pointee.col))
    }

    /// The first `0x..` in libxml2's "Bytes: 0xFF 0x62" text.
    private static func firstByte(in text: String) -> String? {
        text.split(whereSeparator: { $0 == " " || $0.isNewline }).first { $0.hasPrefix("0x") }.map(String.init)
    }

    /// libxml2's message on one line, trimmed, starting lower-case unless it starts with an acronym.
    private static func cleaned(_ message: UnsafeMutablePointer<CChar>?) -> String {
        guard let message else { return "unknown error" }
        let text = String(cString: message).split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmingCharacters(in: " ")
        guard let first = text.first else { return "unknown error" }
        let second = text.dropFirst().first
        if let second, second.isUppercase { return text }
        return first.lowercased() + text.dropFirst()
    }
}

extension String {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
