internal import CLibXML2
import Foundation

extension JSONTreeBuilder {
    /// Builds the tree for `bytes` straight from the bytes, or returns `nil` for the caller to take Foundation's path.
    ///
    /// The tree is the one ``append(_:to:depth:limit:)`` builds from `JSONSerialization`'s values, node for node, for
    /// the JSON tracking interfaces answer with: strict UTF-8 JSON, ASCII keys written without escapes, each key once
    /// per object, integers of up to 18 digits. Anything else (a fraction or exponent, a longer or `-0` integer, an
    /// escaped or non-ASCII key, a repeated key, `\u0000`, a byte-order mark, invalid UTF-8, nesting deeper than
    /// `limit`, malformed JSON) returns `nil` before any answer is given, so Foundation decides it, with its own
    /// messages: the bytes path only skips the Swift values Foundation makes (three quarters of reading a 17TRACK
    /// answer), never changes what is accepted or how it reads.
    static func buildDirectly(from bytes: [UInt8], context: String, limit: Int) -> JSONTreeBuilder? {
        guard let builder = try? JSONTreeBuilder(context: context) else { return nil }
        let built = bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            var parser = JSONByteParser(base: base, count: buffer.count, builder: builder, limit: limit)
            do throws(JSONByteParser.Unsupported) {
                try parser.document()
                return true
            } catch {
                return false
            }
        }
        return built ? builder : nil
    }
}

/// A strict recursive-descent JSON reader that appends libxml2 nodes as it reads (see
/// ``JSONTreeBuilder/buildDirectly(from:context:limit:)``). Throws ``Unsupported`` for anything it leaves to
/// Foundation.
struct JSONByteParser {
    struct Unsupported: Error {}

    private let base: UnsafePointer<UInt8>
    private let count: Int
    private let builder: JSONTreeBuilder
    private let limit: Int
    private var offset = 0
    /// Decoded text of a string with escapes (most strings have none and are handed to libxml2 in place).
    private var scratch: [UInt8] = []
    /// The members of the objects being read, for sorting: `(key offset, key length, node)`, objects nested below.
    private var members: [(Int, Int, xmlNodePtr)] = []

    init(base: UnsafePointer<UInt8>, count: Int, builder: JSONTreeBuilder, limit: Int) {
        self.base = base
        self.count = count
        self.builder = builder
        self.limit = limit
    }

    mutating func document() throws(Unsupported) {
        skipSpace()
        try value(into: builder.root, depth: 0)
        skipSpace()
        guard offset == count else { throw Unsupported() }
    }

    private var byte: UInt8 { offset < count ? base[offset] : 0 }

