/// A buffered writer of UTF-8 text into a sink, with HTML escaping that appends bytes directly (no intermediate
/// strings per value, which matters for 100,000 rows).
struct ByteOutput<Sink: ReportSink> {
    var sink: Sink
    private var buffer: [UInt8] = []
    /// Bytes handed to the sink so far plus those buffered.
    private(set) var count = 0
    private static var chunk: Int { 1 << 16 }

    init(sink: Sink) {
        self.sink = sink
        buffer.reserveCapacity(Self.chunk + 4_096)
    }

    /// Appends trusted markup or text as is.
    mutating func raw(_ text: String) {
        count += text.utf8.count
        buffer.append(contentsOf: text.utf8)
    }

    /// Appends bytes that are already markup (rows rendered into another output).
    mutating func raw(bytes: [UInt8]) {
        count += bytes.count
        buffer.append(contentsOf: bytes)
    }

    /// Appends text escaped for HTML content and double- or single-quoted attribute values: `&`, `<`, `>`, `"` and
    /// `'` become character references, so no value can open a tag, close an attribute or start an entity.
    mutating func text(_ text: String) {
        let before = buffer.count
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): buffer.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case UInt8(ascii: "<"): buffer.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case UInt8(ascii: ">"): buffer.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case UInt8(ascii: "\""): buffer.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case UInt8(ascii: "'"): buffer.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            // Control characters other than tab and line breaks are not allowed in HTML text: drop them.
            case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F: continue
            default: buffer.append(byte)
            }
        }
        count += buffer.count - before
    }

    /// Appends an integer.
    mutating func number(_ value: Int) { raw(String(value)) }

    /// Hands the buffer to the sink when it holds a chunk.
    mutating func flushIfFull() throws {
        if buffer.count >= Self.chunk { try flush() }
    }

    /// Hands everything buffered to the sink.
    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
