internal import CLibXML2

/// Where ``MarkupNode`` copies a node's text: as it is, or whitespace-folded on the fly.
protocol TextSink {
    /// Appends `count` bytes of UTF-8 text (one text node's content: whole characters).
    mutating func append(_ bytes: UnsafePointer<UInt8>, count: Int)
    /// Appends the space that separates an HTML block from what follows.
    mutating func appendSpace()
}

/// The text as libxml2 holds it.
struct RawText: TextSink {
    var bytes: [UInt8] = []

    mutating func append(_ bytes: UnsafePointer<UInt8>, count: Int) {
        self.bytes.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }

    mutating func appendSpace() { bytes.append(0x20) }
}

/// The text with every run of whitespace folded to one space and the ends trimmed, decided on the bytes.
///
/// Whitespace is Unicode's White_Space property, as `Unicode.Scalar.Properties.isWhitespace` has it: U+0009-U+000D,
/// U+0020, U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F and U+3000 (the ideographic space of
/// Chinese pages). A multi-byte space is recognised only as a whole, well-formed sequence, and text nodes hold whole
/// characters, so the result is the same as folding the decoded string scalar by scalar (malformed bytes are left
/// for `String(decoding:)` to repair, as before).
struct FoldedText: TextSink {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false

    /// The folded text.
    var string: String { bytes.isEmpty ? "" : String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ text: UnsafePointer<UInt8>, count: Int) {
        var index = 0
        while index < count {
            let byte = text[index]
            let space: Int
            if byte < 0x80 {
                space = byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0
            } else {
                space = Self.multibyteSpaceLength(text + index, available: count - index)
            }
            if space > 0 {
                pendingSpace = !bytes.isEmpty
                index += space
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            // Copy the run up to the next possible space at once.
            var end = index + 1
            while end < count {
                let next = text[end]
                if next == 0x20 || (0x09...0x0D).contains(next) || next == 0xC2 || next == 0xE1 || next == 0xE2 || next == 0xE3 {
                    break
                }
                end += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(start: text + index, count: end - index))
            index = end
        }
    }

    mutating func appendSpace() { pendingSpace = !bytes.isEmpty }

    /// The length of the multi-byte White_Space character at `bytes`, or 0.
    private static func multibyteSpaceLength(_ bytes: UnsafePointer<UInt8>, available: Int) -> Int {
        switch bytes[0] {
        case 0xC2:
            return available >= 2 && (bytes[1] == 0x85 || bytes[1] == 0xA0) ? 2 : 0
        case 0xE1:
            return available >= 3 && bytes[1] == 0x9A && bytes[2] == 0x80 ? 3 : 0
        case 0xE2:
            guard available >= 3 else { return 0 }
            if bytes[1] == 0x80, bytes[2] <= 0x8A || bytes[2] == 0xA8 || bytes[2] == 0xA9 || bytes[2] == 0xAF {
                return bytes[2] >= 0x80 ? 3 : 0
            }
            return bytes[1] == 0x81 && bytes[2] == 0x9F ? 3 : 0
        case 0xE3:
            return available >= 3 && bytes[1] == 0x80 && bytes[2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }
}

/// HTML element names the text walk treats specially, compared on libxml2's bytes (HTML names are lower case).
enum HTMLNames {
    /// Elements whose content is not page text.
    static func isScriptOrStyle(_ name: UnsafePointer<UInt8>) -> Bool {
        equals(name, "script") || equals(name, "style")
    }

    /// Elements that do not break a line, so no space is added after them.
    static func isInline(_ name: UnsafePointer<UInt8>) -> Bool {
        switch xmlStrlen(name) {
        case 1: return equals(name, "a") || equals(name, "b") || equals(name, "i") || equals(name, "q") || equals(name, "s")
            || equals(name, "u")
        case 2: return equals(name, "em")
        case 3: return equals(name, "bdi") || equals(name, "bdo") || equals(name, "dfn") || equals(name, "kbd") || equals(name, "sub")
            || equals(name, "sup") || equals(name, "var")
        case 4: return equals(name, "abbr") || equals(name, "cite") || equals(name, "code") || equals(name, "data")
            || equals(name, "font") || equals(name, "mark") || equals(name, "samp") || equals(name, "span") || equals(name, "time")
        case 5: return equals(name, "label") || equals(name, "small")
        case 6: return equals(name, "strong")
        default: return false
        }
    }

    private static func equals(_ name: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        xmlStrEqual(name, literal.utf8Start) != 0
    }
}
