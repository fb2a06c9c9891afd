internal import CLibXML2
import Foundation

/// Builds the libxml2 tree for a parsed JSON value, in one walk, following `docs/json-as-xpath.md`.
///
/// Owns its `xmlDoc` until ``takeDocument()``; a builder dropped before that frees it. Element names are interned
/// in the document's own libxml2 dictionary, so a key that repeats on every event (`eventType`) is stored once and
/// costs one hash look-up per element, with no Swift `String` made for it.
final class JSONTreeBuilder {
    enum Failure: Error {
        /// Arrays and objects nest deeper than the caller's limit.
        case tooDeep
        /// libxml2 could not allocate a node.
        case outOfMemory
    }

    var document: xmlDocPtr?
    /// The `<json>` element.
    let root: xmlNodePtr
    let dictionary: OpaquePointer
    let itemName: UnsafePointer<xmlChar>
    let memberName: UnsafePointer<xmlChar>

    init(context: String) throws {
        guard let document = xmlNewDoc("1.0") else { throw MarkupParseError.resourceExhausted(context: context) }
        // xmlFreeDoc frees the dictionary with the document.
        guard let dictionary = xmlDictCreate() else {
            xmlFreeDoc(document)
            throw MarkupParseError.resourceExhausted(context: context)
        }
        document.pointee.dict = dictionary
        guard let json = xmlDictLookup(dictionary, "json", 4), let item = xmlDictLookup(dictionary, "item", 4),
            let member = xmlDictLookup(dictionary, "member", 6),
            let root = xmlNewDocNodeEatName(document, nil, UnsafeMutablePointer(mutating: json), nil)
        else {
            xmlFreeDoc(document)
            throw MarkupParseError.resourceExhausted(context: context)
        }
        xmlDocSetRootElement(document, root)
        self.document = document
        self.dictionary = dictionary
        self.root = root
        self.itemName = item
        self.memberName = member
    }

    deinit {
        if let document { xmlFreeDoc(document) }
    }

    /// Hands the finished document over; the builder no longer frees it.
    func takeDocument() -> xmlDocPtr {
        defer { document = nil }
        return document!
    }

    // Foundation's JSONSerialization hands back these Swift types. Comparing the dynamic type first and casting
    // once is a third faster than trying `as?` casts in turn, since failed casts to collection types are slow.
    private static let stringType = ObjectIdentifier(String.self)
    private static let objectType = ObjectIdentifier([String: Any].self)
    private static let arrayType = ObjectIdentifier([Any].self)

    /// Appends `value` as the content of `element`, which is `depth` containers deep.
    func append(_ value: Any, to element: xmlNodePtr, depth: Int, limit: Int) throws(Failure) {
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == Self.stringType, let text = value as? String {
            try appendText(text, to: element)
        } else if type == Self.objectType, let object = value as? [String: Any] {
            try appendMembers(object, to: element, depth: depth + 1, limit: limit)
        } else if type == Self.arrayType, let array = value as? [Any] {
            try appendItems(array, to: element, depth: depth + 1, limit: limit)
        } else if let number = value as? NSNumber {
            try appendNumber(number, to: element)
        } else if value is NSNull {
            try markNull(element)
        } else if let text = value as? String {
            try appendText(text, to: element)
        } else if let object = value as? [String: Any] {
            try appendMembers(object, to: element, depth: depth + 1, limit: limit)
        } else if let array = value as? [Any] {
            try appendItems(array, to: element, depth: depth + 1, limit: limit)
        } else {
            // JSONSerialization makes nothing else; should a later Foundation do so, keep the text, never crash.
            try appendText(String(describing: value), to: element)
        }
    }

