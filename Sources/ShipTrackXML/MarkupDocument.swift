internal import CLibXML2
import Foundation

/// A parsed HTML, XML or JSON document, queried with XPath.
///
/// Owns one libxml2 `xmlDoc` and one XPath context, both freed in `deinit`. Not `Sendable`: a libxml2 tree may
/// only be used by one thread at a time, so parse a page where it is processed and copy strings out.
public final class MarkupDocument {
    /// How the bytes were parsed.
    public enum Kind: Sendable {
        case html, xml
        /// JSON presented as an XML tree (see `docs/json-as-xpath.md` and ``parseJSON(_:context:maxBytes:maxDepth:)``).
        case json
    }

    let document: xmlDocPtr
    let xpathContext: xmlXPathContextPtr
    /// How the bytes were parsed.
    public let kind: Kind
    /// What the document was parsed from (a URL or a file name), used in error messages.
    public let context: String

    /// Takes ownership of `document` (freed here if the XPath context cannot be made).
    init(document: xmlDocPtr, kind: Kind, context: String) throws {
        guard let xpathContext = xmlXPathNewContext(document) else {
            xmlFreeDoc(document)
            throw MarkupParseError.resourceExhausted(context: context)
        }
        XPathErrorSink.install(on: xpathContext)
        self.document = document
        self.xpathContext = xpathContext
        self.kind = kind
        self.context = context
    }

    deinit {
        xmlXPathFreeContext(xpathContext)
        xmlFreeDoc(document)
    }

