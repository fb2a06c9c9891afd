internal import CLibXML2

/// An element (or other node) of a ``MarkupDocument``. Keeps its document alive.
public struct MarkupNode {
    let pointer: xmlNodePtr
    /// The document this node belongs to.
    public let document: MarkupDocument

    init(pointer: xmlNodePtr, document: MarkupDocument) {
        self.pointer = pointer
        self.document = document
    }

    /// The element name, lower case for HTML (libxml2 folds HTML names).
    public var name: String {
        pointer.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// The value of an attribute, if present. Entity references are not expanded.
    public func attribute(_ name: String) -> String? {
        guard let value = xmlGetNoNsProp(pointer, name) else { return nil }
        defer { shiptrack_xml_free(value) }
        return String(cString: value)
    }

    /// All text inside the node, in document order.
    ///
    /// In HTML, `<br>` and block elements (`<p>`, `<td>`, `<div>`…) separate words with a space while inline
    /// elements (`<b>`, `<span>`…) do not, as a browser shows them; in XML text is joined as XPath's `string()`
    /// joins it (JSON too: see `docs/json-as-xpath.md`). Entity reference nodes are skipped rather than resolved, so a hostile XML page cannot make us
    /// expand entities. Whitespace is left for the caller to fold.
    public var text: String {
        var sink = RawText()
        sink.bytes.reserveCapacity(64)
        MarkupNode.appendText(of: pointer, to: &sink, html: document.kind == .html)
        // The separator after the node itself separates nothing.
        if sink.bytes.last == 0x20 { sink.bytes.removeLast() }
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    /// ``text`` with every run of whitespace folded to one space and the ends trimmed: what carrier fields are
    /// compared and stored as. Folded on the bytes while they are copied out of libxml2, with no `String` in
    /// between (see ``FoldedText``).
    public var foldedText: String {
        var sink = FoldedText()
        MarkupNode.appendText(of: pointer, to: &sink, html: document.kind == .html)
        return sink.string
    }

    static func appendText(of node: xmlNodePtr, to sink: inout some TextSink, html: Bool) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { sink.append(content, count: Int(xmlStrlen(content))) }
        case XML_ELEMENT_NODE, XML_DOCUMENT_NODE, XML_HTML_DOCUMENT_NODE, XML_DOCUMENT_FRAG_NODE:
            // Only HTML needs the name, compared on its bytes: this runs for every element of every field.
            let name = html ? node.pointee.name : nil
            if let name, HTMLNames.isScriptOrStyle(name) { return }
            var child = node.pointee.children
            while let current = child {
                appendText(of: current, to: &sink, html: html)
                child = current.pointee.next
            }
            if html, node.pointee.type == XML_ELEMENT_NODE, !(name.map(HTMLNames.isInline) ?? false) { sink.appendSpace() }
        default:
            // Comments, processing instructions, entity references and DTD nodes carry no page text.
            return
        }
    }

    /// The nodes `query` selects, with this node as the context node.
    public func select(_ query: XPathQuery) throws -> [MarkupNode] {
        try document.evaluate(query, at: pointer) { object in
            guard object.pointee.type == XPATH_NODESET, let set = object.pointee.nodesetval else { return [] }
            let count = Int(set.pointee.nodeNr)
            guard count > 0, let nodes = set.pointee.nodeTab else { return [] }
            return (0..<count).compactMap { index in
                nodes[index].map { MarkupNode(pointer: $0, document: document) }
            }
        }
    }

    /// The query's result as a string, as XPath's `string()` would give it (the first node's text for a node-set).
    ///
    /// Node-sets are converted with ``text`` so entity references stay unexpanded.
    public func string(_ query: XPathQuery) throws -> String {
        // One evaluation serves both kinds of result: this runs for every field of every event.
        try document.evaluate(query, at: pointer) { object in
            if object.pointee.type == XPATH_NODESET {
                guard let set = object.pointee.nodesetval, set.pointee.nodeNr > 0, let first = set.pointee.nodeTab?[0]
                else { return "" }
                return MarkupNode(pointer: first, document: document).text
            }
            guard let value = xmlXPathCastToString(object) else { return "" }
            defer { shiptrack_xml_free(value) }
            return String(cString: value)
        }
    }

    /// ``string(_:)`` with every run of whitespace folded to one space and the ends trimmed, folded on the bytes as
    /// they are copied out of libxml2 (one `String` made, none when the result is empty).
    public func foldedString(_ query: XPathQuery) throws -> String {
        try document.evaluate(query, at: pointer) { object in
            if object.pointee.type == XPATH_NODESET {
                guard let set = object.pointee.nodesetval, set.pointee.nodeNr > 0, let first = set.pointee.nodeTab?[0]
                else { return "" }
                var sink = FoldedText()
                MarkupNode.appendText(of: first, to: &sink, html: document.kind == .html)
                return sink.string
            }
            guard let value = xmlXPathCastToString(object) else { return "" }
            defer { shiptrack_xml_free(value) }
            var sink = FoldedText()
            sink.append(value, count: Int(xmlStrlen(value)))
            return sink.string
        }
    }

    /// The query's result as a boolean, as XPath's `boolean()` would give it.
    public func boolean(_ query: XPathQuery) throws -> Bool {
        try document.evaluate(query, at: pointer) { object in xmlXPathCastToBoolean(object) != 0 }
    }
}

extension MarkupDocument {
    /// The document root as a node (for queries over the whole document).
    public var documentNode: MarkupNode {
        // libxml2 lays out xmlDoc with xmlNode's leading fields, so a document is a node for tree walks and XPath.
        MarkupNode(pointer: UnsafeMutableRawPointer(document).assumingMemoryBound(to: xmlNode.self), document: self)
    }

    /// Evaluates `query` at `node` and hands the raw result to `body`, freeing it afterwards.
    func evaluate<Result>(
        _ query: XPathQuery, at node: xmlNodePtr, _ body: (xmlXPathObjectPtr) -> Result
    ) throws -> Result {
        xpathContext.pointee.node = node
        XPathErrorSink.reset(xpathContext)
        guard let object = xmlXPathCompiledEval(query.compiled, xpathContext) else {
            throw MarkupParseError.invalidXPath(
                query.expression, message: XPathErrorSink.lastMessage(of: xpathContext))
        }
        defer { xmlXPathFreeObject(object) }
        return body(object)
    }
}