    private func appendMembers(
        _ object: [String: Any], to element: xmlNodePtr, depth: Int, limit: Int
    ) throws(Failure) {
        if depth > limit { throw .tooDeep }
        // JSONSerialization gives a Dictionary, whose order changes from run to run (hashing is seeded per
        // process): sorting the keys makes the tree, and so any positional XPath, the same on every run.
        if object.count == 1, let (key, value) = object.first {
            try append(value, to: memberElement(forKey: key, in: element), depth: depth, limit: limit)
            return
        }
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            try append(value, to: memberElement(forKey: key, in: element), depth: depth, limit: limit)
        }
    }

    private func appendItems(_ array: [Any], to element: xmlNodePtr, depth: Int, limit: Int) throws(Failure) {
        if depth > limit { throw .tooDeep }
        for value in array {
            try append(value, to: newElement(itemName, in: element), depth: depth, limit: limit)
        }
    }

    private func appendNumber(_ number: NSNumber, to element: xmlNodePtr) throws(Failure) {
        // JSONSerialization makes `true` and `false` NSNumbers of Objective-C type "c" (char); no JSON number is.
        if number.objCType.pointee == CChar(UInt8(ascii: "c")) {
            try appendText(number.boolValue ? "true" : "false", to: element)
        } else {
            // Integers as digits (Int64, UInt64, or NSDecimalNumber beyond them), other numbers as Swift's
            // shortest round-tripping Double text ("1.0", "0.1", "1e-07").
            try appendText(number.stringValue, to: element)
        }
    }

    private func markNull(_ element: xmlNodePtr) throws(Failure) {
        guard xmlNewProp(element, "null", "true") != nil else { throw .outOfMemory }
    }

    private func appendText(_ text: String, to element: xmlNodePtr) throws(Failure) {
        // An empty string is an empty element: no text node, as for XML's `<a></a>`.
        if text.isEmpty { return }
        var text = text
        // libxml2 keeps text as C strings, where U+0000 would silently end the value: see `replacingNUL`.
        if text.withUTF8({ bytes in bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }) {
            text = Self.replacingNUL(in: text)
        }
        let document = document
        guard let node = text.withUTF8({ xmlNewDocTextLen(document, $0.baseAddress, Int32($0.count)) }) else {
            throw .outOfMemory
        }
        xmlAddChild(element, node)
    }

    /// `text` with each U+0000 (only ever written `\u0000` in JSON) replaced by U+FFFD, the replacement character.
    static func replacingNUL(in text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : $0 }))
    }

    func newElement(_ name: UnsafePointer<xmlChar>, in parent: xmlNodePtr) throws(Failure) -> xmlNodePtr {
        // The name belongs to the dictionary, so libxml2 will not free it with the node.
        guard let node = xmlNewDocNodeEatName(document, nil, UnsafeMutablePointer(mutating: name), nil) else {
            throw .outOfMemory
        }
        xmlAddChild(parent, node)
        return node
    }

    /// The element for an object member: named by the key when it is a plain XML name, else `<member key="…">`.
    private func memberElement(forKey key: String, in parent: xmlNodePtr) throws(Failure) -> xmlNodePtr {
        var key = key
        let interned: UnsafePointer<xmlChar>? = key.withUTF8 { bytes in
            guard Self.isElementName(bytes), let start = bytes.baseAddress else { return nil }
            return xmlDictLookup(dictionary, start, Int32(bytes.count))
        }
        if let interned { return try newElement(interned, in: parent) }
        let node = try newElement(memberName, in: parent)
        let original = key.utf8.contains(0) ? Self.replacingNUL(in: key) : key
        guard xmlNewProp(node, "key", original) != nil else { throw .outOfMemory }
        return node
    }

    /// Whether a key can be an element name as it is: ASCII letters, digits, `_`, `-` and `.`, starting with a
    /// letter or `_`, and not starting with `xml` in any case (names XML reserves). Anything else (spaces, `:`,
    /// `$`, non-ASCII letters, the empty key) would need escaping, so it goes into a `key` attribute instead.
    static func isElementName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, isLetter(first) || first == UInt8(ascii: "_") else { return false }
        for byte in bytes.dropFirst()
        where !(isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "."))
        {
            return false
        }
        if bytes.count >= 3, bytes[0] | 0x20 == UInt8(ascii: "x"), bytes[1] | 0x20 == UInt8(ascii: "m"),
            bytes[2] | 0x20 == UInt8(ascii: "l")
        {
            return false
        }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}