    /// Parses HTML with libxml2's recovering HTML parser.
    ///
    /// - Parameters:
    ///   - bytes: the page as received.
    ///   - context: a URL or file name for error messages and relative links.
    ///   - encoding: the charset from the HTTP `Content-Type` header or the carrier definition; `nil` lets libxml2
    ///     read the page's `<meta charset>` (how GB2312/GBK pages are decoded).
    ///   - maxBytes: larger input is refused before parsing.
    public static func parseHTML(
        _ bytes: [UInt8], context: String, encoding: String? = nil, maxBytes: Int = 8 << 20
    ) throws -> MarkupDocument {
        _ = LibXML2.initialized
        try checkSize(bytes, context: context, maxBytes: maxBytes)
        guard let parser = htmlNewParserCtxt() else { throw MarkupParseError.resourceExhausted(context: context) }
        defer { htmlFreeParserCtxt(parser) }
        let options =
            LibXML2.commonOptions | Int32(HTML_PARSE_RECOVER.rawValue)
        let bytes = removingNULBytes(bytes, encoding: encoding)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlCtxtReadMemory(parser, chars.baseAddress, Int32(chars.count), context, encoding, options)
            }
        }
        guard let parsed else {
            throw MarkupParseError.notWellFormed(context: context, message: lastError(of: parser), line: nil)
        }
        return try MarkupDocument(document: parsed, kind: .html, context: context)
    }

    /// The page without its NUL bytes, when its encoding is one where a zero byte can only be U+0000.
    ///
    /// libxml2 2.9's HTML parser takes a NUL byte for the end of the input, so a stray `\0` after `<body>` left a
    /// page with no rows at all. Browsers drop U+0000 from body text (WHATWG "in body": the token is ignored), so
    /// we drop the byte too rather than replace it: a space or U+FFFD would put a character where a browser shows
    /// none, and U+FFFD's three UTF-8 bytes could pair with a neighbour in a GBK page. In UTF-16 and UTF-32 zero
    /// bytes are halves of ordinary characters, so those pages (by the caller's charset or by libxml2's own
    /// detection of a byte-order mark or `<?`) are left alone. Pages without a NUL, nearly all, are not copied.
    static func removingNULBytes(_ bytes: [UInt8], encoding: String?) -> [UInt8] {
        let hasNUL = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false
        }
        guard hasNUL else { return bytes }
        if let encoding, isWideEncoding(named: encoding) { return bytes }
        let detected = bytes.withUnsafeBufferPointer { buffer in
            buffer.count >= 4 ? xmlDetectCharEncoding(buffer.baseAddress, 4) : XML_CHAR_ENCODING_NONE
        }
        switch detected {
        case XML_CHAR_ENCODING_UTF16LE, XML_CHAR_ENCODING_UTF16BE, XML_CHAR_ENCODING_UCS4LE,
            XML_CHAR_ENCODING_UCS4BE, XML_CHAR_ENCODING_UCS4_2143, XML_CHAR_ENCODING_UCS4_3412:
            return bytes
        default:
            return bytes.filter { $0 != 0 }
        }
    }

    /// Whether a charset name is one of the encodings whose code units are wider than a byte.
    private static func isWideEncoding(named name: String) -> Bool {
        let folded = String(name.lowercased().filter { $0 != "-" && $0 != "_" })
        return ["utf16", "utf32", "ucs2", "ucs4"].contains { folded.hasPrefix($0) } || folded == "unicode"
    }

    /// Parses XML strictly: a document that is not well-formed is an error, and any `<!ENTITY` declaration is
    /// refused before libxml2 sees it (no entity expansion, no billion-laughs).
    public static func parseXML(
        _ bytes: [UInt8], context: String, encoding: String? = nil, maxBytes: Int = 8 << 20
    ) throws -> MarkupDocument {
        _ = LibXML2.initialized
        try checkSize(bytes, context: context, maxBytes: maxBytes)
        if bytes.containsSequence(Array("<!ENTITY".utf8)) {
            throw MarkupParseError.entityDeclarationsNotAllowed(context: context)
        }
        guard let parser = xmlNewParserCtxt() else { throw MarkupParseError.resourceExhausted(context: context) }
        defer { xmlFreeParserCtxt(parser) }
        let options = LibXML2.commonOptions | Int32(XML_PARSE_NOCDATA.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(parser, chars.baseAddress, Int32(chars.count), context, encoding, options)
            }
        }
        guard let parsed, parser.pointee.wellFormed != 0 else {
            let error = xmlCtxtGetLastError(UnsafeMutableRawPointer(parser))
            let line = error.map { Int($0.pointee.line) }
            if let parsed { xmlFreeDoc(parsed) }
            throw MarkupParseError.notWellFormed(context: context, message: lastError(of: parser), line: line)
        }
        // The byte scan above cannot see a declaration in another encoding (UTF-16): check the parsed DTD too.
        if declaresEntities(parsed) {
            xmlFreeDoc(parsed)
            throw MarkupParseError.entityDeclarationsNotAllowed(context: context)
        }
        return try MarkupDocument(document: parsed, kind: .xml, context: context)
    }

    /// Whether the document's internal DTD subset declares any entity.
    private static func declaresEntities(_ document: xmlDocPtr) -> Bool {
        guard let subset = document.pointee.intSubset else { return false }
        var child = subset.pointee.children
        while let node = child {
            if node.pointee.type == XML_ENTITY_DECL { return true }
            child = node.pointee.next
        }
        return false
    }

    /// The root element, if the document has one.
    public var root: MarkupNode? {
        xmlDocGetRootElement(document).map { MarkupNode(pointer: $0, document: self) }
    }

    static func checkSize(_ bytes: [UInt8], context: String, maxBytes: Int) throws {
        if bytes.count > maxBytes {
            throw MarkupParseError.inputTooLarge(size: bytes.count, limit: maxBytes, context: context)
        }
        if bytes.count > Int(Int32.max) {
            throw MarkupParseError.inputTooLarge(size: bytes.count, limit: Int(Int32.max), context: context)
        }
        if !bytes.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) {
            throw MarkupParseError.emptyInput(context: context)
        }
    }

    private static func lastError(of parser: xmlParserCtxtPtr) -> String? {
        guard let error = xmlCtxtGetLastError(UnsafeMutableRawPointer(parser)), let message = error.pointee.message
        else { return nil }
        return String(cString: message).trimmingWhitespace()
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