    private mutating func skipSpace() {
        while offset < count {
            switch base[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    private mutating func value(into element: xmlNodePtr, depth: Int) throws(Unsupported) {
        switch byte {
        case UInt8(ascii: "{"): try object(into: element, depth: depth + 1)
        case UInt8(ascii: "["): try array(into: element, depth: depth + 1)
        case UInt8(ascii: "\""):
            if let (start, length) = try string() {
                if length > 0 { try text(base + start, length, into: element) }
            } else if !scratch.isEmpty {
                try scratch.withUnsafeBufferPointer { decoded throws(Unsupported) in
                    try text(decoded.baseAddress!, decoded.count, into: element)
                }
            }
        case UInt8(ascii: "t"): try literal("true", into: element, text: true)
        case UInt8(ascii: "f"): try literal("false", into: element, text: true)
        case UInt8(ascii: "n"): try literal("null", into: element, text: false)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number(into: element)
        default: throw Unsupported()
        }
    }

    private mutating func literal(_ word: StaticString, into element: xmlNodePtr, text: Bool) throws(Unsupported) {
        let length = word.utf8CodeUnitCount
        guard offset + length <= count, memcmp(base + offset, word.utf8Start, length) == 0 else { throw Unsupported() }
        if text {
            try self.text(base + offset, length, into: element)
        } else {
            guard xmlNewProp(element, "null", "true") != nil else { throw Unsupported() }
        }
        offset += length
    }

    /// An integer as Foundation's `NSNumber` spells it back: its own digits (JSON allows no leading zeros).
    private mutating func number(into element: xmlNodePtr) throws(Unsupported) {
        let start = offset
        if byte == UInt8(ascii: "-") { offset += 1 }
        let digitsStart = offset
        while offset < count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(base[offset]) { offset += 1 }
        let digits = offset - digitsStart
        guard digits >= 1, digits <= 18, !(digits > 1 && base[digitsStart] == UInt8(ascii: "0")) else { throw Unsupported() }
        // `-0`, fractions and exponents are Foundation's to read (as doubles, spelt its way).
        if base[start] == UInt8(ascii: "-"), digits == 1, base[digitsStart] == UInt8(ascii: "0") { throw Unsupported() }
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): throw Unsupported()
        default: break
        }
        try text(base + start, offset - start, into: element)
    }

    private func text(_ start: UnsafePointer<UInt8>, _ length: Int, into element: xmlNodePtr) throws(Unsupported) {
        guard length <= Int(Int32.max), let node = xmlNewDocTextLen(builder.document, start, Int32(length)) else {
            throw Unsupported()
        }
        xmlAddChild(element, node)
    }

    private mutating func array(into element: xmlNodePtr, depth: Int) throws(Unsupported) {
        guard depth <= limit else { throw Unsupported() }
        offset += 1
        skipSpace()
        if byte == UInt8(ascii: "]") {
            offset += 1
            return
        }
        while true {
            guard let item = try? builder.newElement(builder.itemName, in: element) else { throw Unsupported() }
            try value(into: item, depth: depth)
            skipSpace()
            switch byte {
            case UInt8(ascii: ","):
                offset += 1
                skipSpace()
            case UInt8(ascii: "]"):
                offset += 1
                return
            default: throw Unsupported()
            }
        }
    }

    private mutating func object(into element: xmlNodePtr, depth: Int) throws(Unsupported) {
        guard depth <= limit else { throw Unsupported() }
        offset += 1
        skipSpace()
        if byte == UInt8(ascii: "}") {
            offset += 1
            return
        }
        let first = members.count
        var inOrder = true
        while true {
            guard byte == UInt8(ascii: "\"") else { throw Unsupported() }
            let key = try plainKey()
            skipSpace()
            guard byte == UInt8(ascii: ":") else { throw Unsupported() }
            offset += 1
            skipSpace()
            let member = try memberElement(key.start, key.length, in: element)
            if members.count > first, let previous = members.last, !Self.precedes(previous.0, previous.1, key.start, key.length, base) {
                inOrder = false
            }
            members.append((key.start, key.length, member))
            try value(into: member, depth: depth)
            skipSpace()
            switch byte {
            case UInt8(ascii: ","):
                offset += 1
                skipSpace()
            case UInt8(ascii: "}"):
                offset += 1
                defer { members.removeSubrange(first...) }
                // Foundation's dictionary has no order; the builder sorts keys so positional XPaths are stable.
                if !inOrder { try sortMembers(from: first, of: element) }
                return
            default: throw Unsupported()
            }
        }
    }

    /// Whether key `a` sorts strictly before key `b` (ASCII keys: byte order is `String`'s order).
    private static func precedes(_ a: Int, _ aLength: Int, _ b: Int, _ bLength: Int, _ base: UnsafePointer<UInt8>) -> Bool {
        let common = memcmp(base + a, base + b, min(aLength, bLength))
        return common < 0 || (common == 0 && aLength < bLength)
    }

    private mutating func sortMembers(from first: Int, of element: xmlNodePtr) throws(Unsupported) {
        let base = base
        let sorted = members[first...].sorted { Self.precedes($0.0, $0.1, $1.0, $1.1, base) }
        // A repeated key: Foundation keeps one of the values; which one is its to say.
        for index in sorted.indices.dropFirst() where !Self.precedes(sorted[index - 1].0, sorted[index - 1].1, sorted[index].0, sorted[index].1, base) {
            throw Unsupported()
        }
        for (_, _, node) in sorted {
            xmlUnlinkNode(node)
            xmlAddChild(element, node)
        }
    }

    /// The element for a member, named by its key when the key is a plain XML name, else `<member key="…">`.
    private func memberElement(_ start: Int, _ length: Int, in parent: xmlNodePtr) throws(Unsupported) -> xmlNodePtr {
        let key = UnsafeBufferPointer(start: base + start, count: length)
        if JSONTreeBuilder.isElementName(key) {
            guard let interned = xmlDictLookup(builder.dictionary, base + start, Int32(length)),
                let node = try? builder.newElement(interned, in: parent)
            else { throw Unsupported() }
            return node
        }
        guard let node = try? builder.newElement(builder.memberName, in: parent),
            xmlNewProp(node, "key", String(decoding: key, as: UTF8.self)) != nil
        else { throw Unsupported() }
        return node
    }

    /// A key: printable ASCII without escapes (anything else is Foundation's to read). The offset of its first byte.
    private mutating func plainKey() throws(Unsupported) -> (start: Int, length: Int) {
        offset += 1
        let start = offset
        while offset < count {
            let current = base[offset]
            if current == UInt8(ascii: "\"") {
                offset += 1
                return (start, offset - 1 - start)
            }
            guard current >= 0x20, current < 0x80, current != UInt8(ascii: "\\") else { throw Unsupported() }
            offset += 1
        }
        throw Unsupported()
    }

    /// A string value: its offset and length when it has no escapes, else `nil` with the text decoded into `scratch`.
    private mutating func string() throws(Unsupported) -> (Int, Int)? {
        offset += 1
        let start = offset
        while offset < count {
            let current = base[offset]
            if current == UInt8(ascii: "\"") {
                offset += 1
                return (start, offset - 1 - start)
            }
            if current == UInt8(ascii: "\\") {
                try escapedString(from: start)
                return nil
            }
            guard current >= 0x20 else { throw Unsupported() }
            if current < 0x80 {
                offset += 1
            } else {
                offset += try validSequenceLength(at: offset)
            }
        }
        throw Unsupported()
    }

    private mutating func escapedString(from start: Int) throws(Unsupported) {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: offset - start))
        while offset < count {
            let current = base[offset]
            if current == UInt8(ascii: "\"") {
                offset += 1
                return
            }
            if current == UInt8(ascii: "\\") {
                offset += 1
                guard offset < count else { throw Unsupported() }
                let escaped = base[offset]
                offset += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escaped)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard byte == UInt8(ascii: "\\"), offset + 1 < count, base[offset + 1] == UInt8(ascii: "u") else {
                            throw Unsupported()
                        }
                        offset += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw Unsupported() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    // U+0000 gets the replacement character from Foundation's path; lone surrogates are refused there.
                    guard scalar != 0, !(0xD800...0xDFFF).contains(scalar), let unicode = Unicode.Scalar(scalar) else {
                        throw Unsupported()
                    }
                    scratch.append(contentsOf: UTF8.encode(unicode)!)
                default: throw Unsupported()
                }
                continue
            }
            guard current >= 0x20 else { throw Unsupported() }
            let length = current < 0x80 ? 1 : try validSequenceLength(at: offset)
            scratch.append(contentsOf: UnsafeBufferPointer(start: base + offset, count: length))
            offset += length
        }
        throw Unsupported()
    }

    private mutating func hex4() throws(Unsupported) -> UInt32 {
        guard offset + 4 <= count else { throw Unsupported() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let digit = base[offset]
            let nibble: UInt8
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = digit - UInt8(ascii: "A") + 10
            default: throw Unsupported()
            }
            value = value << 4 | UInt32(nibble)
            offset += 1
        }
        return value
    }

    /// The length of the well-formed UTF-8 sequence of more than one byte at `at` (no overlongs, no surrogates,
    /// nothing above U+10FFFF).
    private func validSequenceLength(at index: Int) throws(Unsupported) -> Int {
        let lead = base[index]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: throw Unsupported()
        }
        guard index + length <= count else { throw Unsupported() }
        guard (lower...upper).contains(base[index + 1]) else { throw Unsupported() }
        for next in 2..<length where !(0x80...0xBF).contains(base[index + next]) { throw Unsupported() }
        return length
    }
}
